import { describe, expect, it } from 'vitest'
import { consoleCommands, outputMatches, parseConsole, parseFenceInfo, SnippetSyntaxError } from '../../core/snippet-syntax'

const where = { file: 'docs/x.md', line: 7 }

describe('parseFenceInfo', () => {
  it('parses run, exit, timeout and keeps VitePress tokens', () => {
    expect(parseFenceInfo('sh run exit=2 timeout=90 [标题] {1,3}', where)).toMatchObject({ lang: 'sh', kind: 'run', exit: 2, timeout: 90, passthrough: '[标题] {1,3}' })
    expect(parseFenceInfo('console run', where)).toMatchObject({ kind: 'run', exit: 0, timeout: 60 })
    expect(parseFenceInfo('powershell norun="仅 Windows 可用"', where)).toMatchObject({ kind: 'norun', reason: '仅 Windows 可用' })
    expect(parseFenceInfo('yaml file=k8s/web.k8s.yaml', where)).toMatchObject({ kind: 'file', file: 'k8s/web.k8s.yaml' })
    expect(parseFenceInfo('yaml', where)).toMatchObject({ kind: 'plain' })
    expect(parseFenceInfo('', where)).toMatchObject({ kind: 'plain', lang: '' })
  })

  it('parses dist= (copy the built site) on run snippets only', () => {
    expect(parseFenceInfo('console run dist=.vitepress/dist', where)).toMatchObject({ kind: 'run', dist: '.vitepress/dist' })
    expect(parseFenceInfo('sh run', where).dist).toBeUndefined()
    for (const info of ['sh run dist', 'sh run dist=""', 'sh run dist=/srv/site', 'sh run dist=../site', 'sh norun="x" dist=site', 'dockerfile file=Dockerfile dist=site']) {
      expect(() => parseFenceInfo(info, where), info).toThrow(/^docs\/x\.md:7: "dist" /)
    }
  })

  it('throws SnippetSyntaxError with file:line', () => {
    const bad = ['sh', 'sh run norun="x"', 'sh norun=""', 'sh run exit=300', 'sh run timeout=0', 'sh run foo', 'sh run run', 'sh file=/etc/passwd', 'sh run file=x', 'yaml exit=1', 'powershell run', 'sh norun="unterminated']
    for (const info of bad) {
      let err: unknown
      try { parseFenceInfo(info, where) } catch (e) { err = e }
      expect(err, info).toBeInstanceOf(SnippetSyntaxError)
      expect((err as Error).message, info).toMatch(/^docs\/x\.md:7: /)
    }
  })
})

describe('parseConsole', () => {
  it('splits commands, continuation lines and output', () => {
    const steps = parseConsole('$ docker run \\\n  --rm busybox echo hi\nhi\n$ echo done\ndone\n')
    expect(steps).toEqual([
      { command: 'docker run \\\n  --rm busybox echo hi', output: ['hi'], offset: 0 },
      { command: 'echo done', output: ['done'], offset: 3 },
    ])
    expect(consoleCommands('$ a\nout\n$ b\n')).toBe('a\nb')
  })

  it('keeps output before the first command as a step without command', () => {
    expect(parseConsole('stray\n$ ls\n')[0]).toEqual({ command: '', output: ['stray'], offset: 0 })
  })
})

describe('outputMatches', () => {
  it('matches line by line, ignoring blank lines at the ends and trailing spaces', () => {
    expect(outputMatches(['a', 'b'], ['', 'a  ', 'b', ''])).toBe(true)
    expect(outputMatches(['a', 'b'], ['a', 'c'])).toBe(false)
    expect(outputMatches([], [])).toBe(true)
    expect(outputMatches([], ['x'])).toBe(false)
  })

  it('supports ... for any number of lines and [...] inside a line', () => {
    expect(outputMatches(['start', '...', 'end'], ['start', 'end'])).toBe(true)
    expect(outputMatches(['start', '...', 'end'], ['start', 'x', 'y', 'end'])).toBe(true)
    expect(outputMatches(['...'], [])).toBe(true)
    expect(outputMatches(['Digest: sha256:[...]'], ['Digest: sha256:abc123'])).toBe(true)
    expect(outputMatches(['[...] (healthy)'], ['Up 3 seconds (healthy)'])).toBe(true)
    expect(outputMatches(['a [...] c'], ['a b d'])).toBe(false)
    // regex characters in patterns are literal
    expect(outputMatches(['x.y (1) [...]'], ['xzy (1) q'])).toBe(false)
    expect(outputMatches(['x.y (1) [...]'], ['x.y (1) q'])).toBe(true)
  })
})
