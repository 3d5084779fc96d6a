import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSnippetStatus, pageLink, statusToMarkdown } from '../../scripts/snippets/report-to-site'
import { summaryLine, totals, writeStatus, type Report } from '../../scripts/snippets/report'
import { diffLines } from '../../scripts/snippets/page-runner'
import type { PageResult } from '../../scripts/snippets/page-runner'

const snip = (page: string, line: number, kind: 'run' | 'norun' | 'file', status: any) => ({ id: `${page}#${line}`, page, line, lang: 'sh', kind, status, ms: 1, standins: [] })

function report(pages: PageResult[]): Report {
  return {
    version: 1, date: '2026-11-23T10:00:00.000Z', mode: 'standins', engine: '20.10.24+dfsg1', cli: '28.2.2', compose: '1.29.2',
    args: { pages: [], jobs: 2 }, totals: totals(pages, []), timing: { wallMs: 1, standinsMs: 0, sandboxMs: 0, snippetMs: 0, cleanupMs: 0, overheadMs: 0 },
    standins: { hash: '', built: [], loaded: [] }, syntaxErrors: [], pages,
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

  it('writes the compact status file (docs pages only) and merges partial runs', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-status-')), 'status.json')
    fs.writeFileSync(file, JSON.stringify({ engine: 'old', pages: { 'docs/other.md': { '1': 'passed' }, 'docs/index.md': { '99': 'failed' } } }))
    writeStatus(file, report(pages), false)
    const s = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(s).toEqual({
      engine: '20.10.24+dfsg1', compose: '1.29.2', date: '2026-11-23', mode: 'standins',
      pages: {
        'docs/guide/a.md': { '5': 'passed', '9': 'failed', '12': 'skipped', '20': 'norun' },
        'docs/index.md': { '3': 'passed' },
        'docs/other.md': { '1': 'passed' },
      },
    })
    writeStatus(file, report(pages), true)
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).pages)).toEqual(['docs/guide/a.md', 'docs/index.md'])

    const site = loadSnippetStatus(file)!
    expect(site.totals).toEqual({ pages: 2, passed: 2, failed: 1, skipped: 1, norun: 1 })
    expect(site.pages[0]).toMatchObject({ page: 'docs/guide/a.md', link: '/guide/a', failed: 1 })
    expect(statusToMarkdown(site)).toContain('| [guide/a.md](/guide/a) | 1 | 1 | 1 |')
    expect(loadSnippetStatus(file + '.missing')).toBeUndefined()
    expect(statusToMarkdown(undefined)).toContain('npm run test:snippets')
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
