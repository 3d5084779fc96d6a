/**
 * End-to-end (needs root and the engine, like runner.test.ts): a Chinese page and its translation
 * run each snippet text once. Fixtures under tests/snippets/fixtures/docs/ pair like the site's
 * pages (core/translation.ts): same.md / en/same.md have the same executed fences (the translation
 * is not run and borrows the results), echo.md / en/echo.md differ by a translated echo string
 * (the translation runs, on one image store).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURES, runCli, settledLeftovers, testStateDir, total } from './helpers'
import { recordStatus } from '../../scripts/snippets/report'
import { readStatus } from '../../core/snippet-status'

const STATE = testStateDir('pairs')
const env = { SNIPPETS_STATE_DIR: STATE }
const D = `${FIXTURES}/docs`

describe('translations run once per distinct text', () => {
  afterAll(async () => {
    expect(total(await settledLeftovers(STATE))).toBe(0)
  })

  it('runs an identical translation zero times and a differing one on one store; both get results', async () => {
    // only the translations are named: their sources join the run
    const r = await runCli(['--jobs', '2', '--page', `${D}/en/same.md`, '--page', `${D}/en/echo.md`], env)
    expect(r.code, r.out).toBe(0)
    const rep = r.report
    const runs = (page: string) => rep.pages.filter((p: any) => p.page === `${D}/${page}` && !p.coveredBy).map((p: any) => p.lane).sort()
    // what the engine ran: sources on both stores, the differing translation on overlay2 only
    expect(r.out).toContain(`${D}/en/same.md: adding its source ${D}/same.md`)
    expect(runs('same.md')).toEqual(['containerd', 'overlay2'])
    expect(runs('echo.md')).toEqual(['containerd', 'overlay2'])
    expect(runs('en/echo.md')).toEqual(['overlay2'])
    expect(runs('en/same.md')).toEqual([])
    expect(r.out).not.toContain(`▶ [containerd] ${D}/en/same.md`)
    expect(r.out).not.toContain(`▶ [overlay2] ${D}/en/same.md`)
    expect(rep.pairs).toEqual({
      pagesRun: 3,
      pagesCovered: 1,
      covered: [{ page: `${D}/en/same.md`, source: `${D}/same.md` }],
      translated: [{ page: `${D}/en/echo.md`, source: `${D}/echo.md`, lanes: ['overlay2'] }],
    })
    // counted once: same.md 2 run snippets × 2 stores, echo.md 2 × 2, en/echo.md 2 × 1, norun 1 × 2
    expect(rep.totals).toMatchObject({ passed: 10, failed: 0, skipped: 2 })
    expect(r.out.trimEnd().split('\n').pop()).toBe('10 passed, 0 failed, 2 skipped; 3 pages ran, 1 covered by their pair')

    // the covered translation has every fence's result, at its own lines, from its source
    const covered = rep.pages.filter((p: any) => p.page === `${D}/en/same.md`)
    expect(covered.map((p: any) => [p.lane, p.coveredBy, p.status])).toEqual([['containerd', `${D}/same.md`, 'passed'], ['overlay2', `${D}/same.md`, 'passed']])
    expect(covered[0].snippets.map((s: any) => [s.line, s.kind, s.status])).toEqual([[14, 'run', 'passed'], [19, 'run', 'passed'], [24, 'norun', 'skipped']])
    const en = rep.pages.find((p: any) => p.page === `${D}/en/echo.md`)
    expect(en.snippets.map((s: any) => [s.line, s.status])).toEqual([[9, 'passed'], [14, 'passed']])

    // the status file (fixtures are outside docs/: record them as if they were site pages)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-pairs-')), 'status.json')
    const asSite = (p: string) => p.replace(`${FIXTURES}/`, '')
    recordStatus(file, { ...rep, pages: rep.pages.map((p: any) => ({ ...p, page: asSite(p.page), ...(p.coveredBy ? { coveredBy: asSite(p.coveredBy) } : {}) })) }, true)
    const st = readStatus(file).pages
    expect(Object.keys(st).sort()).toEqual(['docs/echo.md', 'docs/en/echo.md', 'docs/en/same.md', 'docs/same.md'])
    const view = (page: string) => Object.values(st[page]).map((e) => [e.line, e.status, e.stores, e.from])
    expect(view('docs/en/same.md')).toEqual([[14, 'passed', ['containerd', 'overlay2'], 'docs/same.md'], [19, 'passed', ['containerd', 'overlay2'], 'docs/same.md'], [24, 'norun', undefined, undefined]])
    expect(view('docs/en/echo.md')).toEqual([[9, 'passed', ['overlay2'], undefined], [14, 'passed', ['overlay2'], undefined]])
    expect(view('docs/same.md').map((v) => v[2])).toEqual([['containerd', 'overlay2'], ['containerd', 'overlay2'], undefined])
  })
})
