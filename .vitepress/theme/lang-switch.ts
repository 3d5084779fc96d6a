/**
 * The language switch keeps the page and the section (issue #17).
 *
 * VitePress's language menu links to the other locale's home page (`i18nRouting: false` in
 * config/shared.ts: frozen releases have no English twin, and a link must never lead to a 404). A
 * click takes the reader to the same page and section when the other language has the page:
 * translators keep the same sequence of `##`/`###` headings (checked by
 * scripts/check-translations.ts), so section k of one page is section k of the other, although the
 * anchors (VitePress slugs of the heading text) differ. A page the other language lacks (a frozen
 * release, a page being translated) leads to that language's home page.
 *
 * Cost on every page: this small module, no data. Whether the page exists in the other language
 * comes from VitePress's own page hash map (window.__VP_HASH_MAP__, already in every page: one
 * entry per built page, key `en_guide_why.md`); the section index comes from the current DOM, and
 * the target heading from the DOM of the page after navigating. Without JavaScript the menu link
 * works as VitePress made it (the other locale's home page).
 */
import { getScrollOffset, type Router } from 'vitepress'
import { nextTick } from 'vue'
import { routeOf } from '../../core/version-paths'
import { splitScope } from '../../core/site-data-scope'

/** Folder of the English edition under docs/ (scripts/lib/translations.ts EN_DIR). */
const EN = 'en/'

/**
 * The other language's page for a page path relative to docs/ (`guide/why.md` <->
 * `en/guide/why.md`; frozen releases: `v/<name>/guide/why.md` <-> `v/<name>/en/guide/why.md`).
 */
export function counterpartPath(relativePath: string): string {
  const { release, en, rest } = splitScope(relativePath)
  return `${release}${en ? '' : EN}${rest}`
}


/** VitePress's hash-map key of a page path (client/app/utils.js pathToFile): `/` -> `_`, lower case. */
export const hashMapKey = (relativePath: string) => relativePath.replace(/\//g, '_').toLowerCase()

/** Headings that count as sections: the `##`/`###` of the Markdown, in document order. */
function sections(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.vp-doc h2[id], .vp-doc h3[id]')]
}

/** Is this click on an entry of the language menu (nav bar, its "…" menu, or the phone menu)? */
function languageLink(e: MouseEvent, base: string): HTMLAnchorElement | null {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.defaultPrevented) return null
  const a = (e.target as Element | null)?.closest?.('a')
  // the nav bar's language menu, the phone menu's, and the language group of the "…" menu
  return a?.closest('.VPNavBarTranslations, .VPNavScreenTranslations, .VPNavBarExtra .translations') ? a : null
}

/** Scroll to a heading as VitePress does for an in-page link (below the fixed nav bar). */
function scrollToHeading(el: HTMLElement): void {
  const top = window.scrollY + el.getBoundingClientRect().top - getScrollOffset()
  window.scrollTo({ top, behavior: 'instant' as ScrollBehavior })
}

let router: Router | undefined
let base = '/'

async function onClick(e: MouseEvent): Promise<void> {
  if (!router || !languageLink(e, base)) return
  const relativePath = router.route.data.relativePath
  if (!relativePath || router.route.data.isNotFound) return
  const target = counterpartPath(relativePath)
  const map = (window as { __VP_HASH_MAP__?: Record<string, string> }).__VP_HASH_MAP__
  e.preventDefault() // VitePress's router skips a click whose default is prevented
  // in production the map lists every page; not there: the other language's home page, not a 404
  if (map && !map[hashMapKey(target)]) { await router.go(`${base}${relativePath.startsWith(EN) ? '' : EN}`); return }
  const id = decodeURIComponent(location.hash.slice(1))
  const k = id ? sections().findIndex((h) => h.id === id) : -1
  await router.go(`${base}${routeOf(target)}`)
  if (!id) return
  await nextTick()
  // same section by position; an anchor that is not a section (e.g. a glossary term id, the
  // same in both languages) is kept when the target page has it
  const el = k >= 0 ? sections()[k] : document.getElementById(id)
  if (!el) return
  history.replaceState(history.state, '', `#${encodeURIComponent(el.id)}`)
  scrollToHeading(el)
}

// VitePress's router handles link clicks in a capturing listener on window, added when the app is
// created. Listeners of one target and phase run in the order they were added, so ours is added
// when this module is evaluated: the theme is imported before the app (and its router) is created.
if (typeof window !== 'undefined') window.addEventListener('click', (e) => void onClick(e), { capture: true })

/** Called from enhanceApp: the router to navigate with and the site base (`/`, `/docker-kb/`). */
export function installLangSwitch(r: Router, siteBase: string): void {
  router = r
  base = siteBase
}
