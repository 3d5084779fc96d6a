/**
 * Search bench on the built site (run `npm run build` first), in Debian's chromium:
 *  - quality per query set and per query kind: top-1, top-3, mean reciprocal rank, zero results;
 *  - bytes fetched between opening the search box and the first result (gzip, as a static host
 *    serves them), and which files they were;
 *  - per-keystroke latency of the query engine after the index has loaded (User Timing measures
 *    "docker-kb:search" recorded by core/search/client.ts): dev-set queries typed one key at a
 *    time, the search of every prefix timed, at least 200 samples; p50 / p95 / max and the count.
 *
 *   npm run bench:search [-- --sets queries,regression] [--json reports/bench-search.json]
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { launchBrowser } from '../core/browser'
import { loadQuerySet, openSearch, runSearchQueries, searchTop, type Outcome } from './lib/search-quality'
import { parseCli, parseOrExit } from './lib/cli-args'

const { values } = parseOrExit('bench:search', 'npm run bench:search -- [--sets queries,regression] [--json reports/bench-search.json]', () =>
  parseCli(process.argv.slice(2), { options: { sets: { type: 'string', default: 'queries,regression' }, json: { type: 'string', default: 'reports/bench-search.json' } } }),
)
if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error(`${DIST_DIR} has no built site: run npm run build first`)

const server = await serveStatic(DIST_DIR, 0)
const browser = await launchBrowser()
const out: Record<string, unknown> = {}
const pct = (x: number) => `${(x * 100).toFixed(1)} %`
try {
  // 1. bytes before the first result
  const page = await browser.context.newPage()
  await page.goto(server.url + '/', { waitUntil: 'networkidle' })
  const before = await page.evaluate(() => performance.getEntriesByType('resource').length)
  await openSearch(page)
  await searchTop(page, '端口映射', 3)
  const urls = await page.evaluate((n) => performance.getEntriesByType('resource').slice(n).map((e) => e.name), before)
  const files = urls.map((u) => new URL(u).pathname).filter((p) => fs.existsSync(path.join(DIST_DIR, p)))
  const sizes = files.map((p) => ({ file: p, gzip: zlib.gzipSync(fs.readFileSync(path.join(DIST_DIR, p))).length }))
  // the box's own chunk and the index; page chunks VitePress prefetches meanwhile are listed apart
  const own = sizes.filter((s) => /VPLocalSearchBox|localSearchIndex/.test(s.file))
  const index = own.reduce((n, s) => n + s.gzip, 0)
  const total = sizes.reduce((n, s) => n + s.gzip, 0)
  out.firstSearchBytes = { index, total, files: sizes }
  console.log(`first search: ${(index / 1024).toFixed(1)} KB gzip for the search box and index (${own.map((s) => `${path.basename(s.file)} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}); ${(total / 1024).toFixed(1)} KB with ${sizes.length - own.length} prefetched page chunks`)

  // 2. per-keystroke latency, index loaded: real queries of the dev set typed one key at a time,
  // and after each key the search of exactly that text timed (the box debounces input, so typing a
  // whole query at once would time only its last prefix). Queries in file order until at least
  // MIN_SAMPLES keystrokes were timed.
  const MIN_SAMPLES = 200
  const input = page.locator('.VPLocalSearchBox input')
  const samples: number[] = []
  await page.evaluate(() => performance.clearMeasures('docker-kb:search'))
  let queries = 0
  for (const spec of loadQuerySet('tests/search/queries.yaml')) {
    if (samples.length >= MIN_SAMPLES) break
    queries++
    await input.fill('')
    await input.focus()
    let prev = ''
    for (const ch of spec.q) {
      await page.keyboard.type(ch)
      const value = (await input.inputValue()).trim()
      // a space, or a character beyond the box's 64-character limit, searches nothing new
      if (!value || value === prev) continue
      prev = value
      samples.push(await page.waitForFunction(
        (v) => performance.getEntriesByName('docker-kb:search').map((e) => e as PerformanceMeasure).find((e) => String(e.detail?.query ?? '').trim() === v)?.duration,
        value,
        { timeout: 20_000, polling: 5 },
      ).then((h) => h.jsonValue() as Promise<number>))
      await page.evaluate(() => performance.clearMeasures('docker-kb:search'))
    }
  }
  const d = [...samples].sort((a, b) => a - b)
  const q = (p: number) => d[Math.min(d.length - 1, Math.floor(p * d.length))]
  out.keystroke = { samples: d.length, queries, p50: q(0.5), p95: q(0.95), max: d.at(-1) }
  console.log(`per keystroke: ${d.length} samples (every keystroke of ${queries} dev-set queries), p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${d.at(-1)?.toFixed(2)} ms`)
  await page.close()

  // 3. quality
  for (const set of values.sets.split(',')) {
    const r = await runSearchQueries(browser.context, server.url, loadQuerySet(`tests/search/${set}.yaml`))
    out[set] = { total: r.total, top1: r.top1, top3: r.top3, mrr: r.mrr, zero: r.zero }
    console.log(`${set}: ${r.total} queries, top-1 ${pct(r.top1)}, top-3 ${pct(r.top3)}, MRR ${r.mrr.toFixed(3)}, zero results ${pct(r.zero)}`)
    const kinds = new Map<string, Outcome[]>()
    for (const o of r.outcomes) (kinds.get(o.query.kind) ?? kinds.set(o.query.kind, []).get(o.query.kind)!).push(o)
    for (const [k, os] of kinds) console.log(`  ${k.padEnd(10)} ${String(os.length).padStart(3)}  top-1 ${pct(os.filter((o) => o.top1).length / os.length).padStart(7)}  top-3 ${pct(os.filter((o) => o.top3).length / os.length).padStart(7)}`)
    for (const m of r.misses) console.log(`  miss: "${m.query.q}" → want ${m.query.expect.join(' | ')}, got ${m.results.slice(0, 3).join(', ') || 'nothing'}`)
  }
} finally {
  await browser.close()
  await server.close()
}
fs.mkdirSync(path.dirname(values.json), { recursive: true })
fs.writeFileSync(values.json, JSON.stringify(out, null, 2))
