/**
 * Mermaid diagrams → static SVG at build time (issue #14), the Vite glue: every ```mermaid fence of
 * docs/ is rendered once per build process and handed to the SSR render and the client bundle.
 * The rendering itself (headless chromium, light and dark, cache, SVG post-processing) is
 * renderDiagrams() in core/diagrams/render.ts, shared with scripts/check-diagrams.ts.
 */
import { listPages } from '../../core/pages'
import { collectDiagrams } from '../../core/diagrams/source'
import { renderDiagrams, type RenderReport, type RenderedDiagram } from '../../core/diagrams/render'

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
