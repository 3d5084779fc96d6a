import { describe, expect, it } from 'vitest'
import { analyseTrace, jsSelfTimeByUrl, median, type TraceEvent } from '../../scripts/lib/trace-profile'

const URL_ = 'http://127.0.0.1:1/page'
const P = 7
const T = 1
const meta = (pid: number, tid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name: 'CrRendererMain' } })
const x = (name: string, ts: number, dur: number, tdur = dur, pid = P, tid = T): TraceEvent => ({ name, ph: 'X', ts, dur, tdur, pid, tid })

/** A small synthetic trace: navigation at 1 000 µs, FCP at 100 000 µs, three top-level tasks. */
function trace(): TraceEvent[] {
  return [
    meta(P, T),
    meta(99, 1), // another renderer: ignored
    { name: 'FrameCommittedInBrowser', ph: 'I', ts: 500, pid: 1, tid: 1, args: { data: { url: URL_, processId: P } } },
    { name: 'navigationStart', ph: 'R', ts: 1_000, pid: P, tid: T, args: { data: { documentLoaderURL: URL_ } } },
    { name: 'firstContentfulPaint', ph: 'R', ts: 100_000, pid: P, tid: T },
    x('RunTask', 0, 500), // before navigation: not counted
    // 80 ms task before FCP: long, but not blocking after FCP
    x('RunTask', 10_000, 80_000, 40_000),
    x('ParseHTML', 10_000, 60_000, 30_000),
    x('EvaluateScript', 20_000, 20_000, 10_000), // nested in ParseHTML
    // 120 ms task after FCP: 70 ms blocking
    x('RunTask', 200_000, 120_000, 60_000),
    x('FunctionCall', 200_000, 100_000, 50_000),
    x('UpdateLayoutTree', 250_000, 30_000, 15_000), // forced style recalc inside script
    x('Layout', 300_000, 20_000, 10_000), // outside FunctionCall
    // short task
    x('RunTask', 400_000, 10_000, 5_000),
    x('RunTask', 0, 999_000, 999_000, 99, 1),
  ]
}

describe('analyseTrace', () => {
  it('counts long tasks, blocking time after FCP, and CPU self time by group', () => {
    const p = analyseTrace(trace(), URL_)
    expect(p.fcpMs).toBe(99)
    expect(p.longTasks).toBe(2)
    expect(p.longTaskMs).toBe(200)
    expect(p.blockingMs).toBe(70)
    expect(p.maxTaskMs).toBe(120)
    expect(p.mainThreadMs).toBe(210)
    expect(p.mainThreadCpuMs).toBe(105)
    expect(p.groups['HTML parse']).toBe(20) // 30 ms CPU minus the nested script's 10
    expect(p.groups['script evaluation']).toBe(10 + 35) // EvaluateScript + FunctionCall minus the nested style recalc
    expect(p.groups['style & layout']).toBe(25)
    expect(p.groups.other).toBe(10 + 0 + 5) // the tasks' own time outside any event
  })

  it('lists each long task with its CPU time and its outermost known parts', () => {
    const p = analyseTrace(trace(), URL_)
    expect(p.longTaskList.map((t) => [t.startMs, t.durMs, t.cpuMs, t.parts])).toEqual([
      [9, 80, 40, [{ what: 'ParseHTML', ms: 30 }]], // the nested EvaluateScript is part of it
      [199, 120, 60, [{ what: 'FunctionCall', ms: 50 }, { what: 'Layout', ms: 10 }]],
    ])
  })

  it('names the URL when the trace has no renderer for it', () => {
    expect(() => analyseTrace([], URL_)).toThrow(/CrRendererMain.*127\.0\.0\.1:1\/page/)
  })
})

describe('jsSelfTimeByUrl', () => {
  it('adds each sample interval to the script of the sampled frame, capping preempted gaps', () => {
    const events: TraceEvent[] = [
      { name: 'Profile', ph: 'P', ts: 0, pid: P, tid: T, id: '0x1', args: { data: { startTime: 0 } } },
      {
        name: 'ProfileChunk', ph: 'P', ts: 0, pid: P, tid: T, id: '0x1',
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: { functionName: '(root)', url: '' } },
                { id: 2, parent: 1, callFrame: { functionName: 'a', url: 'http://h/a.js' } },
                { id: 3, parent: 1, callFrame: { functionName: '(idle)', url: '' } },
              ],
              samples: [2, 2, 3, 2, 2],
            },
            // µs; the 1 000 000 µs gap is a preempted thread: counted as 10 × the median (1 000)
            timeDeltas: [0, 1_000, 1_000, 1_000, 1_000_000],
          },
        },
      },
    ]
    expect(jsSelfTimeByUrl(events, P, T)).toEqual({ 'http://h/a.js': 1 + 1 + 10 + 0 })
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})
