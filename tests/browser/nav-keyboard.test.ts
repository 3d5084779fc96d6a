/**
 * Keyboard behaviour of the search dialog and the nav bar's dropdowns (outside tester;
 * .vitepress/theme/a11y.ts), as the WAI-ARIA Authoring Practices describe it:
 *  - dialog pattern: closing the search dialog with Esc returns focus to the control that opened it
 *    (the search button, or what had focus when Ctrl K opened it), not to <body>;
 *  - menu button / disclosure pattern: Esc closes an open dropdown of the nav bar and focus returns
 *    to its button; a dropdown the pointer holds open closes too.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session({ viewport: { width: 1280, height: 800 } }) })
afterAll(async () => { await s?.close() })

const ready = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'))
/** What has focus, described: tag, classes and text (or "body"). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement
    return !e || e === document.body ? 'body' : `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${(e.textContent ?? '').trim().slice(0, 30)}`
  })
const searchOpen = (page: Page) => page.waitForSelector('.VPLocalSearchBox input', { state: 'visible' })
const searchClosed = (page: Page) => page.waitForSelector('.VPLocalSearchBox', { state: 'detached' })

describe('search dialog', () => {
  for (const route of ['/guide/why', '/en/guide/why']) {
    it(`${route}: Esc gives focus back to the search button that opened it`, async () => {
      const page = await s.open(route)
      try {
        await ready(page)
        const button = page.locator('.VPNavBar .DocSearch-Button')
        await button.click()
        await searchOpen(page)
        await page.keyboard.type('docker')
        await page.keyboard.press('Escape')
        await searchClosed(page)
        // focus comes back one task after the dialog closed (.vitepress/theme/a11y.ts): poll, bounded
        await expect.poll(() => focused(page), { timeout: 5_000 }).toMatch(/^button\.DocSearch/)
      } finally {
        await page.close()
      }
    })
  }

  // a first version gave focus back in Enter's keydown; the keypress then clicked the search button
  it('choosing a result with Enter navigates, leaves the dialog closed and focus off <body>', async () => {
    const page = await s.open('/guide/why')
    try {
      await ready(page)
      await page.locator('.VPNavBar .DocSearch-Button').click()
      await searchOpen(page)
      await page.keyboard.type('volume')
      await page.waitForSelector('.VPLocalSearchBox .result')
      const from = page.url()
      await page.keyboard.press('Enter')
      await page.waitForFunction((u) => location.href !== u, from)
      await searchClosed(page)
      // VitePress moves focus to the top of the new page once the route changed (VPSkipLink)
      await page.waitForFunction(() => !!document.activeElement && document.activeElement !== document.body && !document.activeElement.closest('.VPNavBar'), undefined, { timeout: 5_000 }).catch(() => {})
      expect(await page.locator('.VPLocalSearchBox').count()).toBe(0)
      expect(await focused(page)).not.toBe('body')
    } finally {
      await page.close()
    }
  })

  it('Esc after Ctrl K gives focus back to what had it', async () => {
    const page = await s.open('/guide/why')
    try {
      await ready(page)
      const link = page.locator('.vp-doc a[href]:not(.header-anchor)').first()
      await link.focus()
      const before = await focused(page)
      await page.keyboard.press('Control+k')
      await searchOpen(page)
      await page.keyboard.press('Escape')
      await searchClosed(page)
      await expect.poll(() => focused(page), { timeout: 5_000 }).toBe(before)
    } finally {
      await page.close()
    }
  })
})

describe('nav bar dropdowns', () => {
  /** The first dropdown of the section menu: its button and its menu's visibility. */
  const dropdown = (page: Page) => page.locator('.VPNavBar .VPNavBarMenu .VPFlyout').first()
  const menuHidden = (page: Page) =>
    page.waitForFunction(() => getComputedStyle(document.querySelector('.VPNavBar .VPNavBarMenu .VPFlyout .menu')!).visibility === 'hidden', undefined, { timeout: 5_000 }).then(() => true, () => false)

  for (const route of ['/guide/why', '/en/guide/why']) {
    it(`${route}: Esc closes a dropdown opened from the keyboard and focus returns to its button`, async () => {
      const page = await s.open(route)
      try {
        await ready(page)
        const button = dropdown(page).locator(':scope > button')
        await button.focus()
        await page.keyboard.press('Enter')
        await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true')
        // the menu becomes visible through a CSS transition; Tab skips its links until then (the
        // fresh-clone run, with other test files sharing the CPU, failed here once)
        await page.waitForFunction(() => getComputedStyle(document.querySelector('.VPNavBar .VPNavBarMenu .VPFlyout .menu')!).visibility === 'visible', undefined, { timeout: 5_000 })
        await page.keyboard.press('Tab') // into the menu's first link
        await expect.poll(() => focused(page), { timeout: 5_000 }).toMatch(/^a\./)
        await page.keyboard.press('Escape')
        await expect.poll(() => button.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('false')
        expect(await menuHidden(page)).toBe(true)
        await expect.poll(() => focused(page), { timeout: 5_000 }).toMatch(/^button\.button/)
      } finally {
        await page.close()
      }
    })
  }

  it('Esc closes a dropdown the pointer holds open', async () => {
    const page = await s.open('/guide/why')
    try {
      await ready(page)
      await dropdown(page).hover()
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.VPNavBar .VPNavBarMenu .VPFlyout .menu')!).visibility === 'visible')
      await page.keyboard.press('Escape')
      expect(await menuHidden(page)).toBe(true)
    } finally {
      await page.close()
    }
  })
})

/**
 * Search keys pressed before the app has hydrated (outside reader: on a loaded machine Ctrl K right
 * after load did nothing and the typed query was lost). The app's entry script is held back so the
 * keys surely arrive before hydration; the head script keeps them (.vitepress/theme/early-keys.ts).
 */
describe('search keys before hydration', () => {
  for (const [route, key] of [['/guide/why', 'Control+k'], ['/en/guide/why', '/']] as const) {
    it(`${route}: ${key} and a query typed before the app is ready open the search with that query`, async () => {
      const page = await s.context.newPage()
      let release!: () => void
      const held = new Promise<void>((r) => { release = r })
      await page.route(/\/assets\/app\.[\w-]+\.js$/, async (r) => { await held; await r.continue() })
      try {
        // a module script runs before DOMContentLoaded, so wait for the parsed page instead
        await page.goto(baseUrl() + route, { waitUntil: 'commit' })
        await page.waitForFunction(() => document.readyState === 'interactive' && document.querySelector('.VPNavBar'), undefined, { timeout: 20_000 })
        expect(await page.evaluate(() => document.documentElement.classList.contains('kb-hydrated')), 'not hydrated yet').toBe(false)
        await page.keyboard.press(key)
        await page.keyboard.type('volume')
        release()
        await ready(page)
        await searchOpen(page)
        await expect.poll(() => page.inputValue('.VPLocalSearchBox input'), { timeout: 10_000 }).toBe('volume')
        // the keys go to the app from now on: typing goes into the open search box, not the early buffer
        await page.keyboard.type('s')
        await expect.poll(() => page.inputValue('.VPLocalSearchBox input'), { timeout: 5_000 }).toBe('volumes')
      } finally {
        release()
        await page.close()
      }
    })
  }
})
