/**
 * Pairs of a Chinese page and its translation (core/translation.ts) and the snippet harness's
 * decision to run a translation or borrow its source's results (scripts/snippets/pairs.ts), the
 * status entries that decision writes (report.ts) and the badges they render (snippet-fence.ts).
 * Pure: no root, no Docker.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { sourceOfTranslation, translationOf } from '../../core/translation'
import { readStatus } from '../../core/snippet-status'
import { extractFencesFromString } from '../../scripts/snippets/extract'
import { coveredResults, executionKeys, planPairs, translationLanes } from '../../scripts/snippets/pairs'
import { recordStatus, summaryLine, totals, type Report } from '../../scripts/snippets/report'
import type { PageResult, SnippetResult } from '../../scripts/snippets/page-runner'
import { snippetFencePlugin } from '../../.vitepress/plugins/snippet-fence'
import { snippetBadges } from './lib/snippet-badges'
import { freezePage } from '../../scripts/lib/versions'

const fm = '---\ntitle: t\n---\n'
const zh = `${fm}\n# 页面\n\n\`\`\`sh run\necho hi > a.txt\n\`\`\`\n\n\`\`\`console run\n$ cat a.txt\nhi\n\`\`\`\n\n\`\`\`sh norun="示例"\nkubectl get pods\n\`\`\`\n`
// same executed fences on other lines, a translated norun reason and translated prose
const enSame = `${fm}\n# Page\n\nMore prose\nhere.\n\n\`\`\`sh run\necho hi > a.txt\n\`\`\`\n\nText.\n\n\`\`\`console run\n$ cat a.txt\nhi\n\`\`\`\n\n\`\`\`sh norun="example"\nkubectl get pods\n\`\`\`\n`
// a translated echo string: output differs
const enEcho = `${fm}\n# Page\n\n\`\`\`sh run\necho hello > a.txt\n\`\`\`\n\n\`\`\`console run\n$ cat a.txt\nhello\n\`\`\`\n`
const page = (p: string, src: string) => ({ page: p, fences: extractFencesFromString(src, p) })

describe('translation pairs (core/translation.ts)', () => {
  it('maps a page to its translation and back, in repo and docs-relative form', () => {
    expect(sourceOfTranslation('docs/en/guide/why.md')).toBe('docs/guide/why.md')
    expect(sourceOfTranslation('en/guide/why.md')).toBe('guide/why.md')
    expect(sourceOfTranslation('docs/en/index.md')).toBe('docs/index.md')
    expect(sourceOfTranslation('tests/snippets/fixtures/docs/en/same.md')).toBe('tests/snippets/fixtures/docs/same.md')
    expect(translationOf('docs/guide/why.md')).toBe('docs/en/guide/why.md')
    expect(translationOf('guide/why.md')).toBe('en/guide/why.md')
    expect(translationOf('docs/index.md')).toBe('docs/en/index.md')
  })

  it('has no pair for Chinese pages (as translations), English pages (as sources), releases and data', () => {
    expect(sourceOfTranslation('docs/guide/why.md')).toBeUndefined()
    expect(sourceOfTranslation('docs/enterprise/x.md')).toBeUndefined()
    expect(translationOf('docs/en/guide/why.md')).toBeUndefined()
    expect(translationOf('docs/v/2026.11/guide/why.md')).toBeUndefined()
    expect(translationOf('docs/data/commands/x.md')).toBeUndefined()
  })
})

describe('which pages run (scripts/snippets/pairs.ts)', () => {
  const zhPage = page('docs/guide/a.md', zh)

  it('keys a page by its executed fences only (run, file), not norun or line numbers', () => {
    expect(executionKeys(page('docs/en/guide/a.md', enSame).fences)).toEqual(executionKeys(zhPage.fences))
    expect(executionKeys(zhPage.fences)).toHaveLength(2)
  })

  it('covers a translation with the same executed fences and runs one that differs', () => {
    const plan = planPairs([zhPage, page('docs/en/guide/a.md', enSame), page('docs/b.md', zh), page('docs/en/b.md', enEcho)])
    expect(plan.run.map((p) => p.page)).toEqual(['docs/guide/a.md', 'docs/b.md', 'docs/en/b.md'])
    expect(plan.covered.map((p) => [p.page, p.source])).toEqual([['docs/en/guide/a.md', 'docs/guide/a.md']])
    expect(plan.translated.map((p) => [p.page, p.source])).toEqual([['docs/en/b.md', 'docs/b.md']])
  })

  it('runs a translation whose source is not part of the run, and one whose fences are reordered', () => {
    expect(planPairs([page('docs/en/guide/a.md', enSame)]).covered).toEqual([])
    const swapped = `${fm}\n\`\`\`console run\n$ cat a.txt\nhi\n\`\`\`\n\n\`\`\`sh run\necho hi > a.txt\n\`\`\`\n`
    expect(planPairs([zhPage, page('docs/en/guide/a.md', swapped)]).covered).toEqual([])
  })

  it('runs a differing translation on the default store plus the stores its store= fences need', () => {
    const plain = page('docs/en/b.md', enEcho).fences
    expect(translationLanes(plain, ['containerd', 'overlay2'])).toEqual(['overlay2'])
    expect(translationLanes(plain, ['containerd'])).toEqual(['containerd'])
    const twin = extractFencesFromString(`${fm}\n\`\`\`console run store=containerd\n$ true\n\`\`\`\n`, 'docs/en/c.md')
    expect(translationLanes(twin, ['containerd', 'overlay2'])).toEqual(['containerd', 'overlay2'])
  })
})

describe('a covered translation borrows its source results', () => {
  const zhPage = page('docs/guide/a.md', zh)
  const en = { ...page('docs/en/guide/a.md', enSame), source: 'docs/guide/a.md' }
  const result = (lane: 'containerd' | 'overlay2', status: 'passed' | 'failed'): PageResult => ({
    page: zhPage.page, lane, status, ms: 10, snippetMs: 5,
    snippets: zhPage.fences.map((f, i): SnippetResult => ({
      id: f.id, page: zhPage.page, line: f.line, lang: f.meta.lang, kind: f.meta.kind === 'norun' ? 'norun' : 'run',
      status: f.meta.kind === 'norun' ? 'skipped' : i === 1 ? status : 'passed', ms: 3, standins: [], lane,
    })),
  })

  it('re-addresses each result to the translation\'s own fence (id, line) and keeps its norun fences', () => {
    const src = [result('containerd', 'passed'), result('overlay2', 'failed')]
    const out = coveredResults(en, src)
    expect(out.map((p) => [p.page, p.lane, p.coveredBy, p.status])).toEqual([
      ['docs/en/guide/a.md', 'containerd', 'docs/guide/a.md', 'passed'],
      ['docs/en/guide/a.md', 'overlay2', 'docs/guide/a.md', 'failed'],
    ])
    expect(out[1].snippets.map((s) => [s.id, s.line, s.kind, s.status])).toEqual(en.fences.map((f, i) => [f.id, f.line, f.meta.kind === 'norun' ? 'norun' : 'run', ['passed', 'failed', 'skipped'][i]]))
    // the fences sit on other lines than the source's
    expect(out[0].snippets.map((s) => s.line)).not.toEqual(src[0].snippets.map((s) => s.line))
  })

  it('names the page and line when the source run lacks a fence', () => {
    const partial = result('overlay2', 'passed')
    partial.snippets = partial.snippets.slice(0, 1)
    expect(() => coveredResults(en, [partial])).toThrow(/^docs\/en\/guide\/a\.md:\d+: no result for fence \w+ in docs\/guide\/a\.md's run on overlay2/)
  })

  it('records both pages in the status file, the translation marked `from`, and counts the run once', () => {
    const src = [result('containerd', 'passed'), result('overlay2', 'passed')]
    const pages = [...src, ...coveredResults(en, src)]
    const t = totals(pages, [])
    expect(t).toMatchObject({ passed: 4, pages: 2 })
    expect(summaryLine(t, { pagesRun: 1, pagesCovered: 1 })).toBe('4 passed, 0 failed, 2 skipped; 1 pages ran, 1 covered by their pair')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-pairs-')), 'status.json')
    const report = {
      version: 2, date: '2026-11-29T10:00:00.000Z', mode: 'standins', engine: '28.5.2', cli: '28.5.2', compose: '2.40.3', buildx: '0.29.1', containerd: '2.1.9',
      enginePackages: { suite: 'forky', packages: {}, substituted: [] }, lanes: ['containerd', 'overlay2'], args: { pages: [], jobs: 1, lanes: ['containerd', 'overlay2'] },
      totals: t, pairs: { pagesRun: 1, pagesCovered: 1, covered: [{ page: en.page, source: en.source }], translated: [] }, laneTotals: {},
      timing: { wallMs: 1, engineMs: 0, engineFetched: false, standinsMs: 0, sandboxMs: 0, snippetMs: 0, cleanupMs: 0, overheadMs: 0, lanes: {} },
      standins: { hash: '', built: [], loaded: [] }, machine: { cpus: 2, loadStart: 0, loadEnd: 0 }, syntaxErrors: [], pages,
    } satisfies Report
    recordStatus(file, report, true)
    const status = readStatus(file)
    const zhEntries = Object.values(status.pages['docs/guide/a.md'])
    const enEntries = Object.values(status.pages['docs/en/guide/a.md'])
    expect(zhEntries.map((e) => [e.status, e.stores, e.from])).toEqual([['passed', ['containerd', 'overlay2'], undefined], ['passed', ['containerd', 'overlay2'], undefined], ['norun', undefined, undefined]])
    expect(enEntries.map((e) => [e.line, e.status, e.stores, e.from])).toEqual(en.fences.map((f, i) => [f.line, i < 2 ? 'passed' : 'norun', i < 2 ? ['containerd', 'overlay2'] : undefined, i < 2 ? 'docs/guide/a.md' : undefined]))

    // the English page's badges: same verified state and stores, English words, the source on hover
    const md = new MarkdownIt()
    snippetFencePlugin(md, { statusFile: file })
    const body = enSame.replace(/^---[\s\S]*?---\n/, '')
    const html = md.render(body, { relativePath: 'en/guide/a.md', path: '/nonexistent', content: body })
    const badges = snippetBadges(html)
    expect(badges).toEqual([
      ['title="Same commands as the Chinese page; verified in its run" data-snippet-from="docs/guide/a.md"', 'Verified · Docker Engine 28.5.2 · Docker Compose 2.40.3 · Image stores: containerd, overlay2 · Verification date: 2026-11-29 · Images: offline stand-in images'],
      ['title="Same commands as the Chinese page; verified in its run" data-snippet-from="docs/guide/a.md"', 'Verified · Docker Engine 28.5.2 · Docker Compose 2.40.3 · Image stores: containerd, overlay2 · Verification date: 2026-11-29 · Images: offline stand-in images'],
      ['', 'Not verified automatically'],
    ])
    // a release cut freezes the English page from its own entries (scripts/lib/versions.ts)
    const frozen = freezePage(enSame, { name: '2026.12', date: '2026-12-01', routes: new Set(), status, statusKey: 'docs/en/guide/a.md', rel: 'en/guide/a.md' })
    expect(frozen.snippets).toEqual({ runnable: 2, passed: 2 })
    const zhBody = zh.replace(/^---[\s\S]*?---\n/, '')
    expect(snippetBadges(md.render(zhBody, { relativePath: 'guide/a.md', path: '/nonexistent', content: zhBody }))[0][1]).toBe('已验证 · Docker Engine 28.5.2 · Docker Compose 2.40.3 · 镜像存储：containerd、overlay2 · 验证日期：2026-11-29 · 镜像来源：离线替身镜像')
  })
})
