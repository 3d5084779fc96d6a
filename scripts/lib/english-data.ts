/**
 * Completeness of the English data (issue #17): which glossary terms, command entries and
 * corrections still lack their English twin (the English term file docs/data/glossary/en/<id>.md,
 * docs/data/glossary/README.md; the `_en` fields of docs/data/commands/README.md).
 *
 * Until the translations are merged a missing twin falls back to the Chinese text on /en/ pages
 * and in the exports, and the unit test tests/unit/english-data.test.ts only reports the count.
 * Set ENGLISH_DATA_REQUIRED to true to make every gap a test failure.
 */
import path from 'node:path'
import { loadGlossary, GLOSSARY_DIR, displayPath, termFile, type Glossary } from '../../core/glossary'
import { loadCommands, DATA_DIR, type CommandData } from '../../core/commands'
import { readCorrections, CORRECTIONS_DIR, type Correction } from '../../core/corrections'
import { hasChinese } from '../../core/page-lang'

/** Flip to true once the English data is merged: then `npm test` fails on any missing English text. */
export const ENGLISH_DATA_REQUIRED = true

/** One missing English field: `file:line: field` (line of the item that lacks it, 1-based). */
export interface EnglishGap { file: string; line: number; field: string; item: string }

export const formatGap = (g: EnglishGap) => `${g.file}:${g.line}: ${g.item} has no "${g.field}"`

/**
 * Every missing English twin in the glossary, the command reference and the corrections.
 * Inputs default to the site's data; tests pass fixtures. Output is ordered by file, then line.
 * Rules (from the field scheme): a twin is required exactly where its Chinese field exists;
 * `arg_en` only when `arg` contains Chinese; `code_en` only when `code` contains Chinese.
 */
export function englishDataGaps(
  input: { glossary?: Glossary; commands?: CommandData; corrections?: Correction[] } = {},
): EnglishGap[] {
  const glossary = input.glossary ?? loadGlossary(GLOSSARY_DIR)
  const commands = input.commands ?? loadCommands(DATA_DIR)
  const corrections = input.corrections ?? readCorrections(CORRECTIONS_DIR)
  const gaps: EnglishGap[] = []
  const need = (ok: boolean, file: string, line: number, field: string, item: string) => {
    if (!ok) gaps.push({ file, line, field, item })
  }

  for (const t of glossary.terms) {
    // the English text of a term is one file (docs/data/glossary/en/<id>.md) holding all three
    // twins, so a gap is that file missing; reported at the Chinese file, which exists
    const file = displayPath(termFile(t.id, 'zh', GLOSSARY_DIR))
    need(!!t.short_en && !!t.long_en && (!t.tags.length || !!t.tags_en), file, 1, displayPath(termFile(t.id, 'en', GLOSSARY_DIR)), `term "${t.id}"`)
  }

  for (const g of commands.groups) {
    need(!!g.label_en, g.file, 1, 'label_en', `group "${g.id}"`)
    need(!!g.title_en, g.file, 1, 'title_en', `group "${g.id}"`)
    for (const s of g.sections) {
      need(!!s.title_en, g.file, s.line, 'title_en', `section "${s.title}"`)
      need(!s.intro || !!s.intro_en, g.file, s.line, 'intro_en', `section "${s.title}"`)
      for (const c of s.commands) {
        const item = `command "${c.name}"`
        need(!!c.keywords_en, c.file, c.line, 'keywords_en', item)
        need(!c.note || !!c.note_en, c.file, c.line, 'note_en', item)
        need(!c.warning || !!c.warning_en, c.file, c.line, 'warning_en', item)
        for (const o of c.options) {
          need(!!o.desc_en, c.file, o.line, 'desc_en', `option "${o.flags}" of ${item}`)
          need(!o.keywords.length || !!o.keywords_en, c.file, o.line, 'keywords_en', `option "${o.flags}" of ${item}`)
          need(!(o.arg && hasChinese(o.arg)) || !!o.arg_en, c.file, o.line, 'arg_en', `option "${o.flags}" of ${item}`)
        }
        for (const e of c.examples) {
          need(!!e.title_en, c.file, e.line, 'title_en', `example "${e.title}" of ${item}`)
          need(!e.reason || !!e.reason_en, c.file, e.line, 'norun_en', `example "${e.title}" of ${item}`)
          need(!hasChinese(e.code) || !!e.code_en, c.file, e.line, 'code_en', `example "${e.title}" of ${item}`)
        }
        for (const k of c.corrections) need(!!k.correction_en, c.file, k.line, 'correction_en', `correction of ${item}`)
      }
    }
  }

  for (const k of corrections) {
    need(!!k.correction_en, k.file.split(path.sep).join('/'), k.line, 'correction_en', `correction for ${k.page}`)
  }
  return gaps.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

/** Counts per data set, for the report line: { glossary: 12, commands: 340, corrections: 0 }. */
export function summarizeGaps(gaps: EnglishGap[]): Record<'glossary' | 'commands' | 'corrections', number> {
  const count = (dir: string) => gaps.filter((g) => g.file.startsWith(dir)).length
  return { glossary: count('docs/data/glossary/'), commands: count('docs/data/commands/'), corrections: count('docs/data/corrections/') }
}
