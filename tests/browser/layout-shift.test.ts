/**
 * No layout shift while a page loads at phone width (issue #14: CLS 0 in Lighthouse's mobile run;
 * styles.css, "No layout shift"). Two shifts were found with the browser's layout-shift entries
 * (PerformanceObserver, their `sources`) on the text page:
 *  - the local nav's right-hand button grew from "回到顶部" to "页面导航" and a chevron when the page
 *    hydrated (every load);
 *  - the nav bar's search button moved left when the hamburger after it was parsed, if the browser
 *    painted in between (depends on how the HTML parser splits its work; checked here directly by
 *    taking the hamburger out).
 * No timing: the page is observed from its first paint until it is hydrated and has painted again.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, painted, session, type Session } from './helpers'

const PHONE = { width: 412, height: 823 }
const PAGE = '/help/troubleshooting'

let s: Session
beforeAll(async () => { s = await session({ viewport: PHONE }) })
afterAll(async () => { await s?.close() })

/** Every layout shift since the page started, with the elements that moved. */
function recordShifts(): void {
  const w = window as unknown as { __kbShifts: { value: number; input: boolean; sources: string[] }[] }
  w.__kbShifts = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[]) {
      w.__kbShifts.push({
        value: e.value,
        input: e.hadRecentInput,
        sources: (e.sources ?? []).map((src) => {
          const n = src.node
          const name = n instanceof Element ? `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}` : n ? `#text "${n.textContent?.slice(0, 20)}"` : '(gone)'
          return `${name}: x ${Math.round(src.previousRect.x)}→${Math.round(src.currentRect.x)}, y ${Math.round(src.previousRect.y)}→${Math.round(src.currentRect.y)}, width ${Math.round(src.previousRect.width)}→${Math.round(src.currentRect.width)}`
        }),
      })
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

describe('layout shift at phone width', () => {
  it(`${PAGE} loads and hydrates without a layout shift`, async () => {
    const page: Page = await s.context.newPage()
    await page.addInitScript(recordShifts)
    page.on('pageerror', (e) => s.errors.push(`${PAGE}: ${e.message}`))
    await page.goto(baseUrl() + PAGE, { waitUntil: 'networkidle' })
    // hydrated: the local nav's button lists the page's headings
    await page.locator('.VPLocalNavOutlineDropdown .menu-text').waitFor({ state: 'visible', timeout: 15_000 })
    await painted(page)
    const shifts = await page.evaluate(() => (window as unknown as { __kbShifts: { value: number; input: boolean; sources: string[] }[] }).__kbShifts.filter((x) => !x.input))
    expect(shifts).toEqual([])
    expect(s.errors).toEqual([])
    await page.close()
  })

  it('the nav bar search button keeps its place whether or not the hamburger after it is there yet', async () => {
    const page = await s.open(PAGE)
    const x = () => page.locator('.VPNavBar .VPNavBarSearch').evaluate((e) => e.getBoundingClientRect().x)
    const hamburger = page.locator('.VPNavBar .VPNavBarHamburger')
    expect(await hamburger.isVisible()).toBe(true)
    const withHamburger = await x()
    // as on a first paint that came before the parser reached the hamburger
    await hamburger.evaluate((e) => e.remove())
    expect(await x()).toBe(withHamburger)
    await page.close()
  })
})

describe('layout shift at desktop width', () => {
  let d: Session
  beforeAll(async () => { d = await session({ viewport: { width: 1280, height: 800 } }) })
  afterAll(async () => { await d?.close() })

  it('no nav bar item is seen moving while the items after it are not parsed yet', async () => {
    const page = await d.open('/cli/container')
    const menu = page.locator('.VPNavBar .VPNavBarMenu')
    const x = await menu.evaluate((e) => e.getBoundingClientRect().x)
    // as on a first paint that came before the parser reached the items after the menu
    await page.evaluate(() => {
      const menu = document.querySelector('.VPNavBar .VPNavBarMenu')!
      while (menu.nextElementSibling) menu.nextElementSibling.remove()
    })
    const now = await menu.evaluate((e) => ({ x: e.getBoundingClientRect().x, visible: getComputedStyle(e).visibility === 'visible' }))
    // either in its final place or not shown yet (showing is no shift)
    expect(now.visible ? now.x : x).toBe(x)
    await page.close()
  })
})
