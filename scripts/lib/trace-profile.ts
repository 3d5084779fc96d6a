/**
 * Main-thread work of one page load, from a Chromium performance trace (the Trace Event Format,
 * https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU, as recorded by the
 * DevTools Protocol's Tracing domain with the categories in TRACE_CATEGORIES). Used by
 * `npm run profile:load` (scripts/profile-load.ts); pure functions, no browser.
 *
 * What it reports, in milliseconds of the renderer main thread: wall time (with the CPU slowdown,
 * what Lighthouse sees) and, where it says CPU, the thread's own CPU time (`tdur`). On a busy machine the
 * wall time also holds the time the operating system gave the CPU to other processes; the CPU time does
 * not (nor the slowdown's pauses), so it is the steadier number to compare two builds by:
 *  - long tasks: top-level tasks (`RunTask`) longer than 50 ms; `blocking` sums their part over 50 ms
 *    after the first contentful paint, as Lighthouse's Total Blocking Time does (without its end at
 *    Time to Interactive: the trace ends when the page has gone quiet);
 *  - a breakdown of all main-thread time by kind, with Lighthouse's groups
 *    (lighthouse-core/lib/tracehouse/task-groups.js): script evaluation, script parse/compile,
 *    style & layout, paint/composite, HTML parse, garbage collection, other;
 *  - JavaScript self time per script URL, from the V8 CPU profile samples in the trace
 *    (`ProfileChunk` events), which says whose code runs: the framework chunk, the app/theme chunk,
 *    the page's chunk.
 */

/** Categories to record: the DevTools timeline, V8 and its sampling profiler (as the Performance panel). */
export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'latencyInfo',
]

export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  ts: number // µs
  dur?: number // µs
  tdur?: number // µs of the thread's CPU time
  pid: number
  tid: number
  id?: string
  args?: Record<string, any>
}

/** Lighthouse's task groups, by trace event name (task-groups.js). Names not listed count as `other`. */
const GROUP_OF: Record<string, string> = {}
const GROUPS: Record<string, string[]> = {
  'script evaluation': ['EventDispatch', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'RunMicrotasks', 'V8.Execute'],
  'script parse/compile': ['v8.compile', 'v8.compileModule', 'v8.parseOnBackground', 'V8.CompileCode', 'CacheScript', 'v8.produceCache', 'v8.produceModuleCache', 'v8.deserializeOnBackground'],
  'style & layout': ['ScheduleStyleRecalculation', 'RecalculateStyles', 'UpdateLayoutTree', 'InvalidateLayout', 'Layout', 'ParseAuthorStyleSheet'],
  'paint/composite': ['Animation', 'HitTest', 'PaintSetup', 'Paint', 'PaintImage', 'RasterTask', 'ScrollLayer', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'PrePaint', 'Layerize', 'Commit'],
  'HTML parse': ['ParseHTML'],
  'garbage collection': ['GCEvent', 'MinorGC', 'MajorGC', 'FunctionCall:GC', 'V8.GCFinalizeMC', 'V8.GCScavenger', 'V8.GCIncrementalMarking', 'V8.GCCompactor', 'V8.GCFinalizeMCReduceMemory', 'BlinkGC.AtomicPhase', 'ThreadState::performIdleLazySweep', 'ThreadState::completeSweep', 'BlinkGCMarking'],
}
for (const [group, names] of Object.entries(GROUPS)) for (const n of names) GROUP_OF[n] = group
export const GROUP_NAMES = [...Object.keys(GROUPS), 'other']

export interface LoadProfile {
  /** first contentful paint, ms after navigation start (undefined when the trace has none) */
  fcpMs?: number
  /** number of top-level tasks over 50 ms, their total time, and their time over 50 ms after FCP */
  longTasks: number
  longTaskMs: number
  blockingMs: number
  /** the longest top-level task */
  maxTaskMs: number
  /** all main-thread time (top-level tasks), wall and CPU; CPU time by Lighthouse group (self time) */
  mainThreadMs: number
  mainThreadCpuMs: number
  groups: Record<string, number>
  /** JavaScript self time by script URL (sampled); '' collects the engine's own frames (GC, program, idle excluded) */
  jsByUrl: Record<string, number>
  /** each long task: when it started (ms after navigation start), how long it took, and what ran in it */
  longTaskList: LongTask[]
}

/** One long task (> 50 ms) and what ran in it, for `npm run profile:load -- --tasks`. */
export interface LongTask {
  startMs: number
  durMs: number
  /** the main thread's CPU time in the task */
  cpuMs: number
  /** CPU time of the task's largest parts, e.g. `EvaluateScript app.js 120`, `ParseHTML 40` (ms) */
  parts: { what: string; ms: number }[]
  /** sampled JavaScript self time in the task by function, largest first (`name (script) ms`) */
  functions: { what: string; ms: number }[]
}

/** The renderer main thread that loaded `url`: from `TracingStartedInBrowser`'s frames, else the busiest `CrRendererMain`. */
function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const start = events.find((e) => e.name === 'TracingStartedInBrowser')
  const frame = (start?.args?.data?.frames as { url?: string; processId?: number }[] | undefined)?.find((f) => f.url === url)
  // the navigation's commit names the renderer that got the document (also after a process swap)
  const commit = events.filter((e) => (e.name === 'CommitLoad' || e.name === 'FrameCommittedInBrowser') && (e.args?.data?.url === url)).at(-1)
  const pid = commit?.args?.data?.processId ?? commit?.pid ?? frame?.processId
  const candidates = pid === undefined ? names : names.filter((n) => n.pid === pid)
  if (!candidates.length) throw new Error(`trace: no renderer main thread (CrRendererMain) for ${url}`)
  const busy = (c: TraceEvent) => events.reduce((s, e) => s + (e.pid === c.pid && e.tid === c.tid && e.name === 'RunTask' ? 1 : 0), 0)
  const best = candidates.reduce((a, b) => (busy(b) > busy(a) ? b : a))
  return { pid: best.pid, tid: best.tid }
}

/**
 * Analyse one load's trace. Input: the trace events, the URL that was loaded (to find its renderer)
 * and the navigation start (µs, trace clock; `navigationStart` mark when 0).
 * @throws when the trace has no main thread or no top-level tasks for that URL
 */
export function analyseTrace(events: TraceEvent[], url: string): LoadProfile {
  const { pid, tid } = mainThread(events, url)
  const own = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const nav = events.filter((e) => e.pid === pid && e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url).at(-1)
    ?? events.filter((e) => e.pid === pid && e.name === 'navigationStart').at(-1)
  const t0 = nav?.ts ?? own[0]?.ts ?? 0
  const fcp = events.find((e) => e.pid === pid && e.name === 'firstContentfulPaint' && e.ts >= t0)
  const tasks = own.filter((e) => e.name === 'RunTask' && e.ts >= t0)
  if (!tasks.length) throw new Error(`trace: no top-level tasks on the main thread for ${url}`)
  const ms = (us: number) => us / 1000
  const long = tasks.filter((t) => t.dur! > 50_000)
  const fcpTs = fcp?.ts ?? t0
  const blocking = long.filter((t) => t.ts + t.dur! > fcpTs).reduce((s, t) => s + Math.max(0, Math.min(t.dur!, t.ts + t.dur! - fcpTs) - 50_000), 0)

  // self time per group: walk the nested complete events of each top-level task with a stack
  const groups: Record<string, number> = Object.fromEntries(GROUP_NAMES.map((g) => [g, 0]))
  const stack: { end: number; group: string; child: number; dur: number }[] = [] // dur, child: CPU µs
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const top = stack.pop()!
      groups[top.group] += top.dur - top.child
      if (stack.length) stack.at(-1)!.child += top.dur
    }
  }
  for (const e of own) {
    if (e.ts < t0) continue
    close(e.ts)
    if (!stack.length && e.name !== 'RunTask') continue // only work inside top-level tasks
    // an unlisted event inherits its parent's group (as Lighthouse does)
    const group = GROUP_OF[e.name] ?? (stack.length ? stack.at(-1)!.group : 'other')
    stack.push({ end: e.ts + e.dur!, group, child: 0, dur: e.tdur ?? e.dur! })
  }
  close(Infinity)

  return {
    fcpMs: fcp ? ms(fcp.ts - t0) : undefined,
    longTasks: long.length,
    longTaskMs: ms(long.reduce((s, t) => s + t.dur!, 0)),
    blockingMs: ms(blocking),
    maxTaskMs: ms(Math.max(...tasks.map((t) => t.dur!))),
    mainThreadMs: ms(tasks.reduce((s, t) => s + t.dur!, 0)),
    mainThreadCpuMs: ms(tasks.reduce((s, t) => s + (t.tdur ?? t.dur!), 0)),
    groups: Object.fromEntries(Object.entries(groups).map(([g, v]) => [g, ms(v)])),
    jsByUrl: jsSelfTimeByUrl(events, pid, tid, t0),
    longTaskList: long.map((t) => describeTask(events, own, t, pid, tid, t0)),
  }
}

/** The last path segment of a script URL, without its content hash (`app.AbC123.js` → `app.js`). */
const shortUrl = (url: string) => (url.split('/').pop() ?? url).replace(/\.[\w-]{8}(?=\.js$)/, '') || '(inline)'

/** What ran in one long task: its direct children by kind (script URL where there is one) and sampled functions. */
function describeTask(events: TraceEvent[], own: TraceEvent[], task: TraceEvent, pid: number, tid: number, t0: number): LongTask {
  const end = task.ts + task.dur!
  const parts: Record<string, number> = {}
  // the outermost events of a known kind (GROUP_OF: script evaluation, layout, …) inside the task,
  // below the scheduler's wrappers (RunTask, microtask checkpoints), by CPU time
  let claimedEnd = task.ts
  for (const e of own) {
    if (e === task || e.ts < claimedEnd || e.ts >= end || !GROUP_OF[e.name]) continue
    claimedEnd = e.ts + e.dur!
    const d = e.args?.data ?? {}
    const url = d.url || d.stackTrace?.[0]?.url || ''
    const what = url ? `${e.name} ${shortUrl(url)}` : e.name
    parts[what] = (parts[what] ?? 0) + (e.tdur ?? e.dur!) / 1000
  }
  const fns = jsSelfTime(events, pid, tid, t0, (n) => `${n.functionName || '(anonymous)'} (${shortUrl(n.url)})`, task.ts, end)
  const top = (o: Record<string, number>, n: number) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, ms]) => ({ what, ms }))
  return { startMs: (task.ts - t0) / 1000, durMs: task.dur! / 1000, cpuMs: (task.tdur ?? task.dur!) / 1000, parts: top(parts, 4), functions: top(fns, 6) }
}

/**
 * Self time per script URL from the sampling profiler's `Profile`/`ProfileChunk` events of one
 * thread (each chunk adds nodes `{id, parent, callFrame: {url, functionName}}`, sample node ids and
 * their time deltas in µs). Idle, program and GC frames are left out. Result in ms of wall time;
 * a gap longer than 10 × the profile's median sampling interval (the thread was descheduled by a busy
 * machine) counts as 10 intervals, so one preempted sample does not dominate.
 */
export function jsSelfTimeByUrl(events: TraceEvent[], pid: number, tid: number, t0 = 0): Record<string, number> {
  return jsSelfTime(events, pid, tid, t0, (n) => n.url)
}

/**
 * Sampled JavaScript self time of one thread, summed by `key(callFrame)`, from `from` to `to` (µs,
 * trace clock; default: from t0 on). See jsSelfTimeByUrl for the sampling rules.
 */
export function jsSelfTime(events: TraceEvent[], pid: number, tid: number, t0: number, key: (frame: { url: string; functionName: string }) => string, from = t0, to = Infinity): Record<string, number> {
  const profiles = new Map<string, { urls: Map<number, string>; ts: number }>()
  const out: Record<string, number> = {}
  for (const e of events) {
    if (e.pid !== pid) continue
    if (e.name === 'Profile' && e.tid === tid) profiles.set(String(e.id), { urls: new Map(), ts: e.args?.data?.startTime ?? e.ts })
    if (e.name !== 'ProfileChunk') continue
    const p = profiles.get(String(e.id))
    if (!p) continue
    const data = e.args?.data ?? {}
    for (const n of data.cpuProfile?.nodes ?? []) {
      const fn = n.callFrame?.functionName ?? ''
      p.urls.set(n.id, ['(idle)', '(program)', '(garbage collector)', '(root)'].includes(fn) ? '\0skip' : key({ url: n.callFrame?.url ?? '', functionName: fn }))
    }
    const samples: number[] = data.cpuProfile?.samples ?? []
    const deltas: number[] = data.timeDeltas ?? []
    const cap = 10 * (median(deltas.filter((d) => d > 0)) || Infinity)
    for (let i = 0; i < samples.length; i++) {
      p.ts += deltas[i] ?? 0
      // a sample's time is the gap to the next one; attribute the delta to the previous sample's node
      const next = Math.min(deltas[i + 1] ?? 0, cap)
      const url = p.urls.get(samples[i])
      if (url === undefined || url === '\0skip' || p.ts < from || p.ts >= to) continue
      out[url] = (out[url] ?? 0) + next / 1000
    }
  }
  return out
}

/** Median of numbers (the mean of the middle two for an even count); NaN for none. */
export function median(xs: number[]): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
