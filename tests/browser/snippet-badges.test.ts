/**
 * Third round of the outside tester's findings on snippet label bars and the keyboard path
 * (headless chromium, 1280×800 and a 390×844 phone; .vitepress/plugins/snippet-fence.ts,
 * .vitepress/theme/badge-toggle.ts, styles.css, .vitepress/plugins/vp-labels.ts):
 *  1. an expected error's bar took two lines at 1280 px, the second starting with a stray "·";
 *  2. the phone badge's "⋯" did not say whether it was open, nor what a press does;
 *  3. on phones the expected error itself (the output line) was off-screen right of its block;
 *  4. "离线替身镜像" on every desktop badge: now one hover, tap or Tab away, still linked;
 *  5. the legend's dotted "示例值" looked like a tooltip a tap does not show;
 *  6. the skip link landed before the page outline's ≈ 30 links instead of on the text.
 * Fourth round: the open details panel named none of its facts ("Compose 2.40.3 / containerd/overlay2
 * / 2026-11-30 / 离线替身镜像"), and it covered the first words of the command under the badge.
 */
import fs from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleCommands } from '../../core/snippet-syntax'
import { readStatus, STATUS_FILE } from '../../core/snippet-status'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { session, type Session } from './helpers'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

/** expected-error blocks: page, text of the code, the chip's words */
const EXPECTED_ERRORS = [
  ['/guide/first-container', 'docker rm first-web', '预期报错 · 退出码 1'],
  ['/en/guide/first-container', 'docker rm first-web', 'Expected error · exit code 1'],
  ['/network/bridge', 'bad address', '预期报错 · 退出码 1'],
] as const

const ready = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'))

/**
 * The lines a reader sees in each snippet label bar of the page (and in a badge's open details
 * panel, which is laid out below the bar): the visible characters, `::before` text included, grouped
 * by line and read left to right. Text that is visually hidden (clipped to 1 px) is left out.
 */
function barLines(page: Page, selector = '.snippet-bar'): Promise<string[][]> {
  return page.evaluate((selector) => {
    const hidden = (el: Element | null, stop: Element): boolean => {
      for (; el && el !== stop.parentElement; el = el.parentElement) {
        const st = getComputedStyle(el)
        if (st.clipPath !== 'none' || st.display === 'none' || st.visibility === 'hidden') return true
      }
      return false
    }
    return [...document.querySelectorAll(selector)].filter((bar) => bar.checkVisibility()).map((bar) => {
      const items: { top: number; left: number; ch: string }[] = []
      for (const el of [bar, ...bar.querySelectorAll('*')]) {
        const m = /^"([^"]*)"/.exec(getComputedStyle(el, '::before').content)
        const rect = el.getClientRects()[0]
        if (m?.[1].trim() && rect && !hidden(el, bar)) items.push({ top: rect.top, left: rect.left - 0.5, ch: m[1].trim() })
      }
      const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (hidden(n.parentElement, bar)) continue
        const text = n.textContent!
        for (let i = 0; i < text.length; i++) {
          if (!text[i].trim()) continue
          const r = document.createRange()
          r.setStart(n, i)
          r.setEnd(n, i + 1)
          const rect = [...r.getClientRects()].find((x) => x.width > 0)
          if (rect) items.push({ top: rect.top, left: rect.left, ch: text[i] })
        }
      }
      items.sort((a, b) => a.top - b.top || a.left - b.left)
      const lines: { top: number; items: typeof items }[] = []
      for (const it of items) {
        const line = lines.find((l) => Math.abs(l.top - it.top) < 8)
        if (line) line.items.push(it)
        else lines.push({ top: it.top, items: [it] })
      }
      return lines.map((l) => l.items.sort((a, b) => a.left - b.left).map((x) => x.ch).join(''))
    })
  }, selector)
}

/** Lines of all bars that begin or end with a separator "·". */
const orphanSeparators = async (page: Page) => (await barLines(page)).flat().filter((l) => /^·|·$/.test(l))

/** The label bar of the snippet whose code contains `text`. */
const blockOf = (page: Page, text: string) => page.locator('.snippet', { has: page.locator('pre', { hasText: text }) }).first()

/** Width of the element as seen: 0 while it or an ancestor is visually hidden (clipped). */
const width = (l: Locator) =>
  l.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return 0
    return el.getBoundingClientRect().width
  })

/**
 * The characters of the first two words of the code under the badge that its details panel
 * covers (their boxes intersect the panel's): '' when the start of the command stays in sight.
 */
const coveredCommandStart = (badge: Locator) =>
  badge.evaluate((b) => {
    const panel = b.querySelector('.sb-more')!.getBoundingClientRect()
    const code = b.closest('.snippet')!.querySelector('pre code')!
    const covered: string[] = []
    let words = 0
    let inWord = false
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n && words <= 2; n = walker.nextNode()) {
      const text = n.textContent!
      for (let i = 0; i < text.length && words <= 2; i++) {
        const blank = !text[i].trim()
        if (!blank && !inWord) words++
        inWord = !blank
        if (blank || words > 2) continue
        const r = document.createRange()
        r.setStart(n, i)
        r.setEnd(n, i + 1)
        const c = r.getBoundingClientRect()
        if (c.right > panel.left && c.left < panel.right && c.bottom > panel.top && c.top < panel.bottom) covered.push(text[i])
      }
    }
    return covered.join('')
  })

describe('desktop (1280 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: DESKTOP }) })
  afterAll(async () => { await s?.close() })

  for (const [route, text, chip] of EXPECTED_ERRORS) {
    it(`an expected error's label bar is one line, no line starts or ends with "·" (${route})`, async () => {
      const page = await s.open(route)
      expect(await blockOf(page, text).locator('.snippet-bar.is-expected-error').count()).toBe(1)
      const bars = await barLines(page, '.snippet-bar.is-expected-error')
      expect(bars.length).toBeGreaterThan(0)
      for (const bar of bars) {
        expect(bar.length, bar.join(' / ')).toBe(1)
        expect(bar[0]).toContain(chip.replace(/ /g, ''))
      }
      expect(await orphanSeparators(page)).toEqual([])
      await page.close()
    })
  }

  it('a verified badge shows what a reader needs; the rest, stand-in images included, is one hover or Tab away', async () => {
    const status = readStatus(STATUS_FILE)
    expect(status.mode, 'the site this test reads was verified with stand-in images').toBe('standins')
    for (const [route, state, standins, named] of [
      ['/cli/container', '已验证', '离线替身镜像', ['镜像存储：', `验证日期：${status.date}`, '镜像来源：离线替身镜像']],
      ['/en/cli/container', 'Verified', 'offline stand-in images', ['Image store', `Verification date: ${status.date}`, 'Images: offline stand-in images']],
    ] as const) {
      const page = await s.open(route)
      const shown = (await barLines(page, '.snippet-bar--run.is-passed:not(.is-expected-error) .snippet-badge')).map((l) => l.join(' '))
      expect(shown.length, route).toBeGreaterThan(0)
      // each badge reads "✓ 已验证 · Docker Engine 28.5.2" (spaces are not characters on screen)
      expect([...new Set(shown)], route).toEqual([`✓${state}·DockerEngine${status.engine}`])
      const badge = page.locator('.snippet-bar--run.is-passed .snippet-badge').first()
      // screen readers still get every fact, the stand-in images too
      const all = (await badge.textContent())!
      for (const fact of [status.compose!, String(status.date), standins]) expect(all, route).toContain(fact)
      // the pointer: hovering the badge shows the details with the link to the explanation
      const link = badge.locator('a.sb-standins')
      expect(await width(link), route).toBeLessThanOrEqual(1)
      await badge.scrollIntoViewIfNeeded()
      await badge.hover()
      await expect.poll(() => width(link)).toBeGreaterThan(20)
      // each fact of the panel says what it is, one per line
      const facts = (await barLines(page, `#${await badge.locator('.sb-more').getAttribute('id')}`))[0]
      for (const fact of named) expect(facts.filter((l) => l.startsWith(fact.replace(/ /g, ''))), `${route}: ${fact}`).toHaveLength(1)
      // and the panel leaves the first words of the command under the badge in sight
      expect(await coveredCommandStart(badge), route).toBe('')
      const box = (await link.boundingBox())!
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.className, [box.x + box.width / 2, box.y + box.height / 2]), route).toBe('sb-standins')
      await page.mouse.move(0, 0)
      // the keyboard: the page's first stand-in link is a Tab stop, shown while it has focus
      const first = page.locator('.snippet-badge a.sb-standins').first()
      await first.focus()
      expect(await width(first), route).toBeGreaterThan(20)
      await page.close()
    }
  })

  for (const [route, legend] of [['/guide/first-container', '虚线下划线标出的是示例值，每次运行不同'], ['/en/network/bridge', 'dotted underline: example value, differs per run']]) {
    it(`the example-value legend is written out, with no dotted word that hints at a tooltip (${route})`, async () => {
      const page = await s.open(route)
      const legends = page.locator('.snippet-bar .snippet-legend')
      expect(await legends.count()).toBeGreaterThan(0)
      expect(await legends.first().textContent()).toBe(legend)
      const dotted = await legends.evaluateAll((ls) => ls.flatMap((l) => [l, ...l.querySelectorAll('*')]).filter((el) => getComputedStyle(el).textDecorationStyle === 'dotted' && getComputedStyle(el).textDecorationLine !== 'none').length)
      expect(dotted).toBe(0)
      await page.close()
    })
  }

  for (const [route, label] of [['/cli/container', '跳到正文'], ['/en/cli/container', 'Skip to content']]) {
    it(`the skip link is the first Tab stop and takes the keyboard past the outline to the text (${route})`, async () => {
      const page = await s.open(route)
      await ready(page)
      // the outline has its many links (kept), before the text in the page's order
      expect(await page.locator('.VPDocAsideOutline a').count()).toBeGreaterThan(20)
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(label)
      await page.keyboard.press('Enter')
      await page.keyboard.press('Tab')
      const where = await page.evaluate(() => {
        const el = document.activeElement!
        return { inText: !!el.closest('.VPDoc main .vp-doc'), inOutline: !!el.closest('.aside'), text: el.textContent?.trim().slice(0, 40) }
      })
      expect(where, JSON.stringify(where)).toMatchObject({ inText: true, inOutline: false })
      await page.close()
    })
  }
})

describe('phone (390 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: PHONE }) })
  afterAll(async () => { await s?.close() })

  for (const [route, show, hide] of [['/cli/container', '显示详情', '收起详情'], ['/en/cli/container', 'Show details', 'Hide details']]) {
    it(`the "⋯" says whether the details are open and what a press does, and is one Tab stop (${route})`, async () => {
      const page = await s.open(route)
      await ready(page)
      const badge = page.locator('.snippet-bar--run.is-passed .snippet-badge').nth(1)
      expect(await badge.getByRole('button', { name: show, exact: true }).count()).toBe(1)
      const toggle = badge.locator('.sb-toggle')
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      // a target a finger can hit: at least 24 × 24 CSS px (WCAG 2.2, 2.5.8 Target Size (Minimum));
      // outside tester: it was 20 × 20
      const tb = (await toggle.boundingBox())!
      expect(Math.min(tb.width, tb.height), `toggle ${tb.width} × ${tb.height}`).toBeGreaterThanOrEqual(24)
      const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`)
      expect(await details.count()).toBe(1)
      expect(await badge.locator(`#${await toggle.getAttribute('aria-controls')}`).count()).toBe(1)
      expect(await width(details)).toBeLessThanOrEqual(1)
      // a tap opens, and the name and state follow
      await toggle.scrollIntoViewIfNeeded()
      await toggle.click()
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      expect(await toggle.getAttribute('aria-label')).toBe(hide)
      expect(await width(details)).toBeGreaterThan(40)
      // open, the panel leaves the first words of the command under it in sight
      expect(await coveredCommandStart(badge)).toBe('')
      // its details fit on the screen, and none of their lines starts with "·"
      const box = (await details.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
      expect(await orphanSeparators(page)).toEqual([])
      // the stand-in link inside can be tapped
      const link = details.locator('a.sb-standins')
      const lb = (await link.boundingBox())!
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.className, [lb.x + lb.width / 2, lb.y + lb.height / 2])).toBe('sb-standins')
      // the keyboard: Enter closes, Space opens, Esc closes; one Tab stop per badge
      await toggle.focus()
      await page.keyboard.press('Enter')
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      await page.mouse.move(0, 0)
      expect(await width(details)).toBeLessThanOrEqual(1)
      await page.keyboard.press(' ')
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      expect(await width(details)).toBeGreaterThan(40)
      await page.keyboard.press('Escape')
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      expect(await toggle.getAttribute('aria-label')).toBe(show)
      const stops = await badge.evaluate((b) => [...b.querySelectorAll<HTMLElement>('*')].filter((el) => el.tabIndex >= 0 && el.checkVisibility()).length)
      expect(stops).toBe(1)
      await page.close()
    })
  }

  for (const [route, text] of EXPECTED_ERRORS) {
    it(`an expected error's output is in sight without sideways scrolling, and copies unchanged (${route})`, async () => {
      const page = await s.open(route)
      const block = blockOf(page, text)
      const pre = block.locator('pre')
      const source = (await pre.textContent())!
      expect(await pre.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
      // the last character of the error line is inside the block
      const right = await pre.evaluate((el) => {
        const line = [...el.querySelectorAll('.line')].pop()!
        const r = document.createRange()
        r.selectNodeContents(line)
        return Math.max(...[...r.getClientRects()].map((x) => x.right)) - el.getBoundingClientRect().right
      })
      expect(right).toBeLessThanOrEqual(0)
      // the copy button still copies the commands of the text as written
      const copied = await block.evaluate(async (el) => {
        let copied = ''
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => { copied = t } }, configurable: true })
        ;(el.querySelector('button.copy') as HTMLElement).click()
        await new Promise((r) => setTimeout(r, 100))
        return copied
      })
      expect(copied).toBe(consoleCommands(source))
      // and the label bar has no line that starts with "·"
      expect(await orphanSeparators(page)).toEqual([])
      await page.close()
    })
  }
})

it('the build has the pages this file reads', () => {
  for (const route of ['/cli/container', '/en/cli/container', '/guide/first-container', '/en/guide/first-container', '/network/bridge', '/en/network/bridge']) expect(fs.existsSync(`${DIST_DIR}${route}.html`), route).toBe(true)
})
