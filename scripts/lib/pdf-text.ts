/**
 * Reading PDFs back with poppler-utils (Debian package `poppler-utils`: pdftotext, pdffonts,
 * pdfinfo), for the PDF book (scripts/pdf.ts) and the tests that check printed output.
 * A missing tool is an error naming the package, never a skip.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'

function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string }
    if (err.code === 'ENOENT') throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils)`)
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr || err.message}`)
  }
}

/**
 * The text of a PDF, pages separated by form feeds (\f).
 * `mode` — which of pdftotext's orders:
 *  - `layout` (default, -layout): each printed line as one line, top to bottom. Right for code
 *    blocks: in its default order pdftotext regroups text into blocks and may move a command's
 *    output above the command's wrapped tail.
 *  - `raw` (-raw): the order the text was drawn in. Right for diagram labels: each label is drawn
 *    as one run, while in layout order two labels side by side that both wrap are interleaved
 *    line by line.
 * `crop` (points, 1/72 inch, from the page's top left) keeps only that area of every page — used to
 * leave out running headers and footers, whose text would otherwise sit inside a code block that
 * continues on the next page.
 */
export function pdfText(file: string, crop?: { x: number; y: number; w: number; h: number }, mode: 'layout' | 'raw' = 'layout'): string {
  const area = crop ? ['-x', String(Math.round(crop.x)), '-y', String(Math.round(crop.y)), '-W', String(Math.round(crop.w)), '-H', String(Math.round(crop.h))] : []
  const args = [`-${mode}`, '-enc', 'UTF-8', ...area]
  // keyed by the file's content, not its name or mtime: printBook() rewrites the same path in its
  // second pass, and a same-size rewrite within one mtime tick must not return the old text
  const key = `${createHash('sha256').update(fs.readFileSync(file)).digest('hex')} ${args.join(' ')}`
  const hit = TEXT_CACHE.get(key)
  if (hit !== undefined) return hit
  const text = poppler('pdftotext', [...args, file, '-'])
  pdfTextRuns++
  TEXT_CACHE.set(key, text)
  // bounded: a book's text is ~1-2 MB; the oldest entry goes first
  if (TEXT_CACHE.size > TEXT_CACHE_MAX) TEXT_CACHE.delete(TEXT_CACHE.keys().next().value!)
  return text
}

/**
 * pdftotext results of this process, by content hash and options. Why: pdftotext needs ~10 s CPU
 * for the 700-page book (its CJK Type 3 fonts), and the same file is read with the same options
 * several times in one process: printBook()'s second locatePages(), sparsePages() and the PDF
 * test's checks (7 extractions of the book, 4 of them distinct). Hashing the file costs ~0.1 s.
 */
const TEXT_CACHE = new Map<string, string>()
const TEXT_CACHE_MAX = 8
let pdfTextRuns = 0

/** How many times pdfText() has run pdftotext in this process (cache misses), for tests. */
export const pdfTextExtractions = () => pdfTextRuns

/**
 * Text for "is this line in the PDF" comparisons: every whitespace character removed.
 * Why: pdftotext ends a line where the printed line ended, so a long code line wrapped by the
 * print stylesheet comes back in two or more pieces, split at any character (pre-wrap breaks
 * anywhere when it must), and a page break adds a form feed; it also puts spaces between glyph
 * runs of CJK text and collapses runs of spaces in code. Dropping all whitespace on both sides
 * makes a wrapped line equal to the original, while a line that was cut at the page edge still
 * lacks its tail and does not match.
 */
export const squash = (s: string) => s.replace(/\s+/g, '').replace(FULLWIDTH_PUNCT, '')

/**
 * Full-width CJK punctuation (U+3000–U+303F, U+FF01–U+FF0F, U+FF1A–U+FF20): Chromium trims the
 * blank half of these glyphs in print (CSS text-spacing-trim), and `pdftotext -layout` then drops
 * the overlapped glyph ("Windows：WSL 2" comes back as "WindowsWSL 2"; `-raw` keeps it). The text
 * checks compare without them; every other character of a line must still be in the PDF.
 */
const FULLWIDTH_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/g

export interface PdfFont { name: string; type: string; encoding: string; embedded: boolean; subset: boolean; unicode: boolean }

/** The fonts of a PDF as `pdffonts` lists them (name, type, emb, sub, uni columns). */
export function pdfFonts(file: string): PdfFont[] {
  const lines = poppler('pdffonts', [file]).split('\n')
  const rule = lines.findIndex((l) => /^-+ /.test(l))
  if (rule < 0) throw new Error(`pdffonts ${file}: unexpected output`)
  // fixed columns, taken from the dashed rule under the header
  const cols: [number, number][] = []
  for (const m of lines[rule].matchAll(/-+/g)) cols.push([m.index!, m.index! + m[0].length])
  return lines.slice(rule + 1).filter((l) => l.trim()).map((l) => {
    const c = cols.map(([a, b], i) => (i === cols.length - 1 ? l.slice(a) : l.slice(a, b + 1)).trim())
    return { name: c[0], type: c[1], encoding: c[2], embedded: c[3] === 'yes', subset: c[4] === 'yes', unicode: c[5] === 'yes' }
  })
}

/** Number of pages (pdfinfo's "Pages:"). */
export function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [file]))
  if (!m) throw new Error(`pdfinfo ${file}: no page count`)
  return Number(m[1])
}
