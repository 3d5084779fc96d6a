/**
 * `npm run bench`: numbers, not asserts. Prints build times (cold and warm), output size, JS a
 * reader downloads on a page without diagrams vs with one, search index size, Lighthouse scores
 * (mobile) for three page types, the search hit rate and finder speed, and the snippet suite's
 * cold/warm wall time with its own overhead. Results also go to reports/bench.json.
 *
 *   npm run bench                    # everything (the cold snippet run rebuilds stand-ins: minutes)
 *   npm run bench -- --skip-snippets # site numbers only
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { launchBrowser, CHROMIUM, CHROMIUM_ARGS } from './lib/browser'
import { loadQuerySet, runSearchQueries } from './lib/search-quality'

const DIST = DIST_DIR
const out: Record<string, unknown> = {}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = Date.now()
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`)
  return Date.now() - t
}

function dirSize(dir: string, filter: (f: string) => boolean = () => true): number {
  let total = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath ?? (e as any).path, e.name)
    if (e.isFile() && filter(p)) total += fs.statSync(p).size
  }
  return total
}

function firstRoute(test: (html: string) => boolean, exclude = /^$/): string {
  for (const e of fs.readdirSync(DIST, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath ?? (e as any).path, e.name)
    const route = '/' + path.relative(DIST, p).replace(/index\.html$/, '').replace(/\.html$/, '')
    if (e.isFile() && p.endsWith('.html') && !p.includes('/v/') && !exclude.test(route) && test(fs.readFileSync(p, 'utf8'))) return route
  }
  throw new Error('no page matches')
}

// 1. builds
fs.rmSync('.vitepress/cache', { recursive: true, force: true })
fs.rmSync(DIST, { recursive: true, force: true })
const cold = timed('npx', ['vitepress', 'build'])
const warm = timed('npx', ['vitepress', 'build'])
out.build = { coldMs: cold, warmMs: warm }
console.log(`build: cold ${secs(cold)}, warm ${secs(warm)}`)

// 2. output size
const pages = dirSize(DIST, (f) => f.endsWith('.html'))
const js = dirSize(DIST, (f) => f.endsWith('.js'))
const css = dirSize(DIST, (f) => f.endsWith('.css'))
const total = dirSize(DIST)
const htmlCount = [...fs.readdirSync(DIST, { recursive: true })].filter((f) => String(f).endsWith('.html')).length
out.output = { totalBytes: total, htmlBytes: pages, jsBytes: js, cssBytes: css, htmlFiles: htmlCount }
console.log(`output: ${kb(total)} total (${htmlCount} HTML files ${kb(pages)}, JS ${kb(js)}, CSS ${kb(css)})`)

// 3. search index
const indexFiles = fs.readdirSync(path.join(DIST, 'assets/chunks')).filter((f) => f.startsWith('@localSearchIndex'))
for (const f of indexFiles) {
  const buf = fs.readFileSync(path.join(DIST, 'assets/chunks', f))
  console.log(`search index ${f}: ${kb(buf.length)} (${kb(zlib.gzipSync(buf).length)} gzip)`)
}
out.searchIndex = indexFiles.map((f) => ({ file: f, bytes: fs.statSync(path.join(DIST, 'assets/chunks', f)).size }))

// 4. JS per page type, measured in the browser (everything fetched after scrolling to the end)
const server = await serveStatic(DIST)
const textPage = firstRoute((h) => !h.includes('mermaid-diagram') && h.includes('snippet--run'))
const diagramPage = firstRoute((h) => h.includes('mermaid-diagram'))
const browser = await launchBrowser()
const jsPerPage: Record<string, { bytes: number; mermaid: boolean }> = {}
for (const route of ['/', textPage, diagramPage]) {
  const page = await browser.context.newPage()
  let bytes = 0
  let mermaid = false
  page.on('response', async (r) => {
    if (!r.url().endsWith('.js')) return
    if (/mermaid\.core|Diagram-/.test(r.url())) mermaid = true
    bytes += (await r.body().catch(() => Buffer.alloc(0))).length
  })
  await page.goto(server.url + route, { waitUntil: 'networkidle' })
  await page.mouse.wheel(0, 50_000)
  await page.waitForTimeout(1500)
  await page.close()
  jsPerPage[route] = { bytes, mermaid }
  console.log(`JS downloaded on ${route}: ${kb(bytes)} (mermaid loaded: ${mermaid ? 'yes' : 'no'})`)
}
out.jsPerPage = jsPerPage

// 5. search quality and finder speed
const sq = await runSearchQueries(browser.context, server.url, loadQuerySet('tests/search/queries.yaml'))
out.search = sq
console.log(`search quality: ${sq.hits}/${sq.total} queries hit in the top 3 (${(100 * sq.hits / sq.total).toFixed(1)} %)`)
await browser.close()
// 6. Lighthouse, mobile
const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lh-')) })
const lh: Record<string, Record<string, number>> = {}
try {
  for (const route of ['/', textPage, diagramPage]) {
    const r = await lighthouse(server.url + route, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] })
    const c = r!.lhr.categories
    const a = r!.lhr.audits
    lh[route] = {
      performance: Math.round(100 * (c.performance.score ?? 0)),
      accessibility: Math.round(100 * (c.accessibility.score ?? 0)),
      bestPractices: Math.round(100 * (c['best-practices'].score ?? 0)),
      seo: Math.round(100 * (c.seo.score ?? 0)),
      cls: Number(a['cumulative-layout-shift'].numericValue?.toFixed(3)),
      lcpMs: Math.round(a['largest-contentful-paint'].numericValue ?? 0),
    }
    const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary').map((x) => x.id)
    console.log(`lighthouse ${route}: perf ${lh[route].performance}, a11y ${lh[route].accessibility}, best ${lh[route].bestPractices}, seo ${lh[route].seo}, CLS ${lh[route].cls}, LCP ${lh[route].lcpMs} ms${failing.length ? ` (failing: ${failing.join(', ')})` : ''}`)
  }
} finally {
  chrome.kill()
}
out.lighthouse = lh
await server.close()

// 7. snippet suite: cold (empty stand-in cache) and warm
if (!process.argv.includes('--skip-snippets')) {
  const coldCache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-cache-'))
  const report = (name: string) => JSON.parse(fs.readFileSync(name, 'utf8'))
  try {
    // cold: empty cache, so the engine .debs are downloaded and unpacked (<cache>/../engine) and
    // every stand-in is built; warm: the normal cache
    const coldMs = timed('npx', ['tsx', 'scripts/snippets/cli.ts', '--json', 'reports/bench-snippets-cold.json'], { ...process.env, SNIPPETS_CACHE_DIR: path.join(coldCache, 'standins') })
    const warmMs = timed('npx', ['tsx', 'scripts/snippets/cli.ts', '--json', 'reports/bench-snippets-warm.json'])
    const c = report('reports/bench-snippets-cold.json')
    const w = report('reports/bench-snippets-warm.json')
    out.snippets = { coldMs, warmMs, totals: w.totals ?? null, lanes: w.timing?.lanes ?? null, machine: w.machine ?? null, cold: c.timing ?? null, warm: w.timing ?? null }
    const s = (ms: number | undefined) => (ms === undefined ? '?' : secs(ms))
    console.log(`snippets: cold ${secs(coldMs)} (engine download/unpack ${s(c.timing?.engineMs)}, stand-ins ${s(c.timing?.standinsMs)}), warm ${secs(warmMs)}; load average ${w.machine?.loadStart} -> ${w.machine?.loadEnd} on ${w.machine?.cpus} CPUs`)
    for (const [lane, t] of Object.entries<any>(w.timing?.lanes ?? {})) {
      console.log(`snippets: lane ${lane}: wall ${s(t.wallMs)}, snippets ${s(t.snippetMs)}, engine start/stop ${s(t.sandboxMs)}, resets ${s(t.cleanupMs)} (${t.pages} pages)`)
    }
    if (w.timing) console.log(`snippets: harness overhead ${s(w.timing.overheadMs)}`)
  } finally {
    fs.rmSync(coldCache, { recursive: true, force: true })
  }
}

fs.mkdirSync('reports', { recursive: true })
fs.writeFileSync('reports/bench.json', JSON.stringify(out, null, 2))
console.log('bench: wrote reports/bench.json')
