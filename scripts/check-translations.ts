/**
 * The English edition against its Chinese source (issue #17; rules: scripts/lib/translations.ts).
 *
 *   npm run i18n:check                      # parity + structure + drift; exit 1 on any problem
 *   npm run i18n:check -- --drift-only      # only stale/unstamped pages (ignores missing pages)
 *   npm run i18n:stamp -- docs/en/guide/why.md [more…]   # record the current Chinese source
 *   npm run i18n:stamp -- --all             # stamp every English page that has a Chinese source
 *
 * Output: one `file:line: problem` per line, then a summary line
 * `translations: <n> paired, <m> missing, <o> orphan, <s> structure, <d> stale/unstamped`.
 * Stamp only after the translation really matches the Chinese page: the stamp says "this English
 * page translates exactly that version of the Chinese file".
 */
import path from 'node:path'
import { checkTranslations, EN_DIR, listEditions, stampPage } from './lib/translations'
import { parseCli, parseOrExit } from './lib/cli-args'

const USAGE = 'npm run i18n:check -- [--drift-only] | npm run i18n:stamp -- (docs/en/x.md… | --all)'

/** Resolve `docs/en/guide/why.md` (or `guide/why.md`) to the relative path under docs/en/. */
function relOf(docsDir: string, arg: string): string {
  const abs = path.resolve(arg)
  const enDir = path.join(docsDir, EN_DIR)
  if (abs.startsWith(enDir + path.sep)) return path.relative(enDir, abs).split(path.sep).join('/')
  if (!arg.startsWith('/') && !arg.startsWith('docs/')) return arg
  throw new Error(`${arg}: not an English page (expected a file under docs/${EN_DIR}/)`)
}

/**
 * Run the check or the stamp for a command line (the arguments after the script).
 * @returns the exit code: 0 ok, 1 problems found, 2 nothing to stamp
 * @throws HelpRequested / UsageError (scripts/lib/cli-args.ts) for a bad command line; Error for a
 *   page outside docs/en/
 */
export function main(argv: string[], docsDir = path.resolve('docs')): number {
  const { values, positionals } = parseCli(argv, {
    options: { stamp: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, 'drift-only': { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (values.stamp) {
    const rels = values.all ? listEditions(docsDir).en.filter((r) => listEditions(docsDir).zh.includes(r)) : positionals.map((a) => relOf(docsDir, a))
    if (!rels.length) { console.error('i18n:stamp: name English pages (docs/en/…) or --all'); return 2 }
    let failed = 0
    for (const rel of rels) {
      try {
        console.log(`stamped docs/${EN_DIR}/${rel} (${stampPage(docsDir, rel)})`)
      } catch (e) {
        console.error((e as Error).message)
        failed++
      }
    }
    return failed ? 1 : 0
  }
  const r = checkTranslations(docsDir)
  const lines = values['drift-only'] ? r.drift.map((d) => d.message) : [...r.missing, ...r.orphans, ...r.structure, ...r.drift.map((d) => d.message)]
  for (const l of lines) console.error(l)
  const stale = r.drift.filter((d) => d.reason !== 'unstamped').length
  console.log(`translations: ${r.paired} paired, ${r.missing.length} missing, ${r.orphans.length} orphan, ${r.structure.length} structure, ${stale} stale, ${r.drift.length - stale} unstamped`)
  return lines.length ? 1 : 0
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    // a bad command line: the option and the usage, exit 2; help: exit 0
    process.exit(parseOrExit('i18n', USAGE, () => main(process.argv.slice(2))))
  } catch (e) {
    console.error(`i18n: ${(e as Error).message}`)
    process.exit(2)
  }
}
