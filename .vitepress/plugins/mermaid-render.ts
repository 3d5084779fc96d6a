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
 * Vite plugin (production build only): switches the Markdown plugin to static mode, renders every
 * diagram (or reads it from the cache), and hands the SVGs to the SSR render via
 * globalThis.__kbDiagrams (same process). The client build also writes each SVG to
 * /assets/diagrams/<key>.svg, which the component fetches after an in-app navigation.
 *
 * The renders run in chromium (another process) while the bundler works on everything but the
 * pages: only what renders Markdown waits for them — loading a page (`.md`) and VitePress's search
 * index (which renders every page). They used to block the build's start (buildStart awaited
 * them): ~50 s of a cold build's wall time spent with nothing else running.
 */
export function mermaidBuildPlugin(srcDir: string): import('vite').Plugin {
  let ssr = false
  let ready: Promise<void> | undefined
  return {
    name: 'kb-mermaid-static',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    async buildStart() {
      const { setDiagramMode } = await import('./mermaid')
      setDiagramMode('static')
      ready = prerenderSite(srcDir).then((report) => {
        ;(globalThis as { __kbDiagrams?: Map<string, RenderedDiagram> }).__kbDiagrams = report.rendered
      })
      // a diagram that does not render fails the build where something waits for it (load below);
      // until then the rejection is held here, not reported as unhandled
      ready.catch(() => {})
    },
    async load(id) {
      // returning nothing: Vite (or VitePress's search plugin) loads the module as usual, after the renders
      if (id.split('?')[0].endsWith('.md') || id.startsWith('/@localSearchIndex')) await ready
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
