import { describe, expect, it } from 'vitest'
import { extractFences, extractFencesFromString, fenceWhere } from '../../scripts/snippets/extract'
import { SnippetSyntaxError } from '../../core/snippet-syntax'
import { FIXTURES, ROOT } from './helpers'
import path from 'node:path'
import fs from 'node:fs'

const page = (body: string) => `---\ntitle: t\n---\n\n${body}`

function syntaxError(src: string): SnippetSyntaxError {
  try {
    extractFencesFromString(src, 'docs/x.md')
  } catch (e) {
    if (e instanceof SnippetSyntaxError) return e
    throw e
  }
  throw new Error('expected a SnippetSyntaxError')
}

describe('extractFences', () => {
  it('returns fences in order with 1-based lines and parsed meta', () => {
    const fences = extractFencesFromString(page('```sh run\necho a\n```\n\ntext\n\n```console run exit=2 timeout=5\n$ false\n```\n\n```dockerfile file=app/Dockerfile\nFROM busybox\n```\n'), 'docs/x.md')
    expect(fences.map((f) => [f.line, f.meta.kind, f.meta.lang])).toEqual([
      [5, 'run', 'sh'],
      [11, 'run', 'console'],
      [15, 'file', 'dockerfile'],
    ])
    expect(fences[0].content).toBe('echo a\n')
    expect(fences[1].meta.exit).toBe(2)
    expect(fences[1].meta.timeout).toBe(5)
    expect(fences[2].meta.file).toBe('app/Dockerfile')
    expect(new Set(fences.map((f) => f.id)).size).toBe(3)
  })

  it('ignores fences inside HTML comments and inside 4-backtick md examples', () => {
    const src = page('<!--\n```sh\nnot checked\n```\n-->\n\n````md\n```sh\nnot checked\n```\n````\n\n```sh norun="示例"\nshown\n```\n')
    const fences = extractFencesFromString(src, 'docs/x.md')
    expect(fences.map((f) => [f.meta.lang, f.meta.kind])).toEqual([
      ['md', 'plain'],
      ['sh', 'norun'],
    ])
    expect(fences[1].meta.reason).toBe('示例')
  })

  it('finds fences in lists and blockquotes with their own line numbers', () => {
    const fences = extractFencesFromString('- step\n\n  ```sh run\n  echo in list\n  ```\n\n> ```console run\n> $ echo q\n> q\n> ```\n', 'docs/x.md')
    expect(fences.map((f) => f.line)).toEqual([3, 7])
    expect(fences[0].content).toBe('echo in list\n')
    expect(fences[1].content).toBe('$ echo q\nq\n')
  })

  it('gives identical snippets distinct ids', () => {
    const fences = extractFencesFromString('```sh run\nls\n```\n\n```sh run\nls\n```\n', 'docs/x.md')
    expect(fences[0].id).not.toBe(fences[1].id)
  })

  it('reports an unterminated fence at its opening line', () => {
    const e = syntaxError(page('```sh run\necho ok\n```\n\ntext\n\n```sh run\necho never closed\n'))
    expect(e.file).toBe('docs/x.md')
    expect(e.line).toBe(11)
    expect(e.message).toMatch(/^docs\/x\.md:11: .*never closed/)
  })

  it('reports an unterminated fence that a blockquote ends', () => {
    const e = syntaxError('> ```sh run\n> echo a\n\nafter\n')
    expect(e.line).toBe(1)
  })

  it('reports convention errors with file:line', () => {
    expect(syntaxError(page('text\n\n```sh\ndocker ps\n```\n')).message).toMatch(/^docs\/x\.md:7: shell snippet must say "run" or norun/)
    expect(syntaxError(page('```bash norun\nx\n```\n')).message).toMatch(/^docs\/x\.md:5: "norun" needs a reason/)
    expect(syntaxError(page('```sh run exit=abc\nx\n```\n')).message).toMatch(/^docs\/x\.md:5: "exit" must be a whole number/)
    expect(syntaxError(page('```yaml file=../x.yaml\nx: 1\n```\n')).message).toMatch(/^docs\/x\.md:5: "file" must be a relative path/)
    expect(syntaxError(page('```powershell run\ndir\n```\n')).message).toMatch(/cannot run here/)
  })

  it('reads the fixture page with a syntax error and names the line', () => {
    const file = path.join(ROOT, FIXTURES, 'syntax-error.md')
    expect(() => extractFences(file, `${FIXTURES}/syntax-error.md`)).toThrow(/syntax-error\.md:9: shell snippet must say/)
  })
})

describe('fences generated from the command data', () => {
  it('are reported at the YAML file and line they are written in, not at a line of the expanded page', () => {
    const fences = extractFences('docs/cli/container.md')
    const generated = fences.filter((f) => f.source)
    expect(generated.length).toBeGreaterThan(10)
    for (const f of generated) {
      expect(f.source!.file).toBe('docs/data/commands/container.yaml')
      // the reported line of the YAML file holds the example's `code:` key or the command's name
      const text = fs.readFileSync(f.source!.file, 'utf8').split('\n')[f.source!.line - 1]
      expect(text, fenceWhere(f)).toMatch(/^\s*(code: |- name: )/)
    }
    expect(fenceWhere(generated[0])).toMatch(/^docs\/data\/commands\/container\.yaml:\d+ \(in docs\/cli\/container\.md\)$/)
  })
})
