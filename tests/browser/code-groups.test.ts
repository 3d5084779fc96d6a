/**
 * Code groups (`::: code-group`, tabs over several code blocks) switch when a tab is clicked, and show
 * one block at a time with its own snippet bar (outside tester, session 10: on /guide/install the
 * "Debian" tab kept showing the Windows commands with every other tab's "未自动验证" bar stacked
 * below; the snippet wrapper of .vitepress/plugins/snippet-fence.ts had hidden the `active` block
 * from VitePress's tab script). Every group on each page, every tab.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session({ viewport: { width: 1280, height: 800 } }) })
afterAll(async () => { await s?.close() })

/** Per code group: the indexes of the visible children of `.blocks`, and whether each has visible code. */
const visible = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.vp-doc .vp-code-group')].map((g) =>
      [...g.querySelector('.blocks')!.children]
        .map((c, i) => ({ i, shown: (c as HTMLElement).offsetHeight > 0, code: ((c.matches('[class*="language-"]') ? c : c.querySelector('[class*="language-"]')) as HTMLElement | null)?.offsetHeight ?? 0 }))
        .filter((c) => c.shown)
        .map((c) => `${c.i}${c.code > 0 ? '' : ' (no code)'}`)
        .join(',')))

it.for(['/guide/install', '/commands/cleanup', '/internals/layers', '/en/guide/install'])('%s: each tab shows its own block, one at a time', { timeout: 120_000 }, async (route) => {
  const page = await s.open(route)
  try {
    await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 15_000 })
    const groups = await page.locator('.vp-doc .vp-code-group').count()
    expect(groups, 'the page has code groups').toBeGreaterThan(0)
    expect(await visible(page)).toEqual(Array(groups).fill('0'))
    for (let g = 0; g < groups; g++) {
      const labels = page.locator('.vp-doc .vp-code-group').nth(g).locator('.tabs label')
      const n = await labels.count()
      for (let t = n - 1; t >= 0; t--) {
        await labels.nth(t).click()
        const shown = (await visible(page))[g]
        expect(shown, `${route}: group ${g + 1}, tab ${t + 1} (“${await labels.nth(t).textContent()}”)`).toBe(String(t))
      }
    }
  } finally {
    await page.close()
  }
})
