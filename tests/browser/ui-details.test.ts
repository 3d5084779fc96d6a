/**
 * Interface details an outside tester found in headless chromium at 1280×800 and on a 390×844 phone:
 *  1. the verified badge of a snippet took three lines on a phone, and its date broke across lines
 *     (.vitepress/plugins/snippet-fence.ts verifiedBadge, styles.css);
 *  2. narrow table cells broke `--detach` and `--name first-web` at their hyphens (styles.css): on
 *     wide screens inline code in tables never breaks; on phones it wraps at spaces, never inside a
 *     hyphenated word (.vitepress/plugins/narrow-text.ts; more in narrow-ui.test.ts);
 *  3. the theme switch had an empty title in the server HTML and no aria-label
 *     (.vitepress/plugins/vp-labels.ts);
 *  4. "本页 37 段可运行命令中 32 段通过" read as if 5 had failed; 5 are shown only, never run
 *     (core/version-paths.ts versionFactsText, also the header of the page's Markdown copy);
 *  5. Chinese /cli/ pages showed an English line under each command's summary (core/commands.ts);
 *  6. example values in console output (`[...=value]`) looked like fixed text
 *     (snippet-fence.ts exampleSpans, with a legend in the label bar).
 */
import fs from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleCommands } from '../../core/snippet-syntax'
import { readStatus, STATUS_FILE } from '../../core/snippet-status'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { baseUrl, session, type Session } from './helpers'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }
/** pages with many verified snippets and tables of options */
const BADGE_PAGES = ['/cli/container', '/guide/first-container', '/en/cli/container']

/**
 * Every date (2026-11-30) and version (28.5.2) in the verified badges of the page that the browser
 * laid out on more than one line, as "text: n lines".
 */
function brokenVersions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const badge of document.querySelectorAll('.snippet-bar--run.is-passed .snippet-badge')) {
      const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.textContent!.matchAll(/\d{4}-\d{2}-\d{2}|\d+\.\d+\.\d+/g)) {
          const r = document.createRange()
          r.setStart(n, m.index!)
          r.setEnd(n, m.index! + m[0].length)
          const rects = [...r.getClientRects()].filter((x) => x.width > 1)
          const lines = new Set(rects.map((x) => Math.round(x.top))).size
          if (lines > 1) out.push(`${m[0]}: ${lines} lines`)
        }
      }
    }
    return out
  })
}

/** Width of an element as seen: 0 while it or an ancestor is visually hidden (clipped to nothing). */
const shownWidth = (l: Locator) =>
  l.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return 0
    return el.getBoundingClientRect().width
  })

/** Lines a (visible) element takes: its height over its line height. */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el.parentElement!).lineHeight)))

describe('phone (390 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: PHONE }) })
  afterAll(async () => { await s?.close() })

  it('a verified badge is one line; its full text is in the accessibility tree and shows on a tap', async () => {
    const page = await s.open('/cli/container')
    const badge = page.locator('.snippet-bar--run.is-passed .snippet-badge').first()
    await badge.scrollIntoViewIfNeeded()
    expect(await linesOf(page, '.snippet-bar--run.is-passed .snippet-badge')).toBe(1)
    const status = readStatus(STATUS_FILE)
    // screen readers get every fact, not only the short form
    const name = await badge.evaluate((el) => el.textContent)
    expect(name).toContain(`Docker Engine ${status.engine}`)
    expect(name).toContain(String(status.date))
    // a tap on its "⋯" shows the rest (the details are clipped to nothing while closed)
    await badge.locator('.sb-toggle').click()
    expect(await shownWidth(badge.locator('.sb-more'))).toBeGreaterThan(40)
    await page.close()
  })

  it('no date or version in a badge breaks across lines', async () => {
    for (const route of BADGE_PAGES) {
      const page = await s.open(route)
      // the full badge, as a tap shows it
      await page.locator('.snippet-bar--run.is-passed .snippet-badge .sb-toggle').first().click()
      expect(await brokenVersions(page), route).toEqual([])
      await page.close()
    }
  })

  it('inline code in a table wraps only between words, never inside a hyphenated one', async () => {
    for (const route of ['/cli/container', '/guide/first-container']) {
      const page = await s.open(route)
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('.vp-doc td code, .vp-doc th code')]
          .flatMap((c) => (c.classList.contains('nw') ? [c] : [...c.querySelectorAll('.nw')]))
          .filter((c) => new Set([...c.getClientRects()].map((r) => Math.round(r.top))).size > 1)
          .map((c) => c.textContent),
      )
      expect(broken, route).toEqual([])
      // the words that broke before: marked, so they cannot (in a flag cell `-d, --detach`, the whole code is one mark)
      expect(await page.locator('.vp-doc td .nw', { hasText: /(^|\s)--detach$/ }).count(), route).toBeGreaterThan(0)
      await page.close()
    }
  })
})

describe('desktop (1280 px)', () => {
  let s: Session
  beforeAll(async () => { s = await session({ viewport: DESKTOP }) })
  afterAll(async () => { await s?.close() })

  it('the badges show the engine, every other fact on hover, and no date or version breaks across lines', async () => {
    for (const route of BADGE_PAGES) {
      const page = await s.open(route)
      const badge = page.locator('.snippet-bar--run.is-passed .snippet-badge').first()
      await badge.scrollIntoViewIfNeeded()
      await badge.hover()
      expect(await brokenVersions(page), route).toEqual([])
      expect(await shownWidth(badge.locator('.sb-more')), route).toBeGreaterThan(40)
      await page.close()
    }
  })

  it('the theme switch is named in the page language, in the server HTML and after hydration', async () => {
    for (const [route, label] of [['/guide/why', '深色模式'], ['/en/guide/why', 'Dark theme']]) {
      const html = await (await fetch(baseUrl() + route)).text()
      const tag = /<button class="VPSwitch VPSwitchAppearance"[^>]*>/.exec(html)?.[0] ?? ''
      expect(tag, route).toContain(`aria-label="${label}"`)
      expect(tag, route).not.toMatch(/\stitle(\s|="")/)
      const page = await s.open(route)
      // after hydration the title says what a click does; the name stays (the nav bar's switch is in
      // the "…" menu at this width on some pages, hence includeHidden)
      await expect.poll(() => page.locator('.VPSwitchAppearance').first().getAttribute('title'), { timeout: 5000 }).not.toBe(label)
      expect(await page.getByRole('switch', { name: label, exact: true, includeHidden: true }).count(), route).toBeGreaterThan(0)
      await page.close()
    }
  })

  it('the facts under a page and its Markdown copy say how many passed, failed and were not run', async () => {
    const status = readStatus(STATUS_FILE)
    const results = Object.values(status.pages['docs/cli/container.md']).map((e) => e.status)
    const n = (st: string) => results.filter((r) => r === st).length
    expect(n('norun'), 'the page this test reads has blocks that are not run').toBeGreaterThan(0)
    let expected = `本页 ${results.length} 个命令代码块：${n('passed')} 个通过，${n('failed')} 个失败`
    if (n('skipped')) expected += `，${n('skipped')} 个因前面失败未执行`
    expected += `，${n('norun')} 个只展示、不运行。`
    const md = await (await fetch(baseUrl() + '/cli/container.md')).text()
    expect(md.split('\n').slice(0, 12).join('\n')).toContain(expected)
    const page = await s.open('/cli/container')
    expect(await page.locator('.kb-version-facts').textContent()).toContain(expected)
    await page.close()
  })

  it('a Chinese command page shows each command summary in Chinese only', async () => {
    const page = await s.open('/cli/container')
    const summaries = await page.evaluate(() =>
      [...document.querySelectorAll('.vp-doc h3')].map((h) => {
        const texts: string[] = []
        // the paragraphs between the heading and the usage block
        for (let el = h.nextElementSibling; el && el.tagName === 'P'; el = el.nextElementSibling) texts.push(el.textContent ?? '')
        return { cmd: h.textContent, texts }
      }),
    )
    expect(summaries.length).toBeGreaterThan(10)
    const english = summaries.flatMap((s) => s.texts.filter((t) => !/[\u4e00-\u9fff]/.test(t)).map((t) => `${s.cmd}: ${t}`))
    expect(english).toEqual([])
    expect(await page.locator('.vp-doc [lang="en"]').count()).toBe(0)
    await page.close()
  })

  for (const [route, hint, legend] of [
    ['/guide/first-container', '示例值，每次运行不同', '虚线下划线标出的是示例值，每次运行不同'],
    ['/en/network/bridge', 'example value, differs per run', 'dotted underline: example value, differs per run'],
  ]) {
    it(`example values are marked, with a hint, and copy buttons still copy only the commands (${route})`, async () => {
      const page = await s.open(route)
      const examples = page.locator('.snippet pre .snippet-example')
      expect(await examples.count()).toBeGreaterThan(0)
      expect(await examples.first().getAttribute('title')).toBe(hint)
      // no marker on column padding, and the marker is visible
      const texts = await examples.allTextContents()
      expect(texts.filter((t) => !t.trim())).toEqual([])
      expect(await examples.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline')
      // the block says what the marker means, outside the code
      const block = page.locator('.snippet', { has: page.locator('.snippet-example') }).first()
      expect(await block.locator('.snippet-bar .snippet-legend').textContent()).toBe(legend)
      // the copy button's text: the commands, as core/snippet-syntax.ts derives them from the code
      const { text, copied } = await block.evaluate(async (el) => {
        let copied = ''
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => { copied = t } }, configurable: true })
        ;(el.querySelector('button.copy') as HTMLElement).click()
        await new Promise((r) => setTimeout(r, 100))
        return { text: el.querySelector('pre')!.textContent ?? '', copied }
      })
      expect(text).not.toContain(hint)
      expect(copied).toBe(consoleCommands(text))
      await page.close()
    })
  }
})

it('the build has the pages this file reads', () => {
  for (const route of [...BADGE_PAGES, '/en/network/bridge']) expect(fs.existsSync(`${DIST_DIR}${route}.html`), route).toBe(true)
})
