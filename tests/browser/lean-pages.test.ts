/**
 * Lean pages (issue #14): what a page downloads at load, checked in the built site. Byte counts and
 * timings are the bench's (npm run weight, npm run bench); these checks do not depend on timing.
 *  - the home page's command finder: server-rendered, its code and command index load only when
 *    the reader moves to it or presses "/" (theme/commands.ts);
 *  - per-page site data (core/site-data-scope.ts): a page carries only its language's and
 *    release's nav and sidebar, and a client-side navigation into another language or release
 *    still shows that page's own nav and sidebar, without reloading the page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRegistry } from '../../core/versions'
import { baseUrl, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

/** Open a page, recording the paths of every request from the start. */
async function openRecording(path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await s.context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(new URL(r.url()).pathname))
  page.on('pageerror', (e) => s.errors.push(`${path}: ${e.message}`))
  await page.goto(baseUrl() + path, { waitUntil: 'networkidle' })
  return { page, requests }
}

const finderChunks = (requests: string[]) => requests.filter((p) => /\/CommandFinder[^/]*\.js$/.test(p))

describe('home page command finder', () => {
  it('loads its code only when the reader moves to it, then filters', async () => {
    const { page, requests } = await openRecording('/')
    expect(await page.locator('.command-finder a').count()).toBeGreaterThan(3) // the server HTML works without its code
    expect(finderChunks(requests)).toEqual([])
    // with JavaScript on, the no-JavaScript hint of the server HTML is not shown while the code is not loaded
    await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 15_000 })
    expect(await page.locator('.command-finder .cf-hint').isVisible()).toBe(false)
    await page.locator('.command-finder').hover()
    const input = page.locator('.command-finder input:not([disabled])')
    await input.waitFor({ timeout: 15_000 })
    expect(finderChunks(requests).length).toBeGreaterThan(0)
    await input.fill('端口')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 10_000 }).toMatch(/找到 \d+ 条命令/)
    // the live hint (keys) is shown
    await expect.poll(() => page.locator('.command-finder .cf-hint').textContent(), { timeout: 10_000 }).toMatch(/聚焦/)
    expect(await page.locator('.command-finder .cf-hint').isVisible()).toBe(true)
    await page.close()
  })
  it('a keyboard reader reaches it with Tab, and what they type before its code arrives is kept', async () => {
    const { page, requests } = await openRecording('/')
    expect(finderChunks(requests)).toEqual([])
    // bounded: the home page has far fewer than 120 focusable elements before the finder
    let reached = false
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.classList.contains('cf-input') ?? false)
    }
    expect(reached, 'Tab never reached the finder box').toBe(true)
    await page.keyboard.type('删除容器')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 15_000 }).toMatch(/找到 \d+ 条命令/)
    expect(await page.locator('.command-finder input').inputValue()).toBe('删除容器')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('cf-input')
    await page.close()
  })
  it('a first click puts the cursor in the box, and what is typed right away is kept', async () => {
    const { page, requests } = await openRecording('/')
    expect(finderChunks(requests)).toEqual([])
    await page.locator('.command-finder input').scrollIntoViewIfNeeded()
    const box = (await page.locator('.command-finder input').boundingBox())!
    // one mouse move and click, as a reader's first click: no earlier hover has loaded the code
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.keyboard.type('删除容器')
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('删除容器')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 15_000 }).toMatch(/找到 \d+ 条命令/)
    await page.close()
  })
  it('what was typed is in the address: Back to the home page and a reload show the same results', async () => {
    const { page } = await openRecording('/')
    await page.locator('.command-finder').hover()
    const input = page.locator('.command-finder input:not([disabled])')
    await input.waitFor({ timeout: 15_000 })
    await input.fill('端口')
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('q')), { timeout: 10_000 }).toBe('端口')
    const first = page.locator('.command-finder a.cf-link').first()
    const firstHref = await first.getAttribute('href')
    await first.click()
    await page.waitForURL((u) => u.pathname !== '/', { timeout: 15_000 })
    await page.goBack()
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 })
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('端口')
    expect(await page.locator('.command-finder a.cf-link').first().getAttribute('href')).toBe(firstHref)
    // a reload (the first load of /?q=端口): the results come without moving to the finder
    await page.reload({ waitUntil: 'networkidle' })
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('端口')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 10_000 }).toMatch(/找到 \d+ 条命令/)
    // clearing the box clears the address
    await page.locator('.command-finder input').fill('')
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toBe('')
    expect(s.errors).toEqual([])
    await page.close()
  })
  it('"/" loads it and puts the cursor in the box', async () => {
    const { page, requests } = await openRecording('/')
    expect(finderChunks(requests)).toEqual([])
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 15_000 }).toBe('cf-input')
    await page.close()
  })
})

/** The inline site data of the open page (VitePress's window.__VP_SITE_DATA__). */
const siteData = (page: Page) => page.evaluate(() => (window as unknown as { __VP_SITE_DATA__: { locales: Record<string, { themeConfig?: { sidebar?: Record<string, unknown> } }> } }).__VP_SITE_DATA__)

/** Navigate client-side (VitePress's router handles the click) and wait for the target's sidebar. */
async function clientNavigate(page: Page, href: string, sidebarLink: string): Promise<void> {
  await page.evaluate((h) => {
    const a = document.createElement('a')
    a.href = h
    a.textContent = 'test link'
    document.querySelector('.vp-doc')!.append(a)
    a.click()
  }, href)
  await page.waitForFunction((p) => location.pathname === p, href, { timeout: 15_000 })
  await page.locator(`.VPSidebar a[href^="${sidebarLink}"]`).first().waitFor({ state: 'attached', timeout: 15_000 })
}

describe('per-page site data', () => {
  it('a Chinese page carries neither the English nav and sidebar nor a release\'s sidebar', async () => {
    const { page } = await openRecording('/guide/')
    const data = await siteData(page)
    expect(data.locales.en).toBeDefined() // the language menu's label and link
    expect(data.locales.en.themeConfig).toBeUndefined()
    expect(Object.keys(data.locales.root.themeConfig?.sidebar ?? {})).toEqual(['/'])
    await page.close()
  })
  it('a client-side navigation into English and into a release shows that page\'s own sidebar, without a reload', async () => {
    const { page, requests } = await openRecording('/guide/')
    await page.evaluate(() => { (window as unknown as { kbSamePage: boolean }).kbSamePage = true })
    await clientNavigate(page, '/en/guide/', '/en/')
    expect(requests.filter((p) => /\/assets\/site-data\.[\w-]+\.json$/.test(p))).toHaveLength(1)
    // a frozen release (versions.json); the site has one as long as a release was cut
    const release = readRegistry().versions[0]?.name
    expect(release, 'versions.json lists no release').toBeTruthy()
    await clientNavigate(page, `/v/${release}/guide/`, `/v/${release}/`)
    await clientNavigate(page, '/guide/', '/guide/')
    expect(await page.locator('.VPSidebar a[href^="/v/"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { kbSamePage?: boolean }).kbSamePage)).toBe(true)
    await page.close()
  })
})

describe('no errors', () => {
  it('no page error on any page visited here', () => {
    expect(s.errors).toEqual([])
  })
})
