/**
 * The release cutter: freezing the latest docs into docs/v/<name>/ (the `npm run version:cut`
 * script is a thin CLI over `cutVersion`). What the site reads about releases (registry, page
 * lists, per-page version facts) is in core/versions.ts; this module adds git and child_process.
 *
 * What freezing a page does (see `freezePage`), so a frozen release keeps building and stays
 * inside itself:
 *  - internal absolute links to pages of the release (`/guide/x`, `[r]: /guide/x`,
 *    `href="/guide/x"`, frontmatter `link: /guide/`) become `/v/<name>/guide/x`; other absolute
 *    links (`/en/`, `/api/…`, `/favicon.svg`, other releases) and relative links stay as they are;
 *    code (fences, indented code, inline code) is never touched;
 *  - `run` fences become `norun="冻结版本 …"` with the verification result the snippet had at cut
 *    time (docs/.snippet-status.json), so the snippet harness never re-runs a frozen release and the
 *    page says truthfully what was verified; line numbers stay the same;
 *  - `<!-- commands:… -->` markers are expanded into the Markdown they stand for, so the frozen
 *    command reference does not change when the data does; a marker that cannot be expanded
 *    (no expander, unknown group) fails the cut with file:line;
 *  - relative imports in `<script setup>` blocks are re-pointed at the same files;
 *  - frontmatter gains `search: false` (the local search index covers the latest docs only),
 *    `editLink: false` and a title template naming the release; nothing else changes.
 *
 * What a cut writes besides the pages (see `cutVersion`): the glossary the release was cut with,
 * docs/v/<name>/.data/glossary.json (`ReleaseGlossary`). Every `[[id]]` of every page is checked
 * against it first (an unknown id fails the cut with file:line); the glossary plugin renders the
 * release's `[[id]]` and `[[glossary-list]]` from that file, so renaming or deleting a term later
 * changes nothing in the release.
 *
 * The English edition (docs/en/**, issue #17) is part of every release cut from 2027 on: it is
 * frozen the same way into docs/v/<name>/en/ (English norun reasons and title template). Releases
 * cut before that (2026.11) have no en/ folder and stay as they are. Page counts and the changelog
 * count the Chinese pages; `pagesEn` counts the English ones.
 */
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { readFrontmatter } from '../../core/frontmatter'
import { parseFenceInfo } from '../../core/snippet-syntax'
import { fenceHash } from '../../core/fence-id'
import { FROZEN_DIR, frozenReasonPrefix, pdfName, RELEASE_GLOSSARY, routeOf, splitVersion, versionNameProblem } from '../../core/version-paths'
import {
  DOCS_DIR, EN_DIR, isEnglish, listReleaseFiles, readRegistry, readSnippetStatus, resultOf, VERSIONS_FILE, writeRegistry,
  type SnippetStatus, type VersionEntry,
} from '../../core/versions'

export const CHANGELOG_FILE = path.join(DOCS_DIR, 'about', 'changelog.md')
/** written into each frozen release: page hashes, for the next release's changelog */
export const MANIFEST = '.manifest.json'


const md = new MarkdownIt({ html: true })

/** Replace a leading YAML frontmatter block by empty lines (keeps line numbers; as the harness does). */
function blankFrontmatter(src: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(src)
  return m ? m[0].replace(/[^\n]/g, '') + src.slice(m[0].length) : src
}

/** 0-based line ranges [start, end) that are code (fences, indented code) and must not be touched. */
function codeRanges(text: string): [number, number][] {
  return md
    .parse(blankFrontmatter(text), {})
    .filter((t) => (t.type === 'fence' || t.type === 'code_block') && t.map)
    .map((t) => t.map as [number, number])
}

function frontmatterEnd(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return -1
  for (let i = 1; i < lines.length; i++) if (/^---\s*$/.test(lines[i])) return i
  return -1
}

export interface FreezeContext {
  name: string
  date: string
  /** routes of the release being cut: links to these are rewritten */
  routes: Set<string>
  /** "docs/guide/x.md", the key of the page in the snippet status */
  statusKey: string
  status: SnippetStatus
  /**
   * expands `<!-- commands:… -->` markers (from core/commands.ts); throws with
   * file:line on a marker it cannot expand. Without it, a page holding a marker fails the cut.
   */
  expand?: (source: string, file: string) => string
  /** page path relative to docs/ (for relative script imports) */
  rel: string
}

export interface FreezeResult {
  text: string
  links: number
  snippets: { runnable: number; passed: number }
}

/** The site URL of an internal absolute link, prefixed with the release, when it points at one of its pages. */
export function versionedTarget(url: string, name: string, routes: Set<string>): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null
  const cut = url.search(/[?#]/)
  const p = cut < 0 ? url : url.slice(0, cut)
  let route: string
  try {
    route = decodeURI(p.slice(1)).replace(/\.(md|html)$/, '')
  } catch {
    return null
  }
  const hit = routes.has(route) || (!route.endsWith('/') && route !== '' && routes.has(route + '/'))
  return hit ? `/${FROZEN_DIR}/${name}${url}` : null
}

const PROSE_LINKS: RegExp[] = [
  /(\]\(\s*<?)(\/[^)\s>]*)/g, // [text](/x "title"), ![alt](/x), [text](</x>)
  /^(\s{0,3}\[[^\]]+\]:\s*<?)(\/[^\s>]*)/g, // [ref]: /x
  /(\b(?:href|link|to)\s*=\s*["'])(\/[^"'\s]*)/g, // <a href="/x">, <Component link="/x">
]
const FRONTMATTER_LINK = /^(\s*(?:-\s+)?(?:link|href):\s*["']?)(\/[^"'\s]*)/g

/** Rewrite internal links to pages of the release; code is left alone. */
export function rewriteLinks(text: string, name: string, routes: Set<string>): { text: string; count: number } {
  const lines = text.split('\n')
  const skip = new Set<number>()
  for (const [a, b] of codeRanges(text)) for (let i = a; i < b; i++) skip.add(i)
  const fmEnd = frontmatterEnd(lines)
  let count = 0
  const apply = (line: string, patterns: RegExp[], masked: string) => {
    const edits: { at: number; len: number; to: string }[] = []
    for (const re of patterns) {
      re.lastIndex = 0
      for (const m of masked.matchAll(re)) {
        const url = m[2]
        const at = m.index! + m[1].length
        if (masked.slice(at, at + url.length) !== line.slice(at, at + url.length)) continue
        const to = versionedTarget(url, name, routes)
        if (to) edits.push({ at, len: url.length, to })
      }
    }
    edits.sort((a, b) => b.at - a.at)
    for (const e of edits) line = line.slice(0, e.at) + e.to + line.slice(e.at + e.len)
    count += edits.length
    return line
  }
  for (let i = 0; i < lines.length; i++) {
    if (i <= fmEnd) {
      if (i > 0 && i < fmEnd) lines[i] = apply(lines[i], [FRONTMATTER_LINK], lines[i])
      continue
    }
    if (skip.has(i)) continue
    // inline code spans keep their text: mask them (same length) before matching
    const masked = lines[i].replace(/(`+)[^`]*?\1/g, (m) => '\u0000'.repeat(m.length))
    lines[i] = apply(lines[i], PROSE_LINKS, masked)
  }
  return { text: lines.join('\n'), count }
}

/** Reason shown on a frozen snippet (must not contain a double quote). */
export function frozenReason(ctx: Pick<FreezeContext, 'name' | 'date' | 'status'>, result: string | undefined, lang: 'zh' | 'en' = 'zh'): string {
  const s = ctx.status
  if (lang === 'en') {
    if (result !== 'passed') return `${frozenReasonPrefix(ctx.name, 'en')}no passing run recorded at the cut (${ctx.date}); no longer run`
    const env = [s.engine && `Docker Engine ${s.engine}`, s.compose && `Compose ${s.compose}`].filter(Boolean).join(' and ')
    const when = s.date ? ` on ${String(s.date).slice(0, 10)}` : ''
    const how = s.mode === 'standins' ? ' with offline stand-in images' : ''
    return `${frozenReasonPrefix(ctx.name, 'en')}verified${when} on ${env || 'a real Docker Engine'}${how}; no longer run`.replace(/"/g, '”')
  }
  if (result === 'passed') {
    const env = [s.engine && `Docker Engine ${s.engine}`, s.compose && `Compose ${s.compose}`].filter(Boolean).join('、')
    const when = s.date ? `${String(s.date).slice(0, 10)} ` : ''
    const how = s.mode === 'standins' ? '用离线替身镜像' : ''
    return `${frozenReasonPrefix(ctx.name)}${when}在 ${env || '真实 Docker 引擎'} 上${how}验证通过，此后不再运行`.replace(/"/g, '”')
  }
  return `${frozenReasonPrefix(ctx.name)}冻结时（${ctx.date}）没有它的验证通过记录，此后不再运行`
}

/**
 * Turn every `run` fence into `norun="冻结版本 …"`, keeping the language, `[title]`/`{1,3}` tokens
 * and the line count. `lookup(line)` gives the snippet's result at cut time.
 */
export function freezeFences(
  text: string,
  ctx: Pick<FreezeContext, 'name' | 'date' | 'status'>,
  /** the recorded result of the fence at `line` (1-based) whose content id is `id` (fence-id.ts) */
  lookup: (line: number, id: string) => string | undefined,
  file = 'page.md',
  pageLang: 'zh' | 'en' = 'zh',
): { text: string; runnable: number; passed: number } {
  const lines = text.split('\n')
  let runnable = 0
  let passed = 0
  for (const t of md.parse(blankFrontmatter(text), {})) {
    if (t.type !== 'fence' || !t.map) continue
    const line = t.map[0] + 1
    const meta = parseFenceInfo(t.info, { file, line })
    if (meta.kind !== 'run') continue
    const m = /^(\s*(?:>\s?)*\s*)(`{3,}|~{3,})(.*)$/.exec(lines[line - 1])
    if (!m || m[3].trim() !== t.info.trim()) throw new Error(`${file}:${line}: cannot find the fence info "${t.info.trim()}" on its line`)
    const result = lookup(line, fenceHash(t.info, t.content))
    runnable++
    if (result === 'passed') passed++
    const lang = t.info.trim().split(/\s+/)[0]
    const info = [lang, `norun="${frozenReason(ctx, result, pageLang)}"`, meta.passthrough].filter(Boolean).join(' ')
    lines[line - 1] = m[1] + m[2] + info
  }
  return { text: lines.join('\n'), runnable, passed }
}

/** Re-point relative imports in `<script>` blocks of a page moved from `fromRel` to `toRel`. */
export function rewriteScriptImports(text: string, fromRel: string, toRel: string): string {
  return text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (block) =>
    block.replace(/((?:\bfrom|\bimport)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (_all, head: string, q: string, spec: string) => {
      const target = path.posix.join(path.posix.dirname(fromRel), spec)
      let next = path.posix.relative(path.posix.dirname(toRel), target)
      if (!next.startsWith('.')) next = './' + next
      return `${head}${q}${next}${q}`
    }),
  )
}

/** Keys a frozen page gets in its frontmatter (each allowed by core/frontmatter.ts). */
export function frozenFrontmatter(text: string, name: string, file = 'page.md', lang: 'zh' | 'en' = 'zh'): string {
  const lines = text.split('\n')
  const end = frontmatterEnd(lines)
  const add = [
    'search: false # frozen release: the site search covers the latest docs only',
    'editLink: false',
    lang === 'en' ? `titleTemplate: ':title | Docker Knowledge Base, release ${name}'` : `titleTemplate: ':title | Docker 知识库 ${name} 版'`,
  ]
  if (end < 0) return ['---', ...add, '---', '', text].join('\n')
  readFrontmatter(text, file) // fails with file:line on broken frontmatter
  const body = lines.slice(1, end).filter((l) => !/^(search|editLink|titleTemplate):/.test(l))
  return ['---', ...body, ...add, ...lines.slice(end)].join('\n')
}

export function freezePage(text: string, ctx: FreezeContext): FreezeResult {
  const statusPage = ctx.status.pages?.[ctx.statusKey] ?? {}
  let out = text.replace(/\r\n/g, '\n')
  // expand command-reference markers first: the harness runs (and keys its results by the lines
  // of) the expanded page, so generated examples get their real result too
  if (/<!--\s*commands?\s*:/i.test(out)) {
    if (!ctx.expand) {
      const line = out.split('\n').findIndex((l) => /<!--\s*commands?\s*:/i.test(l)) + 1
      throw new Error(`${ctx.statusKey}:${line}: command marker cannot be expanded: the command reference data was not loaded (core/commands.ts)`)
    }
    out = ctx.expand(out, ctx.statusKey)
  }
  // results are keyed by fence content id ({ line, status }); older files by line
  const byLine = new Map<string, unknown>(Object.entries(statusPage))
  for (const v of Object.values(statusPage)) {
    const l = (v as { line?: unknown } | null)?.line
    if (typeof l === 'number') byLine.set(String(l), v)
  }
  const lang = isEnglish(ctx.rel) ? 'en' : 'zh'
  // an English page's snippet that is identical to its Chinese page's ran once, under the Chinese page
  const zhPage = lang === 'en' ? (ctx.status.pages?.[`docs/${ctx.rel.slice(EN_DIR.length + 1)}`] ?? {}) as Record<string, unknown> : {}
  const frozen = freezeFences(out, ctx, (line, id) => resultOf(byLine.get(String(line)) ?? statusPage[id as keyof typeof statusPage] ?? zhPage[id]), ctx.statusKey, lang)
  out = frozen.text
  const { runnable, passed } = frozen
  const links = rewriteLinks(out, ctx.name, ctx.routes)
  out = rewriteScriptImports(links.text, ctx.rel, `${FROZEN_DIR}/${ctx.name}/${ctx.rel}`)
  out = frozenFrontmatter(out, ctx.name, ctx.statusKey, lang)
  return { text: out, links: links.count, snippets: { runnable, passed } }
}

// ---------------------------------------------------------------------------------------------
// Cutting a release

export interface CutOptions {
  name: string
  docsDir?: string
  registryFile?: string
  statusFile?: string
  /** the changelog page to add the release's generated summary to; false: leave it alone */
  changelogFile?: string | false
  /** YYYY-MM-DD; default: today (UTC) */
  date?: string
  /** replace an existing release of that name */
  force?: boolean
  /** git checkout the docs come from (for the commit hash); default: the repository */
  gitDir?: string
  expand?: FreezeContext['expand']
  /**
   * The glossary to freeze with the release (`releaseGlossary()` of core/glossary-refs.ts,
   * passed in by the CLI so this module needs no site plugin): `snapshot` is written to
   * docs/v/<name>/.data/glossary.json; `check(body, rel)` throws `docs/<rel>:LINE: …` for a
   * reference it does not know (body: the page with its frontmatter blanked to empty lines).
   * Without it, a page with a `[[…]]` reference fails the cut.
   */
  glossary?: ReleaseGlossary
  log?: (m: string) => void
}

export interface ReleaseGlossary {
  snapshot: unknown
  check: (body: string, rel: string) => void
}


export interface CutReport {
  name: string
  dir: string
  pages: number
  assets: number
  links: number
  snippets: { runnable: number; passed: number }
  replaced: boolean
  entry: VersionEntry
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

const sha = (s: string) => crypto.createHash('sha1').update(s).digest('hex').slice(0, 12)

interface Manifest { name: string; date: string; pages: Record<string, string> }

function readManifest(docsDir: string, name: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(docsDir, FROZEN_DIR, name, MANIFEST), 'utf8'))
  } catch {
    return undefined
  }
}

function titleOf(text: string, rel: string): string {
  try {
    const t = readFrontmatter(text, rel).data.title
    if (typeof t === 'string' && t.trim()) return t.trim()
  } catch {
    /* the page check reports broken frontmatter */
  }
  return routeOf(rel) || '首页'
}

const mdText = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1')

/** The generated part of a release's changelog entry (between markers, replaced on a re-cut). */
export function changelogBlock(args: {
  name: string
  date: string
  commit?: string
  dirty?: boolean
  status: SnippetStatus
  snippets: { runnable: number; passed: number }
  pages: { rel: string; title: string; hash: string }[]
  previous?: { name: string; manifest?: Manifest }
  /** a page left out of the comparison (the changelog itself changes with every release) */
  ignore?: string
}): string {
  const { name, previous } = args
  const pages = args.pages.filter((p) => p.rel !== args.ignore)
  const lines = [`<!-- version-cut ${name}: generated by npm run version:cut, replaced when the release is cut again -->`, '']
  lines.push(`- 冻结日期：${args.date}${args.commit ? `（提交 \`${args.commit}\`${args.dirty ? '，含当时未提交的修改' : ''}）` : ''}`)
  const s = args.status
  const env = [s.engine && `Docker Engine ${s.engine}`, s.compose && `Compose ${s.compose}`].filter(Boolean).join('、')
  lines.push(
    args.snippets.runnable
      ? `- 可运行命令：${args.snippets.runnable} 段，其中 ${args.snippets.passed} 段在冻结前验证通过${env && args.snippets.passed ? `（${env}${s.mode === 'standins' ? '，离线替身镜像' : ''}${s.date ? `，${String(s.date).slice(0, 10)}` : ''}）` : ''}；其余没有验证记录；冻结后都不再运行`
      : '- 可运行命令：无',
  )
  const link = (rel: string, title: string, version = name) => `[${mdText(title)}](/${FROZEN_DIR}/${version}/${routeOf(rel)})`
  if (!previous?.manifest) {
    const bySection = new Map<string, number>()
    for (const p of args.pages) {
      const dir = p.rel.includes('/') ? p.rel.split('/')[0] : ''
      const sec = dir ? (args.pages.find((x) => x.rel === `${dir}/index.md`)?.title ?? dir) : '首页'
      bySection.set(sec, (bySection.get(sec) ?? 0) + 1)
    }
    lines.push(`- 首个冻结版本：共 ${args.pages.length} 页（${[...bySection].map(([k, n]) => `${k} ${n} 页`).join('、')}）`)
  } else {
    const before = previous.manifest.pages
    const added = pages.filter((p) => !(p.rel in before))
    const changed = pages.filter((p) => p.rel in before && before[p.rel] !== p.hash)
    const removed = Object.keys(before).filter((rel) => rel !== args.ignore && !pages.some((p) => p.rel === rel))
    lines.push(`- 与 ${previous.name} 相比：共 ${args.pages.length} 页，新增 ${added.length} 页，修改 ${changed.length} 页，删除 ${removed.length} 页`)
    if (added.length) lines.push(`- 新增：${added.map((p) => link(p.rel, p.title)).join('、')}`)
    if (changed.length) lines.push(`- 修改：${changed.map((p) => link(p.rel, p.title)).join('、')}`)
    if (removed.length) lines.push(`- 删除：${removed.map((rel) => link(rel, routeOf(rel) || '首页', previous.name)).join('、')}`)
  }
  // the PDF is named, not linked: only /about/offline links the books, and only in a build that ships
  // them (pdfsLinked, core/pdf-targets.ts); a plain build had a 404 here
  lines.push(`- 阅读此版本：[${name} 版首页](/${FROZEN_DIR}/${name}/)；离线阅读：${name} 版 PDF（\`${pdfName(name)}\`，见[离线阅读与打印](/about/offline#download)）`, '', `<!-- /version-cut ${name} -->`)
  return lines.join('\n')
}

/** Insert or replace the release's section in the changelog (newest first, after `<!-- releases -->`). */
export function updateChangelog(text: string, name: string, block: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const generated = new RegExp(`<!-- version-cut ${esc}:[\\s\\S]*?<!-- /version-cut ${esc} -->`)
  if (generated.test(text)) return text.replace(generated, () => block)
  const heading = new RegExp(`^## ${esc}(\\s|$).*$`, 'm')
  const h = heading.exec(text)
  if (h) return text.slice(0, h.index + h[0].length) + '\n\n' + block + text.slice(h.index + h[0].length)
  const section = `## ${name} {#v${name.replace(/[^0-9A-Za-z]+/g, '-')}}\n\n${block}\n`
  const marker = /^<!-- releases -->\s*$/m.exec(text)
  if (marker) {
    const at = marker.index + marker[0].length
    const rest = text.slice(at).replace(/^\s*/, '')
    return text.slice(0, at).replace(/\s*$/, '\n\n') + section + (rest ? '\n' + rest : '')
  }
  return text.replace(/\s*$/, '\n\n') + section
}

export function cutVersion(opts: CutOptions): CutReport {
  const log = opts.log ?? (() => {})
  const { name } = opts
  const problem = versionNameProblem(name)
  if (problem) throw new Error(problem)
  const docsDir = path.resolve(opts.docsDir ?? DOCS_DIR)
  const registryFile = opts.registryFile ?? VERSIONS_FILE
  const outDir = path.join(docsDir, FROZEN_DIR, name)
  const existed = fs.existsSync(outDir)
  if (existed && !opts.force) throw new Error(`release ${name} exists (${path.relative(process.cwd(), outDir)}): pass --force to replace it`)
  const date = opts.date ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date must be YYYY-MM-DD, got "${date}"`)
  const status = readSnippetStatus(opts.statusFile ?? path.join(docsDir, '.snippet-status.json'))
  const gitDir = opts.gitDir ?? path.dirname(docsDir)
  const commit = git(['rev-parse', '--short', 'HEAD'], gitDir)
  const docsRel = path.relative(gitDir, docsDir) || '.'
  // uncommitted changes to pages (not to releases, the harness's status file or the changelog this writes)
  const changelogPath = opts.changelogFile === undefined ? path.join(docsDir, 'about', 'changelog.md') : opts.changelogFile
  const notPages = [`${docsRel}/${FROZEN_DIR}`, `${docsRel}/.snippet-status.json`, ...(changelogPath ? [path.relative(gitDir, changelogPath)] : [])]
  const dirty = commit ? !!git(['status', '--porcelain', '--', docsRel, ...notPages.map((p) => `:(exclude)${p}`)], gitDir) : undefined

  const registry = readRegistry(registryFile)
  const previousEntry = registry.versions.filter((v) => v.name !== name).sort((a, b) => b.date.localeCompare(a.date))[0]
  const { pages: allPages, assets } = listReleaseFiles(docsDir, { english: true })
  // the Chinese pages: counted and listed in the changelog; English pages are frozen alongside
  const pages = allPages.filter((rel) => !isEnglish(rel))
  const pagesEn = allPages.length - pages.length
  if (!pages.length) throw new Error(`no pages under ${docsDir}`)
  const sources = new Map(allPages.map((rel) => [rel, fs.readFileSync(path.join(docsDir, rel), 'utf8')]))
  const routes = new Set(allPages.map(routeOf))
  const freeze = (rel: string) => freezePage(sources.get(rel)!, { name, date, routes, status, rel, statusKey: `docs/${rel}`, expand: opts.expand })

  // 1. every glossary reference resolves against the glossary the release keeps (lines of the source file)
  for (const rel of allPages) {
    const body = blankFrontmatter(sources.get(rel)!.replace(/\r\n/g, '\n'))
    if (opts.glossary) opts.glossary.check(body, rel)
    else {
      const line = body.split('\n').findIndex((l) => /\[\[\s*[A-Za-z0-9]/.test(l)) + 1
      if (line) throw new Error(`docs/${rel}:${line}: glossary reference cannot be frozen: no glossary was given to the cut`)
    }
  }
  // freeze every page in memory (a broken page stops the cut before anything is written)
  const frozen = new Map(allPages.map((rel) => [rel, freeze(rel)]))
  const snippets = { runnable: 0, passed: 0 }
  for (const [rel, r] of frozen) {
    if (isEnglish(rel)) continue // the same snippets as the Chinese pages: counted once
    snippets.runnable += r.snippets.runnable
    snippets.passed += r.snippets.passed
  }

  // 2. the changelog's generated entry, frozen along with the rest (the release contains its own entry)
  const changelog = opts.changelogFile === undefined ? path.join(docsDir, 'about', 'changelog.md') : opts.changelogFile
  const changelogRel = changelog ? path.relative(docsDir, changelog).split(path.sep).join('/') : ''
  if (changelog && fs.existsSync(changelog)) {
    const block = changelogBlock({
      name, date, commit, dirty, status, snippets, ignore: changelogRel,
      pages: pages.map((rel) => ({ rel, title: titleOf(sources.get(rel)!, rel), hash: sha(sources.get(rel)!) })),
      previous: previousEntry ? { name: previousEntry.name, manifest: readManifest(docsDir, previousEntry.name) } : undefined,
    })
    const before = fs.readFileSync(changelog, 'utf8')
    const after = updateChangelog(before, name, block)
    if (after !== before) {
      fs.writeFileSync(changelog, after)
      log(`changelog: ${path.relative(process.cwd(), changelog)} updated`)
    }
    if (sources.has(changelogRel)) {
      sources.set(changelogRel, after)
      frozen.set(changelogRel, freeze(changelogRel))
    }
  }

  // 3. write into a temporary folder, then swap it in
  const tmp = path.join(docsDir, FROZEN_DIR, `.${name}.tmp-${process.pid}`)
  fs.rmSync(tmp, { recursive: true, force: true })
  let links = 0
  const manifest: Manifest = { name, date, pages: {} }
  try {
    for (const [rel, r] of frozen) {
      links += r.links
      if (!isEnglish(rel)) manifest.pages[rel] = sha(sources.get(rel)!) // the changelog compares Chinese pages
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true })
      fs.writeFileSync(path.join(tmp, rel), r.text)
    }
    for (const rel of assets) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true })
      fs.copyFileSync(path.join(docsDir, rel), path.join(tmp, rel))
    }
    fs.writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n')
    if (opts.glossary) {
      fs.mkdirSync(path.dirname(path.join(tmp, RELEASE_GLOSSARY)), { recursive: true })
      fs.writeFileSync(path.join(tmp, RELEASE_GLOSSARY), JSON.stringify(opts.glossary.snapshot, null, 2) + '\n')
    }
    if (existed) fs.rmSync(outDir, { recursive: true, force: true })
    fs.renameSync(tmp, outDir)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }

  // 4. register it
  const entry: VersionEntry = { name, date, pages: pages.length, snippets }
  if (pagesEn) entry.pagesEn = pagesEn
  if (commit) entry.commit = commit
  if (dirty) entry.dirty = true
  if (status.engine) entry.engine = String(status.engine)
  if (status.compose) entry.compose = String(status.compose)
  if (status.date) entry.verified = String(status.date).slice(0, 10)
  if (status.mode) entry.mode = String(status.mode)
  writeRegistry({ latest: null, versions: [...registry.versions.filter((v) => v.name !== name), entry] }, registryFile)
  return { name, dir: outDir, pages: pages.length, assets: assets.length, links, snippets, replaced: existed, entry }
}
