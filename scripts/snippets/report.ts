/**
 * Reports of a snippet run.
 *
 * 1. reports/snippets.json (gitignored; `--json <path>`), the full report:
 *    {
 *      version: 2,
 *      date: ISO time, mode: 'standins' | 'real-images',
 *      engine: '28.5.2+dfsg4' (dockerd), cli, compose: '2.40.3', buildx, containerd,
 *      enginePackages: { suite: 'forky', packages: { 'docker.io': '28.5.2+dfsg4-5', … },
 *                        substituted: [{ pkg, pinned, used }] }   versions actually unpacked
 *      lanes: ['containerd', 'overlay2'],                         image stores of this run
 *      args: { pages, jobs, shard, lanes },
 *      totals: { passed, failed, skipped, pages, syntaxErrors }   summed over lanes, pages that ran
 *      pairs: { pagesRun, pagesCovered,                            distinct pages run / translations
 *               covered: [{ page, source }],                       covered by their source (not run,
 *               translated: [{ page, source, lanes }] }            pairs.ts); translations that ran
 *      laneTotals: { containerd: {…}, overlay2: {…} },
 *      timing: {
 *        wallMs,            whole run
 *        engineMs,          making sure the pinned engine is unpacked (download on a first run)
 *        engineFetched,     true when this run downloaded/unpacked it (a first run)
 *        standinsMs,        building/loading/seeding stand-ins (0 on a warm run)
 *        sandboxMs,         starting and stopping sandbox engines (summed over jobs)
 *        snippetMs,         running snippets: time inside docker and the page shells (summed)
 *        cleanupMs,         resetting the engine after each page (summed)
 *        overheadMs         wallMs - engineMs - standinsMs - (sandboxMs + snippetMs + cleanupMs) / jobs:
 *                           what the runner itself adds (parsing, scheduling, waiting)
 *        idleTailMs         summed over jobs: time a job sat idle at the end (queue empty) while
 *                           another still ran (schedule.ts); what a better page order could give back
 *        lanes: { containerd: { wallMs, sandboxMs, snippetMs, cleanupMs, pages }, overlay2: … }
 *        cpuMs: { shell, dockerd, containerd, containers, registry }   CPU ms the pages cost, summed
 *                           over the pages that ran (cpu.ts): on a loaded 2-core machine the suite
 *                           is CPU-bound, these say where the time goes
 *      },
 *      standins: { hash, built: [], loaded: [] },
 *      machine: { cpus, loadStart, loadEnd }      1-minute load average: timings depend on it
 *      syntaxErrors: [{ file, line, message }],
 *      pages: [{ page, lane, status, ms, snippets: [SnippetResult (page-runner.ts)], cpu?, coveredBy?,
 *                startMs?, job? }]                startMs: ms after the run's start; job: 0-based job
 *                                                 one per lane; coveredBy: a translation's results
 *                                                 copied from its source's run (not counted in totals)
 *    }
 *
 * 2. docs/.snippet-status.json (committed; written only with `--update-site`; rendered as badges by
 *    .vitepress/plugins/snippet-fence.ts and the status page):
 *    {
 *      engine: '28.5.2', compose: '2.40.3', buildx: '0.29.1', containerd: '2.1.9',
 *      stores: ['containerd', 'overlay2'],
 *      date: '2026-11-29', mode: 'standins' | 'real-images',
 *      pages: {
 *        'docs/guide/x.md': {
 *          '3f2a9c1d': { line: 12, status: 'passed', stores: ['containerd', 'overlay2'] },
 *          '77aa0b12': { line: 50, status: 'norun' }
 *        },
 *        'docs/en/guide/x.md': {                     a translation covered by its source's run
 *          '3f2a9c1d': { line: 14, status: 'passed', stores: [...], from: 'docs/guide/x.md' }
 *        }
 *      }
 *    }
 *    key = the fence's content id (fence-id.ts; extract.ts adds -2, -3 for identical fences), so
 *    a result belongs to exactly the text that ran; `line` is only for display. `status` combines
 *    the lanes: failed if it failed on any, skipped if it was not run (an earlier snippet failed),
 *    else passed; `stores` lists the stores it passed on (one store: a store=… snippet).
 *    Entries: `run` fences, validated *.k8s.yaml files and `norun` fences.
 *    The shape is owned by core/snippet-status.ts (schema, read, write, merge), which the site,
 *    the release cutter and the CI workflow's shard merge (merge-status.ts) use too.
 *    A run of some pages (--page/--shard) updates those pages and keeps the others.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Lane } from './config'
import type { CpuMs } from './cpu'
import type { PageResult, SnippetResult } from './page-runner'
import { readStatus, statusKey, writeStatus, type StatusEntry, type StatusFile } from '../../core/snippet-status'

export interface SyntaxErrorEntry {
  file: string
  line: number
  message: string
}

export type Totals = { passed: number; failed: number; skipped: number; pages: number; syntaxErrors: number }
/** Which pages ran and which translations borrowed their source's results (scripts/snippets/pairs.ts). */
export interface PairsReport {
  /** distinct pages that ran (on any store) */
  pagesRun: number
  /** translations not run: their executed fences equal their source's */
  pagesCovered: number
  covered: { page: string; source: string }[]
  /** translations that differ from their source and ran on `lanes` */
  translated: { page: string; source: string; lanes: string[] }[]
}
export interface LaneTiming { wallMs: number; sandboxMs: number; snippetMs: number; cleanupMs: number; pages: number }

export interface Report {
  version: 2
  date: string
  mode: 'standins' | 'real-images'
  engine: string
  cli: string
  compose: string
  buildx: string
  containerd: string
  enginePackages: { suite: string; packages: Record<string, string>; substituted: { pkg: string; pinned: string; used: string }[] }
  lanes: Lane[]
  args: { pages: string[]; jobs: number; shard?: string; lanes: Lane[] }
  totals: Totals
  pairs: PairsReport
  laneTotals: Partial<Record<Lane, Totals>>
  timing: {
    wallMs: number; engineMs: number; engineFetched: boolean; standinsMs: number; sandboxMs: number; snippetMs: number; cleanupMs: number; overheadMs: number
    /** summed over jobs: ms a job sat idle at the end while another still ran (schedule.ts); absent in older reports */
    idleTailMs?: number
    lanes: Partial<Record<Lane, LaneTiming>>
    /** CPU ms of the pages that ran, by class (cpu.ts) */
    cpuMs?: CpuMs
  }
  standins: { hash: string; built: string[]; loaded: string[] }
  /** CPUs and 1-minute load average at start and end (timings depend on what else runs) */
  machine: { cpus: number; loadStart: number; loadEnd: number }
  syntaxErrors: SyntaxErrorEntry[]
  pages: PageResult[]
  aborted?: string
}

export function countable(s: SnippetResult): boolean {
  return s.status === 'passed' || s.status === 'failed' || s.status === 'skipped'
}

/** Snippet counts over the page results that ran (covered translations' copies are not counted twice). */
export function totals(pages: PageResult[], syntaxErrors: SyntaxErrorEntry[]) {
  const ran = pages.filter((p) => !p.coveredBy)
  const t = { passed: 0, failed: syntaxErrors.length, skipped: 0, pages: ran.length, syntaxErrors: syntaxErrors.length }
  for (const p of ran) for (const s of p.snippets) if (countable(s)) t[s.status as 'passed' | 'failed' | 'skipped']++
  return t
}

/** The closing line: snippet counts, and with `pairs` how many pages ran and how many were covered. */
export function summaryLine(t: { passed: number; failed: number; skipped: number }, pairs?: Pick<PairsReport, 'pagesRun' | 'pagesCovered'>): string {
  const counts = `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`
  return pairs ? `${counts}; ${pairs.pagesRun} pages ran, ${pairs.pagesCovered} covered by their pair` : counts
}

export function writeJson(file: string, report: Report): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
}

/**
 * Record a run in a compact status file (shape and rules: core/snippet-status.ts). `fullRun`:
 * replace every page; otherwise only the pages of this report change.
 * @throws Error from readStatus when an existing file is broken (never silently overwritten)
 */
export function recordStatus(file: string, report: Report, fullRun: boolean): void {
  const pages: StatusFile['pages'] = fullRun ? {} : { ...readStatus(file).pages }
  // one entry per snippet id, combining the lanes the page ran on
  const byPage = new Map<string, Map<string, { line: number; kind: string; results: SnippetResult[] }>>()
  const from = new Map<string, string>()
  for (const p of report.pages) {
    if (!p.page.startsWith('docs/')) continue
    if (p.coveredBy) from.set(p.page, p.coveredBy)
    const m = byPage.get(p.page) ?? new Map()
    byPage.set(p.page, m)
    for (const s of p.snippets) {
      if (s.line === 0) continue // runner errors / aborted markers
      const e = m.get(s.id) ?? { line: s.line, kind: s.kind, results: [] }
      e.results.push(s)
      m.set(s.id, e)
    }
  }
  for (const [page, snippets] of byPage) {
    const entry: Record<string, StatusEntry> = {}
    for (const [id, e] of snippets) {
      if (e.kind === 'norun') { entry[statusKey(id)] = { line: e.line, status: 'norun' }; continue }
      const rs = e.results.filter((s) => s.status !== 'written' && !(s.status === 'skipped' && s.reason?.startsWith('only for the ')))
      if (!rs.length) continue
      const stores = [...new Set(rs.filter((s) => s.status === 'passed').map((s) => s.lane).filter((l): l is Lane => !!l))].sort()
      const status = rs.some((s) => s.status === 'failed') ? 'failed' : rs.some((s) => s.status === 'skipped') ? 'skipped' : 'passed'
      entry[statusKey(id)] = { line: e.line, status, ...(stores.length ? { stores } : {}), ...(from.has(page) ? { from: from.get(page) } : {}) }
    }
    if (Object.keys(entry).length) pages[page] = entry
    else delete pages[page]
  }
  writeStatus(file, {
    engine: report.engine,
    compose: report.compose,
    buildx: report.buildx,
    containerd: report.containerd,
    stores: report.lanes,
    date: report.date.slice(0, 10),
    mode: report.mode,
    pages,
  })
}
