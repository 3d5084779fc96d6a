/**
 * Markdown for tools and AI assistants, written at the end of the build (buildEnd in
 * .vitepress/config/shared.ts) and served by the dev server (llmsDevPlugin):
 *
 *  - `<page>.md` for every page VitePress builds (all locales, frozen releases under /v/): the
 *    page's source path, so /network/port-mapping → /network/port-mapping.md and the section page
 *    /guide/ → /guide/index.md (markdownPath, core/version-paths.ts);
 *  - `/llms.txt`: the llms.txt index (https://llmstxt.org: an H1, a blockquote summary, notes, then
 *    one H2 per sidebar section with `- [title](url.md): description` lines and an `## Optional`
 *    section), kept under LLMS_TXT_LIMIT bytes, because tools load it whole;
 *  - `/llms-full.txt`: every current Chinese page (no /en/, no frozen release) in sidebar order;
 *  - `/en/llms.txt` and `/en/llms-full.txt`: the same for the English edition (docs/en), once it
 *    has a home page; the Chinese llms.txt links to them.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { SITE } from '../config/site'
import { readSections, type Section } from '../../core/sections'
import { readFrontmatter } from '../../core/frontmatter'
import { listPages } from '../../core/pages'
import { readRegistry, readSnippetStatus } from '../../core/versions'
import { FROZEN_DIR } from '../../core/version-paths'
import { absoluteUrl, markdownPath, pageMarkdownFile } from './page-markdown'
import { BUILD_CACHE_ROOT, contentCache, contentKey } from '../../core/content-cache'
import { PRUNE_MIN_AGE_MS } from './render-cache'
import { pdfsLinked } from '../../core/pdf-targets'

/** llms.txt must stay small: tools read it whole (docs.docker.com's ~50,000 tokens was too much). */
export const LLMS_TXT_LIMIT = 20 * 1024

interface Target { siteUrl: string; base: string }

/** Folder of the English edition under docs/ (scripts/lib/translations.ts EN_DIR). */
const EN = 'en'

/**
 * Pages of the current docs in sidebar order: home, then each section's index and pages.
 * `lang: 'en'`: the English edition's (paths `en/...`).
 */
export function sidebarOrder(srcDir: string, lang: 'zh' | 'en' = 'zh'): { relativePath: string; section?: Section }[] {
  const prefix = lang === 'en' ? `${EN}/` : ''
  const out: { relativePath: string; section?: Section }[] = [{ relativePath: `${prefix}index.md` }]
  for (const s of readSections(lang === 'en' ? path.join(srcDir, EN) : srcDir, `/${prefix}`)) {
    out.push({ relativePath: `${prefix}${s.dir}/index.md`, section: s })
    for (const p of s.items) out.push({ relativePath: `${p.link.replace(/^\//, '')}.md`, section: s })
  }
  return out.filter((p) => fs.existsSync(path.join(srcDir, p.relativePath)))
}

function pageFacts(srcDir: string, relativePath: string): { title: string; description: string } {
  const fm = readFrontmatter(fs.readFileSync(path.join(srcDir, relativePath), 'utf8'), `docs/${relativePath}`).data
  return { title: String(fm.title ?? relativePath), description: typeof fm.description === 'string' ? fm.description.trim() : '' }
}

/** The first sentence of a description (llms.txt keeps one line per page short). */
const firstSentence = (s: string) => (/^.+?[。！？]/.exec(s)?.[0] ?? s).replace(/。$/, '')
const firstSentenceEn = (s: string) => (/^.+?[.!?](?=\s|$)/.exec(s)?.[0] ?? s).replace(/\.$/, '')

/** /llms.txt for the site built from `srcDir`. Output: Markdown text (UTF-8, under LLMS_TXT_LIMIT). */
export function llmsTxt(srcDir: string, t: Target): string {
  const url = (p: string) => absoluteUrl(t.siteUrl, t.base, p)
  const mdUrl = (rel: string) => url('/' + markdownPath(rel))
  const status = readSnippetStatus()
  const line = (rel: string, text?: string) => {
    const f = pageFacts(srcDir, rel)
    return `- [${text ?? f.title}](${mdUrl(rel)})${f.description ? `: ${firstSentence(f.description)}` : ''}`
  }
  const out = [
    `# ${SITE.title}`,
    '',
    `> ${SITE.description}`,
    '',
    `每一页都有 Markdown 版本：网页地址后加 \`.md\`，以 \`/\` 结尾的地址加 \`index.md\`（例如 ${url('/guide/')} → ${mdUrl('guide/index.md')}）。` +
      `全部中文页面合成一个文件：[llms-full.txt](${url('/llms-full.txt')})。` +
      (status.engine ? `标为可运行的命令最近一次在 Docker Engine ${status.engine}${status.compose ? `、Docker Compose ${status.compose}` : ''} 上验证${status.date ? `（${status.date}）` : ''}。` : ''),
    '',
    '## 首页',
    '',
    line('index.md'),
  ]
  for (const s of readSections(srcDir, '/')) {
    out.push('', `## ${s.text}`, '', line(`${s.dir}/index.md`, `${s.text}（概览）`))
    for (const p of s.items) out.push(line(`${p.link.replace(/^\//, '')}.md`))
  }
  out.push('', '## Optional', '')
  const frozen = readRegistry().versions.filter((v) => fs.existsSync(path.join(srcDir, FROZEN_DIR, v.name, 'index.md')))
  for (const v of frozen) out.push(`- [${v.name} 版（冻结于 ${v.date}）](${mdUrl(`${FROZEN_DIR}/${v.name}/index.md`)}): 冻结版本的首页；页面地址以 /${FROZEN_DIR}/${v.name}/ 开头，内容不再更改`)
  if (fs.existsSync(path.join(srcDir, 'en/index.md'))) out.push(`- [English edition](${url('/en/llms.txt')}): llms.txt of the English edition`)
  out.push(`- [术语表数据](${url('/api/glossary.json')}): 全部术语的 JSON（中英文名、定义、相关页面）`)
  out.push(`- [命令参考数据](${url('/api/commands.json')}): 全部命令的 JSON（用法、选项、示例）`)
  return out.join('\n') + '\n'
}

/** /en/llms.txt: the English edition's index, laid out like llmsTxt. Output: Markdown text. */
export function llmsTxtEn(srcDir: string, t: Target): string {
  const url = (p: string) => absoluteUrl(t.siteUrl, t.base, p)
  const mdUrl = (rel: string) => url('/' + markdownPath(rel))
  const line = (rel: string, text?: string) => {
    const f = pageFacts(srcDir, rel)
    return `- [${text ?? f.title}](${mdUrl(rel)})${f.description ? `: ${firstSentenceEn(f.description)}` : ''}`
  }
  const out = [
    `# ${SITE.titleEn}`,
    '',
    '> A Docker knowledge base whose every runnable command is verified against a real Docker Engine: concepts, commands, internals, networking, storage, build and orchestration.',
    '',
    `Every page has a Markdown version: add \`.md\` to its address, or \`index.md\` to an address ending in \`/\`. All English pages in one file: [llms-full.txt](${url('/en/llms-full.txt')}).`,
    '',
    '## Home',
    '',
    line(`${EN}/index.md`),
  ]
  for (const s of readSections(path.join(srcDir, EN), `/${EN}/`)) {
    out.push('', `## ${s.text}`, '', line(`${EN}/${s.dir}/index.md`, `${s.text} (overview)`))
    for (const p of s.items) out.push(line(`${p.link.replace(/^\//, '')}.md`))
  }
  out.push('', '## Optional', '', `- [Chinese edition](${url('/llms.txt')}): the original, Chinese-first edition`)
  return out.join('\n') + '\n'
}

/** /llms-full.txt (or /en/llms-full.txt): the Markdown of every current page of one language, in sidebar order (`done`: pages already converted, by path). */
export function llmsFullTxt(srcDir: string, t: Target, done: Map<string, string> = new Map(), lang: 'zh' | 'en' = 'zh'): string {
  return sidebarOrder(srcDir, lang).map((p) => done.get(p.relativePath) ?? pageMarkdownFile(srcDir, p.relativePath, t.siteUrl, t.base)).join('\n\n')
}

/**
 * Fail when an llms.txt is over LLMS_TXT_LIMIT, as built (`size`, bytes) or as it would be under a
 * fork's project-site base (`underProjectBase`, the same file built with SITE.projectBase): its
 * links grow by that prefix, so a page added here could otherwise pass this build and fail only in
 * CI's sub-path build (it did: 20000 bytes here, 20850 under /docker-kb/).
 * @throws Error naming the file, both sizes and what to shorten
 */
export function checkLlmsTxtSize(name: string, size: number, underProjectBase: string): void {
  const projected = Buffer.byteLength(underProjectBase)
  if (Math.max(size, projected) <= LLMS_TXT_LIMIT) return
  throw new Error(`${name}: ${size} bytes (${projected} under base ${SITE.projectBase}), over the ${LLMS_TXT_LIMIT}-byte limit (shorten the first sentence of page descriptions or the notes in .vitepress/plugins/llms.ts)`)
}

export interface MarkdownExportReport { pages: number; llmsTxtBytes: number; llmsFullBytes: number }

/** What writeMarkdownExports writes: [path relative to outDir (`/` separators), content] in writing order, and its report. */
export interface MarkdownExports { files: [string, string][]; report: MarkdownExportReport }

/** Inputs of the Markdown exports (see writeMarkdownExports). */
export interface MarkdownExportInput { srcDir: string; base: string; siteUrl?: string; pages?: string[] }

/**
 * The files writeMarkdownExports writes, made in memory (nothing is written): a pure function of the
 * sources under srcDir and the inputs.
 * @throws the first conversion error (file:line), or when an llms.txt exceeds LLMS_TXT_LIMIT as built or under SITE.projectBase
 */
export function markdownExports(opts: MarkdownExportInput): MarkdownExports {
  const t = { siteUrl: opts.siteUrl ?? SITE.url, base: opts.base }
  const pages = opts.pages ?? listPages(opts.srcDir).map((f) => path.relative(opts.srcDir, f).split(path.sep).join('/'))
  const files: [string, string][] = []
  const done = new Map<string, string>()
  for (const rel of pages) {
    done.set(rel, pageMarkdownFile(opts.srcDir, rel, t.siteUrl, t.base))
    files.push([markdownPath(rel), done.get(rel)!])
  }
  // the same file under SITE.projectBase differs only in the root of its links: derived from the
  // text instead of reading every page's frontmatter again
  const root = absoluteUrl(t.siteUrl, t.base, '/')
  const underProjectBase = (text: string) => text.split(root).join(absoluteUrl(t.siteUrl, SITE.projectBase, '/'))
  const index = llmsTxt(opts.srcDir, t)
  const size = Buffer.byteLength(index)
  checkLlmsTxtSize('llms.txt', size, underProjectBase(index))
  files.push(['llms.txt', index])
  const full = llmsFullTxt(opts.srcDir, t, done)
  files.push(['llms-full.txt', full])
  if (fs.existsSync(path.join(opts.srcDir, EN, 'index.md'))) {
    const indexEn = llmsTxtEn(opts.srcDir, t)
    checkLlmsTxtSize(`${EN}/llms.txt`, Buffer.byteLength(indexEn), underProjectBase(indexEn))
    files.push([`${EN}/llms.txt`, indexEn], [`${EN}/llms-full.txt`, llmsFullTxt(opts.srcDir, t, done, 'en')])
  }
  return { files, report: { pages: pages.length, llmsTxtBytes: size, llmsFullBytes: Buffer.byteLength(full) } }
}

/** Write made exports (markdownExports) into outDir. Returns their report. */
export function writeExports(outDir: string, exports: MarkdownExports): MarkdownExportReport {
  for (const [rel, text] of exports.files) {
    const out = path.join(outDir, rel)
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, text)
  }
  return exports.report
}

/**
 * Write `<page>.md` for every page, /llms.txt and /llms-full.txt into the built site.
 * @param opts.pages   VitePress's page list (paths relative to srcDir), e.g. siteConfig.pages
 * @param opts.base    VitePress `base`; opts.siteUrl the public site URL (SITE.url)
 * @throws the first conversion error (file:line), or when an llms.txt exceeds LLMS_TXT_LIMIT as built or under SITE.projectBase
 */
export function writeMarkdownExports(opts: MarkdownExportInput & { outDir: string }, cache?: ExportCacheOptions): MarkdownExportReport {
  return writeExports(opts.outDir, cache ? cachedMarkdownExports(opts, cache) : markdownExports(opts))
}

export interface ExportCacheOptions {
  /** the build's render fingerprint (plugins/render-cache.ts buildFingerprint): every file the exports read is under RENDER_INPUTS */
  fingerprint: string
  /** where the entries live (default BUILD_CACHE_ROOT/md-export) */
  dir?: string
}

/**
 * markdownExports, stored between builds: the exports read only files under the render cache's
 * RENDER_INPUTS (the pages, glossary and command data, snippet status, corrections, versions.json,
 * our config and code), so the build's render fingerprint plus the inputs of this call (base, site
 * URL, page list) and KB_PDF decide them, as they decide every page's render. A warm build of an unchanged tree
 * converts no page (216 pages, ~2 % of a cold build's main-process CPU). Errors are not stored: a
 * broken page fails every build. One entry per fingerprint; the others are deleted once older than
 * PRUNE_MIN_AGE_MS (another worktree's build may share the folder).
 */
export function cachedMarkdownExports(opts: MarkdownExportInput, { fingerprint, dir = path.join(BUILD_CACHE_ROOT, 'md-export') }: ExportCacheOptions): MarkdownExports {
  const cache = contentCache<MarkdownExports>(dir)
  // KB_PDF (pdfsLinked) decides whether the exports link the PDF books: an input outside the tree
  const key = contentKey(fingerprint, opts.srcDir, opts.base, opts.siteUrl ?? SITE.url, JSON.stringify(opts.pages ?? null), String(pdfsLinked()))
  let exports = cache.get(key)
  if (!exports) {
    exports = markdownExports(opts)
    cache.set(key, exports)
  }
  cache.prune(new Set([key]), PRUNE_MIN_AGE_MS)
  return exports
}

/**
 * Dev server: the same files, made on request (`npm run dev` has no build to write them into).
 * A request for `<page>.md` whose page does not exist falls through to VitePress (its 404).
 */
export function llmsDevPlugin(srcDir: string): Plugin {
  return {
    name: 'kb-llms-dev',
    apply: 'serve',
    configureServer(server) {
      const base = server.config.base || '/'
      server.middlewares.use((req, res, next) => {
        const p = decodeURIComponent((req.url ?? '').split('?')[0])
        if (!p.startsWith(base)) return next()
        const rel = p.slice(base.length)
        const t = { siteUrl: SITE.url, base }
        const send = (type: string, body: () => string) => {
          try {
            const text = body()
            res.setHeader('Content-Type', `${type}; charset=utf-8`)
            res.end(text)
          } catch (e) {
            next(e)
          }
        }
        if (rel === 'llms.txt') return send('text/plain', () => llmsTxt(srcDir, t))
        if (rel === 'llms-full.txt') return send('text/plain', () => llmsFullTxt(srcDir, t))
        if (rel === `${EN}/llms.txt`) return send('text/plain', () => llmsTxtEn(srcDir, t))
        if (rel === `${EN}/llms-full.txt`) return send('text/plain', () => llmsFullTxt(srcDir, t, new Map(), 'en'))
        // VitePress's dev client loads each page as a module from the same URL (`/guide/x.md`): a
        // module import (Sec-Fetch-Dest: script) is Vite's to answer with the compiled page; a reader,
        // curl or the page's own "view as Markdown" fetch (dest document / empty / none) gets the export
        const moduleImport = req.headers['sec-fetch-dest'] === 'script'
        const page = !moduleImport && rel.endsWith('.md') && !rel.split('/').some((s) => s === '..' || s.startsWith('.')) ? rel : ''
        if (page && !page.startsWith('data/') && fs.existsSync(path.join(srcDir, page))) {
          return send('text/markdown', () => pageMarkdownFile(srcDir, page, t.siteUrl, t.base))
        }
        next()
      })
    },
  }
}
