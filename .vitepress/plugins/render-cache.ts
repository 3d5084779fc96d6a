/**
 * Build speed: a persistent, content-keyed cache of markdown-it's render of each page.
 *
 * VitePress caches its Markdown → Vue step (markdownToVue) only in memory, so every production build
 * renders all pages again with markdown-it, Shiki and our plugins — the largest part of a warm build
 * that still depended on nothing but unchanged inputs. This wraps `md.render` (the markdown-it
 * instance VitePress made, after our plugins are added): a render whose inputs are all unchanged
 * returns the stored HTML and puts back what the render wrote into `env` (frontmatter, headers,
 * title, links, sfcBlocks, the include list, our plugins' fields). Everything VitePress does AFTER
 * the render still runs in every build: its dead-link check (it reads `env.links`), the page data,
 * transformPageData, the Vue compile. Wrapping the render rather than replacing VitePress's `.md`
 * transform keeps those checks VitePress's own.
 *
 * Key (renderEntryKey): the build's fingerprint (renderFingerprint: the contents of every file a render
 * can read — all of docs/ including the snippet status file and the glossary and command data, the
 * config, plugins, theme and core code, the schemas, versions.json, package-lock.json for the versions
 * of VitePress, Shiki and markdown-it, the diagram render setup — and the Node version), the site base,
 * the Markdown text and the `env` VitePress passes in (path, locale, cleanUrls, includes so far).
 * Coarse on purpose, as for the search index's renders (config/search.ts): editing any page re-renders
 * all of them once; an unchanged tree renders none. Values: node:v8 serialization (keeps the Dates of
 * YAML frontmatter and the Maps our plugins keep in `env`); a render whose `env` cannot be serialized
 * is simply not stored.
 *
 * The second half (cacheVueCompile): the page's Vue component — VitePress's output for the `.md`
 * file — compiled by @vitejs/plugin-vue, in the client and the SSR bundle, cached under the same
 * fingerprint plus the component text. On a warm build neither markdown-it nor the Vue compiler runs
 * for an unchanged page.
 *
 * On only in a production build (renderCachePlugin), where diagrams are static: the dev server
 * re-renders changed pages and its diagrams are live components.
 */
import path from 'node:path'
import v8 from 'node:v8'
import type { Plugin } from 'vite'
import { BUILD_CACHE_ROOT, contentCache, contentKey, treeFingerprint, type CacheCodec, type ContentCache } from '../../core/content-cache'
import { renderKey } from '../../core/diagrams/render'

/** What a page's rendered HTML can depend on besides its own Markdown (repository-relative paths). */
export const RENDER_INPUTS = ['docs', '.vitepress/config', '.vitepress/plugins', '.vitepress/theme', 'core', 'schemas', 'versions.json', 'package-lock.json']

/**
 * Fingerprint of everything a render reads besides its own Markdown (RENDER_INPUTS under `root`,
 * the diagram render setup, the Node version). Reads every file under RENDER_INPUTS: call once per build.
 */
export function renderFingerprint(root?: string): string {
  return contentKey(treeFingerprint(RENDER_INPUTS, root), renderKey(''), process.versions.node)
}

/** The `env` a render is called with, as part of its key (VitePress: path, relativePath, cleanUrls, includes, realPath, localeIndex). */
function envKey(env: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(env).sort().map((k) => [k, env[k]]))
}

/**
 * Cache key of one render.
 * @param print renderFingerprint() of this build
 * @param base the site base (links are rendered with it)
 * @param src the Markdown passed to md.render (VitePress: the page after its includes)
 * @param env the render's env BEFORE the render
 */
export function renderEntryKey(print: string, base: string, src: string, env: Record<string, unknown>): string {
  return contentKey(print, base, envKey(env), src)
}

/** A stored render: the HTML and the whole env after the render. */
export interface Entry {
  html: string
  env: Record<string, unknown>
}

export interface RenderCacheStats {
  hits: number
  rendered: number
  /** rendered, but not stored: its env held something node:v8 cannot serialize (a function) */
  unstored: number
}

export interface RenderCacheOptions {
  /** the on-disk cache (default: BUILD_CACHE_ROOT/md-render, v8-serialized entries) */
  cache?: ContentCache<Entry>
  /** the build's fingerprint and base, or undefined while the cache is off (dev server, tests without it) */
  state: () => { print: string; base: string } | undefined
  stats?: RenderCacheStats
  /** every key this wrapper looked up (hit or stored), for pruning the cache at the end of the build */
  used?: Set<string>
}

/** v8 serialization for the entries (JSON would turn frontmatter Dates into strings and Maps into {}). */
export const v8Codec: CacheCodec<Entry> = { ext: 'v8', encode: (v: Entry) => v8.serialize(v), decode: (b: Buffer) => v8.deserialize(b) as Entry }

/**
 * Wrap `md.render` with the cache (see the file comment). Call in markdown.config after every plugin
 * that changes the render, and before anything that wants to see every render (rememberPageRenders).
 */
export function cacheRenders(md: { render(src: string, env?: any): string }, options: RenderCacheOptions): void {
  const cache = options.cache ?? contentCache<Entry>(MD_DIR, v8Codec)
  const render = md.render.bind(md)
  md.render = (src: string, env?: Record<string, unknown>) => {
    const state = options.state()
    if (!state || !env || typeof env !== 'object') return render(src, env)
    const key = renderEntryKey(state.print, state.base, src, env)
    options.used?.add(key)
    const hit = cache.get(key)
    if (hit) {
      for (const [k, v] of Object.entries(hit.env)) {
        // VitePress keeps its own reference to the include list it passed in: fill that array
        const mine = env[k]
        if (Array.isArray(mine) && Array.isArray(v)) mine.splice(0, mine.length, ...v)
        else env[k] = v
      }
      if (options.stats) options.stats.hits++
      return hit.html
    }
    const html = render(src, env)
    if (options.stats) options.stats.rendered++
    try {
      cache.set(key, { html, env: { ...env } })
    } catch (e) {
      // node:v8 cannot serialize a value of env ("… could not be cloned"): render every time.
      // A file system error (ENOSPC, EACCES: it has a code) is a real error
      if ((e as NodeJS.ErrnoException)?.code) throw e
      if (options.stats) options.stats.unstored++
    }
    return html
  }
}

let buildState: { print: string; base: string } | undefined
let base: string | undefined
const stats: RenderCacheStats = { hits: 0, rendered: 0, unstored: 0 }
const MD_DIR = path.join(BUILD_CACHE_ROOT, 'md-render')
const VUE_DIR = path.join(BUILD_CACHE_ROOT, 'vue-compile')
/** keys this build used, per cache: the rest is pruned at the end of the build (renderCachePlugin) */
const usedRenders = new Set<string>()
const usedCompiles = new Set<string>()
/**
 * Entries not used by a build are deleted at its end when older than this: every change of the tree
 * (any page, any plugin) makes a new fingerprint and a full new set of entries (~55 MB for the site),
 * and the old set would never be read again. The age spares a build of another tree running at the
 * same time on the same cache folder (worktrees sharing node_modules), which may be writing its set.
 */
export const PRUNE_MIN_AGE_MS = 15 * 60_000

/** The site's markdown.config step: the page renders, cached in a production build (renderCachePlugin). */
export function siteRenderCache(md: { render(src: string, env?: any): string }): void {
  cacheRenders(md, {
    cache: contentCache<Entry>(MD_DIR, v8Codec),
    // the fingerprint is taken at the first render: after the config is loaded, before any page
    state: () => (base === undefined ? undefined : (buildState ??= { print: renderFingerprint(), base })),
    stats,
    used: usedRenders,
  })
}

/**
 * This production build's fingerprint (renderFingerprint, taken once per build process), for other
 * outputs that depend on the same inputs (the `.md` exports, plugins/llms.ts); undefined outside a
 * production build (dev server, scripts, tests).
 */
export function buildFingerprint(): string | undefined {
  if (base === undefined) return undefined
  return (buildState ??= { print: renderFingerprint(), base }).print
}

/** A page's compiled Vue module as @vitejs/plugin-vue's transform returned it. */
interface CompiledPage {
  code: string
  map: unknown
}
const compileStats = { hits: 0, compiled: 0, unstored: 0 }

/**
 * Wrap @vitejs/plugin-vue's `transform` for the pages (`.md` ids without a query): the Vue single-file
 * component VitePress made of a page (its Markdown render plus the page data) compiles to the same
 * JavaScript whenever that component text, the page's path, the bundle (client or SSR) and the build's
 * fingerprint (which holds the Vue and plugin versions and our config) are the same. Rollup reads a
 * plugin's hooks when it calls them, so replacing the function in configResolved is enough.
 * Not stored: a compiled page that imports one of its own blocks (`?vue&type=style…`, a page with a
 * <style> block): the plugin loads those from the descriptor it keeps in memory during transform,
 * which a cache hit would not have made.
 */
function cacheVueCompile(plugins: readonly Plugin[], cache: ContentCache<CompiledPage>): void {
  const vue = plugins.find((p) => p.name === 'vite:vue')
  const transform = vue?.transform
  if (!vue || typeof transform !== 'function') throw new Error('render-cache: no @vitejs/plugin-vue transform function to wrap (plugin renamed or hook changed?)')
  vue.transform = async function (this: any, code: string, id: string, opt?: { ssr?: boolean }) {
    const state = buildState ?? (base === undefined ? undefined : (buildState = { print: renderFingerprint(), base }))
    if (!state || !id.endsWith('.md')) return transform.call(this, code, id, opt)
    const key = contentKey(state.print, state.base, opt?.ssr ? 'ssr' : 'client', id, code)
    usedCompiles.add(key)
    const hit = cache.get(key)
    if (hit) {
      compileStats.hits++
      return hit
    }
    const out = (await transform.call(this, code, id, opt)) as CompiledPage | string | null | undefined
    compileStats.compiled++
    if (out && typeof out === 'object' && typeof out.code === 'string' && !out.code.includes('?vue&type=')) cache.set(key, { code: out.code, map: out.map ?? null })
    else compileStats.unstored++
    return out
  } as Plugin['transform']
}

/** Vite plugin for the production build: turns the page render cache on (with the resolved base), caches the pages' Vue compile, and reports both. */
export function renderCachePlugin(): Plugin {
  let ssr = false
  const mdCache = contentCache<Entry>(MD_DIR, v8Codec)
  const vueCache = contentCache<CompiledPage>(VUE_DIR)
  return {
    name: 'docker-kb:md-render-cache',
    apply: 'build',
    configResolved(config) {
      base = config.base
      ssr = !!config.build.ssr
      cacheVueCompile(config.plugins, vueCache)
    },
    buildEnd(error) {
      const { hits, rendered, unstored } = stats
      if (hits + rendered) console.log(`markdown render cache (${ssr ? 'ssr' : 'client'} build): ${hits} from the cache, ${rendered} rendered${unstored ? `, ${unstored} not storable` : ''}`)
      const c = compileStats
      if (c.hits + c.compiled) console.log(`page compile cache (${ssr ? 'ssr' : 'client'} build): ${c.hits} from the cache, ${c.compiled} compiled${c.unstored ? ` (${c.unstored} not storable)` : ''}`)
      stats.hits = stats.rendered = stats.unstored = 0
      c.hits = c.compiled = c.unstored = 0
      // VitePress builds the client bundle, then the SSR bundle (which renders no Markdown: its
      // markdownToVue results come from VitePress's in-memory cache); after a successful SSR bundle
      // this build has used every entry it needs
      if (ssr && !error && usedRenders.size) {
        const pruned = mdCache.prune(usedRenders, PRUNE_MIN_AGE_MS) + vueCache.prune(usedCompiles, PRUNE_MIN_AGE_MS)
        if (pruned) console.log(`render cache: ${pruned} entries of earlier builds deleted`)
      }
    },
  }
}
