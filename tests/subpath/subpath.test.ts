/**
 * A sub-path build (`vitepress build --base /docker-kb/`, a fork's GitHub project site) in Debian
 * chromium, served under /docker-kb/ only (issue 13, class 2): every URL the site emits must carry
 * the base. Run by scripts/check-subpath.ts (the `subpath` step of `npm test`), which builds the
 * site into a temporary folder and passes it in KB_SUBPATH_DIST / KB_SUBPATH_BASE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type Browser } from '../../core/browser'
import { serveStatic, type Served } from '../../scripts/lib/static-server'
import { SITE, siteRoot } from '../../.vitepress/config/site'

const DIST = process.env.KB_SUBPATH_DIST
const BASE = process.env.KB_SUBPATH_BASE ?? SITE.projectBase
if (!DIST) throw new Error('KB_SUBPATH_DIST is not set: run this through `npx tsx scripts/check-subpath.ts`')

let server: Served
let b: Browser
const errors: string[] = []
const notFound: string[] = []
beforeAll(async () => {
  server = await serveStatic(DIST, 0, '127.0.0.1', { base: BASE })
  b = await launchBrowser()
})
afterAll(async () => {
  await b?.close()
  await server?.close()
})

async function open(path: string) {
  const page = await b.context.newPage()
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`))
  page.on('response', (r) => { if (r.status() === 404) notFound.push(`${path}: ${r.url()}`) })
  await page.goto(server.url + path, { waitUntil: 'networkidle' })
  return page
}

describe(`site built with --base ${BASE}`, () => {
  it('favicon and footer credits link carry the base and load', async () => {
    const page = await open(BASE)
    const icon = await page.getAttribute('link[rel="icon"]', 'href')
    expect(icon).toBe(`${BASE}favicon.svg`)
    expect((await fetch(server.url + icon)).status).toBe(200)
    const credits = page.locator('.VPFooter a', { hasText: '致谢' })
    expect(await credits.getAttribute('href')).toBe(`${BASE}about/credits`)
    await credits.click()
    await page.waitForURL((u) => u.pathname === `${BASE}about/credits`)
    await page.locator('.vp-doc h1').waitFor()
    await page.close()
  })

  it('a page renders whole, with canonical URL under the base, and its diagrams load after an in-app navigation', async () => {
    const page = await open(`${BASE}network/`)
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${siteRoot(BASE)}/network/`)
    await page.locator(`.vp-doc a[href="${BASE}network/port-mapping"]`).first().click()
    await page.waitForURL((u) => u.pathname === `${BASE}network/port-mapping`)
    // the URL changes before the new page renders, and the old page (the network index) has h2s too:
    // wait until the new page's diagram boxes are there (bounded) before counting them
    const boxes = page.locator('.mermaid-box')
    await expect.poll(() => boxes.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    // the in-app navigation fetched the page's diagram SVGs (/docker-kb/assets/diagrams/…)
    await expect.poll(() => page.locator('.mermaid-box svg').count(), { timeout: 10_000 }).toBe(await boxes.count())
    await page.close()
  })

  it('a trailing-slash address reaches the page under the base', async () => {
    const page = await open(`${BASE}build/instructions/`)
    await page.waitForURL((u) => u.pathname === `${BASE}build/instructions`, { timeout: 10_000 })
    await page.locator('.vp-doc h2').nth(2).waitFor()
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${siteRoot(BASE)}/build/instructions`)
    await page.close()
  })

  it('embed code points at the configured site URL with the base', async () => {
    const page = await open(`${BASE}guide/why`)
    const codes = await page.locator('.kb-embed-code pre code').allTextContents()
    expect(codes.length).toBeGreaterThan(0)
    for (const code of codes) {
      expect(code).toContain(`<iframe src="${siteRoot(BASE)}/`)
      expect(code).toContain(`<script async src="${siteRoot(BASE)}/embed.js"></script>`)
      expect(code).toContain(`<a href="${siteRoot(BASE)}/`)
    }
    const open_ = page.locator('.kb-embed-open')
    expect(await open_.getAttribute('href')).toBe(`${BASE}guide/why`)
    await page.close()
  })

  it('no page error, no 404 but the trailing-slash document, no request off 127.0.0.1', () => {
    expect(errors).toEqual([])
    expect(notFound).toEqual([`${BASE}build/instructions/: ${server.url}${BASE}build/instructions/`])
    expect(b.blocked).toEqual([])
  })
})
