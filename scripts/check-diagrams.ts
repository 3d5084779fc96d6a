/**
 * Renders every Mermaid diagram of the site in a real browser (Debian chromium + mermaid 11),
 * exactly as readers get it. A diagram that fails to render fails this check with file and line;
 * the measured sizes go to .vitepress/diagram-sizes.json, which the Markdown plugin uses to
 * reserve each diagram's box (so the page does not jump when the SVG appears).
 *
 *   npx tsx scripts/check-diagrams.ts [--no-write]
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import MarkdownIt from 'markdown-it'
import { listPages } from './lib/pages'
import { launchBrowser } from './lib/browser'
import { mermaidConfig } from './lib/mermaid-config'
import { SIZES_FILE, diagramInfo } from '../.vitepress/plugins/mermaid'

export interface Diagram { file: string; line: number; source: string; hash: string }

export function collectDiagrams(files: string[]): Diagram[] {
  const md = new MarkdownIt()
  const out: Diagram[] = []
  for (const file of files) {
    const rel = path.relative(process.cwd(), file)
    for (const t of md.parse(fs.readFileSync(file, 'utf8'), {})) {
      if (t.type !== 'fence' || t.info.trim().split(/\s+/)[0] !== 'mermaid') continue
      const line = (t.map?.[0] ?? 0) + 1
      out.push({ file: rel, line, source: t.content, hash: diagramInfo(t.content, rel, line).hash })
    }
  }
  return out
}

export interface RenderResult { diagram: Diagram; size?: [number, number]; error?: string }

/** Render diagrams in chromium; returns sizes (from the SVG viewBox) or errors with file:line. */
export async function renderDiagrams(diagrams: Diagram[]): Promise<RenderResult[]> {
  const require = createRequire(import.meta.url)
  const mermaidJs = require.resolve('mermaid/dist/mermaid.min.js')
  const browser = await launchBrowser()
  try {
    const page = await browser.context.newPage()
    await page.setContent('<!doctype html><html><body><div id="c" style="width:688px"></div></body></html>')
    await page.addScriptTag({ path: mermaidJs })
    const results: RenderResult[] = []
    for (const [i, d] of diagrams.entries()) {
      const r = await page.evaluate(
        async ({ src, id, config }) => {
          const m = (window as any).mermaid
          m.initialize(config)
          try {
            const { svg } = await m.render(id, src)
            const c = document.getElementById('c')!
            c.innerHTML = svg
            const vb = c.querySelector('svg')?.getAttribute('viewBox')?.split(/[\s,]+/).map(Number)
            return vb && vb.length === 4 ? { size: [Math.round(vb[2]), Math.round(vb[3])] } : { error: 'rendered SVG has no viewBox' }
          } catch (e: any) {
            return { error: String(e?.message ?? e) }
          }
        },
        { src: d.source, id: `d${i}`, config: mermaidConfig(false) },
      )
      if ('error' in r && r.error) {
        const inner = /line (\d+)/.exec(r.error)
        // mermaid counts lines after its own preprocessing; clamp into the diagram's source lines
        const last = d.source.replace(/\n$/, '').split('\n').length
        const line = d.line + Math.min(inner ? Number(inner[1]) : 1, last)
        results.push({ diagram: d, error: `${d.file}:${line}: mermaid diagram does not render: ${r.error.split('\n').slice(0, 4).join(' ')}` })
      } else results.push({ diagram: d, size: (r as { size: [number, number] }).size })
    }
    return results
  } finally {
    await browser.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now()
  const diagrams = collectDiagrams(listPages(path.resolve('docs')))
  const results = await renderDiagrams(diagrams)
  const errors = results.filter((r) => r.error)
  for (const e of errors) console.error(e.error)
  if (!process.argv.includes('--no-write')) {
    const sizes = Object.fromEntries(results.filter((r) => r.size).map((r) => [r.diagram.hash, r.size]).sort())
    fs.writeFileSync(SIZES_FILE, JSON.stringify(sizes, null, 1) + '\n')
  }
  console.log(`${errors.length ? '✗' : '✓'} ${diagrams.length} diagrams rendered in chromium, ${errors.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  process.exit(errors.length ? 1 : 0)
}
