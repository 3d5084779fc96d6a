/**
 * Renders every Mermaid diagram of the site in headless Debian chromium, exactly as the build does
 * (renderDiagrams in core/diagrams/render.ts: light + dark, the site's diagram font), and fills the
 * build's diagram cache. A diagram that does not render fails this check with file and line.
 *
 *   npx tsx scripts/check-diagrams.ts
 */
import path from 'node:path'
import { listPages } from '../core/pages'
import { parseCli, parseOrExit } from './lib/cli-args'
import { collectDiagrams } from '../core/diagrams/source'
import { renderDiagrams } from '../core/diagrams/render'

export { collectDiagrams, renderDiagrams }

if (import.meta.url === `file://${process.argv[1]}`) {
  parseOrExit('check-diagrams', 'npx tsx scripts/check-diagrams.ts (no options)', () => parseCli(process.argv.slice(2), { options: {} }))
  const started = Date.now()
  const diagrams = collectDiagrams(listPages(path.resolve('docs')))
  const report = await renderDiagrams(diagrams)
  for (const e of report.errors) console.error(e.message)
  console.log(
    `${report.errors.length ? '✗' : '✓'} ${diagrams.length} diagrams rendered in chromium, ${report.errors.length} failed ` +
      `(${report.rendered.size} distinct: ${report.fromCache} cached, ${report.fresh} rendered; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
  process.exit(report.errors.length ? 1 : 0)
}
