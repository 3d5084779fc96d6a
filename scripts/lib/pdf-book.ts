/**
 * The knowledge base as PDF books (issue #16): one book of the latest docs, one per sidebar section
 * and one per frozen release, printed by headless chromium from the built site (`npm run pdf`,
 * scripts/pdf.ts). Written into `<built site>/downloads/` next to the course packages, so they
 * ship with the site.
 *
 * How a book is made:
 *  1. Every page of the book (the sidebar's order: .vitepress/config/sidebar.ts) is opened in the
 *     built site and its rendered content (`.vp-doc`: static diagram SVGs, highlighted code,
 *     glossary links) is taken from the DOM. Ids get the page's prefix (headings repeat across
 *     pages), links to pages inside the book become in-document anchors (chromium turns those into
 *     PDF links to the named destination), links elsewhere become absolute site URLs (printed after
 *     the text by the print stylesheet). Under each page's title goes its URL.
 *  2. One HTML document — cover, table of contents, pages — styled by the site's own stylesheet
 *     (whose `@media print` part is the print stylesheet) is printed with `page.pdf({ outline,
 *     tagged })`: vector SVG, CJK fonts embedded as subsets, a PDF outline from the headings.
 *  3. Page numbers in the table of contents, two passes: chromium has no CSS `target-counter()`.
 *     Pass 1 prints with placeholder numbers in fixed-width boxes; `pdftotext` then gives the page
 *     each book page starts on (the first PDF page carrying its URL line, which appears nowhere
 *     else); pass 2 prints with the real numbers. The boxes have the same width, so the layout and
 *     the page numbers cannot move; pass 2's text is read back and checked against pass 1 anyway.
 *     Why not paged.js (which implements target-counter): it re-paginates the whole book in
 *     JavaScript inside the page — minutes for a few hundred pages on a small machine — and
 *     replaces chromium's own fragmentation (code blocks breaking across pages, which this book
 *     relies on) with its own; two chromium passes are cheaper and keep the print stylesheet's
 *     behaviour identical to Ctrl+P.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { SITE } from '../../.vitepress/config/site'
import { PDF_DIR, type PdfTarget } from '../../core/pdf-targets'
import { readRegistry, type VersionEntry } from '../../core/versions'
import { pdfText } from './pdf-text'
import { escapeHtml } from '../../core/html'

/** The pages of a book in reading order: each section's overview, then its pages. */
export function bookPages(t: PdfTarget): { link: string; section: string }[] {
  return t.sections.flatMap((s) => [{ link: s.link, section: s.text }, ...s.items.map((i) => ({ link: i.link, section: s.text }))])
}

/** Anchor id of a site route inside a book: "/internals/layers" → "p-internals-layers". */
export const pageAnchor = (route: string) => 'p' + (route.replace(/[^A-Za-z0-9.]+/g, '-').replace(/-$/, '') || '-home')

/** The URL line printed under a page's title (and how locatePages() finds where the page starts). */
export const pageUrl = (route: string) => SITE.url + encodeURI(route)

/** A page's content as taken from the built site. */
export interface BookPage { link: string; section: string; title: string; url: string; html: string }

/**
 * In-page extraction (plain JavaScript in a string: evaluated as is, no transpiler helpers).
 * Input: { anchor, inBook: route → anchor, site: public origin }. Output: { title, html } or null
 * when the page has no `.vp-doc` content.
 */
const EXTRACT = `(args) => {
  const doc = document.querySelector('.VPDoc .vp-doc')
  if (!doc) return null
  const root = doc.cloneNode(true)
  for (const el of root.querySelectorAll('.header-anchor, button.copy, .kb-copy-hint, iframe, script, .kb-embed-action')) el.remove()
  for (const d of root.querySelectorAll('details')) d.setAttribute('open', '')
  // unique ids across the book; SVG-internal ids stay (each diagram's stylesheet uses its own id)
  for (const el of root.querySelectorAll('[id]')) if (!el.closest('svg')) el.id = args.anchor + '--' + el.id
  for (const a of root.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href')
    if (/^(mailto|javascript):/.test(raw)) continue
    const u = new URL(raw, location.href)
    if (u.origin !== location.origin) continue
    const route = decodeURI(u.pathname).replace(/\\.html$/, '').replace(/\\/index$/, '/')
    const target = args.inBook[route]
    if (target) a.setAttribute('href', '#' + target + (u.hash ? '--' + decodeURIComponent(u.hash.slice(1)) : ''))
    else a.setAttribute('href', args.site + u.pathname + u.search + u.hash)
    a.removeAttribute('target')
  }
  const h1 = root.querySelector('h1')
  const title = h1 ? h1.textContent.trim() : document.title
  const url = document.createElement('p')
  url.className = 'kb-book-url'
  url.textContent = args.url
  if (h1) h1.after(url)
  else root.prepend(url)
  return { title, html: root.innerHTML }
}`

/** Every diagram box has its SVG (server-rendered; after a client navigation it is fetched). */
const DIAGRAMS_READY = `() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg'))`

/**
 * Open each page of `links` on the served site and take its content.
 * @param base   URL of the served built site, e.g. http://127.0.0.1:4173
 * @param inBook site route → anchor, for every page of the book (links to them stay inside the PDF)
 * @throws when a page cannot be loaded (HTTP ≥ 400) or has no content
 */
export async function collectPages(page: Page, base: string, links: { link: string; section: string }[], inBook: Record<string, string>): Promise<BookPage[]> {
  const out: BookPage[] = []
  // only the HTML is needed: no stylesheets, images, fonts or scripts (printBook() lifts this)
  await page.route('**/*', (r) => (['stylesheet', 'image', 'font', 'script', 'media'].includes(r.request().resourceType()) ? r.abort() : r.fallback()))
  for (const { link, section } of links) {
    const res = await page.goto(base + encodeURI(link), { waitUntil: 'domcontentloaded' })
    if (!res || res.status() >= 400) throw new Error(`${link}: HTTP ${res?.status() ?? 'no response'} from the built site`)
    await page.waitForFunction(DIAGRAMS_READY, undefined, { timeout: 30_000 })
    const url = pageUrl(link)
    const got = (await page.evaluate(`(${EXTRACT})(${JSON.stringify({ anchor: pageAnchor(link), inBook, site: SITE.url, url })})`)) as { title: string; html: string } | null
    if (!got) throw new Error(`${link}: no .vp-doc content in the built page`)
    out.push({ link, section, title: got.title, url, html: got.html })
  }
  return out
}

/** Facts for the cover: what the book is and how its commands were verified. */
export interface CoverFacts {
  /** e.g. "最新版" or "2026.11 版" */
  edition: string
  /** YYYY-MM-DD the PDF was made */
  generated: string
  commit?: string
  /** lines of verification facts, already worded */
  lines: string[]
}

/** Width of the page-number boxes in the table of contents: the same for placeholder and number. */
const PN_PLACEHOLDER = '000'

/** Book-only layout on top of the site stylesheet (its print rules apply too: we print). */
export const BOOK_CSS = `
html, body { background: #fff; }
body { margin: 0; font-family: var(--vp-font-family-base); color: var(--vp-c-text-1); }
.kb-book-cover { height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.kb-book-cover h1 { font-size: 34px; line-height: 1.3; margin: 0 0 12px; border: 0; }
.kb-book-cover .edition { font-size: 20px; margin: 0 0 40px; color: var(--vp-c-brand-1); }
.kb-book-cover ul { list-style: none; padding: 0; margin: 0; font-size: 14px; line-height: 1.9; }
.kb-book-cover .site { margin-top: 40px; font-size: 13px; color: var(--vp-c-text-2); }
.kb-book-toc { break-after: page; }
.kb-book-toc h1 { font-size: 26px; margin: 0 0 16px; }
.kb-book-toc ol { list-style: none; padding: 0; margin: 0; }
.kb-book-toc > ol > li { margin-top: 10px; font-weight: 600; }
.kb-book-toc ol ol li { font-weight: normal; padding-left: 1.5em; }
.kb-book-toc a { display: flex; gap: 6px; color: inherit; text-decoration: none; line-height: 1.8; }
.kb-book-toc a .t { flex: 1; border-bottom: 1px dotted #999; }
.kb-book-toc a .pn { display: inline-block; width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
.kb-book-page { break-before: page; }
.vp-doc .kb-book-url { margin: -8px 0 20px; font-size: 12px; color: var(--vp-c-text-2); overflow-wrap: anywhere; }
.vp-doc h1 { font-size: 28px; line-height: 1.3; }
`

/**
 * The book as one HTML document.
 * @param css    URL of the site's stylesheet (taken from a built page)
 * @param pages  in reading order
 * @param numbers anchor → PDF page number for the table of contents; absent: placeholders
 */
export function bookHtml(t: PdfTarget, cover: CoverFacts, css: string, pages: BookPage[], numbers?: Map<string, number>): string {
  const pn = (link: string) => {
    const n = numbers?.get(pageAnchor(link))
    return n === undefined ? PN_PLACEHOLDER : String(n)
  }
  const toc = t.sections.map((s) => {
    const items = pages.filter((p) => p.section === s.text && p.link !== s.link)
    const head = pages.find((p) => p.link === s.link)
    const entry = (p: BookPage) => `<a href="#${pageAnchor(p.link)}"><span class="t">${escapeHtml(p.title)}</span><span class="pn">${pn(p.link)}</span></a>`
    return `<li>${head ? entry(head) : escapeHtml(s.text)}${items.length ? `<ol>${items.map((p) => `<li>${entry(p)}</li>`).join('')}</ol>` : ''}</li>`
  })
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${t.title}（${cover.edition}）`)}</title>
<link rel="stylesheet" href="${escapeHtml(css)}"><style>${BOOK_CSS}</style></head>
<body class="kb-book">
<section class="kb-book-cover">
  <h1>${escapeHtml(t.title)}</h1>
  <p class="edition">${escapeHtml(cover.edition)}</p>
  <ul>${cover.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
  <p class="site">${escapeHtml(SITE.url)} · 生成于 ${escapeHtml(cover.generated)}${cover.commit ? `（提交 ${escapeHtml(cover.commit)}）` : ''} · 内容以 CC BY-SA 4.0 许可发布</p>
</section>
<nav class="kb-book-toc"><h1>目录</h1><ol>${toc.join('')}</ol></nav>
<div class="VPDoc">
${pages.map((p) => `<article class="kb-book-page vp-doc" id="${pageAnchor(p.link)}">${p.html}</article>`).join('\n')}
</div>
</body></html>`
}

/** A4 with 18 mm top/bottom (running header and page number) and 16 mm sides. */
export const PAGE = { width: 595.28, height: 841.89, margin: { top: 51, bottom: 51, side: 45 } }

/** The content area of every page, for pdfText(): leaves out the running header and footer. */
export const CONTENT_CROP = { x: 0, y: PAGE.margin.top - 4, w: PAGE.width, h: PAGE.height - PAGE.margin.top - PAGE.margin.bottom + 8 }

async function printOnce(reader: Page, html: string, bookUrl: string, file: string, header: string): Promise<void> {
  // a fresh tab per print: no routes or media emulation left over from reading or the other pass.
  // Chromium's printToPDF answered "Printing failed" once for the 606-page book on a machine at load
  // average ~14 (2026-11-29); the same book printed on the next try. So a failed print is tried once
  // more in a new tab; a second failure is the error.
  for (let attempt = 1; ; attempt++) {
    const page = await reader.context().newPage()
    try {
      await printIn(page, html, bookUrl, file, header)
      return
    } catch (e) {
      if (attempt >= 2 || !/Printing failed/.test((e as Error).message)) throw e
    } finally {
      await page.close()
    }
  }
}

async function printIn(page: Page, html: string, bookUrl: string, file: string, header: string): Promise<void> {
  await page.route(bookUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
  await page.goto(bookUrl, { waitUntil: 'load' })
  await page.evaluate('document.fonts.ready.then(() => true)')
  await page.emulateMedia({ media: 'print' })
  await page.pdf({
    path: file,
    format: 'A4',
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="width:100%;margin:0 16mm;font-size:8px;color:#666;font-family:'Noto Sans CJK SC',sans-serif">${escapeHtml(header)}</div>`,
    footerTemplate: `<div style="width:100%;text-align:center;font-size:8px;color:#666;font-family:'Noto Sans CJK SC',sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    // playwright takes in/cm/mm/px, not pt
    margin: { top: `${PAGE.margin.top / 72}in`, bottom: `${PAGE.margin.bottom / 72}in`, left: `${PAGE.margin.side / 72}in`, right: `${PAGE.margin.side / 72}in` },
  })
}

/**
 * PDF page (1-based) each book page starts on: the first page whose text has the page's URL line.
 * @throws naming the pages that were not found
 */
export function locatePages(file: string, pages: Pick<BookPage, 'link' | 'url'>[]): Map<string, number> {
  const sheets = pdfText(file).split('\f').map((s) => new Set(s.split('\n').map((l) => l.trim())))
  const found = new Map<string, number>()
  const missing: string[] = []
  for (const p of pages) {
    const i = sheets.findIndex((lines) => lines.has(p.url))
    if (i < 0) missing.push(p.link)
    else found.set(pageAnchor(p.link), i + 1)
  }
  if (missing.length) throw new Error(`${file}: the URL line of ${missing.length} page(s) is not in the PDF text: ${missing.join(', ')}`)
  return found
}

/**
 * Fewest non-whitespace characters a body page in mid-chapter carries. A full page of this book
 * holds 1,500–3,000; a page holding only a tall diagram still has its labels (the sparsest such
 * page of the latest book, 2026-11-29: 61 characters, a decision diagram alone on its page).
 * Below this, the page is (nearly) blank: the mark of a layout that overflows, e.g. a link address
 * laid out in the 11 px box of VitePress's link icon (see the print stylesheet in
 * .vitepress/theme/styles.css), which left 75 pages of the glossary book under 40 characters, many holding only "<".
 */
export const SPARSE_CHARS = 40

/** A body page of a printed book with (almost) no text. */
export interface SparsePage {
  /** PDF page, 1-based */
  page: number
  /** its non-whitespace characters (running header and footer left out) */
  chars: number
  /** its text, whitespace collapsed, at most 80 characters */
  text: string
}

/**
 * Body pages (from the first book page on) with fewer than `minChars` characters that do not end a
 * chapter. The last page of each book page may be short (the next one starts on a new sheet,
 * `.kb-book-page { break-before: page }`); any other short page is a layout fault.
 * @param file  a PDF written by printBook()
 * @param pages the book's pages (their URL lines mark where each starts: locatePages())
 * @returns the short pages in order, empty when the layout is sane
 * @throws like locatePages() when a page's URL line is missing
 */
export function sparsePages(file: string, pages: Pick<BookPage, 'link' | 'url'>[], minChars = SPARSE_CHARS): SparsePage[] {
  const starts = new Set(locatePages(file, pages).values())
  // pdftotext ends every page with a form feed, the last one included
  const sheets = pdfText(file, CONTENT_CROP).split('\f').slice(0, -1)
  const first = Math.min(...starts)
  const out: SparsePage[] = []
  for (let n = first; n < sheets.length; n++) {
    if (starts.has(n + 1)) continue
    const chars = sheets[n - 1].replace(/\s+/g, '').length
    if (chars < minChars) out.push({ page: n, chars, text: sheets[n - 1].replace(/\s+/g, ' ').trim().slice(0, 80) })
  }
  return out
}

/**
 * Print a book in two passes (placeholder page numbers, then real ones) into `file`.
 * @returns the PDF page each book page starts on
 * @throws when pass 2 does not put the pages where pass 1 found them
 */
export async function printBook(page: Page, base: string, t: PdfTarget, cover: CoverFacts, css: string, pages: BookPage[], file: string): Promise<Map<string, number>> {
  const bookUrl = `${base}/__kb-book-${t.id}.html`
  const header = `${t.title} · ${cover.edition}`
  await printOnce(page, bookHtml(t, cover, css, pages), bookUrl, file, header)
  const numbers = locatePages(file, pages)
  await printOnce(page, bookHtml(t, cover, css, pages, numbers), bookUrl, file, header)
  const again = locatePages(file, pages)
  const moved = [...numbers].filter(([a, n]) => again.get(a) !== n).map(([a]) => a)
  if (moved.length) throw new Error(`${file}: pages moved between the two passes (${moved.join(', ')}); the table of contents would be wrong`)
  return numbers
}

/** Cover lines for the latest docs (last snippet run) or a release (versions.json). */
export function coverFacts(release: string | null, status: { engine?: string; compose?: string; buildx?: string; date?: string; mode?: string; stores?: string[]; totals: { passed: number; failed: number; skipped: number; norun: number } }, engine: { suite: string; packages: Record<string, string> }, generated: string, commit?: string): CoverFacts {
  const mode = (m?: string) => (m === 'standins' ? '，离线替身镜像' : m === 'real' ? '，真实镜像' : '')
  if (release) {
    const v: VersionEntry | undefined = readRegistry().versions.find((x) => x.name === release)
    if (!v) throw new Error(`versions.json has no release "${release}"`)
    const lines = [`冻结于 ${v.date}${v.commit ? `（提交 ${v.commit}）` : ''}，共 ${v.pages} 页；此后内容不再变化，命令不再运行`]
    lines.push(`可运行命令 ${v.snippets.runnable} 段，冻结前验证通过 ${v.snippets.passed} 段` + (v.engine ? `（Docker Engine ${v.engine}${v.compose ? `、Compose ${v.compose}` : ''}${v.verified ? `，${v.verified}` : ''}${mode(v.mode)}）` : ''))
    return { edition: `${release} 版`, generated, commit, lines }
  }
  const t = status.totals
  const lines = [
    status.engine
      ? `命令验证环境：Docker Engine ${status.engine}${status.compose ? `、Compose ${status.compose}` : ''}${status.buildx ? `、buildx ${status.buildx}` : ''}${status.stores?.length ? `，镜像存储 ${status.stores.join(' 和 ')}` : ''}${mode(status.mode)}${status.date ? `，${status.date}` : ''}`
      : '命令验证环境：尚无验证记录（docs/.snippet-status.json 不存在）',
    `可运行命令 ${t.passed + t.failed + t.skipped} 段：通过 ${t.passed} 段，失败 ${t.failed} 段，跳过 ${t.skipped} 段；另有 ${t.norun} 段只展示、不自动运行`,
    `沙箱引擎：Debian ${engine.suite} 软件包 ${Object.entries(engine.packages).map(([k, v]) => `${k} ${v}`).join('、')}`,
  ]
  const latest = readRegistry().latest
  if (latest) lines.push(`最近的冻结版本：${latest}（本书为最新版，随网站更新）`)
  return { edition: '最新版', generated, commit, lines }
}

/** `<dist>/downloads` unless told otherwise. */
export const defaultPdfDir = (dist: string) => path.join(dist, PDF_DIR)
