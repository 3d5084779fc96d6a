/**
 * The site search's build-time half: the lexicon (core/search/lexicon.ts) from the glossary and
 * command data, the jieba index tokenizer, and the section splitter that adds each section's
 * hidden keywords. Used by the VitePress config (shared.ts) and by scripts/search-eval.ts, so the
 * evaluation indexes exactly what the site indexes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { buildLexicon, type Lexicon, type TitledPage } from '../../core/search/lexicon'
import { pageKind } from '../../core/search/query'
import { listLatestPages } from '../../core/pages'
import { createIndexTokenizer } from '../../core/search/index-tokenize'
import { INDEX_FIELDS, KEYWORDS_SEPARATOR, extractField, headingsOnly, splitPageIntoSections, type Section } from '../../core/search/sections'
import { englishFormsOf } from '../../core/search/text'
import { pruneIndex } from '../../core/search/prune'
import { packIndex } from '../../core/search/packed'
import { rewriteSearchBoxHighlight } from '../../core/search/highlight'
import { DOCS_DIR, loadGlossary } from '../../core/glossary'
import { commandKeywords, loadCommands } from '../../core/commands'
import { pageH1, readFrontmatter } from '../../core/frontmatter'
import { routeOf } from '../../core/version-paths'
import { BUILD_CACHE_ROOT, contentCache, contentKey, type ContentCache } from '../../core/content-cache'
import { PRUNE_MIN_AGE_MS, buildFingerprint } from '../plugins/render-cache'

export interface SearchSetup {
  lexicon: Lexicon
  /** index tokenizer (Node only) */
  tokenize: (text: string) => string[]
  /** MiniSearch options of the index (fields, tokenizer, field extraction) */
  miniSearchOptions: { fields: string[]; tokenize: (text: string) => string[]; extractField: typeof extractField }
  /** the search lexicon's words (glossary names and aliases, command keywords, synonyms): kept in the index whatever their frequency */
  words: string[]
  /** VitePress's `_splitIntoSections(file, html)` with hidden keywords per section */
  splitIntoSections: (file: string, html: string) => Section[]
}

let cached: SearchSetup | undefined

/** Build (once per process) everything the index needs. Throws the data loaders' file:line errors. */
export function searchSetup(): SearchSetup {
  if (cached) return cached
  const glossary = loadGlossary()
  const commands = loadCommands()
  // command sections on /cli/<group> pages carry their task words (not shown on the page)
  const byAnchor = new Map<string, string[]>()
  for (const c of commands.commands) byAnchor.set(`${c.page}#${c.id}`, [...commandKeywords(c), ...c.aliases])
  for (const t of glossary.terms) byAnchor.set(`/glossary/#${t.id}`, t.aliases)
  const { lexicon, words } = buildLexicon(glossary.terms, [...byAnchor.values()].flat(), teachingPages())
  // the English edition's entries (/en/cli/…) carry the English task words: keyed by the zh path
  // alone they had none, so "copy files from container to host" never reached docker cp's words.
  // The command's own words only, not commandKeywordsEn's option words: with those, en dev top-1
  // fell from 66.7 % to 59.8 % (decisions.md, search11)
  for (const c of commands.commands) byAnchor.set(`/en${c.page}#${c.id}`, [...(c.keywords_en ?? []), ...c.aliases])
  for (const t of glossary.terms) byAnchor.set(`/en/glossary/#${t.id}`, t.aliases)
  const tokenize = createIndexTokenizer(words)
  const splitIntoSections = (file: string, html: string): Section[] => {
    const rel = file.split(`${path.sep}docs${path.sep}`).pop()!.split(path.sep).join('/')
    const route = '/' + routeOf(rel)
    let pageKeywords: string[] = []
    let headingsOnlyPage = false
    if (fs.existsSync(file)) {
      const data = readFrontmatter(fs.readFileSync(file, 'utf8'), `docs/${rel}`).data
      if (Array.isArray(data.keywords)) pageKeywords = data.keywords.map(String)
      // `search: headings` (schemas/frontmatter.schema.json): a record that quotes readers'
      // queries as examples is found by its headings, not by the quotes (sections.ts headingsOnly)
      headingsOnlyPage = data.search === 'headings'
    }
    let sections = [...splitPageIntoSections(html, (anchor) => (anchor ? byAnchor.get(`${route}#${anchor}`) ?? [] : pageKeywords))]
    if (headingsOnlyPage) sections = sections.map(headingsOnly)
    if (!route.startsWith('/en/')) return sections
    // English pages: each word's reduced form next to it (core/search/text.ts englishForm); title
    // words into the hidden keywords, which weigh like a heading; `titles` are shown, so stay as written
    return sections.map((s) => {
      const [text, keywords = ''] = s.text.split(KEYWORDS_SEPARATOR)
      const kw = [keywords, englishFormsOf(s.titles.at(-1) ?? ''), englishFormsOf(keywords)].filter(Boolean).join(' ')
      return { ...s, text: `${text} ${englishFormsOf(text)}${kw ? KEYWORDS_SEPARATOR + kw : ''}` }
    })
  }
  cached = { lexicon, words, tokenize, splitIntoSections, miniSearchOptions: { fields: INDEX_FIELDS, tokenize, extractField } }
  return cached
}

/**
 * Teaching pages of the latest docs with their H1, for the lexicon's concept homes: not the command
 * reference, the glossary, the pages about the site and the project (core/search/query.ts pageKind
 * owns these kinds; pageWeight ranks them as reference, glossary or meta pages). Paths without the locale prefix.
 */
function teachingPages(): TitledPage[] {
  const srcDir = DOCS_DIR
  const out: TitledPage[] = []
  for (const file of listLatestPages(srcDir)) {
    const rel = path.relative(srcDir, file).split(path.sep).join('/')
    const route = '/' + routeOf(rel.replace(/^en\//, ''))
    if (!['teaching', 'faq'].includes(pageKind(route))) continue
    const title = pageH1(fs.readFileSync(file, 'utf8'))
    if (title) out.push({ path: route, title })
  }
  return out
}

/**
 * `virtual:search-lexicon`: the synonym groups, for the search box's chunk only. Also rewrites the
 * search box's highlight function (VPLocalSearchBox.vue `formMarkRegex`, before Vue compiles it) to
 * core/search/highlight.ts markRegex: whole words for Latin terms ("rm" not inside "platforms").
 */
export function searchLexiconPlugin(): Plugin {
  const id = 'virtual:search-lexicon'
  const highlight = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../core/search/highlight.ts')
  return {
    name: 'docker-kb:search-lexicon',
    enforce: 'pre',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load: (resolved) => (resolved === '\0' + id ? `export default ${JSON.stringify(searchSetup().lexicon)}` : undefined),
    transform(code, file) {
      // the .vue file itself; its parts (`?vue&type=script…`) come from Vue's plugin, already rewritten
      if (file.includes('?') || !/[\\/]theme-default[\\/]components[\\/]VPLocalSearchBox\.vue$/.test(file)) return
      return { code: rewriteSearchBoxHighlight(code, highlight.split(path.sep).join('/')), map: null }
    },
  }
}

/**
 * Dev server only: VitePress's local search adds `vitepress > minisearch` to `optimizeDeps.include`
 * (vitepress/dist/node, localSearchPlugin `config`), so Vite pre-bundles it with esbuild at start.
 * Our alias (shared.ts) makes `minisearch` core/search/client.ts, whose `virtual:search-lexicon`
 * import esbuild cannot resolve (pre-bundling runs no Vite plugins): `vitepress dev` died with
 * `Could not resolve "virtual:search-lexicon"` as soon as the optimizer ran. The engine is our
 * source, not a dependency, so it is served like any source module (the real MiniSearch,
 * `minisearch-upstream`, is still pre-bundled when the scanner finds it). Vite's own
 * `optimizeDeps.exclude` does not filter `include` entries (vite addManuallyIncludedOptimizeDeps),
 * hence removing the entry once the config is resolved. No effect on `vitepress build`.
 * @throws Error when VitePress no longer adds the entry under this name while the alias exists:
 *   the check would otherwise silently do nothing after an upgrade
 */
export function searchEngineNotPrebundledPlugin(): Plugin {
  const entry = 'vitepress > minisearch'
  return {
    name: 'docker-kb:search-engine-not-prebundled',
    apply: 'serve',
    configResolved(config) {
      const include = config.optimizeDeps.include ?? []
      const i = include.indexOf(entry)
      if (i < 0) throw new Error(`optimizeDeps.include has no '${entry}' (VitePress changed how local search is pre-bundled): update searchEngineNotPrebundledPlugin in .vitepress/config/search.ts`)
      include.splice(i, 1)
    },
  }
}

/**
 * Prunes the serialized index in VitePress's `@localSearchIndex<locale>` modules
 * (core/search/prune.ts says what and why) and packs it (core/search/packed.ts: the same data in
 * fewer bytes; core/search/client.ts unpacks it). VitePress's local search plugin loads each module as
 * `export default "<index JSON as a string literal>"` (vitepress/dist/node, localSearchPlugin `load`);
 * this transform runs after that load. Throws when the module no longer has that shape, so a
 * VitePress upgrade cannot silently ship the unpruned index.
 */
export function searchIndexPrunePlugin(): Plugin {
  const prefix = '/@localSearchIndex'
  return {
    name: 'docker-kb:search-index-prune',
    enforce: 'post',
    transform(code, id, options) {
      if (!id.startsWith(prefix)) return
      // already pruned and packed: served from the stored index of an earlier build (searchBuildPlugin)
      if (indexStore.fromStore(id)) return
      // `/@localSearchIndex` alone is the locale table; `/@localSearchIndexroot`, `…en` are indexes
      if (id === prefix) return void (options?.ssr || indexStore.record(id, code))
      const m = /^export default ("(?:[^"\\]|\\.)*")\s*;?\s*$/.exec(code.trim())
      if (!m) throw new Error(`${id}: unexpected local search index module (${code.slice(0, 60)}…); update searchIndexPrunePlugin`)
      const json = JSON.parse(JSON.parse(m[1]))
      if (!json.index) return void (options?.ssr || indexStore.record(id, code)) // an empty locale index ({})
      const { json: pruned } = pruneIndex(json, new Set(searchSetup().words))
      const out = `export default ${JSON.stringify(JSON.stringify(packIndex(pruned)))}`
      if (!options?.ssr) indexStore.record(id, out)
      return { code: out, map: null }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Build speed: the index's page renders
//
// VitePress's local search renders every page's Markdown a second time, with the full pipeline
// (Shiki highlighting, our plugins), to index it — and does so in the client AND the SSR build.
// Those renders were the largest single cost of a build (Shiki alone ~10 % of its CPU profile).

// No disk cache of its own: a page the page bundle did not render (or rendered from other Markdown)
// goes through md.render, which the persistent render cache wraps (plugins/render-cache.ts, keyed
// by the same fingerprint), so on a warm build it is not rendered either. (A separate
// `search-render` cache did this before that cache existed; it kept a second copy of every page.)
let buildBase: string | undefined

/**
 * This build's page renders (markdown.config → rememberPageRenders), by page: the HTML VitePress's
 * own render of the page produced for the page bundle (markdownToVue), which the index would
 * otherwise compute a second time. Only used when the Markdown is the same text.
 */
const pageRenders = new Map<string, { src: string; html: string; searchOff: boolean }>()
/** where the index's page renders came from in this build (printed at the end of the client build) */
const renderSources = { page: 0, rendered: 0 }

/**
 * Markdown-it `config` step (shared.ts): remember each page's HTML as the site renders it, for
 * searchRender. Production builds only (the dev server re-renders changed pages). Wraps
 * `md.render` outermost, after VitePress's frontmatter and SFC steps, so the HTML and `src` are
 * exactly what VitePress's render of the page gets and returns.
 */
export function rememberPageRenders(md: { render(src: string, env?: any): string }): void {
  const render = md.render.bind(md)
  md.render = (src: string, env?: { relativePath?: string; frontmatter?: Record<string, unknown> }) => {
    const html = render(src, env)
    if (buildBase !== undefined && env?.relativePath) {
      pageRenders.set(env.relativePath, { src, html, searchOff: env.frontmatter?.search === false })
      pageRendered()
    }
    return html
  }
}

/** searchRender calls waiting for a page's render (woken on every page render, each checks its own page) */
const renderWaiters = new Set<() => void>()
function pageRendered() {
  for (const wake of [...renderWaiters]) wake()
}
/**
 * How long the index waits for the page bundle when NO page render arrives at all (it is waiting
 * for pages that do not come: render them itself). Only the build's speed depends on it, never its
 * output: a page rendered here or by the page bundle is the same HTML.
 */
export const PAGE_RENDER_IDLE_MS = 60_000

/**
 * Wait until the page bundle has rendered `relativePath` (resolves true), or until no page at all
 * was rendered for `idleMs` (resolves false). In the client build every page is an input of the
 * bundle and is rendered once the diagrams are ready (mermaid-render.ts), the same moment the index
 * starts; which of the two gets to a page first used to be luck (14 of 214 pages rendered twice).
 */
function pageRender(relativePath: string, idleMs: number): Promise<boolean> {
  if (pageRenders.has(relativePath)) return Promise.resolve(true)
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout
    const done = (ok: boolean) => {
      clearTimeout(timer)
      renderWaiters.delete(wake)
      resolve(ok)
    }
    const arm = () => {
      clearTimeout(timer)
      timer = setTimeout(() => done(false), idleMs)
    }
    const wake = () => (pageRenders.has(relativePath) ? done(true) : arm())
    renderWaiters.add(wake)
    arm()
  })
}

/**
 * VitePress's `_render` hook of the local search (called as `_render(src, env, md)` for every page,
 * src = the page's Markdown after includes): the page's HTML as VitePress's own default renders it
 * (`md.render`, '' for `search: false`). In a production build it first waits for the page
 * bundle's render of the page (pageRender; `idleMs` is how long without any page render it waits
 * before rendering itself); its own render goes through md.render, which the production build's
 * persistent render cache answers when nothing changed (plugins/render-cache.ts).
 * The dev server (diagrams rendered live, pages changing) always renders.
 */
export async function searchRender(src: string, env: { relativePath: string; frontmatter?: Record<string, unknown> }, md: { render(src: string, env: unknown): string }, idleMs = PAGE_RENDER_IDLE_MS): Promise<string> {
  const render = () => {
    const html = md.render(src, env)
    return env.frontmatter?.search === false ? '' : html
  }
  if (buildBase === undefined) return render()
  // the page bundle renders this very Markdown in this process (or has already): the same HTML
  await pageRender(env.relativePath, idleMs)
  const page = pageRenders.get(env.relativePath)
  if (page && page.src === src) {
    renderSources.page++
    return page.searchOff ? '' : page.html
  }
  renderSources.rendered++
  return render()
}

// ---------------------------------------------------------------------------------------------
// Build speed: the finished index, stored between builds
//
// What the client bundle ships as the search index (VitePress's locale table `/@localSearchIndex`
// and one module per locale, `/@localSearchIndex<locale>`, after searchIndexPrunePlugin) is made
// from the pages' renders, this file's splitter and jieba tokenizer, MiniSearch and the prune/pack
// code: all of them files under the render cache's RENDER_INPUTS (plugins/render-cache.ts, which
// also holds package-lock.json for the MiniSearch, jieba and VitePress versions). So the build's
// render fingerprint, the base and the page list decide every byte of it, as they decide each
// page's render. A warm build of an unchanged tree used to index all 216 pages again (split into
// sections, jieba, MiniSearch, prune; a CPU profile of a warm build, decisions.md 构建时间 round 3:
// 7 % of the main process); with the stored modules VitePress's scan of the pages does not run.

/** The shipped search index modules of one build: module id → code as it leaves searchIndexPrunePlugin. */
export type IndexModules = Record<string, string>

/** The locale modules a locale table (`export default {"root": () => import('@localSearchIndexroot'), …}`) imports, as module ids. */
function tableLocales(table: string): string[] {
  return [...table.matchAll(/import\((['"])@localSearchIndex([^'"]*)\1\)/g)].map((m) => `/@localSearchIndex${m[2]}`)
}

export interface SearchIndexStore {
  /**
   * The client build's load of a search index module: the stored code of `id` when this build's key
   * has an entry (the table first; then each locale module of that same entry), else undefined and
   * VitePress builds the index. Throws when the table came from the store but `id` is not in it
   * (VitePress, not having scanned the pages, would ship an empty index).
   * @param key the build's key (searchIndexKey), undefined outside a production build
   */
  load(id: string, key: string | undefined): string | undefined
  /** was `id` answered from the store in this build (searchIndexPrunePlugin leaves it: already pruned) */
  fromStore(id: string): boolean
  /** record a module as the client bundle ships it (the table, each locale index after prune) */
  record(id: string, code: string): void
  /**
   * End of the client build: store the recorded modules under `key` when the table and every locale
   * module it imports were recorded (an incomplete set is never stored, so load() never serves half
   * an index); delete other entries older than PRUNE_MIN_AGE_MS. Returns whether an entry was written.
   */
  save(key: string): boolean
}

/** A store of shipped search indexes in `cache` (default BUILD_CACHE_ROOT/search-index). One per build process. */
export function searchIndexStore(cache: ContentCache<IndexModules> = contentCache<IndexModules>(path.join(BUILD_CACHE_ROOT, 'search-index'))): SearchIndexStore {
  let served: IndexModules | undefined
  const recorded: IndexModules = {}
  return {
    load(id, key) {
      if (key === undefined) return undefined
      if (id === '/@localSearchIndex') {
        served = cache.get(key)
        if (served) cache.prune(new Set([key]), PRUNE_MIN_AGE_MS)
        return served?.[id]
      }
      if (!served) return undefined
      if (served[id] === undefined) throw new Error(`search index: the stored index has no module ${id} (its table lists ${tableLocales(served['/@localSearchIndex']).join(', ')})`)
      return served[id]
    },
    fromStore: (id) => served?.[id] !== undefined,
    record(id, code) {
      recorded[id] = code
    },
    save(key) {
      const table = recorded['/@localSearchIndex']
      if (served || table === undefined || !tableLocales(table).every((id) => recorded[id] !== undefined)) return false
      cache.set(key, recorded)
      cache.prune(new Set([key]), PRUNE_MIN_AGE_MS)
      return true
    },
  }
}

/** The key of a build's stored index: render fingerprint, base, page list. */
export function searchIndexKey(fingerprint: string, base: string, pages: readonly string[]): string {
  return contentKey('search-index', fingerprint, base, JSON.stringify([...pages].sort()))
}

/** this build process's store (searchBuildPlugin and searchIndexPrunePlugin share it) */
const indexStore = searchIndexStore()

/**
 * Vite plugin for the production build: turns on searchRender's reuse of the page renders and
 * gives the SSR build an empty search index. The SSR bundle only renders pages to HTML, where the
 * search box (loaded on first use, in the browser) never runs, so VitePress's second indexing of
 * every page there produced nothing that is shipped.
 */
export function searchBuildPlugin(store: SearchIndexStore = indexStore): Plugin {
  let ssr = false
  let pages: readonly string[] | undefined
  let key: string | undefined
  const buildKey = () => {
    const print = buildFingerprint()
    return (key ??= print && pages && buildBase !== undefined ? searchIndexKey(print, buildBase, pages) : undefined)
  }
  return {
    name: 'docker-kb:search-build',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      buildBase = config.base
      ssr = !!config.build.ssr
      // VitePress's resolved site config rides on Vite's (vitepress/dist/node: `vitepress: siteConfig`)
      pages = (config as { vitepress?: { pages?: string[] } }).vitepress?.pages
    },
    load(id, options) {
      if (!id.startsWith('/@localSearchIndex')) return
      if (options?.ssr) return 'export default {}'
      return store.load(id, buildKey())
    },
    buildEnd(error) {
      if (ssr) return
      const { page, rendered } = renderSources
      if (store.fromStore('/@localSearchIndex')) console.log('search index: from the build cache (unchanged tree)')
      else if (page + rendered) console.log(`search index: ${page} page renders reused from the page bundle, ${rendered} rendered (through the render cache)`)
      const k = buildKey()
      if (!error && k) store.save(k)
    },
  }
}
