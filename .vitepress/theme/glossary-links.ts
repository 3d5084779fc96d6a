/**
 * Glossary references, the browser's side (issue #14, lean pages). `[[id]]` is rendered at Markdown
 * time as a static link, `<a class="glossary-term" href="/glossary/#id" data-term="id">`
 * (.vitepress/plugins/glossary.ts): it works without JavaScript, in embeds, print and the PDF, and
 * Vue treats the paragraph around it as static content. The popover (hover, keyboard focus, tap,
 * Escape, `role="tooltip"`) is one delegated set of listeners on `document`, installed here by the
 * theme; its code (./glossary-popover.ts) and the term's data (`terms/<id>.json` next to the glossary
 * page, see popoverExports() in the plugin) are downloaded only when a reader reaches for a term.
 *
 * Until the popover code has arrived, events on a term are queued and handed to it in order, except
 * the two parts of a first tap that must happen in the event itself (armTap, takeTap).
 */

type Popover = typeof import('./glossary-popover')
let popover: Popover | undefined
let loading: Promise<Popover> | undefined
const load = () => (loading ??= import('./glossary-popover').then((m) => (popover = m)))

/** The glossary reference an event happened in, if any. */
export const termLink = (target: EventTarget | null): HTMLAnchorElement | null =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a.glossary-term[data-term]') : null

let armed: HTMLAnchorElement | null = null

/**
 * A touch `pointerdown` on a term whose popover is closed: the click that follows opens the popover
 * instead of navigating. VitePress's router handles link clicks in a window *capture* listener,
 * before ours, and skips links that carry a `target` attribute: hence `target="_self"` until the click.
 */
export function armTap(link: HTMLAnchorElement, e: PointerEvent, open: boolean): void {
  if (armed) armed.removeAttribute('target')
  armed = e.pointerType === 'touch' && !open ? link : null
  armed?.setAttribute('target', '_self')
}

/** On a click on `link`: true (and the navigation cancelled) if it is the armed first tap. */
export function takeTap(link: HTMLAnchorElement, e: MouseEvent): boolean {
  const was = armed === link
  armed?.removeAttribute('target')
  armed = null
  if (!was || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return false
  e.preventDefault()
  return true
}

/** The events the popover needs; `pointerleave`/`pointerenter` do not bubble, their `out`/`over` do. */
const EVENTS = ['pointerover', 'pointerout', 'focusin', 'focusout', 'pointerdown', 'click', 'keydown'] as const

function onEvent(e: Event): void {
  if (popover) return popover.handle(e)
  const link = termLink(e.target)
  if (!link) return
  if (e.type === 'pointerdown') armTap(link, e as PointerEvent, false)
  else if (e.type === 'click') {
    if (takeTap(link, e as MouseEvent)) load().then((m) => m.openTapped(link, e as MouseEvent))
    return
  }
  // hover and focus: replayed in order once the code is there (a pointer that left meanwhile cancels)
  if (e.type !== 'pointerdown') load().then((m) => m.handle(e))
  else load()
}

/** Call once, in the browser (enhanceApp). */
export function installGlossaryLinks(): void {
  for (const type of EVENTS) document.addEventListener(type, onEvent, { capture: true, passive: false })
}
