/** Small process helpers: run a command with a time limit, inspect /proc, bounded waits. */
import { spawn, type SpawnOptions } from 'node:child_process'
import fs from 'node:fs'

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Every long-lived child gets `setpriv --pdeathsig KILL`: if the runner dies (even by SIGKILL),
 * the kernel kills the child. Children started through it keep that setting across exec.
 */
export const GUARD = ['setpriv', '--pdeathsig', 'KILL', '--']

export interface RunResult {
  code: number
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  ms: number
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** kill (SIGKILL, whole process group) after this many ms; default 120 s */
  timeoutMs?: number
  input?: string | Buffer
  /** throw unless the exit code is 0 (default true) */
  check?: boolean
  /** stdout as raw buffer instead of text */
  maxBuffer?: number
}

export class CommandError extends Error {
  constructor(public cmd: string, public result: RunResult) {
    super(`${cmd} failed (${result.timedOut ? 'timed out' : `exit ${result.code}`}): ${(result.stderr || result.stdout).trim().slice(-2000)}`)
  }
}

/** Run a command to completion (guarded, own process group), capture its output. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000
  const check = opts.check ?? true
  const max = opts.maxBuffer ?? 64 * 1024 * 1024
  const t0 = Date.now()
  return new Promise((resolve, reject) => {
    const so: SpawnOptions = { env: opts.env ?? process.env, cwd: opts.cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] }
    const child = spawn(GUARD[0], [...GUARD.slice(1), cmd, ...args], so)
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outLen = 0
    let errLen = 0
    child.stdout!.on('data', (b: Buffer) => { if (outLen < max) { out.push(b); outLen += b.length } })
    child.stderr!.on('data', (b: Buffer) => { if (errLen < max) { err.push(b); errLen += b.length } })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try { process.kill(-child.pid!, 'SIGKILL') } catch { /* gone */ }
    }, timeoutMs)
    child.on('error', (e) => { clearTimeout(timer); reject(e) })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const r: RunResult = {
        code: code ?? 128 + 9,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ms: Date.now() - t0,
      }
      const line = [cmd, ...args].join(' ').slice(0, 300)
      if (check && (r.code !== 0 || timedOut)) reject(new CommandError(line, r))
      else resolve(r)
    })
    child.stdin!.on('error', () => { /* child may not read stdin */ })
    child.stdin!.end(opts.input ?? '')
  })
}

/** Wait until `fn` returns truthy, polling every `everyMs`, at most `limitMs`. */
export async function waitFor<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, limitMs: number, everyMs = 100): Promise<T | undefined> {
  const end = Date.now() + limitMs
  for (let i = 0; i < 100_000 && Date.now() < end; i++) {
    const v = await fn()
    if (v) return v
    await sleep(everyMs)
  }
  return undefined
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or undefined. */
export function procStartTime(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(rest[19])
  } catch {
    return undefined
  }
}

/** Is the process alive (not a zombie), and if `startTime` is given, still the same process? */
export function isAlive(pid: number, startTime?: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (rest[0] === 'Z' || rest[0] === 'X') return false
    return startTime === undefined || Number(rest[19]) === startTime
  } catch {
    return false
  }
}

export function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

export interface ProcInfo {
  pid: number
  cmdline: string
  cwd: string
  state: string
}

/** All processes (best effort; processes may vanish while we look). */
export function listProcs(): ProcInfo[] {
  const procs: ProcInfo[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const pid = Number(name)
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
      let cwd = ''
      try { cwd = fs.readlinkSync(`/proc/${pid}/cwd`) } catch { /* kernel thread or gone */ }
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
      procs.push({ pid, cmdline, cwd, state })
    } catch { /* gone */ }
  }
  return procs
}

export function kill(pid: number, sig: NodeJS.Signals = 'SIGKILL'): void {
  try { process.kill(pid, sig) } catch { /* gone */ }
}

/** Mount points from /proc/mounts (octal escapes decoded). */
export function mountPoints(): string[] {
  return fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[1].replace(/\\(\d{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))))
}

/**
 * Pids living in a sandbox engine's private mount namespace: one that has a tmpfs whose source
 * name starts with `prefix` (sandbox.ts names them <netns>-run / <netns>-data). The runner's own
 * mount namespace and init's are never matched, whatever they contain.
 */
export function procsInSandboxMountNs(prefix: string): number[] {
  const own = new Set<string>()
  for (const p of ['self', '1']) {
    try { own.add(fs.readlinkSync(`/proc/${p}/ns/mnt`)) } catch { /* unreadable */ }
  }
  const seen = new Map<string, boolean>()
  const out: number[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const ns = fs.readlinkSync(`/proc/${name}/ns/mnt`)
      if (own.has(ns)) continue
      let hit = seen.get(ns)
      if (hit === undefined) {
        hit = fs
          .readFileSync(`/proc/${name}/mounts`, 'utf8')
          .split('\n')
          .some((l) => {
            const [src, , type] = l.split(' ')
            return type === 'tmpfs' && src.startsWith(prefix) && /-(run|data)$/.test(src)
          })
        seen.set(ns, hit)
      }
      if (hit) out.push(Number(name))
    } catch { /* gone or kernel thread */ }
  }
  return out
}
