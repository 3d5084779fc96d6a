/**
 * `npm run bench`: numbers, not asserts (issue #14's performance budget).
 *
 * In ONE run it builds our site and a stock VitePress baseline from the same Markdown
 * (scripts/lib/bench-stock.ts), cold and warm, interleaved; then runs Lighthouse (mobile) on five
 * page types of both sites, interleaved round by round, and prints medians: scores, the ratio of
 * performance, JS and total bytes, FCP, LCP, TBT, CLS — with the machine's load (`uptime`) at each
 * measurement, because the machine is shared and Lighthouse numbers move with the load. It also
 * checks that no Mermaid JavaScript is shipped, prints each page type's raw JS/HTML/CSS bytes against stock
 * (scripts/lib/page-weight.ts, also `npm run weight`), and keeps the search-quality and snippet-suite
 * numbers. Everything goes to reports/bench.json.
 * Both sites are served gzip-compressed for Lighthouse, as the site's own nginx (deploy/nginx.conf)
 * and GitHub Pages serve them (until session 9 they were served uncompressed: Lighthouse's simulated
 * 1.6 Mbit/s link then carried every byte of HTML, CSS and JS raw; Lighthouse's byte columns below are
 * transfer sizes, so they are compressed sizes since then).
 *
 *   npm run bench                                  # everything (snippet run: minutes)
 *   npm run bench -- --skip-snippets               # site numbers only
 *   npm run bench -- --rounds 3 --skip-builds      # Lighthouse only, on the existing builds
 *   npm run bench -- --build-rounds 2              # cold/warm build pairs (default 1, at most 3)
 *   npm run bench -- --builds-only --build-rounds 2  # build times only (no Lighthouse, search, snippets)
 *
 * The size of the site's Docker image comes from the snippet run that built it
 * (docs/about/offline-image.md; scripts/lib/site-image.ts): this run's warm suite, or with
 * --skip-snippets the last reports/snippets.json.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { launchBrowser, CHROMIUM, CHROMIUM_ARGS } from '../core/browser'
import { loadQuerySet, runSearchQueries } from './lib/search-quality'
import { STOCK_DIR, prepareStockSite } from './lib/bench-stock'
import { isMermaidLibraryFile } from '../core/diagrams/source'
import { runBuildBench, timedCpu, type BuildTimes, type Site } from './lib/bench-builds'
import { measureSiteImage } from './lib/site-image'
import { UsageError, intOption, parseCli, parseOrExit } from './lib/cli-args'
import { BENCH_PAGES, weightRows, weightTable } from './lib/page-weight'

/** A round count: a whole number, brought into min..max as it always was (`--rounds 20` runs 9). */
const rounds = (name: string, raw: string, min: number, max: number) => Math.max(min, Math.min(max, intOption(name, raw)))
const { skipBuilds, buildsOnly, skipSnippets, ROUNDS, buildRounds } = parseOrExit(
  'bench',
  'npm run bench -- [--skip-builds | --builds-only] [--skip-snippets] [--rounds N (1..9, default 3)] [--build-rounds N (1..3, default 1)]',
  () => {
    const { values } = parseCli(process.argv.slice(2), {
      options: {
        'skip-builds': { type: 'boolean', default: false },
        'skip-snippets': { type: 'boolean', default: false },
        'builds-only': { type: 'boolean', default: false },
        rounds: { type: 'string', default: '3' },
        'build-rounds': { type: 'string', default: '1' },
      },
    })
    if (values['skip-builds'] && values['builds-only']) throw new UsageError('--skip-builds and --builds-only exclude each other')
    return {
      skipBuilds: values['skip-builds'],
      buildsOnly: values['builds-only'],
      skipSnippets: values['skip-snippets'],
      ROUNDS: rounds('--rounds', values.rounds, 1, 9),
      buildRounds: rounds('--build-rounds', values['build-rounds'], 1, 3),
    }
  },
)
const STOCK_DIST = path.join(STOCK_DIR, '.vitepress/dist')
const out: Record<string, unknown> = {}
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const load = () => os.loadavg()[0].toFixed(2)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Run a command; returns wall time in ms. Throws (with its stderr shown) if it fails. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return timedCpu(cmd, args, env).wallMs
}

// ---------------------------------------------------------------- 1. builds, cold and warm
const vitepress = path.resolve('node_modules/.bin/vitepress')
// ours exactly as a developer builds it (`npm run build`: package.json's node flags included; npm's
// own CPU time counts against ours); stock as a stock site builds, plain `vitepress build`
let builds: Record<Site, BuildTimes> | undefined
if (!skipBuilds) {
  console.log(`stock baseline: ${prepareStockSite()} pages → ${path.relative(process.cwd(), STOCK_DIR)}`)
  let partialCpu = false
  builds = runBuildBench({
    rounds: buildRounds,
    build: (which, env) => {
      const t = which === 'ours' ? timedCpu('npm', ['run', '--silent', 'build'], env) : timedCpu(vitepress, ['build', STOCK_DIR], env)
      // without a PID namespace, chromium's orphaned renderers (the diagrams) are missing from ours
      if (!t.treeCounted && !partialCpu) console.log('build CPU: NOT the whole process tree (unshare --pid is not allowed here): chromium renderers are missing from ours')
      partialCpu ||= !t.treeCounted
      return t
    },
    distDir: DIST_DIR,
    cacheDir: '.vitepress/cache',
    stockDir: STOCK_DIR,
    load,
    log: (line) => console.log(line),
  })
  const o = builds.ours
  const s = builds.stock
  const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2)
  console.log(
    `builds (median): ours cold ${secs(median(o.coldMs))} (CPU ${secs(median(o.coldCpuMs))}) / warm ${secs(median(o.warmMs))} (CPU ${secs(median(o.warmCpuMs))}); ` +
      `stock cold ${secs(median(s.coldMs))} (CPU ${secs(median(s.coldCpuMs))}) / warm ${secs(median(s.warmMs))} (CPU ${secs(median(s.warmCpuMs))})\n` +
      `  cold ours/stock ${ratio(o.coldMs, s.coldMs)}× wall, ${ratio(o.coldCpuMs, s.coldCpuMs)}× CPU; warm ours / stock ${ratio(o.warmMs, s.warmMs)}× wall, ${ratio(o.warmCpuMs, s.warmCpuMs)}× CPU`,
  )
  out.build = builds
}
if (buildsOnly) {
  // the build numbers alone (issue #14's build-time target): no Lighthouse, search or snippet run;
  // a separate file, so the full report in reports/bench.json is not replaced by a partial one
  fs.mkdirSync('reports', { recursive: true })
  fs.writeFileSync('reports/bench-builds.json', JSON.stringify(out, null, 2))
  console.log('bench: wrote reports/bench-builds.json')
  process.exit(0)
}
for (const d of [DIST_DIR, STOCK_DIST]) if (!fs.existsSync(path.join(d, 'index.html'))) throw new Error(`${d} is not built (run without --skip-builds)`)

// ---------------------------------------------------------------- 2. no Mermaid JS shipped
// by file name (Mermaid's own chunk names) and by content (the library's entry), core/diagrams/source.ts
const mermaidJs = fs.readdirSync(path.join(DIST_DIR, 'assets'), { recursive: true }).map(String).filter((f) => f.endsWith('.js'))
  .filter((f) => isMermaidLibraryFile(f, fs.readFileSync(path.join(DIST_DIR, 'assets', f), 'utf8')))
console.log(`mermaid JS in the production build: ${mermaidJs.length ? `YES (${mermaidJs.join(', ')})` : 'none'}`)
out.mermaidJs = mermaidJs

// ---------------------------------------------------------------- 3. page weight (raw bytes, from the files)
{
  const rows = weightRows(DIST_DIR, STOCK_DIST)
  console.log(`page weight (raw bytes the page loads; npm run weight), ours / stock:\n${weightTable(rows)}`)
  out.pageWeight = rows
}

// ---------------------------------------------------------------- 4. Lighthouse, mobile, interleaved
const PAGE_TYPES = BENCH_PAGES
for (const [, route] of PAGE_TYPES) {
  for (const d of [DIST_DIR, STOCK_DIST]) {
    const file = route.endsWith('/') ? path.join(d, route, 'index.html') : path.join(d, `${route}.html`)
    if (!fs.existsSync(file)) throw new Error(`bench page ${route} missing in ${d}`)
  }
}
interface Sample { performance: number; accessibility: number; bestPractices: number; seo: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; jsBytes: number; totalBytes: number; load: string; failing: string[] }
const samples: Record<string, Record<'ours' | 'stock', Sample[]>> = {}
const servers = { ours: await serveStatic(DIST_DIR, 0, '127.0.0.1', { gzip: true }), stock: await serveStatic(STOCK_DIST, 0, '127.0.0.1', { gzip: true }) }
const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lh-')) })
try {
  for (let r = 0; r < ROUNDS; r++) {
    for (const [type, route] of PAGE_TYPES) {
      const order: ('ours' | 'stock')[] = r % 2 ? ['stock', 'ours'] : ['ours', 'stock']
      for (const which of order) {
        const l = load()
        const res = await lighthouse(servers[which].url + route, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          formFactor: 'mobile',
        })
        const c = res!.lhr.categories
        const a = res!.lhr.audits
        const items = ((a['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] })?.items ?? [])
        const size = (t: string) => items.find((i) => i.resourceType === t)?.transferSize ?? 0
        const s: Sample = {
          performance: Math.round(100 * (c.performance.score ?? 0)),
          accessibility: Math.round(100 * (c.accessibility.score ?? 0)),
          bestPractices: Math.round(100 * (c['best-practices'].score ?? 0)),
          seo: Math.round(100 * (c.seo.score ?? 0)),
          fcpMs: Math.round(a['first-contentful-paint'].numericValue ?? 0),
          lcpMs: Math.round(a['largest-contentful-paint'].numericValue ?? 0),
          tbtMs: Math.round(a['total-blocking-time'].numericValue ?? 0),
          cls: Number((a['cumulative-layout-shift'].numericValue ?? 0).toFixed(3)),
          jsBytes: size('script'),
          totalBytes: size('total'),
          load: l,
          failing: Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary').map((x) => x.id),
        }
        ;((samples[type] ??= { ours: [], stock: [] })[which]).push(s)
        console.log(`  round ${r + 1} ${type} ${which}: perf ${s.performance}, a11y ${s.accessibility}, FCP ${s.fcpMs} LCP ${s.lcpMs} TBT ${s.tbtMs} CLS ${s.cls}, JS ${kb(s.jsBytes)}, total ${kb(s.totalBytes)} (load ${l})`)
      }
    }
  }
} finally {
  chrome.kill()
}

const rows: string[] = []
const summary: Record<string, unknown> = {}
rows.push('| page | perf ours / stock (Δ) | a11y | best pr. | SEO | JS ours / stock (ratio) | total ours / stock | FCP s | LCP s | TBT ms | CLS | load (1-min avg) |')
rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const [type, route] of PAGE_TYPES) {
  const m = (which: 'ours' | 'stock', k: keyof Omit<Sample, 'load' | 'failing'>) => median(samples[type][which].map((s) => s[k] as number))
  const both = (k: keyof Omit<Sample, 'load' | 'failing'>, f: (n: number) => string = String) => `${f(m('ours', k))} / ${f(m('stock', k))}`
  const loads = [...samples[type].ours, ...samples[type].stock].map((s) => s.load)
  const failing = [...new Set(samples[type].ours.flatMap((s) => s.failing))]
  rows.push(
    `| ${type} \`${route}\` | ${both('performance')} (${m('ours', 'performance') - m('stock', 'performance') >= 0 ? '+' : ''}${m('ours', 'performance') - m('stock', 'performance')}) | ${both('accessibility')} | ${both('bestPractices')} | ${both('seo')} | ` +
      `${both('jsBytes', kb)} (${(m('ours', 'jsBytes') / Math.max(1, m('stock', 'jsBytes'))).toFixed(2)}) | ${both('totalBytes', kb)} | ${both('fcpMs', (n) => (n / 1000).toFixed(1))} | ` +
      `${both('lcpMs', (n) => (n / 1000).toFixed(1))} | ${both('tbtMs')} | ${both('cls')} | ${Math.min(...loads.map(Number)).toFixed(1)}–${Math.max(...loads.map(Number)).toFixed(1)} |`,
  )
  if (failing.length) rows.push(`|   ↳ ours failing audits: ${failing.join(', ')} |||||||||||`)
  summary[type] = { route, ours: samples[type].ours, stock: samples[type].stock }
}
console.log(`\nLighthouse mobile, median of ${ROUNDS} interleaved round(s), ours / stock:\n${rows.join('\n')}`)
out.lighthouse = summary

// ---------------------------------------------------------------- 5. search quality (our site)
const browser = await launchBrowser()
try {
  const sq = await runSearchQueries(browser.context, servers.ours.url, loadQuerySet('tests/search/queries.yaml'))
  out.search = sq
  console.log(`search quality: ${sq.hits}/${sq.total} queries hit in the top 3 (${(100 * sq.hits / sq.total).toFixed(1)} %)`)
} finally {
  await browser.close()
  await servers.ours.close()
  await servers.stock.close()
}

// ---------------------------------------------------------------- 6. snippet suite: cold and warm
if (!skipSnippets) {
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
    // CPU, not wall time, is what a loaded 2-core machine runs out of (scripts/snippets/cpu.ts)
    const cpu = Object.entries<number>(w.timing?.cpuMs ?? {}).sort((a, b) => b[1] - a[1])
    const cpuSum = cpu.reduce((a, [, v]) => a + v, 0)
    if (cpuSum) console.log(`snippets: CPU ${s(cpuSum)}: ${cpu.map(([k, v]) => `${k} ${s(v)} (${Math.round((100 * v) / cpuSum)} %)`).join(', ')}`)
  } finally {
    fs.rmSync(coldCache, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- 7. the site's Docker image
{
  const { text, ...m } = measureSiteImage(skipSnippets ? 'reports/snippets.json' : 'reports/bench-snippets-warm.json')
  out.siteImage = m
  console.log(text)
}

fs.mkdirSync('reports', { recursive: true })
fs.writeFileSync('reports/bench.json', JSON.stringify(out, null, 2))
console.log('bench: wrote reports/bench.json')
