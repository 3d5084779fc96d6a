/**
 * In-line wildcards with an example value, `[...=value]` (core/snippet-syntax.ts): checked like
 * `[...]`, shown as the value (site renderer, Markdown export), malformed ones are errors naming
 * file:line, and `--fill-examples` (scripts/snippets/fill.ts) writes the values a run printed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, describe, expect, it } from 'vitest'
import { checkWildcards, fillExamples, outputMatches, parseConsole, renderExamples, SnippetSyntaxError, stripExamples } from '../../core/snippet-syntax'
import { fenceHash } from '../../core/fence-id'
import { snippetFencePlugin } from '../../.vitepress/plugins/snippet-fence'
import { pageMarkdown } from '../../.vitepress/plugins/page-markdown'
import { extractFencesFromString } from '../../scripts/snippets/extract'
import { stepExamples, type PageResult, type SnippetResult } from '../../scripts/snippets/page-runner'
import { writeExamples } from '../../scripts/snippets/fill'
import { stampText, driftOf } from '../../scripts/lib/translations'
import { rawExampleSyntax } from '../browser/raw-examples'

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'examples')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-examples-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('matching: [...=value] is [...]', () => {
  it('matches any text, whatever the example says', () => {
    expect(outputMatches(['Up [...=3 seconds]'], ['Up 2 hours'])).toBe(true)
    expect(outputMatches(['[...=3f1c9a7e2b4d]'], ['a1b2c3'])).toBe(true)
    expect(outputMatches(['a [...=x] c'], ['a b d'])).toBe(false)
    // a bare [...] next to a filled one, and a literal `[` in the expected text
    expect(outputMatches(['[1] [...] [...=v] end'], ['[1] p q end'])).toBe(true)
    expect(outputMatches(['[1] [...=v] end'], ['(1) p end'])).toBe(false)
  })
  it('stripExamples gives the checked text, renderExamples the shown text', () => {
    expect(stripExamples('ID [...=3f1c] [...]')).toBe('ID [...] [...]')
    expect(renderExamples('ID [...=3f1c] [...]\nNAMES[...=   ]IMAGE')).toBe('ID 3f1c [...]\nNAMES   IMAGE')
    expect(renderExamples('no wildcard [x]')).toBe('no wildcard [x]')
  })
  it('a fence keeps its content id when only example values change', () => {
    expect(fenceHash('console run', '$ docker ps\nUp [...=1 second]\n')).toBe(fenceHash('console run', '$ docker ps\nUp [...]\n'))
    expect(fenceHash('console run', '$ docker ps\nUp [...=2 hours]\n')).toBe(fenceHash('console run', '$ docker ps\nUp [...=1 second]\n'))
    expect(fenceHash('console run', '$ docker ps\nUp [...]\n')).not.toBe(fenceHash('console run', '$ docker ps\nDown [...]\n'))
  })
})

describe('malformed wildcards are errors naming file and line', () => {
  const where = { file: 'docs/x.md', line: 10 }
  const err = (text: string) => {
    try { checkWildcards(text, where) } catch (e) { return e as SnippetSyntaxError }
    throw new Error(`no error for ${JSON.stringify(text)}`)
  }
  it('an opening without "]" on its line (also a value that would span lines)', () => {
    const e = err('$ docker ps\nok [...=fine]\nbad [...=3f1c\n9a]\n')
    expect(e).toBeInstanceOf(SnippetSyntaxError)
    expect(e.message).toMatch(/^docs\/x\.md:13: "\[\.\.\.=" without a closing "\]"/)
  })
  it('an empty value', () => {
    expect(err('$ ls\nx [...=] y\n').message).toMatch(/^docs\/x\.md:12: empty example value/)
  })
  it('well-formed ones pass', () => {
    expect(() => checkWildcards('$ ls\n[...] [...=a b] [x]\n...\n', where)).not.toThrow()
  })
  it('the snippet runner, the page check (renderer) and the Markdown export report them', () => {
    const page = '# T\n\n```console run\n$ docker ps\nUp [...=3 s\n```\n'
    expect(() => extractFencesFromString(page, 'docs/y.md')).toThrow(/^docs\/y\.md:5: "\[\.\.\.=" without/)
    const md = new MarkdownIt()
    snippetFencePlugin(md, { statusFile: path.join(tmp, 'none.json') })
    expect(() => md.render(page, { relativePath: 'y.md' })).toThrow(/^docs\/y\.md:5: /)
    expect(() => pageMarkdown({ relativePath: 'y.md', source: page, siteUrl: 'https://example.org', base: '/' })).toThrow(/docs\/y\.md:5/)
  })
})

describe('readers see the value', () => {
  const page = '# T\n\n```console run\n$ docker run -d busybox sleep 60\n[...=3f1c9a7e2b4d]\n$ docker ps --format "{{.Status}}"\nUp [...=1 second]\n[...]\n```\n'
  it('on the site: rendered HTML has the values, no raw syntax, a bare [...] stays', () => {
    const md = new MarkdownIt()
    snippetFencePlugin(md, { statusFile: path.join(tmp, 'none.json') })
    const html = md.render(page, { relativePath: 'y.md' })
    // each value is marked as an example (snippet-fence.ts exampleSpans); the text is the value alone
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain('\n3f1c9a7e2b4d\n')
    expect(text).toContain('Up 1 second')
    expect(text).toContain('[...]')
    expect(html).toContain('Up <span class="snippet-example" title="示例值，每次运行不同">1 second</span>')
    expect(rawExampleSyntax(html)).toEqual([])
  })
  it('in the Markdown export (<page>.md, llms-full.txt)', () => {
    const out = pageMarkdown({ relativePath: 'y.md', source: page, siteUrl: 'https://example.org', base: '/' })
    expect(out).toContain('\n3f1c9a7e2b4d\n')
    expect(out).toContain('\nUp 1 second\n')
    expect(out).not.toContain('[...=')
  })
  it('the built-site check finds raw syntax in console blocks, even split into spans by highlighting', () => {
    const block = (code: string) => `<div class="language-console vp-adaptive-theme"><pre class="shiki"><code>${code}</code></pre></div>`
    expect(rawExampleSyntax(block('<span>Up [...</span><span>=1 second]</span>'))).toEqual(['Up [...=1 second]'])
    expect(rawExampleSyntax(block('<span>[...] and [...&#61;x]</span>'))).toEqual(['[...] and [...=x]'])
    expect(rawExampleSyntax(block('plain [...]'))).toEqual([])
    // prose may document the syntax (the writing guide does); only console output counts
    expect(rawExampleSyntax('<p>write <code>[...=value]</code></p>')).toEqual([])
    expect(rawExampleSyntax('text `[...=v]`\n\n```console\n$ ls\nUp [...=1 second]\n```\n\n```md\n[...=x]\n```\n')).toEqual(['Up [...=1 second]'])
    // without the renderer (the code before this change), the raw syntax reaches the page: caught
    expect(rawExampleSyntax(new MarkdownIt().render(page).replace('<pre><code class="language-console">', '<div class="language-console"><pre><code>'))).toEqual(['[...=3f1c9a7e2b4d]', 'Up [...=1 second]'])
  })
})

describe('fillExamples', () => {
  it('sets each in-line wildcard to the text the run printed there, padding included', () => {
    expect(fillExamples(['TYPE[...]TOTAL', '...', 'x [...=old] y'], ['TYPE      TOTAL', 'a', 'b', 'x new y'])).toEqual([
      { index: 0, from: 'TYPE[...]TOTAL', to: 'TYPE[...=      ]TOTAL' },
      { index: 2, from: 'x [...=old] y', to: 'x [...=new] y' },
    ])
  })
  it('leaves lines without in-line wildcards and unchanged values alone', () => {
    expect(fillExamples(['a', '...', 'Up [...=1 second]'], ['a', 'q', 'Up 1 second'])).toEqual([])
  })
  it('keeps a bare [...] where the text is empty or has "]", and counts blank lines at the start', () => {
    expect(fillExamples(['', 'a[...]b', 'c [...] d'], ['ab', 'c [x] d'])).toEqual([
      { index: 1, from: 'a[...]b', to: 'a[...]b', kept: ['wildcard 1: the output has no text there'] },
      { index: 2, from: 'c [...] d', to: 'c [...] d', kept: ['wildcard 1: the text there has "]" ([x])'] },
    ])
  })
  it('writes nothing when the output does not match', () => {
    expect(fillExamples(['ID [...]'], ['something else'])).toBeUndefined()
  })
})

describe('--fill-examples on a fixture page', () => {
  /** the fixture's console fences "run": each step's actual output from actual.json */
  function results(file: string, page: string, status: 'passed' | 'failed' = 'passed'): PageResult {
    const fences = extractFencesFromString(fs.readFileSync(file, 'utf8'), page).filter((f) => f.meta.lang === 'console')
    const actual = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'actual.json'), 'utf8')) as string[][]
    const snippets: SnippetResult[] = fences.map((f, k) => ({
      id: f.id, page, line: f.line, lang: 'console', kind: 'run', status, ms: 0, standins: [], lane: 'containerd',
      examples: parseConsole(f.content).flatMap((step, n) => stepExamples(step, actual[k][n])),
    }))
    return { page, status, ms: 0, snippetMs: 0, snippets, lane: 'containerd' }
  }
  const setup = (name: string) => {
    const root = path.join(tmp, name)
    fs.mkdirSync(path.join(root, 'docs/guide'), { recursive: true })
    fs.copyFileSync(path.join(FIXTURES, 'page.md'), path.join(root, 'docs/guide/x.md'))
    return root
  }

  it('writes the values into the page, keeping indentation, and reports file:line', () => {
    const root = setup('pass')
    const lines: string[] = []
    const s = writeExamples([results(path.join(root, 'docs/guide/x.md'), 'docs/guide/x.md')], root, (m) => lines.push(m))
    expect(fs.readFileSync(path.join(root, 'docs/guide/x.md'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'page.filled.md'), 'utf8'))
    expect(s.changes.map((c) => c.line)).toEqual([5, 7, 8, 15, 17])
    expect(lines).toContain('docs/guide/x.md:5: [...]  →  [...=3f1c9a7e2b4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f]')
    expect(lines.some((l) => l.startsWith('docs/guide/x.md:22: kept a bare [...]'))).toBe(true)
  })
  it('never writes a failing page', () => {
    const root = setup('fail')
    const s = writeExamples([results(path.join(root, 'docs/guide/x.md'), 'docs/guide/x.md', 'failed')], root)
    expect(fs.readFileSync(path.join(root, 'docs/guide/x.md'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'page.md'), 'utf8'))
    expect(s.changes).toEqual([])
    expect(s.skipped[0].reason).toMatch(/failed/)
  })
  it('fills the English page in the same run and re-stamps it when it was current', () => {
    const root = setup('pair')
    const zh = path.join(root, 'docs/guide/x.md')
    const en = path.join(root, 'docs/en/guide/x.md')
    fs.mkdirSync(path.dirname(en), { recursive: true })
    fs.writeFileSync(en, stampText('---\ntitle: X\n---\n' + fs.readFileSync(zh, 'utf8').replace(/^---[\s\S]*?---\n/, ''), 'guide/x.md', fs.readFileSync(zh, 'utf8')))
    // give the zh page the same frontmatter-less layout: the English page has 3 more lines on top
    const enResult = results(en, 'docs/en/guide/x.md')
    const s = writeExamples([results(zh, 'docs/guide/x.md'), enResult], root)
    expect(s.stamped).toEqual(['docs/en/guide/x.md'])
    expect(driftOf(path.join(root, 'docs'), 'guide/x.md')).toBeNull()
    expect(fs.readFileSync(en, 'utf8')).toContain('Up [...=3 seconds]')
  })
})
