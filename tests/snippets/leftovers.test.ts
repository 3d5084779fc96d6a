/**
 * Nothing of a run may stay on the host: mounts, network namespaces, processes (dockerd,
 * containerd, shims, registries, page shells and what snippets started), cgroups, temp dirs —
 * after a normal run, after SIGINT halfway, and after SIGKILL once the next run has swept.
 * Counts are taken for this test's own state directory, so other runs on the machine do not
 * disturb them.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { FIXTURES, leftovers, runCli, settledLeftovers, startCli, testStateDir, total, waitForOutput } from './helpers'

const STATE = testStateDir('leftovers')
const env = { SNIPPETS_STATE_DIR: STATE }
const show = (l: object) => JSON.stringify(l, null, 2)

function hostCounts() {
  return {
    mounts: spawnSync('sh', ['-c', 'wc -l < /proc/mounts'], { encoding: 'utf8' }).stdout.trim(),
    netns: spawnSync('sh', ['-c', 'ip netns list | wc -l'], { encoding: 'utf8' }).stdout.trim(),
  }
}

describe('leftovers', () => {
  it('starts from nothing', () => {
    expect(total(leftovers(STATE)), show(leftovers(STATE))).toBe(0)
  })

  it('leaves nothing after a full run whose page starts containers, background processes, volumes, networks and swarm', async () => {
    const before = hostCounts()
    const r = await runCli(['--page', `${FIXTURES}/leftovers.md`], env)
    expect(r.code, r.out).toBe(0)
    expect(r.out.trimEnd().split('\n').pop()).toBe('4 passed, 0 failed, 0 skipped') // both image stores
    const after = await settledLeftovers(STATE)
    expect(total(after), show(after)).toBe(0)
    console.log('host mounts/netns before and after (all users of this machine):', before, hostCounts())
  })

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('leaves nothing after %s in the middle of a page', async (sig, code) => {
    const run = startCli(['--page', `${FIXTURES}/slow.md`], env)
    expect(await waitForOutput(run.output, /slow\.md:9 sh/, 120_000), run.output()).toBe(true)
    await new Promise((r) => setTimeout(r, 1500)) // the second snippet is now sleeping
    const during = leftovers(STATE)
    expect(during.procs.length).toBeGreaterThan(3)
    // one sandbox per image store, both running the page
    expect(during.netns.length).toBe(2)
    run.child.kill(sig)
    const t0 = Date.now()
    const r = await run.done
    expect(Date.now() - t0).toBeLessThan(30_000)
    expect(r.code).toBe(code)
    expect(r.out).toContain(`${sig}: stopping`)
    expect(r.report.aborted).toBe(sig)
    // what ran before the interrupt is still reported
    // (on at least one image store: the other lane's sandbox may not have got that far)
    const first = r.report.pages.map((p: any) => p.snippets.find((x: any) => x.line === 9)).filter(Boolean)
    expect(first.some((x: any) => x.status === 'passed'), JSON.stringify(r.report.pages)).toBe(true)
    expect(r.report.pages.every((p: any) => p.snippets.some((x: any) => x.reason === `run interrupted by ${sig}`) || p.status === 'passed')).toBe(true)
    const after = await settledLeftovers(STATE)
    expect(total(after), show(after)).toBe(0)
  })

  it('after SIGKILL the kernel ends every process at once, and the next run sweeps the rest', async () => {
    const run = startCli(['--page', `${FIXTURES}/slow.md`], env)
    expect(await waitForOutput(run.output, /slow\.md:9 sh/, 120_000), run.output()).toBe(true)
    await new Promise((r) => setTimeout(r, 1500))
    expect(leftovers(STATE).procs.length).toBeGreaterThan(3)
    run.child.kill('SIGKILL')
    await run.done
    // pdeathsig + PID namespaces: no process survives the runner
    let l = leftovers(STATE)
    const end = Date.now() + 10_000
    while (l.procs.length && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 200))
      l = leftovers(STATE)
    }
    expect(l.procs, show(l)).toEqual([])
    // its netns, cgroups and directory are still there for the next run to sweep
    expect(l.netns.length + l.dirs.length).toBeGreaterThan(0)
    const next = await runCli(['--page', `${FIXTURES}/fail-exit.md`], env)
    expect(next.out).toMatch(/swept 1 stale run\(s\)/)
    const after = await settledLeftovers(STATE)
    expect(total(after), show(after)).toBe(0)
  })
})
