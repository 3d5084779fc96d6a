/**
 * Glossary references in Markdown, shared by the site and the tools (issue #12): the `[[id]]` /
 * `[[id|文字]]` syntax (parsing and checking; rendering is the site's, .vitepress/plugins/glossary.ts),
 * which pages use which terms (scanned from docs/), the Markdown of the generated glossary list
 * (`[[glossary-list]]`), and the snapshot a frozen release resolves its references against
 * (written by `npm run version:cut`). The term data itself (types, loading, validation) is in
 * core/glossary.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs'
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { escapeHtml as escapeHtmlCore } from './html'
import { pageH1, readFrontmatter } from './frontmatter'
import { lineOffset, pageFile } from './source-line'
import { listLatestPages } from './pages'
import { pageLang, type Lang } from './page-lang'
import { FROZEN_DIR, RELEASE_GLOSSARY, splitVersion } from './version-paths'
import { DOCS_DIR, GLOSSARY_PAGE, GLOSSARY_PAGE_EN, type Glossary, GlossaryError, type PageRef, TAGS, TAGS_EN, type Term, didYouMean, displayPath, englishRefText, loadGlossary, readGlossary, sentenceStartBefore, suggestIds, termText } from './glossary'
import { routeOf } from './version-paths'

// ---------------------------------------------------------------------------------------------
// Markdown: [[id]] and [[id|文字]]
// ---------------------------------------------------------------------------------------------

export interface RefMeta {
  id: string
  label?: string
  /** offset of `[[` in the inline token's content (for the line number) */
  offset: number
  /** inside a heading or a link: plain text */
  plain?: boolean
  /** on the glossary page itself: a same-page anchor instead of a term link with a popover */
  local?: boolean
  /** on an English page: links the English glossary (/en/glossary/#id) */
  english?: boolean
  /** on a page of a frozen release (docs/v/<name>/): links that release's glossary (/v/<name>/glossary/#id) */
  release?: string
}

/** Inline rule: `[[id]]` / `[[id|label]]` → a `glossary_ref` token (resolved and checked by the core rule). */
function glossaryInline(state: StateInline, silent: boolean): boolean {
  // silent mode is how markdown-it measures link labels: let `[参见[[volume]]](/url)` stay a link
  // (the reference inside is then rendered as plain text, see resolveRefs)
  if (silent) return false
  const start = state.pos
  const src = state.src
  if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) !== 0x5b) return false
  const end = src.indexOf(']]', start + 2)
  if (end < 0 || end + 2 > state.posMax) return false
  const m = /^\s*([A-Za-z0-9][\w.-]*)\s*(?:\|([^[\]]*))?$/.exec(src.slice(start + 2, end))
  if (!m) return false
  const token = state.push('glossary_ref', '', 0)
  const label = m[2]?.replace(/\s+/g, ' ').trim()
  token.meta = { id: m[1], label: label || undefined, offset: start } satisfies RefMeta
  state.pos = end + 2
  return true
}

function countNewlines(s: string, end: number): number {
  let n = 0
  for (let i = 0; i < end && i < s.length; i++) if (s.charCodeAt(i) === 10) n++
  return n
}

const isEnglishPage = (env: { relativePath?: string } | undefined) => pageLang(env?.relativePath) === 'en'
/** the glossary page of either language: its own entries are linked as same-page anchors */
/** the glossary page of the latest docs or of a frozen release (its own entries are right there) */
const isGlossaryPage = (relativePath: string | undefined) => {
  const { rel } = splitVersion((relativePath ?? '').replace(/\\/g, '/'))
  return rel === GLOSSARY_PAGE || rel === GLOSSARY_PAGE_EN
}

/** Core rule (after `inline`): check ids, work out the line of unknown ones, choose labels. */
function resolveRefs(options: GlossaryPluginOptions) {
  return (state: StateCore): void => {
    let glossary: Glossary | undefined
    let lastLine = 0
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]
      if (tok.map) lastLine = tok.map[0]
      if (tok.type !== 'inline' || !tok.children?.length) continue
      const inHeading = tokens[i - 1]?.type === 'heading_open'
      let linkDepth = 0
      // the text so far in this paragraph, list item, cell or heading (does a reference start a sentence?)
      let before = ''
      for (const child of tok.children) {
        if (child.type === 'link_open') linkDepth++
        else if (child.type === 'link_close') linkDepth--
        if (child.type !== 'glossary_ref') {
          if (child.type === 'text' || child.type === 'code_inline') before += child.content
          else if (child.type === 'softbreak' || child.type === 'hardbreak') before += ' '
          continue
        }
        const meta = child.meta as RefMeta
        // a frozen release's page resolves against the release's snapshot, not today's data
        glossary ??= pageGlossary(state.env?.relativePath, options).glossary
        const term = glossary.byId.get(meta.id)
        if (!term) {
          // table cells have no map of their own: lastLine is then their row's line
          const line = (tok.map ? tok.map[0] : lastLine) + 1 + lineOffset(state.env) + countNewlines(tok.content, meta.offset)
          throw new GlossaryError(pageFile(state.env), line, `unknown glossary term "${meta.id}" (${didYouMean(suggestIds(meta.id, glossary))})`)
        }
        meta.plain = inHeading || linkDepth > 0
        meta.local = isGlossaryPage(state.env?.relativePath)
        meta.english = isEnglishPage(state.env)
        // a reader of a frozen release stays in it (/about/changelog: links stay inside the release)
        const release = splitVersion((state.env?.relativePath ?? '').replace(/\\/g, '/')).version
        if (release) meta.release = release
        child.content = meta.label ?? (isEnglishPage(state.env) ? englishRefText(term, sentenceStartBefore(before)) : term.zh)
        before += child.content
      }
    }
  }
}

/** core/html.ts, plus `{{` → entities: the output is Markdown that Vue compiles as a template */
export const escapeHtml = (s: string) => escapeHtmlCore(s).replace(/\{\{/g, '&#123;&#123;')

// ---------------------------------------------------------------------------------------------
// Usage: which pages reference which terms (scanned from docs/, never hand-written)
// ---------------------------------------------------------------------------------------------

/** usage is counted on the latest docs only, not in frozen releases under docs/v/ */
const listMarkdown = listLatestPages

export const pageUrl = (relativePath: string) =>
  '/' + routeOf(relativePath.split(path.sep).join('/'))

let scanner: MarkdownIt | undefined
/** the ids referenced by one Markdown source, in order of first use (code and HTML blocks excluded) */
export function referencedIds(source: string): string[] {
  if (!scanner) {
    scanner = new MarkdownIt({ html: true })
    scanner.inline.ruler.before('link', 'glossary_ref', glossaryInline)
  }
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '')
  const ids: string[] = []
  for (const tok of scanner.parse(body, {})) {
    for (const child of tok.children ?? []) {
      if (child.type === 'glossary_ref' && !ids.includes(child.meta.id)) ids.push(child.meta.id)
    }
  }
  return ids
}

const usageCache = new Map<string, { sig: string; usage: Map<string, PageRef[]> }>()
/**
 * id → pages (url + title) whose Markdown references the term, pages of both languages (an English
 * page's url starts with /en/; see pagesIn()); the glossary pages themselves are left out.
 */
export function scanUsage(docsDir: string = DOCS_DIR): Map<string, PageRef[]> {
  const files = listMarkdown(docsDir)
  const sig = files.map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join('|')
  const hit = usageCache.get(docsDir)
  if (hit && hit.sig === sig) return hit.usage
  const usage = new Map<string, PageRef[]>()
  for (const file of files) {
    const rel = path.relative(docsDir, file).split(path.sep).join('/')
    if (isGlossaryPage(rel)) continue
    const source = fs.readFileSync(file, 'utf8')
    let title = ''
    try {
      const t = readFrontmatter(source, rel).data.title
      if (typeof t === 'string') title = t
    } catch {
      // a broken frontmatter fails that page's own build; here the page just has no title
    }
    title ||= pageH1(source) ?? pageUrl(rel)
    for (const id of referencedIds(source)) {
      if (!usage.has(id)) usage.set(id, [])
      usage.get(id)!.push({ url: pageUrl(rel), title })
    }
  }
  usageCache.set(docsDir, { sig, usage })
  return usage
}

/** The pages of one language among a term's usage (English pages live under /en/). */
export const pagesIn = (pages: PageRef[], lang: Lang) => pages.filter((p) => pageLang(p.url.replace(/^\//, '')) === lang)

// ---------------------------------------------------------------------------------------------
// The glossary page: `[[glossary-list]]` → real Markdown
// ---------------------------------------------------------------------------------------------

/** "CMD 指令" already shows "CMD": no need to repeat the English name */
export const zhShowsEn = (t: Pick<Term, 'zh' | 'en'>) => t.zh.toLowerCase().includes(t.en.toLowerCase())
/** sort and group by the English name, ignoring leading punctuation (".dockerignore" → D) */
const sortKey = (t: Term) => t.en.replace(/^[^A-Za-z0-9]+/, '')
const byEnglish = (a: Term, b: Term) => sortKey(a).localeCompare(sortKey(b), 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id)
const groupOf = (t: Term) => (/^[a-z]/i.test(sortKey(t)) ? sortKey(t)[0].toUpperCase() : '#')
const escapeMdText = (s: string) => s.replace(/([\\`*_[\]<>#|{}])/g, '\\$1')

export interface GlossaryListSource {
  markdown: string
  /** the anchor of each generated heading, in order (group headings and term headings) */
  anchors: string[]
}

/** The fixed words of the generated glossary, per language. */
const LIST_WORDS = {
  zh: { other: '其他', aliases: '别名：', tags: '标签：', list: '、', related: '相关术语：', usedOn: '出现在：', chinese: '' },
  en: { other: 'Other', aliases: 'Aliases: ', tags: 'Tags: ', list: ', ', related: 'Related terms: ', usedOn: 'Used on: ', chinese: 'Chinese: ' },
} as const

/**
 * Markdown source for the whole glossary, grouped A–Z by English name (in both languages: the
 * Chinese page is ordered by the English names too). `html: false` gives the
 * same entries as plain Markdown, without the page's widgets and wrappers (the Markdown copy of the
 * page, .vitepress/plugins/page-markdown.ts); `[[id]]` references are left in both forms.
 * `lang: 'en'` (the English glossary page): English names as headings, the Chinese name in the
 * meta line, short_en/long_en/tags_en (Chinese text where a twin is missing), pages under /en/.
 * Anchors are the term ids in both languages.
 */
export function glossaryListSource(glossary: Glossary, usage: Map<string, PageRef[]> = new Map(), opts: { html?: boolean; lang?: Lang } = {}): GlossaryListSource {
  const html = opts.html ?? true
  const lang = opts.lang ?? 'zh'
  const w = LIST_WORDS[lang]
  const tagName = (t: string) => (lang === 'en' ? TAGS_EN[t as (typeof TAGS)[number]] : t)
  const counts = TAGS.map((t) => `${tagName(t)}:${glossary.terms.filter((x) => x.tags.includes(t)).length}`).filter((s) => !s.endsWith(':0'))
  // the filter chips are a component of their own *before* the list, not around it: content in a
  // component's slot is compiled into the page's JS chunk (199 KB for this page), the list on its own
  // is static HTML that Vue leaves out of the chunk (issue #14, lean pages)
  const out: string[] = html ? [`<GlossaryFilter tags="${counts.join(',')}" :total="${glossary.terms.length}" />`, '', '<div class="glossary-list">', ''] : []
  // the HTML-only lines; dropped (with the blank line after them) in the Markdown form
  const wrap = (...lines: string[]) => (html ? lines : [])
  const anchors: string[] = []
  const groups = new Map<string, Term[]>()
  for (const t of [...glossary.terms].sort(byEnglish)) {
    if (!groups.has(groupOf(t))) groups.set(groupOf(t), [])
    groups.get(groupOf(t))!.push(t)
  }
  for (const [letter, terms] of groups) {
    anchors.push(`group-${letter === '#' ? 'other' : letter.toLowerCase()}`)
    out.push(...wrap(`<div class="glossary-group">`, ''), `## ${letter === '#' ? w.other : letter}`, '')
    for (const t of terms) {
      anchors.push(t.id)
      const tx = termText(t, lang)
      // the English page names the Chinese term too: readers of both editions meet it in the Chinese pages
      const chinese = lang === 'en' ? t.zh : ''
      // names and tags, " · " between them, the same in both forms; in HTML no span per item (two per
      // entry were 184 elements on /glossary/; issue #14, lean pages), only the Chinese name's lang
      const esc = html ? escapeHtml : escapeMdText
      const zhName = chinese ? `${w.chinese}${esc(chinese)}` : ''
      const items = [html && zhName ? `<span lang="zh-CN">${zhName}</span>` : zhName, t.aliases.length ? `${w.aliases}${t.aliases.map(esc).join(w.list)}` : '', `${w.tags}${tx.tags.join(w.list)}`]
        .filter(Boolean).join(' · ')
      const meta = html ? `<p class="glossary-entry__meta">${items}</p>` : items
      out.push(
        // data-tags: the filter chips' names (the page's language)
        ...wrap(`<div class="glossary-entry" data-tags="${tx.tags.join(' ')}">`, ''),
        // plain text: VitePress puts the heading source into the permalink's aria-label
        lang === 'en' ? `### ${escapeMdText(t.en)}` : `### ${escapeMdText(t.zh)}${zhShowsEn(t) ? '' : `（${escapeMdText(t.en)}）`}`,
        '',
        meta,
        '',
        html ? `<p class="glossary-entry__short">${escapeHtml(tx.short)}</p>` : escapeMdText(tx.short),
        '',
        tx.long,
        '',
      )
      const pages = pagesIn(usage.get(t.id) ?? [], lang)
      // each link list is its own `<p class="glossary-entry__links">` (markdown-it-attrs), not a
      // paragraph inside a wrapper div: 92 elements fewer on /glossary/ (issue #14, lean pages)
      const links = html ? ' {.glossary-entry__links}' : ''
      if (t.related.length) out.push(`${w.related}${t.related.map((r) => `[[${r}]]`).join(w.list)}${links}`, '')
      if (pages.length) out.push(`${w.usedOn}${pages.map((p) => `[${escapeMdText(p.title)}](${p.url})`).join(w.list)}${links}`, '')
      out.push(...wrap('</div>', ''))
    }
    out.push(...wrap('</div>', ''))
  }
  out.push(...wrap('</div>', ''))
  return { markdown: out.join('\n'), anchors }
}

export const LIST_MARKER = '[[glossary-list]]'

function glossaryListBlock(options: GlossaryPluginOptions) {
  return (state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false
    const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]).trim()
    if (line !== LIST_MARKER) return false
    if (silent) return true
    const data = pageGlossary(state.env?.relativePath, options)
    const { markdown, anchors } = glossaryListSource(data.glossary, data.usage(), { lang: pageLang(state.env?.relativePath) })
    const first = state.tokens.length
    state.md.block.parse(markdown, state.md, state.env, state.tokens)
    let h = 0
    for (let k = first; k < state.tokens.length; k++) {
      const tok = state.tokens[k]
      // generated tokens point at the marker line (for error messages and source maps)
      if (tok.map) tok.map = [startLine, startLine + 1]
      // permalink anchors: the heading anchor plugin keeps an id that is already set
      if (tok.type === 'heading_open' && (tok.tag === 'h2' || tok.tag === 'h3')) tok.attrSet('id', anchors[h++])
    }
    state.line = startLine + 1
    return true
  }
}

export interface GlossaryPluginOptions {
  /** folder of term files (tests point this at fixtures) */
  dir?: string
  /** folder scanned for pages that use terms; frozen releases' snapshots live under its v/<name>/ */
  docsDir?: string
  /** fixed data for every page (the release cut checks pages against the glossary it snapshots) */
  data?: PageGlossary
}

/**
 * The parsing side of the `[[id]]` syntax, without rendering: the inline rule (`glossary_ref`
 * tokens), the core rule that resolves and checks them (an unknown id throws GlossaryError with
 * `docs/<page>.md:LINE`) and the `[[glossary-list]]` block. The site's plugin
 * (.vitepress/plugins/glossary.ts) adds the renderer; the release cut (releaseGlossary) and the
 * usage scan only parse.
 */
export function glossarySyntax(md: MarkdownIt, options: GlossaryPluginOptions = {}): void {
  md.inline.ruler.before('link', 'glossary_ref', glossaryInline)
  md.core.ruler.after('inline', 'glossary_resolve', resolveRefs(options))
  md.block.ruler.before('reference', 'glossary_list', glossaryListBlock(options), {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })
}

// ---------------------------------------------------------------------------------------------
// Frozen releases: the glossary a release was cut with
// ---------------------------------------------------------------------------------------------
//
// Why a snapshot and not expanding `[[id]]` into HTML at cut time: the expanded page would have to
// repeat what the syntax above decides per reference (heading/link → plain text, glossary page → local
// anchor, language, escaping) with source positions that markdown-it does not give for inline
// tokens, and the Markdown copy of each page (.vitepress/plugins/page-markdown.ts) would turn into HTML. A snapshot
// keeps the frozen pages' Markdown as written and the site (.vitepress/plugins/glossary.ts, page-markdown.ts) renders them
// exactly as a latest page, popover components included, from data that no later edit touches.

/**
 * The file written by `npm run version:cut` (scripts/lib/versions.ts) into docs/v/<name>/:
 * every term as validated at cut time (the `Term` shape, English twins included) and the usage
 * scan of that moment (id → pages, URLs as the glossary page showed them), so the release's
 * glossary page lists what it listed when it was cut.
 */
export interface GlossarySnapshot {
  version: 1
  terms: Term[]
  usage: Record<string, PageRef[]>
}

/** A page's glossary: the terms its `[[id]]` resolve against and the usage its glossary list shows. */
export interface PageGlossary {
  glossary: Glossary
  /** a function: the usage scan reads every page, and only a `[[glossary-list]]` needs it */
  usage: () => Map<string, PageRef[]>
}

/** The snapshot of a glossary and a usage scan (terms sorted by id, so re-cuts diff cleanly). */
export function glossarySnapshot(glossary: Glossary, usage: Map<string, PageRef[]>): GlossarySnapshot {
  const ids = [...usage.keys()].filter((id) => glossary.byId.has(id)).sort()
  return {
    version: 1,
    terms: [...glossary.terms].sort((a, b) => a.id.localeCompare(b.id)),
    usage: Object.fromEntries(ids.map((id) => [id, usage.get(id)!])),
  }
}

const snapshotCache = new Map<string, { sig: string; data: PageGlossary }>()
/**
 * Read a release's snapshot (cached until the file changes). Errors name the file: a missing
 * snapshot (a release is cut with one; `releaseGlossary().snapshot` writes one for an older release),
 * invalid JSON, or a shape other than GlossarySnapshot.
 */
export function readGlossarySnapshot(file: string): PageGlossary {
  const shown = displayPath(file)
  let st: fs.Stats
  try {
    st = fs.statSync(file)
  } catch {
    throw new GlossaryError(shown, 1, 'missing: a frozen release resolves [[id]] against the glossary it was cut with (written by npm run version:cut)')
  }
  const sig = `${st.mtimeMs}:${st.size}`
  const hit = snapshotCache.get(file)
  if (hit && hit.sig === sig) return hit.data
  let snap: GlossarySnapshot
  try {
    snap = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new GlossaryError(shown, 1, `invalid JSON: ${(e as Error).message}`)
  }
  if (snap?.version !== 1 || !Array.isArray(snap.terms) || typeof snap.usage !== 'object' || !snap.usage) {
    throw new GlossaryError(shown, 1, 'not a glossary snapshot: expected { "version": 1, "terms": [...], "usage": {...} }')
  }
  const bad = snap.terms.findIndex((t) => typeof t?.id !== 'string' || typeof t.zh !== 'string' || typeof t.en !== 'string')
  if (bad >= 0) throw new GlossaryError(shown, 1, `terms[${bad}]: a term needs at least id, zh and en`)
  const glossary: Glossary = { terms: snap.terms, byId: new Map(snap.terms.map((t) => [t.id, t])) }
  const usage = new Map(Object.entries(snap.usage))
  const data: PageGlossary = { glossary, usage: () => usage }
  snapshotCache.set(file, { sig, data })
  return data
}

/**
 * The glossary a page (path relative to docs/, e.g. `v/2026.11/guide/why.md`) is rendered with:
 * a page of a frozen release gets its release's snapshot (docs/v/<name>/.data/glossary.json), any
 * other page today's data (`options.dir`) and usage scan (`options.docsDir`). `options.data`
 * overrides both (the cut's check).
 */
export function pageGlossary(relativePath: string | undefined, options: GlossaryPluginOptions = {}): PageGlossary {
  if (options.data) return options.data
  const { version } = splitVersion((relativePath ?? '').replace(/\\/g, '/'))
  if (version) return readGlossarySnapshot(path.join(options.docsDir ?? DOCS_DIR, FROZEN_DIR, version, RELEASE_GLOSSARY))
  return { glossary: loadGlossary(options.dir), usage: () => scanUsage(options.docsDir) }
}

/**
 * What `npm run version:cut` needs from the glossary: the snapshot to write into the release, and
 * a check that a page's `[[id]]` references all resolve against it. `check(body, rel)` takes the
 * page with its frontmatter blanked to empty lines (so lines are the file's lines) and its path
 * relative to docs/; it throws GlossaryError `docs/<rel>:LINE: unknown glossary term …`.
 * Reads the term files fresh (no cache): the cut freezes what is on disk now.
 */
export function releaseGlossary(options: { dir?: string; docsDir?: string } = {}): { snapshot: GlossarySnapshot; check: (body: string, rel: string) => void } {
  const glossary = readGlossary(options.dir)
  const usage = scanUsage(options.docsDir)
  const data: PageGlossary = { glossary, usage: () => usage }
  const md = new MarkdownIt({ html: true }).use(glossarySyntax, { data })
  return {
    snapshot: glossarySnapshot(glossary, usage),
    check(body, rel) {
      md.parse(body, { relativePath: rel, __lineOffset: 0 })
    },
  }
}
