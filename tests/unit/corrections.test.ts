import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorrections } from '../../scripts/lib/corrections'

const tmp = (yaml: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-corr-'))
  fs.writeFileSync(path.join(dir, 'a.yaml'), yaml)
  return dir
}

describe('corrections data', () => {
  it('reads the repository corrections, each pointing at a page that exists', () => {
    const all = readCorrections()
    expect(all.length).toBeGreaterThan(0)
    for (const c of all) {
      const rel = c.page.replace(/^\//, '').replace(/#.*$/, '').replace(/\/$/, '/index')
      expect(fs.existsSync(`docs/${rel}.md`), `${c.file}:${c.line} page ${c.page}`).toBe(true)
    }
  })
  it('names file and line of a bad entry', () => {
    const dir = tmp('- source: yama-2025\n  original: a\n  correction: b\n  page: /x\n- source: blog\n  original: a\n  correction: b\n  page: /x\n')
    expect(() => readCorrections(dir)).toThrow(`${path.join(dir, 'a.yaml')}:5: unknown source "blog"`)
    const dir2 = tmp('- source: yama-2025\n  original: a\n  page: /x\n')
    expect(() => readCorrections(dir2)).toThrow(/a.yaml:1: correction needs a "correction" text/)
  })
})
