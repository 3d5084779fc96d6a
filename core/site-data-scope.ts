/**
 * Per-page site data (issue #14, lean pages). VitePress writes ONE site data object for all pages
 * (`window.__VP_SITE_DATA__`, generateMetadataScript in vitepress/dist/node: `{ ...config.site,
 * head: [] }` with every locale's themeConfig), so every Chinese page downloaded the English
 * edition's nav and sidebar and every frozen release's sidebar, which the page never shows.
 *
 * A page only reads the site data of its *data scope*: its locale (VitePress's own rule: the first
 * path segment names a locale) and, inside it, the sidebar tree VitePress picks for the page (the
 * longest matching key, theme-default/support/sidebar.js getSidebar). The scope of a path is its
 * release prefix and its language prefix, the same split the language switch uses
 * (theme/lang-switch.ts counterpartPath):
 *
 *   guide/why.md → ""    en/guide/why.md → "en/"    v/2026.11/guide/why.md → "v/2026.11/"
 *   v/2026.11/en/guide/why.md → "v/2026.11/en/"
 *
 * The build keeps in each page's HTML only its scope's data (scopeMetadataScript, from the config's
 * transformHtml) and writes the rest once to a JSON file; before a client-side navigation leaves
 * the scope, the theme fetches that file and completes the site data (theme/data-scope.ts), so a
 * page is never rendered with another scope's data.
 * Pure functions (no Node, no DOM): the build and the theme share dataScope().
 */

/**
 * The data scope of a page path relative to docs/ (`guide/why.md`) or of a site path without the
 * base (`/guide/why`, `v/2026.11/`): its release and language prefix, `""` for the latest Chinese
 * docs. See the file comment.
 */
export function dataScope(path: string): string {
  const { release, en } = splitScope(path)
  return release + en
}

/**
 * A page path split into its release prefix (`v/2026.11/` or `""`), its language prefix (`en/` or
 * `""`) and the rest (`guide/why.md`); leading slashes dropped. The one owner of this split: the
 * data scope above and the language switch's counterpart page (theme/lang-switch.ts) use it.
 */
export function splitScope(path: string): { release: string; en: string; rest: string } {
  const m = /^(v\/[^/]+\/)?(en\/)?(.*)$/s.exec(path.replace(/^\/+/, ''))!
  return { release: m[1] ?? '', en: m[2] ?? '', rest: m[3] }
}

/** The parts of VitePress's SiteData this module reads (vitepress/types/shared.d.ts SiteData). */
interface SiteDataLike {
  themeConfig?: Record<string, unknown>
  locales?: Record<string, { themeConfig?: Record<string, unknown> } & Record<string, unknown>>
  [key: string]: unknown
}

/** VitePress's locale of a page (shared/getLocaleForPath): a non-root locale key that is the first path segment, else root. */
export function localeOf(locales: Record<string, unknown>, relativePath: string): string {
  const path = '/' + relativePath.replace(/^\/+/, '')
  return Object.keys(locales).find((k) => k !== 'root' && !/^[a-z]+:/i.test(k) && path.startsWith(`/${k}/`)) ?? 'root'
}

/** A multi-sidebar (object keyed by path) without the trees of other scopes; other sidebars unchanged. */
function scopeSidebar(sidebar: unknown, scope: string): unknown {
  if (!sidebar || typeof sidebar !== 'object' || Array.isArray(sidebar)) return sidebar
  return Object.fromEntries(Object.entries(sidebar).filter(([key]) => dataScope(key) === scope))
}

/**
 * The site data a page needs: the page's locale with its sidebar trees of the page's scope only;
 * every other locale reduced to what the language menu reads (label, link, lang, …: everything but
 * its themeConfig). Input: VitePress's site data and the page's path relative to docs/. Output: a
 * new object (the input is not changed).
 */
export function scopeSiteData<T extends object>(input: T, relativePath: string): T {
  const site = input as SiteDataLike
  const scope = dataScope(relativePath)
  const locales = site.locales ?? {}
  const mine = localeOf(locales, relativePath)
  const out: SiteDataLike = { ...site, locales: {} }
  for (const [key, locale] of Object.entries(locales)) {
    if (key !== mine) {
      const { themeConfig: _dropped, ...rest } = locale
      out.locales![key] = rest
      continue
    }
    out.locales![key] = locale.themeConfig
      ? { ...locale, themeConfig: { ...locale.themeConfig, sidebar: scopeSidebar(locale.themeConfig.sidebar, scope) } }
      : locale
  }
  if (site.themeConfig?.sidebar) out.themeConfig = { ...site.themeConfig, sidebar: scopeSidebar(site.themeConfig.sidebar, scope) }
  return out as T
}

/**
 * The site data a client-side navigation into another scope needs: every locale and the top-level
 * sidebar, as the build writes it to a JSON file (FullSiteData) whose URL each page's site data
 * carries in `fullSiteData`. The theme fetches it before such a navigation (theme/data-scope.ts).
 */
export interface FullSiteData { locales: Record<string, unknown>; sidebar?: unknown }

/** The part of the whole site data written to the FullSiteData file. */
export function fullSiteData(input: object): FullSiteData {
  const site = input as SiteDataLike
  return { locales: site.locales ?? {}, ...(site.themeConfig?.sidebar ? { sidebar: site.themeConfig.sidebar } : {}) }
}

/**
 * Complete a page's scoped site data in place (the browser's `window.__VP_SITE_DATA__`, which
 * VitePress reads again on the next route change) with the FullSiteData file's content; drops the
 * `fullSiteData` URL (nothing is left to fetch).
 */
export function completeSiteData(scoped: object, full: FullSiteData): void {
  const site = scoped as SiteDataLike & { fullSiteData?: string }
  site.locales = { ...site.locales, ...(full.locales as SiteDataLike['locales']) }
  if (full.sidebar && site.themeConfig) site.themeConfig = { ...site.themeConfig, sidebar: full.sidebar }
  delete site.fullSiteData
}

/** `window.__VP_SITE_DATA__=JSON.parse("…")` or `=deserializeFunctions(JSON.parse("…"))`: the string literal's start. */
const SITE_DATA_RE = /window\.__VP_SITE_DATA__=(?:deserializeFunctions\()?JSON\.parse\(/

/**
 * The inline site data of a built page (VitePress's `metaChunk: false` output) and where its
 * string literal sits in the HTML. `label` names the page in errors. Throws when the HTML has no
 * inline site data in VitePress 1.6's format (e.g. `metaChunk: true`, or a VitePress update
 * changed it): the page would otherwise silently keep all of it.
 */
export function readSiteData(html: string, label: string): { site: Record<string, unknown>; start: number; end: number } {
  const m = SITE_DATA_RE.exec(html)
  if (!m) throw new Error(`${label}: no inline window.__VP_SITE_DATA__=JSON.parse("…") in the HTML (needs metaChunk: false, VitePress 1.6's format)`)
  const start = m.index + m[0].length
  if (html[start] !== '"') throw new Error(`${label}: the site data is not a string literal at offset ${start}`)
  let end = start + 1
  while (end < html.length && html[end] !== '"') end += html[end] === '\\' ? 2 : 1
  if (end >= html.length) throw new Error(`${label}: unterminated site data string at offset ${start}`)
  return { site: JSON.parse(JSON.parse(html.slice(start, end + 1)) as string) as Record<string, unknown>, start, end: end + 1 }
}

/**
 * Rewrite the inline site data of a built page so it carries only the page's scope
 * (scopeSiteData) plus `fullSiteData`: the URL of the FullSiteData file. Input: the page's HTML,
 * its path relative to docs/, that URL, and `label` for errors (see readSiteData). Output: the new HTML.
 */
export function scopeMetadataScript(html: string, relativePath: string, fullSiteDataUrl: string, label = relativePath): string {
  const { site, start, end } = readSiteData(html, label)
  // `<` escaped: the literal sits in an inline <script>, where "</script>" in a title would end it
  const scoped = JSON.stringify(JSON.stringify({ ...scopeSiteData(site, relativePath), fullSiteData: fullSiteDataUrl })).replace(/</g, '\\u003c')
  return html.slice(0, start) + scoped + html.slice(end)
}
