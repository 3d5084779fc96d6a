/**
 * Second round of the outside tester's findings (headless chromium, 1280×800 and a 390×844 phone):
 *  1. options tables on phones: /cli/container's `docker run` table was 784 px wide in a 342 px
 *     column, its 说明 column out of sight; a table that scrolls needs a visible hint and keyboard
 *     access (styles.css, .vitepress/plugins/narrow-text.ts);
 *  2. a snippet that must fail (`run exit=1`) had the same green "✓ 已验证" as a success
 *     (.vitepress/plugins/snippet-fence.ts);
 *  3. three Tab stops per code block (the badge was focusable on every width), the badge took two
 *     lines at 1280 px, "离线替身镜像" was unexplained;
 *  4. inline code in running text broke after "--" on phones; the English diagram caption began
 *     with a full-width "："; the snippet-status page's tables were scrollable but not focusable.
 */
import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { session, type Session } from './helpers'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

/**
 * Every line break the browser made inside inline code matching `selector` right after a hyphen
 * ("--" / "detach", "prune -" / "a"), as "before|after".
 */
function hyphenBreaks(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = []
    for (const code of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
      let prev: { top: number; text: string } | undefined
      let seen = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent!
        for (let i = 0; i < text.length; i++) {
          const r = document.createRange()
          r.setStart(n, i)
          r.setEnd(n, i + 1)
          const rect = [...r.getClientRects()].find((x) => x.width > 0)
          if (!rect) { seen += text[i]; continue }
          if (prev && rect.top > prev.top + 2 && /-$/.test(seen) && /\w/.test(text[i])) out.push(`${seen}|${code.textContent!.slice(seen.length)}`)
          prev = { top: rect.top, text: text[i] }
          seen += text[i]
        }
      }
    }
    return out
  }, selector)
}

/** Tables of the page whose content is wider than their box, with the text of their first header cell. */
const scrollingTables = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.vp-doc table')].filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.querySelector('th, td')?.textContent ?? ''))

/** Elements inside snippet badges a Tab press can reach (focusable and rendered). */
const badgeTabStops = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.snippet-badge, .snippet-badge *')].filter((el) => el.tabIndex >= 0 && el.checkVisibility()).length)

/** The verified badge of the snippet whose code contains `text`. */
const badgeOf = (page: Page, text: string) => page.locator('.snippet', { has: page.locator('pre', { hasText: text }) }).first().locator('.snippet-badge')

describe('phone (390 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: PHONE }) })
  afterAll(async () => { await s?.close() })

  for (const route of ['/cli/container', '/en/cli/container', '/commands/cleanup']) {
    it(`every table column is in sight without sideways scrolling (${route})`, async () => {
      const page = await s.open(route)
      expect(await scrollingTables(page)).toEqual([])
      // each cell's left edge is inside its table's box (the 说明 column was at x 447–808 in a 342 px column)
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.vp-doc table')].flatMap((t) => {
          const box = t.getBoundingClientRect()
          return [...t.querySelectorAll('td')].filter((c) => c.getBoundingClientRect().left >= box.right - 1).map((c) => c.textContent)
        }),
      )
      expect(outside).toEqual([])
      await page.close()
    })
  }

  it('inline code never breaks right after a hyphen (tables, running text)', async () => {
    for (const route of ['/cli/container', '/en/cli/container', '/commands/cleanup', '/guide/first-container', '/en/guide/first-container']) {
      const page = await s.open(route)
      expect(await hyphenBreaks(page, '.vp-doc td code, .vp-doc th code, .vp-doc p code, .vp-doc li code'), route).toEqual([])
      await page.close()
    }
  })

  it('a stacked options table is still a table with its column headers for screen readers', async () => {
    const page = await s.open('/cli/container')
    const table = page.getByRole('table', { name: 'docker run', exact: true })
    expect(await table.count()).toBe(1)
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['选项', '说明'])
    expect(await table.getByRole('cell', { name: '-d, --detach', exact: true }).count()).toBe(1)
    // and the description is under its option, in sight
    const cell = table.getByRole('cell', { name: '-d, --detach', exact: true })
    const [opt, desc] = await Promise.all([cell.boundingBox(), cell.locator('xpath=following-sibling::td').boundingBox()])
    expect(desc!.y).toBeGreaterThanOrEqual(opt!.y + opt!.height - 1)
    expect(desc!.x + desc!.width).toBeLessThanOrEqual(PHONE.width)
    await page.close()
  })

  it('the badge is one line; its "⋯" is the one Tab stop that shows the rest', async () => {
    const page = await s.open('/cli/container')
    const passed = await page.locator('.snippet-bar--run.is-passed .snippet-badge').count()
    expect(await badgeTabStops(page)).toBe(passed + 1) // each "⋯", and the page's first stand-in link once shown
    const badge = page.locator('.snippet-bar--run.is-passed .snippet-badge').first()
    await badge.scrollIntoViewIfNeeded()
    // the details, clipped to nothing until a tap on the "⋯" (snippet-badges.test.ts: its state and name)
    const shown = () => badge.locator('.sb-more').evaluate((el) => (getComputedStyle(el).clipPath === 'none' ? el.getBoundingClientRect().width : 0))
    expect(await shown()).toBe(0)
    await badge.locator('.sb-toggle').click()
    expect(await shown()).toBeGreaterThan(40)
    await page.close()
  })

  it('the snippet-status tables are reachable by keyboard (axe scrollable-region-focusable)', async () => {
    for (const route of ['/about/snippet-status', '/en/about/snippet-status']) {
      const page = await s.open(route)
      const r = await new AxeBuilder({ page: page as any }).withRules(['scrollable-region-focusable']).analyze()
      expect(r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), route).toEqual([])
      await page.close()
    }
  })
})

describe('small phone (375 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: { width: 375, height: 740 } }) })
  afterAll(async () => { await s?.close() })

  // /build/instructions: the CMD × ENTRYPOINT matrix had four columns of unbreakable words
  // (`ENTRYPOINT` in every header cell), 428 px in a 327 px column; now one combination per row
  for (const [route, name] of [['/build/instructions', '组合总表'], ['/en/build/instructions', 'How they combine']]) {
    it(`the CMD/ENTRYPOINT table fits the column (${route})`, async () => {
      const page = await s.open(route)
      const table = page.getByRole('table', { name, exact: true })
      expect(await table.count()).toBe(1)
      expect(await table.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(1)
      await page.close()
    })
  }
})

describe('desktop (1280 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: DESKTOP }) })
  afterAll(async () => { await s?.close() })

  it('a table that scrolls sideways fades at the edge with more to show, and is focusable and named', async () => {
    const page = await s.open('/cli/container')
    // the docker run table keeps unbroken code here, so it is wider than the 624 px column
    const table = page.getByRole('table', { name: 'docker run', exact: true })
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true)
    const fades = () => table.evaluate((t) => [getComputedStyle(t).getPropertyValue('--kb-fade-l'), getComputedStyle(t).getPropertyValue('--kb-fade-r'), getComputedStyle(t).maskImage])
    const [l0, r0, mask] = await fades()
    expect([l0, r0]).toEqual(['0px', '48px'])
    expect(mask).toContain('linear-gradient')
    await table.evaluate((t) => { t.scrollLeft = t.scrollWidth })
    await expect.poll(fades).toEqual(['48px', '0px', expect.stringContaining('linear-gradient')])
    // keyboard: focusable (VitePress), named (narrow-text.ts), and arrow keys scroll it
    await table.evaluate((t) => { t.scrollLeft = 0 })
    await table.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => table.evaluate((t) => t.scrollLeft)).toBeGreaterThan(0)
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('.vp-doc table')].filter((t) => !t.getAttribute('aria-label') || (t as HTMLElement).tabIndex < 0).length)
    expect(unnamed).toBe(0)
    await page.close()
  })

  it('inline code in tables still never breaks on wide screens', async () => {
    for (const route of ['/cli/container', '/guide/first-container']) {
      const page = await s.open(route)
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('.vp-doc td code, .vp-doc th code')].filter((c) => new Set([...c.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((c) => c.textContent),
      )
      expect(broken, route).toEqual([])
      await page.close()
    }
  })

  for (const [route, text, label, verified] of [
    ['/guide/first-container', 'docker rm first-web', '预期报错 · 退出码 1', '已验证'],
    ['/en/guide/first-container', 'docker rm first-web', 'Expected error · exit code 1', 'Verified'],
    ['/network/bridge', 'bad address', '预期报错 · 退出码 1', '已验证'],
  ]) {
    it(`an expected error is labelled as one, not as a success (${route})`, async () => {
      const page = await s.open(route)
      const badge = badgeOf(page, text)
      // the label bar: the expected error's chip, then the verified badge
      const name = await badge.locator('xpath=..').textContent()
      const mark = (b: typeof badge) => b.evaluate((el) => getComputedStyle(el, '::before').content)
      // a success on the same page keeps the check mark; the expected error has another sign
      const success = page.locator('.snippet-bar--run.is-passed:not(.is-expected-error) .snippet-badge').first()
      expect(await success.locator('xpath=..').textContent()).not.toContain(label)
      expect(await mark(success)).toContain('✓')
      expect(await mark(badge)).not.toContain('✓')
      await page.close()
    })
  }

  it('badges are one line, no Tab stop but the first stand-in link, which explains the words', async () => {
    for (const [route, href] of [['/cli/container', '/about/snippet-status'], ['/en/cli/container', '/en/about/snippet-status'], ['/guide/first-container', '/about/snippet-status']]) {
      const page = await s.open(route)
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.snippet-bar--run.is-passed .snippet-badge')].map((b) => Math.round(b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight))),
      )
      expect(lines.length, route).toBeGreaterThan(0)
      expect(lines.filter((n) => n !== 1), route).toEqual([])
      expect(await badgeTabStops(page), route).toBe(1)
      const link = page.locator('.snippet-badge a.sb-standins').first()
      expect(await link.getAttribute('href'), route).toMatch(new RegExp(`^${href}(\\.html)?#standins$`))
      expect((await link.getAttribute('title'))?.length, route).toBeGreaterThan(10)
      await page.close()
    }
  })

  it('the English diagram caption reads "title: description", without a full-width colon', async () => {
    const page = await s.open('/en/guide/first-container')
    const hidden = await page.locator('.mermaid-caption .visually-hidden').allTextContents()
    expect(hidden.length).toBeGreaterThan(0)
    expect(hidden.filter((t) => !t.startsWith(': '))).toEqual([])
    await page.close()
  })
})

it('the build has the pages this file reads', () => {
  for (const route of ['/cli/container', '/en/cli/container', '/commands/cleanup', '/guide/first-container', '/network/bridge', '/about/snippet-status']) expect(fs.existsSync(`${DIST_DIR}${route}.html`), route).toBe(true)
})
