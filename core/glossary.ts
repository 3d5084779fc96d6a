/**
 * Glossary data (shared by the site and scripts; the `[[id]]` Markdown syntax, the generated
 * glossary page and frozen-release snapshots are in core/glossary-refs.ts, the JSON export in .vitepress/plugins/glossary.ts).
 *
 * One YAML file per term in docs/data/glossary/<id>.yaml, validated when loaded against
 * schemas/glossary-term.schema.json and the cross-checks below; every problem is reported as
 * `docs/data/glossary/x.yaml:LINE: …`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isScalar, type Scalar } from 'yaml'
import { DataError, parseYaml, assertSchema } from './schema'
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
 * What the popover needs; shipped to the browser through docs/glossary/glossary.data.ts (Chinese
 * pages) and glossary-en.data.ts (English pages). `short` is the definition in that language;
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

/** Path as shown in messages: relative to the repository when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(ROOT, file)
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/')
}

// ---------------------------------------------------------------------------------------------
// Data: reading and validating one term file
// ---------------------------------------------------------------------------------------------

interface TermSource {
  term: Term
  file: string
  /** line of a top-level key */
  lineOf(key: string): number
  /** line of the i-th item of a list field */
  itemLine(key: string, i: number): number
  /** line of character `offset` inside the value of a text field */
  textLine(key: string, offset: number): number
}

/**
 * Parse and check one term file: the fields against schemas/glossary-term.schema.json (required
 * fields, types, lengths, the id pattern, name characters, tags), then what the schema cannot say:
 * the id equals the file's base name, aliases differ from the term's own names, `long`/`long_en`
 * hold no heading and no "{{" (reported at the line inside the text block), `tags_en` are the
 * English names of `tags` in the same order. `file` is the path used in messages.
 * @throws GlossaryError `file:line: field: problem`
 */
export function parseTermFile(source: string, file: string): TermSource {
  const yaml = parseYaml(source, file, { error: GlossaryError })
  assertSchema('glossary-term', yaml, file, GlossaryError)
  const data = yaml.data as Record<string, unknown>
  const lineOf = (key: string) => (key in data ? yaml.lineOf([key]) : 1)
  const itemLine = (key: string, i: number) => yaml.lineOf([key, i])
  const textLine = (key: string, offset: number) => {
    const v = yaml.doc.get(key, true) as Scalar | undefined
    const before = String(data[key] ?? '').slice(0, offset).split('\n').length - 1
    // literal block scalars (`|`) keep one value line per source line, starting below the key
    if (v && isScalar(v) && v.type === 'BLOCK_LITERAL') return lineOf(key) + 1 + before
    return lineOf(key)
  }
  const fail = (key: string, detail: string, line = lineOf(key)): never => {
    throw new GlossaryError(file, line, detail)
  }

  const term = { ...data } as unknown as Term
  for (const k of ['id', 'zh', 'en', 'short', 'long'] as const) term[k] = term[k].trim()
  if (term.short_en !== undefined) term.short_en = term.short_en.trim()
  if (term.long_en !== undefined) term.long_en = term.long_en.trim()

  const base = path.basename(file).replace(/\.yaml$/, '')
  if (term.id !== base) fail('id', `id: "${term.id}" must equal the file name "${base}" (rename the file or fix the id)`)
  term.aliases.forEach((a, i) => {
    // case variants (k8s, K8s) are welcome; the exact same spelling twice is a schema error (uniqueItems)
    if (a === term.zh || a === term.en) fail('aliases', `aliases[${i}]: "${a}" is the term's own name; list only other spellings`, itemLine('aliases', i))
  })
  for (const k of ['long', 'long_en'] as const) {
    const value = term[k]
    if (value === undefined) continue
    const heading = /^ {0,3}#{1,6}[ \t]/m.exec(value)
    if (heading) fail(k, `${k}: no headings inside a term text (the glossary page makes one heading per term)`, textLine(k, heading.index))
    const curly = value.indexOf('{{')
    if (curly >= 0) fail(k, `${k}: "{{" would be read as a Vue interpolation; put it in a code span or rephrase`, textLine(k, curly))
  }
  if (term.tags_en) {
    // the tag vocabulary is fixed: tags_en repeats `tags` in English, so both filters show the same groups
    const want = term.tags.map((t) => TAGS_EN[t as (typeof TAGS)[number]])
    if (term.tags_en.length !== want.length) fail('tags_en', `tags_en: must list ${want.length} tag(s), the English names of tags in the same order: [${want.join(', ')}]`)
    term.tags_en.forEach((t, i) => {
      if (t !== want[i]) fail('tags_en', `tags_en[${i}]: "${t}" should be "${want[i]}" (the English name of tag "${term.tags[i]}")`, itemLine('tags_en', i))
    })
  }
  return { term, file, lineOf, itemLine, textLine }
}

// ---------------------------------------------------------------------------------------------
// Data: the whole set, cross-checked and cached
// ---------------------------------------------------------------------------------------------

const REF_IN_TEXT = /\[\[([^\]|\n]+?)(?:\|[^\]\n]*)?\]\]/g

/** edit distance counting an adjacent transposition as one edit ("contianer" → "container" = 1) */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

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

/** Read and validate every term file of a folder (no cache). */
export function readGlossary(dir: string = GLOSSARY_DIR): Glossary {
  const names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()
  const sources: TermSource[] = []
  for (const name of names) {
    const file = displayPath(path.join(dir, name))
    if (name.endsWith('.yml')) throw new GlossaryError(file, 1, 'term files end in .yaml (rename this file)')
    sources.push(parseTermFile(fs.readFileSync(path.join(dir, name), 'utf8'), file))
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
      if (mine.has(key)) continue
      mine.add(key)
      const prev = owner.get(key)
      if (prev) {
        throw new GlossaryError(s.file, o.line, `${o.what}: "${o.name}" is already used by term "${prev.id}" (${prev.file}:${prev.line}, ${prev.what}); a name or alias may belong to one term only`)
      }
      owner.set(key, { id: s.term.id, file: s.file, line: o.line, what: o.what })
    }
  }
  // references between terms
  for (const s of sources) {
    const seen = new Set<string>()
    s.term.related.forEach((r, i) => {
      const line = s.itemLine('related', i)
      if (r === s.term.id) throw new GlossaryError(s.file, line, `related[${i}]: a term cannot be related to itself`)
      if (seen.has(r)) throw new GlossaryError(s.file, line, `related[${i}]: "${r}" is listed twice`)
      seen.add(r)
      if (!byId.has(r)) throw new GlossaryError(s.file, line, `related[${i}]: unknown glossary term "${r}" (${didYouMean(suggestIds(r, glossary))})`)
    })
    for (const k of ['long', 'long_en'] as const) {
      for (const m of (s.term[k] ?? '').matchAll(REF_IN_TEXT)) {
        const id = m[1].trim()
        if (!byId.has(id)) {
          throw new GlossaryError(s.file, s.textLine(k, m.index ?? 0), `${k}: unknown glossary term "${id}" (${didYouMean(suggestIds(id, glossary))})`)
        }
      }
    }
  }
  return glossary
}

const glossaryCache = new Map<string, { sig: string; glossary: Glossary }>()
function dirSignature(dir: string, filter: (name: string) => boolean): string {
  return fs
    .readdirSync(dir)
    .filter(filter)
    .sort()
    .map((n) => {
      const st = fs.statSync(path.join(dir, n))
      return `${n}:${st.mtimeMs}:${st.size}`
    })
    .join('|')
}

/** The validated glossary; re-read only when a file in the folder changed (cheap to call per page). */
export function loadGlossary(dir: string = GLOSSARY_DIR): Glossary {
  const sig = dirSignature(dir, (n) => /\.ya?ml$/.test(n))
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
