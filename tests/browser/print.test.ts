/**
 * Printing a page (Ctrl+P) gives the content and all of it (issue #16, part 2).
 *
 * For a few pages of the built site — the diagram pages internals/layers and internals/architecture,
 * a command reference page and the page with the longest command line — the test reads from the
 * page's DOM, before printing: every line of every code block, every label of every diagram (the
 * variant that is shown) and the texts of the site chrome (nav bar, sidebar, outline, footer links).
 * Then it prints the page to PDF with chromium's own print path (`page.pdf()`, print media), right
 * after the load event and never scrolled, so nothing below the fold was ever in view and nothing
 * fetched later is there yet, and extracts the text with poppler's `pdftotext`. Every code line and label must be in the PDF text, no chrome text may be.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText, squash } from '../../scripts/lib/pdf-text'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { baseUrl, session, type Session } from './helpers'

/**
 * The built page (latest docs) with the longest shell command line, in characters: the one most
 * likely to be cut at the page edge. Read from the output, so it follows the content.
 */
function longestLinePage(): string {
  let best = { route: '', len: 0 }
  for (const e of fs.readdirSync(DIST_DIR, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name)
    if (!e.isFile() || !p.endsWith('.html') || p.includes(`${path.sep}assets${path.sep}`) || p.includes(`${path.sep}v${path.sep}`) || p.includes(`${path.sep}en${path.sep}`)) continue
    // shiki: <div class="language-sh …">…<pre …><code><span class="line">…</span>\n<span class="line">…
    for (const block of fs.readFileSync(p, 'utf8').matchAll(/<div class="language-(?:sh|bash|shell|console|powershell)[ "][\s\S]*?<\/code>/g)) {
      for (const line of block[0].split('<span class="line">').slice(1)) {
        const len = line.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, '_').length
        if (len > best.len) best = { route: '/' + path.relative(DIST_DIR, p).replace(/index\.html$/, '').replace(/\.html$/, ''), len }
      }
    }
  }
  if (!best.route) throw new Error(`no code lines found in ${DIST_DIR}`)
  return best.route
}

interface PageFacts { codeLines: string[]; labels: string[]; chrome: string[]; diagrams: number }

/** What the reader sees on screen: code lines, shown diagrams' labels, and chrome-only texts. */
async function readPage(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const main = document.querySelector('.VPDoc .vp-doc') as HTMLElement
    const codeLines = [...main.querySelectorAll('div[class*="language-"] pre code .line')].map((l) => l.textContent ?? '').filter((t) => t.trim())
    const labels: string[] = []
    let diagrams = 0
    for (const svg of main.querySelectorAll<SVGSVGElement>('.mermaid-box svg')) {
      if (getComputedStyle(svg).display === 'none') continue
      diagrams++
      for (const el of svg.querySelectorAll('foreignObject, text')) {
        const t = (el.textContent ?? '').trim()
        if (t && !el.closest('foreignObject text')) labels.push(t)
      }
    }
    // chrome texts that do not also occur in the content (a sidebar entry may equal a heading);
    // textContent: collapsed blocks are content too (they print open)
    const content = main.textContent ?? ''
    const chromeEls = document.querySelectorAll('.VPNavBarTitle .title, .VPNav .VPNavBarMenuLink, .VPLocalNav button, .VPSidebar .VPSidebarItem .text, .VPDocAsideOutline .outline-title, .VPDocFooter .edit-link-button, .VPDocFooter .pager-link .desc, .page-footer-links a, .kb-embed-action summary, .kb-page-action, .VPFooter .message')
    const chrome = [...new Set([...chromeEls].map((e) => (e as HTMLElement).innerText.trim()).filter((t) => t && !content.includes(t)))]
    return { codeLines, labels, chrome, diagrams }
  })
}

/** Under print media: how many diagram SVGs each .mermaid-box shows (must be exactly 1). */
async function shownPerBoxInPrint(page: Page): Promise<number[]> {
  await page.waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg')), undefined, { timeout: 30_000 })
  await page.emulateMedia({ media: 'print' })
  const counts = await page.evaluate(() =>
    [...document.querySelectorAll('.mermaid-box')].map((b) => [...b.querySelectorAll(':scope > svg')].filter((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 0).length),
  )
  await page.emulateMedia({ media: null })
  return counts
}

const PAGES = ['/internals/layers', '/internals/architecture', '/cli/container']

describe('print (Ctrl+P) gives the whole content and only the content', () => {
  let s: Session
  let tmp: string
  beforeAll(async () => {
    s = await session()
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-print-'))
  })
  afterAll(async () => {
    await s?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  const routes = [...new Set([...PAGES, longestLinePage()])]
  for (const route of routes) {
    it(`${route}: every code line and diagram label is in the printed text, the site chrome is not`, async () => {
      // what the reader sees once everything is there (every diagram box holds its SVG) …
      const ref = await s.open(route)
      await ref.waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg')), undefined, { timeout: 30_000 })
      const facts = await readPage(ref)
      await ref.close()
      // … against a print made as soon as a fresh load has finished, never scrolled
      const page = await s.context.newPage()
      await page.goto(baseUrl() + route, { waitUntil: 'load' })
      expect(facts.codeLines.length, 'code lines read from the page').toBeGreaterThan(0)
      if (route.startsWith('/internals/')) expect(facts.labels.length, 'diagram labels read from the page').toBeGreaterThan(0)
      const file = path.join(tmp, `${route.replace(/\W+/g, '_')}.pdf`)
      await page.pdf({ path: file, format: 'A4' })
      await page.close()
      const text = squash(pdfText(file))
      const drawn = squash(pdfText(file, undefined, 'raw'))
      expect(facts.chrome.length, 'chrome texts read from the page').toBeGreaterThan(0)
      // one assertion, so a failure shows all three lists
      expect({
        codeLinesCutOrMissing: facts.codeLines.filter((l) => !text.includes(squash(l))),
        diagramLabelsMissing: facts.labels.filter((l) => !drawn.includes(squash(l))),
        chromePrinted: facts.chrome.filter((c) => text.includes(squash(c))),
      }).toEqual({ codeLinesCutOrMissing: [], diagramLabelsMissing: [], chromePrinted: [] })
    })
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`exactly one variant of each diagram prints (${scheme} mode)`, async () => {
      const d = await session({ colorScheme: scheme })
      try {
        const page = await d.open('/internals/architecture')
        const counts = await shownPerBoxInPrint(page)
        expect(counts.length).toBeGreaterThan(0)
        expect(counts.filter((n) => n !== 1), 'boxes printing 0 or 2 SVGs').toEqual([])
        // and it is the light render: paper is white
        // the print media query's `change` event comes with the next rendering update, not with emulateMedia:
        // wait for the class to go (bounded), then check
        await page.emulateMedia({ media: 'print' })
        await page.waitForFunction(() => !document.documentElement.classList.contains('dark'), undefined, { timeout: 10_000 }).catch(() => {})
        const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
        expect(dark, 'dark theme active in print').toBe(false)
      } finally {
        await d.close()
      }
    })
  }
})
