/**
 * The build half of `npm run bench` (scripts/bench.ts): our site and the stock baseline
 * (scripts/lib/bench-stock.ts), cold and warm, interleaved, order alternating per round.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

export type Site = 'ours' | 'stock'
export interface BuildTimes { coldMs: number[]; warmMs: number[]; coldCpuMs: number[]; warmCpuMs: number[]; loads: string[] }
/** One build: wall and CPU time in ms. `env` is the environment the build must run with. */
export type BuildFn = (which: Site, env: NodeJS.ProcessEnv) => { wallMs: number; cpuMs: number }

export interface BuildBenchOptions {
  rounds: number
  build: BuildFn
  /** our output folder and VitePress cache folder (both removed for a cold build) */
  distDir: string
  cacheDir: string
  /** the stock site's folder (its .vitepress/cache and dist are removed for a cold build) */
  stockDir: string
  /** current load, for the report */
  load: () => string
  log?: (line: string) => void
}

/**
 * Run the cold/warm build pairs. "cold" = a fresh clone: no VitePress cache, no output, no diagram
 * cache, no build cache (core/content-cache.ts). Returns the times per site.
 *
 * Our builds run with KB_BUILD_CACHE and KB_DIAGRAM_CACHE pointing into a temp folder of the
 * bench's own, emptied for each cold build and removed at the end (also on a failed build): the
 * developer's caches in node_modules/.cache stay as they were (the bench used to delete them, so
 * the next `npm run build` after a bench was cold).
 */
export function runBuildBench(o: BuildBenchOptions): Record<Site, BuildTimes> {
  const empty = (): BuildTimes => ({ coldMs: [], warmMs: [], coldCpuMs: [], warmCpuMs: [], loads: [] })
  const times: Record<Site, BuildTimes> = { ours: empty(), stock: empty() }
  const caches = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-caches-'))
  const env: NodeJS.ProcessEnv = { ...process.env, KB_BUILD_CACHE: path.join(caches, 'kb-build'), KB_DIAGRAM_CACHE: path.join(caches, 'kb-diagrams') }
  const makeCold = (which: Site) => {
    const dirs = which === 'ours' ? [o.cacheDir, o.distDir, env.KB_BUILD_CACHE!, env.KB_DIAGRAM_CACHE!] : ['.vitepress/cache', '.vitepress/dist'].map((d) => path.join(o.stockDir, d))
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  }
  try {
    buildRounds(o, times, makeCold, env)
  } finally {
    fs.rmSync(caches, { recursive: true, force: true })
  }
  return times
}

function buildRounds(o: BuildBenchOptions, times: Record<Site, BuildTimes>, makeCold: (which: Site) => void, env: NodeJS.ProcessEnv) {
  for (let r = 0; r < o.rounds; r++) {
    // interleaved, order alternating per round, so load changes hit both sites alike
    const order: Site[] = r % 2 ? ['ours', 'stock'] : ['stock', 'ours']
    for (const kind of ['cold', 'warm'] as const) {
      for (const which of order) {
        const l = o.load()
        if (kind === 'cold') makeCold(which)
        const t = o.build(which, which === 'ours' ? env : process.env)
        times[which][`${kind}Ms`].push(t.wallMs)
        times[which][`${kind}CpuMs`].push(t.cpuMs)
        times[which].loads.push(l)
        o.log?.(`build ${which} ${kind}: ${(t.wallMs / 1000).toFixed(1)} s wall, ${(t.cpuMs / 1000).toFixed(1)} s CPU (load ${l})`)
      }
    }
  }
}

/**
 * Run a command and measure its wall time and CPU time (user + system) of its WHOLE process tree.
 *
 * Why not plain `/usr/bin/time cmd`: the kernel adds a process's CPU time to its parent's only when
 * the parent waits for it. Chromium (the build renders Mermaid diagrams in it, core/diagrams/render.ts)
 * forks its renderers from a zygote process that exits without waiting for them; they are re-parented
 * to PID 1 and their CPU time never reaches `time`. Measured 2026-12-01 (all 97 diagrams, a cold
 * diagram cache, `scripts/check-diagrams.ts`): 46.8 s CPU summed over the process tree by /proc, 15.6 s
 * counted by rusage. So the command runs as PID 1 of a new PID namespace's shell (`unshare --pid
 * --fork bash -c 'cmd; wait'`): every orphan in the tree is re-parented to that shell, which reaps it,
 * and its CPU time reaches `time`. Needs root or unprivileged user namespaces; without them the
 * command runs as before and `treeCounted` is false (the report says so).
 * Input: command, arguments, environment. Output: wall and CPU ms. Throws if the command fails.
 */
export function timedCpu(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { wallMs: number; cpuMs: number; treeCounted: boolean } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-time-'))
  const rusage = path.join(dir, 'time')
  try {
    const treeCounted = canUnsharePid()
    // "$@" keeps the arguments as they are (no shell quoting of ours); `wait` lets the shell reap orphans
    const argv = treeCounted ? ['unshare', '--pid', '--fork', 'bash', '-c', '"$@"; s=$?; wait; exit $s', 'kb-bench', cmd, ...args] : [cmd, ...args]
    const t = Date.now()
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', rusage, ...argv], { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 30 * 60_000 })
    const wallMs = Date.now() - t
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`)
    const [user, sys] = fs.readFileSync(rusage, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
    return { wallMs, cpuMs: Math.round((user + sys) * 1000), treeCounted }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

let unshareOk: boolean | undefined
/** Can this process start a command in a new PID namespace? (checked once) */
function canUnsharePid(): boolean {
  unshareOk ??= spawnSync('unshare', ['--pid', '--fork', 'true'], { stdio: 'ignore' }).status === 0
  return unshareOk
}
