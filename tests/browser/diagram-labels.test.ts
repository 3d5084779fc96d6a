/**
 * Every label of every diagram fits its shape (issue #14: 74 % of labels used to be taller than
 * the box mermaid measured for them, because the page's line-height leaked into the SVG).
 *
 * On the built site, at desktop and phone widths, in the light and the dark theme, for each
 * diagram SVG that is shown: the text box of each label (a DOM Range over its text: the full laid
 * out size, even where the SVG clips it) must lie inside
 *  - the foreignObject mermaid sized for it (outside it, text is cut off), and
 *  - the shape it belongs to: the node's outline (flowchart/state) or the box of a sequence
 *    diagram actor or note (plain SVG <text> there).
 * Dark mode and the widths are CSS only, so one page load serves both themes (toggling the class)
 * and both widths (resizing the viewport).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { baseUrl, inPool, session, type Session } from './helpers'

/**
 * Routes of built pages with diagrams (latest and frozen releases), from the output: enough pages
 * to show every distinct diagram (frozen releases repeat most of them), and how many distinct.
 */
function diagramRoutes(): { routes: string[]; distinct: number } {
  const files: string[] = []
  for (const e of fs.readdirSync(DIST_DIR, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)
    if (e.isFile() && p.endsWith('.html') && !p.includes(`${path.sep}assets${path.sep}`)) files.push(p)
  }
  const seen = new Set<string>()
  const routes: string[] = []
  for (const p of files.sort()) {
    const ids = [...fs.readFileSync(p, 'utf8').matchAll(/<svg[^>]*? id="(mmd-[0-9a-f]+)/g)].map((m) => m[1])
    if (!ids.some((id) => !seen.has(id))) continue
    ids.forEach((id) => seen.add(id))
    routes.push('/' + path.relative(DIST_DIR, p).replace(/index\.html$/, '').replace(/\.html$/, ''))
  }
  return { routes, distinct: seen.size }
}

interface Overflow { diagram: string; label: string; box: string; by: number }
interface Checked { labels: number; diagrams: number; overflows: Overflow[] }

/** Measure every shown diagram on the page; returns the labels that stick out (by > tolerance). */
async function measure(page: Page, tolerance: number): Promise<Checked> {
  return page.evaluate((tol) => {
    const overflows: { diagram: string; label: string; box: string; by: number }[] = []
    let labels = 0
    let diagrams = 0
    const textBox = (el: Element) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      return r.getBoundingClientRect()
    }
    const excess = (inner: DOMRect, outer: DOMRect) =>
      Math.max(outer.left - inner.left, inner.right - outer.right, outer.top - inner.top, inner.bottom - outer.bottom)
    const check = (svg: SVGSVGElement, el: Element, outer: DOMRect, what: string) => {
      const text = (el.textContent ?? '').trim()
      if (!text) return
      labels++
      const by = excess(textBox(el), outer)
      if (by > tol) overflows.push({ diagram: svg.id, label: text.slice(0, 40), box: what, by: Math.round(by * 10) / 10 })
    }
    for (const svg of document.querySelectorAll<SVGSVGElement>('.mermaid-box svg')) {
      if (getComputedStyle(svg).display === 'none') continue
      diagrams++
      // HTML labels (flowchart, state, cluster titles, edge labels)
      for (const fo of svg.querySelectorAll('foreignObject')) {
        const content = fo.firstElementChild
        if (!content) continue
        check(svg, content, fo.getBoundingClientRect(), 'foreignObject')
        const node = fo.closest('g.node')
        const shape = node && [...node.children].find((c) => /^(rect|polygon|circle|ellipse|path)$/.test(c.tagName) || c.classList.contains('label-container'))
        if (shape) check(svg, content, shape.getBoundingClientRect(), `shape <${shape.tagName}>`)
      }
      // SVG text labels in boxes (sequence diagram actors and notes)
      for (const rect of svg.querySelectorAll('rect.actor, rect.note')) {
        const g = rect.parentElement
        if (!g) continue
        for (const t of g.querySelectorAll(':scope > text')) check(svg, t, rect.getBoundingClientRect(), `<rect class="${rect.getAttribute('class')}">`)
      }
    }
    return { labels, diagrams, overflows }
  }, tolerance)
}

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

const WIDTHS = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const
type Width = (typeof WIDTHS)[number][0]
interface WidthResult { totals: Record<'light' | 'dark', { labels: number; diagrams: number }>; overflows: string[] }

/**
 * One visit per page for both widths: the labels are laid out by CSS alone (JavaScript blocked),
 * so resizing the viewport re-applies the media queries as a fresh load at that width would. A
 * load per width cost twice the page loads (176 instead of 88, ~half of this file's CPU time).
 */
async function measureAll(routes: string[]): Promise<Record<Width, WidthResult>> {
  const out = Object.fromEntries(WIDTHS.map(([name]) => [name, { totals: { light: { labels: 0, diagrams: 0 }, dark: { labels: 0, diagrams: 0 } }, overflows: [] as string[] }])) as Record<Width, WidthResult>
  // independent pages, a few at once in the one browser (inPool)
  await inPool(routes, async (route) => {
    const page = await s.context.newPage()
    try {
      await page.setViewportSize(WIDTHS[0][1])
      // the diagrams are static HTML + CSS: no need to run (or wait for) the app's JavaScript
      await page.route('**/*.js', (r) => r.abort())
      await page.goto(baseUrl() + route, { waitUntil: 'load', timeout: 60_000 })
      for (const [name, viewport] of WIDTHS) {
        await page.setViewportSize(viewport)
        // a font first needed at this width would load now (none is known to, but measuring before it does would be wrong)
        await page.evaluate(() => document.fonts.ready.then(() => true))
        const { totals, overflows } = out[name]
        for (const theme of ['light', 'dark'] as const) {
          await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), theme === 'dark')
          const r = await measure(page, 1)
          totals[theme].labels += r.labels
          totals[theme].diagrams += r.diagrams
          for (const o of r.overflows) overflows.push(`${route} ${theme} ${o.diagram}: "${o.label}" sticks out of its ${o.box} by ${o.by}px`)
        }
      }
    } finally {
      await page.close()
    }
  })
  return out
}

describe('diagram labels fit their shapes', () => {
  const { routes, distinct } = diagramRoutes()
  /** the one crawl, started by whichever test needs it first (a file's tests run in order) */
  let crawl: Promise<Record<Width, WidthResult>> | undefined
  for (const [name, viewport] of WIDTHS) {
    // the first test runs the crawl for both widths (its bound covers it), the second reads it
    it(`every label, light and dark, at ${name} width (${viewport.width}px)`, async () => {
      expect(routes.length, 'pages with diagrams in the build').toBeGreaterThan(5)
      const { totals, overflows } = (await (crawl ??= measureAll(routes)))[name]
      console.log(`${name}: ${totals.light.labels} labels in ${totals.light.diagrams} diagrams (light), ${totals.dark.labels} in ${totals.dark.diagrams} (dark) on ${routes.length} pages (${distinct} distinct diagrams); ${overflows.length} overflow(s)`)
      // the check must have looked at something: every diagram, in both themes
      expect(totals.light.diagrams).toBeGreaterThanOrEqual(distinct)
      expect(totals.dark.diagrams).toBe(totals.light.diagrams)
      expect(totals.light.labels).toBeGreaterThan(100)
      expect(overflows.slice(0, 30)).toEqual([])
    // the first test carries the crawl of both widths: the bound of the two former tests together
    }, 1_800_000)
  }
})
