/**
 * The nav bar fits at every desktop and tablet width (styles.css, "The nav bar's menu must fit"):
 * no entry of the nav bar is cut off at the right edge, and the language menu can be reached — in
 * the bar, in its "…" menu, or in the hamburger's full-screen menu. Found by an outside tester:
 * on English pages at 1024–1439 px the GitHub link, the theme switch and at 1024 px the "…" menu
 * (with the way back to Chinese) were off-screen; Chinese pages at 768–1023 px likewise.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inPool, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

// phones too: an outside tester (session 17) found every English page 2 px wider than a 375 px phone —
// the title "Docker Knowledge Base" kept its one-line width and pushed the hamburger off the edge
const WIDTHS = [320, 375, 390, 414, 768, 900, 960, 1024, 1100, 1280, 1366, 1439, 1440, 1920]

/** The right edge (px) of the right-most visible entry of the nav bar, and the viewport width. */
const rightEdge = (page: Page) =>
  page.evaluate(() => {
    const visible = (e: Element) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' }
    const items = [...document.querySelectorAll('.VPNavBar .content-body > *')].filter(visible)
    return { right: Math.max(0, ...items.map((e) => e.getBoundingClientRect().right)), width: innerWidth }
  })

/** Is this element shown and wholly inside the viewport? */
const inView = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && r.left >= 0 && r.right <= innerWidth + 0.5
  }).catch(() => false)

/** Wait (bounded: menus open with a CSS transition) until an element is shown inside the viewport. */
const shown = (page: Page, selector: string) =>
  page.waitForFunction((sel) => {
    const e = document.querySelector(sel)
    if (!e) return false
    const r = e.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === 'visible' && r.left >= 0 && r.right <= innerWidth + 0.5
  }, selector, { timeout: 5_000 }).then(() => true, () => false)

/** Can the reader get to the language menu from here? Opens the menu that holds it when needed. */
async function languageReachable(page: Page): Promise<string> {
  if (await inView(page, '.VPNavBar .VPNavBarTranslations')) return 'nav bar'
  if (await inView(page, '.VPNavBar .VPNavBarExtra')) {
    await page.locator('.VPNavBar .VPNavBarExtra > button.button').click({ timeout: 5_000 })
    return (await shown(page, '.VPNavBarExtra .translations')) ? '"…" menu' : ''
  }
  if (await inView(page, '.VPNavBar .VPNavBarHamburger')) {
    await page.locator('.VPNavBar .VPNavBarHamburger').click({ timeout: 5_000 })
    return (await shown(page, '.VPNavScreen .VPNavScreenTranslations')) ? 'hamburger' : ''
  }
  return ''
}

describe('nav bar', () => {
  for (const route of ['/storage/volumes', '/en/storage/volumes', '/', '/en/']) {
    it(`fits on ${route} from 320 to 1920 px, with the language menu in reach`, async () => {
      const problems = await inPool(WIDTHS, async (width) => {
        const page = await s.open(route)
        try {
          await page.setViewportSize({ width, height: 800 })
          const { right, width: w } = await rightEdge(page)
          const out: string[] = []
          if (right > w + 0.5) out.push(`${width} px: an entry ends at ${right.toFixed(0)} px, beyond the viewport`)
          const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          if (wider > 0) out.push(`${width} px: the page scrolls sideways by ${wider} px`)
          if (!(await languageReachable(page))) out.push(`${width} px: no way to the language menu`)
          return out
        } finally {
          await page.close()
        }
      })
      expect(problems.flat()).toEqual([])
      expect(s.errors).toEqual([])
    })
  }
})

describe('English nav bar', () => {
  // outside tester: the English menu fell back to the hamburger up to 1439 px (labels too long),
  // and "Docker Knowledge Base" overflowed the title column next to the sidebar
  it('shows its menu in the bar from 1280 px, and the site title fits its column from 960 px', async () => {
    const problems = await inPool([960, 1024, 1280, 1366, 1440, 1920], async (width) => {
      const page = await s.open('/en/storage/volumes')
      try {
        await page.setViewportSize({ width, height: 800 })
        const out: string[] = []
        if (width >= 1280 && !(await inView(page, '.VPNavBar .VPNavBarMenu'))) out.push(`${width} px: the menu is not in the nav bar`)
        const title = await page.locator('.VPNavBarTitle .title').evaluate((e) => {
          const span = e.querySelector('span')!.getBoundingClientRect()
          const box = e.getBoundingClientRect()
          return { overflow: e.scrollWidth - e.clientWidth, right: span.right - box.right, tall: span.height - box.height }
        })
        if (title.overflow > 0 || title.right > 0.5 || title.tall > 0.5) out.push(`${width} px: the site title overflows its column (${JSON.stringify(title)})`)
        return out
      } finally {
        await page.close()
      }
    })
    expect(problems.flat()).toEqual([])
  })
})
