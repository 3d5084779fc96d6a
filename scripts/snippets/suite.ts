/**
 * The whole run: sweep what killed runs left, parse pages, make sure stand-ins exist, start
 * sandbox engines (one per job), run pages on them, reset engines between pages, stop and
 * sweep at the end — also after failures, timeouts and SIGINT/SIGTERM.
 */
import { listLatestPages } from '../../core/pages'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SnippetSyntaxError } from '../../core/snippet-syntax'
import { resetEngine, isEmpty } from './cleanup'
import { addCpu, type CpuMs } from './cpu'
import { CACHE_DIR, LANES, REAL_IMAGES, type Lane } from './config'
import { engineVersions, ensureEngine } from './engine'
import { extractFences, type Fence } from './extract'
import { runPage, type PageResult, type SnippetResult } from './page-runner'
import { preflight } from './preflight'
import { summaryLine, totals, writeJson, recordStatus, type LaneTiming, type Report, type SyntaxErrorEntry } from './report'
import { coveredResults, planPairs, translationLanes } from './pairs'
import { sourceOfTranslation } from '../../core/translation'
import { writeExamples } from './fill'
import { Sandbox } from './sandbox'
import { startHostRegistry, type HostRegistry } from './mirror'
import { ensureStandins } from './standins/build'
import { RunState, sweepStale } from './state'
import { idleTailMs, orderTasks, previousDurations, type Task } from './schedule'

export interface SuiteOptions {
  /** pages to run (repo-relative); empty = every page under docs/ */
  pages: string[]
  jobs: number
  shard?: { k: number; n: number }
  json: string
  /** compact status files to write (shape in report.ts), e.g. reports/snippet-status.json and, with
   * --update-site, docs/.snippet-status.json; empty = none */
  statusFiles?: string[]
  /** image stores to run every page on (default: both) */
  lanes?: Lane[]
  cwd: string
  log: (m: string) => void
  /** write the example values of in-line wildcards into the pages that passed (fill.ts) */
  fillExamples?: boolean
}

/** Pages the suite runs: the latest docs; frozen releases (docs/v/) were verified when cut. */
export const findPages = listLatestPages

const fmtMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`)

function progressLine(s: SnippetResult): string {
  const mark = s.status === 'passed' ? '✓' : s.status === 'failed' ? '✗' : s.status === 'skipped' ? '-' : '·'
  const what = s.kind === 'file' ? `file` : s.lang
  const where = s.source ? `${s.source.file}:${s.source.line} (${s.page}:${s.line})` : `${s.page}:${s.line}`
  let line = `  ${mark} ${s.lane ? `[${s.lane}] ` : ''}${where} ${what}`
  if (s.status === 'skipped' || s.status === 'written') line += ` (${s.reason})`
  else line += ` ${fmtMs(s.ms)}`
  if (s.standins.length) line += ` [${s.standins.join(', ')}]`
  if (s.status === 'failed' && s.detail) line += '\n' + s.detail.split('\n').map((l) => '      ' + l).join('\n')
  if (s.status === 'failed' && s.output && s.kind === 'run') {
    line += '\n      output:\n' + s.output.trimEnd().split('\n').slice(-25).map((l) => '      | ' + l).join('\n')
  }
  return line
}

export async function runSuite(opts: SuiteOptions): Promise<{ report: Report; exitCode: number }> {
  const t0 = Date.now()
  const log = opts.log
  const lanes: Lane[] = opts.lanes?.length ? [...opts.lanes] : [...LANES]
  // timings mean little without the machine's load (other jobs compete for the CPUs)
  const loadStart = os.loadavg()[0]
  await preflight()
  // the pinned engine (never a host Docker); a first run downloads and unpacks it
  const te = Date.now()
  const eng = await ensureEngine(log)
  const engineMs = Date.now() - te
  const stale = await sweepStale(log)
  if (stale.runs.length) {
    const r = stale.result
    log(`swept ${stale.runs.length} stale run(s): ${r.killed} processes, ${r.unmounted} mounts, ${r.netns} netns, ${r.cgroups} cgroups, ${r.dirs} dirs`)
  }

  // pages and their fences
  let pages = opts.pages.length ? opts.pages.map((p) => path.relative(opts.cwd, path.resolve(opts.cwd, p))) : findPages(path.join(opts.cwd, 'docs')).map((p) => path.relative(opts.cwd, p))
  // a translation's results may come from its source's run (pairs.ts): run the source too
  for (const p of opts.pages.length ? [...pages] : []) {
    const src = sourceOfTranslation(p)
    if (src && !pages.includes(src) && fs.existsSync(path.join(opts.cwd, src))) {
      pages.push(src)
      log(`${p}: adding its source ${src} (a translation with the same snippets borrows its results)`)
    }
  }
  pages = [...new Set(pages)].sort()
  if (opts.shard) {
    // shard by source page, so a translation lands in its source's shard
    const groups = [...new Set(pages.map((p) => sourceOfTranslation(p) ?? p))].sort()
    const mine = new Set(groups.filter((_, i) => i % opts.shard!.n === opts.shard!.k - 1))
    pages = pages.filter((p) => mine.has(sourceOfTranslation(p) ?? p))
  }
  const syntaxErrors: SyntaxErrorEntry[] = []
  const parsed: { page: string; fences: Fence[] }[] = []
  for (const page of pages) {
    try {
      parsed.push({ page, fences: extractFences(path.join(opts.cwd, page), page) })
    } catch (e) {
      if (e instanceof SnippetSyntaxError) {
        syntaxErrors.push({ file: e.file, line: e.line, message: e.detail })
        log(`  ✗ ${e.message}`)
      } else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        syntaxErrors.push({ file: page, line: 0, message: 'page not found' })
        log(`  ✗ ${page}: page not found`)
      } else throw e
    }
  }
  // a translation with the same executed fences as its source is not run (pairs.ts)
  const plan = planPairs(parsed)
  const runnable = plan.run.filter((p) => p.fences.some((f) => f.meta.kind === 'run'))
  const staticPages = plan.run.filter((p) => !runnable.includes(p))
  const pageLanes = new Map(plan.translated.map((t) => [t.page, translationLanes(t.fences, lanes)]))
  const nSnippets = parsed.reduce((n, p) => n + p.fences.filter((f) => f.meta.kind === 'run' || f.meta.kind === 'norun').length, 0)
  log(`${parsed.length} pages, ${nSnippets} snippets (${runnable.length} pages need an engine), jobs ${opts.jobs}, image stores: ${lanes.join(' + ')}`)
  if (plan.covered.length || plan.translated.length) {
    log(`translations: ${plan.covered.length} covered by their source (not run), ${plan.translated.length} differ from it (run on ${[...new Set([...pageLanes.values()].flat())].join(' + ') || 'no store'} only)`)
  }

  const state = RunState.create()
  const results: PageResult[] = []
  const timing = { standinsMs: 0, sandboxMs: 0, snippetMs: 0, cleanupMs: 0, idleTailMs: 0 }
  const laneTiming: Partial<Record<Lane, LaneTiming & { first: number; last: number }>> = {}
  for (const l of lanes) laneTiming[l] = { wallMs: 0, sandboxMs: 0, snippetMs: 0, cleanupMs: 0, pages: 0, first: 0, last: 0 }
  const report: Report = {
    version: 2,
    date: new Date().toISOString(),
    mode: REAL_IMAGES ? 'real-images' : 'standins',
    engine: '',
    cli: '',
    compose: '',
    buildx: '',
    containerd: '',
    enginePackages: { suite: eng.suite, packages: eng.packages, substituted: eng.substituted },
    lanes,
    args: { pages: opts.pages, jobs: opts.jobs, shard: opts.shard ? `${opts.shard.k}/${opts.shard.n}` : undefined, lanes },
    totals: { passed: 0, failed: 0, skipped: 0, pages: 0, syntaxErrors: 0 },
    pairs: {
      pagesRun: 0,
      pagesCovered: 0,
      covered: plan.covered.map((c) => ({ page: c.page, source: c.source })),
      translated: plan.translated.map((t) => ({ page: t.page, source: t.source, lanes: pageLanes.get(t.page) ?? [] })),
    },
    laneTotals: {},
    timing: { wallMs: 0, overheadMs: 0, engineMs, engineFetched: eng.fetched, lanes: {}, cpuMs: {}, ...timing },
    standins: { hash: '', built: [], loaded: [] },
    machine: { cpus: os.cpus().length, loadStart: 0, loadEnd: 0 },
    syntaxErrors,
    pages: results,
  }
  const sandboxes = new Set<Sandbox>()
  let hostRegistry: HostRegistry | undefined
  /** snippets of pages still running, so an interrupted run still reports what it did */
  const inProgress = new Map<string, SnippetResult[]>()
  let aborted: string | undefined
  const onSignal = (sig: NodeJS.Signals) => {
    if (aborted) return
    aborted = sig
    log(`\n${sig}: stopping; cleaning up sandbox engines`)
    void finish(130).then(({ exitCode }) => process.exit(sig === 'SIGTERM' ? 143 : exitCode))
  }
  let finished: Promise<{ report: Report; exitCode: number }> | undefined
  const finish = (forced?: number) => {
    finished ??= (async () => {
      if (aborted) {
        // kill everything of this run right away (sessions, engines, registries)
        await state.sweep(log)
      } else {
        // covered translations: their source's results, re-addressed (an aborted run records none)
        for (const c of plan.covered) {
          const src = results.filter((r) => r.page === c.source && !r.coveredBy)
          try {
            results.push(...coveredResults(c, src))
          } catch (e) {
            results.push({ page: c.page, status: 'failed', ms: 0, snippetMs: 0, snippets: [{ id: `${c.page}#runner`, page: c.page, line: 0, lang: '', kind: 'run', status: 'failed', ms: 0, standins: [], detail: `runner error: ${(e as Error).message}` }] })
          }
        }
        await Promise.all([...sandboxes].map((sb) => sb.stop().catch((e) => log(`stopping ${sb.name}: ${(e as Error).message}`))))
        await hostRegistry?.stop()
        const r = await state.sweep(log)
        if (r.killed || r.unmounted || r.netns || r.cgroups) log(`final sweep: ${JSON.stringify(r)}`)
      }
      report.totals = totals(results, syntaxErrors)
      for (const l of lanes) report.laneTotals[l] = totals(results.filter((p) => p.lane === l), [])
      report.pairs.pagesRun = new Set(results.filter((r) => !r.coveredBy).map((r) => r.page)).size
      report.pairs.pagesCovered = new Set(results.filter((r) => r.coveredBy).map((r) => r.page)).size
      report.timing.wallMs = Date.now() - t0
      report.machine = { cpus: os.cpus().length, loadStart: Math.round(loadStart * 100) / 100, loadEnd: Math.round(os.loadavg()[0] * 100) / 100 }
      Object.assign(report.timing, timing)
      report.timing.cpuMs = results.filter((r) => !r.coveredBy && r.cpu).reduce((a, r) => addCpu(a, r.cpu!), {} as CpuMs)
      for (const l of lanes) {
        const { first, last, ...lt } = laneTiming[l]!
        report.timing.lanes[l] = { ...lt, wallMs: first ? last - first : 0 }
      }
      report.timing.overheadMs = Math.max(0, Math.round(report.timing.wallMs - engineMs - timing.standinsMs - (timing.sandboxMs + timing.snippetMs + timing.cleanupMs) / Math.max(1, opts.jobs)))
      if (aborted) {
        report.aborted = aborted
        for (const [key, snippets] of inProgress) {
          const lane = key.slice(0, key.indexOf(':')) as Lane
          const page = key.slice(key.indexOf(':') + 1)
          snippets.push({ id: `${page}#aborted`, page, line: 0, lang: '', kind: 'run', status: 'skipped', ms: 0, standins: [], lane, reason: `run interrupted by ${aborted}` })
          results.push({ page, lane, status: 'failed', ms: 0, snippetMs: 0, snippets })
        }
        report.totals = totals(results, syntaxErrors)
        for (const l of lanes) report.laneTotals[l] = totals(results.filter((p) => p.lane === l), [])
      }
      results.sort((a, b) => a.page.localeCompare(b.page) || (a.lane ?? '').localeCompare(b.lane ?? ''))
      writeJson(opts.json, report)
      if (opts.fillExamples && !aborted && forced === undefined) {
        const f = writeExamples(results, opts.cwd, log)
        log(`examples: ${f.changes.length} line(s) written in ${new Set(f.changes.map((c) => c.file)).size} page(s), ${f.skipped.length} not written${f.stamped.length ? `, ${f.stamped.length} English page(s) re-stamped` : ''}`)
      }
      if (!aborted && forced === undefined && report.engine) for (const f of opts.statusFiles ?? []) recordStatus(f, report, !opts.pages.length && !opts.shard)
      log('')
      log(`engine: Docker Engine ${report.engine}, CLI ${report.cli}, Compose ${report.compose}, buildx ${report.buildx}, containerd ${report.containerd} (Debian ${eng.suite}: ${Object.entries(eng.packages).map(([k, v]) => `${k} ${v}`).join(', ')})`)
      for (const sub of eng.substituted) log(`!!! engine pin ${sub.pkg} ${sub.pinned} was not available; ran ${sub.used}`)
      for (const l of lanes) {
        const lt = report.timing.lanes[l]!
        log(`lane ${l}: ${summaryLine(report.laneTotals[l]!)}; ${lt.pages} pages, wall ${fmtMs(lt.wallMs)}, snippets ${fmtMs(lt.snippetMs)}, engine start/stop ${fmtMs(lt.sandboxMs)}, resets ${fmtMs(lt.cleanupMs)}`)
      }
      log(`docker time ${fmtMs(timing.snippetMs)} in snippets, ${fmtMs(timing.cleanupMs)} cleanup, ${fmtMs(timing.sandboxMs)} engine start/stop, ${fmtMs(timing.standinsMs)} stand-ins, ${fmtMs(engineMs)} engine ${eng.fetched ? 'download/unpack (first run)' : 'check'}; harness overhead ${fmtMs(report.timing.overheadMs)}; jobs idle at the end ${fmtMs(timing.idleTailMs)}; wall ${fmtMs(report.timing.wallMs)} (${report.machine.cpus} CPUs, load average ${report.machine.loadStart} at start, ${report.machine.loadEnd} at end); report ${opts.json}`)
      const flaky = results.filter((r) => r.flaky?.length)
      if (flaky.length) log(`flaky: ${flaky.length} page run(s) passed only on their retry: ${flaky.map((r) => `[${r.lane}] ${r.page} (first attempt failed at line ${r.flaky!.map((x) => x.line).join(', ')})`).join('; ')}`)
      // pages and pairs only when the run had translations (keeps the plain line of other runs)
      log(summaryLine(report.totals, report.pairs.covered.length || report.pairs.translated.length ? report.pairs : undefined))
      const exitCode = forced ?? (report.totals.failed > 0 ? 1 : 0)
      return { report, exitCode }
    })()
    return finished
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  process.on('SIGHUP', onSignal)

  try {
    const v = await engineVersions(eng)
    // upstream versions without Debian's +dfsg/-N suffixes (the exact packages are in enginePackages)
    const up = (x: string) => x.replace(/[+~-].*$/, '')
    report.cli = up(v.cli)
    report.compose = up(v.compose)
    report.buildx = up(v.buildx)
    report.containerd = up(v.containerd)
    log(`engine: Debian ${eng.suite} docker.io ${eng.packages['docker.io']}, Compose ${report.compose}, buildx ${report.buildx}, containerd ${report.containerd}`)

    for (const p of staticPages) {
      const res = await runPage(p.page, p.fences, { root: path.join(state.dir, 'static'), onSnippet: (s) => log(progressLine(s)) })
      results.push(res)
    }

    if (runnable.length && !aborted) {
      let registryRoot: string | undefined
      let registrySocket: string | undefined
      if (REAL_IMAGES) {
        // Docker Hub through a pull-through cache on the host (the sandboxes have no route out)
        hostRegistry = await startHostRegistry(state, { root: path.join(CACHE_DIR, '..', 'hub-cache'), proxy: 'https://registry-1.docker.io' })
        registrySocket = hostRegistry.sock
        log('real images: Docker Hub via a pull-through cache (SNIPPETS_REAL_IMAGES=1)')
      } else {
        const ts = Date.now()
        const st = await ensureStandins(state, log)
        timing.standinsMs = Date.now() - ts
        report.standins = { hash: st.hash, built: st.built, loaded: st.loaded }
        registryRoot = st.registryRoot
        if (st.seeded) log(`stand-ins ready in ${fmtMs(st.ms)} (built: ${st.built.join(', ') || 'none'}; loaded from cache: ${st.loaded.join(', ') || 'none'})`)
      }
      // one task per (lane, page); longest first (durations from the previous report when there
      // is one): the slowest page bounds the wall time, so it should not start last
      let prev: string | undefined
      try { prev = fs.readFileSync(opts.json, 'utf8') } catch { /* no previous report */ }
      const queue: Task[] = orderTasks(runnable.flatMap((p) => (pageLanes.get(p.page) ?? lanes).map((lane) => ({ ...p, lane }))), previousDurations(prev))
      const jobEnds: number[] = []
      let pageNo = 0
      const worker = async (k: number) => {
        // one engine per image store, started when this worker first needs it
        const sbs = new Map<Lane, Sandbox>()
        const startSb = async (lane: Lane) => {
          const ts = Date.now()
          const sb = new Sandbox(state, `${lane[0]}${k}`, { registryRoot, registrySocket, lane, log: () => {} })
          sandboxes.add(sb)
          sbs.set(lane, sb)
          await sb.start()
          const ms = Date.now() - ts
          timing.sandboxMs += ms
          laneTiming[lane]!.sandboxMs += ms
          report.engine ||= sb.engineVersion.replace(/[+~-].*$/, '')
          return sb
        }
        const stopSb = async (lane: Lane) => {
          const sb = sbs.get(lane)
          if (!sb) return
          const ts = Date.now()
          await sb.stop()
          sandboxes.delete(sb)
          sbs.delete(lane)
          const ms = Date.now() - ts
          timing.sandboxMs += ms
          laneTiming[lane]!.sandboxMs += ms
        }
        while (queue.length && !aborted) {
          const p = queue.shift()!
          const lt = laneTiming[p.lane]!
          lt.first ||= Date.now()
          let sb = sbs.get(p.lane)
          // a sandbox that fails to start (e.g. a starved machine) is retried once on a fresh one
          for (let attempt = 1; !sb && !aborted; attempt++) {
            try {
              sb = await startSb(p.lane)
            } catch (e) {
              log(`  (sandbox for ${p.lane} did not start, attempt ${attempt}: ${(e as Error).message.split('\n')[0]})`)
              await stopSb(p.lane)
              if (attempt >= 2) throw e
            }
          }
          if (!sb || aborted) return
          const root = path.join(state.dir, `p${++pageNo}`)
          const key = `${p.lane}:${p.page}`
          log(`▶ [${p.lane}] ${p.page}`)
          const done: SnippetResult[] = []
          inProgress.set(key, done)
          const attempt = async (): Promise<PageResult> => {
            done.length = 0
            try {
              return await runPage(p.page, p.fences, { sb: sb!, root, fillExamples: opts.fillExamples, onSnippet: (s) => { if (!aborted) { done.push(s); log(progressLine(s)) } } })
            } catch (e) {
              const r: PageResult = { page: p.page, lane: p.lane, status: 'failed', ms: 0, snippetMs: 0, snippets: [{ id: `${p.page}#runner`, page: p.page, line: 0, lang: '', kind: 'run', status: 'failed', ms: 0, standins: [], lane: p.lane, detail: `runner error: ${(e as Error).message}` }] }
              if (!aborted) log(progressLine(r.snippets[0]))
              return r
            }
          }
          const startMs = Date.now() - t0
          let res = await attempt()
          // One retry on a fresh engine for a failed page: a snippet that waits on a container
          // (healthchecks, restarts, a server coming up) can miss its bound on a starved machine.
          // A page that then passes counts as passed and is listed as flaky in the report and the
          // summary; one that fails twice fails. (Playwright's `retries` with its "flaky" outcome.)
          if (res.status === 'failed' && !aborted) {
            const first = res
            log(`  (${p.page} failed on ${p.lane}; once more on a fresh engine)`)
            await stopSb(p.lane)
            fs.rmSync(root, { recursive: true, force: true })
            sb = await startSb(p.lane)
            res = await attempt()
            if (res.status !== 'failed') res.flaky = first.snippets.filter((s) => s.status === 'failed')
            timing.snippetMs += first.snippetMs
          }
          if (aborted) return
          inProgress.delete(key)
          res.startMs = startMs
          res.job = k
          results.push(res)
          timing.snippetMs += res.snippetMs
          lt.snippetMs += res.snippetMs
          lt.pages++
          fs.rmSync(root, { recursive: true, force: true })
          // back to an empty engine; restart it if that does not work
          const tc = Date.now()
          let clean = false
          try {
            clean = sb.alive && isEmpty(await resetEngine(sb))
          } catch (e) {
            log(`  (engine reset failed: ${(e as Error).message.split('\n')[0]})`)
          }
          timing.cleanupMs += Date.now() - tc
          lt.cleanupMs += Date.now() - tc
          lt.last = Date.now()
          if (!clean && !aborted) {
            log(`  (engine ${sb.name} not clean after ${p.page}; restarting it)`)
            await stopSb(p.lane)
          }
        }
        // the queue is empty: this job idles until the last one finishes (timing.idleTailMs)
        if (!aborted) jobEnds.push(Date.now())
        for (const l of [...sbs.keys()]) await stopSb(l)
      }
      await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, queue.length)) }, (_, k) => worker(k)))
      timing.idleTailMs = idleTailMs(jobEnds)
    }
  } catch (e) {
    if (!aborted) {
      log(`runner error: ${(e as Error).stack ?? e}`)
      // counted as a failure, so the totals say why the run failed (not "0 failed" and exit 1)
      results.push({ page: '(runner)', status: 'failed', ms: 0, snippetMs: 0, snippets: [{ id: '(runner)#runner', page: '(runner)', line: 0, lang: '', kind: 'run', status: 'failed', ms: 0, standins: [], detail: `runner error: ${(e as Error).message}` }] })
      const done = await finish(1)
      return done
    }
  } finally {
    if (!aborted) {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      process.off('SIGHUP', onSignal)
    }
  }
  if (aborted) return new Promise(() => {}) // the signal handler exits the process
  return finish()
}
