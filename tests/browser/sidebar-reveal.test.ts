/**
 * The desktop sidebar opens scrolled to the current page's link (outside tester: /cli/ and glossary
 * pages sit far down the one long sidebar, which opened at its top; .vitepress/theme/sidebar-reveal.ts).
 * Only the sidebar scrolls — never the page — with no layout shift in it, and the sidebar's links still
 * hydrate (the current one gets marked). That the reveal does not hydrate them itself is checked on
 * a phone, where they wait, by tests/browser/lazy-hydration.test.ts.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inPool, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session({ viewport: { width: 1280, height: 800 } }) })
afterAll(async () => { await s?.close() })

/** Where the current page's link sits in the sidebar's visible part (below the nav bar), and what moved. */
const state = (page: Page) =>
  page.evaluate(() => {
    const sidebar = document.querySelector('.VPSidebar')!
    const norm = (p: string) => p.replace(/\.html$/, '').replace(/\/index$/, '/')
    const link = [...sidebar.querySelectorAll('a.link')].find((a) => norm(new URL((a as HTMLAnchorElement).href).pathname) === norm(location.pathname))
    const box = sidebar.getBoundingClientRect()
    const top = Math.max(box.top, document.querySelector('.VPNavBar')!.getBoundingClientRect().bottom)
    const r = link?.getBoundingClientRect()
    return {
      found: !!link,
      inView: !!r && r.top >= top - 0.5 && r.bottom <= box.bottom + 0.5,
      sidebarScrolled: sidebar.scrollTop,
      pageScrolled: window.scrollY,
    }
  })

/**
 * Sum of the page's layout shifts so far that moved something in the sidebar (the browser's own
 * layout-shift entries and their sources). Shifts elsewhere on the page are not this change's and
 * are measured by layout-shift.test.ts (the previous build, without any sidebar scroll, showed
 * 0.019 on /cli/container under load).
 */
const sidebarShift = (page: Page) =>
  page.evaluate(() => new Promise<number>((resolve) => {
    let sum = 0
    type Shift = { value: number; sources?: { node?: Node | null }[] }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Shift[]) {
        if (e.sources?.some((src) => !!(src.node instanceof Element ? src.node : src.node?.parentElement)?.closest('.VPSidebar'))) sum += e.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)))
  }))

describe('sidebar on load (1280 px)', () => {
  it('shows the current page\'s link on long sidebars, scrolling only the sidebar', async () => {
    const problems = await inPool(['/cli/container', '/cli/volume', '/glossary/', '/about/credits', '/en/cli/container', '/en/glossary/'], async (route) => {
      const page = await s.open(route)
      try {
        await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'))
        const st = await state(page)
        const out: string[] = []
        if (!st.found) out.push(`${route}: no sidebar link to the page`)
        if (!st.inView) out.push(`${route}: the current link is out of the sidebar's view (sidebar scrollTop ${st.sidebarScrolled})`)
        if (st.pageScrolled !== 0) out.push(`${route}: the page scrolled to ${st.pageScrolled}`)
        // the group in view hydrated and marks the current link (is-active is client-side only)
        if (st.inView) await page.waitForFunction(() => !!document.querySelector('.VPSidebar .VPSidebarItem.is-active'), undefined, { timeout: 10_000 }).catch(() => out.push(`${route}: the current link is not marked (its group did not hydrate)`))
        const cls = await sidebarShift(page)
        if (cls > 0.001) out.push(`${route}: layout shift in the sidebar ${cls.toFixed(4)}`)
        return out
      } finally {
        await page.close()
      }
    })
    expect(problems.flat()).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('leaves the sidebar at its top when the link is already in view', async () => {
    const page = await s.open('/guide/')
    try {
      await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'))
      expect((await state(page)).sidebarScrolled).toBe(0)
    } finally {
      await page.close()
    }
  })
})
