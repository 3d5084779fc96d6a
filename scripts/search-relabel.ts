/**
 * Apply the query sets' labelling rule (scripts/lib/search-labels.ts) to every query of a set:
 * whole command lines get their /cli/ entry as `best`, bare glossary terms their entry as an
 * acceptable target and their concept page as `best`, tasks answered by both a command entry and
 * a teaching page no `best`. Reads only the command data, the glossary
 * and the concept pages, never search results. Comments and order in the file are kept.
 *
 *   npx tsx scripts/search-relabel.ts tests/search/regression.yaml            # rewrite the file
 *   npx tsx scripts/search-relabel.ts --check tests/search/queries.yaml       # list changes, exit 1 if any
 *   npx tsx scripts/search-relabel.ts --locale en --check tests/search/en/queries.yaml
 *
 * Prints one line per changed query (file:line, class, old → new labels).
 */
import fs from 'node:fs'
import { LineCounter, parseDocument, isMap, isSeq, type YAMLMap } from 'yaml'
import { searchSetup } from '../.vitepress/config/search'
import { loadCommands } from '../core/commands'
import { loadGlossary } from '../core/glossary'
import { labelQuery, type LabelData } from './lib/search-labels'
import { parseCli, parseOrExit, UsageError } from './lib/cli-args'

const USAGE = 'npx tsx scripts/search-relabel.ts [--check] [--locale root|en] <query file>...'

export function parseCliArgs(argv: string[]): { check: boolean; locale: 'root' | 'en'; files: string[] } {
  const { values, positionals } = parseCli(argv, {
    options: { check: { type: 'boolean', default: false }, locale: { type: 'string', default: 'root' } },
    allowPositionals: true,
  })
  if (values.locale !== 'root' && values.locale !== 'en') throw new UsageError(`--locale must be root or en, got "${values.locale}"`)
  if (!positionals.length) throw new UsageError('give at least one query file')
  return { check: values.check, locale: values.locale, files: positionals }
}

function main({ check, locale, files }: ReturnType<typeof parseCliArgs>): void {
  const data: LabelData = {
    commands: loadCommands().commands,
    terms: loadGlossary().terms,
    homes: searchSetup().lexicon.homes ?? {},
    locale,
  }
  let changed = 0
  for (const file of files) {
    const counter = new LineCounter()
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: counter })
    if (doc.errors.length || !isSeq(doc.contents)) throw new Error(`${file}:1: not a query list`)
    for (const item of doc.contents.items) {
      if (!isMap(item)) continue
      const m = item as YAMLMap
      const q = String(m.get('q'))
      const expect = (m.toJSON().expect ?? []) as string[]
      const best = m.get('best') as string | undefined
      const { cls, labels } = labelQuery(q, { expect, best, kind: String(m.get('kind')) }, data)
      if (cls === 'other' || (labels.best === best && labels.expect.join() === expect.join())) continue
      changed++
      const line = counter.linePos(m.range?.[0] ?? 0).line
      console.log(`${file}:${line}: [${cls}] "${q}": expect ${expect.join(' ')}${best ? ` best ${best}` : ''} → expect ${labels.expect.join(' ')}${labels.best ? ` best ${labels.best}` : ' (no best)'}`)
      if (labels.expect.join() !== expect.join()) {
        const seq = doc.createNode(labels.expect)
        seq.flow = true
        m.set('expect', seq)
      }
      if (labels.best) {
        if (m.has('best')) m.set('best', labels.best)
        else {
          // keep the files' field order: q, expect, best, kind
          const pair = doc.createPair('best', labels.best)
          m.items.splice(m.items.findIndex((p) => String((p.key as { value?: unknown }).value ?? p.key) === 'expect') + 1, 0, pair as never)
        }
      } else m.delete('best')
    }
    if (!check) fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }))
  }
  console.log(`${changed} queries ${check ? 'would change' : 'relabelled'}`)
  if (check && changed) process.exitCode = 1
}

if (import.meta.url === `file://${process.argv[1]}`) main(parseOrExit('search-relabel', USAGE, () => parseCliArgs(process.argv.slice(2))))
