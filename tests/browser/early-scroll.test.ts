/**
 * A scroll made while the page is still loading stays (.vitepress/theme/early-scroll.ts): VitePress's
 * router scrolls to the top when the first page module arrives, which undid an End key pressed during
 * load. The app's entry script is held back until the reader has scrolled, so the test does not
 * depend on how fast the machine is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, hydrated, isMounted, painted, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session({ viewport: { width: 412, height: 823 } }) })
afterAll(async () => { await s?.close() })

/** Open `path` with the entry script (assets/app.<hash>.js) held until `release()`. */
async function openHeld(path: string) {
  const page = await s.context.newPage()
  page.on('pageerror', (e) => s.errors.push(`${path}: ${e.message}`))
  let release!: () => void
  const held = new Promise<void>((r) => { release = r })
  await page.route(/\/assets\/app\.[\w-]+\.js$/, async (route) => { await held; await route.continue() })
  // not 'domcontentloaded': it waits for module scripts, the one held here; parsing ends before that
  await page.goto(baseUrl() + path, { waitUntil: 'commit' })
  await page.waitForFunction(() => document.readyState !== 'loading', undefined, { timeout: 30_000 })
  return { page, release }
}

describe('a scroll during load', () => {
  it('is kept when the app starts (End pressed before hydration)', async () => {
    const { page, release } = await openHeld('/help/troubleshooting')
    expect(await page.evaluate(isMounted)).toBe(false)
    // the stylesheet is in: the page has its final height (the End key's target no longer moves)
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((l) => l.sheet), undefined, { timeout: 30_000 })
    await page.keyboard.press('End')
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(1000)
    const before = await page.evaluate(() => window.scrollY)
    release()
    await hydrated(page)
    await painted(page)
    // still near where the reader went (VitePress alone puts it back at 0)
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(before - 100)
    await page.close()
  })

  it('leaves a page opened at a #section to VitePress (it scrolls to the heading)', async () => {
    const { page, release } = await openHeld('/help/troubleshooting#run-flags-after-image')
    release()
    await hydrated(page)
    await painted(page)
    const top = await page.locator('#run-flags-after-image').evaluate((h) => h.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(200)
    expect(s.errors).toEqual([])
    await page.close()
  })
})
