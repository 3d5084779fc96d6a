/**
 * Lint for what reviewers would otherwise check by hand: markdownlint (structure) and Chinese
 * typography (scripts/lib/cjk-lint.ts; on English pages, docs/en/**, the English check instead).
 * Messages are file:line. `--fix` applies the safe fixes.
 * The YAML data files behind generated pages (docs/data/<kind>/*.yaml) are checked against the term
 * table only (their Markdown structure is the generator's business); the Markdown data files (the
 * glossary terms, docs/data/glossary/<id>.md and en/<id>.md) are linted like pages, the English ones
 * (docs/data/glossary/en/) like English pages.
 *
 *   npx tsx scripts/lint-docs.ts [--fix] [files…]
 */
import fs from 'node:fs'
import path from 'node:path'
import { lint } from 'markdownlint/promise'
import { applyFixes } from 'markdownlint'
import { parse as parseJsonc } from './lib/jsonc'
import { listLatestPages } from '../core/pages'
import { checkCjk, checkDataTerms, checkEnglish, fixCjk } from './lib/cjk-lint'
import { isEnglishPage } from '../core/frontmatter'
import { isEnglishTermFile } from '../core/glossary'
import { parseCli, parseOrExit } from './lib/cli-args'

/**
 * The data files under docs/data/<kind>/ (glossary, commands, corrections), sorted: the YAML files
 * of each folder and the Markdown files of each folder and its sub-folders (glossary terms and
 * their English files), without the README.md field guides.
 */
export function listDataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return []
  return fs.readdirSync(dataDir, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = path.join(dataDir, d.name)
      const yaml = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f))
      const md = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && path.basename(f) !== 'README.md').map((f) => path.join(dir, f))
      return [...yaml, ...md]
    })
    .sort()
}

export async function lintDocs(files: string[], fix = false): Promise<string[]> {
  const config = parseJsonc(fs.readFileSync('.markdownlint.jsonc', 'utf8'))
  const problems: string[] = []
  for (const file of files) {
    const rel = path.relative(process.cwd(), file)
    let text = fs.readFileSync(file, 'utf8')
    if (file.endsWith('.yaml')) {
      for (const p of checkDataTerms(text)) problems.push(`${rel}:${p.line}: ${p.rule} ${p.message}`)
      continue
    }
    // English pages (docs/en/**) and English term files: no Chinese typography rules, but no stray Chinese either
    const english = isEnglishPage(rel) || isEnglishTermFile(rel)
    if (fix) {
      const fixed = english ? text : fixCjk(text)
      const r = await lint({ strings: { [rel]: fixed }, config: config as never })
      text = applyFixes(fixed, r[rel])
      fs.writeFileSync(file, text)
    }
    const results = await lint({ strings: { [rel]: text }, config: config as never })
    for (const e of results[rel]) {
      problems.push(`${rel}:${e.lineNumber}: ${e.ruleNames[0]} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`)
    }
    for (const p of english ? checkEnglish(text) : checkCjk(text)) problems.push(`${rel}:${p.line}: ${p.rule} ${p.message}`)
  }
  return problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: { fix }, positionals: files } = parseOrExit('lint', 'npm run lint -- [--fix] [files…]', () =>
    parseCli(process.argv.slice(2), { options: { fix: { type: 'boolean', default: false } }, allowPositionals: true }),
  )
  const pages = files.length ? files.map((f) => path.resolve(f)) : [...listLatestPages(path.resolve('docs')), ...listDataFiles(path.resolve('docs/data'))] // frozen releases are never edited
  const problems = await lintDocs(pages, fix)
  for (const p of problems) console.error(p)
  console.log(`lint: ${pages.length} files, ${problems.length} problem(s)${fix ? ' after --fix' : ''}`)
  process.exit(problems.length ? 1 : 0)
}
