/**
 * Lean pages (issue #14): what a page downloads at load, checked in the built site. Byte counts and
 * timings are the bench's (npm run weight, npm run bench); these checks do not depend on timing.
 *  - the home page's command finder: server-rendered, its code and command index load only when
 *    the reader moves to it or presses its key Alt+/ (theme/commands.ts);
 *  - per-page site data (core/site-data-scope.ts): a page carries only its language's and
 *    release's nav and sidebar, and a client-side navigation into another language or release
 *    still shows that page's own nav and sidebar, without reloading the page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRegistry } from '../../core/versions'
import { NW_MAX } from '../../.vitepress/plugins/narrow-text'
import { baseUrl, session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

/** Open a page, recording the paths of every request from the start. */
async function openRecording(path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await s.context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(new URL(r.url()).pathname))
  page.on('pageerror', (e) => s.errors.push(`${path}: ${e.message}`))
  await page.goto(baseUrl() + path, { waitUntil: 'networkidle' })
  return { page, requests }
}

const finderChunks = (requests: string[]) => requests.filter((p) => /\/CommandFinder[^/]*\.js$/.test(p))

describe('home page command finder', () => {
  it('loads its code only when the reader moves to it, then filters', async () => {
    const { page, requests } = await openRecording('/')
    expect(await page.locator('.command-finder a').count()).toBeGreaterThan(3) // the server HTML works without its code
    expect(finderChunks(requests)).toEqual([])
    // with JavaScript on, the no-JavaScript hint of the server HTML is not shown while the code is not loaded
    await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 15_000 })
    expect(await page.locator('.command-finder .cf-hint').isVisible()).toBe(false)
    await page.locator('.command-finder').hover()
    // the hydrated page enables the server-rendered box before any code loads (commands.ts), so an
    // enabled box does not mean the chunk was requested, and the request is issued a tick after the
    // hover: wait for the request itself
    await expect.poll(() => finderChunks(requests).length, { timeout: 15_000 }).toBeGreaterThan(0)
    const input = page.locator('.command-finder input:not([disabled])')
    await input.waitFor({ timeout: 15_000 })
    await input.fill('端口')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 10_000 }).toMatch(/找到 \d+ 条命令/)
    // the live hint (keys) is shown
    await expect.poll(() => page.locator('.command-finder .cf-hint').textContent(), { timeout: 10_000 }).toMatch(/聚焦/)
    expect(await page.locator('.command-finder .cf-hint').isVisible()).toBe(true)
    await page.close()
  })
  it('a keyboard reader reaches it with Tab, and what they type before its code arrives is kept', async () => {
    const { page, requests } = await openRecording('/')
    expect(finderChunks(requests)).toEqual([])
    // bounded: the home page has far fewer than 120 focusable elements before the finder
    let reached = false
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.classList.contains('cf-input') ?? false)
    }
    expect(reached, 'Tab never reached the finder box').toBe(true)
    await page.keyboard.type('删除容器')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 15_000 }).toMatch(/找到 \d+ 条命令/)
    expect(await page.locator('.command-finder input').inputValue()).toBe('删除容器')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('cf-input')
    await page.close()
  })
  it('a first click puts the cursor in the box, and what is typed right away is kept', async () => {
    const { page, requests } = await openRecording('/')
    expect(finderChunks(requests)).toEqual([])
    await page.locator('.command-finder input').scrollIntoViewIfNeeded()
    const box = (await page.locator('.command-finder input').boundingBox())!
    // one mouse move and click, as a reader's first click: no earlier hover has loaded the code
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.keyboard.type('删除容器')
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('删除容器')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 15_000 }).toMatch(/找到 \d+ 条命令/)
    await page.close()
  })
  it('what was typed is in the address: Back to the home page and a reload show the same results', async () => {
    const { page } = await openRecording('/')
    await page.locator('.command-finder').hover()
    const input = page.locator('.command-finder input:not([disabled])')
    await input.waitFor({ timeout: 15_000 })
    await input.fill('端口')
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('q')), { timeout: 10_000 }).toBe('端口')
    const first = page.locator('.command-finder a.cf-link').first()
    const firstHref = await first.getAttribute('href')
    await first.click()
    await page.waitForURL((u) => u.pathname !== '/', { timeout: 15_000 })
    await page.goBack()
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 })
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('端口')
    expect(await page.locator('.command-finder a.cf-link').first().getAttribute('href')).toBe(firstHref)
    // a reload (the first load of /?q=端口): the results come without moving to the finder
    await page.reload({ waitUntil: 'networkidle' })
    await expect.poll(() => page.locator('.command-finder input').inputValue(), { timeout: 15_000 }).toBe('端口')
    await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 10_000 }).toMatch(/找到 \d+ 条命令/)
    // clearing the box clears the address
    await page.locator('.command-finder input').fill('')
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toBe('')
    expect(s.errors).toEqual([])
    await page.close()
  })
  // finder19: "/" and Ctrl K open the site search on every page, as the nav bar shows; the finder
  // has its own key, Alt+/, shown in its box (docs/contribute/decisions.md)
  for (const path of ['/', '/cli/']) {
    it(`${path}: Alt+/ loads it and puts the cursor in the box; "/" opens the site search, as on every page`, async () => {
      const { page, requests } = await openRecording(path)
      expect(finderChunks(requests)).toEqual([])
      // the key is shown in the box, in the server HTML already
      expect(await page.locator('.command-finder .cf-kbd').textContent()).toBe('Alt /')
      expect(await page.locator('.command-finder input').getAttribute('aria-keyshortcuts')).toBe('Alt+/')
      await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 15_000 })
      const searchOpens = async () => {
        await page.waitForSelector('.VPLocalSearchBox input', { state: 'visible', timeout: 15_000 })
        await page.keyboard.press('Escape')
        await page.waitForSelector('.VPLocalSearchBox', { state: 'detached', timeout: 15_000 })
      }
      await page.keyboard.press('/')
      await searchOpens()
      expect(finderChunks(requests)).toEqual([]) // "/" is not the finder's key
      await page.keyboard.press('Alt+Slash')
      await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 15_000 }).toBe('cf-input')
      expect(await page.locator('.command-finder input').inputValue()).toBe('') // Alt+/ typed nothing
      // its focus ring is solid, 2 px and opaque (the translucent brand-soft ring was nearly invisible)
      const ring = await page.evaluate(() => { const cs = getComputedStyle(document.activeElement!); return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor } })
      expect(ring.style).toBe('solid')
      expect(ring.width).toBeGreaterThanOrEqual(2)
      expect(ring.color).toMatch(/^rgb\(/)
      // with the finder's code loaded: the same keys do the same
      await page.evaluate(() => (document.activeElement as HTMLElement).blur())
      await page.keyboard.press('/')
      await searchOpens()
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.keyboard.press('Alt+Slash')
      await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 15_000 }).toBe('cf-input')
      await page.keyboard.type('日志')
      await expect.poll(() => page.locator('.command-finder [role=status]').textContent(), { timeout: 10_000 }).toMatch(/找到 \d+ 条命令/)
      await expect.poll(() => page.locator('.command-finder .cf-hint').textContent(), { timeout: 10_000 }).toMatch(/Alt \+ \/ 聚焦（\/ 打开全站搜索）/)
      expect(s.errors).toEqual([])
      await page.close()
    })
  }
})

/** The inline site data of the open page (VitePress's window.__VP_SITE_DATA__). */
const siteData = (page: Page) => page.evaluate(() => (window as unknown as { __VP_SITE_DATA__: { locales: Record<string, { themeConfig?: { sidebar?: Record<string, unknown> } }> } }).__VP_SITE_DATA__)

/** Navigate client-side (VitePress's router handles the click) and wait for the target's sidebar. */
async function clientNavigate(page: Page, href: string, sidebarLink: string): Promise<void> {
  await page.evaluate((h) => {
    const a = document.createElement('a')
    a.href = h
    a.textContent = 'test link'
    document.querySelector('.vp-doc')!.append(a)
    a.click()
  }, href)
  await page.waitForFunction((p) => location.pathname === p, href, { timeout: 15_000 })
  await page.locator(`.VPSidebar a[href^="${sidebarLink}"]`).first().waitFor({ state: 'attached', timeout: 15_000 })
}

describe('per-page site data', () => {
  it('a Chinese page carries neither the English nav and sidebar nor a release\'s sidebar', async () => {
    const { page } = await openRecording('/guide/')
    const data = await siteData(page)
    expect(data.locales.en).toBeDefined() // the language menu's label and link
    expect(data.locales.en.themeConfig).toBeUndefined()
    expect(Object.keys(data.locales.root.themeConfig?.sidebar ?? {})).toEqual(['/'])
    await page.close()
  })
  it('a client-side navigation into English and into a release shows that page\'s own sidebar, without a reload', async () => {
    const { page, requests } = await openRecording('/guide/')
    await page.evaluate(() => { (window as unknown as { kbSamePage: boolean }).kbSamePage = true })
    await clientNavigate(page, '/en/guide/', '/en/')
    expect(requests.filter((p) => /\/assets\/site-data\.[\w-]+\.json$/.test(p))).toHaveLength(1)
    // a frozen release (versions.json); the site has one as long as a release was cut
    const release = readRegistry().versions[0]?.name
    expect(release, 'versions.json lists no release').toBeTruthy()
    await clientNavigate(page, `/v/${release}/guide/`, `/v/${release}/`)
    await clientNavigate(page, '/guide/', '/guide/')
    expect(await page.locator('.VPSidebar a[href^="/v/"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { kbSamePage?: boolean }).kbSamePage)).toBe(true)
    await page.close()
  })
})

/**
 * What the loaded page holds once hydrated: elements in the article, Vue components rendered inside
 * it (besides the page's own), marks that could have been one, and elements per verified badge.
 */
async function articleShape(page: Page) {
  await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 15_000 })
  return page.evaluate((nwMax) => {
    const doc = document.querySelector('.vp-doc')!
    // Vue's vnode tree from the app root (`_vnode` of the mount container): components whose root is in the article
    const components: string[] = []
    const stack: unknown[] = [(document.querySelector('#app') as unknown as { _vnode: unknown })._vnode]
    while (stack.length) {
      const v = stack.pop() as { component?: { subTree: unknown; type: { name?: string; __name?: string } }; children?: unknown; suspense?: { activeBranch: unknown } } | null
      if (!v || typeof v !== 'object') continue
      if (v.component) {
        // a component not rendered yet (async, or `v-if` before mount) has a comment node as its root;
        // the page's own component is the article's direct child
        const el = (v.component.subTree as { el?: Node } | null)?.el
        if (el instanceof Node && doc.contains(el) && el !== doc && el.parentElement !== doc) components.push(v.component.type.name ?? v.component.type.__name ?? '?')
        stack.push(v.component.subTree)
      }
      if (Array.isArray(v.children)) stack.push(...v.children)
      if (v.suspense) stack.push(v.suspense.activeBranch)
    }
    // two marks with only spaces between them that fit one (plugins/narrow-text.ts markCodeWords)
    const splitRuns = [...doc.querySelectorAll('span.nw')].filter((a) => {
      const gap = a.nextSibling
      const b = gap?.nextSibling
      return gap?.nodeType === Node.TEXT_NODE && /^\s+$/.test(gap.textContent ?? '') && b instanceof Element && b.matches('span.nw')
        && (a.textContent! + gap.textContent + b.textContent).length <= nwMax
    }).length
    const badges = doc.querySelectorAll('.snippet-badge').length
    return {
      elements: doc.getElementsByTagName('*').length,
      components,
      splitRuns,
      perBadge: badges ? doc.querySelectorAll('.snippet-badge, .snippet-badge *').length / badges : 0,
    }
  }, NW_MAX)
}

/**
 * The command reference and the glossary, the bench's heaviest pages (issue #14: 3506 and 3451
 * elements in the built HTML against 2610 and 2541 for stock VitePress on the same Markdown). The
 * shape checks do not depend on how much content the pages have:
 *  - no Vue component inside a command entry: the copy buttons are static HTML with one listener
 *    (theme/command-copy.ts); they were 24 async components (48 instances) on /cli/container;
 *  - no two no-break marks that fit one (`-d, --detach`: 174 span.nw on /cli/container, now 97);
 *  - badges: at most 10 elements per badge of a code block, on average over all its kinds (a
 *    verified badge is 9 or 10 with the stand-in images link, an unverified one is 1): 12.3 on
 *    /cli/container with a separator span before each fact of the details, 8.8 without.
 * And a bound on the article's elements after hydration: the size measured when this markup was
 * cut (2026-12-01, MEASURED) plus 3 %, room for a few new entries or examples. The markup before the
 * cut (2912, 2916, 2720 and 2817 elements) is 8 to 12 % over MEASURED: markup that grows back per
 * entry or per code block fails, and so does a page that grew enough to look at again.
 */
const MEASURED: Record<string, number> = { '/cli/container': 2699, '/en/cli/container': 2703, '/glossary/': 2439, '/en/glossary/': 2531 }
const MAX_ELEMENTS = Object.fromEntries(Object.entries(MEASURED).map(([route, n]) => [route, Math.floor(n * 1.03)]))

describe('command reference and glossary: lean markup', () => {
  for (const [route, max] of Object.entries(MAX_ELEMENTS)) {
    it(`${route}: at most ${max} elements in the article, no component in its entries, no split marks, lean badges`, async () => {
      const { page, requests } = await openRecording(route)
      const shape = await articleShape(page)
      expect(shape.elements, 'elements in the article').toBeLessThanOrEqual(max)
      // the glossary's tag filter (async: its wrapper, then itself once loaded) is the one component the glossary article has
      const allowed = route.includes('glossary') ? ['AsyncComponentWrapper', 'GlossaryFilter'] : []
      expect(shape.components.length, `Vue components inside the article: ${shape.components.join(', ')}`).toBeLessThanOrEqual(allowed.length)
      expect(shape.components.filter((c) => !allowed.includes(c)), 'Vue components inside the article').toEqual([])
      expect(requests.filter((p) => /\/CommandCopy[^/]*\.js$/.test(p))).toEqual([])
      expect(shape.splitRuns, 'span.nw pairs that fit one mark').toBe(0)
      expect(shape.perBadge, 'elements per badge').toBeLessThanOrEqual(10)
      await page.close()
    })
  }
})

/**
 * What the first paint waits for (issue #14, decisions.md "首屏的关键路径"): the HTML and the
 * stylesheet only. The page's module scripts (entry and modulepreloads) are fetched at Low priority
 * (.vitepress/config/load-priority.ts): at High, Lighthouse counted the whole ~80 KB bundle as
 * render-blocking. The diagram component's chunk is not fetched at load at all (its SVG is in the
 * server HTML; theme/index.ts): a script-started High request that put the bundle back on the
 * diagram pages' first-paint path. Priorities are the browser's own (CDP `initialPriority`).
 */
describe('first paint: only HTML and CSS at high priority', () => {
  for (const route of ['/network/port-mapping', '/cli/container', '/']) {
    it(`${route}: stylesheet VeryHigh, every script fetched at load Low, no diagram chunk`, async () => {
      const page = await s.context.newPage()
      page.on('pageerror', (e) => s.errors.push(`${route}: ${e.message}`))
      const cdp = await s.context.newCDPSession(page)
      await cdp.send('Network.enable')
      const seen: { url: string; type: string; priority: string }[] = []
      cdp.on('Network.requestWillBeSent', (e) => seen.push({ url: new URL(e.request.url, baseUrl()).pathname, type: e.type ?? '', priority: e.request.initialPriority }))
      await page.goto(baseUrl() + route, { waitUntil: 'networkidle' })
      await cdp.detach()
      const css = seen.filter((r) => r.type === 'Stylesheet' && /\/assets\/style\.[\w-]+\.css$/.test(r.url))
      expect(css.map((r) => r.priority), 'the site stylesheet').toEqual(['VeryHigh'])
      const scripts = seen.filter((r) => r.type === 'Script')
      // the entry, theme, framework and the page's chunk at least
      expect(scripts.length, 'scripts fetched at load').toBeGreaterThanOrEqual(4)
      expect(scripts.filter((r) => r.priority !== 'Low'), 'scripts fetched at load above Low priority').toEqual([])
      expect(seen.filter((r) => /\/MermaidDiagram[^/]*\.js$/.test(r.url)), 'the diagram chunk').toEqual([])
      if (route === '/network/port-mapping') expect(await page.locator('.mermaid-box svg:visible').count(), 'diagram shown').toBeGreaterThan(0)
      await page.close()
    })
  }
})

describe('no errors', () => {
  it('no page error on any page visited here', () => {
    expect(s.errors).toEqual([])
  })
})
