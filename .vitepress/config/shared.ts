/** Settings every locale shares: markdown pipeline, search, head, sitemap, build checks. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type HeadConfig, type SiteConfig } from 'vitepress'
import type MarkdownIt from 'markdown-it'
import { GITHUB_ICON, SITE, footerMessage, siteRoot } from './site'
import { mermaidPlugin } from '../plugins/mermaid'
import { mermaidBuildPlugin } from '../plugins/mermaid-render'
import { codeGroupIdsPlugin } from '../plugins/code-group-ids'
import { buildFingerprint, renderCachePlugin, siteRenderCache } from '../plugins/render-cache'
import { inlineCodePlugin } from '../plugins/inline-code'
import { memoizeHighlight, type HighlightMemoStats } from '../plugins/highlight-memo'
import { snippetFencePlugin } from '../plugins/snippet-fence'
import { codeBreaksPlugin, tableNamesPlugin } from '../plugins/narrow-text'
import { aliasRolesInRender, restoreRolesPlugin } from './static-html'
import { searchIndexPrunePlugin, searchSetup, searchLexiconPlugin, searchEngineNotPrebundledPlugin, searchBuildPlugin, searchRender, rememberPageRenders } from './search'
import { readFrontmatter, validateFrontmatter } from '../../core/frontmatter'
import { searchLocales } from './search-i18n'
import { glossaryPlugin, glossaryJson, popoverExports } from '../plugins/glossary'
import { commandsPlugin, commandsJson } from '../plugins/commands'
import { jsonExports } from '../plugins/json-exports'
// versions and embedding (core/versions.ts, .vitepress/theme/embed.ts)
import { embedLinesPlugin } from '../plugins/embed-lines'
import { copyButtonTitlePlugin, vpLabelsPlugin } from '../plugins/vp-labels'
import { EMBED_HEAD_SCRIPT } from '../theme/embed'
import { EARLY_KEYS_HEAD_SCRIPT } from '../theme/early-keys'
import { versionPageData } from '../../core/versions'
import { writeCartridges } from '../../core/cartridge'
import { addRedirectScript } from './trailing-slash'
import { lowPriorityScripts } from './load-priority'
import { footerMessageEn } from './en'
// Markdown for tools and AI assistants: <page>.md, /llms.txt, /llms-full.txt (plugins/llms.ts)
import { llmsDevPlugin, writeMarkdownExports } from '../plugins/llms'
import { markdownPath, routeOf } from '../../core/version-paths'
import { pageLastUpdated, sitemapLastmod } from './last-updated'
import { fullSiteData, readSiteData, scopeMetadataScript } from '../../core/site-data-scope'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SRC_DIR = path.join(ROOT, 'docs')

/**
 * Everything the site emits as a raw URL must carry the base (`/` or, for a project site, e.g.
 * `/docker-kb/`). VitePress applies `base` to its own links and assets, but not to raw HTML in
 * config (the footer), to `head` entries or to the sitemap's hostname; and `vitepress build
 * --base` sets it only after this config was read. So the base-dependent parts are filled in from
 * the resolved site config, in the first hook that sees it (transformPageData runs for every page
 * of the client bundle, before the SSR bundle and the site data are written; idempotent).
 */
/**
 * Dev server only: the favicon link in every page's HTML. The build adds it in transformHead
 * (below), which VitePress runs only when building; without it the browser asks the dev server for
 * /favicon.ico and logs a 404 on every first visit (outside review, session 26). Vite's `base` is
 * VitePress's base here, so the link is the built one.
 */
function devFaviconPlugin(): import('vite').Plugin {
  let base = '/'
  return {
    name: 'kb-dev-favicon',
    apply: 'serve',
    configResolved(config) { base = config.base },
    transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` }, injectTo: 'head' }],
  }
}

function applyBase(siteConfig: SiteConfig): void {
  const base = siteConfig.site.base
  const footer = siteConfig.site.locales.root?.themeConfig?.footer
  if (footer) footer.message = footerMessage(base)
  const footerEn = siteConfig.site.locales.en?.themeConfig?.footer
  if (footerEn) footerEn.message = footerMessageEn(base, siteConfig.srcDir)
  if (siteConfig.sitemap) siteConfig.sitemap.hostname = siteRoot(base) + '/'
}

const fullSiteDataUrls = new Map<string, string>()
/**
 * The URL of the build's FullSiteData file (core/site-data-scope.ts): every locale's and release's
 * nav and sidebar, fetched by the theme before a client-side navigation into another scope.
 * Written once per output directory, from the first page's inline site data (the same on every
 * page), as assets/site-data.<content hash>.json.
 */
function fullSiteDataFile(html: string, siteConfig: SiteConfig, label: string): string {
  let url = fullSiteDataUrls.get(siteConfig.outDir)
  if (!url) {
    const json = JSON.stringify(fullSiteData(readSiteData(html, label).site))
    const file = `${siteConfig.assetsDir}/site-data.${createHash('sha256').update(json).digest('hex').slice(0, 8)}.json`
    fs.mkdirSync(path.join(siteConfig.outDir, siteConfig.assetsDir), { recursive: true })
    fs.writeFileSync(path.join(siteConfig.outDir, file), json)
    url = siteConfig.site.base + file
    fullSiteDataUrls.set(siteConfig.outDir, url)
  }
  return url
}

/** VitePress's default theme components (VPSidebarGroup.vue …) */
const VP_THEME_COMPONENTS = path.dirname(fileURLToPath(import.meta.resolve('vitepress/dist/client/theme-default/components/VPDoc.vue')))

/** VitePress theme components replaced by a lazily hydrated wrapper of themselves (.vitepress/theme/lazy/<name>.ts) */
export const LAZY_HYDRATED = ['VPSidebarGroup', 'VPNavBarMenu', 'VPDocFooter'] as const

/** counters of the highlight memo (plugins/highlight-memo.ts), printed at the end of the build */
let highlightStats: HighlightMemoStats | undefined

export const shared = defineConfig({
  srcDir: 'docs',
  srcExclude: ['**/README.md', 'data/**'],
  cleanUrls: true,
  // dark mode: no full-page style recalculation while the page starts; transitions are turned off
  // around a real switch by .vitepress/theme/appearance.ts instead (issue #14, Total Blocking Time)
  appearance: { disableTransition: false },
  // pages show their last commit time; VitePress's own lookup (`lastUpdated: true`: one git process
  // per page, every build) is replaced by the same lookup cached per commit (./last-updated.ts),
  // filled in by transformPageData and sitemap.transformItems below
  lastUpdated: false,
  // the site data stays inline in each page, as in stock VitePress, and each page keeps only its
  // language's and release's part of it (core/site-data-scope.ts, transformHtml below)
  metaChunk: false,
  // markdown-it already fails on bad links we generate; VitePress's own dead-link check stays on
  ignoreDeadLinks: false,
  vite: {
    publicDir: path.join(ROOT, 'public'),
    build: { chunkSizeWarningLimit: 2000 },
    // Dev server only: modules the site imports lazily (the search engine on the first Ctrl K,
    // Mermaid's live preview, our search text helpers) are pre-bundled at start. Found only when first
    // imported, each made Vite re-optimize and reload the page: three reloads on a newcomer's first
    // visits, one of them closing the search box they had just opened (outside review, session 26).
    optimizeDeps: { include: ['minisearch-upstream', 'mermaid', 'escape-html', 'stemmer'] },
    plugins: [mermaidBuildPlugin(SRC_DIR), jsonExports({ '/api/glossary.json': (base) => glossaryJson({ base }), '/api/commands.json': commandsJson, ...popoverExports() }), searchLexiconPlugin(), searchEngineNotPrebundledPlugin(), searchIndexPrunePlugin(), searchBuildPlugin(), renderCachePlugin(), restoreRolesPlugin(), llmsDevPlugin(SRC_DIR), vpLabelsPlugin(), devFaviconPlugin()],
    resolve: {
      alias: [
        // the search box's `import MiniSearch from 'minisearch'` gets our query engine
        // (core/search/client.ts), which reaches the real MiniSearch as 'minisearch-upstream'
        { find: /^minisearch$/, replacement: path.join(ROOT, 'core/search/client.ts') },
        { find: /^minisearch-upstream$/, replacement: fileURLToPath(import.meta.resolve('minisearch')) },
        // VitePress's "last updated" line, formatting the time only when the footer nears the viewport
        // (issue #14, blocking time at load; VitePress's documented way to override a theme component)
        { find: /^.*\/VPDocFooterLastUpdated\.vue$/, replacement: path.join(ROOT, '.vitepress/theme/components/LastUpdated.vue') },
        // theme parts a phone does not show at load, hydrated when the reader can reach them (issue #14,
        // blocking time at load; .vitepress/theme/lazy-hydration.ts). Only VitePress's own relative
        // imports are redirected; the replacement reaches the real component as
        // 'vitepress-theme-component/<name>' (typed as a plain component in types/shims.d.ts)
        ...LAZY_HYDRATED.map((name) => ({ find: new RegExp(`^\\./${name}\\.vue$`), replacement: path.join(ROOT, `.vitepress/theme/lazy/${name}.ts`) })),
        { find: /^vitepress-theme-component\/(VP\w+)$/, replacement: path.join(VP_THEME_COMPONENTS, '$1.vue') },
      ],
    },
  },
  head: [
    ['meta', { name: 'theme-color', content: '#1d63ed' }],
    ['meta', { property: 'og:type', content: 'website' }],
    ['meta', { property: 'og:site_name', content: SITE.title }],
    ['meta', { name: 'twitter:card', content: 'summary' }],
    // ?embed=1: hide the site chrome before the first paint (see .vitepress/theme/embed.ts)
    ['script', { id: 'kb-embed-mode' }, EMBED_HEAD_SCRIPT],
    // Ctrl K and / pressed before the app hydrates are kept for the search (.vitepress/theme/early-keys.ts)
    ['script', { id: 'kb-early-keys' }, EARLY_KEYS_HEAD_SCRIPT],
  ],
  sitemap: {
    hostname: SITE.url,
    async transformItems(items) {
      for (const item of items) item.lastmod = await sitemapLastmod(SRC_DIR, item.url)
      return items
    },
  },
  markdown: {
    languageAlias: { ps1: 'powershell', pwsh: 'powershell', conf: 'ini' },
    theme: { light: 'github-light', dark: 'github-dark' },
    config(md) {
      // VitePress bundles its own copy of markdown-it's type definitions; the runtime object is
      // the same markdown-it 14 our plugins are written (and unit-tested) against.
      const it = md as unknown as MarkdownIt
      // first: every code block our plugins or VitePress highlight goes through it (Shiki once per distinct block)
      highlightStats = memoizeHighlight(it)
      // embedLinesPlugin last: it marks every code block with its line (for ?embed=1&snippet=<line>)
      for (const plugin of [inlineCodePlugin, codeBreaksPlugin, tableNamesPlugin, snippetFencePlugin, mermaidPlugin, glossaryPlugin, commandsPlugin, copyButtonTitlePlugin, embedLinesPlugin]) it.use(plugin)
      // `role` renamed until Vue has compiled the page, so code blocks stay static strings (./static-html.ts)
      aliasRolesInRender(it)
      // a production build reuses the renders of an earlier build whose inputs were the same
      // (plugins/render-cache.ts); inside rememberPageRenders, which then sees every page's HTML either way
      siteRenderCache(it)
      // the search index reuses the page bundle's render of each page (config/search.ts)
      rememberPageRenders(it)
      // VitePress's random code-group ids made two builds of the same sources differ
      codeGroupIdsPlugin(it)
    },
    // Shiki stops tokenizing a line after 500 ms by default and leaves the rest of it in the state it
    // reached (wrong colours). On a loaded machine a build hit that limit and shipped code blocks
    // highlighted differently from the previous build; without a limit the output depends only on
    // the code. The options object is the one Shiki tokenizes with (codeToHast: preprocess first).
    codeTransformers: [{ name: 'kb-no-tokenize-time-limit', preprocess(_code, options) { options.tokenizeTimeLimit = 0 } }],
  },
  /** Every page's frontmatter is validated; a bad field fails dev and build with file:line. */
  async transformPageData(pageData, { siteConfig }) {
    applyBase(siteConfig)
    const file = path.join(SRC_DIR, pageData.relativePath)
    // set on the object itself: its keys keep VitePress's order (the page data is serialized)
    if (pageData.frontmatter.lastUpdated !== false) pageData.lastUpdated = await pageLastUpdated(file, pageData.frontmatter)
    if (!fs.existsSync(file)) return
    const rel = `docs/${pageData.relativePath}`
    validateFrontmatter(readFrontmatter(fs.readFileSync(file, 'utf8'), rel), rel)
    return versionPageData(pageData.relativePath) // release + verification facts for <VersionFacts>
  },
  /** Course packages (.imscc) for the latest docs and each frozen release, into /downloads/. */
  async buildEnd(siteConfig) {
    const root = siteRoot(siteConfig.site.base)
    for (const c of writeCartridges(siteConfig.outDir, root, SITE.title)) console.log(`  cartridge ${c.url}: ${c.links} links`)
    // robots.txt names the sitemap by its full URL, so it is written here rather than kept in public/
    fs.writeFileSync(path.join(siteConfig.outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${root}/sitemap.xml\n`)
    // made here, not in a child process: a child re-renders every page's Markdown and cost more than it
    // saved (decisions.md, 构建时间, 2026-12-02: 60.5 s / 84.0 s CPU against 54.3 s / 69.3 s cold)
    // from the build cache when the tree is unchanged (same fingerprint as the page renders)
    const fingerprint = buildFingerprint()
    const md = writeMarkdownExports({ srcDir: siteConfig.srcDir, base: siteConfig.site.base, pages: siteConfig.pages, outDir: siteConfig.outDir }, fingerprint ? { fingerprint } : undefined)
    console.log(`  markdown: ${md.pages} pages as .md, llms.txt ${md.llmsTxtBytes} bytes, llms-full.txt ${md.llmsFullBytes} bytes`)
    if (highlightStats?.calls) console.log(`  code highlighting: ${highlightStats.calls} blocks, ${highlightStats.highlighted} highlighted by Shiki (the rest repeated an earlier block)`)
  },
  /**
   * 404.html: send a trailing-slash address of a page to the page (./trailing-slash.ts); it keeps
   * the whole site data (it is served at any address). Every other page: only its scope's site data.
   * Every page's module scripts are fetched at low priority (./load-priority.ts).
   */
  transformHtml(html, id, { page, siteConfig }) {
    // every page: its scripts are fetched after the HTML and CSS of the first paint (./load-priority.ts)
    if (page === '404.md') return lowPriorityScripts(addRedirectScript(html, siteConfig.site.base))
    const label = path.relative(ROOT, id)
    return lowPriorityScripts(scopeMetadataScript(html, page, fullSiteDataFile(html, siteConfig, label), label))
  },
  transformHead({ pageData, siteData }) {
    const route = routeOf(pageData.relativePath)
    const url = `${siteRoot(siteData.base)}/${route}`
    const title = pageData.title ? `${pageData.title} | ${siteData.title}` : siteData.title
    const description = pageData.description || siteData.description
    // the favicon is here, not in `head`: VitePress does not apply the base to `head` entries
    const head: HeadConfig[] = [['link', { rel: 'icon', type: 'image/svg+xml', href: `${siteData.base}favicon.svg` }]]
    // the 404 page is served at every missing address: it has no canonical URL of its own
    if (pageData.isNotFound || pageData.relativePath === '404.md') return head
    head.push(
      ['link', { rel: 'canonical', href: url }],
      ['meta', { property: 'og:title', content: title }],
      ['meta', { property: 'og:description', content: description }],
      ['meta', { property: 'og:url', content: url }],
      // the page's Markdown copy (plugins/llms.ts), for tools that look for one
      ['link', { rel: 'alternate', type: 'text/markdown', href: `${siteData.base}${markdownPath(pageData.relativePath)}` }],
    )
    return head
  },
  themeConfig: {
    // the language menu's links go to the other locale's home page: with VitePress's i18nRouting a
    // frozen release page (/v/2026.11/…, no English twin) would link to a 404 (64 broken links in
    // the link check). A click goes to the same page and section when it exists (theme/lang-switch.ts)
    i18nRouting: false,
    logo: { src: '/favicon.svg', alt: '' },
    socialLinks: [{ icon: GITHUB_ICON, link: SITE.repo, ariaLabel: 'GitHub 仓库' }],
    search: {
      provider: 'local',
      // `_render`: the pages rendered for the index, cached between builds (config/search.ts).
      // Not enumerable: VitePress serializes the theme config, functions included, into every
      // page's site data; the build-time hook must not ship (nor change the output's bytes)
      options: Object.defineProperty({
        locales: searchLocales,
        // index: jieba segmentation and hidden keywords (config/search.ts); queries: core/search/query.ts
        // `options` (jieba tokenizer, field extraction) is for the build's index only: the browser's
        // index (core/search/client.ts) sets its own fields and never tokenizes with it. Not
        // enumerable, so it stays out of every page's site data (~1 KB of serialized functions
        // that could not even run there); VitePress reads it by name (`...miniSearch?.options`).
        miniSearch: Object.defineProperty({
          _splitIntoSections: (file: string, html: string) => searchSetup().splitIntoSections(file, html),
        }, 'options', { get: () => searchSetup().miniSearchOptions, enumerable: false }),
      }, '_render', { value: searchRender, enumerable: false }),
    },
  },
})
