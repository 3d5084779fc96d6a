/**
 * Diagrams on a phone (outside tester, 375 px): the pre-rendered SVGs were squeezed into the 343 px
 * column, a 1257 px sequence diagram to 27 % of its size, its 16 px labels to 4–6 px, and there was
 * no way to enlarge them. Now a diagram is never drawn below 3/4 of its intrinsic size (labels at
 * least 12 px); a wider one scrolls sideways inside its figure, which the keyboard can reach and
 * which is named by its caption. The page itself never scrolls sideways, the box has its size
 * before the SVG arrives (no layout shift), and on paper the diagram fits the page again.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { session, type Session } from './helpers'

const PHONE = { width: 375, height: 812 }
/** Smallest label size readers get, in CSS px (mermaid draws labels at 16 px). */
const MIN_LABEL_PX = 12
/** The zh and en architecture pages (a 1257 px sequence diagram) and the widest diagram of the site (2149 px). */
const ROUTES = ['/internals/architecture', '/en/internals/architecture', '/en/about/offline-image']

interface Shown { caption: string; scale: number; labelPx: number; figureScrolls: boolean; tabIndex: number; name: string }

/** Each shown diagram SVG: its drawn scale, its smallest drawn label size, and its figure's scrolling and focus. */
function shownDiagrams(page: Page): Promise<Shown[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].flatMap((fig) => {
      const svg = [...fig.querySelectorAll<SVGSVGElement>('.mermaid-box > svg')].find((s) => getComputedStyle(s).display !== 'none')
      if (!svg) return []
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
      // label text: HTML labels (foreignObject) and plain SVG text (sequence diagrams)
      const sizes = [...svg.querySelectorAll('foreignObject span, foreignObject p, foreignObject div, text')]
        .filter((el) => (el.textContent ?? '').trim())
        .map((el) => parseFloat(getComputedStyle(el).fontSize))
        .filter((n) => n > 0)
      return [{
        caption: fig.querySelector('.mermaid-title')?.textContent ?? '',
        scale,
        labelPx: Math.min(...sizes) * scale,
        figureScrolls: fig.scrollWidth > fig.clientWidth + 1,
        tabIndex: fig.tabIndex,
        name: (fig.querySelector('figcaption')?.textContent ?? '').trim(),
      }]
    }),
  )
}

describe('diagrams on a 375 px phone', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: PHONE }) })
  afterAll(async () => { await s?.close() })

  for (const scheme of ['light', 'dark'] as const) {
    for (const route of ROUTES) {
      it(`${route} (${scheme}): labels at least ${MIN_LABEL_PX} px; a wider diagram scrolls in its figure, focusable and named; the page does not`, async () => {
        const page = await s.open(route, { colorScheme: scheme })
        await page.waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg')), undefined, { timeout: 20_000 })
        const shown = await shownDiagrams(page)
        expect(shown.length, 'diagrams shown').toBeGreaterThan(0)
        expect(shown.filter((d) => !(d.labelPx >= MIN_LABEL_PX - 0.05)).map((d) => `${d.caption}: ${d.labelPx.toFixed(1)} px (scale ${d.scale.toFixed(2)})`)).toEqual([])
        // each of these pages has a diagram wider than the column: it scrolls, and only inside its figure
        expect(shown.some((d) => d.figureScrolls), 'some figure scrolls sideways').toBe(true)
        expect(shown.filter((d) => d.figureScrolls && (d.tabIndex !== 0 || !d.name)).map((d) => d.caption)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'page scrolls sideways by').toBeLessThanOrEqual(0)
        await page.close()
      })
    }
  }

  it('a figure that scrolls says so after its caption (zh and en); one that fits, and print, do not', async () => {
    const hints = (page: Page) => page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].map((f) => ({
        scrolls: f.scrollWidth > f.clientWidth + 1,
        hint: getComputedStyle(f.querySelector('figcaption')!, '::after').content,
      })))
    for (const [route, words] of [['/orchestration/swarm', '可左右滑动'], ['/en/orchestration/swarm', 'scroll sideways']] as const) {
      const page = await s.open(route)
      await page.waitForFunction(() => document.querySelector('.mermaid-diagram[data-scrolls]'), undefined, { timeout: 10_000 })
      const shown = await hints(page)
      // the Swarm page's diagrams (773 px and 475 px wide) both scroll at 375 px, drawn at 3/4 at least
      expect(shown.some((h) => h.scrolls), 'some figure scrolls').toBe(true)
      expect(shown.filter((h) => h.scrolls !== h.hint.includes(words))).toEqual([])
      // wider window: the mark follows the width — a figure that fits now has no hint
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')]
        .every((f) => (f.scrollWidth > f.clientWidth + 1) === f.hasAttribute('data-scrolls')), undefined, { timeout: 10_000 })
      const wide = await hints(page)
      expect(wide.some((h) => !h.scrolls), 'some figure fits at 1280 px').toBe(true)
      expect(wide.filter((h) => h.scrolls !== h.hint.includes(words))).toEqual([])
      await page.setViewportSize(PHONE)
      await page.waitForFunction(() => document.querySelector('.mermaid-diagram[data-scrolls]'), undefined, { timeout: 10_000 })
      await page.emulateMedia({ media: 'print' })
      expect((await hints(page)).map((h) => h.hint).filter((c) => c.includes(words))).toEqual([])
      await page.close()
    }
  })

  it('the keyboard scrolls a wide diagram: Tab to its figure, then the arrow keys', async () => {
    const page = await s.open('/internals/architecture')
    const fig = page.locator('.mermaid-diagram[tabindex="0"]').last()
    await fig.focus()
    expect(await fig.evaluate((f) => document.activeElement === f)).toBe(true)
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0, undefined, { timeout: 5_000 })
    await page.close()
  })

  it('the box has its final size before the SVG arrives (no layout shift), and prints at the page width', async () => {
    const page = await s.open('/internals/architecture')
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.mermaid-box')].map((b) => {
        const svg = [...b.querySelectorAll<SVGSVGElement>(':scope > svg')].find((x) => getComputedStyle(x).display !== 'none')!
        return { box: Math.round(b.getBoundingClientRect().height), svg: Math.round(svg.getBoundingClientRect().height) }
      }),
    )
    // the SVG fills the box the inline style reserved (aspect-ratio from the build's measurement)
    expect(sizes.filter((x) => Math.abs(x.box - x.svg) > 1)).toEqual([])
    await page.emulateMedia({ media: 'print' })
    const overflow = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')].map((f) => f.querySelector<HTMLElement>('.mermaid-box')!.getBoundingClientRect().width - f.getBoundingClientRect().width))
    expect(overflow.filter((d) => d > 1)).toEqual([])
    await page.close()
  })
})
