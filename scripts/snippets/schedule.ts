/**
 * Order of the (page, store) tasks and what the order cost: the run's wall time is bounded by the
 * job that finishes last, so the longest pages start first and the report says how long jobs sat
 * idle at the end while another job still ran (`timing.idleTailMs`).
 */
import type { Fence } from './extract'
import type { Lane } from './config'

export interface Task { page: string; fences: Fence[]; lane: Lane }

/** ms a page with no previous timing is guessed to take per `run` fence */
export const MS_PER_RUN_FENCE = 600

/**
 * Page ms by `lane:page` from a previous report (`reports/snippets.json`, report.ts); pages without
 * a lane count as overlay2 (reports before lanes). Empty when the report is missing or unreadable.
 */
export function previousDurations(reportJson: string | undefined): Map<string, number> {
  const m = new Map<string, number>()
  if (!reportJson) return m
  try {
    for (const p of (JSON.parse(reportJson) as { pages?: { page: string; lane?: string; ms: number }[] }).pages ?? []) {
      if (typeof p.ms === 'number' && p.ms > 0) m.set(`${p.lane ?? 'overlay2'}:${p.page}`, p.ms)
    }
  } catch { /* not a report: no previous timings */ }
  return m
}

/** Longest first (previous ms, else run fences x MS_PER_RUN_FENCE); ties by page, then lane. Returns a new array. */
export function orderTasks<T extends Task>(tasks: T[], previous: Map<string, number>): T[] {
  const estimate = (t: Task) => previous.get(`${t.lane}:${t.page}`) ?? t.fences.filter((f) => f.meta.kind === 'run').length * MS_PER_RUN_FENCE
  return [...tasks].sort((a, b) => estimate(b) - estimate(a) || a.page.localeCompare(b.page) || a.lane.localeCompare(b.lane))
}

/**
 * Idle time at the end of a run: `ends` are the times (ms, any common origin) at which each job
 * took its last task off the empty queue and finished it. Returns the sum over jobs of
 * (last end - this job's end), in ms — 0 when all jobs finished together, and the job-ms a better
 * order could at most give back. No jobs: 0.
 */
export function idleTailMs(ends: number[]): number {
  if (!ends.length) return 0
  const last = Math.max(...ends)
  return ends.reduce((s, e) => s + (last - e), 0)
}
