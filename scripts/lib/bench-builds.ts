/**
 * The build half of `npm run bench` (scripts/bench.ts): our site and the stock baseline
 * (scripts/lib/bench-stock.ts), cold and warm, interleaved, order alternating per round.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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
