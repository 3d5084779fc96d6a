/**
 * Run each snippet text once across the two languages (issue #17).
 *
 * A page's snippets share one shell, working directory and engine, so what a snippet does depends
 * on every fence the runner acted on before it. The decision is therefore per page: an English
 * page (core/translation.ts pairs it with its Chinese source) whose sequence of executed fences
 * (`run` and `file` fences, by content id, core/fence-id.ts) equals its source's is *covered*:
 * it is not run, and its results are the source's, recorded under the English page with
 * `from: <source page>` (contract: core/snippet-status.ts). Its `norun` fences are its own (their
 * reason is translated) and recorded from the English page.
 *
 * An English page whose executed fences differ (a translated comment, echo string or file) runs
 * on its own, but on one image store only (TRANSLATION_LANE) plus any store a `store=` fence of
 * the page is written for: translated text does not change what a store does, and the Chinese page
 * already covers both stores for the same commands.
 */
import type { Lane } from './config'
import type { Fence } from './extract'
import type { PageResult, SnippetResult } from './page-runner'
import { sourceOfTranslation } from '../../core/translation'
import { statusKey } from '../../core/snippet-status'

/**
 * The store a translation that differs from its source runs on: Docker Engine 28's default for a
 * new install (overlay2 storage driver; the containerd image store becomes the default in 29.0).
 */
export const TRANSLATION_LANE: Lane = 'overlay2'

/** The fences the runner acts on, in order (norun and plain fences change nothing it runs). */
export const executedFences = (fences: Fence[]) => fences.filter((f) => f.meta.kind === 'run' || f.meta.kind === 'file')

/** The content ids of a page's executed fences, in order (the page's "program"). */
export const executionKeys = (fences: Fence[]) => executedFences(fences).map((f) => statusKey(f.id))

export interface ParsedPage { page: string; fences: Fence[] }

export interface PairPlan<P extends ParsedPage = ParsedPage> {
  /** pages to run (every page except covered translations) */
  run: P[]
  /** English pages whose executed fences equal their source's: not run, results from `source` */
  covered: (P & { source: string })[]
  /** English pages that run but differ from their (present) source: run on fewer stores */
  translated: (P & { source: string })[]
}

/**
 * Decide which pages run. A translation counts as covered only when its source is among `pages`
 * (the run must produce the results it borrows) and runs itself; a translation without `run`
 * fences is never covered (nothing to borrow; it is checked on its own like any static page).
 * @param pages parsed pages of this run (repo paths, `docs/…`)
 */
export function planPairs<P extends ParsedPage>(pages: P[]): PairPlan<P> {
  const byPage = new Map(pages.map((p) => [p.page, p]))
  const plan: PairPlan<P> = { run: [], covered: [], translated: [] }
  for (const p of pages) {
    const source = sourceOfTranslation(p.page)
    const src = source ? byPage.get(source) : undefined
    if (!source || !src || !p.fences.some((f) => f.meta.kind === 'run')) { plan.run.push(p); continue }
    const a = executionKeys(p.fences)
    const b = executionKeys(src.fences)
    if (a.length === b.length && a.every((k, i) => k === b[i])) plan.covered.push({ ...p, source })
    else {
      plan.run.push(p)
      plan.translated.push({ ...p, source })
    }
  }
  return plan
}

/**
 * The stores a translation that differs from its source runs on: TRANSLATION_LANE (or the run's
 * first store when the run excludes it) plus every store a `store=` fence of the page needs, so
 * each of its fences gets a result.
 * @param lanes the stores of this run
 */
export function translationLanes(fences: Fence[], lanes: Lane[]): Lane[] {
  const want = new Set<Lane>([lanes.includes(TRANSLATION_LANE) ? TRANSLATION_LANE : lanes[0]])
  for (const f of fences) if (f.meta.kind === 'run' && f.meta.store && lanes.includes(f.meta.store)) want.add(f.meta.store)
  return lanes.filter((l) => want.has(l))
}

/**
 * The results of a covered translation: per lane, the source's result of each executed fence,
 * re-addressed to the translation's own fence (its id and line), plus the translation's own `norun`
 * fences. The page result carries `coveredBy` (the source) and takes no time.
 * @param page the translation; `source` its source page's results (one per lane it ran on)
 * @throws Error when a source result lacks one of the translation's fences (planPairs was bypassed)
 */
export function coveredResults(page: ParsedPage & { source: string }, source: PageResult[]): PageResult[] {
  return source.map((src) => {
    const byKey = new Map<string, SnippetResult>()
    for (const s of src.snippets) if (s.line > 0) byKey.set(statusKey(s.id), s)
    const snippets: SnippetResult[] = []
    for (const f of page.fences) {
      const own = { id: f.id, page: page.page, line: f.line, ...(f.source ? { source: f.source } : {}) }
      if (f.meta.kind === 'norun') {
        snippets.push({ ...own, lang: f.meta.lang, kind: 'norun', status: 'skipped', reason: f.meta.reason, ms: 0, standins: [], lane: src.lane })
        continue
      }
      if (f.meta.kind !== 'run' && f.meta.kind !== 'file') continue
      const r = byKey.get(statusKey(f.id))
      if (!r) {
        // the source's run stopped before this fence (runner error, abort): no result, like there
        if (src.snippets.some((s) => s.line === 0)) continue
        throw new Error(`${page.page}:${f.line}: no result for fence ${statusKey(f.id)} in ${page.source}'s run on ${src.lane ?? 'no engine'}`)
      }
      snippets.push({ ...r, ...own })
    }
    return { page: page.page, lane: src.lane, status: src.status, ms: 0, snippetMs: 0, snippets, coveredBy: page.source }
  })
}
