/**
 * Glossary references (issue #14, lean pages; issue #17, one language per page): `[[id]]` is a static
 * link in the server HTML, outside the page's JS chunk; the popover (one delegated listener, code and
 * per-term data on demand) opens on hover, keyboard focus and a first tap, closes on Escape, and
 * shows the page language's definition. The glossary page's list is static HTML too.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientTerms, loadGlossary } from '../../core/glossary'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { pageWeight } from '../../scripts/lib/page-weight'
import { session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

const zh = clientTerms(loadGlossary(), 'zh')
const en = clientTerms(loadGlossary(), 'en')
/** a piece of a definition to look for in downloaded files (no quotes or backslashes: bundlers escape those) */
const needle = (t: string) => t.split(/['"\\“”]/).sort((a, b) => b.length - a.length)[0].slice(0, 24)

/** The page's own chunk (VitePress's `<page>.md.<hash>.lean.js`) among the JS the page loads. */
function pageChunk(route: string): string {
  const file = pageWeight(DIST_DIR, route).jsFiles.find((f) => f.url.endsWith('.lean.js'))
  if (!file) throw new Error(`no page chunk for ${route} in ${DIST_DIR}`)
  return fs.readFileSync(path.join(DIST_DIR, file.url), 'utf8')
}

/** Every JS and JSON response body the page has loaded so far. */
async function loadedBodies(page: Page): Promise<{ url: string; body: string }[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|json)(\?|$)/.test(n)))
  return Promise.all(urls.map(async (url) => ({ url, body: await page.evaluate(async (u) => (await fetch(u)).text(), url) })))
}

describe('glossary references are static links', () => {
  it('are plain links to the glossary entry in the server HTML, and not in the page chunk', () => {
    const html = fs.readFileSync(path.join(DIST_DIR, 'guide/first-container.html'), 'utf8')
    const links = [...html.matchAll(/<a class="glossary-term" href="\/glossary\/#([\w.-]+)" data-term="([\w.-]+)">/g)]
    expect(links.length).toBeGreaterThan(3)
    for (const [, anchor, id] of links) expect(anchor).toBe(id)
    // Vue compiled the paragraphs as static content, which VitePress strips from the lean chunk
    const chunk = pageChunk('/guide/first-container')
    expect(chunk).not.toContain('GlossaryTerm')
    expect(chunk).not.toContain('data-term')
  })

  it('the glossary page keeps its list out of the page chunk (static HTML), with every term anchor in the HTML', () => {
    const html = fs.readFileSync(path.join(DIST_DIR, 'glossary/index.html'), 'utf8')
    const chunk = pageChunk('/glossary/')
    for (const id of Object.keys(zh)) {
      expect(html).toContain(`<h3 id="${id}"`)
      expect(chunk).not.toContain(needle(zh[id].short))
    }
  })
})

describe('glossary popover on a Chinese page', () => {
  it('shows the Chinese definition on hover, links the Chinese glossary and loads no English definitions', async () => {
    const page = await s.open('/guide/concepts')
    const link = page.locator('a.glossary-term').first()
    await link.waitFor()
    const id = (await link.getAttribute('data-term'))!
    expect(await link.getAttribute('href')).toBe(`/glossary/#${id}`)
    await link.hover()
    const tip = page.locator('.glossary-tip')
    await tip.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await tip.getAttribute('role')).toBe('tooltip')
    expect(await tip.locator('.glossary-tip__short').textContent()).toBe(zh[id].short)
    expect(await tip.locator('.glossary-tip__more').textContent()).toContain('查看术语表')
    expect(await tip.locator('.glossary-tip__more').getAttribute('href')).toBe(`/glossary/#${id}`)
    // the link is described by the popover's names and definition while it is open
    const described = await link.getAttribute('aria-describedby')
    expect(await page.locator(`#${described}`).textContent()).toContain(zh[id].short)
    // the Chinese definition came with the page's downloads, the English one in no file at all
    const english = needle(en[id].short)
    expect(english.length).toBeGreaterThanOrEqual(10)
    const bodies = await loadedBodies(page)
    expect(bodies.some((b) => b.body.includes(needle(zh[id].short)))).toBe(true)
    expect(bodies.filter((b) => b.body.includes(english)).map((b) => b.url)).toEqual([])
    // moving away closes it
    await page.mouse.move(0, 0)
    await tip.waitFor({ state: 'hidden', timeout: 10_000 })
    expect(s.errors).toEqual([])
    await page.close()
  })

  it('opens on keyboard focus, describes the link, and Escape closes it with focus kept on the term', async () => {
    const page = await s.open('/guide/concepts')
    const link = page.locator('a.glossary-term').first()
    // a key press first: focus that follows keyboard use matches :focus-visible, as a Tab would
    await page.keyboard.press('Tab')
    await link.focus()
    expect(await page.evaluate(() => document.activeElement?.matches('a.glossary-term:focus-visible') ?? false)).toBe(true)
    const focusedId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.term!)
    const tip = page.locator('.glossary-tip')
    await tip.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await tip.locator('.glossary-tip__short').textContent()).toBe(zh[focusedId].short)
    expect(await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby'))).toBe('glossary-tip-text')
    await page.keyboard.press('Escape')
    await tip.waitFor({ state: 'hidden', timeout: 10_000 })
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.term)).toBe(focusedId)
    expect(await page.evaluate(() => document.activeElement!.hasAttribute('aria-describedby'))).toBe(false)
    expect(s.errors).toEqual([])
    await page.close()
  })

  it('a first tap opens the popover instead of navigating, a second tap follows the link', async () => {
    const page = await s.open('/guide/concepts')
    const link = page.locator('a.glossary-term').first()
    const id = (await link.getAttribute('data-term'))!
    const tap = () => link.evaluate((a) => {
      a.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, isPrimary: true }))
      a.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'touch', bubbles: true, isPrimary: true }))
      ;(a as HTMLElement).click()
    })
    const before = page.url()
    await tap()
    const tip = page.locator('.glossary-tip')
    await tip.waitFor({ state: 'visible', timeout: 10_000 })
    expect(page.url()).toBe(before)
    expect(await link.getAttribute('target')).toBeNull()
    await tap()
    await page.waitForURL((u) => u.pathname === '/glossary/' && u.hash === `#${id}`, { timeout: 10_000 })
    expect(s.errors).toEqual([])
    await page.close()
  })
})

describe('glossary popover on an English page', () => {
  it('shows the English definition and links the English glossary', async () => {
    const page = await s.open('/en/guide/concepts')
    const link = page.locator('a.glossary-term').first()
    const id = (await link.getAttribute('data-term'))!
    expect(await link.getAttribute('href')).toBe(`/en/glossary/#${id}`)
    await link.hover()
    const tip = page.locator('.glossary-tip')
    await tip.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await tip.locator('.glossary-tip__short').textContent()).toBe(en[id].short)
    expect(await tip.locator('.glossary-tip__zh').textContent()).toBe(en[id].en)
    expect(await tip.locator('.glossary-tip__more').textContent()).toContain('View in glossary')
    expect(s.errors).toEqual([])
    await page.close()
  })
})

describe('glossary page filter', () => {
  it('the tag chips filter the static list and announce the count', async () => {
    const page = await s.open('/glossary/')
    const chip = page.locator('.glossary-filter.is-ready .glossary-chip').nth(1)
    await chip.waitFor({ timeout: 10_000 })
    const tag = ((await chip.textContent()) ?? '').replace(/\d+/g, '').trim()
    const expected = await page.locator(`.glossary-entry`).evaluateAll((els, t) => els.filter((e) => (e as HTMLElement).dataset.tags!.split(' ').includes(t)).length, tag)
    expect(expected).toBeGreaterThan(0)
    await chip.click()
    await page.waitForFunction((n) => document.querySelectorAll('.glossary-entry:not([hidden])').length === n, expected, { timeout: 10_000 })
    expect(await page.locator('.glossary-filter__status').textContent()).toContain(String(expected))
    expect(s.errors).toEqual([])
    await page.close()
  })

  it('the tag is kept in the address, and the outline lists only letters that still have terms', async () => {
    const page = await s.open('/glossary/')
    await page.setViewportSize({ width: 1440, height: 900 }) // wide enough for the aside outline
    const chips = page.locator('.glossary-filter.is-ready .glossary-chip')
    await chips.first().waitFor({ timeout: 10_000 })
    // the chip with the fewest terms hides the most letters
    const names = await chips.evaluateAll((els) => els.slice(1).map((e) => ({ name: (e.textContent ?? '').replace(/\d+/g, '').trim(), n: Number(e.querySelector('.glossary-chip__count')?.textContent) })))
    const { name } = names.sort((a, b) => a.n - b.n)[0]
    const outlineLetters = () => page.locator('.VPDocAsideOutline a.outline-link').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('href')))
    const before = await outlineLetters()
    await chips.filter({ hasText: name }).click()
    await page.waitForFunction((t) => new URLSearchParams(location.search).get('tag') === t, name, { timeout: 10_000 }).catch(() => {})
    expect(new URL(page.url()).searchParams.get('tag')).toBe(name)
    const shownLetters = await page.locator('.glossary-group:not([hidden]) h2[id]').evaluateAll((els) => els.map((e) => `#${e.id}`))
    expect(shownLetters.length).toBeLessThan(before.length)
    expect(await outlineLetters()).toEqual(shownLetters)
    // a reload (or a shared link) keeps the filter
    await page.reload()
    await page.waitForFunction((t) => document.querySelector('.glossary-chip[aria-pressed="true"]')?.textContent?.includes(t), name, { timeout: 10_000 }).catch(() => {})
    expect(await page.locator('.glossary-chip[aria-pressed="true"]').textContent()).toContain(name)
    expect(await outlineLetters()).toEqual(shownLetters)
    // a link to a term the filter hides clears the filter; Back returns to the filtered list
    const hiddenId = await page.locator('.glossary-entry[hidden] h3[id]').first().getAttribute('id')
    await page.evaluate((id) => { location.hash = `#${id}` }, hiddenId)
    await page.waitForFunction(() => document.querySelector('.glossary-chip[aria-pressed="true"]')?.textContent?.match(/^\s*(全部|All)/), null, { timeout: 10_000 }).catch(() => {})
    expect(new URL(page.url()).searchParams.get('tag')).toBe(null)
    await page.goBack()
    await page.waitForFunction((t) => document.querySelector('.glossary-chip[aria-pressed="true"]')?.textContent?.includes(t), name, { timeout: 10_000 }).catch(() => {})
    expect(new URL(page.url()).searchParams.get('tag')).toBe(name)
    expect(await page.locator('.glossary-chip[aria-pressed="true"]').textContent()).toContain(name)
    expect(await outlineLetters()).toEqual(shownLetters)
    // "All" clears the address and the outline again
    await chips.first().click()
    await page.waitForFunction(() => !location.search, null, { timeout: 10_000 }).catch(() => {})
    expect(new URL(page.url()).search).toBe('')
    expect(await outlineLetters()).toEqual(before)
    expect(s.errors).toEqual([])
    await page.close()
  })
})
