/**
 * `npm run pdf` (issue #16, part 1), run on the built site (`npm run build` first; a missing build
 * fails). It writes the book of the latest docs and the PDF of one section — the section with the
 * fewest pages, so the per-section path is covered without printing every section twice (the
 * whole `npm run pdf` takes several minutes; `npm run bench`-style numbers go to reports/pdf.json)
 * — into a temporary folder, then checks the book against the site itself, read from the built
 * pages in chromium:
 *  - page count within a range computed from the site, for the book and the section PDF: at least
 *    cover + contents + one page per site page, at most that plus one page per MAX_CHARS_PER_PAGE
 *    characters of text and one per diagram;
 *  - no near-empty pages (sparsePages()): every body page has text unless it ends a chapter — the
 *    broken layout of an external link's address inside VitePress's 11 px link icon gave pages
 *    holding only "<";
 *  - fonts (`pdffonts`): every font is embedded, the CJK ones (Type 3, see below) included;
 *  - text (`pdftotext`): every page's H1 and H2, its URL line, and every line of every code block
 *    (compared without whitespace: wrapped lines come back in pieces, see squash());
 *  - links: every page of the book is a named destination (what the in-PDF links point to), and
 *    the table of contents gives each page's real page number.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../core/browser'
import { bookPages, CONTENT_CROP, pageAnchor, pageUrl, sparsePages, SPARSE_CHARS } from '../../scripts/lib/pdf-book'
import { pdfTargets, type PdfTarget } from '../../core/pdf-targets'
import { SITE } from '../../.vitepress/config/site'
import { pdfFonts, pdfText, pdfTextExtractions, squash } from '../../scripts/lib/pdf-text'
import { DIST_DIR, serveStatic } from '../../scripts/lib/static-server'
import { writePdfs, type PdfResult } from '../../scripts/pdf'
import { execFileSync } from 'node:child_process'

interface SitePage { link: string; headings: string[]; codeLines: string[]; chars: number; diagrams: number }

/** What each page of a book shows on the site: H1/H2, code lines, amount of text, diagrams. */
async function readSite(links: string[]): Promise<SitePage[]> {
  const server = await serveStatic(DIST_DIR)
  // server-rendered pages, no JavaScript (as `npm run pdf` reads them; the content is the same)
  const b = await launchBrowser({ javaScriptEnabled: false })
  try {
    const page = await b.context.newPage()
    const out: SitePage[] = []
    for (const link of links) {
      await page.goto(server.url + encodeURI(link), { waitUntil: 'domcontentloaded' })
      out.push({
        link,
        ...(await page.evaluate(() => {
          const doc = document.querySelector('.VPDoc .vp-doc') as HTMLElement
          return {
            headings: [...doc.querySelectorAll('h1, h2')].map((h) => (h.textContent ?? '').replace(/\u200b/g, '').trim()),
            codeLines: [...doc.querySelectorAll('div[class*="language-"] pre code .line')].map((l) => l.textContent ?? '').filter((t) => t.trim()),
            chars: doc.innerText.replace(/\s+/g, '').length,
            diagrams: doc.querySelectorAll('.mermaid-box').length,
          }
        })),
      })
    }
    return out
  } finally {
    await b.close()
    await server.close()
  }
}

/**
 * Fewest characters of the site's text a PDF page carries on average, for the upper page-count
 * bound. Full pages of this book hold 1,500–3,000 characters; short last pages of chapters, code
 * blocks (half-empty lines) and tables lower the mean. Measured with pdftotext on 2026-11-29: the
 * latest book 409,000 characters on 598 pages (684 a page), the glossary 55,600 on 51 (1,090); the
 * broken layout (link addresses inside the link icon) printed the glossary on 209 pages (230 a page).
 */
const MAX_CHARS_PER_PAGE = 500

const smallest = (targets: PdfTarget[]) =>
  targets.filter((t) => t.id.startsWith('latest-')).sort((a, b) => bookPages(a).length - bookPages(b).length)[0]

describe('npm run pdf', () => {
  const targets = pdfTargets(SITE.title)
  const book = targets.find((t) => t.id === 'latest')!
  const section = smallest(targets)
  let out: string
  let results: PdfResult[]
  let site: SitePage[]
  let text: string
  /** `pdftotext -raw`: content order; `-layout` reorders a code line that mixes CJK and Latin glyph runs */
  let rawText: string

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pdf-'))
    results = await writePdfs({ dist: DIST_DIR, out, only: [book.id, section.id], log: () => {} })
    site = await readSite(bookPages(book).map((p) => p.link))
    text = pdfText(path.join(out, book.file), CONTENT_CROP)
    rawText = pdfText(path.join(out, book.file), CONTENT_CROP, 'raw')
  })
  afterAll(() => {
    // pdftotext takes ~10 s CPU per read of the book; pdfText() reads each (content, options) once
    console.log(`pdftotext runs in this file: ${pdfTextExtractions()}`)
    if (out) fs.rmSync(out, { recursive: true, force: true })
  })

  it('writes the book and the section PDF', () => {
    expect(results.map((r) => path.basename(r.file)).sort()).toEqual([book.file, section.file].sort())
    const s = results.find((r) => r.id === section.id)!
    expect(s.bookPages).toBe(bookPages(section).length)
  })

  it('has a page count in the range the site implies', () => {
    for (const t of [book, section]) {
      const r = results.find((x) => x.id === t.id)!
      const links = new Set(bookPages(t).map((p) => p.link))
      const own = site.filter((p) => links.has(p.link))
      const chars = own.reduce((n, p) => n + p.chars, 0)
      const diagrams = own.reduce((n, p) => n + p.diagrams, 0)
      // a full A4 page holds at most ~3,000 characters of this text at the site's font size
      const min = 2 + Math.max(own.length, Math.ceil(chars / 3000))
      const max = 2 + own.length + Math.ceil(chars / MAX_CHARS_PER_PAGE) + diagrams
      expect(r.pages, `${t.file}: ${own.length} site pages, ${chars} characters, ${diagrams} diagrams`).toBeGreaterThanOrEqual(min)
      expect(r.pages, `${t.file}: ${own.length} site pages, ${chars} characters, ${diagrams} diagrams`).toBeLessThanOrEqual(max)
    }
  })

  it('has no near-empty page in mid-chapter', () => {
    for (const t of [book, section]) {
      const sparse = sparsePages(path.join(out, t.file), bookPages(t).map((p) => ({ link: p.link, url: pageUrl(p.link) })))
      expect(sparse.map((p) => `${t.file} page ${p.page}: ${p.chars} characters (< ${SPARSE_CHARS}) "${p.text}"`)).toEqual([])
    }
  })

  it('embeds its fonts, CJK included', () => {
    for (const r of results) {
      const fonts = pdfFonts(r.file)
      expect(fonts.filter((f) => !f.embedded).map((f) => f.name), `${r.file}: unembedded fonts`).toEqual([])
      // Debian's Noto Sans CJK is CFF-flavoured OpenType in a .ttc collection, which chromium's PDF
      // backend (Skia) embeds as Type 3 fonts, one per 256 glyphs, without a font name; so "the CJK
      // font is embedded" is: Type 3 fonts, embedded, with a Unicode map, and the CJK text extracts.
      const type3 = fonts.filter((f) => f.type === 'Type 3')
      expect(type3.length, `${r.file}: no Type 3 (CJK) fonts in ${fonts.map((f) => f.name).join(', ')}`).toBeGreaterThan(0)
      expect(type3.every((f) => f.embedded && f.unicode)).toBe(true)
    }
    expect(squash(text)).toMatch(/[\u4e00-\u9fff]{20}/)
  })

  it("has every page's H1 and H2 headings and its URL", () => {
    const t = squash(text)
    const missing = site.flatMap((p) => [...p.headings, pageUrl(p.link)].filter((h) => !t.includes(squash(h))).map((h) => `${p.link}: ${h}`))
    expect(site.reduce((n, p) => n + p.headings.length, 0)).toBeGreaterThan(site.length)
    expect(missing).toEqual([])
  })

  it('cuts no code line', () => {
    // raw order: with -layout, `docker tag myapp:1.0 ghcr.io/你的用户名/myapp:1.0` came back without
    // "ghcr.io/" although the page shows the whole line
    const t = squash(rawText)
    const lines = site.flatMap((p) => p.codeLines.map((l) => ({ link: p.link, l })))
    expect(lines.length).toBeGreaterThan(100)
    expect(lines.filter(({ l }) => !t.includes(squash(l))).map(({ link, l }) => `${link}: ${l}`)).toEqual([])
  })

  it('links inside the book: every page is a named destination, and the contents give its page', () => {
    const file = path.join(out, book.file)
    const dests = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const missing = site.filter((p) => !dests.includes(`"${pageAnchor(p.link)}"`)).map((p) => p.link)
    expect(missing).toEqual([])
    // the page a destination points at (pdfinfo: "<page> [ XYZ …] "<name>"") is the number the table of contents prints
    const pages = pdfText(file).split('\f')
    const toc = pages.slice(1, 6).join('\n')
    for (const p of site.slice(0, 5)) {
      const m = new RegExp(`^\\s*(\\d+) .*"${pageAnchor(p.link)}"`, 'm').exec(dests)
      expect(m, `${p.link}: destination`).not.toBeNull()
      const n = Number(m![1])
      expect(pages[n - 1], `${p.link}: not on page ${n}`).toContain(pageUrl(p.link))
      expect(toc).toMatch(new RegExp(`\\s${n}\\s`))
    }
  })
})
