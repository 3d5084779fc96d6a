/**
 * Page frontmatter: reading it with line numbers, and checking it against the schema every page
 * must follow (schemas/frontmatter.schema.json).
 * Used by the sidebar generator, the build (transformPageData) and the tests, so a bad field
 * fails the same way everywhere: `docs/x.md:3: description: ...`.
 */
import { DataError, parseYaml, schemaProblems, type YamlData } from './schema'

export class FrontmatterError extends DataError {
  constructor(file: string, line: number, detail: string) {
    super(file, line, detail)
    this.name = 'FrontmatterError'
  }
}

export interface Frontmatter {
  data: Record<string, unknown>
  /** 1-based line of a top-level key in the Markdown file (the opening `---` is line 1) */
  lineOf(key: string): number
  /** the parsed YAML with lines in the Markdown file (`{}` at line 1 for a page without frontmatter) */
  yaml: YamlData
  /** the Markdown after the frontmatter (and after the blank lines that follow its closing `---`); the whole text without frontmatter */
  body: string
  /** 1-based line of the file on which `body` starts (1 without frontmatter) */
  bodyLine: number
}

/**
 * Parse the YAML frontmatter of a Markdown file. A file without frontmatter gives `data: {}`.
 * @param opts.error the error class to throw (the owner's, e.g. GlossaryError for term files); FrontmatterError by default
 * @throws opts.error `file:line: …` for an unclosed frontmatter, invalid YAML or a frontmatter that is not a mapping
 */
export function readFrontmatter(text: string, file: string, opts: { error?: new (file: string, line: number, detail: string) => Error } = {}): Frontmatter {
  const Err = opts.error ?? FrontmatterError
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text)
  if (!m) {
    if (text.startsWith('---')) throw new Err(file, 1, 'frontmatter is not closed by a `---` line')
    // checked as an empty mapping: a missing field is reported at line 1
    return { data: {}, lineOf: () => 1, yaml: parseYaml('{}', file), body: text, bodyLine: 1 }
  }
  // the YAML starts on line 2, after the opening `---`
  const yaml = parseYaml(m[1], file, { firstLine: 2, error: Err })
  yaml.data ??= {}
  if (typeof yaml.data !== 'object' || Array.isArray(yaml.data)) throw new Err(file, 2, 'frontmatter must be a mapping of keys')
  const data = yaml.data as Record<string, unknown>
  // m[0] ends after the closing `---` and any blank lines after it: the body starts on the next line
  const bodyLine = 1 + (m[0].match(/\n/g)?.length ?? 0)
  return { data, lineOf: (key) => (key in data ? yaml.lineOf([key]) : 1), yaml, body: text.slice(m[0].length), bodyLine }
}

/** Where a page draws its content from; `sources:` entries must be one of these ids. */
export const SOURCES = {
  'yama-2025': {
    title: 'Docker：build once, run anywhere（一个困扰许多人的问题）',
    author: 'Yama',
    date: '2025-09-24',
    url: 'https://zhuanlan.zhihu.com/p/1954220510616486296',
    /** how the site's pages name it (the "与原文的差异" blocks; /about/credits#<id>) */
    label: { zh: '文章一：Yama 的 Docker 分享', en: "article 1, Yama's Docker introduction" },
  },
  'docker-resources-2025': {
    title: 'docker 优质资源整合',
    author: '佚名（课程笔记）',
    date: '2025-12-10',
    url: '',
    label: { zh: '文章二：docker 优质资源整合', en: 'article 2, "docker 优质资源整合"' },
  },
} as const
export type SourceId = keyof typeof SOURCES

/**
 * The "与原文的差异" block every page that corrects a source article ends with
 * (docs/contribute/writing.md): its opening line per page language, and the sentence it starts
 * with, which names the source articles and links them to /about/credits#<id>. One owner for both:
 * the generated blocks of the command reference (core/commands.ts correctionsMarkdown) and the
 * hand-written blocks of the pages, which get the sentence when the Markdown is expanded
 * (core/commands.ts expandCommandMarkersWithMap), so no page writes it by hand.
 */
export const ORIGINAL_BLOCK = {
  zh: { open: '::: details 与原文的差异', credits: '/about/credits' },
  en: { open: '::: details Differences from the original article', credits: '/en/about/credits' },
} as const

/**
 * What "原文" means in the block: the source articles `ids`, in SOURCES order, each linked.
 * @param ids source ids (unknown ids are the caller's error to report)
 * @returns one Markdown line, e.g. 这里的“原文”指本站的来源文章[文章一：Yama 的 Docker 分享](/about/credits#yama-2025)。
 */
export function originalArticlesLine(ids: Iterable<string>, lang: 'zh' | 'en'): string {
  const used = new Set(ids)
  const links = (Object.keys(SOURCES) as SourceId[]).filter((id) => used.has(id)).map((id) => `[${SOURCES[id].label[lang]}](${ORIGINAL_BLOCK[lang].credits}#${id})`)
  if (lang === 'en') {
    return links.length > 1
      ? `"The original article" here means this site's two source articles: ${links.join(' and ')}.`
      : `"The original article" here means this site's source ${links[0]}.`
  }
  return links.length > 1 ? `这里的“原文”指本站的两篇来源文章：${links.join('和')}。` : `这里的“原文”指本站的来源文章${links[0]}。`
}

/**
 * The translation stamp of an English page (docs/en/<rel>.md), issue #17:
 *
 *   translation: { source: guide/why.md, hash: '0123456789ab' }
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

/**
 * Every problem of a page's frontmatter, in file order: the schema (schemas/frontmatter.schema.json:
 * fields, types, source ids, unknown keys — with "did you mean …?" for a near miss, core/schema.ts)
 * plus what depends on the file: only English pages carry a translation stamp.
 * @returns one FrontmatterError per problem (`docs/x.md:5: order: must be a whole number (got string "two")`); empty when valid
 */
export function frontmatterProblems(fm: Frontmatter, file: string): FrontmatterError[] {
  const out: FrontmatterError[] = []
  if ('translation' in fm.data && !isEnglishPage(file)) {
    out.push(new FrontmatterError(file, fm.lineOf('translation'), 'translation: only English pages (docs/en/...) carry a translation stamp'))
  }
  for (const p of schemaProblems('frontmatter', fm.yaml)) out.push(new FrontmatterError(file, p.line, p.detail))
  return out.sort((a, b) => a.line - b.line)
}

/**
 * Validate a page's frontmatter (frontmatterProblems); the build stops at the first problem.
 * @throws FrontmatterError naming file and line, e.g. `docs/x.md:5: order: must be a whole number (got string "two")`
 */
export function validateFrontmatter(fm: Frontmatter, file: string): void {
  const [first] = frontmatterProblems(fm, file)
  if (first) throw first
}

/**
 * A page's H1 from its Markdown source: the text of the first `# ` line, trimmed, without a
 * `{#anchor}` suffix; undefined when the page has none. (Pages hold one H1; check-pages enforces it.)
 */
export function pageH1(source: string): string | undefined {
  return /^#\s+(.+?)\s*(?:\{#[\w-]+\})?\s*$/m.exec(source)?.[1]
}
