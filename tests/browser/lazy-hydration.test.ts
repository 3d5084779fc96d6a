/**
 * Theme parts hydrated when the reader reaches them (issue #14; .vitepress/theme/lazy-hydration.ts).
 * On a phone (412 px, as Lighthouse's mobile preset) the sidebar's links, the nav bar's section menu
 * and the doc footer keep their server HTML when the page loads; they hydrate when they come into
 * view, get keyboard focus or a press, or before a client-side navigation. Checked here: that they
 * wait, and that the reader sees no difference:
 *  - the phone menu opened before anything hydrated the sidebar (Vue then hydrates it as it slides
 *    in; its parent's `open` prop changed while its links waited): current page marked, Escape
 *    closes it and gives the focus back, its links navigate and it follows the new page;
 *  - the keyboard reaches and follows the sidebar's links;
 *  - after a client-side navigation that happened before any of them hydrated, the sidebar, the
 *    footer's links and the nav menu show what a fresh load of the new page shows;
 *  - the nav menu works once a narrow window grows wide enough to show it.
 * No timing: every wait is for a condition, bounded.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hydrated, session, type Session } from './helpers'

const PHONE = { width: 412, height: 823 }
const PAGE = '/help/troubleshooting'
/** a page in another section, linked from PAGE's text */
const OTHER = '/network/port-mapping'

let s: Session
beforeAll(async () => { s = await session({ viewport: PHONE }) })
afterAll(async () => { await s?.close() })

/**
 * Names of the theme components the page has hydrated or rendered so far. Walks the app's vnode
 * tree (Vue internals: `_container._vnode`, `component.subTree`); a component still waiting for its
 * lazy hydration has no subtree of its own yet, so its children are not listed.
 */
const mounted = async (page: Page) => {
  await hydrated(page)
  return page.evaluate(() => {
    type VNode = { component?: { type: { __name?: string; name?: string }; subTree?: VNode }; children?: unknown; type?: unknown }
    const app = (document.querySelector('#app') as unknown as { __vue_app__?: { _container: { _vnode: VNode } } }).__vue_app__
    if (!app) throw new Error('the page has no Vue app')
    const names = new Set<string>()
    const walk = (v: VNode | undefined, depth: number) => {
      if (!v || depth > 400) return
      if (v.component) {
        const t = v.component.type
        if (t.__name ?? t.name) names.add((t.__name ?? t.name)!)
        return walk(v.component.subTree, depth + 1)
      }
      if (Array.isArray(v.children)) for (const c of v.children) walk(c as VNode, depth + 1)
    }
    walk(app._container._vnode, 0)
    return [...names]
  })
}

/** What the sidebar shows as current: the marked link and the marked section. */
const sidebarState = (page: Page) =>
  page.evaluate(() => ({
    activeLinks: [...document.querySelectorAll('.VPSidebar .VPSidebarItem.is-active > .item a')].map((a) => a.getAttribute('href')),
    activeGroups: [...document.querySelectorAll('.VPSidebar .VPSidebarItem.has-active.level-0 > .item .text')].map((e) => e.textContent?.trim()),
  }))

/** The footer's links (edit, previous / next page) with their text. */
const footerLinks = (page: Page) =>
  page.locator('.VPDocFooter a').evaluateAll((as) => as.map((a) => `${a.textContent?.replace(/\s+/g, ' ').trim()} → ${a.getAttribute('href')}`))

/** The nav bar menu's entries marked as the current section. */
const navActive = (page: Page) =>
  page.locator('.VPNavBarMenu .active').evaluateAll((es) => es.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()))

async function openMenu(page: Page): Promise<void> {
  await page.locator('.VPLocalNav button.menu').click({ timeout: 10_000 })
  await page.locator('.VPSidebar.open').waitFor({ timeout: 10_000 })
}

/** Mark the window: a client-side navigation keeps the mark, a full page load loses it. */
const markWindow = (page: Page) => page.evaluate(() => { (window as unknown as Record<string, boolean>).__kbSamePage = true })
const sameWindow = (page: Page) => page.evaluate(() => (window as unknown as Record<string, boolean>).__kbSamePage === true)

describe('lazily hydrated theme parts, phone width', () => {
  it('at load the sidebar, the nav menu and the doc footer keep their server HTML, not hydrated', async () => {
    const page = await s.open(PAGE)
    const names = await mounted(page)
    expect(names).toContain('VPSidebar') // the sidebar's frame hydrates with the page (it opens and closes)
    expect(names).toContain('VPLocalNav')
    for (const lazy of ['VPSidebarGroup', 'VPNavBarMenu', 'VPDocFooter']) expect(names, `${lazy} hydrated at load`).not.toContain(lazy)
    // the server HTML is all there
    expect(await page.locator('.VPSidebar a.link').count()).toBeGreaterThan(50)
    expect(await page.locator('.VPDocFooter .pager-link').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('the menu button opens the sidebar before anything hydrated it: current page marked, Escape, links, and it follows the new page', async () => {
    const page = await s.open(PAGE)
    await markWindow(page)
    await openMenu(page)
    // it hydrates as it slides into view: the current page's link is marked (set when mounted)
    await expect.poll(() => sidebarState(page), { timeout: 10_000 }).toEqual({ activeLinks: [PAGE], activeGroups: [expect.any(String)] })
    expect(await mounted(page)).toContain('VPSidebarGroup')
    const menuButton = page.locator('.VPLocalNav button.menu')
    await page.keyboard.press('Escape')
    await page.locator('.VPSidebar.open').waitFor({ state: 'detached', timeout: 10_000 })
    expect(await menuButton.evaluate((b) => b === document.activeElement)).toBe(true)
    await openMenu(page)
    await page.locator(`.VPSidebar a[href="${OTHER}"]`).click({ timeout: 10_000 })
    await page.waitForURL((u) => u.pathname === OTHER, { timeout: 15_000 })
    expect(await sameWindow(page), 'the sidebar link reloaded the page').toBe(true)
    await page.locator('.VPSidebar.open').waitFor({ state: 'detached', timeout: 10_000 }) // closes on navigation
    await openMenu(page)
    await expect.poll(() => sidebarState(page).then((x) => x.activeLinks), { timeout: 10_000 }).toEqual([OTHER])
    expect(s.errors).toEqual([])
    await page.close()
  })

  it('the keyboard reaches the sidebar links from the menu button and follows one', async () => {
    const page = await s.open(PAGE)
    await markWindow(page)
    await page.locator('.VPLocalNav button.menu').focus()
    await page.keyboard.press('Enter')
    await page.locator('.VPSidebar.open').waitFor({ timeout: 10_000 })
    // bounded: the first link is a few Tab presses into the sidebar (its section headings take the focus too)
    let href: string | null = null
    for (let i = 0; i < 10 && !href; i++) {
      await page.keyboard.press('Tab')
      href = await page.evaluate(() => (document.activeElement?.closest('.VPSidebar') && document.activeElement instanceof HTMLAnchorElement ? document.activeElement.getAttribute('href') : null))
    }
    expect(href, 'Tab never reached a sidebar link').toBeTruthy()
    expect(await mounted(page)).toContain('VPSidebarGroup')
    await page.keyboard.press('Enter')
    await page.waitForURL((u) => u.pathname === href, { timeout: 15_000 })
    expect(await sameWindow(page)).toBe(true)
    await page.close()
  })

  it('after a client-side navigation before any of them hydrated, they show what a fresh load of the new page shows', async () => {
    const page = await s.open(PAGE)
    await markWindow(page)
    await page.locator(`.vp-doc a[href="${OTHER}"]`).first().click({ timeout: 10_000 })
    await page.waitForURL((u) => u.pathname === OTHER, { timeout: 15_000 })
    await page.locator('.VPDoc h1').filter({ hasNotText: /故障排查/ }).first().waitFor({ timeout: 15_000 })
    expect(await sameWindow(page), 'the link reloaded the page').toBe(true)
    const fresh = await s.open(OTHER)
    // the footer (scrolled into view on the fresh page, so both are hydrated)
    await fresh.locator('.VPDocFooter').scrollIntoViewIfNeeded()
    await page.locator('.VPDocFooter').scrollIntoViewIfNeeded()
    await expect.poll(() => footerLinks(page), { timeout: 10_000 }).toEqual(await footerLinks(fresh))
    // the sidebar: the new page's link and section are the marked ones
    for (const p of [page, fresh]) await openMenu(p)
    await expect.poll(() => sidebarState(fresh), { timeout: 10_000 }).toMatchObject({ activeLinks: [OTHER] })
    await expect.poll(() => sidebarState(page), { timeout: 10_000 }).toEqual(await sidebarState(fresh))
    // the nav menu, once the window is wide enough to show it
    for (const p of [page, fresh]) {
      await p.keyboard.press('Escape')
      await p.setViewportSize({ width: 1440, height: 900 })
    }
    await page.locator('.VPNavBarMenu').waitFor({ state: 'visible', timeout: 10_000 })
    await expect.poll(() => navActive(fresh), { timeout: 10_000 }).not.toEqual([])
    await expect.poll(() => navActive(page), { timeout: 10_000 }).toEqual(await navActive(fresh))
    expect(s.errors).toEqual([])
    await page.close()
    await fresh.close()
  })

  it('the nav menu hydrates when a phone-width window grows wide enough to show it, and its menus open', async () => {
    const page = await s.open(PAGE)
    expect(await mounted(page)).not.toContain('VPNavBarMenu')
    await page.setViewportSize({ width: 1440, height: 900 })
    await expect.poll(() => mounted(page), { timeout: 10_000 }).toContain('VPNavBarMenu')
    const group = page.locator('.VPNavBarMenu .VPFlyout > button').first()
    // from the keyboard (a mouse click comes after the hover that already opened it, and toggles it shut)
    await group.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => group.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true')
    await page.close()
  })

  it('the doc footer hydrates when scrolled into view: the last-updated time appears', async () => {
    const page = await s.open(PAGE)
    expect(await page.locator('.VPDocFooter time').textContent()).toBe('')
    await page.locator('.VPDocFooter').scrollIntoViewIfNeeded()
    await expect.poll(() => mounted(page), { timeout: 10_000 }).toContain('VPDocFooter')
    await expect.poll(() => page.locator('.VPDocFooter time').textContent(), { timeout: 10_000 }).not.toBe('')
    await page.close()
  })
})
