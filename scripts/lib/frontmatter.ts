/**
 * Page frontmatter: reading it with line numbers, and the schema every page must follow.
 * Used by the sidebar generator, the build (transformPageData) and the tests, so a bad field
 * fails the same way everywhere: `docs/x.md:3: description: ...`.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Pair } from 'yaml'

export class FrontmatterError extends Error {
  constructor(
    public file: string,
    public line: number,
    public detail: string,
  ) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'FrontmatterError'
  }
}

export interface Frontmatter {
  data: Record<string, unknown>
  /** 1-based line of a top-level key in the Markdown file (the opening `---` is line 1) */
  lineOf(key: string): number
}

/** Parse the YAML frontmatter of a Markdown file. A file without frontmatter gives `data: {}`. */
export function readFrontmatter(text: string, file: string): Frontmatter {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text)
  if (!m) {
    if (text.startsWith('---')) throw new FrontmatterError(file, 1, 'frontmatter is not closed by a `---` line')
    return { data: {}, lineOf: () => 1 }
  }
  const counter = new LineCounter()
  const doc = parseDocument(m[1], { lineCounter: counter, prettyErrors: false })
  if (doc.errors.length) {
    const e = doc.errors[0]
    const line = (e.linePos?.[0]?.line ?? 1) + 1
    throw new FrontmatterError(file, line, `invalid YAML: ${e.message.split('\n')[0]}`)
  }
  const lines = new Map<string, number>()
  if (doc.contents && !isMap(doc.contents)) throw new FrontmatterError(file, 2, 'frontmatter must be a mapping of keys')
  for (const pair of (isMap(doc.contents) ? doc.contents.items : []) as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const offset = (pair.key as { range?: [number, number] })?.range?.[0] ?? 0
    lines.set(key, counter.linePos(offset).line + 1)
  }
  return {
    data: (doc.toJS() ?? {}) as Record<string, unknown>,
    lineOf: (key) => lines.get(key) ?? 1,
  }
}

/** Where a page draws its content from; `sources:` entries must be one of these ids. */
export const SOURCES = {
  'yama-2025': {
    title: 'Docker：build once, run anywhere（一个困扰许多人的问题）',
    author: 'Yama',
    date: '2025-09-24',
    url: 'https://zhuanlan.zhihu.com/p/1954220510616486296',
  },
  'docker-resources-2025': {
    title: 'docker 优质资源整合',
    author: '佚名（课程笔记）',
    date: '2025-12-10',
    url: '',
  },
} as const
export type SourceId = keyof typeof SOURCES

/** VitePress keys we allow besides our own; anything else is probably a typo. */
const VITEPRESS_KEYS = new Set([
  'layout', 'hero', 'features', 'sidebar', 'aside', 'outline', 'prev', 'next', 'editLink', 'lastUpdated',
  'pageClass', 'head', 'search', 'navbar', 'footer', 'titleTemplate', 'isHome',
])

type Check = (v: unknown) => string | null
const str = (min: number, max: number): Check => (v) =>
  typeof v !== 'string' ? 'must be text' : v.trim().length < min ? `must have at least ${min} characters` : v.length > max ? `must have at most ${max} characters (has ${v.length})` : null

const FIELDS: Record<string, { required: boolean; check: Check; help: string }> = {
  title: { required: true, check: str(2, 60), help: 'page title shown in the sidebar and <title>' },
  description: { required: true, check: str(10, 200), help: 'one or two sentences for search results and social cards' },
  sources: {
    required: true,
    help: `list of source ids (${Object.keys(SOURCES).join(', ')}); use [] for pages that draw on neither article`,
    check: (v) => {
      if (!Array.isArray(v)) return 'must be a list, e.g. [yama-2025]'
      const bad = v.filter((s) => !(typeof s === 'string' && s in SOURCES))
      return bad.length ? `unknown source ${JSON.stringify(bad[0])} (known: ${Object.keys(SOURCES).join(', ')})` : null
    },
  },
  order: { required: false, help: 'position in the sidebar', check: (v) => (Number.isInteger(v) ? null : 'must be a whole number') },
  updated: {
    required: false,
    help: 'date of the last content review, YYYY-MM-DD',
    check: (v) => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : v
      return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? null : 'must be a date YYYY-MM-DD'
    },
  },
  group: { required: false, help: 'nav dropdown a section index belongs to', check: str(1, 20) },
  translation: {
    required: false,
    help: 'English pages only: the Chinese source this page translates, { source: <path under docs/>, hash: <12 hex> } (written by npm run i18n:stamp)',
    check: (v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be a mapping { source: guide/why.md, hash: 0123456789ab } (write it with npm run i18n:stamp)'
      const t = v as Record<string, unknown>
      const extra = Object.keys(t).filter((k) => k !== 'source' && k !== 'hash')
      if (extra.length) return `unknown key "${extra[0]}" (only source and hash)`
      if (typeof t.source !== 'string' || !/^(?:[a-z0-9][\w.-]*\/)*[\w.-]+\.md$/.test(t.source)) return 'source must be the Chinese page\'s path under docs/, e.g. guide/why.md'
      if (typeof t.hash !== 'string' || !/^[0-9a-f]{12}$/.test(t.hash)) return 'hash must be 12 lower-case hex digits (the start of the SHA-256 of the Chinese file)'
      return null
    },
  },
  keywords: {
    required: false,
    help: 'extra search words (Chinese task words, flags)',
    check: (v) => (Array.isArray(v) && v.every((k) => typeof k === 'string' || typeof k === 'number') ? null : 'must be a list of words, e.g. [端口映射, -p]'),
  },
}

/**
 * The translation stamp of an English page (docs/en/<rel>.md), issue #17:
 *
 *   translation: { source: guide/why.md, hash: 0123456789ab }
 *
 * `source` is the Chinese page's path under docs/ (always equal to <rel>: the English tree mirrors
 * the Chinese one); `hash` is the first 12 hex digits of the SHA-256 of the Chinese file's exact
 * bytes when the translation was last brought up to date. Written by `npm run i18n:stamp` (and by
 * `npm run new` for a fresh page); compared by `npm run i18n:check` (scripts/lib/translations.ts).
 * Only pages of the English edition (docs/en/**, docs/v/<release>/en/**) may carry it.
 */
export interface TranslationStamp { source: string; hash: string }

/** Is this (docs-relative or repo-relative) file a page of the English edition? */
export const isEnglishPage = (file: string) => /(^|\/)docs\/(v\/[^/]+\/)?en\/|^(v\/[^/]+\/)?en\//.test(file.split('\\').join('/').replace(/^\.\//, ''))

/** Validate a page's frontmatter; throws FrontmatterError naming file and line. */
export function validateFrontmatter(fm: Frontmatter, file: string): void {
  const { data } = fm
  if ('translation' in data && !isEnglishPage(file)) {
    throw new FrontmatterError(file, fm.lineOf('translation'), 'translation: only English pages (docs/en/...) carry a translation stamp')
  }
  for (const [key, spec] of Object.entries(FIELDS)) {
    if (!(key in data)) {
      if (spec.required) throw new FrontmatterError(file, 1, `missing frontmatter field "${key}" (${spec.help})`)
      continue
    }
    const problem = spec.check(data[key])
    if (problem) throw new FrontmatterError(file, fm.lineOf(key), `${key}: ${problem}`)
  }
  for (const key of Object.keys(data)) {
    if (!(key in FIELDS) && !VITEPRESS_KEYS.has(key)) {
      throw new FrontmatterError(file, fm.lineOf(key), `unknown frontmatter field "${key}" (allowed: ${[...Object.keys(FIELDS), ...VITEPRESS_KEYS].join(', ')})`)
    }
  }
}
