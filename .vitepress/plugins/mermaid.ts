/**
 * ```mermaid fences → <MermaidDiagram> components.
 *
 * Why not markdown-it-mermaid: it is pinned to mermaid 7 and emits a raw <div class="mermaid">
 * whose newlines Vue's template compiler collapses (see docs/contribute/decisions.md). We keep its
 * idea — a markdown-it rule for mermaid fences — and hand the diagram to a Vue component.
 *
 * Two modes:
 * - `static` (production build): the diagram was rendered to SVG before the build
 *   (core/diagrams/render.ts, a cache keyed by source/theme/fonts/mermaid version); the component gets
 *   the SVG's cache key, URL and intrinsic size. The SVG itself is written into the HTML at SSR
 *   time and never into a JavaScript chunk, and no mermaid JavaScript is shipped.
 * - `live` (dev server, unit tests): the source travels base64-encoded (Vue's compiler would
 *   otherwise touch `{{ }}`, `<`, newlines) and the component renders it with mermaid in the browser.
 *
 * Every diagram must carry `accTitle:` and `accDescr:` — they become the text alternative that
 * screen readers, search and readers without JavaScript get.
 */
import type MarkdownIt from 'markdown-it'
import { pageFile, sourceLine } from '../../core/source-line'
import { readRendered } from '../../core/diagrams/render'
import { DiagramError, diagramInfo } from '../../core/diagrams/source'
import { escapeHtml } from '../../core/html'

export type DiagramMode = 'static' | 'live'
let mode: DiagramMode = 'live'
/** Set by the build (mermaidBuildPlugin in shared config) before any page is rendered. */
export function setDiagramMode(m: DiagramMode): void {
  mode = m
}
/** URL of a rendered diagram's SVG file (the client fetches it after an in-app navigation). */
export const diagramUrl = (key: string) => `/assets/diagrams/${key}.svg`

export function mermaidPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    if (token.info.trim().split(/\s+/)[0] !== 'mermaid') return fence(tokens, idx, options, env, self)
    const file = pageFile(env)
    const line = sourceLine(token, env)
    const info = diagramInfo(token.content, file, line)
    ;(env.diagrams ??= []).push({ ...info, line })
    const common =
      `title="${escapeHtml(info.title)}" description="${escapeHtml(info.description)}" ` +
      `source-line="${escapeHtml(`${file}:${line}`)}"`
    if (mode === 'live') {
      const b64 = Buffer.from(token.content, 'utf8').toString('base64')
      return `<MermaidDiagram code="${b64}" ${common} />\n`
    }
    const r = readRendered(token.content)
    if (!r) throw new DiagramError(file, line, 'mermaid diagram was not rendered before the build (is it outside docs/, or did rendering fail above?)')
    return `<MermaidDiagram svg-key="${r.key}" src="${diagramUrl(r.key)}" :width="${r.width}" :height="${r.height}" ${common} />\n`
  }
}
