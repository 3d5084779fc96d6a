/**
 * The sidebar opens scrolled to the current page's link (outside tester: on long sidebars — the
 * whole site is one tree, /cli/ and the glossary sit far down — the desktop sidebar always opened
 * at its top, the current page out of sight). Only the sidebar's own scroll container moves
 * (scrollTop; scrollIntoView would scroll the page too), which is no layout shift, and only when
 * the link is not already in view. It runs on the server HTML after its first layout, while the app
 * mounts: the link is found by its address (VitePress marks it `is-active` only once the lazily
 * hydrated sidebar groups hydrate, ./lazy-hydration.ts), so nothing is hydrated for it. After a
 * client-side navigation (the pager, a link in the text) the new page's link is brought into view
 * the same way.
 */
import { nextTick } from 'vue'
import type { Router } from 'vitepress'

/** A path without `.html`, a trailing `index` or a trailing slash: `/cli/` and `/cli/index.html` are one page. */
const pagePath = (p: string) => decodeURI(p).replace(/\.html$/, '').replace(/\/index$/, '/').replace(/(.)\/$/, '$1')

/**
 * Scroll the sidebar (if it scrolls) so the link to the current page is in its middle, unless the
 * link is already wholly visible below the nav bar. No-op without a sidebar or a matching link.
 */
export function revealCurrentSidebarLink(): void {
  const sidebar = document.querySelector<HTMLElement>('.VPSidebar')
  if (!sidebar || sidebar.scrollHeight <= sidebar.clientHeight) return
  const here = pagePath(location.pathname)
  const link = [...sidebar.querySelectorAll<HTMLAnchorElement>('a.link[href]')].find((a) => pagePath(new URL(a.href).pathname) === here)
  if (!link) return
  const box = sidebar.getBoundingClientRect()
  // the nav bar covers the top of the sidebar column on a desktop (the site title sits there)
  const top = Math.max(box.top, document.querySelector('.VPNavBar')?.getBoundingClientRect().bottom ?? box.top)
  const r = link.getBoundingClientRect()
  if (r.top >= top && r.bottom <= box.bottom) return
  sidebar.scrollTop += r.top - (top + box.bottom - r.height) / 2
}

/**
 * Call once from enhanceApp (browser only): once the server HTML has been laid out, and after each
 * client-side navigation.
 *
 * Not synchronously here: enhanceApp runs when the HTML has just been parsed and the page's layout
 * is out of date, and reading the sidebar's geometry then forced the style and layout of the whole
 * page inside the script task that goes on to hydrate (about 0.6 s of CPU at 4× slowdown on
 * /cli/container's 3500 elements; decisions.md, "加载时不读布局"). A ResizeObserver reports the
 * sidebar right after the browser's own next layout, when reading its geometry costs nothing more;
 * the scroll then lands before that frame is painted. Desktop and the phone's drawer (laid out
 * while hidden) behave as before. tests/browser/load-layout.test.ts checks that no geometry is read
 * before hydration.
 */
export function installSidebarReveal(router: Router): void {
  const sidebar = document.querySelector('.VPSidebar')
  if (sidebar && typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(() => {
      observer.disconnect()
      revealCurrentSidebarLink()
    })
    observer.observe(sidebar)
  }
  const previous = router.onAfterRouteChange ?? router.onAfterRouteChanged
  // VitePress also calls this for the first page, before the app mounts: that one is the observer's
  let firstPage = true
  router.onAfterRouteChange = async (to: string) => {
    await previous?.(to)
    if (firstPage) {
      firstPage = false
      return
    }
    // the new page's sidebar is rendered on the next tick
    await nextTick()
    revealCurrentSidebarLink()
  }
}
