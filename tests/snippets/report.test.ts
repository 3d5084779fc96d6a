import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeStatus, pageLink, readStatus } from '../../core/snippet-status'
import { summaryLine, totals, recordStatus, type Report } from '../../scripts/snippets/report'
import { diffLines } from '../../scripts/snippets/page-runner'
import type { PageResult } from '../../scripts/snippets/page-runner'

// ids as extract.ts makes them: page#<content hash>; here the hash is derived from the line
const snip = (page: string, line: number, kind: 'run' | 'norun' | 'file', status: any, lane: 'containerd' | 'overlay2' = 'overlay2', reason?: string) =>
  ({ id: `${page}#h${line}`, page, line, lang: 'sh', kind, status, ms: 1, standins: [], lane, ...(reason ? { reason } : {}) })

function report(pages: PageResult[]): Report {
  return {
    version: 2, date: '2026-11-29T10:00:00.000Z', mode: 'standins', engine: '28.5.2', cli: '28.5.2', compose: '2.40.3', buildx: '0.29.1', containerd: '2.1.9',
    enginePackages: { suite: 'forky', packages: {}, substituted: [] }, lanes: ['containerd', 'overlay2'],
    args: { pages: [], jobs: 2, lanes: ['containerd', 'overlay2'] }, totals: totals(pages, []), pairs: { pagesRun: 0, pagesCovered: 0, covered: [], translated: [] }, laneTotals: {},
    timing: { wallMs: 1, engineMs: 0, engineFetched: false, standinsMs: 0, sandboxMs: 0, snippetMs: 0, cleanupMs: 0, overheadMs: 0, lanes: {} },
    standins: { hash: '', built: [], loaded: [] }, machine: { cpus: 2, loadStart: 0, loadEnd: 0 }, syntaxErrors: [], pages,
  }
}

describe('reports', () => {
  const pages: PageResult[] = [
    { page: 'docs/guide/a.md', status: 'failed', ms: 1, snippetMs: 1, snippets: [snip('docs/guide/a.md', 5, 'run', 'passed'), snip('docs/guide/a.md', 9, 'run', 'failed'), snip('docs/guide/a.md', 12, 'run', 'skipped'), snip('docs/guide/a.md', 20, 'norun', 'skipped'), snip('docs/guide/a.md', 25, 'file', 'written')] },
    { page: 'docs/index.md', status: 'passed', ms: 1, snippetMs: 1, snippets: [snip('docs/index.md', 3, 'run', 'passed')] },
    { page: 'tests/snippets/fixtures/x.md', status: 'passed', ms: 1, snippetMs: 1, snippets: [snip('tests/snippets/fixtures/x.md', 3, 'run', 'passed')] },
  ]

  it('counts norun as skipped and prints the closing line', () => {
    const t = totals(pages, [{ file: 'docs/b.md', line: 3, message: 'x' }])
    expect(t).toMatchObject({ passed: 3, failed: 2, skipped: 2, syntaxErrors: 1 })
    expect(summaryLine(t)).toBe('3 passed, 2 failed, 2 skipped')
  })

  it('writes the compact status file keyed by content id (docs pages only) and merges partial runs', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-status-')), 'status.json')
    fs.writeFileSync(file, JSON.stringify({ engine: 'old', pages: { 'docs/other.md': { aa: { line: 1, status: 'passed' } }, 'docs/index.md': { bb: { line: 99, status: 'failed' } } } }))
    recordStatus(file, report(pages), false)
    const s = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(s).toEqual({
      engine: '28.5.2', compose: '2.40.3', buildx: '0.29.1', containerd: '2.1.9', stores: ['containerd', 'overlay2'], date: '2026-11-29', mode: 'standins',
      pages: {
        'docs/guide/a.md': {
          h5: { line: 5, status: 'passed', stores: ['overlay2'] },
          h9: { line: 9, status: 'failed' },
          h12: { line: 12, status: 'skipped' },
          h20: { line: 20, status: 'norun' },
        },
        'docs/index.md': { h3: { line: 3, status: 'passed', stores: ['overlay2'] } },
        'docs/other.md': { aa: { line: 1, status: 'passed' } },
      },
    })
    recordStatus(file, report(pages), true)
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).pages)).toEqual(['docs/guide/a.md', 'docs/index.md'])

    expect(readStatus(file).pages['docs/guide/a.md'].h9.status).toBe('failed')
    expect(readStatus(file + '.missing')).toEqual({ pages: {} }) // no run yet: no badges
  })

  it('refuses a broken status file with its name, instead of overwriting it or showing no badges', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-status-'))
    fs.writeFileSync(path.join(dir, 'a.json'), '{"pages": {"docs/a.md": {"x": {"line": 3, "status": "passd"}}}}')
    expect(() => readStatus(path.join(dir, 'a.json'))).toThrow(/a\.json: not a snippet status file: .*status/)
    expect(() => recordStatus(path.join(dir, 'a.json'), report(pages), false)).toThrow(/a\.json/)
    fs.writeFileSync(path.join(dir, 'b.json'), '{"pages": ')
    expect(() => readStatus(path.join(dir, 'b.json'))).toThrow(/b\.json: not JSON/)
  })

  it('merges the status files of shards page by page, and only runs of one engine', () => {
    const a = { engine: '28.5.2', compose: '2.40.3', mode: 'standins', pages: { 'docs/a.md': { x: { line: 1, status: 'passed' as const } }, 'docs/b.md': { y: { line: 2, status: 'failed' as const } } } }
    const b = { engine: '28.5.2', compose: '2.40.3', mode: 'standins', pages: { 'docs/b.md': { y: { line: 2, status: 'passed' as const } } } }
    expect(mergeStatus([{ file: 'a', status: a }, { file: 'b', status: b }]).pages).toEqual({ 'docs/a.md': a.pages['docs/a.md'], 'docs/b.md': b.pages['docs/b.md'] })
    expect(() => mergeStatus([{ file: 'a', status: a }, { file: 'b', status: { ...b, engine: '29.0.0' } }])).toThrow(/a: engine 28\.5\.2 differs/)
  })

  it('combines the two lanes: passed on both, failed on either, store-only snippets', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-status-')), 'status.json')
    const p = 'docs/x.md'
    const lanes: PageResult[] = [
      { page: p, lane: 'containerd', status: 'failed', ms: 1, snippetMs: 1, snippets: [snip(p, 1, 'run', 'passed', 'containerd'), snip(p, 2, 'run', 'failed', 'containerd'), snip(p, 3, 'run', 'passed', 'containerd'), snip(p, 4, 'run', 'skipped', 'containerd', 'only for the overlay2 image store')] },
      { page: p, lane: 'overlay2', status: 'passed', ms: 1, snippetMs: 1, snippets: [snip(p, 1, 'run', 'passed', 'overlay2'), snip(p, 2, 'run', 'passed', 'overlay2'), snip(p, 3, 'run', 'skipped', 'overlay2', 'only for the containerd image store'), snip(p, 4, 'run', 'passed', 'overlay2')] },
    ]
    recordStatus(file, report(lanes), true)
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pages[p]).toEqual({
      h1: { line: 1, status: 'passed', stores: ['containerd', 'overlay2'] },
      h2: { line: 2, status: 'failed', stores: ['overlay2'] },
      h3: { line: 3, status: 'passed', stores: ['containerd'] },
      h4: { line: 4, status: 'passed', stores: ['overlay2'] },
    })
  })

  it('links pages like VitePress', () => {
    expect(pageLink('docs/index.md')).toBe('/')
    expect(pageLink('docs/guide/index.md')).toBe('/guide/')
    expect(pageLink('docs/en/guide/x.md')).toBe('/en/guide/x')
  })

  it('diffs expected against actual output, honouring wildcards', () => {
    expect(diffLines(['a', '...', 'id: [...]', 'z'], ['a', 'b', 'c', 'id: 42', 'y'])).toBe(['--- expected', '+++ actual', ' a', ' b', ' c', ' id: 42', '+y', '-z'].join('\n'))
  })
})
