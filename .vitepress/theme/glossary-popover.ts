/**
 * The glossary popover (loaded on demand by ./glossary-links.ts, which forwards every delegated
 * event to handle()). One popover element for the whole page, appended to <body> and placed with
 * `position: fixed` inside the viewport (8 px margins, at most 320 px wide), below the term, or above
 * it when there is no room below. It shows the term's names (the page's language first) and its
 * one-line definition, fetched from `terms/<id>.json` next to the glossary page the link points at
 * (ClientTerm of core/glossary.ts; written by popoverExports() in .vitepress/plugins/glossary.ts),
 * once per term and page load.
 * - mouse: opens after a short hover delay, closes shortly after the pointer leaves (moving onto
 *   the popover keeps it open, so its link can be clicked);
 * - keyboard: opens when the link receives keyboard focus (:focus-visible), closes on blur;
 * - touch: the first tap opens the popover instead of navigating; a second tap on the term, or
 *   the "查看术语表" link inside, navigates; tapping elsewhere closes it;
 * - Escape closes it from anywhere (WCAG 1.4.13 "dismissible"); it stays closed until the pointer
 *   or focus leaves the term and comes back.
 * While open, the popover is `role="tooltip"` and the link's `aria-describedby` points at its names
 * and definition (without the "查看术语表" link text). A term whose data cannot be loaded gets no
 * popover: the link still works.
 */
import type { ClientTerm } from '../../core/glossary'
import { UI, langOfDocument } from './i18n-text'
import { armTap, takeTap, termLink } from './glossary-links'
import './glossary-popover.css'

const OPEN_DELAY = 300
const CLOSE_DELAY = 200
const TEXT_ID = 'glossary-tip-text'

let tip: HTMLElement | undefined
/** the link whose popover is open */
let current: HTMLAnchorElement | null = null
/** the link the reader last asked for (a data fetch in flight is dropped if this changes) */
let wanted: HTMLAnchorElement | null = null
let openTimer: ReturnType<typeof setTimeout> | undefined
let closeTimer: ReturnType<typeof setTimeout> | undefined
let hovering: HTMLAnchorElement | null = null
/** Escape pressed on this link's popover: stays closed until the pointer or focus leaves it */
let dismissed: HTMLAnchorElement | null = null
let lastPoint: { x: number; y: number } | null = null
const terms = new Map<string, Promise<ClientTerm | undefined>>()

/** `terms/<id>.json` resolved against the link's glossary page (keeps the site base). */
function termData(link: HTMLAnchorElement): Promise<ClientTerm | undefined> {
  const page = new URL(link.href)
  page.hash = ''
  const url = new URL(`terms/${encodeURIComponent(link.dataset.term!)}.json`, page).href
  if (!terms.has(url)) {
    terms.set(url, fetch(url).then((r) => (r.ok ? (r.json() as Promise<ClientTerm>) : undefined)).catch(() => undefined))
  }
  return terms.get(url)!
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  e.className = cls
  if (text !== undefined) e.textContent = text
  return e
}

/** The popover's content for one term (the same markup as the former <GlossaryPopover> component). */
function render(link: HTMLAnchorElement, term: ClientTerm): HTMLElement {
  const english = langOfDocument() === 'en'
  if (!tip) {
    tip = el('div', 'glossary-tip')
    tip.id = 'glossary-tip'
    tip.hidden = true
    tip.setAttribute('role', 'tooltip')
  }
  const text = el('span', 'glossary-tip__text')
  text.id = TEXT_ID
  const names = el('span', 'glossary-tip__names')
  names.append(el('span', 'glossary-tip__zh', english ? term.en : term.zh))
  // "CMD 指令" already shows "CMD": no second name (zhShowsEn in core/glossary-refs.ts)
  if (!term.zh.toLowerCase().includes(term.en.toLowerCase())) {
    const other = el('span', 'glossary-tip__en', english ? term.zh : term.en)
    other.lang = english ? 'zh-CN' : 'en'
    names.append(other)
  }
  const short = el('span', 'glossary-tip__short', term.short)
  if (english && term.fallback) short.lang = 'zh-CN'
  text.append(names, short)
  const more = el('a', 'glossary-tip__more', UI[english ? 'en' : 'zh'].viewInGlossary)
  more.setAttribute('href', link.getAttribute('href')!) // as written in the page (site base included)
  more.tabIndex = -1
  const arrow = document.createElement('span')
  arrow.textContent = ' →'
  arrow.setAttribute('aria-hidden', 'true')
  more.append(arrow)
  tip.replaceChildren(text, more)
  if (!tip.isConnected) document.body.append(tip)
  return tip
}

function clearTimers(): void {
  clearTimeout(openTimer)
  clearTimeout(closeTimer)
  openTimer = closeTimer = undefined
}

async function show(link: HTMLAnchorElement): Promise<void> {
  clearTimers()
  wanted = link
  if (current === link) return
  const term = await termData(link)
  if (wanted !== link || !term || !link.isConnected) return
  hide()
  wanted = link
  const t = render(link, term)
  current = link
  link.setAttribute('aria-describedby', TEXT_ID)
  t.hidden = false
  listen(true)
  place()
}

function hide(): void {
  clearTimers()
  wanted = null
  if (!current) return
  current.removeAttribute('aria-describedby')
  current = null
  if (tip) tip.hidden = true
  listen(false)
}

/** Place the popover under (or above) the line box of the term nearest to the pointer. */
function place(): void {
  const a = current
  const t = tip
  if (!a || !t) return
  if (!a.isConnected) return hide() // the page changed under an open popover
  const rects = Array.from(a.getClientRects())
  let r = rects[0] ?? a.getBoundingClientRect()
  if (lastPoint && rects.length > 1) {
    const p = lastPoint
    r = rects.reduce((best, x) => (Math.abs((x.top + x.bottom) / 2 - p.y) < Math.abs((best.top + best.bottom) / 2 - p.y) ? x : best))
  }
  const vw = document.documentElement.clientWidth || window.innerWidth
  const vh = window.innerHeight
  const margin = 8
  const gap = 6
  const width = Math.min(320, vw - 2 * margin)
  t.style.width = `${width}px`
  const h = t.offsetHeight
  const left = Math.min(Math.max(margin, r.left), vw - width - margin)
  let top = r.bottom + gap
  t.classList.remove('is-above')
  if (top + h > vh - margin && r.top - gap - h >= margin) {
    top = r.top - gap - h
    t.classList.add('is-above')
  }
  t.style.left = `${Math.round(left)}px`
  t.style.top = `${Math.round(top)}px`
}

function listen(on: boolean): void {
  const method = on ? 'addEventListener' : 'removeEventListener'
  window[method]('scroll', place, { capture: true, passive: true } as AddEventListenerOptions)
  window[method]('resize', place)
}

const inRegion = (node: EventTarget | null): boolean =>
  !!current && node instanceof Node && (current.contains(node) || !!tip?.contains(node))

function hasKeyboardFocus(a: HTMLAnchorElement): boolean {
  if (document.activeElement !== a) return false
  try {
    return a.matches(':focus-visible')
  } catch {
    return true
  }
}

/** The pointer or focus left the open popover's term and popover. */
function left(): void {
  dismissed = null
  if (current && !hovering && !hasKeyboardFocus(current)) closeTimer = setTimeout(hide, CLOSE_DELAY)
}

/** Touch: the first tap on a term (armed by armTap) opens its popover. */
export function openTapped(link: HTMLAnchorElement, e: MouseEvent): void {
  dismissed = null
  lastPoint = { x: e.clientX, y: e.clientY }
  void show(link)
}

/** Every delegated event of ./glossary-links.ts (capture phase on document). */
export function handle(e: Event): void {
  const link = termLink(e.target)
  switch (e.type) {
    case 'pointerover': {
      const p = e as PointerEvent
      if (p.pointerType === 'touch') return
      if (inRegion(e.target)) clearTimeout(closeTimer)
      if (!link || link.contains(p.relatedTarget as Node | null)) return
      hovering = link
      lastPoint = { x: p.clientX, y: p.clientY }
      if (current !== link && dismissed !== link && wanted !== link) {
        clearTimeout(openTimer)
        wanted = link
        openTimer = setTimeout(() => void show(link), OPEN_DELAY)
      }
      return
    }
    case 'pointerout': {
      const p = e as PointerEvent
      if (p.pointerType === 'touch') return
      const to = p.relatedTarget as Node | null
      if (link && !link.contains(to)) {
        if (hovering === link) hovering = null
        if (wanted === link && current !== link) {
          clearTimeout(openTimer)
          wanted = null
        }
        if (dismissed === link) dismissed = null
      }
      if (inRegion(e.target) && !inRegion(to)) {
        hovering = null
        left()
      }
      return
    }
    case 'focusin':
      if (link && dismissed !== link && hasKeyboardFocus(link)) {
        lastPoint = null
        void show(link)
      }
      return
    case 'focusout':
      if (inRegion(e.target) && !inRegion((e as FocusEvent).relatedTarget)) {
        dismissed = null
        if (!hovering) hide()
      }
      return
    case 'pointerdown':
      if (current && !inRegion(e.target)) hide()
      if (link) armTap(link, e as PointerEvent, current === link)
      return
    case 'click':
      if (link && takeTap(link, e as MouseEvent)) openTapped(link, e as MouseEvent)
      else if (current && (link === current || (e.target instanceof Element && e.target.closest('.glossary-tip__more')))) hide()
      return
    case 'keydown':
      if ((e as KeyboardEvent).key !== 'Escape' || !current) return
      dismissed = current
      if (tip?.contains(document.activeElement)) current.focus()
      hide()
  }
}
