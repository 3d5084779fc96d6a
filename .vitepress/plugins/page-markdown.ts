/**
 * One page of the site as clean Markdown, for tools and AI assistants (published next to the page
 * as `<page>.md`; llms.ts writes them, /llms.txt and /llms-full.txt at the end of the build).
 *
 * What changes, compared with the page's source file (every step reuses the module that owns the
 * syntax, so the copy says what the page says):
 *  - frontmatter: dropped; its `title` becomes the `# H1` when the page has none, and a blockquote
 *    under the H1 gives the canonical page URL, the description and the verification facts the
 *    page footer shows (versionFactsText, core/version-paths.ts);
 *  - `<!-- commands:… -->` markers: expanded by expandCommandMarkersWithMap (core/commands.ts);
 *    `[[glossary-list]]`: glossaryListSource(…, { html: false }) (core/glossary-refs.ts);
 *  - `[[id]]` / `[[id|文字]]`: a link to the glossary entry (plain text in headings and link texts,
 *    like the site); an unknown id fails with file:line (GlossaryError);
 *  - console output: in-line wildcards with an example value (`[...=v]`) show the value, as on
 *    the site (renderExamples, core/snippet-syntax.ts);
 *  - fence info: parseFenceInfo (core/snippet-syntax.ts) reduces ```sh run / norun="…" /
 *    file=… / [title] {1,3} to the language; the file name, the norun reason and a code-group tab
 *    title become a line above the block, as the site shows them in the bar above the code;
 *  - ```mermaid: the source stays; above it the text alternative (accTitle/accDescr, read by
 *    diagramInfo from plugins/mermaid.ts, the same text screen readers get on the site);
 *  - `::: tip 标题` containers: a bold title line; `::: code-group` and closing `:::` lines vanish;
 *  - Vue components and HTML widgets: a textual equivalent from COMPONENTS / HTML_BLOCKS below, or
 *    dropped (script blocks, wrapper <div>s, comments); an unknown component or Vue template
 *    syntax fails with file:line, so a new widget cannot silently vanish from the copy;
 *  - links and images: site paths and relative links become absolute URLs under the site URL and
 *    `base` (`/guide/why` → `https://docker-kb.github.io/guide/why`); `{#id}` heading ids go.
 * Code (fences, indented blocks, code spans) is never rewritten.
 */
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { readFrontmatter } from '../../core/frontmatter'
import { VUE_TEMPLATE_SYNTAX } from '../../core/html'
import { checkWildcards, parseFenceInfo, renderExamples } from '../../core/snippet-syntax'
import { markdownPath, routeOf, versionFactsText } from '../../core/version-paths'
import { versionPageData, versionsClientData } from '../../core/versions'
import { CARTRIDGE_DIR, cartridgeName } from '../../core/cartridge'
import { isSectionPdf, pdfSitePath, pdfsLinked, pdfTargets } from '../../core/pdf-targets'
import { SITE } from '../config/site'
import { expandCommandMarkersWithMap } from '../../core/commands'
import { GlossaryError, suggestIds, termUrl, type Glossary } from '../../core/glossary'
import { LIST_MARKER, glossaryListSource, pageGlossary, scanUsage } from '../../core/glossary-refs'
import { pageLang } from '../../core/page-lang'
import { diagramInfo } from '../../core/diagrams/source'
import corrections from '../../docs/about/corrections.data'
import snippetStatus, { type SnippetStatusData } from '../../docs/about/snippet-status.data'

export class MarkdownExportError extends Error {
  constructor(public file: string, public line: number, public detail: string) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'MarkdownExportError'
  }
}

export { markdownPath }

/** Absolute URL of a site path: siteUrl + base + path (path without its leading "/"). */
export function absoluteUrl(siteUrl: string, base: string, sitePath: string): string {
  const b = base.endsWith('/') ? base : base + '/'
  return siteUrl.replace(/\/$/, '') + b + sitePath.replace(/^\//, '')
}

export interface PageMarkdownInput {
  /** the page's path under docs/ (VitePress's relativePath): "network/port-mapping.md" */
  relativePath: string
  /** the Markdown file's text */
  source: string
  /** public URL of the site without a trailing slash (SITE.url) */
  siteUrl: string
  /** VitePress `base` ("/" unless built with --base) */
  base: string
  /** glossary data; loaded from docs/data/glossary when absent (tests pass fixtures) */
  glossary?: Glossary
}

interface Line { text: string; file: string; line: number }

const md = new MarkdownIt({ html: true })
const FENCE_OPEN = /^(\s*(?:>\s?)*\s*)(`{3,}|~{3,})(.*)$/
const CONTAINER = /^(\s*)(:{3,})(?:\s*([A-Za-z][\w-]*))?\s*(.*?)\s*$/
/** VitePress's default container titles, per page language (its own defaults are English; the site sets Chinese ones) */
const CONTAINER_TITLES: Record<'zh' | 'en', Record<string, string>> = {
  zh: { tip: '提示', info: '说明', warning: '注意', danger: '警告', details: '详细信息', note: '注意', important: '重要', caution: '小心' },
  en: { tip: 'TIP', info: 'INFO', warning: 'WARNING', danger: 'DANGER', details: 'Details', note: 'NOTE', important: 'IMPORTANT', caution: 'CAUTION' },
}
const CONTAINER_SILENT = new Set(['code-group', 'raw', 'v-pre'])
const REF = /\[\[\s*([A-Za-z0-9][\w.-]*)\s*(?:\|([^[\]]*))?\]\]/g

const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#123;/g, '{').replace(/&amp;/g, '&')
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1')

/** Context handed to the textual equivalents of components and HTML blocks. */
interface Ctx { url(sitePath: string): string; file: string; line: number }

/** Vue components that may stand alone on a line in a page, and what the Markdown copy says instead. */
const COMPONENTS: Record<string, (ctx: Ctx) => string> = {
  CommandFinder: (c) =>
    pageLang(c.file) === 'en'
      ? `(On the web page, this is the command finder, which filters as you type. Structured data of every command: [commands.json](${c.url('/api/commands.json')}).)`
      : `（网页上这里是即时筛选的命令查找框。全部命令的结构化数据：[commands.json](${c.url('/api/commands.json')})。）`,
  CorrectionsList: (c) => correctionsMarkdown(c),
  SnippetStatus: (c) => snippetStatusMarkdown(c),
}

/** HTML blocks with Vue template syntax that a page may hold, each recognised by its content. */
const HTML_BLOCKS: { test: (html: string) => boolean; markdown: (ctx: Ctx) => string }[] = [
  // docs/about/embed.md: the course packages, latest + one per frozen release (core/cartridge.ts)
  {
    test: (h) => h.includes('.imscc') && /v-for="\w+ in versions\.versions"/.test(h),
    markdown: (c) =>
      [
        `- [最新版课程包（${cartridgeName(null)}）](${c.url(`/${CARTRIDGE_DIR}/${cartridgeName(null)}`)})：链接指向最新版页面，随本站更新。`,
        ...versionsClientData().versions.map((v) => `- [${v.name} 版课程包（${cartridgeName(v.name)}）](${c.url(`/${CARTRIDGE_DIR}/${cartridgeName(v.name)}`)})：链接指向这个冻结版本，内容永远不变。`),
      ].join('\n'),
  },  // docs/about/offline.md: the PDF books `npm run pdf` writes (core/pdf-targets.ts)
  // … and the note of a build without them (pdfsLinked), the page's own words
  {
    test: (h) => h.includes('class="pdf-pending"'),
    markdown: (c) =>
      pdfsLinked()
        ? ''
        : pageLang(c.file) === 'en'
          ? `This build of the site was made without its PDFs, so the books are only listed by title. The PDFs are printed from the built site after the build by \`npm run pdf\`, see [Generate the PDFs locally](${c.url('/en/about/offline')}#generate).`
          : `这份站点构建时没有附带 PDF，下面只列出书名。PDF 在构建之后由 \`npm run pdf\` 从构建好的站点打印出来，见[在本地生成 PDF](${c.url('/about/offline')}#generate)。`,
  },
  {
    test: (h) => /v-for="p in pdfs\.filter\(\(x\) => !x\.release && !x\.section\)"/.test(h),
    // a link only in a build that ships the PDFs (pdfsLinked), as on the page itself
    markdown: (c) =>
      pdfTargets(SITE.title).filter((t) => !isSectionPdf(t)).map((t) => `- ${pdfItem(c, `${t.title}（${t.edition}${t.release ? '' : '，全部栏目'}）`, t)}${t.release ? '：冻结版本，内容永远不变。' : '：随本站更新。'}`).join('\n'),
  },
  {
    test: (h) => /v-for="p in pdfs\.filter\(\(x\) => x\.section\)"/.test(h),
    markdown: (c) => pdfTargets(SITE.title).filter(isSectionPdf).map((t) => `- ${pdfItem(c, t.title.replace(/^.*?：/, ''), t)}（${t.file}）`).join('\n'),
  },
]

/** A book in the Markdown copy of /about/offline: a link when this build ships the PDFs, else its title. */
const pdfItem = (c: Ctx, text: string, t: { file: string }) => (pdfsLinked() ? `[${text}](${c.url(pdfSitePath(t))})` : text)

function correctionsMarkdown(c: Ctx): string {
  const SOURCE_NAMES: Record<string, string> = { 'yama-2025': '文章一（Yama）', 'docker-resources-2025': '文章二（资源整合）' }
  const items = corrections.load([]) as { source: string; original: string; correction: string; page: string }[]
  const byPage = new Map<string, typeof items>()
  for (const i of items) byPage.set(i.page, [...(byPage.get(i.page) ?? []), i])
  const out = [`共 ${items.length} 处勘误，涉及 ${byPage.size} 个页面。`, '']
  for (const [page, list] of [...byPage.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`### [${page}](${c.url(page)})`, '')
    for (const i of list) out.push(`- 原文（${SOURCE_NAMES[i.source] ?? i.source}）：${i.original}`, `  更正：${i.correction}`)
    out.push('')
  }
  return out.join('\n')
}

function snippetStatusMarkdown(c: Ctx): string {
  const d = snippetStatus.load([]) as SnippetStatusData
  const t = d.totals
  const STORE: Record<string, string> = { containerd: 'containerd 镜像存储', overlay2: 'overlay2 存储驱动' }
  const out: string[] = []
  if (!d.date) out.push('还没有验证记录：运行 `npm run test:snippets` 后会生成。', '')
  else {
    out.push(
      '| 项目 | 结果 |',
      '| --- | --- |',
      `| 最近一次运行 | ${d.date} |`,
      `| Docker Engine | ${d.engine ?? ''} |`,
      `| Compose | ${d.compose ?? ''} |`,
      ...(d.buildx ? [`| Buildx | ${d.buildx} |`] : []),
      `| 镜像存储 | ${(d.stores ?? []).map((s) => STORE[s] ?? s).join('；')} |`,
      `| 镜像来源 | ${d.mode === 'standins' ? '离线替身镜像（见下表）' : '真实镜像仓库'} |`,
      `| 结果 | ${t.passed} 个片段通过（其中 ${t.oneStore} 个只针对一种镜像存储），${t.failed} 个失败，${t.skipped} 个未执行；另有 ${t.norun} 个代码块标为“未自动验证”（${d.pages.length} 个页面） |`,
      '',
      '## 各页面结果',
      '',
      '| 页面 | 通过 | 失败 | 未自动验证 |',
      '| --- | --- | --- | --- |',
      ...d.pages.map((p) => `| [${p.link}](${c.url(p.link)}) | ${p.passed} | ${p.failed} | ${p.norun} |`),
      '',
    )
  }
  out.push('## 离线替身镜像', '', '验证环境不能访问 Docker Hub。下面这些镜像名在验证时由本地构建的替身提供，页面上写的仍是读者真正会输入的名字；替身只保证页面演示到的行为一致。', '')
  out.push('| 镜像 | 替身是什么 |', '| --- | --- |', ...d.standins.map((s) => `| ${s.images.map((i) => `\`${i}\``).join(' ')} | ${s.note.replace(/\|/g, '\\|')} |`))
  return out.join('\n')
}

/** The VitePress home layout's hero and features, as Markdown (the home page has almost no body). */
function homeMarkdown(fm: Record<string, unknown>, url: (p: string) => string, lang: 'zh' | 'en'): string[] {
  const hero = (fm.hero ?? {}) as { text?: string; tagline?: string; actions?: { text: string; link: string }[] }
  const features = (fm.features ?? []) as { title: string; details?: string }[]
  const out: string[] = []
  if (hero.text) out.push(`**${hero.text}**`, '')
  if (hero.tagline) out.push(hero.tagline, '')
  if (hero.actions?.length) out.push(...hero.actions.map((a) => `- [${a.text}](${url(a.link)})`), '')
  // a full-width colon in Chinese, ': ' in English (writing guide)
  if (features.length) out.push(...features.map((f) => `- **${f.title}**${f.details ? `${lang === 'en' ? ': ' : '：'}${f.details}` : ''}`), '')
  return out
}

/** Replace each code span by a placeholder (so nothing inside is rewritten); `restore` puts them back. */
function maskCode(text: string): { masked: string; restore(s: string): string } {
  const spans: string[] = []
  const masked = text.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (m) => `\u0000${spans.push(m) - 1}\u0000`)
  return { masked, restore: (s) => s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => spans[Number(i)]) }
}

/**
 * Turn one page into Markdown. Output: the Markdown text (ends with one newline).
 * Throws GlossaryError, CommandDataError, SnippetSyntaxError, DiagramError or MarkdownExportError,
 * each naming `docs/<page>.md` (or the data file) and the line.
 */
export function pageMarkdown(input: PageMarkdownInput): string {
  const { relativePath, siteUrl, base } = input
  const file = `docs/${relativePath}`
  const url = (p: string) => absoluteUrl(siteUrl, base, p)
  const pageUrl = url('/' + routeOf(relativePath))
  const fm = readFrontmatter(input.source, file).data
  const english = /^en\//.test(relativePath)
  let glossary = input.glossary
  // the page's glossary: a frozen release's page gets the release's snapshot (as on the site)
  const data = () => (input.glossary ? { glossary: input.glossary, usage: () => scanUsage() } : pageGlossary(relativePath))

  // frontmatter lines become blank lines: every later line number is the file's own
  const fmMatch = /^---\r?\n[\s\S]*?\r?\n---\s*(\r?\n|$)/.exec(input.source)
  const fmLines = fmMatch ? fmMatch[0].split('\n').length - 1 : 0
  const body = '\n'.repeat(fmLines) + input.source.slice(fmMatch?.[0].length ?? 0).replace(/\r\n/g, '\n')

  // 1. generated content: command markers, then the glossary list
  const expanded = expandCommandMarkersWithMap(body, file)
  let lines: Line[] = expanded.text.split('\n').map((text, i) => ({ text, ...expanded.origin(i + 1) }))
  let fence: string | null = null
  lines = lines.flatMap((l) => {
    const f = FENCE_OPEN.exec(l.text)
    if (fence) {
      if (f && f[2][0] === fence[0] && f[2].length >= fence.length && !f[3].trim()) fence = null
      return [l]
    }
    if (f) fence = f[2]
    // the English lint's "Chinese on purpose" marker (scripts/lib/cjk-lint.ts) is for the lint only
    if (!f && /<!--\s*zh\s*-->\s*$/.test(l.text)) return [{ ...l, text: l.text.replace(/\s*<!--\s*zh\s*-->\s*$/, '') }]
    if (f || l.text.trim() !== LIST_MARKER) return [l]
    const d = data()
    glossary ??= d.glossary
    return glossaryListSource(glossary, d.usage(), { html: false, lang: pageLang(file) }).markdown.split('\n').map((text) => ({ text, file: l.file, line: l.line }))
  })

  // 2. what each line is: code (fences, indented code), HTML blocks, or text
  const tokens = md.parse(lines.map((l) => l.text).join('\n'), {})
  const kind: ('text' | 'code' | 'skip')[] = lines.map(() => 'text')
  const replace = new Map<number, string[]>()
  const at = (i: number) => lines[Math.min(i, lines.length - 1)]
  const fail = (i: number, detail: string): never => {
    throw new MarkdownExportError(at(i).file, at(i).line, detail)
  }
  const ctx = (i: number): Ctx => ({ url, file: at(i).file, line: at(i).line })
  let h1 = -1
  for (const t of tokens as Token[]) {
    if (!t.map) continue
    const [start, end] = t.map
    if (t.type === 'heading_open' && t.tag === 'h1' && h1 < 0) h1 = start
    if (t.type === 'code_block') for (let i = start; i < end; i++) kind[i] = 'code'
    if (t.type === 'fence') {
      for (let i = start; i < end; i++) kind[i] = 'code'
      replace.set(start, fenceLines(t, lines[start], fail.bind(null, start), english))
      // console output as readers see it: `[...=value]` is its value (core/snippet-syntax.ts)
      if (parseFenceInfo(t.info, { file: lines[start].file, line: lines[start].line }).lang === 'console') {
        checkWildcards(t.content, { file: lines[start].file, line: lines[start].line })
        for (let i = start + 1; i < end; i++) lines[i] = { ...lines[i], text: renderExamples(lines[i].text) }
      }
    }
    if (t.type === 'html_block') {
      for (let i = start; i < end; i++) kind[i] = 'skip'
      replace.set(start, htmlBlock(t.content, ctx(start), fail.bind(null, start)).split('\n'))
    }
  }

  // 3. text: inline rewrites paragraph by paragraph, with code spans masked
  const refLabel = (id: string, label: string | undefined, i: number): string => {
    glossary ??= data().glossary
    const term = glossary.byId.get(id)
    if (!term) {
      const g = glossary
      throw new GlossaryError(at(i).file, at(i).line, `unknown glossary term "${id}" (did you mean ${suggestIds(id, g).map((s) => `"${s}"`).join(', ')}?)`)
    }
    return label?.replace(/\s+/g, ' ').trim() || (english ? term.en : term.zh)
  }
  const rewriteParagraph = (from: number, to: number) => {
    const { masked, restore } = maskCode(lines.slice(from, to).map((l) => l.text).join('\n'))
    // line of an offset into `text` (each pass below keeps the newlines where they are)
    const lineOf = (offset: number, text: string = masked) => from + text.slice(0, offset).split('\n').length - 1
    let out = masked
      // links and images: absolute URLs; glossary references inside a link text become its text
      .replace(/(!?)\[((?:\\.|\[\[[^\]\n]*\]\]|[^[\]\\])*)\]\(\s*(<[^>]*>|[^\s)]+)(\s+"[^"]*")?\s*\)/g, (_m, bang: string, text: string, href: string, title: string | undefined, offset: number) => {
        const plain = text.replace(REF, (_r, id: string, label?: string) => escapeMd(refLabel(id, label, lineOf(offset))))
        return `${bang}[${plain}](${linkUrl(href.replace(/^<|>$/g, ''), relativePath, url, pageUrl)}${title ?? ''})`
      })
      // reference definitions: [label]: /path
      .replace(/^(\s{0,3}\[[^\]\n]+\]:\s*)(\S+)/gm, (_m, head: string, href: string) => head + linkUrl(href, relativePath, url, pageUrl))
    // glossary references: plain text in headings (as on the site), links elsewhere
    out = out.replace(REF, (_m, id: string, label: string | undefined, offset: number, whole: string) => {
      const i = lineOf(offset, whole)
      const text = refLabel(id, label, i)
      return /^\s{0,3}#{1,6}\s/.test(lines[i].text) ? escapeMd(text) : `[${escapeMd(text)}](${url(termUrl(id, pageLang(file)))})`
    })
    // inline Vue components (the command reference's copy buttons): dropped, their text kept
    out = out.replace(/ ?<([A-Z][\w-]*)\b[^>]*\/>/g, '').replace(/<([A-Z][\w-]*)\b[^>]*>([\s\S]*?)<\/\1>/g, '$2')
    const left = /\[\[|\{\{|<[A-Z][\w-]*[\s/>]/.exec(out)
    if (left) {
      const what = left[0] === '[[' ? 'a malformed glossary reference (write [[id]] or [[id|文字]])' : left[0] === '{{' ? 'a Vue interpolation "{{ }}" outside code (it has no Markdown equivalent; put it in a code span)' : `a Vue component ${left[0].trim()} inside text (no Markdown equivalent)`
      fail(lineOf(left.index, out), `${what}: "${restore(out.slice(left.index, left.index + 40).split('\n')[0])}"`)
    }
    restore(out).split('\n').forEach((text, k) => (lines[from + k] = { ...lines[from + k], text }))
  }
  for (let i = 0; i < lines.length; ) {
    if (kind[i] !== 'text' || !lines[i].text.trim()) { i++; continue }
    let j = i
    while (j < lines.length && kind[j] === 'text' && lines[j].text.trim()) j++
    rewriteParagraph(i, j)
    i = j
  }

  // 4. assemble: replacements, containers, heading ids
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const r = replace.get(i)
    if (r) out.push(...r) // a fence's opening line, or a whole HTML block
    if (kind[i] === 'skip' || (r && kind[i] === 'code')) continue
    if (kind[i] === 'code') {
      out.push(lines[i].text)
      continue
    }
    let text = lines[i].text
    const c = CONTAINER.exec(text)
    if (c) {
      const [, indent, , type, title] = c
      if (!type || CONTAINER_SILENT.has(type)) text = ''
      else {
        out.push(`${indent}**${(title || CONTAINER_TITLES[pageLang(relativePath)][type] || type).replace(/\*\*/g, '')}**`)
        text = ''
      }
    }
    text = text.replace(/^(\s{0,3}#{1,6}\s.*?)\s+\{#[\w.-]+\}\s*$/, '$1')
    out.push(text)
    if (i === h1) out.push('', ...headerLines(relativePath, fm, pageUrl))
  }
  const head: string[] = []
  if (h1 < 0) {
    const title = String(fm.title ?? (fm.hero as { name?: string } | undefined)?.name ?? routeOf(relativePath))
    head.push(`# ${title}`, '', ...headerLines(relativePath, fm, pageUrl), '')
    if (fm.layout === 'home') head.push(...homeMarkdown(fm, url, pageLang(relativePath)))
  }
  return (
    [...head, ...out]
      .join('\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  )
}

/** The blockquote under the H1: canonical URL, description, verification facts. */
function headerLines(relativePath: string, fm: Record<string, unknown>, pageUrl: string): string[] {
  const en = /^(v\/[^/]+\/)?en\//.test(relativePath)
  const facts = versionFactsText(versionPageData(relativePath)?.versionFacts, en ? 'en' : 'zh')
  const out = [en ? `> Web page: <${pageUrl}>` : `> 网页版：<${pageUrl}>`]
  if (typeof fm.description === 'string' && fm.description.trim()) out.push('>', `> ${fm.description.trim()}`)
  if (facts) out.push('>', `> ${facts}`)
  return out
}

/** A link target as an absolute URL: site paths and relative links resolved, `.md`/`.html` dropped. */
export function linkUrl(href: string, relativePath: string, url: (p: string) => string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return href
  if (href.startsWith('#')) return pageUrl + href
  const [, p, rest] = /^([^#?]*)(.*)$/.exec(href)!
  const dir = path.posix.dirname('/' + relativePath)
  let abs = p.startsWith('/') ? p : path.posix.join(dir, p)
  if (p.endsWith('/') && !abs.endsWith('/')) abs += '/'
  abs = abs.replace(/(^|\/)index\.(md|html)$/, '$1').replace(/\.(md|html)$/, '')
  return url(abs) + rest
}

/** A fence: its info reduced to the language, with the labels the site shows above it. */
function fenceLines(t: Token, first: Line, fail: (detail: string) => never, english = false): string[] {
  const m = FENCE_OPEN.exec(first.text)
  if (!m) fail('cannot read this code fence')
  const [, prefix, markup] = m!
  const meta = parseFenceInfo(t.info, { file: first.file, line: first.line })
  const labels: string[] = []
  const title = /\[([^\]]*)\]/.exec(meta.passthrough)?.[1]?.trim()
  if (title) labels.push(title)
  if (meta.kind === 'file') labels.push(english ? `File \`${meta.file}\`` : `文件 \`${meta.file}\``)
  if (meta.kind === 'norun') labels.push(english ? `Not verified automatically: ${meta.reason}` : `未自动验证：${meta.reason}`)
  if (meta.lang === 'mermaid') {
    const d = diagramInfo(t.content, first.file, first.line)
    labels.push(english ? `Diagram: ${d.title}. ${d.description}` : `图：${d.title}。${d.description}`)
  }
  const blank = prefix.replace(/\s+$/, '')
  const head = labels.length ? [blank, `${prefix}${labels.join(' · ')}`, blank] : []
  return [...head, `${prefix}${markup}${meta.lang}`]
}

/** An HTML block: its textual equivalent, '' when it is dropped. */
function htmlBlock(html: string, c: Ctx, fail: (detail: string) => never): string {
  const h = html.trim()
  if (/^<!--[\s\S]*-->$/.test(h)) return ''
  if (/^<(script|style)\b/i.test(h)) return ''
  const one = /^<([A-Z][\w-]*)\b[^>]*?\/?>(?:\s*<\/\1>)?$/.exec(h)
  if (one) {
    const fn = COMPONENTS[one[1]]
    if (!fn) fail(`component <${one[1]}> has no Markdown equivalent: add one to COMPONENTS in .vitepress/plugins/page-markdown.ts`)
    return fn!(c)
  }
  // wrappers only (<div class="…">, </div>): the Markdown inside them stays
  if (/^(?:<\/?(?:div|section|span)\b[^>]*>\s*)+$/i.test(h)) return ''
  // one paragraph of text (the command reference's English line and keywords)
  const p = /^<p\b[^>]*>([^<]*)<\/p>$/.exec(h)
  if (p) return decodeEntities(p[1])
  for (const b of HTML_BLOCKS) if (b.test(h)) return b.markdown(c)
  if (VUE_TEMPLATE_SYNTAX.test(h) || /<[A-Z]/.test(h)) fail('HTML block with Vue template syntax has no Markdown equivalent: add one to HTML_BLOCKS in .vitepress/plugins/page-markdown.ts')
  // plain HTML is valid Markdown: kept, with site links made absolute
  return html.replace(/\s(href|src)="(\/[^"]*)"/g, (_m, a: string, v: string) => ` ${a}="${c.url(v)}"`).replace(/\n$/, '')
}

/** Read a page file and convert it (see pageMarkdown). */
export function pageMarkdownFile(srcDir: string, relativePath: string, siteUrl: string, base: string): string {
  return pageMarkdown({ relativePath, source: fs.readFileSync(path.join(srcDir, relativePath), 'utf8'), siteUrl, base })
}
