/**
 * End-to-end: the CLI on fixture pages, against real sandbox engines (needs root, docker.io,
 * and the stand-in cache; the first run builds the stand-ins, a few minutes).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURES, runCli, settledLeftovers, testStateDir, total } from './helpers'

const STATE = testStateDir('runner')
const env = { SNIPPETS_STATE_DIR: STATE }

describe('snippet runner', () => {
  afterAll(async () => {
    expect(total(await settledLeftovers(STATE))).toBe(0)
  })

  it('passes a page that exercises sessions, files, console matching, images, compose and swarm; the next page starts empty', async () => {
    const r = await runCli(['--jobs', '1', '--page', `${FIXTURES}/pass.md`, '--page', `${FIXTURES}/second.md`], env)
    // every page runs on both image stores
    expect(r.out, r.out).toMatch(/\n26 passed, 0 failed, 2 skipped\n/)
    expect(r.out.trimEnd().split('\n').pop()).toBe('26 passed, 0 failed, 2 skipped')
    expect(r.code).toBe(0)
    const rep = r.report
    expect(rep.totals).toMatchObject({ passed: 26, failed: 0, skipped: 2, pages: 4, syntaxErrors: 0 })
    expect(rep.laneTotals.containerd).toMatchObject({ passed: 13, failed: 0, skipped: 1 })
    expect(rep.laneTotals.overlay2).toMatchObject({ passed: 13, failed: 0, skipped: 1 })
    // the pinned engine, never a host Docker: Engine 28 with the real Compose v2 and buildx
    expect(Number(rep.engine.split('.')[0])).toBeGreaterThanOrEqual(28)
    expect(rep.compose).toMatch(/^2\.\d+\.\d+$/)
    expect(rep.buildx).toMatch(/^0\.\d+\.\d+$/)
    expect(rep.enginePackages.packages['docker.io']).toMatch(/^28\./)
    expect(r.out).toMatch(/engine: Docker Engine 28\.\S+, CLI 28\.\S+, Compose 2\.\S+, buildx 0\.\S+/)
    expect(rep.timing.wallMs).toBeGreaterThan(0)
    expect(rep.timing.lanes.containerd.pages).toBe(2)
    expect(rep.timing.lanes.overlay2.pages).toBe(2)
    const pass = rep.pages.find((p: any) => p.page.endsWith('pass.md') && p.lane === 'containerd')
    expect(rep.pages.find((p: any) => p.page.endsWith('pass.md') && p.lane === 'overlay2').status).toBe('passed')
    const byLine = (l: number) => pass.snippets.find((s: any) => s.line === l)
    // file= after `cd app` lands in app/
    expect(byLine(38)).toMatchObject({ kind: 'file', status: 'written', reason: 'written to app/Dockerfile' })
    // stand-ins used, from the text and from the registry log
    expect(byLine(78).standins).toContain('nginx:latest')
    expect(byLine(97).standins).toContain('redis:7')
    // expected failure keeps the shell alive
    expect(byLine(62)).toMatchObject({ status: 'passed', exit: 3, expectedExit: 3 })
    expect(byLine(137)).toMatchObject({ kind: 'norun', status: 'skipped', reason: '示例：需要 Kubernetes 集群' })
    expect(byLine(117)).toMatchObject({ kind: 'file', status: 'passed' })
    for (const s of pass.snippets) expect(typeof s.id).toBe('string')
  })

  it('reports a console output mismatch with an expected-vs-actual diff and skips the rest of the page', async () => {
    const r = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/fail-output.md`], env)
    expect(r.code).toBe(1)
    expect(r.out).toContain('✗ [overlay2] tests/snippets/fixtures/fail-output.md:9 console')
    expect(r.out).toMatch(/line 10: \$ echo one; echo two; echo three\n\s+output does not match/)
    expect(r.out).toMatch(/--- expected\n\s+\+\+\+ actual\n\s+ one\n\s+\+two\n\s+-TWO\n\s+ three/)
    expect(r.out).toContain('- [overlay2] tests/snippets/fixtures/fail-output.md:16 sh (not run: the snippet at line 9 failed)')
    expect(r.out.trimEnd().split('\n').pop()).toBe('0 passed, 1 failed, 1 skipped')
    const s = r.report.pages[0].snippets[0]
    expect(s.status).toBe('failed')
    expect(s.detail).toContain('-TWO')
  })

  it('copies the built site for dist= snippets, and fails naming page and line when there is no build', async () => {
    const ok = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/dist.md`], { ...env, KB_DIST: `${FIXTURES}/dist-site` })
    expect(ok.out.trimEnd().split('\n').pop(), ok.out).toBe('2 passed, 0 failed, 0 skipped')
    expect(ok.code).toBe(0)
    const missing = `/nonexistent-${process.pid}/dist`
    const bad = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/dist.md`], { ...env, KB_DIST: missing })
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('✗ [overlay2] tests/snippets/fixtures/dist.md:13 console')
    expect(bad.out).toContain(`tests/snippets/fixtures/dist.md:13: dist=site needs the built site, but ${missing}/index.html does not exist: run \`npm run build\` first`)
    expect(bad.out.trimEnd().split('\n').pop()).toBe('1 passed, 1 failed, 0 skipped')
  })

  it('reports a wrong exit status', async () => {
    const r = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/fail-exit.md`], env)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/✗ \[overlay2\] tests\/snippets\/fixtures\/fail-exit\.md:9 sh .*\n\s+exit status 1, expected 0\n\s+output:\n\s+\| ok so far/)
    expect(r.out).not.toContain('not reached')
    expect(r.report.pages[0].snippets[0]).toMatchObject({ status: 'failed', exit: 1, expectedExit: 0 })
  })

  it('kills a snippet at its timeout and reports it', async () => {
    const t0 = Date.now()
    const r = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/fail-timeout.md`], env)
    // the whole CLI run (preflight, engine start, stand-in check) stays bounded; that the snippet
    // itself was killed at its 2 s limit is checked on its progress line below (2.x s)
    expect(Date.now() - t0).toBeLessThan(120_000)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/fail-timeout\.md:9 sh 2\.\d s\n\s+timed out after 2 s/)
    expect(r.out.trimEnd().split('\n').pop()).toBe('0 passed, 1 failed, 1 skipped')
  })

  it('reports a convention error as file:line and fails', async () => {
    const r = await runCli(['--page', `${FIXTURES}/syntax-error.md`], env)
    expect(r.code).toBe(1)
    expect(r.out).toContain('tests/snippets/fixtures/syntax-error.md:9: shell snippet must say "run" or norun="reason"')
    expect(r.report.syntaxErrors).toEqual([{ file: 'tests/snippets/fixtures/syntax-error.md', line: 9, message: expect.stringContaining('must say "run"') }])
    expect(r.out.trimEnd().split('\n').pop()).toBe('0 passed, 1 failed, 0 skipped')
  })

  it('refuses to run without root, with a clear message', async () => {
    const r = await runCli(['--lane', 'overlay2', '--page', `${FIXTURES}/fail-exit.md`], { ...env, HOME: '/tmp' }, ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'])
    expect(r.code).toBe(2)
    expect(r.out).toMatch(/cannot run here:\n\s+- the snippet runner must run as root/)
  })
})
