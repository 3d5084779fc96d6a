/**
 * Reports of a snippet run.
 *
 * 1. reports/snippets.json (gitignored; `--json <path>`), the full report:
 *    {
 *      version: 1,
 *      date: ISO time, mode: 'standins' | 'real-images',
 *      engine: '20.10.24+dfsg1', cli: '28.2.2', compose: '1.29.2',
 *      args: { pages, jobs, shard },
 *      totals: { passed, failed, skipped, pages, syntaxErrors },
 *      timing: {
 *        wallMs,            whole run
 *        standinsMs,        building/loading/seeding stand-ins (0 on a warm run)
 *        sandboxMs,         starting and stopping sandbox engines (summed over jobs)
 *        snippetMs,         running snippets: time inside docker and the page shells (summed)
 *        cleanupMs,         resetting the engine after each page (summed)
 *        overheadMs         wallMs - standinsMs - (sandboxMs + snippetMs + cleanupMs) / jobs:
 *                           what the runner itself adds (parsing, scheduling, waiting)
 *      },
 *      standins: { hash, built: [], loaded: [] },
 *      syntaxErrors: [{ file, line, message }],
 *      pages: [{ page, status, ms, snippets: [SnippetResult (page-runner.ts)] }]
 *    }
 *
 * 2. docs/.snippet-status.json (committed; rendered as badges by .vitepress/plugins/snippet-fence.ts):
 *    {
 *      engine: '20.10.24+dfsg1',           Docker Engine the snippets ran on
 *      compose: '1.29.2',
 *      date: '2026-11-23',                 day of the run
 *      mode: 'standins' | 'real-images',
 *      pages: {                            only pages under docs/
 *        'docs/guide/x.md': { '12': 'passed', '30': 'failed', '41': 'skipped', '50': 'norun' }
 *      }                                   key = 1-based line of the opening fence of `run` fences,
 *    }                                     validated *.k8s.yaml files and `norun` fences;
 *                                          'skipped' = not run because an earlier snippet failed
 *    scripts/snippets/report-to-site.ts turns it into data / Markdown for the site.
 *    A run of some pages (--page/--shard) updates those pages and keeps the others.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { PageResult, SnippetResult } from './page-runner'

export interface SyntaxErrorEntry {
  file: string
  line: number
  message: string
}

export interface Report {
  version: 1
  date: string
  mode: 'standins' | 'real-images'
  engine: string
  cli: string
  compose: string
  args: { pages: string[]; jobs: number; shard?: string }
  totals: { passed: number; failed: number; skipped: number; pages: number; syntaxErrors: number }
  timing: { wallMs: number; standinsMs: number; sandboxMs: number; snippetMs: number; cleanupMs: number; overheadMs: number }
  standins: { hash: string; built: string[]; loaded: string[] }
  syntaxErrors: SyntaxErrorEntry[]
  pages: PageResult[]
  aborted?: string
}

export function countable(s: SnippetResult): boolean {
  return s.status === 'passed' || s.status === 'failed' || s.status === 'skipped'
}

export function totals(pages: PageResult[], syntaxErrors: SyntaxErrorEntry[]) {
  const t = { passed: 0, failed: syntaxErrors.length, skipped: 0, pages: pages.length, syntaxErrors: syntaxErrors.length }
  for (const p of pages) for (const s of p.snippets) if (countable(s)) t[s.status as 'passed' | 'failed' | 'skipped']++
  return t
}

export function summaryLine(t: { passed: number; failed: number; skipped: number }): string {
  return `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`
}

export function writeJson(file: string, report: Report): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
}

export interface StatusFile {
  engine?: string
  compose?: string
  date?: string
  mode?: string
  pages: Record<string, Record<string, string>>
}

/** Update the compact status file the site renders badges from. */
export function writeStatus(file: string, report: Report, fullRun: boolean): void {
  let old: StatusFile = { pages: {} }
  if (!fullRun) {
    try {
      old = JSON.parse(fs.readFileSync(file, 'utf8'))
      old.pages ??= {}
    } catch { /* start fresh */ }
  }
  const pages: StatusFile['pages'] = fullRun ? {} : { ...old.pages }
  for (const p of report.pages) {
    if (!p.page.startsWith('docs/')) continue
    const entry: Record<string, string> = {}
    for (const s of p.snippets) {
      if (s.kind === 'run' || (s.kind === 'file' && s.status !== 'written')) entry[String(s.line)] = s.status
      else if (s.kind === 'norun') entry[String(s.line)] = 'norun'
    }
    if (Object.keys(entry).length) pages[p.page] = entry
    else delete pages[p.page]
  }
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => a.localeCompare(b)))
  const status: StatusFile = {
    engine: report.engine,
    compose: report.compose,
    date: report.date.slice(0, 10),
    mode: report.mode,
    pages: sorted,
  }
  fs.writeFileSync(file, JSON.stringify(status, null, 2) + '\n')
}
