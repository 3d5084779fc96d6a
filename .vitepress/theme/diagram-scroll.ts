/**
 * A diagram wider than its column scrolls sideways (styles.css: never drawn below 3/4 of its size).
 * The scroll shadows at its edges are easy to miss on a phone (outside reader: the Swarm sequence
 * diagram at 375 px was "cut off" with "nothing showing that it scrolls"), so a figure that
 * overflows also gets `data-scrolls`, and the stylesheet adds a hint after its caption
 * ("可左右滑动查看全图" / "scroll sideways to see all"). Without JS (embeds with scripts blocked,
 * print) the diagram still scrolls and the shadows still show; only the words are missing.
 * Which figures overflow changes with the width, so each figure is watched with a ResizeObserver
 * (one observer for the page; figures of the previous page are unobserved on navigation).
 */
import { nextTick } from 'vue'
import type { Router } from 'vitepress'

/** Set or clear `data-scrolls` on one `.mermaid-diagram` figure: set when its content is wider than its box (1 px rounding slack). */
export function markScrollable(figure: HTMLElement): void {
  const scrolls = figure.scrollWidth > figure.clientWidth + 1
  if (scrolls !== figure.hasAttribute('data-scrolls')) figure.toggleAttribute('data-scrolls', scrolls)
}

/** Call once from enhanceApp (browser only): marks the figures of the page now and after each client-side navigation. */
export function installDiagramScrollHint(router: Router): void {
  if (typeof ResizeObserver === 'undefined') return
  const observer = new ResizeObserver((entries) => entries.forEach((e) => markScrollable(e.target as HTMLElement)))
  const watch = () => {
    observer.disconnect()
    document.querySelectorAll<HTMLElement>('.mermaid-diagram').forEach((f) => observer.observe(f))
  }
  watch()
  const previous = router.onAfterRouteChange ?? router.onAfterRouteChanged
  router.onAfterRouteChange = async (to: string) => {
    await previous?.(to)
    await nextTick() // the new page's figures are rendered on the next tick
    watch()
  }
}
