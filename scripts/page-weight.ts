/**
 * `npm run weight`: JS, HTML and CSS bytes of the bench's five page types, ours against the stock
 * VitePress baseline (issue #14, lean pages; how bytes are counted: scripts/lib/page-weight.ts).
 * Reads two finished builds, builds nothing:
 *
 *   npm run weight                                   # .vitepress/dist vs .tmp/bench-stock/.vitepress/dist
 *   npm run weight -- --ours /tmp/x-dist [--stock DIR] [--files]   # --files: list each page's JS files
 *
 * The stock build comes from `npm run bench` (scripts/lib/bench-stock.ts).
 */
import path from 'node:path'
import { DIST_DIR } from './lib/static-server'
import { STOCK_DIR } from './lib/bench-stock'
import { weightRows, weightTable } from './lib/page-weight'
import { parseCli, parseOrExit } from './lib/cli-args'

const opts = parseOrExit('weight', 'npm run weight -- [--ours DIR] [--stock DIR] [--files]', () => {
  const { values } = parseCli(process.argv.slice(2), {
    options: {
      ours: { type: 'string', default: DIST_DIR },
      stock: { type: 'string', default: path.join(STOCK_DIR, '.vitepress/dist') },
      files: { type: 'boolean', default: false },
    },
  })
  return values
})
const rows = weightRows(opts.ours, opts.stock)
console.log(`page weight (raw bytes), ours ${opts.ours} / stock ${opts.stock}:\n${weightTable(rows)}`)
if (opts.files) {
  for (const r of rows) {
    console.log(`\n${r.type} ${r.route}:`)
    for (const which of ['ours', 'stock'] as const) {
      console.log(`  ${which}: ${r[which].jsFiles.map((f) => `${f.url} ${f.bytes}`).join(', ')}`)
    }
  }
}
