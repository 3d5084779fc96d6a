/**
 * `npm run profile:load`: main-thread work while a page loads, ours against the stock VitePress
 * baseline (issue #14: our Total Blocking Time is higher than stock's though our JS is only ~10 %
 * larger). Deterministic counts from a performance trace instead of Lighthouse scores, which swing
 * on a busy machine. Prints numbers, asserts nothing.
 *
 *   npm run profile:load                                  # text page and home, 5 loads each side
 *   npm run profile:load -- --pages /,/glossary/ --runs 3 --ours /tmp/x-dist [--stock DIR] [--top 8]
 *   npm run profile:load -- --trace-dir /tmp/traces   # also save each load's trace (DevTools: Performance, Load profile)
 *   npm run profile:load -- --tasks                   # also list every long task of each load and what ran in it
 *
 * Each load: a fresh tab in Debian's chromium (core/browser.ts), mobile viewport (412×823, as
 * Lighthouse's mobile preset), CPU slowed down 4× (`Emulation.setCPUThrottlingRate`, Lighthouse's
 * mobile CPU factor), HTTP cache off, a DevTools trace from navigation until the page has gone quiet
 * (no long task and no request for 1 s, at most 30 s; loads that did not get there are counted; a load whose navigation times out is reported and left out). Ours and stock alternate. Medians over the
 * loads of: long tasks (> 50 ms) and their time, blocking time after FCP (TBT without its TTI end),
 * main-thread time by kind (Lighthouse's groups), JavaScript self time per script, DOM elements.
 * Analysis: scripts/lib/trace-profile.ts. Builds nothing: ours is .vitepress/dist (or KB_DIST),
 * stock is .tmp/bench-stock/.vitepress/dist (scripts/lib/bench-stock.ts; `npm run bench` builds it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser } from '../core/browser'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { STOCK_DIR } from './lib/bench-stock'
import { intOption, parseCli, parseOrExit, UsageError } from './lib/cli-args'
import { analyseTrace, GROUP_NAMES, median, TRACE_CATEGORIES, type LoadProfile, type TraceEvent } from './lib/trace-profile'

const USAGE = 'npm run profile:load -- [--pages /help/troubleshooting,/] [--runs 5] [--ours DIR] [--stock DIR] [--top 8] [--trace-dir DIR] [--tasks]'
const opts = parseOrExit('profile:load', USAGE, () => {
  const { values } = parseCli(process.argv.slice(2), {
    options: {
      pages: { type: 'string', default: '/help/troubleshooting,/' },
      runs: { type: 'string', default: '5' },
      ours: { type: 'string', default: DIST_DIR },
      stock: { type: 'string', default: path.join(STOCK_DIR, '.vitepress/dist') },
      top: { type: 'string', default: '8' },
      'trace-dir': { type: 'string' },
      tasks: { type: 'boolean', default: false },
    },
  })
  const pages = values.pages.split(',').map((p) => p.trim()).filter(Boolean)
  if (!pages.length || pages.some((p) => !p.startsWith('/'))) throw new UsageError(`--pages: routes starting with "/", got "${values.pages}"`)
  for (const d of [values.ours, values.stock]) if (!fs.existsSync(path.join(d, 'index.html'))) throw new UsageError(`${d} is not a built site (no index.html)`)
  return { ...values, pages, runs: intOption('--runs', values.runs, 1, 50), top: intOption('--top', values.top, 0, 100) }
})

/** A file of the build that is not a page (no scripts): the tab opens it first, so the page loads in the site's renderer. */
function blankOf(dist: string): string {
  const css = fs.readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.css'))
  if (!css) throw new Error(`${dist}/assets has no stylesheet`)
  return `/assets/${css}`
}

/** `assets/chunks/framework.AbC123.js` → `chunks/framework.js`; the page's own chunk → `(page chunk)`. */
function scriptLabel(url: string, route: string): string {
  if (!url) return '(engine / inline)'
  let p: string
  try { p = new URL(url).pathname } catch { return url }
  if (/\.md\.[\w-]+(\.lean)?\.js$/.test(p)) return '(page chunk)'
  if (!p.startsWith('/assets/')) return p === route || p.endsWith('.html') ? '(inline in HTML)' : p
  return p.slice('/assets/'.length).replace(/\.[\w-]{8}(?=\.js$)/, '')
}

/** In the page before its scripts: remember when the last long task or request happened. */
const QUIET_PROBE = () => {
  const w = window as unknown as { __kbLast: number }
  w.__kbLast = 0
  const seen = (list: PerformanceObserverEntryList) => {
    for (const e of list.getEntries()) w.__kbLast = Math.max(w.__kbLast, e.startTime + e.duration)
  }
  new PerformanceObserver(seen).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver(seen).observe({ type: 'resource', buffered: true })
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = []
  // the protocol types events as string maps; they are trace events (TraceEvent)
  const onData = (p: { value: object[] }) => { events.push(...(p.value as TraceEvent[])) }
  cdp.on('Tracing.dataCollected', onData)
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' } })
  try {
    await run()
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
    await cdp.send('Tracing.end')
    await done
    cdp.off('Tracing.dataCollected', onData)
  }
  return events
}

interface Sample { profile: LoadProfile; domElements: number; cssRules: number; quiet: boolean }

let saved = 0
async function loadOnce(page: Page, origin: string, blank: string, route: string, which: string): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page)
  await page.goto(origin + blank) // same site: the page keeps this renderer, whose main thread the trace follows
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const url = origin + route
  let quiet = false
  const events = await trace(cdp, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 }) // minutes under load (2 cores shared); a timeout is counted, not fatal
    // not quiet within the bound (a very busy machine): the trace up to here still counts, and is reported
    quiet = await page.waitForFunction(() => performance.now() - (window as unknown as { __kbLast: number }).__kbLast > 1000, undefined, { polling: 100, timeout: 30_000 })
      .then(() => true, (e: Error) => { if (e.name !== 'TimeoutError') throw e; return false })
  })
  const counts = await page.evaluate(() => ({
    domElements: document.getElementsByTagName('*').length,
    cssRules: [...document.styleSheets].reduce((n, s) => { try { return n + s.cssRules.length } catch { return n } }, 0),
  }))
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await cdp.detach()
  if (opts['trace-dir']) {
    // the raw trace, for the DevTools Performance panel (Load profile…)
    fs.mkdirSync(opts['trace-dir'], { recursive: true })
    const file = path.join(opts['trace-dir'], `${which}${route.replace(/\W+/g, '_')}${++saved}.json`)
    fs.writeFileSync(file, JSON.stringify({ traceEvents: events }))
  }
  return { profile: analyseTrace(events, url), ...counts, quiet }
}

const sites = { ours: opts.ours, stock: opts.stock } as const
/** The machine's 1-minute load average: printed with the numbers, which stretch with it (2 cores shared). */
const loadAvg = () => os.loadavg()[0].toFixed(1)
const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toString())
const servers = { ours: await serveStatic(sites.ours), stock: await serveStatic(sites.stock) }
const browser = await launchBrowser({ viewport: { width: 412, height: 823 } })
await browser.context.addInitScript(QUIET_PROBE)
const samples: Record<string, Record<'ours' | 'stock', Sample[]>> = {}
/** Loads that failed (the navigation timed out on a very busy machine): counted and reported, not fatal. */
const failed: Record<string, Record<'ours' | 'stock', string[]>> = {}
const loads: Record<string, string[]> = {}
console.log(`main-thread work during load, CPU 4× slower, mobile viewport, median of ${opts.runs} loads (ms unless noted)`)
console.log(`ours ${sites.ours} / stock ${sites.stock}`)
try {
  for (const route of opts.pages) {
    samples[route] = { ours: [], stock: [] }
    failed[route] = { ours: [], stock: [] }
    loads[route] = [loadAvg()]
    for (let r = 0; r < opts.runs; r++) {
      for (const which of (r % 2 ? ['stock', 'ours'] : ['ours', 'stock']) as ('ours' | 'stock')[]) {
        const page = await browser.context.newPage()
        try {
          samples[route][which].push(await loadOnce(page, servers[which].url, blankOf(sites[which]), route, which))
        } catch (e) {
          // one slow load (a 60 s navigation timeout under load) must not throw away the others
          if ((e as Error).name !== 'TimeoutError') throw e
          failed[route][which].push((e as Error).message.split('\n')[0])
        } finally {
          await page.close()
        }
        process.stderr.write('.')
      }
    }
    loads[route].push(loadAvg())
    // each page's table as soon as it is measured: a long run that fails later still leaves these
    process.stderr.write('\n')
    report(route)
  }
} finally {
  await browser.close()
  await servers.ours.close()
  await servers.stock.close()
}

/** Prints one page's table (and with --tasks its long tasks) from the loads measured so far. */
function report(route: string): void {
  const s = samples[route]
  const m = (which: 'ours' | 'stock', get: (x: Sample) => number | undefined) => median(s[which].map(get).filter((x): x is number => x !== undefined))
  const row = (label: string, get: (x: Sample) => number | undefined) => `| ${label} | ${f0(m('ours', get))} | ${f0(m('stock', get))} |`
  const lines = [
    `\n${route}`,
    '| measure | ours | stock |',
    '|---|---:|---:|',
    row('FCP', (x) => x.profile.fcpMs),
    row('long tasks (> 50 ms), count', (x) => x.profile.longTasks),
    row('long tasks, total', (x) => x.profile.longTaskMs),
    row('blocking time after FCP (TBT-like)', (x) => x.profile.blockingMs),
    row('longest task', (x) => x.profile.maxTaskMs),
    row('main thread, all tasks', (x) => x.profile.mainThreadMs),
    row('main thread CPU time, all tasks', (x) => x.profile.mainThreadCpuMs),
    ...GROUP_NAMES.map((g) => row(`  CPU: ${g}`, (x) => x.profile.groups[g])),
    row('DOM elements (count)', (x) => x.domElements),
    row('CSS rules (count)', (x) => x.cssRules),
    `| loads not quiet within 30 s | ${s.ours.filter((x) => !x.quiet).length} | ${s.stock.filter((x) => !x.quiet).length} |`,
    `| loads failed (not counted) | ${failed[route].ours.length} | ${failed[route].stock.length} |`,
    `| loads measured | ${s.ours.length} | ${s.stock.length} |`,
    `(1-minute load average ${loads[route].join(' → ')} while this page was measured)`,
  ]
  // JavaScript self time by script, largest first (labels without content hashes, so both sites line up)
  const byLabel = (which: 'ours' | 'stock') => s[which].map((x) => {
    const o: Record<string, number> = {}
    for (const [u, v] of Object.entries(x.profile.jsByUrl)) { const l = scriptLabel(u, route); o[l] = (o[l] ?? 0) + v }
    return o
  })
  const ours = byLabel('ours')
  const stock = byLabel('stock')
  const labels = [...new Set([...ours, ...stock].flatMap((o) => Object.keys(o)))]
  const med = (list: Record<string, number>[], l: string) => median(list.map((o) => o[l] ?? 0))
  labels.sort((a, b) => med(ours, b) + med(stock, b) - med(ours, a) - med(stock, a))
  if (opts.top) lines.push('| JS self time by script (sampled): | | |', ...labels.slice(0, opts.top).map((l) => `|   ${l} | ${f0(med(ours, l))} | ${f0(med(stock, l))} |`))
  console.log(lines.join('\n'))
  if (opts.tasks) {
    // every long task of every load: start and length (ms), its largest parts, its busiest functions (sampled self time)
    for (const which of ['ours', 'stock'] as const) {
      s[which].forEach((x, i) => {
        console.log(`  ${which} load ${i + 1}: ${x.profile.longTaskList.length ? '' : 'no long task'}`)
        for (const t of x.profile.longTaskList) {
          const list = (l: { what: string; ms: number }[]) => l.map((p) => `${p.what} ${f0(p.ms)}`).join(', ')
          console.log(`    @${f0(t.startMs)} ${f0(t.durMs)} ms (CPU ${f0(t.cpuMs)}): ${list(t.parts)}\n      JS: ${list(t.functions)}`)
        }
      })
    }
  }
}
