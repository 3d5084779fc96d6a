/**
 * The "最后更新于" line of a page (.vitepress/theme/components/LastUpdated.vue): its time is formatted
 * in the reader's time zone once the footer comes near the viewport, not while the page loads (the
 * first Intl.DateTimeFormat is a long task on a phone; issue #14), and it follows client-side navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session({ viewport: { width: 412, height: 823 } }) })
afterAll(async () => { await s?.close() })

/** What VitePress's own component shows for the <time>'s datetime (zh config: medium date, short time, zh-CN). */
const expected = (page: Page) => page.locator('.VPLastUpdated time').evaluate((t) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t.getAttribute('datetime')!)))
const shown = (page: Page) => page.locator('.VPLastUpdated time').textContent()

describe('last updated', () => {
  it('is formatted when the footer nears the viewport, not during load, and follows navigation', async () => {
    const page = await s.open('/help/troubleshooting')
    // the page has hydrated (the footer's pager is interactive) and the footer is far below the fold
    await page.locator('.VPDocFooter .pager-link.next').waitFor()
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    expect(await page.locator('.VPLastUpdated time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(await shown(page)).toBe('')

    await page.locator('.VPLastUpdated').scrollIntoViewIfNeeded()
    await expect.poll(() => shown(page), { timeout: 10_000 }).toBe(await expected(page))
    expect(await shown(page)).not.toBe('')

    // client-side navigation to the next page: its own time
    const next = await page.locator('.VPDocFooter .pager-link.next').getAttribute('href')
    await page.locator('.VPDocFooter .pager-link.next').click()
    await page.waitForURL((u) => u.pathname === next)
    await page.locator('.VPLastUpdated').scrollIntoViewIfNeeded()
    await expect.poll(async () => (await shown(page)) === (await expected(page)) && (await shown(page)) !== '', { timeout: 10_000 }).toBe(true)
    expect(s.errors).toEqual([])
    await page.close()
  })
})
