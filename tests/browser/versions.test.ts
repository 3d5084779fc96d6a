/**
 * Versioned docs in the built site: the version menu leads to the same page in the other version
 * (else to that version's home), old-version pages carry a banner linking to the latest page and a
 * sidebar of their own release, links inside a release stay inside it, frozen snippets say they
 * are not re-run, each page shows its version facts, and the latest search never shows /v/ pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchFor, seriousViolations, session, type Session } from './helpers'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { routeOf } from '../../core/version-paths'

const DIST = DIST_DIR // KB_DIST or .vitepress/dist, the build the tests serve
let s: Session
let release: string

/** Does the build have this route in that release (null: latest)? */
const built = (route: string, version: string | null) => {
  const base = path.join(DIST, ...(version ? ['v', version] : []))
  return route === '' || route.endsWith('/') ? fs.existsSync(path.join(base, route, 'index.html')) : fs.existsSync(path.join(base, `${route}.html`))
}

beforeAll(async () => {
  const reg = fs.existsSync('versions.json') ? JSON.parse(fs.readFileSync('versions.json', 'utf8')) : {}
  release = reg.latest
  if (!release) throw new Error('versions.json names no release: cut one with `npm run version:cut -- <name>`')
  s = await session()
})
afterAll(async () => { await s?.close() })

describe('version menu', () => {
  it('on a latest page: offers every release, each at the same page when it has it', async () => {
    const page = await s.open('/guide/why')
    const button = page.locator('.VPNavBar .kb-version-button')
    expect((await button.textContent())!.trim()).toBe('最新')
    await button.click()
    const links = page.locator('.VPNavBar .kb-version-menu li a')
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs[0]).toBe('/guide/why')
    expect(hrefs).toContain(built('guide/why', release) ? `/v/${release}/guide/why` : `/v/${release}/`)
    await page.locator(`.VPNavBar .kb-version-menu a[href^="/v/${release}/"]`).click()
    await page.waitForURL((u) => u.pathname.startsWith(`/v/${release}/`))
    expect(new URL(page.url()).pathname).toBe(`/v/${release}/guide/why`)
    // the router changes the URL first, then renders the new page
    await page.locator('.VPNavBar .kb-version-button', { hasText: release }).waitFor()
    await page.locator('.kb-version-banner').waitFor()
    await page.close()
  })

  it('every menu entry on every kind of page is the same page or that version home', async () => {
    for (const route of ['', 'guide/', 'glossary/', 'about/changelog']) {
      const page = await s.open(`/v/${release}/${route}`)
      const hrefs = await page.locator('.VPNavBar .kb-version-menu li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      expect(hrefs[0]).toBe(built(route, null) ? `/${route}` : '/')
      expect(hrefs).toContain(`/v/${release}/${route}`)
      for (const h of hrefs) expect([`/${route}`, '/'].includes(h) || new RegExp(`^/v/[^/]+/(${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?$`).test(h), h).toBe(true)
      await page.close()
    }
  })

  it('is in the phone menu too', async () => {
    const phone = await session({ viewport: { width: 375, height: 740 } })
    try {
      const page = await phone.open('/guide/why')
      await page.locator('.VPNavBarHamburger').click()
      await page.locator('.VPNavScreen .kb-version-screen').waitFor()
      expect(await page.locator('.VPNavScreen .kb-version-screen a').count()).toBeGreaterThanOrEqual(2)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      await page.close()
      expect(phone.errors).toEqual([])
    } finally {
      await phone.close()
    }
  })
})

describe('a page of a frozen release', () => {
  it('has a banner linking to the same page in the latest docs', async () => {
    const page = await s.open(`/v/${release}/guide/why`)
    const banner = page.locator('.kb-version-banner')
    expect(await banner.textContent()).toContain(`${release} 版`)
    expect(await banner.locator('a').getAttribute('href')).toBe('/guide/why')
    await banner.locator('a').click()
    await page.waitForURL((u) => u.pathname === '/guide/why')
    await page.locator('.kb-version-banner').waitFor({ state: 'detached' })
    expect((await page.locator('.VPNavBar .kb-version-button').textContent())!.trim()).toBe('最新')
    await page.close()
  })

  it("shows its release's sidebar, and its content links stay inside the release", async () => {
    const page = await s.open(`/v/${release}/guide/why`)
    const side = await page.locator('.VPSidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(side.length).toBeGreaterThan(5)
    expect(side.filter((h) => !h.startsWith(`/v/${release}/`))).toEqual([])
    const content = await page.locator('.vp-doc a[href^="/"]:not(.header-anchor)').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    // every internal link stays in the release: pages and glossary terms ([[id]] → the release's glossary)
    expect(content.length).toBeGreaterThan(0)
    expect(content.filter((h) => h.includes('/glossary/#')).length).toBeGreaterThan(0)
    expect(content.filter((h) => !h.startsWith(`/v/${release}/`))).toEqual([])
    // the top nav too (releaseNav): 入门, 原理 … open the release's sections
    const nav = await page.locator('.VPNavBarMenu a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(nav.length).toBeGreaterThan(3)
    expect(nav.filter((h) => h.startsWith('/') && !h.startsWith(`/v/${release}/`))).toEqual([])
    // a term's popover data is next to the release's glossary page
    const term = content.find((h) => h.includes('/glossary/#'))!.replace(/#(.*)$/, 'terms/$1.json')
    expect(fs.existsSync(path.join(DIST, term)), term).toBe(true)
    for (const a of ['.pager-link.next', '.pager-link.prev']) {
      const h = await page.locator(`.VPDocFooter ${a}`).getAttribute('href').catch(() => null)
      if (h) expect(h.startsWith(`/v/${release}/`), h).toBe(true)
    }
    await page.close()
  })

  it('names its release in the title, says its snippets are not re-run, and has no edit link', async () => {
    const page = await s.open(`/v/${release}/guide/first-container`)
    expect(await page.title()).toContain(`${release} 版`)
    expect(await page.locator('.snippet--run').count()).toBe(0)
    expect(await page.locator('.snippet--norun .snippet-reason').first().textContent()).toContain(`冻结版本 ${release}`)
    // its badge says frozen, not "未自动验证" beside "…验证通过" (outside tester, round 14)
    expect((await page.locator('.snippet--norun .snippet-badge').first().textContent())!.trim()).toBe('已冻结')
    expect(await page.locator('.VPDocFooter .edit-link').count()).toBe(0)
    expect(await page.locator('.kb-version-facts').textContent()).toContain(`本页属于 ${release} 版`)
    await page.close()
  })

  it('the release home page has the banner and links into the release', async () => {
    const page = await s.open(`/v/${release}/`)
    expect(await page.locator('.kb-version-banner').count()).toBe(1)
    const actions = await page.locator('.VPHero .actions a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(actions.length).toBeGreaterThan(0)
    expect(actions.filter((h) => !h.startsWith(`/v/${release}/`))).toEqual([])
    await page.close()
  })
})

describe('accessibility of the version and embed controls', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a frozen page with the version menu and the embed panel open (${scheme})`, async () => {
      const page = await s.open(`/v/${release}/guide/why`)
      if (scheme === 'dark') await page.evaluate(() => document.documentElement.classList.add('dark'))
      await page.locator('.VPNavBar .kb-version-button').click()
      await page.locator('.kb-embed-action summary').click()
      await page.locator('.kb-embed-code').first().waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.close()
    })
  }
})

describe('the latest docs', () => {
  // A section added after the release is not on the frozen page: its frozen embed would show the
  // whole page with a "not on this page" note, so the panel must not offer that code
  it('the embed panel offers a section\'s frozen code only when the release page has that section', async () => {
    const ids = (file: string) => new Set([...fs.readFileSync(file, 'utf8').matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]))
    // the first page whose latest version has a section the release page lacks, and one both have
    let found: { route: string; added: string; kept: string } | undefined
    const pages = (fs.readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !/^(v|en)\//.test(f) && !f.endsWith('index.html')).sort()
    for (const file of pages) {
      const route = '/' + file.replace(/\.html$/, '')
      if (!built(route.slice(1), release)) continue
      const now = ids(path.join(DIST, file))
      const then = ids(path.join(DIST, 'v', release, file))
      const added = [...now].find((id) => !then.has(id))
      const kept = [...now].find((id) => then.has(id))
      if (added && kept) { found = { route, added, kept }; break }
    }
    if (!found) throw new Error(`no latest page has a section added since release ${release}: this test needs one (add a section to a page, or test against an older release)`)
    const page = await s.open(found.route)
    await page.locator('.kb-embed-action summary').click()
    const what = page.locator('.kb-embed-fields select').first()
    const codes = page.locator('.kb-embed-code pre code')

    await what.selectOption(`section:${found.added}`)
    await page.locator('.kb-embed-not-in-release').waitFor({ timeout: 5_000 })
    expect(await page.locator('.kb-embed-not-in-release').textContent()).toContain(`${release} 版的这一页没有这一部分`)
    expect(await codes.count()).toBe(1)
    const latest = (await codes.first().textContent())!
    expect(latest).toContain(`section=${encodeURIComponent(found.added)}`)
    // the iframe's title names the section, not just the page
    const heading = await page.locator(`h2[id="${found.added}"]`).first().evaluate((h) => (h.textContent ?? '').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim())
    expect(heading.length).toBeGreaterThan(0)
    expect(latest).toContain(`（${heading}）"`)

    await what.selectOption(`section:${found.kept}`)
    await codes.nth(1).waitFor({ timeout: 5_000 })
    expect(await page.locator('.kb-embed-not-in-release').count()).toBe(0)
    const frozen = (await codes.nth(1).textContent())!
    expect(frozen).toContain(`/v/${release}${found.route}?`)
    expect(frozen).toContain(`section=${encodeURIComponent(found.kept)}`)
    await page.close()
  })

  it('show the verification facts of a page whose snippets ran', async () => {
    const status = JSON.parse(fs.readFileSync('docs/.snippet-status.json', 'utf8')) as { engine: string; pages: Record<string, object> }
    const file = Object.keys(status.pages).find((f) => !f.startsWith('docs/v/') && !f.startsWith('docs/en/'))!
    const route = '/' + routeOf(file.replace(/^docs\//, ''))
    const page = await s.open(route)
    const facts = await page.locator('.kb-version-facts').textContent()
    expect(facts).toContain(`Docker Engine ${status.engine}`)
    expect(facts).toMatch(/本页 \d+ 个命令代码块：\d+ 个通过，\d+ 个失败/)
    await page.close()
  })

  it('search never shows pages of frozen releases', async () => {
    const page = await s.open('/')
    for (const q of ['镜像', '端口映射', 'docker run', '数据卷']) {
      const hrefs = await searchFor(page, q)
      expect(hrefs.length, q).toBeGreaterThan(0)
      expect(hrefs.filter((h) => h.includes('/v/')), q).toEqual([])
    }
    await page.close()
  })

  it('no console errors and no outside requests on the pages visited', () => {
    expect(s.errors).toEqual([])
    expect(s.blocked).toEqual([])
  })
})
