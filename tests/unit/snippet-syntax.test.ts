import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { consoleCommands, outputMatches, parseConsole, parseFenceInfo, SnippetSyntaxError, waitScript } from '../../core/snippet-syntax'

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

  it('parses a hidden readiness wait: wait-http=URL, wait="command", wait-timeout=S', () => {
    expect(parseFenceInfo('sh run wait-http=http://localhost:8080', where).wait).toEqual({ kind: 'http', target: 'http://localhost:8080', timeout: 30 })
    expect(parseFenceInfo('sh run wait-http="http://localhost:$PORT/ready" wait-timeout=45', where).wait).toEqual({ kind: 'http', target: 'http://localhost:$PORT/ready', timeout: 45 })
    expect(parseFenceInfo('console run wait="docker exec db redis-cli ping" [标题]', where)).toMatchObject({ passthrough: '[标题]', wait: { kind: 'command', target: 'docker exec db redis-cli ping', timeout: 30 } })
    expect(parseFenceInfo('sh run', where).wait).toBeUndefined()
    const bad: [string, RegExp][] = [
      ['sh norun="x" wait-http=http://localhost', /only apply to "run"/],
      ['dockerfile file=Dockerfile wait="true"', /only apply to "run"/],
      ['sh run wait-http', /must be an http/],
      ['sh run wait-http=localhost:8080', /must be an http/],
      ['sh run wait-http="http://a b"', /must be an http/],
      ['sh run wait-http=http://x`id`', /must be an http/],
      ['sh run wait', /needs a command/],
      ['sh run wait=""', /needs a command/],
      ['sh run wait="[ -s /state.txt ]"', /cannot contain "\["/],
      ['sh run wait=true wait-http=http://x', /not both/],
      ['sh run wait-timeout=10', /needs a wait/],
      ['sh run wait=true wait-timeout=0', /between 1 and 120/],
      ['sh run wait=true wait-timeout=500', /between 1 and 120/],
      ['sh run wait=true wait-timeout=x', /whole number/],
      ['sh run timeout=20 wait=true wait-timeout=30', /shorter than the snippet's timeout/],
    ]
    for (const [info, msg] of bad) {
      expect(() => parseFenceInfo(info, where), info).toThrow(SnippetSyntaxError)
      expect(() => parseFenceInfo(info, where), info).toThrow(/^docs\/x\.md:7: /)
      expect(() => parseFenceInfo(info, where), info).toThrow(msg)
    }
  })

  it('waitScript retries until ready, bounded in tries and seconds, and leaves the shell as it was', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-wait-'))
    const tries = path.join(dir, 'tries')
    const run = (script: string) => spawnSync('bash', ['--noprofile', '--norc', '-c', script], { cwd: dir, encoding: 'utf8' })
    try {
      // ready on the third try: status 0, three tries
      const ready = waitScript({ kind: 'command', target: `echo x >> ${tries}; test $(wc -l < ${tries}) -ge 3`, timeout: 10 })
      let r = run(`${ready}\necho "status=$? ok=\${__dkb_ok-unset}"`)
      expect(r.stdout.trim()).toBe('status=0 ok=unset')
      expect(fs.readFileSync(tries, 'utf8').split('\n').filter(Boolean)).toHaveLength(3)
      // never ready: status 1 after at most timeout / 0.5 tries; its output never reaches the page
      fs.rmSync(tries)
      r = run(`${waitScript({ kind: 'command', target: `echo noise; echo x >> ${tries}; false`, timeout: 1 })}\necho "status=$?"`)
      expect(r.stdout.trim()).toBe('status=1')
      expect(fs.readFileSync(tries, 'utf8').split('\n').filter(Boolean).length).toBeLessThanOrEqual(2)
      // an exit or cd in the command stays in its subshell
      r = run(`${waitScript({ kind: 'command', target: 'cd /; exit 0', timeout: 2 })}\necho "status=$? pwd=$PWD"`)
      expect(r.stdout.trim()).toBe(`status=0 pwd=${dir}`)
      // http: the URL sits in double quotes, so the page's variables expand in it
      expect(waitScript({ kind: 'http', target: 'http://localhost:$PORT', timeout: 30 })).toContain('curl -fs --max-time 2 -o /dev/null "http://localhost:$PORT"')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
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
