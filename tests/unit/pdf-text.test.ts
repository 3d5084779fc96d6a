/**
 * pdfText() (scripts/lib/pdf-text.ts) runs pdftotext once per distinct (content, options) in a
 * process: the PDF test and printBook() read the 700-page book with the same options several
 * times, ~10 s CPU each. A rewritten file (printBook's second pass writes the same path) is read
 * again. Needs poppler-utils, like the PDF and print tests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pdfText, pdfTextExtractions } from '../../scripts/lib/pdf-text'

/** A one-page PDF showing `word` in Helvetica (hand-written objects, exact xref offsets). */
function tinyPdf(word: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${word}) Tj ET`
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n` })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pdftext-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('pdfText', () => {
  it('extracts a file once per content and options, and again when the file changes', () => {
    const file = path.join(dir, 'a.pdf')
    fs.writeFileSync(file, tinyPdf('alpha'))
    const before = pdfTextExtractions()
    expect(pdfText(file)).toContain('alpha')
    expect(pdfTextExtractions()).toBe(before + 1)
    // same content, same options: no second pdftotext run, same text
    expect(pdfText(file)).toContain('alpha')
    expect(pdfTextExtractions()).toBe(before + 1)
    // another option is another extraction
    expect(pdfText(file, undefined, 'raw')).toContain('alpha')
    expect(pdfTextExtractions()).toBe(before + 2)
    // the same path rewritten with a same-size file (as printBook's second pass does): new text
    fs.writeFileSync(file, tinyPdf('bravo'))
    expect(pdfText(file)).toContain('bravo')
    expect(pdfTextExtractions()).toBe(before + 3)
    // another file with the first content is served from the cache
    const copy = path.join(dir, 'b.pdf')
    fs.writeFileSync(copy, tinyPdf('alpha'))
    expect(pdfText(copy)).toContain('alpha')
    expect(pdfTextExtractions()).toBe(before + 3)
  })
})
