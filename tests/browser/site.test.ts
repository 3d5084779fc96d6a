/**
 * The built site in Debian chromium: rendering, navigation, diagrams, search, dark mode, phone
 * layout, copy buttons, 404, and — over every page visited — no console errors and no request
 * to any host but 127.0.0.1.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { isMermaidLibraryFile } from '../../core/diagrams/source'
import { baseUrl, inPool, painted, session, searchFor, type Session } from './helpers'

const DIST = DIST_DIR
/** Site paths of built pages containing at least one diagram, found in the output. */
function pagesWithDiagrams(): { route: string; count: number }[] {
  const out: { route: string; count: number }[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) { if (e.name !== 'assets' && e.name !== 'v') walk(p) }
      else if (e.name.endsWith('.html')) {
        const count = (fs.readFileSync(p, 'utf8').match(/class="mermaid-diagram"/g) ?? []).length
        if (count) out.push({ route: '/' + path.relative(DIST, p).replace(/index\.html$/, '').replace(/\.html$/, ''), count })
      }
    }
  }
  walk(DIST)
  return out
}

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

describe('site basics', () => {
  it('home page renders its hero, actions and features', async () => {
    const page = await s.open('/')
    await expect(page.locator('.VPHero .name').textContent()).resolves.toContain('Docker 知识库')
    expect(await page.locator('.VPHero .actions a').count()).toBeGreaterThanOrEqual(2)
    expect(await page.locator('.VPFeature').count()).toBeGreaterThanOrEqual(3)
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await page.close()
  })

  it('navigation: the nav leads to a section, with sidebar and prev/next links', async () => {
    const page = await s.open('/')
    await page.locator('.VPNavBarMenu a', { hasText: '入门' }).first().click()
    await page.waitForURL(/\/guide\/$/)
    await page.locator('.VPSidebar .VPSidebarItem').first().waitFor()
    expect(await page.locator('.VPSidebar .VPSidebarItem').count()).toBeGreaterThan(5)
    await page.locator('.VPDocFooter .pager-link.next').waitFor()
    const next = await page.locator('.VPDocFooter .pager-link.next').getAttribute('href')
    await page.locator('.VPDocFooter .pager-link.next').click()
    await page.waitForURL((u) => u.pathname === next)
    await page.locator('.VPDocFooter .pager-link.prev').waitFor()
    // edit link, "report a problem" pre-filled with the page URL, last updated from git
    expect(await page.locator('.VPDocFooter .edit-link a').getAttribute('href')).toContain('/edit/main/docs/')
    const report = await page.locator('.page-footer-links a').getAttribute('href')
    expect(decodeURIComponent(report!)).toContain(next!.replace(/^\//, ''))
    expect(await page.locator('.VPLastUpdated').count()).toBe(1)
    await page.close()
  })

  it('the language switch never leads to a 404', async () => {
    const page = await s.open('/guide/')
    const links = await page.locator('.VPNavBarTranslations a, .VPNavScreenTranslations a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links.length).toBeGreaterThan(0)
    for (const href of links) {
      const r = await page.request.get(new URL(href!, page.url()).href)
      expect(r.status(), href!).toBe(200)
    }
    await page.close()
  })

  it('unknown URLs get the 404 page with a way home', async () => {
    const page = await s.open('/no/such/page')
    await expect(page.locator('.NotFound .title').textContent()).resolves.toContain('页面未找到')
    expect(await page.locator('.NotFound a').getAttribute('href')).toBe('/')
    await page.close()
  })
})

describe('Mermaid diagrams', () => {
  it('every diagram is a static SVG in the page HTML, sized before anything loads (no layout shift)', async () => {
    const pages = pagesWithDiagrams()
    expect(pages.length).toBeGreaterThan(0)
    let rendered = 0
    // independent pages, a few at once in the one browser (inPool); each is checked exactly as before
    await inPool(pages, async ({ route, count }) => {
      const page = await s.open(route)
      await page.evaluate(() => {
        ;(window as any).__cls = 0
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value
        }).observe({ type: 'layout-shift', buffered: true })
      })
      // every box measured in one round trip (a handful per box before: 84 pages × ~7 CDP calls per
      // diagram): its visible SVGs, the SVG's intrinsic size, the box before and after it is scrolled
      // into view (scrollIntoView 'nearest' = Playwright's scrollIntoViewIfNeeded) and painted
      const boxes = await page.evaluate(async () => {
        const visible = (e: Element) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' }
        const out: { svgs: number; w: number; h: number; before: number; after: { width: number; height: number } }[] = []
        for (const box of document.querySelectorAll('.mermaid-box')) {
          const svgs = [...box.querySelectorAll('svg')].filter(visible)
          const before = box.getBoundingClientRect().height
          box.scrollIntoView({ block: 'nearest', inline: 'nearest' })
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
          const after = box.getBoundingClientRect()
          out.push({ svgs: svgs.length, w: Number(svgs[0]?.getAttribute('width')), h: Number(svgs[0]?.getAttribute('height')), before, after: { width: after.width, height: after.height } })
        }
        return out
      })
      expect(boxes.length, route).toBe(count)
      boxes.forEach(({ svgs, w, h, before, after }, i) => {
        expect(svgs, `${route} diagram ${i + 1} shows one SVG`).toBe(1)
        // intrinsic size from the build: the box has the SVG's aspect ratio before and after scrolling to it
        expect(w * h, `${route} diagram ${i + 1} has width/height`).toBeGreaterThan(0)
        expect(Math.abs(after.height - before), `${route} diagram ${i + 1} box height changed`).toBeLessThan(1)
        expect(Math.abs(after.height - (after.width * h) / w), `${route} diagram ${i + 1} box keeps the SVG's ratio`).toBeLessThan(2)
        rendered++
      })
      expect(await page.locator('.mermaid-error').count(), route).toBe(0)
      // the diagrams' own stability is asserted box by box above; this is the whole page's CLS,
      // which also counts late hydration elsewhere (0.02–0.09 seen on a loaded machine, never from a
      // diagram box): held to Web Vitals' "good" limit here, zero is tracked by the bench (#14)
      const cls = await page.evaluate(() => (window as any).__cls as number)
      expect(cls, `${route} CLS`).toBeLessThan(0.1)
      await page.close()
    })
    console.log(`static diagram SVGs checked: ${rendered} on ${pages.length} pages`)
    expect(rendered).toBeGreaterThanOrEqual(Number(process.env.MIN_DIAGRAMS ?? 12))
    // every page with a diagram (~45 pages, ~90 boxes): 120 s ran out beside the snippet step on
    // 2 cores, so this loop gets its own bound
  }, 600_000)

  it('a diagram has a text alternative for screen readers', async () => {
    const [first] = pagesWithDiagrams()
    const page = await s.open(first.route)
    const box = page.locator('figure.mermaid-diagram .mermaid-box').first()
    expect(await box.getAttribute('role')).toBe('img')
    expect((await box.getAttribute('aria-label'))!.length).toBeGreaterThan(5)
    expect((await page.locator('figure.mermaid-diagram figcaption').first().textContent())!.length).toBeGreaterThan(5)
    await page.close()
  })

  it('no page loads mermaid JavaScript; diagrams work without JavaScript and after in-app navigation', async () => {
    const withDiagram = pagesWithDiagrams()[0].route
    const js: string[] = []
    const page = await s.context.newPage()
    page.on('request', (r) => { if (r.url().endsWith('.js') && isMermaidLibraryFile(new URL(r.url()).pathname)) js.push(r.url()) })
    for (const route of ['/', '/guide/', withDiagram]) {
      await page.goto(baseUrl() + route, { waitUntil: 'networkidle' })
      await page.mouse.wheel(0, 20000)
      await painted(page)
    }
    expect(js).toEqual([])
    // in-app navigation (no server HTML for the new page): the component fetches the static SVG
    await page.goto(baseUrl() + '/', { waitUntil: 'networkidle' })
    await page.evaluate(() => { (window as any).__noReload = true })
    await page.evaluate((r) => {
      // a link click: VitePress's router intercepts it and renders the page on the client
      const a = document.createElement('a')
      a.href = r
      document.querySelector('#app')!.appendChild(a)
      a.click()
    }, withDiagram)
    await page.waitForURL((u) => u.pathname === withDiagram)
    await page.locator('.mermaid-box svg:visible').first().waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => (window as any).__noReload), 'navigated in the app, not by a page load').toBe(true)
    expect(js).toEqual([])
    await page.close()
    // without JavaScript: the SVG is in the HTML
    const nojs = await s.context.newPage()
    await nojs.route('**/*.js', (r) => r.abort())
    await nojs.goto(baseUrl() + withDiagram, { waitUntil: 'load' })
    expect(await nojs.locator('.mermaid-box svg:visible').count()).toBeGreaterThan(0)
    const box = (await nojs.locator('.mermaid-box svg:visible').first().boundingBox())!
    expect(box.width * box.height).toBeGreaterThan(1000)
    await nojs.close()
  })

  it('dark mode switches diagrams to the dark theme (CSS, no re-render)', async () => {
    const route = pagesWithDiagrams()[0].route
    const page = await s.open(route)
    await page.locator('.mermaid-box').first().scrollIntoViewIfNeeded()
    const fill = () => page.evaluate(() => {
      const svg = [...document.querySelectorAll('.mermaid-box svg')].find((x) => getComputedStyle(x).display !== 'none')!
      return getComputedStyle(svg.querySelector('.node rect, .node polygon, rect.actor, rect')!).fill
    })
    const light = await fill()
    await page.locator('.VPNavBarAppearance button, .VPSwitchAppearance').first().click()
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    const dark = await fill()
    expect(dark).not.toBe(light)
    const lum = (c: string) => { const [r, g, b] = c.match(/\d+/g)!.map(Number); return 0.299 * r + 0.587 * g + 0.114 * b }
    expect(lum(dark), `dark fill ${dark}`).toBeLessThan(lum(light))
    await page.locator('.VPNavBarAppearance button, .VPSwitchAppearance').first().click()
    await page.close()
  })
})

// each query opens its own page: at most POOL at once (vitest.config.ts maxConcurrency)
describe.concurrent('search', () => {
  const cases: [string, RegExp][] = [
    ['镜像', /./],
    ['端口映射', /port-mapping|network/],
    ['数据卷', /storage|volume/],
    ['docker run -p', /./],
  ]
  for (const [query, expected] of cases) {
    it(`finds "${query}"`, async ({ expect }) => {
      const page = await s.open('/')
      const hrefs = await searchFor(page, query)
      expect(hrefs.length, `no results for ${query}`).toBeGreaterThan(0)
      expect(hrefs.slice(0, 5).some((h) => expected.test(h)), `${query} → ${hrefs.slice(0, 5).join(', ')}`).toBe(true)
      await page.close()
    })
  }
})

describe('code blocks', () => {
  it('copying a console block takes only the commands', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
    expect(html).toBeTruthy()
    // find a built page with a console block
    const route = findRoute((h) => h.includes('language-console'))
    const page = await s.open(route)
    const block = page.locator('div.language-console').first()
    await block.scrollIntoViewIfNeeded()
    await block.hover()
    await block.locator('button.copy').click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    const source = await block.locator('pre').textContent()
    const commands = source!.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2))
    expect(copied.split('\n')[0]).toBe(commands[0])
    expect(copied).not.toContain('$ ')
    await page.close()
  })

  it('runnable and shown-only snippets are labelled', async () => {
    const route = findRoute((h) => h.includes('snippet--run'))
    const page = await s.open(route)
    expect(await page.locator('.snippet--run .snippet-badge').count()).toBeGreaterThan(0)
    await page.close()
  })
})

describe('phone-sized viewport', () => {
  it('has no horizontal scroll and the menu opens', async () => {
    const phone = await session({ viewport: { width: 375, height: 740 } })
    try {
      await inPool(['/', '/guide/', pagesWithDiagrams()[0].route], async (route) => {
        const page = await phone.open(route)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0)
        await page.close()
      })
      const page = await phone.open('/guide/')
      await page.locator('.VPLocalNav .menu, .VPNavBarHamburger').first().click()
      // fails (times out) when the menu never opens
      await page.locator('.VPSidebar.open, .VPNavScreen').first().waitFor({ state: 'attached', timeout: 10_000 })
      await page.close()
      expect(phone.errors).toEqual([])
      expect(phone.blocked).toEqual([])
    } finally {
      await phone.close()
    }
  })
})

describe('hygiene over every page visited above', () => {
  // the 404 test's own document answers 404 on purpose; the browser logs that as an error
  it('no console errors', () => expect(s.errors.filter((e) => !e.startsWith('/no/such/page: Failed to load resource'))).toEqual([]))
  it('no request to any host but 127.0.0.1', () => expect(s.blocked).toEqual([]))
})

function findRoute(test: (html: string) => boolean): string {
  let found: string | undefined
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (found) return
      const p = path.join(d, e.name)
      if (e.isDirectory()) { if (e.name !== 'assets') walk(p) }
      else if (e.name.endsWith('.html') && test(fs.readFileSync(p, 'utf8'))) found = '/' + path.relative(DIST, p).replace(/index\.html$/, '').replace(/\.html$/, '')
    }
  }
  walk(DIST)
  if (!found) throw new Error('no built page matches')
  return found
}
