import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorrections } from '../../scripts/lib/corrections'
import { listLatestPages } from '../../scripts/lib/pages'

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
  it('gives each page one collapsible 与原文的差异 block at most, and one on every corrected page (docs/contribute/writing.md)', () => {
    const blocks = new Map<string, number>()
    const bad: string[] = []
    for (const file of listLatestPages(path.resolve('docs'))) {
      const rel = path.relative(process.cwd(), file)
      const text = fs.readFileSync(file, 'utf8')
      const n = (text.match(/^::: details 与原文的差异\s*$/gm) ?? []).length
      blocks.set(rel, n)
      if (n > 1) bad.push(`${rel}: ${n} 与原文的差异 blocks`)
      // corrections scattered in tip/warning boxes instead of the one block
      text.split('\n').forEach((l, i) => { if (/^:::+\s*\w+\s.*(原文勘误|原文说明|关于原文|和原文)/.test(l)) bad.push(`${rel}:${i + 1}: correction box "${l}"`) })
    }
    for (const c of readCorrections()) {
      const rel = `docs/${c.page.replace(/^\//, '').replace(/#.*$/, '').replace(/\/$/, '/index')}.md`
      if (!blocks.get(rel)) bad.push(`${c.file}:${c.line}: ${c.page} has no 与原文的差异 block`)
    }
    expect([...new Set(bad)]).toEqual([])
  })
  it('names file and line of a bad entry', () => {
    const dir = tmp('- source: yama-2025\n  original: a\n  correction: b\n  page: /x\n- source: blog\n  original: a\n  correction: b\n  page: /x\n')
    expect(() => readCorrections(dir)).toThrow(`${path.join(dir, 'a.yaml')}:5: unknown source "blog"`)
    const dir2 = tmp('- source: yama-2025\n  original: a\n  page: /x\n')
    expect(() => readCorrections(dir2)).toThrow(/a.yaml:1: correction needs a "correction" text/)
  })
})
