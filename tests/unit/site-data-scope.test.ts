import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// VitePress's own merge of a locale into the site data (what useData() gives the theme); not in
// its public types, hence the cast
// @ts-expect-error no declaration file for VitePress's client internals
import { resolveSiteDataByRoute as resolve } from 'vitepress/dist/client/shared.js'
import { completeSiteData, dataScope, fullSiteData, scopeMetadataScript, scopeSiteData } from '../../core/site-data-scope'
import { zh } from '../../.vitepress/config/zh'
import { en } from '../../.vitepress/config/en'
import { SRC_DIR } from '../../.vitepress/config/shared'

type Resolved = { themeConfig: Record<string, unknown>; title: string; lang: string; description: string; localeIndex?: string }
const resolveSiteDataByRoute = resolve as (site: unknown, relativePath: string) => Resolved
type Locale = { label: string; lang: string; themeConfig?: { sidebar?: unknown } }
type Site = { locales: Record<string, Locale> }

/** The sidebar tree VitePress shows on a page (theme-default/support/sidebar.js getSidebar: longest key by segments). */
function sidebarOf(sidebar: unknown, relativePath: string): unknown {
  if (!sidebar || Array.isArray(sidebar)) return sidebar ?? []
  const p = '/' + relativePath
  const key = Object.keys(sidebar).sort((a, b) => b.split('/').length - a.split('/').length).find((k) => p.startsWith(k.startsWith('/') ? k : '/' + k))
  return key ? (sidebar as Record<string, unknown>)[key] : []
}

/** Every page of docs/ (relative paths), as VitePress builds them (srcExclude: README.md, data/). */
function pages(dir = SRC_DIR, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) return e.name.startsWith('.') || r === 'data' ? [] : pages(dir, r)
    return e.name.endsWith('.md') && e.name !== 'README.md' ? [r] : []
  })
}

// the site's real locales (nav and sidebars from docs/), in VitePress's site data shape
const site = { lang: 'zh-CN', base: '/', head: [] as unknown[], themeConfig: { logo: { src: '/favicon.svg' } }, locales: { root: zh(SRC_DIR), en: en(SRC_DIR) } }
const all = pages()

describe('data scope of a path', () => {
  it('is the release and language prefix', () => {
    expect(dataScope('guide/why.md')).toBe('')
    expect(dataScope('index.md')).toBe('')
    expect(dataScope('/en/guide/why')).toBe('en/')
    expect(dataScope('v/2026.11/guide/why.md')).toBe('v/2026.11/')
    expect(dataScope('/v/2026.11/en/')).toBe('v/2026.11/en/')
    expect(dataScope('/envoy/x')).toBe('')
  })
})

describe('per-page site data', () => {
  it('covers pages of every scope', () => {
    expect(new Set(all.map(dataScope)).size).toBeGreaterThanOrEqual(3)
  })
  it('gives every page the same locale data, nav and sidebar tree as the whole site data', () => {
    for (const page of all) {
      const full = resolveSiteDataByRoute(site as never, page)
      const scoped = resolveSiteDataByRoute(scopeSiteData(site, page) as never, page)
      const { sidebar: fs1, ...fullRest } = full.themeConfig
      const { sidebar: ss1, ...scopedRest } = scoped.themeConfig
      expect({ page, tree: sidebarOf(ss1, page) }).toEqual({ page, tree: sidebarOf(fs1, page) })
      expect({ page, ...scopedRest }).toEqual({ page, ...fullRest })
      expect({ page, title: scoped.title, lang: scoped.lang, description: scoped.description, localeIndex: scoped.localeIndex })
        .toEqual({ page, title: full.title, lang: full.lang, description: full.description, localeIndex: full.localeIndex })
      // the language menu reads every locale's label and link
      for (const [k, l] of Object.entries(site.locales)) expect((scopeSiteData(site, page) as unknown as Site).locales[k]).toMatchObject({ label: l.label, lang: l.lang })
    }
  })
  it('drops the other language and the other releases', () => {
    const size = (x: unknown) => JSON.stringify(x).length
    const zhPage = scopeSiteData(site, 'guide/why.md') as unknown as Site
    expect(zhPage.locales.en).not.toHaveProperty('themeConfig')
    expect(Object.keys(zhPage.locales.root.themeConfig!.sidebar as object)).toEqual(['/'])
    expect((scopeSiteData(site, 'en/guide/why.md') as unknown as Site).locales.root).not.toHaveProperty('themeConfig')
    expect(size(zhPage)).toBeLessThan(size(site) * 0.7)
  })
  it('is made whole again by the full site data file, for a navigation into any other scope', () => {
    const full = JSON.parse(JSON.stringify(fullSiteData(site)))
    for (const from of ['guide/why.md', 'en/guide/why.md', 'v/2026.11/guide/index.md']) {
      const data = { ...JSON.parse(JSON.stringify(scopeSiteData(site, from))), fullSiteData: '/assets/site-data.x.json' }
      completeSiteData(data, full)
      expect(data).toEqual(JSON.parse(JSON.stringify(site)))
    }
  })
  it('does not change its input', () => {
    const before = JSON.stringify(site)
    scopeSiteData(site, 'en/index.md')
    expect(JSON.stringify(site)).toBe(before)
  })
})

describe('the inline metadata script of a built page', () => {
  // as VitePress 1.6 writes it (dist/node generateMetadataScript, metaChunk: false)
  const script = (data: unknown, fns = false) => {
    const s = JSON.stringify(JSON.stringify(data))
    return `<div id="app"></div>\n<script>window.__VP_HASH_MAP__=JSON.parse("{\\"a.md\\":\\"x\\"}");${fns ? `function deserializeFunctions(r){};window.__VP_SITE_DATA__=deserializeFunctions(JSON.parse(${s}));` : `window.__VP_SITE_DATA__=JSON.parse(${s});`}</script>\n</body>`
  }
  const read = (html: string) => {
    const m = /__VP_SITE_DATA__=(?:deserializeFunctions\()?JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(html)!
    return JSON.parse(JSON.parse(m[1]))
  }
  it('keeps only the page\'s scope, in both forms VitePress writes', () => {
    const withQuote = { ...site, title: 'a "quoted" </script> title' }
    for (const fns of [false, true]) {
      const out = scopeMetadataScript(script(withQuote, fns), 'guide/why.md', '/assets/site-data.x.json')
      expect(read(out)).toEqual({ ...JSON.parse(JSON.stringify(scopeSiteData(withQuote, 'guide/why.md'))), fullSiteData: '/assets/site-data.x.json' })
      expect(out).not.toContain('</script> title')
      expect(out.endsWith('</script>\n</body>')).toBe(true)
      expect(out).toContain('window.__VP_HASH_MAP__=JSON.parse("{\\"a.md\\":\\"x\\"}")')
    }
  })
  it('fails naming the page when the HTML has no inline site data', () => {
    expect(() => scopeMetadataScript('<script type="module" src="/assets/chunks/metadata.1.js"></script>', 'guide/why.md', '/x.json', 'dist/guide/why.html')).toThrow(/dist\/guide\/why\.html: no inline window\.__VP_SITE_DATA__/)
  })
})
