import { describe, expect, it } from 'vitest'
import type { Fence } from '../../scripts/snippets/extract'
import { idleTailMs, MS_PER_RUN_FENCE, orderTasks, previousDurations } from '../../scripts/snippets/schedule'

// only meta.kind matters to the order
const fences = (run: number, norun = 0) =>
  [...Array(run).fill('run'), ...Array(norun).fill('norun')].map((kind) => ({ meta: { kind } }) as unknown as Fence)

describe('snippet task order (schedule.ts)', () => {
  it('runs the longest page of the previous report first, per store', () => {
    const prev = previousDurations(JSON.stringify({ pages: [
      { page: 'docs/a.md', lane: 'containerd', ms: 5_000 },
      { page: 'docs/a.md', lane: 'overlay2', ms: 90_000 },
      { page: 'docs/b.md', lane: 'containerd', ms: 60_000 },
      { page: 'docs/old.md', ms: 1_000 }, // a report without lanes: overlay2
    ] }))
    expect(prev.get('overlay2:docs/old.md')).toBe(1_000)
    const order = orderTasks([
      { page: 'docs/a.md', lane: 'containerd' as const, fences: fences(50) },
      { page: 'docs/a.md', lane: 'overlay2' as const, fences: fences(1) },
      { page: 'docs/b.md', lane: 'containerd' as const, fences: fences(1) },
    ], prev)
    expect(order.map((t) => `${t.lane}:${t.page}`)).toEqual(['overlay2:docs/a.md', 'containerd:docs/b.md', 'containerd:docs/a.md'])
  })

  it('without a report, counts run fences (norun ones cost nothing); ties by page, then store', () => {
    expect(previousDurations(undefined).size).toBe(0)
    expect(previousDurations('not json').size).toBe(0)
    const tasks = [
      { page: 'docs/z.md', lane: 'overlay2' as const, fences: fences(2, 30) },
      { page: 'docs/y.md', lane: 'overlay2' as const, fences: fences(3) },
      { page: 'docs/y.md', lane: 'containerd' as const, fences: fences(3) },
      { page: 'docs/x.md', lane: 'overlay2' as const, fences: fences(2) },
    ]
    const order = orderTasks(tasks, new Map())
    expect(order.map((t) => `${t.lane}:${t.page}`)).toEqual(['containerd:docs/y.md', 'overlay2:docs/y.md', 'overlay2:docs/x.md', 'overlay2:docs/z.md'])
    expect(tasks[0].page).toBe('docs/z.md') // the input is not reordered
    expect(MS_PER_RUN_FENCE).toBeGreaterThan(0)
  })

  it('sums how long each job sat idle before the last one finished', () => {
    expect(idleTailMs([])).toBe(0)
    expect(idleTailMs([1_000, 1_000, 1_000])).toBe(0)
    expect(idleTailMs([1_000, 4_000, 2_500])).toBe(3_000 + 0 + 1_500)
  })
})
