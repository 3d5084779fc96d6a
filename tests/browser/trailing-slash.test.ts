/**
 * A page's address with a trailing slash (`/network/port-mapping/`) must show the whole page or an
 * honest 404, never the 404 shell hydrated as half a page (issue 13, class 1). The preview server
 * answers such addresses like GitHub Pages (404 with 404.html); the 404 page's inline script sends
 * the reader on to the clean address (.vitepress/config/trailing-slash.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { siteRoot } from '../../.vitepress/config/site'
import { baseUrl, session, type Session } from './helpers'

/** The h2 ids of a built page's article, from its server-rendered HTML. */
function sectionIds(route: string): string[] {
  const html = fs.readFileSync(path.join(DIST_DIR, `${route}.html`), 'utf8')
  return [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]))
}

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

describe('trailing-slash addresses', () => {
  for (const route of ['/network/port-mapping', '/build/instructions']) {
    it(`${route}/ shows the whole page at ${route}, with its own canonical link`, async () => {
      const want = sectionIds(route)
      expect(want.length, `${route} has sections to compare`).toBeGreaterThan(2)
      const page = await s.open(`${route}/`, { waitUntil: 'commit' })
      await page.waitForURL((u) => u.pathname === route, { timeout: 10_000, waitUntil: 'networkidle' })
      await page.locator('.vp-doc h2').first().waitFor()
      const shown = await page.$$eval('.vp-doc h2[id]', (hs) => hs.map((h) => decodeURIComponent(h.id)))
      expect(shown).toEqual(want)
      expect(await page.locator('.VPDocAsideOutline a').count()).toBeGreaterThanOrEqual(want.length)
      expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${siteRoot('/')}${route}`)
      await page.close()
    })
  }

  it('keeps the query and the fragment (an embed link with a trailing slash)', async () => {
    const page = await s.open('/guide/why/?embed=1#kb-embed', { waitUntil: 'commit' })
    await page.waitForURL((u) => u.pathname === '/guide/why', { timeout: 10_000, waitUntil: 'networkidle' })
    expect(new URL(page.url()).search + new URL(page.url()).hash).toBe('?embed=1#kb-embed')
    await page.close()
  })

  it('a missing page with a trailing slash ends as an honest 404 at its clean address', async () => {
    const page = await s.open('/network/no-such-page/', { waitUntil: 'commit' })
    await page.waitForURL((u) => u.pathname === '/network/no-such-page', { timeout: 10_000, waitUntil: 'networkidle' })
    await page.locator('.NotFound').waitFor()
    expect(await page.locator('.vp-doc h2').count()).toBe(0)
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0)
    const r = await fetch(`${baseUrl()}/network/no-such-page`)
    expect(r.status).toBe(404)
    await page.close()
  })

  it('section index pages keep their trailing slash', async () => {
    const page = await s.open('/network/')
    expect(new URL(page.url()).pathname).toBe('/network/')
    await page.locator('.vp-doc h1').first().waitFor()
    await page.close()
  })
})
