/**
 * `npm run preview` command line (scripts/serve.ts): --base and --port, PORT as the fallback, and a
 * bad port named in one line with exit 2 (scripts/lib/cli-args.ts parseOrExit).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../scripts/lib/cli-args'
import { parsePreviewArgs } from '../../scripts/serve'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('npm run preview (scripts/serve.ts)', () => {
  it('defaults: base /, port 4173', () => {
    expect(parsePreviewArgs([], {})).toEqual({ base: '/', port: 4173 })
  })
  it('--port wins over PORT, PORT over the default; --base is kept', () => {
    expect(parsePreviewArgs(['--port', '4199'], {})).toEqual({ base: '/', port: 4199 })
    expect(parsePreviewArgs(['--port=4199'], { PORT: '5000' }).port).toBe(4199)
    expect(parsePreviewArgs([], { PORT: '5000' }).port).toBe(5000)
    expect(parsePreviewArgs(['--base', '/docker-kb/', '--port', '8080'], {})).toEqual({ base: '/docker-kb/', port: 8080 })
  })
  it('a bad port, from the option or from PORT, names where it came from', () => {
    for (const bad of ['x', '0', '65536', '41.5', '']) {
      expect(() => parsePreviewArgs(['--port', bad], {})).toThrow(UsageError)
      expect(() => parsePreviewArgs(['--port', bad], {})).toThrow(`--port must be a whole number 1..65535, got "${bad}"`)
    }
    expect(() => parsePreviewArgs([], { PORT: 'abc' })).toThrow('PORT must be a whole number 1..65535, got "abc"')
    expect(() => parsePreviewArgs(['--port'], {})).toThrow(new UsageError("Option '--port <value>' argument missing"))
  })
  it('as a command, a bad --port prints one line and the usage and exits 2 before serving anything', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', 'abc'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual(['preview: --port must be a whole number 1..65535, got "abc"', 'usage: npm run preview -- [--base /docker-kb/] [--port 4173]'])
    expect(r.stdout).toBe('')
  })
})
