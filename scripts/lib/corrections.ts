/**
 * The list of corrections to the source articles: one YAML file per area under
 * docs/data/corrections/, validated here (file:line on a bad entry) and rendered on /about/credits.
 */
import fs from 'node:fs'
import path from 'node:path'
import { LineCounter, parseDocument, isSeq, isMap } from 'yaml'
import { SOURCES } from './frontmatter'

/** `correction_en`: the English correction (issue #17); `original` stays a quote of the Chinese article. */
export interface Correction { source: keyof typeof SOURCES; original: string; correction: string; correction_en?: string; page: string; file: string; line: number }

const KEYS = ['source', 'original', 'correction', 'correction_en', 'page']

export const CORRECTIONS_DIR = 'docs/data/corrections'

export function readCorrections(dir = CORRECTIONS_DIR): Correction[] {
  if (!fs.existsSync(dir)) return []
  const out: Correction[] = []
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(dir, name)
    const counter = new LineCounter()
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: counter })
    if (doc.errors.length) throw new Error(`${file}:${doc.errors[0].linePos?.[0]?.line ?? 1}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`)
    if (!isSeq(doc.contents)) throw new Error(`${file}:1: expected a list of corrections`)
    for (const item of doc.contents.items) {
      const line = counter.linePos((item as unknown as { range?: [number] }).range?.[0] ?? 0).line
      if (!isMap(item)) throw new Error(`${file}:${line}: each correction must be a mapping`)
      const e = item.toJSON() as Record<string, unknown>
      for (const key of ['source', 'original', 'correction', 'page']) {
        if (typeof e[key] !== 'string' || !(e[key] as string).trim()) throw new Error(`${file}:${line}: correction needs a "${key}" text`)
      }
      for (const key of Object.keys(e)) if (!KEYS.includes(key)) throw new Error(`${file}:${line}: unknown key "${key}" (allowed: ${KEYS.join(', ')})`)
      if ('correction_en' in e) {
        const v = e.correction_en
        if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}:${line}: "correction_en" must be non-empty text (the English correction)`)
        if (v.includes('{{')) throw new Error(`${file}:${line}: "correction_en" contains "{{" (Vue would read it as an expression)`)
      }
      if (!((e.source as string) in SOURCES)) throw new Error(`${file}:${line}: unknown source "${e.source}" (known: ${Object.keys(SOURCES).join(', ')})`)
      if (!(e.page as string).startsWith('/')) throw new Error(`${file}:${line}: page must be a site path like /guide/why`)
      out.push({ ...(e as Omit<Correction, 'file' | 'line'>), file, line })
    }
  }
  return out
}
