/**
 * The language switch keeps the page and the section (issue #17).
 *
 * VitePress's language menu links to the other locale's home page (`i18nRouting: false` in
 * config/shared.ts: frozen releases have no English twin, and a link must never lead to a 404). A
 * click takes the reader to the same page and section when the other language has the page:
 * translators keep the same sequence of `##`/`###` headings (checked by
 * scripts/check-translations.ts), so section k of one page is section k of the other, although the
 * anchors (VitePress slugs of the heading text) differ. A page of a frozen release (releases have
 * no English edition) leads to the latest page in the other language when there is one, and the
 * page it lands on says why (`releaseFallback`, shown by components/LangNotice.vue). A page the
 * other language lacks otherwise (one being translated) leads to that language's home page.
 *
 * "Open in new tab" on the menu entry: the entry's href is VitePress's (the other home page);
 * when the pointer or focus reaches it, it is pointed at the page the click would lead to.
 *
 * Cost on every page: this small module, no data. Whether the page exists in the other language
 * comes from VitePress's own page hash map (window.__VP_HASH_MAP__, already in every page: one
 * entry per built page, key `en_guide_why.md`); the section index comes from the current DOM, and
 * the target heading from the DOM of the page after navigating. Without JavaScript the menu link
 * works as VitePress made it (the other locale's home page).
 */
import { getScrollOffset, type Router } from 'vitepress'
import { nextTick, shallowRef } from 'vue'
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

/** The language menu's places: the nav bar, the hamburger's full-screen menu, the nav bar's "…" menu. */
const LANGUAGE_MENU = '.VPNavBarTranslations, .VPNavScreenTranslations, .VPNavBarExtra .translations'

/** Is this click on an entry of the language menu (nav bar, its "…" menu, or the phone menu)? */
function languageLink(e: MouseEvent, base: string): HTMLAnchorElement | null {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.defaultPrevented) return null
  const a = (e.target as Element | null)?.closest?.('a')
  return a?.closest(LANGUAGE_MENU) ? a : null
}

/** Scroll to a heading as VitePress does for an in-page link (below the fixed nav bar). */
function scrollToHeading(el: HTMLElement): void {
  const top = window.scrollY + el.getBoundingClientRect().top - getScrollOffset()
  window.scrollTo({ top, behavior: 'instant' as ScrollBehavior })
}

/**
 * Where the language menu leads from a page (paths relative to docs/, as VitePress's
 * `relativePath`), given the set of built pages (`exists`; in production VitePress's hash map,
 * which lists every page; absent in dev, where every counterpart is assumed to exist):
 * - `{ page }`: the counterpart page (same release);
 * - `{ page, fromRelease }`: a frozen release's page whose counterpart does not exist, but the
 *   latest edition has the page in the other language (`fromRelease`: the release name, `2026.11`);
 * - `{ home }`: neither exists; `home` is the other language's home route (`''` or `'en/'`).
 */
export function languageTarget(relativePath: string, exists?: (relativePath: string) => boolean):
  { page: string; fromRelease?: string } | { home: string } {
  const target = counterpartPath(relativePath)
  if (!exists || exists(target)) return { page: target }
  const { release, en, rest } = splitScope(relativePath)
  const latest = `${en ? '' : EN}${rest}`
  if (release && exists(latest)) return { page: latest, fromRelease: release.slice('v/'.length, -1) }
  return { home: en ? '' : EN }
}

/**
 * The page the switch last reached from a frozen release instead of the release's own counterpart
 * (`path`: its relativePath; `release`: the release it came from); null otherwise.
 * components/LangNotice.vue shows the reason on that page and clears this when the reader moves on.
 */
export const releaseFallback = shallowRef<{ path: string; release: string } | null>(null)

let router: Router | undefined
let base = '/'

/** languageTarget() for the current page, or undefined on a page without a path (404). */
function currentTarget(): ReturnType<typeof languageTarget> | undefined {
  const relativePath = router?.route.data.relativePath
  if (!relativePath || router!.route.data.isNotFound) return undefined
  const map = (window as { __VP_HASH_MAP__?: Record<string, string> }).__VP_HASH_MAP__
  return languageTarget(relativePath, map && ((p) => !!map[hashMapKey(p)]))
}

/** Point the menu entry under the pointer or focus at the page a click would lead to (new tab). */
function onReach(e: Event): void {
  const a = (e.target as Element | null)?.closest?.('a')
  if (!a?.closest(LANGUAGE_MENU)) return
  const to = currentTarget()
  if (to) a.setAttribute('href', `${base}${'page' in to ? routeOf(to.page) : to.home}`)
}

async function onClick(e: MouseEvent): Promise<void> {
  if (!router || !languageLink(e, base)) return
  const to = currentTarget()
  if (!to) return
  e.preventDefault() // VitePress's router skips a click whose default is prevented
  if ('home' in to) { await router.go(`${base}${to.home}`); return }
  if (to.fromRelease) {
    // another release's page: its sections need not match, so no section is carried over
    releaseFallback.value = { path: to.page, release: to.fromRelease }
    await router.go(`${base}${routeOf(to.page)}`)
    return
  }
  const target = to.page
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
if (typeof window !== 'undefined') {
  window.addEventListener('click', (e) => void onClick(e), { capture: true })
  for (const type of ['pointerover', 'focusin', 'contextmenu']) window.addEventListener(type, onReach, { capture: true, passive: true })
}

/** Called from enhanceApp: the router to navigate with and the site base (`/`, `/docker-kb/`). */
export function installLangSwitch(r: Router, siteBase: string): void {
  router = r
  base = siteBase
}
