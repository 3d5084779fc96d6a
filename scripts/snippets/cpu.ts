/**
 * CPU time of a page's run, split by who spent it, for the report (`cpu` of each page in
 * reports/snippets.json). On a 2-core CI machine running 3 pages at once the suite is CPU-bound,
 * so wall-clock times mostly say how busy the machine was; CPU seconds say what to make cheaper.
 *
 * Source: /proc/<pid>/stat fields 14-17 (utime, stime, cutime, cstime; proc(5)), in clock ticks.
 * A process's cutime/cstime hold the CPU of the children it has waited for, so summing
 * utime+stime+cutime+cstime over the live processes of a tree counts every process once: a live
 * one by itself, an exited one in the ancestor that reaped it (as long as that one still lives).
 * Taking the sum before and after a page gives the page's share (`diffCpu`).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

/**
 * Classes of CPU time (ms):
 *  - shell: the page's shell and what it ran and waited for: the docker CLI with its compose and
 *    buildx plugins, curl, sed …
 *  - dockerd: the engine daemon and the helpers it waits for (image pull and unpack on the
 *    overlay2 store, BuildKit, iptables, docker-proxy)
 *  - containerd: containerd (image unpack on the containerd store, snapshots, task API)
 *  - containers: shims, runc and the containers' own processes (nginx, python, …)
 *  - registry: the local stand-in registry serving pulls
 */
export type CpuClass = 'shell' | 'dockerd' | 'containerd' | 'containers' | 'registry'
export type CpuMs = Partial<Record<CpuClass, number>>

let tickMs: number | undefined
/** ms per clock tick (sysconf(_SC_CLK_TCK), 100 Hz on Linux x86-64 unless changed). */
function msPerTick(): number {
  if (tickMs === undefined) {
    let hz = 100
    try {
      hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch { /* keep 100 */ }
    tickMs = 1000 / hz
  }
  return tickMs
}

/** comm and utime+stime, cutime+cstime (ticks) of one process; undefined when it is gone. */
export function procCpu(pid: number): { comm: string; self: number; children: number } | undefined {
  let s: string
  try {
    s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // comm is in parentheses and may contain spaces or ')': fields after the last ')'
  const close = s.lastIndexOf(')')
  const comm = s.slice(s.indexOf('(') + 1, close)
  const f = s.slice(close + 2).split(' ')
  // f[0] is field 3 (state): utime=14 -> f[11], stime f[12], cutime f[13], cstime f[14]
  const n = (i: number) => Number(f[i]) || 0
  return { comm, self: n(11) + n(12), children: n(13) + n(14) }
}

/**
 * Children of every thread of `pid`: /proc/PID/task/TID/children lists only the children that
 * thread TID forked, and Go programs (dockerd, containerd) fork from any thread.
 */
export function allChildren(pid: number): number[] {
  let tids: string[]
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`)
  } catch {
    return []
  }
  const out: number[] = []
  for (const tid of tids) {
    try {
      out.push(...fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number))
    } catch { /* thread gone */ }
  }
  return out
}

function classOf(comm: string): CpuClass {
  if (comm === 'dockerd') return 'dockerd'
  if (comm === 'containerd') return 'containerd'
  if (comm === 'registry' || comm.startsWith('docker-registr')) return 'registry'
  return 'containers'
}

/**
 * CPU ms of the live process tree under `root` (root included), by class. Everything that is
 * not dockerd, containerd or the registry counts as `containers` (the namespace's init reaps
 * exited shims and their containers). Pass `as` to put the whole tree in one class.
 */
export function treeCpu(root: number | undefined, as?: CpuClass): CpuMs {
  const out: CpuMs = {}
  if (!root) return out
  const t = msPerTick()
  const seen = new Set<number>()
  const stack = [root]
  // bounded: a tree has far fewer than 100000 processes
  for (let i = 0; stack.length && i < 100_000; i++) {
    const pid = stack.pop()!
    if (seen.has(pid)) continue
    seen.add(pid)
    const c = procCpu(pid)
    if (!c) continue
    const k = as ?? classOf(c.comm)
    out[k] = (out[k] ?? 0) + (c.self + c.children) * t
    stack.push(...allChildren(pid))
  }
  return out
}

export function addCpu(a: CpuMs, b: CpuMs): CpuMs {
  const out: CpuMs = { ...a }
  for (const [k, v] of Object.entries(b) as [CpuClass, number][]) out[k] = (out[k] ?? 0) + v
  return out
}

/** after - before per class, rounded to ms, never negative (a process that exited with its reaper is lost: the sum undercounts, it does not invent time). */
export function diffCpu(after: CpuMs, before: CpuMs): CpuMs {
  const out: CpuMs = {}
  for (const [k, v] of Object.entries(after) as [CpuClass, number][]) out[k] = Math.max(0, Math.round(v - (before[k] ?? 0)))
  return out
}
