/**
 * Run state on disk, and the sweep that removes what a run left behind.
 *
 * Every run owns STATE_ROOT/<id>/ (run.json with the runner's pid and start time, the sandbox
 * directories, the pages' temporary working directories) plus host objects named after its id:
 * network namespaces `dkb-<id>-<n>` and cgroups `dkb-<id>-<n>`. At the end of a run, and at the
 * start of every later run for runs whose runner is gone (killed with SIGKILL, machine crash),
 * `sweepRun` kills stray processes, unmounts, deletes the namespaces, cgroups and directories.
 * Nothing outside these names is ever touched.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_STATE_ROOT, STATE_ROOT, baseEnv } from './config'
import { isAlive, kill, listProcs, mountPoints, procStartTime, procsInSandboxMountNs, run, sleep } from './proc'

export interface RunRecord {
  id: string
  pid: number
  startTime: number
  created: string
}

/**
 * Prefix of host-global names (netns, cgroups). Runs using another SNIPPETS_STATE_DIR (tests) get
 * their own prefix, so a sweep only ever touches objects of runs under its own state directory.
 */
export function prefixFor(stateRoot: string): string {
  return stateRoot === DEFAULT_STATE_ROOT ? 'dkb-' : `dkb${crypto.createHash('sha1').update(stateRoot).digest('hex').slice(0, 4)}-`
}
export const NAME_PREFIX = prefixFor(STATE_ROOT)

export class RunState {
  readonly dir: string
  private constructor(public readonly id: string) {
    this.dir = path.join(STATE_ROOT, id)
  }

  static create(): RunState {
    const id = Date.now().toString(36).slice(-6) + crypto.randomBytes(2).toString('hex')
    const s = new RunState(id)
    fs.mkdirSync(s.dir, { recursive: true, mode: 0o755 })
    const rec: RunRecord = { id, pid: process.pid, startTime: procStartTime(process.pid) ?? 0, created: new Date().toISOString() }
    fs.writeFileSync(path.join(s.dir, 'run.json.tmp'), JSON.stringify(rec, null, 2))
    fs.renameSync(path.join(s.dir, 'run.json.tmp'), path.join(s.dir, 'run.json'))
    return s
  }

  /** Name for host-global objects (netns, cgroup parent) of sandbox `n`. */
  name(n: number | string): string {
    return `${NAME_PREFIX}${this.id}-${n}`
  }

  sweep(log: (m: string) => void = () => {}): Promise<SweepResult> {
    return sweepRun(this.id, log, true)
  }
}

export interface SweepResult {
  killed: number
  unmounted: number
  netns: number
  cgroups: number
  dirs: number
}

async function listNetns(): Promise<string[]> {
  const r = await run('ip', ['netns', 'list'], { env: baseEnv(), check: false, timeoutMs: 10_000 })
  return r.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean)
}

/** cgroup directories whose name starts with `prefix`, across all hierarchies (bounded walk). */
export function findCgroups(prefix: string): string[] {
  const found: string[] = []
  const walk = (dir: string, depth: number) => {
    if (depth > 5) return
    let entries: fs.Dirent[]
    try { entries = fs.readdirSync(dir, { withFileTypes: true }) } catch { return }
    for (const e of entries) {
      if (!e.isDirectory()) continue
      const p = path.join(dir, e.name)
      if (e.name.startsWith(prefix)) found.push(p)
      else walk(p, depth + 1)
    }
  }
  walk('/sys/fs/cgroup', 0)
  return found
}

function cgroupPids(dir: string): number[] {
  const pids: number[] = []
  const walk = (d: string, depth: number) => {
    if (depth > 6) return
    try {
      for (const l of fs.readFileSync(path.join(d, 'cgroup.procs'), 'utf8').split('\n')) if (l.trim()) pids.push(Number(l))
    } catch { /* no procs file */ }
    try {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name), depth + 1)
    } catch { /* gone */ }
  }
  walk(dir, 0)
  return pids
}

function rmdirTree(dir: string): boolean {
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmdirTree(path.join(dir, e.name))
    fs.rmdirSync(dir)
    return true
  } catch {
    return false
  }
}

/**
 * Remove everything run `id` may have left. `own` = this process is that run (do not kill self).
 */
export async function sweepRun(id: string, log: (m: string) => void = () => {}, own = false): Promise<SweepResult> {
  const dir = path.join(STATE_ROOT, id)
  const prefix = `${NAME_PREFIX}${id}-`
  const res: SweepResult = { killed: 0, unmounted: 0, netns: 0, cgroups: 0, dirs: 0 }

  // 1. processes: anything started from or inside the run dir, and anything in its cgroups
  for (let round = 0; round < 5; round++) {
    const victims = new Set<number>()
    for (const p of listProcs()) {
      if (p.pid === process.pid || p.state === 'Z') continue
      if (p.cmdline.includes(dir + '/') || p.cmdline.includes(prefix) || p.cwd === dir || p.cwd.startsWith(dir + '/')) victims.add(p.pid)
    }
    for (const cg of findCgroups(prefix)) for (const pid of cgroupPids(cg)) if (pid !== process.pid) victims.add(pid)
    // containerd and shims: no run path in their command line, but they live in the engine's
    // private mount namespace, whose tmpfs mounts are named after the sandbox
    for (const pid of procsInSandboxMountNs(prefix)) if (pid !== process.pid) victims.add(pid)
    if (!victims.size) break
    for (const pid of victims) kill(pid, 'SIGKILL')
    res.killed += victims.size
    for (let i = 0; i < 50 && [...victims].some((p) => isAlive(p)); i++) await sleep(100)
  }

  // 2. mounts under the run dir (deepest first); lazy so a busy one cannot block us
  const mounts = mountPoints().filter((m) => m === dir || m.startsWith(dir + '/')).sort((a, b) => b.length - a.length)
  for (const m of mounts) {
    const r = await run('umount', ['-l', m], { env: baseEnv(), check: false, timeoutMs: 10_000 })
    if (r.code === 0) res.unmounted++
  }

  // 3. network namespaces
  for (const ns of await listNetns()) {
    if (!ns.startsWith(prefix)) continue
    const r = await run('ip', ['netns', 'del', ns], { env: baseEnv(), check: false, timeoutMs: 10_000 })
    if (r.code === 0) res.netns++
    else log(`could not delete netns ${ns}: ${r.stderr.trim()}`)
  }

  // 4. cgroups (empty once the processes are gone)
  for (const cg of findCgroups(prefix)) {
    if (rmdirTree(cg)) res.cgroups++
    else log(`could not remove cgroup ${cg}`)
  }

  // 5. the directory
  if (fs.existsSync(dir)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
      res.dirs++
    } catch (e) {
      log(`could not remove ${dir}: ${(e as Error).message}`)
    }
  }
  void own
  return res
}

function readRecord(id: string): RunRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(STATE_ROOT, id, 'run.json'), 'utf8'))
  } catch {
    return undefined
  }
}

function isLiveRun(id: string): boolean {
  const rec = readRecord(id)
  if (rec) return isAlive(rec.pid, rec.startTime)
  // a run writes run.json right after creating its directory: give a fresh one the benefit of the doubt
  try {
    return Date.now() - fs.statSync(path.join(STATE_ROOT, id)).mtimeMs < 30_000
  } catch {
    return false
  }
}

/**
 * Clean up after runs whose runner is gone. Live runs (another runner working right now,
 * e.g. a parallel test) are left alone.
 */
export async function sweepStale(log: (m: string) => void = () => {}): Promise<{ runs: string[]; result: SweepResult }> {
  const ids = new Set<string>()
  if (fs.existsSync(STATE_ROOT)) for (const d of fs.readdirSync(STATE_ROOT)) ids.add(d)
  for (const ns of await listNetns()) if (ns.startsWith(NAME_PREFIX)) ids.add(ns.slice(NAME_PREFIX.length).replace(/-[^-]*$/, ''))
  for (const cg of findCgroups(NAME_PREFIX)) ids.add(path.basename(cg).slice(NAME_PREFIX.length).replace(/-[^-]*$/, ''))
  const total: SweepResult = { killed: 0, unmounted: 0, netns: 0, cgroups: 0, dirs: 0 }
  const runs: string[] = []
  for (const id of ids) {
    if (!/^[a-z0-9]+$/.test(id) || isLiveRun(id)) continue
    runs.push(id)
    const r = await sweepRun(id, log)
    for (const k of Object.keys(total) as (keyof SweepResult)[]) total[k] += r[k]
  }
  return { runs, result: total }
}
