/**
 * Glossary data (shared by the site and scripts; the `[[id]]` Markdown syntax, the generated
 * glossary page and frozen-release snapshots are in core/glossary-refs.ts, the JSON export in .vitepress/plugins/glossary.ts).
 *
 * One Markdown file per term and language: docs/data/glossary/<id>.md (Chinese: frontmatter for
 * id, names, aliases, short definition, related terms and tags; the body is the long explanation)
 * and docs/data/glossary/en/<id>.md (English: frontmatter `short` and `tags`, the body). Field
 * guide: docs/data/glossary/README.md. Validated when loaded against
 * schemas/glossary-term.schema.json / glossary-term-en.schema.json and the checks below; every
 * problem is reported as `docs/data/glossary/x.md:LINE: …` (the line in the Markdown file), all of
 * them in one run (checkGlossary lists them, readGlossary/loadGlossary throw them as one GlossaryProblems).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DataError, schemaProblems } from './schema'
import { editDistance } from './edit-distance'
import { readFrontmatter, type Frontmatter } from './frontmatter'
import { pageLang, localePath, type Lang } from './page-lang'

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(HERE, '..')
export const DOCS_DIR = path.join(ROOT, 'docs')
export const GLOSSARY_DIR = path.join(DOCS_DIR, 'data', 'glossary')
/** the page that holds `[[glossary-list]]`; it is not counted as a page "using" a term */
export const GLOSSARY_PAGE = 'glossary/index.md'
/** the English glossary page (a translation of GLOSSARY_PAGE holding the same marker) */
export const GLOSSARY_PAGE_EN = 'en/glossary/index.md'
/** A term's entry on the glossary page of a language; the anchor (the id) is the same in both. */
export const termUrl = (id: string, lang: Lang = 'zh') => `${localePath('/glossary/', lang)}#${id}`

/**
 * Tag vocabulary, in the order the filter chips show them. A tag outside this list is an error.
 * schemas/glossary-term.schema.json lists the same tags (`tags`) and English names (`tags_en`), for
 * editors; tests/unit/schema.test.ts keeps them equal.
 */
export const TAGS = ['基础', '原理', '镜像', '构建', '运行', '存储', '网络', '架构', '安装', '编排'] as const
/** The English name of each tag (a term's `tags_en` lists these, in the order of its `tags`). */
export const TAGS_EN: Record<(typeof TAGS)[number], string> = {
  基础: 'Basics',
  原理: 'Internals',
  镜像: 'Images',
  构建: 'Build',
  运行: 'Running',
  存储: 'Storage',
  网络: 'Networking',
  架构: 'Architecture',
  安装: 'Installation',
  编排: 'Orchestration',
}

export interface Term {
  id: string
  zh: string
  en: string
  /**
   * The English name is a common noun (`en_common: true` in the term file): in running English text
   * it is written in lower case except at a sentence start (englishRefText). Absent for names.
   */
  en_common?: true
  aliases: string[]
  short: string
  long: string
  related: string[]
  tags: string[]
  /** English twins (issue #17, docs/data/glossary/README.md); optional until the translation is complete */
  short_en?: string
  long_en?: string
  tags_en?: string[]
}
/**
 * What the popover needs; shipped to the browser as one small JSON file per term and language
 * (popoverExports() in .vitepress/plugins/glossary.ts). `short` is the definition in that language;
 * `fallback: true` when an English page gets the Chinese definition because `short_en` is missing.
 */
export interface ClientTerm { zh: string; en: string; short: string; fallback?: true }
export interface PageRef { url: string; title: string }
export interface Glossary {
  terms: Term[]
  byId: Map<string, Term>
}

export class GlossaryError extends DataError {
  constructor(file: string, line: number, detail: string) {
    super(file, line, detail)
    this.name = 'GlossaryError'
  }
}

/**
 * Every problem of the term files at once, thrown by readGlossary/loadGlossary: a newcomer who
 * adds a term with three mistakes sees three `file:line: …` lines, not one per run.
 * `message` is those lines, one per problem (sorted by file, then line); `problems` the errors.
 * `stack` is the same text without JavaScript frames: the lines point at the author's Markdown, the
 * loader's own frames only bury them (VitePress prints `message` and `stack` of a config error,
 * Node the `stack` of an uncaught one).
 */
export class GlossaryProblems extends Error {
  constructor(public readonly problems: GlossaryError[]) {
    super(problems.map((p) => p.message).join('\n'))
    this.name = 'GlossaryProblems'
    this.stack = `${problems.length} problem(s) in the glossary term files (field guide: docs/data/glossary/README.md)`
  }

  /** how Node shows it (console.error, an uncaught error): the lines and the count, not the nested errors' frames */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.message}\n${this.stack}`
  }
}

/**
 * Where a term check puts what it finds: with a sink, every problem is collected and the check goes
 * on; without one (parsing a single file in a test), the first problem is thrown.
 */
type Report = (file: string, line: number, detail: string) => void
const reporter = (sink?: GlossaryError[]): Report => (file, line, detail) => {
  const e = new GlossaryError(file, line, detail)
  if (!sink) throw e
  sink.push(e)
}

/** Path as shown in messages: relative to the repository when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(ROOT, file)
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/')
}

// ---------------------------------------------------------------------------------------------
// Data: reading and validating one term file
// ---------------------------------------------------------------------------------------------

/**
 * The English text of term `<id>` is in `en/<id>.md` next to the Chinese `<id>.md`: the same
 * relative name in a language folder, as pages pair docs/<rel>.md ⇄ docs/en/<rel>.md
 * (core/translation.ts); a further language would be one more folder.
 */
export const GLOSSARY_EN_DIR = 'en'

/** The term file of `id` in a language: `<dir>/<id>.md` (Chinese) or `<dir>/en/<id>.md` (English). */
export const termFile = (id: string, lang: Lang = 'zh', dir: string = GLOSSARY_DIR) =>
  lang === 'zh' ? path.join(dir, `${id}.md`) : path.join(dir, GLOSSARY_EN_DIR, `${id}.md`)

/** Is `file` (any form of path) an English term file, docs/data/glossary/en/<id>.md? The lint checks its body as English. */
export const isEnglishTermFile = (file: string) => /(^|\/)data\/glossary\/en\/[^/]+\.md$/.test(file.split('\\').join('/'))

/** Is `name` (a file name in a glossary folder) a term file? README.md is the field guide. */
const isTermFileName = (name: string) => name.endsWith('.md') && name !== 'README.md'

/**
 * Is `file` (absolute, or relative to the working directory) a term file of the glossary folder
 * `dir`: `<dir>/<id>.md` or `<dir>/en/<id>.md`, the files checkGlossary reads? (`npm run check`
 * checks such an argument as a term, not as a page.)
 */
export function isTermFile(file: string, dir: string = GLOSSARY_DIR): boolean {
  const parent = path.dirname(path.resolve(file))
  return isTermFileName(path.basename(file)) && (parent === path.resolve(dir) || parent === path.resolve(dir, GLOSSARY_EN_DIR))
}

/** Where one piece of a term's text came from: file and 1-based line. */
interface At { file: string; line: number }

interface TermSource {
  term: Term
  file: string
  /** line of a top-level frontmatter key of the Chinese file (line 1 when the key is absent) */
  lineOf(key: string): number
  /** line of the i-th item of a list field of the Chinese file */
  itemLine(key: string, i: number): number
  /** file and line of character `offset` of `long` (the Chinese body) or `long_en` (the English body) */
  textAt(key: 'long' | 'long_en', offset: number): At
  /** the English file, once parseTermTranslation has read it */
  en?: { file: string; lineAt(offset: number): number }
}

/** A body (the long explanation) with its length limits, as the old `long`/`long_en` fields had. */
const BODY_LIMITS = { zh: { min: 20, max: 2000 }, en: { min: 20, max: 4000 } }

/**
 * The body of a term file: the trimmed Markdown after the frontmatter, and the file line of any
 * character of it. Checks what no schema can: its length, no heading (the glossary page makes one
 * heading per term), no "{{" (VitePress would read it as a Vue interpolation).
 * @param report where each problem goes (`file:line: body: …` at the offending line of the body)
 */
function readBody(fm: Frontmatter, file: string, limits: { min: number; max: number }, report: Report): { text: string; lineAt(offset: number): number } {
  const text = fm.body.trim()
  const lead = fm.body.length - fm.body.trimStart().length
  const lineAt = (offset: number) => fm.bodyLine + (fm.body.slice(0, lead + offset).match(/\n/g)?.length ?? 0)
  const length = [...text].length
  if (length < limits.min) report(file, fm.bodyLine, `body: the long explanation after the frontmatter must have at least ${limits.min} characters (has ${length})`)
  if (length > limits.max) report(file, fm.bodyLine, `body: the long explanation must have at most ${limits.max} characters (has ${length})`)
  const heading = /^ {0,3}#{1,6}[ \t]/m.exec(text)
  if (heading) report(file, lineAt(heading.index), 'body: no headings inside a term text (the glossary page makes one heading per term)')
  const curly = text.indexOf('{{')
  if (curly >= 0) report(file, lineAt(curly), 'body: no "{{" in a term text, not even in a code span (VitePress reads it as a Vue interpolation); rephrase')
  return { text, lineAt }
}

/**
 * The frontmatter of a term file, or undefined after reporting why it cannot be read (no closing
 * `---`, invalid YAML, not a mapping: nothing else in that file can be checked then).
 */
function termFrontmatter(source: string, file: string, report: Report): Frontmatter | undefined {
  try {
    return readFrontmatter(source, file, { error: GlossaryError })
  } catch (e) {
    if (!(e instanceof GlossaryError)) throw e
    report(e.file, e.line, e.detail)
    return undefined
  }
}

/** Every schema violation of a term file's frontmatter, reported in file order. */
function checkSchema(name: 'glossary-term' | 'glossary-term-en', fm: Frontmatter, file: string, report: Report): void {
  for (const p of schemaProblems(name, fm.yaml)) report(file, p.line, p.detail)
}

// After a schema problem the file's other checks still run, on what the fields hold: text for a
// text field, the text items of a list. So one run shows every mistake, and a term with a bad tag
// still counts as existing for the `related` and `[[id]]` of the other terms (no follow-up errors).
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/**
 * Parse and check one Chinese term file, `<id>.md`: the frontmatter against
 * schemas/glossary-term.schema.json (required fields, types, lengths, the id pattern, name
 * characters, tags), then what the schema cannot say: the id equals the file's base name, aliases
 * differ from the term's own names, and the body (readBody). `file` is the path used in messages;
 * lines are lines of the Markdown file (the opening `---` is line 1).
 * The term has no English text yet: parseTermTranslation adds it.
 * @param problems with it, every problem is added to it and the term is returned whenever the
 *   frontmatter could be read (its id is then the file name if the `id` field is unusable);
 *   without it the first problem is thrown
 * @returns undefined only with `problems`, for a file whose frontmatter cannot be read
 * @throws GlossaryError `file:line: field: problem` (without `problems`)
 */
export function parseTermFile(source: string, file: string): TermSource
export function parseTermFile(source: string, file: string, problems: GlossaryError[]): TermSource | undefined
export function parseTermFile(source: string, file: string, problems?: GlossaryError[]): TermSource | undefined {
  const report = reporter(problems)
  const fm = termFrontmatter(source, file, report)
  if (!fm) return undefined
  checkSchema('glossary-term', fm, file, report)
  const data = fm.data
  const lineOf = fm.lineOf
  const itemLine = (key: string, i: number) => fm.yaml.lineOf([key, i])
  const body = readBody(fm, file, BODY_LIMITS.zh, report)
  const base = path.basename(file).replace(/\.md$/, '')
  // the fields in one fixed order, whatever the order in the file (the exports list them so)
  const term: Term = {
    id: text(data.id) || base, zh: text(data.zh), en: text(data.en), aliases: texts(data.aliases), short: text(data.short),
    long: body.text, related: texts(data.related), tags: texts(data.tags),
  }
  if (data.en_common === true) term.en_common = true

  // the Chinese glossary heading is `zh（en）`: parentheses in `en` nest (构建参数（Build argument (ARG)）);
  // a qualifier belongs in the name itself (Kubernetes Service), an abbreviation in `aliases`
  if (/[()（）]/.test(term.en)) report(file, lineOf('en'), `en: "${term.en}" has parentheses, which nest in the glossary heading "${term.zh}（${term.en}）"; write the qualifier into the name ("Kubernetes Service") and put abbreviations in aliases`)
  if (typeof data.id === 'string' && term.id !== base) report(file, lineOf('id'), `id: "${term.id}" must equal the file name "${base}" (rename the file or fix the id)`)
  term.aliases.forEach((a, i) => {
    // case variants (k8s, K8s) are welcome; the exact same spelling twice is a schema error (uniqueItems)
    if (a && (a === term.zh || a === term.en)) report(file, itemLine('aliases', i), `aliases[${i}]: "${a}" is the term's own name; list only other spellings`)
  })
  const src: TermSource = {
    term, file, lineOf, itemLine,
    textAt: (key, offset) => (key === 'long' || !src.en ? { file, line: key === 'long' ? body.lineAt(offset) : 1 } : { file: src.en.file, line: src.en.lineAt(offset) }),
  }
  return src
}

/**
 * Parse and check the English file of a term, `en/<id>.md`, and add its text to the term as the
 * English twins: frontmatter `short` → `short_en`, `tags` → `tags_en`, body → `long_en`. The
 * frontmatter follows schemas/glossary-term-en.schema.json; `tags` must be the English names
 * (TAGS_EN) of the Chinese file's `tags`, in the same order, so both filters show the same
 * groups; the body follows the rules of readBody.
 * @param zh the parsed Chinese file of the same id (changed in place: its term gets the twins)
 * @param problems as for parseTermFile: collect every problem instead of throwing the first
 * @throws GlossaryError `file:line: field: problem`, lines of the English file (without `problems`)
 */
export function parseTermTranslation(source: string, file: string, zh: TermSource, problems?: GlossaryError[]): TermSource {
  const report = reporter(problems)
  const fm = termFrontmatter(source, file, report)
  if (!fm) return zh
  checkSchema('glossary-term-en', fm, file, report)
  const tags = texts(fm.data.tags)
  const body = readBody(fm, file, BODY_LIMITS.en, report)
  const want = zh.term.tags.map((t) => TAGS_EN[t as (typeof TAGS)[number]])
  // compared only when the Chinese tags are all known: a bad Chinese tag is that file's problem, already reported
  if (Array.isArray(fm.data.tags) && want.every(Boolean)) {
    if (tags.length !== want.length) report(file, fm.lineOf('tags'), `tags: must list ${want.length} tag(s), the English names of the tags of ${zh.file} in the same order: [${want.join(', ')}]`)
    else tags.forEach((t, i) => {
      if (t !== want[i]) report(file, fm.yaml.lineOf(['tags', i]), `tags[${i}]: "${t}" should be "${want[i]}" (the English name of tag "${zh.term.tags[i]}" in ${zh.file})`)
    })
  }
  Object.assign(zh.term, { short_en: text(fm.data.short), long_en: body.text, tags_en: tags })
  zh.en = { file, lineAt: body.lineAt }
  return zh
}

// ---------------------------------------------------------------------------------------------
// Data: the whole set, cross-checked and cached
// ---------------------------------------------------------------------------------------------

const REF_IN_TEXT = /\[\[([^\]|\n]+?)(?:\|[^\]\n]*)?\]\]/g

/**
 * Ids to suggest for an unknown `word`: terms whose name or alias is exactly the word (`k8s` →
 * kubernetes), else the closest ids by edit distance (ties kept, at most three; a containing id
 * counts as slightly farther than one edit). Always at least one.
 */
export function suggestIds(word: string, glossary: Pick<Glossary, 'terms'>): string[] {
  const w = word.trim().toLowerCase()
  const named = glossary.terms.filter((t) => [t.id, t.zh, t.en, ...t.aliases].some((n) => n.toLowerCase() === w)).map((t) => t.id)
  if (named.length) return named.slice(0, 3)
  const scored = glossary.terms
    .map((t) => ({ id: t.id, d: Math.min(editDistance(w, t.id), t.id.includes(w) || w.includes(t.id) ? 1.5 : Infinity) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
  return scored.filter((s) => s.d === scored[0].d).slice(0, 3).map((s) => s.id)
}
export const didYouMean = (ids: string[]) => `did you mean ${ids.map((s) => `"${s}"`).join(', ')}?`

/**
 * Read and check every term file of a folder (no cache): `<dir>/<id>.md` and the English
 * `<dir>/en/<id>.md` (optional per term: without it /en/ pages fall back to the Chinese text and
 * scripts/lib/english-data.ts reports the gap). Then the cross-file checks: names and aliases
 * unique, `related` and `[[id]]` in both bodies point at existing terms. Every problem of every
 * file is collected; a file with a problem still takes part in the cross-file checks as far as its
 * fields allow (see parseTermFile), so one run lists all mistakes without follow-up errors.
 * @param dir the glossary folder (docs/data/glossary; tests pass fixtures)
 * @returns the terms sorted by id, the same terms by id, and the problems (`file:line: …`, sorted
 *   by file, then line; empty when the set is valid). With problems the glossary is incomplete:
 *   use readGlossary/loadGlossary for data, this for reporting (npm run check).
 */
export function checkGlossary(dir: string = GLOSSARY_DIR): { glossary: Glossary; problems: GlossaryError[] } {
  const problems: GlossaryError[] = []
  const report = reporter(problems)
  const names = fs.readdirSync(dir).sort()
  const sources: TermSource[] = []
  for (const name of names) {
    const file = displayPath(path.join(dir, name))
    // a term file in the old format (a merge from an older branch): say where it goes instead of skipping it
    if (/\.ya?ml$/.test(name)) report(file, 1, `terms are Markdown files now: move this term to ${name.replace(/\.ya?ml$/, '.md')} (frontmatter) and en/${name.replace(/\.ya?ml$/, '.md')} (English), see docs/data/glossary/README.md`)
    else if (isTermFileName(name)) {
      const src = parseTermFile(fs.readFileSync(path.join(dir, name), 'utf8'), file, problems)
      if (src) sources.push(src)
    }
  }
  const enDir = path.join(dir, GLOSSARY_EN_DIR)
  const zhById = new Map(sources.map((s) => [s.term.id, s]))
  for (const name of fs.existsSync(enDir) ? fs.readdirSync(enDir).filter(isTermFileName).sort() : []) {
    const file = displayPath(path.join(enDir, name))
    const id = name.replace(/\.md$/, '')
    const zh = zhById.get(id)
    if (zh) parseTermTranslation(fs.readFileSync(path.join(enDir, name), 'utf8'), file, zh, problems)
    // a Chinese file that exists but cannot be read was reported itself
    else if (!fs.existsSync(termFile(id, 'zh', dir))) report(file, 1, `no Chinese term file ${displayPath(termFile(id, 'zh', dir))}: an English term file translates the Chinese file of the same name (rename it or add the term)`)
  }
  const byId = new Map(sources.map((s) => [s.term.id, s.term]))
  const glossary: Glossary = { terms: sources.map((s) => s.term), byId }

  // names and aliases must point at one term only (case-insensitive)
  const owner = new Map<string, { id: string; file: string; line: number; what: string }>()
  for (const s of sources) {
    const own = [
      { name: s.term.id, what: 'id', line: s.lineOf('id') },
      { name: s.term.zh, what: 'zh', line: s.lineOf('zh') },
      { name: s.term.en, what: 'en', line: s.lineOf('en') },
      ...s.term.aliases.map((a, i) => ({ name: a, what: `aliases[${i}]`, line: s.itemLine('aliases', i) })),
    ]
    const mine = new Set<string>()
    for (const o of own) {
      const key = o.name.toLowerCase()
      // '' is a missing or unusable field, already reported by the schema
      if (!key || mine.has(key)) continue
      mine.add(key)
      const prev = owner.get(key)
      if (prev) {
        report(s.file, o.line, `${o.what}: "${o.name}" is already used by term "${prev.id}" (${prev.file}:${prev.line}, ${prev.what}); a name or alias may belong to one term only`)
        continue
      }
      owner.set(key, { id: s.term.id, file: s.file, line: o.line, what: o.what })
    }
  }
  // references between terms
  for (const s of sources) {
    const seen = new Set<string>()
    s.term.related.forEach((r, i) => {
      const line = s.itemLine('related', i)
      if (r === s.term.id) report(s.file, line, `related[${i}]: a term cannot be related to itself`)
      else if (seen.has(r)) report(s.file, line, `related[${i}]: "${r}" is listed twice`)
      else if (!byId.has(r)) report(s.file, line, `related[${i}]: unknown glossary term "${r}" (${didYouMean(suggestIds(r, glossary))})`)
      seen.add(r)
    })
    for (const k of ['long', 'long_en'] as const) {
      for (const m of (s.term[k] ?? '').matchAll(REF_IN_TEXT)) {
        const id = m[1].trim()
        if (!byId.has(id)) {
          const at = s.textAt(k, m.index ?? 0)
          report(at.file, at.line, `body: unknown glossary term "${id}" (${didYouMean(suggestIds(id, glossary))})`)
        }
      }
    }
  }
  // by file, then line; problems of one line keep the order they were found in (Array.sort is stable)
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  return { glossary, problems }
}

/**
 * Read and validate every term file of a folder (no cache), as checkGlossary.
 * @param dir the glossary folder (docs/data/glossary; tests pass fixtures)
 * @returns the terms sorted by id, and the same terms by id
 * @throws GlossaryProblems with every problem (`file:line: …` lines in its message)
 */
export function readGlossary(dir: string = GLOSSARY_DIR): Glossary {
  const { glossary, problems } = checkGlossary(dir)
  if (problems.length) throw new GlossaryProblems(problems)
  return glossary
}

const glossaryCache = new Map<string, { sig: string; glossary: Glossary }>()
/** names, mtimes and sizes of the files of a folder (none for a missing folder) */
function dirSignature(dir: string): string {
  if (!fs.existsSync(dir)) return ''
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort()
    .map((n) => {
      const st = fs.statSync(path.join(dir, n))
      return `${n}:${st.mtimeMs}:${st.size}`
    })
    .join('|')
}

/**
 * The validated glossary; re-read only when a file in the folder or its en/ folder changed (cheap to call per page).
 * @throws GlossaryProblems with every problem of the term files (see checkGlossary)
 */
export function loadGlossary(dir: string = GLOSSARY_DIR): Glossary {
  const sig = `${dirSignature(dir)}||${dirSignature(path.join(dir, GLOSSARY_EN_DIR))}`
  const hit = glossaryCache.get(dir)
  if (hit && hit.sig === sig) return hit.glossary
  const glossary = readGlossary(dir)
  glossaryCache.set(dir, { sig, glossary })
  return glossary
}

/**
 * id → { zh, en, short }: the small map the popover component of one language imports (`short` in
 * that language). One map per language, so a page downloads the definitions of its language only.
 */
export function clientTerms(glossary: Glossary = loadGlossary(), lang: Lang = 'zh'): Record<string, ClientTerm> {
  return Object.fromEntries(
    glossary.terms.map((t) => {
      if (lang === 'zh' || t.short_en) return [t.id, { zh: t.zh, en: t.en, short: lang === 'en' ? t.short_en! : t.short }]
      return [t.id, { zh: t.zh, en: t.en, short: t.short, fallback: true as const }]
    }),
  )
}

/**
 * The label of an `[[id]]` reference on an English page: the English name, with its first letter
 * lower-cased when the term is a common noun (`en_common`) and the reference does not start a
 * sentence — English style writes "pull an image", not "pull an Image" (Microsoft Writing Style Guide
 * and Google developer documentation style: capitalize proper nouns only). Only the first letter
 * changes ("Container ID" → "container ID").
 * @param sentenceStart the reference opens a paragraph, list item, table cell or heading, or follows
 *   `.`, `!` or `?` (see sentenceStartBefore)
 */
export function englishRefText(t: Pick<Term, 'en' | 'en_common'>, sentenceStart: boolean): string {
  if (!t.en_common || sentenceStart) return t.en
  return t.en.charAt(0).toLowerCase() + t.en.slice(1)
}

/** Does the text before a reference (in the same paragraph) end a sentence, or is there none? */
export const sentenceStartBefore = (before: string) => /(^|[.!?]["'”’)\]]?)\s*$/.test(before)

/**
 * A term's text in one language: the English twins on `en`, falling back to the Chinese text while
 * a twin is missing (englishDataGaps() in scripts/lib/english-data.ts counts those).
 */
export function termText(t: Term, lang: Lang): { name: string; short: string; long: string; tags: string[] } {
  if (lang === 'zh') return { name: t.zh, short: t.short, long: t.long, tags: t.tags }
  return {
    name: t.en,
    short: t.short_en ?? t.short,
    long: t.long_en ?? t.long,
    tags: t.tags_en ?? t.tags.map((x) => TAGS_EN[x as (typeof TAGS)[number]] ?? x),
  }
}

// ---------------------------------------------------------------------------------------------
