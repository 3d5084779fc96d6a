/**
 * The list of corrections to the source articles: one YAML file per area under
 * docs/data/corrections/, validated here (file:line on a bad entry) and rendered on /about/credits.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseYaml, assertSchema } from './schema'
import { SOURCES } from './frontmatter'

/** `correction_en`: the English correction (issue #17); `original` stays a quote of the Chinese article. */
export interface Correction { source: keyof typeof SOURCES; original: string; correction: string; correction_en?: string; page: string; file: string; line: number }

export const CORRECTIONS_DIR = 'docs/data/corrections'

/**
 * Read every `*.yaml` of `dir` (file name order), each checked against
 * schemas/corrections.schema.json. `line` of a correction: the line of its list item.
 * @throws DataError `file:line: field: problem`, e.g. `docs/data/corrections/a.yaml:5: [1].source: must be one of …`
 */
export function readCorrections(dir = CORRECTIONS_DIR): Correction[] {
  if (!fs.existsSync(dir)) return []
  const out: Correction[] = []
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(dir, name)
    const yaml = parseYaml(fs.readFileSync(file, 'utf8'), file)
    assertSchema('corrections', yaml, file)
    ;(yaml.data as Omit<Correction, 'file' | 'line'>[]).forEach((e, i) => out.push({ ...e, file, line: yaml.lineOf([i]) }))
  }
  return out
}
