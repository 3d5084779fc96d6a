/**
 * The language switch (issue #17, .vitepress/theme/lang-switch.ts): from a page with a section
 * anchor in the URL, the language menu leads to the same page in the other language, scrolled to
 * the same section (section k -> section k; the anchors differ); a page that is not translated yet
 * leads to the other language's home page, as VitePress does.
 *
 * The pages are picked from the build: a translated page needs an English page with at least two
 * sections; the fallback test needs a Chinese page without its English twin. A test without its
 * subject in the build is reported as skipped (never as passed).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { session, type Session } from './helpers'

/** The ids of the h2/h3 headings of the Markdown content of a built page, in order. */
function sectionIds(htmlFile: string): string[] {
  const html = fs.readFileSync(htmlFile, 'utf8')
  const doc = html.slice(html.indexOf('class="vp-doc'))
  return [...doc.matchAll(/<h[23][^>]*\sid="([^"]+)"/g)].map((m) => m[1])
}

/** Built routes (`guide/why`) under a folder of the build, from its .html files. */
function routes(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return ['assets', 'v', 'en', 'api', 'downloads'].includes(e.name) && !prefix ? [] : routes(path.join(dir, e.name), `${prefix}${e.name}/`)
    return e.name.endsWith('.html') && e.name !== '404.html' && e.name !== 'index.html' ? [`${prefix}${e.name.slice(0, -5)}`] : []
  })
}

const zhRoutes = routes(DIST_DIR)
const enRoutes = new Set(routes(path.join(DIST_DIR, 'en')))
/** a translated page with at least two sections in both languages */
const pair = zhRoutes.find((r) => enRoutes.has(r) && sectionIds(path.join(DIST_DIR, `${r}.html`)).length >= 2 && sectionIds(path.join(DIST_DIR, 'en', `${r}.html`)).length >= 2)
const untranslated = zhRoutes.find((r) => !enRoutes.has(r))
/** a frozen release (docs/v/<name>/, Chinese only) and one of its pages that the latest English edition has */
const releases = fs.existsSync(path.join(DIST_DIR, 'v')) ? fs.readdirSync(path.join(DIST_DIR, 'v')) : []
const frozen = releases.flatMap((v) => routes(path.join(DIST_DIR, 'v', v)).filter((r) => enRoutes.has(r)).map((r) => ({ v, r })))[0]

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

/**
 * Open the language menu in the nav bar and choose a language, with the keyboard (the menu's
 * title line overlaps the entry's hit box while the flyout animates, so a pointer click can land
 * on the title; Enter on the focused link is the same click event for the page).
 */
async function switchTo(page: Page, label: 'English' | '简体中文'): Promise<void> {
  const menu = page.locator('.VPNavBarTranslations')
  const extra = page.locator('.VPNavBar .VPNavBarExtra')
  if (!(await menu.isVisible()) && (await extra.isVisible())) {
    // English pages from 1280 to 1439 px (styles.css): the menu stays in the bar and the language
    // entries move into VitePress's "…" menu, as below 1280 px on stock VitePress
    await extra.locator('button').first().click()
    await extra.locator('.translations a', { hasText: label }).click({ timeout: 10_000 })
    return
  }
  if (!(await menu.isVisible())) {
    // a width where the nav bar's menu does not fit: the language menu is in the hamburger's
    // full-screen menu
    await page.locator('.VPNavBar .VPNavBarHamburger').click()
    const screen = page.locator('.VPNavScreen .VPNavScreenTranslations')
    await screen.locator('button.title').click()
    await screen.locator('a', { hasText: label }).click({ timeout: 10_000 })
    return
  }
  await menu.locator('button').click()
  const link = menu.locator('a', { hasText: label })
  // a real mouse click: Playwright refuses while another element covers the link (the menu's
  // title once did, through a nav-bar style meant for the site title), and fails after 10 s
  await link.click({ timeout: 10_000 })
}

/** Wait (bounded) until the URL's path is `pathname`, then return path and hash. */
async function landed(page: Page, pathname: string): Promise<{ pathname: string; hash: string }> {
  // the router changes the path first and the switch sets the section's hash after the new page has
  // rendered: wait for both (a missing hash still fails the caller's assertion after the timeout)
  await page.waitForFunction((p) => location.pathname === p && location.hash !== '', pathname, { timeout: 15_000 }).catch(() => {})
  return page.evaluate(() => ({ pathname: location.pathname, hash: decodeURIComponent(location.hash) }))
}

/** Is the element with this id in the viewport, below the fixed nav bar? */
const inView = (page: Page, id: string) =>
  page.evaluate((i) => {
    const r = document.getElementById(i)!.getBoundingClientRect()
    return r.top >= 0 && r.top < window.innerHeight / 2
  }, id)

describe('language switch', () => {
  // Since the English edition is complete, the translations step (scripts/check-translations.ts)
  // fails any build with an untranslated page, so a full build has none and this test is reported
  // as skipped; it runs on builds made while a translation is in progress (e.g. `npm run new`).
  it.skipIf(!untranslated)('a page not translated yet leads to the other language\'s home page', async () => {
    const page = await s.open(`/${untranslated}`)
    await switchTo(page, 'English')
    expect((await landed(page, '/en/')).pathname).toBe('/en/')
    expect(s.errors).toEqual([])
  })

  it.skipIf(!pair)('zh -> en keeps the page and lands on the same section', async () => {
    const zhIds = sectionIds(path.join(DIST_DIR, `${pair}.html`))
    const enIds = sectionIds(path.join(DIST_DIR, 'en', `${pair}.html`))
    const k = Math.min(zhIds.length, enIds.length) - 1 // the last section: far down, so scrolling shows
    const page = await s.open(`/${pair}#${zhIds[k]}`)
    await switchTo(page, 'English')
    const at = await landed(page, `/en/${pair}`)
    expect(at).toEqual({ pathname: `/en/${pair}`, hash: `#${enIds[k]}` })
    await page.waitForFunction((i) => { const r = document.getElementById(i)?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < innerHeight / 2 }, enIds[k], { timeout: 10_000 }).catch(() => {})
    expect(await inView(page, enIds[k])).toBe(true)
    expect(s.errors).toEqual([])
  })

  it.skipIf(!pair)('en -> zh keeps the page and lands on the same section', async () => {
    const zhIds = sectionIds(path.join(DIST_DIR, `${pair}.html`))
    const enIds = sectionIds(path.join(DIST_DIR, 'en', `${pair}.html`))
    const k = 1
    const page = await s.open(`/en/${pair}#${enIds[k]}`)
    await switchTo(page, '简体中文')
    const at = await landed(page, `/${pair}`)
    expect(at).toEqual({ pathname: `/${pair}`, hash: `#${zhIds[k]}` })
    await page.waitForFunction((i) => { const r = document.getElementById(i)?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < innerHeight / 2 }, zhIds[k], { timeout: 10_000 }).catch(() => {})
    expect(await inView(page, zhIds[k])).toBe(true)
    expect(s.errors).toEqual([])
  })

  it.skipIf(!frozen)('from a frozen release, the switch leads to the latest English page and says why', async () => {
    const { v, r } = frozen!
    const page = await s.open(`/v/${v}/${r}`)
    await switchTo(page, 'English')
    await page.waitForFunction((p) => location.pathname === p, `/en/${r}`, { timeout: 15_000 }).catch(() => {})
    expect(await page.evaluate(() => location.pathname)).toBe(`/en/${r}`)
    const notice = page.locator('.kb-lang-notice')
    await notice.waitFor({ timeout: 10_000 })
    expect(await notice.textContent()).toContain(`Release ${v} has no English edition`)
    expect(await notice.getAttribute('role')).toBe('status')
    // gone once the reader moves on to another page
    await page.locator('.VPSidebar a[href^="/en/"]:not([href="/en/' + r + '"])').first().click()
    await page.waitForFunction(() => !document.querySelector('.kb-lang-notice'), null, { timeout: 10_000 }).catch(() => {})
    expect(await notice.count()).toBe(0)
    expect(s.errors).toEqual([])
  })

  it.skipIf(!pair)('the menu entry points at the page a click leads to (open in a new tab)', async () => {
    const page = await s.open(`/${pair}`)
    const menu = page.locator('.VPNavBarTranslations')
    await menu.locator('button').click()
    const link = menu.locator('a', { hasText: 'English' })
    expect(await link.getAttribute('href')).toBe('/en/') // VitePress's own link, before the pointer reaches it
    await link.hover()
    expect(await link.getAttribute('href')).toBe(`/en/${pair}`)
    expect(s.errors).toEqual([])
  })
})

