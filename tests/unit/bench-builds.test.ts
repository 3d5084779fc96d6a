import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// `npm run bench` makes our build cold by emptying the build caches. It used to delete the
// developer's own caches (node_modules/.cache/kb-build, kb-diagrams): after a bench, the next
// `npm run build` started cold. The bench's builds must use caches of their own, removed after.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-builds-test-'))
const devBuild = path.join(tmp, 'dev/kb-build')
const devDiagrams = path.join(tmp, 'dev/kb-diagrams')
for (const d of [devBuild, devDiagrams]) {
  fs.mkdirSync(d, { recursive: true })
  fs.writeFileSync(path.join(d, 'entry.json'), '{}')
}
// the developer's cache folders, as core/content-cache.ts and core/diagrams/render.ts read them at import
process.env.KB_BUILD_CACHE = devBuild
process.env.KB_DIAGRAM_CACHE = devDiagrams
const bench = await import('../../scripts/lib/bench-builds')
const { runBuildBench } = bench

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('runBuildBench', () => {
  const seen: { which: string; build?: string; diagrams?: string; hadEntries: boolean }[] = []
  const times = runBuildBench({
    rounds: 2,
    distDir: path.join(tmp, 'dist'),
    cacheDir: path.join(tmp, 'vp-cache'),
    stockDir: path.join(tmp, 'stock'),
    load: () => '0.00',
    // a fake build: notes which caches it was given and whether they held entries, then fills them
    build: (which, env) => {
      const dirs = [env.KB_BUILD_CACHE, env.KB_DIAGRAM_CACHE]
      seen.push({ which, build: dirs[0], diagrams: dirs[1], hadEntries: dirs.every((d) => d && fs.existsSync(path.join(d, 'x.json'))) })
      if (which === 'ours') {
        for (const d of dirs) {
          fs.mkdirSync(d!, { recursive: true })
          fs.writeFileSync(path.join(d!, 'x.json'), '{}')
        }
      }
      return { wallMs: 1, cpuMs: 1 }
    },
  })

  it('runs cold and warm builds of both sites, interleaved', () => {
    expect(times.ours.coldMs).toHaveLength(2)
    expect(times.stock.warmCpuMs).toHaveLength(2)
    expect(seen.map((s) => s.which)).toEqual(['stock', 'ours', 'stock', 'ours', 'ours', 'stock', 'ours', 'stock'])
  })
  it("leaves the developer's build and diagram caches alone", () => {
    expect(fs.existsSync(path.join(devBuild, 'entry.json'))).toBe(true)
    expect(fs.existsSync(path.join(devDiagrams, 'entry.json'))).toBe(true)
  })
  it('gives our builds caches of their own: empty for a cold build, kept for the warm one, removed after', () => {
    const ours = seen.filter((s) => s.which === 'ours')
    for (const s of ours) {
      expect(s.build).toBeDefined()
      expect(s.diagrams).toBeDefined()
      expect(s.build).not.toBe(devBuild)
      expect(s.diagrams).not.toBe(devDiagrams)
    }
    // order per round: cold, warm
    expect(ours.map((s) => s.hadEntries)).toEqual([false, true, false, true])
    for (const s of ours) {
      expect(fs.existsSync(s.build!)).toBe(false)
      expect(fs.existsSync(s.diagrams!)).toBe(false)
    }
  })
})

describe('timedCpu', () => {
  // Chromium's renderers are orphaned (their zygote exits without waiting for them) and their CPU
  // time never reached /usr/bin/time: a diagram render's chromium CPU was missing from our build's
  // number. Here a CPU-bound node process is orphaned the same way (its parent `sh` exits at once)
  // and must be counted about as much as the same process run directly.
  const { timedCpu } = bench
  const done = path.join(tmp, 'orphan-done')
  // 1e8 steps: ~0.3-0.8 s of CPU, far above what the shells around the orphan spend (~10-20 ms,
  // what an uncounted orphan would leave); 3e8 took ~17 s of wall time on a loaded 2-core machine
  const loop = `let x=0;for(let i=0;i<1e8;i++)x+=i;require('fs').writeFileSync(process.argv[1],String(process.pid||x))`
  it('counts the CPU time of an orphaned grandchild like that of a direct child', () => {
    const direct = timedCpu('node', ['-e', loop, path.join(tmp, 'direct-done')])
    // the orphan writes its pid when done; the command ends once it has exited (as a build outlives its chromium)
    const orphan = timedCpu('bash', ['-c', `sh -c 'node -e "$1" "$2" &' sh "$0" "$1"; while [ ! -s "$1" ]; do sleep 0.5; done; p=$(cat "$1"); while kill -0 "$p" 2>/dev/null; do sleep 0.2; done`, loop, done])
    expect(fs.existsSync(done)).toBe(true)
    expect(direct.cpuMs).toBeGreaterThan(100)
    expect(orphan.treeCounted).toBe(true)
    expect(orphan.cpuMs).toBeGreaterThan(0.6 * direct.cpuMs)
  }, 300_000)
})
