import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorrections } from '../../core/corrections'
import { listLatestPages } from '../../core/pages'

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
  it('names file and line of a bad entry (schemas/corrections.schema.json)', () => {
    const ok = '- source: yama-2025\n  original: a\n  correction: b\n  page: /x\n'
    const file = (dir: string) => path.join(dir, 'a.yaml')
    const bad = (yaml: string) => { const dir = tmp(yaml); return () => readCorrections(dir) }
    // bad enum
    const enumDir = tmp(ok + '- source: blog\n  original: a\n  correction: b\n  page: /x\n')
    expect(() => readCorrections(enumDir)).toThrow(`${file(enumDir)}:5: [1].source: must be one of yama-2025, docker-resources-2025 (got string "blog")`)
    // missing required: the line of the entry
    const missingDir = tmp('- source: yama-2025\n  original: a\n  page: /x\n')
    expect(() => readCorrections(missingDir)).toThrow(`${file(missingDir)}:1: [0]: missing field "correction" (the correction, in Chinese)`)
    // unknown key: its own line
    const keyDir = tmp(ok + '  pgae: /y\n')
    expect(() => readCorrections(keyDir)).toThrow(`${file(keyDir)}:5: [0]: unknown field "pgae": did you mean "page"? (allowed: source, original, correction, correction_en, page)`)
    // wrong type
    const typeDir = tmp(ok.replace('correction: b', 'correction: [b]'))
    expect(() => readCorrections(typeDir)).toThrow(`${file(typeDir)}:3: [0].correction: must be text (got a list) — the correction, in Chinese`)
    expect(bad(ok.replace('page: /x', 'page: x'))).toThrow(/a\.yaml:4: \[0\]\.page: must be a site path like \/guide\/why/)
    expect(bad(ok + '  correction_en: "a {{ b }}"\n')).toThrow(/a\.yaml:5: \[0\]\.correction_en: must be non-empty text without "\{\{"/)
  })
})
