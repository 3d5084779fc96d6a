/**
 * Mermaid diagrams → static SVG at build time (issue #14), the Vite glue: every ```mermaid fence of
 * docs/ is rendered once per build process and handed to the SSR render and the client bundle.
 * The rendering itself (headless chromium, light and dark, cache, SVG post-processing) is
 * renderDiagrams() in core/diagrams/render.ts, shared with scripts/check-diagrams.ts; the build runs
 * it in a child process of its own (core/diagrams/apart.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { listPages } from '../../core/pages'
import { collectDiagrams, type Diagram } from '../../core/diagrams/source'
import { renderKey, type RenderReport, type RenderedDiagram } from '../../core/diagrams/render'
import { renderDiagramsApart } from '../../core/diagrams/apart'

interface SiteRender {
  /** every diagram rendered (or cached); rejects with ONE error listing every diagram that does not render */
  all: Promise<RenderReport & { seconds: number }>
  /** the render keys of each page's diagrams, by the page's absolute path (the pages of listPages without `<!--@include:`) */
  pageKeys: Map<string, string[]>
  /** per render key: resolves when that diagram is in the cache; for one that does not render, settles as `all` does */
  done: Map<string, Promise<unknown>>
}

const sites = new Map<string, SiteRender>()
/** Start rendering every diagram of srcDir, once per process (the client and the SSR build share it). */
function siteRender(srcDir: string): SiteRender {
  const known = sites.get(srcDir)
  if (known) return known
  const started = Date.now()
  const pageKeys = new Map<string, string[]>()
  const waiters = new Map<string, () => void>()
  const signals = new Map<string, Promise<void>>()
  let diagrams: Diagram[] = []
  let collectError: unknown
  try {
    for (const file of listPages(srcDir)) {
      const found = collectDiagrams([file])
      diagrams.push(...found)
      // a page that includes other files renders their diagrams too: it is left out, so it waits for all
      if (!fs.readFileSync(file, 'utf8').includes('<!--@include:')) pageKeys.set(path.resolve(file), found.map((d) => renderKey(d.source)))
      for (const d of found) {
        const key = renderKey(d.source)
        if (!signals.has(key)) signals.set(key, new Promise<void>((resolve) => waiters.set(key, resolve)))
      }
    }
  } catch (e) {
    // a fence without accTitle/accDescr: the whole render fails with that error (file:line)
    collectError = e
    diagrams = []
  }
  const all = (async () => {
    if (collectError) throw collectError
    const report = await renderDiagramsApart(diagrams, { onRendered: (d) => waiters.get(d.key)?.() })
    if (report.errors.length) throw new Error(`${report.errors.length} diagram(s) do not render:\n${report.errors.map((e) => e.message).join('\n')}`)
    return { ...report, seconds: (Date.now() - started) / 1000 }
  })()
  // the rejection is reported where something waits for it (the plugin's load hook), not as unhandled
  all.catch(() => {})
  // a diagram that does not render never signals: whoever waits for it gets the build's error from `all`
  const done = new Map([...signals].map(([key, signal]) => [key, Promise.race([signal, all])]))
  const site = { all, pageKeys, done }
  sites.set(srcDir, site)
  return site
}

/**
 * Render every diagram of docs/ once per process (the client and the SSR build share it). Throws
 * one error listing every diagram that does not render, each with file and line.
 */
export function prerenderSite(srcDir: string): Promise<RenderReport & { seconds: number }> {
  return siteRender(srcDir).all
}

/**
 * Wait until the diagrams a Markdown file renders are in the render cache (its Markdown plugin reads
 * them from there, synchronously). Input: the file's absolute path. A page of docs/ waits only for its
 * own diagrams (none: no wait); a file that is not a page of listPages or that includes other files
 * (`<!--@include:`) waits for every diagram. Rejects with the build's diagram error if one of the
 * diagrams it waits for does not render.
 */
export async function pageDiagramsReady(srcDir: string, file: string): Promise<void> {
  const s = siteRender(srcDir)
  const keys = s.pageKeys.get(path.resolve(file))
  await (keys ? Promise.all(keys.map((k) => s.done.get(k))) : s.all)
}

/**
 * Is this process `vitepress build` (the CLI, as `npm run build` and `npx vitepress build` run it)?
 * The config is a plain object evaluated before VitePress says what it is doing; the dev server
 * (`vitepress dev`), tests and scripts that import the config are not builds.
 */
function isVitepressBuild(): boolean {
  return /[\\/]vitepress(\.js)?$/.test(process.argv[1] ?? '') && process.argv[2] === 'build'
}

/**
 * What the client build gets for `import('mermaid')` (a virtual module): the only import of Mermaid in
 * the site is the dev server's live render in MermaidDiagram.vue, behind `import.meta.env.DEV`. The
 * production build drops that branch, but only at tree-shaking, after Rollup has already resolved,
 * loaded and parsed every module the dynamic import reaches: Mermaid and its dependencies (cytoscape,
 * katex, langium, 640 lodash-es files …), 1528 modules and 8.9 MB of code that never reach the
 * output (counted 2026-12-03 with a moduleParsed hook; stock VitePress parses 471 modules in its
 * client build, we parsed 2091; decisions.md, build time, twelfth round). Nothing uses the module:
 * if code that does is ever included, it fails loudly at run time instead of shipping Mermaid.
 */
export const NO_MERMAID_ID = '\0kb-no-mermaid'
const NO_MERMAID_CODE = "throw new Error('mermaid is not bundled in the production build (diagrams are static SVG: .vitepress/plugins/mermaid-render.ts)')\n"

/**
 * Vite plugin (production build only): switches the Markdown plugin to static mode, renders every
 * diagram (or reads it from the cache), and hands the SVGs to the SSR render via
 * globalThis.__kbDiagrams (same process). The client build also writes each SVG to
 * /assets/diagrams/<key>.svg, which the component fetches after an in-app navigation.
 *
 * The renders run in chromium (another process) while the bundler works on everything else: a
 * page (`.md`) waits only for its own diagrams (pageDiagramsReady; most pages have none), and
 * VitePress's search index (which renders every page) for all of them. They used to block the
 * build's start (buildStart awaited them: ~50 s of a cold build's wall time spent with nothing
 * else running), and then every page waited for all of them (2026-12-02, seventh round: the main
 * process sat idle while chromium rendered; docs/contribute/decisions.md, build time).
 */
export function mermaidBuildPlugin(srcDir: string, { startNow = isVitepressBuild() }: { startNow?: boolean } = {}): import('vite').Plugin {
  // `vitepress build`: chromium starts and loads Mermaid (≈ 4 s of fixed cost) while VitePress still
  // loads the rest of the config and Vite starts, instead of from buildStart on
  if (startNow) siteRender(srcDir)
  let ssr = false
  let ready: Promise<void> | undefined
  return {
    name: 'kb-mermaid-static',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    resolveId(source) {
      // the client build only: the SSR build leaves node_modules external and never loads Mermaid
      if (!ssr && source === 'mermaid') return NO_MERMAID_ID
    },
    async buildStart() {
      const { setDiagramMode } = await import('./mermaid')
      setDiagramMode('static')
      ready = siteRender(srcDir).all.then((report) => {
        ;(globalThis as { __kbDiagrams?: Map<string, RenderedDiagram> }).__kbDiagrams = report.rendered
        // said here, not where the renders end: they start with the config, which may still fail
        // to load (a broken glossary term), and then its error list is all the output
        if (!ssr) console.log(`diagrams: ${report.rendered.size} static SVGs (${report.fromCache} cached, ${report.fresh} rendered in ${report.seconds.toFixed(1)} s)`)
      })
      // a diagram that does not render fails the build where something waits for it (load below);
      // until then the rejection is held here, not reported as unhandled
      ready.catch(() => {})
    },
    async load(id) {
      if (id === NO_MERMAID_ID) return NO_MERMAID_CODE
      // returning nothing: Vite (or VitePress's search plugin) loads the module as usual, once the
      // diagrams it renders are in the cache (a page: its own; the search index: all of them)
      const file = id.split('?')[0]
      if (id.startsWith('/@localSearchIndex')) await ready
      else if (file.endsWith('.md')) await (fs.existsSync(file) ? pageDiagramsReady(srcDir, file) : ready)
    },
    async generateBundle() {
      if (ssr) return
      const { diagramUrl } = await import('./mermaid')
      for (const d of (await prerenderSite(srcDir)).rendered.values()) {
        this.emitFile({ type: 'asset', fileName: diagramUrl(d.key).slice(1), source: d.svg })
      }
    },
  }
}
