/**
 * Mermaid diagrams → static SVG at build time (issue #14), the part that drives chromium and the
 * Vite plugin: every ```mermaid fence of docs/ is rendered in headless Debian chromium with mermaid
 * 11 and the site's diagram font, light and dark, merged into one SVG and cached
 * (core/diagrams/render.ts: cache key, SVG post-processing, why the labels fit).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { mermaidConfig } from '../../core/mermaid-config'
import { listPages } from '../../core/pages'
import { DiagramError, collectDiagrams, type Diagram } from '../../core/diagrams/source'
import { CACHE_DIR, DIAGRAM_BOX_CSS, cacheFile, combineThemes, readRendered, renderKey, type RenderedDiagram } from '../../core/diagrams/render'
import { renderIsolated } from '../theme/mermaid-isolated'

const require = createRequire(import.meta.url)

/**
 * Render one diagram in the page with one theme config. (No named inner functions in the
 * evaluated code: tsx/esbuild would wrap them in a `__name` helper the page does not have.)
 */
async function renderOnce(page: import('playwright-core').Page, src: string, id: string, config: unknown): Promise<{ svg?: string; error?: string }> {
  // the same isolated render as the dev server's component (../theme/mermaid-isolated.ts), run
  // from its source text: Mermaid never leaves its error graphic or scratch elements in the page
  return page.evaluate(
    `(${renderIsolated.toString()})(window.mermaid, ${JSON.stringify(id)}, ${JSON.stringify(src)}, ${JSON.stringify(config)}, document.getElementById('box'))
      .then((svg) => ({ svg }), (e) => ({ error: String((e && e.message) || e) }))`,
  ) as Promise<{ svg?: string; error?: string }>
}

/** Render light and dark. Errors carry mermaid's message. */
async function renderInPage(page: import('playwright-core').Page, d: Diagram, id: string): Promise<{ light?: string; dark?: string; error?: string }> {
  const light = await renderOnce(page, d.source, id, mermaidConfig(false))
  if (light.error) return { error: light.error }
  const dark = await renderOnce(page, d.source, id, mermaidConfig(true))
  if (dark.error) return { error: dark.error }
  return { light: light.svg, dark: dark.svg }
}

/** file:line of a mermaid error: mermaid counts lines inside the diagram, clamp into its source. */
function errorLine(d: Diagram, message: string): number {
  const inner = /line (\d+)/.exec(message)
  const last = d.source.replace(/\n$/, '').split('\n').length
  return d.line + Math.min(inner ? Number(inner[1]) : 1, last)
}

export interface RenderReport { rendered: Map<string, RenderedDiagram>; fromCache: number; fresh: number; errors: DiagramError[] }

/**
 * Render diagrams (cache first, chromium for the rest).
 * Input: diagrams with file/line. Output: key → rendered diagram, counts, and one DiagramError per
 * diagram that does not render (file and line of the problem); never throws for a bad diagram.
 * Throws if chromium cannot be started.
 */
export async function renderDiagrams(diagrams: Diagram[]): Promise<RenderReport> {
  const rendered = new Map<string, RenderedDiagram>()
  const todo: Diagram[] = []
  for (const d of diagrams) {
    const hit = readRendered(d.source)
    if (hit) rendered.set(hit.key, hit)
    else if (!todo.some((t) => t.source.trim() === d.source.trim())) todo.push(d)
  }
  const fromCache = rendered.size
  const errors: DiagramError[] = []
  if (todo.length) {
    // imported here: a fully cached build never loads playwright
    const { launchBrowser } = await import('../../core/browser')
    const browser = await launchBrowser()
    try {
      const page = await browser.context.newPage()
      await page.setContent(`<!doctype html><html lang="zh-CN"><head><style>body{margin:0}${DIAGRAM_BOX_CSS}</style></head><body><div class="mermaid-box" id="box" style="width:688px"></div></body></html>`)
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
      fs.mkdirSync(CACHE_DIR, { recursive: true })
      for (const d of todo) {
        const key = renderKey(d.source)
        const id = `mmd-${key}`
        const r = await renderInPage(page, d, id)
        if (r.error || !r.light || !r.dark) {
          errors.push(new DiagramError(d.file, errorLine(d, r.error ?? ''), `mermaid diagram does not render: ${(r.error ?? 'no SVG').split('\n').slice(0, 4).join(' ')}`))
          continue
        }
        try {
          let both = combineThemes(r.light, r.dark, id)
          if (both.separate) {
            // geometry differs: re-render dark with its own id (ids must be unique in a page)
            const dark = await renderOnce(page, d.source, `${id}-dark`, mermaidConfig(true))
            if (!dark.svg) throw new Error(dark.error ?? 'no SVG')
            both = combineThemes(r.light, dark.svg, id, true)
          }
          const out: RenderedDiagram = { key, svg: both.svg, width: both.width, height: both.height }
          const tmp = `${cacheFile(key)}.${process.pid}.tmp`
          fs.writeFileSync(tmp, JSON.stringify(out))
          fs.renameSync(tmp, cacheFile(key)) // atomic: a parallel build never reads half a file
          rendered.set(key, out)
        } catch (e) {
          errors.push(new DiagramError(d.file, d.line, `mermaid diagram: ${(e as Error).message}`))
        }
      }
    } finally {
      await browser.close()
    }
  }
  return { rendered, fromCache, fresh: rendered.size - fromCache, errors }
}

let prerender: Promise<RenderReport> | undefined
/**
 * Render every diagram of docs/ once per process (the client and the SSR build share it). Throws
 * one error listing every diagram that does not render, each with file and line.
 */
export function prerenderSite(srcDir: string): Promise<RenderReport> {
  prerender ??= (async () => {
    const started = Date.now()
    const report = await renderDiagrams(collectDiagrams(listPages(srcDir)))
    if (report.errors.length) throw new Error(`${report.errors.length} diagram(s) do not render:\n${report.errors.map((e) => e.message).join('\n')}`)
    console.log(`diagrams: ${report.rendered.size} static SVGs (${report.fromCache} cached, ${report.fresh} rendered in ${((Date.now() - started) / 1000).toFixed(1)} s)`)
    return report
  })()
  return prerender
}

/**
 * Vite plugin (production build only): before anything is bundled, renders every diagram (or
 * reads it from the cache), switches the Markdown plugin to static mode, and hands the SVGs to the
 * SSR render via globalThis.__kbDiagrams (same process). The client build also writes each SVG
 * to /assets/diagrams/<key>.svg, which the component fetches after an in-app navigation.
 */
export function mermaidBuildPlugin(srcDir: string): import('vite').Plugin {
  let ssr = false
  return {
    name: 'kb-mermaid-static',
    apply: 'build',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    async buildStart() {
      const { setDiagramMode } = await import('./mermaid')
      setDiagramMode('static')
      const report = await prerenderSite(srcDir)
      ;(globalThis as { __kbDiagrams?: Map<string, RenderedDiagram> }).__kbDiagrams = report.rendered
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
