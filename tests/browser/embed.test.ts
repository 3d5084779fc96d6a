/**
 * Embedding from another site. A course page (tests/fixtures/course-page) is served from a second
 * 127.0.0.1 port — a different origin — and embeds a latest page and a page of the newest frozen
 * release. Checks: the iframes show content without site chrome, resize to their content from the
 * height messages (public/embed.js), the host page never navigates, nothing but 127.0.0.1 is
 * requested, and the embeds keep working with the network off. Then the embed parts on their
 * own: a section, a glossary term card, one code block, a missing part; and no frame-blocking
 * headers or meta tags in the output.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import { DIST_DIR, resolveFile, serveStatic, type Served } from '../../scripts/lib/static-server'
import { launchShared } from '../../core/browser'
import { CARTRIDGE_DIR, cartridgeName } from '../../core/cartridge'
import { checkCartridge } from '../../scripts/lib/cartridge-check'
import { DEFAULT_HEIGHT, embedSrc, iframeCode, parseEmbedParams, type EmbedPart } from '../../.vitepress/theme/embed'
import { SITE } from '../../.vitepress/config/site'
import { baseUrl, painted, session, type Session } from './helpers'

const DIST = DIST_DIR // KB_DIST or .vitepress/dist, the build the tests serve
const FIXTURE = 'tests/fixtures/course-page/index.html'

function newestRelease(): string {
  const file = 'versions.json'
  const latest = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')).latest as string | null) : null
  if (!latest) throw new Error('versions.json names no release: cut one with `npm run version:cut -- <name>` (the embed test embeds a frozen page)')
  if (!fs.existsSync(path.join(DIST, 'v', latest, 'guide/first-container.html'))) throw new Error(`the build has no /v/${latest}/guide/first-container: build after cutting`)
  return latest
}

/** ids of the h2 headings of a built page */
function headingIds(route: string, tag = 'h2'): string[] {
  const html = fs.readFileSync(path.join(DIST, `${route}.html`), 'utf8')
  return [...html.matchAll(new RegExp(`<${tag} id="([^"]+)"`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'))
}

let s: Session
let host: Served
let hostDir: string
let release: string
const requests: string[] = []
const failed: string[] = []
const errors: string[] = []

beforeAll(async () => {
  release = newestRelease()
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-course-'))
  const html = fs.readFileSync(FIXTURE, 'utf8').replaceAll('__SITE__', baseUrl()).replaceAll('__VERSION__', release)
  fs.writeFileSync(path.join(hostDir, 'index.html'), html)
  host = await serveStatic(hostDir)
  s = await session()
  s.context.on('request', (r) => requests.push(r.url()))
  s.context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`))
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  // host: record the messages it receives; embeds: count message listeners (there must be none)
  await s.context.addInitScript(() => {
    const w = window as unknown as { __kbMessages: unknown[]; __kbMessageListeners: number }
    if (window.top === window) {
      w.__kbMessages = []
      window.addEventListener('message', (e) => w.__kbMessages.push({ origin: e.origin, data: e.data }))
    } else {
      w.__kbMessageListeners = 0
      const add = window.addEventListener.bind(window)
      window.addEventListener = ((type: string, ...rest: never[]) => {
        if (type === 'message') w.__kbMessageListeners++
        return (add as (...a: unknown[]) => void)(type, ...rest)
      }) as typeof window.addEventListener
    }
  })
})
afterAll(async () => {
  await s?.close()
  await host?.close()
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true })
})

/** Site chrome that takes up space on the page (must be none in an embed). */
function chromeShown(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    ['.VPNav', '.VPLocalNav', '.VPSidebar', '.VPDoc .aside', '.VPDocFooter', '.VPFooter', '.kb-version-banner', '.kb-embed-action']
      .filter((sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0)),
  )
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`)
  const frame = await handle.contentFrame()
  if (!frame) throw new Error(`iframe#${id} has no frame`)
  await frame.waitForSelector('html.kb-embed-ready', { state: 'attached', timeout: 20_000 })
  return frame
}

/**
 * Scroll the course page so that an element inside an embed is on screen. (Chromium throttles
 * rendering in cross-origin iframes that are off screen, so Playwright's own scrolling from inside
 * the frame never sees the element "stable".)
 */
async function reveal(page: Page, id: string, frame: Frame, selector: string): Promise<void> {
  const top = await frame.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top)
  await page.evaluate(({ id, top }) => window.scrollTo(0, document.getElementById(id)!.getBoundingClientRect().top + window.scrollY + top - 100), { id, top })
  await painted(page)
  await painted(frame)
}

/** Wait until the iframe's height equals the last height its embed posted (and return it). */
async function syncedHeight(page: Page, id: string, min = 0): Promise<number> {
  await page.waitForFunction(
    ({ id, min }) => {
      const f = document.getElementById(id) as HTMLIFrameElement
      const msgs = (window as unknown as { __kbMessages: { data: { id?: string; height?: number } }[] }).__kbMessages
      const last = [...msgs].reverse().find((m) => m.data?.id === f.src.match(/id=([^&]+)/)?.[1])
      return !!last && last.data.height! > min && Math.abs(f.clientHeight - last.data.height!) <= 1
    },
    { id, min },
    { timeout: 15_000 },
  )
  return page.evaluate((id) => (document.getElementById(id) as HTMLIFrameElement).clientHeight, id)
}

describe('a course page on another origin embeds two pages', () => {
  let page: Page
  let hostUrl: string
  let hostNavigations = 0

  beforeAll(async () => {
    page = await s.context.newPage()
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`course page: ${m.text()}`) })
    page.on('pageerror', (e) => errors.push(`course page: ${e.message}`))
    // 'load' waits for both iframes' documents; 'networkidle' (no request for 500 ms) can time out
    // on a loaded machine while two embeds keep loading chunks. Each test waits for what it checks.
    await page.goto(host.url + '/', { waitUntil: 'load', timeout: 60_000 })
    hostUrl = page.url()
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) hostNavigations++ })
  })
  afterAll(async () => { await page?.close() })

  it('is served from a different origin than the site', () => {
    expect(new URL(host.url).origin).not.toBe(new URL(baseUrl()).origin)
  })

  for (const [id, route] of [['latest', '/guide/why'], ['versioned', '/v/<release>/guide/first-container']] as const) {
    it(`${id}: shows the page content without nav, sidebar, outline or footer`, async () => {
      const frame = await frameOf(page, id)
      expect(new URL(frame.url()).pathname).toBe(route.replace('<release>', release))
      expect((await frame.locator('.vp-doc h1').first().textContent())!.trim().length).toBeGreaterThan(1)
      expect(await frame.locator('.vp-doc p:visible').count()).toBeGreaterThan(2)
      expect(await chromeShown(frame)).toEqual([])
      const open = frame.locator('a.kb-embed-open')
      expect(await open.getAttribute('target')).toBe('_blank')
      expect(await open.getAttribute('rel')).toContain('noopener')
      expect(await open.getAttribute('href')).toBe(route.replace('<release>', release))
    })

    it(`${id}: the iframe grows to its content's height, from the embed's own messages`, async () => {
      const height = await syncedHeight(page, id, 400)
      expect(height).toBeGreaterThan(400) // the iframe started at 150px
      const frame = await frameOf(page, id)
      // the content fits: nothing to scroll inside the iframe
      expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1)
      const origins = await page.evaluate(() => (window as unknown as { __kbMessages: { origin: string; data: { type: string } }[] }).__kbMessages.filter((m) => m.data?.type === 'docker-kb:height').map((m) => m.origin))
      expect(new Set(origins)).toEqual(new Set([new URL(baseUrl()).origin]))
    })
  }

  it('follows the requested colours: the versioned embed asked for theme=dark', async () => {
    const versioned = await frameOf(page, 'versioned')
    expect(await versioned.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    expect(await (await frameOf(page, 'latest')).evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false)
    // components that follow the colour scheme (diagrams) got it too, not just the page background
    await reveal(page, 'versioned', versioned, '.mermaid-box')
    const rect = versioned.locator('.mermaid-box[data-rendered="true"] svg rect').first()
    await rect.waitFor({ state: 'attached', timeout: 20_000 })
    const fill = await rect.evaluate((r) => getComputedStyle(r).fill)
    const [red, green, blue] = fill.match(/\d+/g)!.map(Number)
    expect(0.299 * red + 0.587 * green + 0.114 * blue, `diagram fill ${fill}`).toBeLessThan(128)
    await page.evaluate(() => window.scrollTo(0, 0))
  })

  it('the embeds listen for nothing but H5P handshake replies (one listener, in the head script)', async () => {
    for (const id of ['latest', 'versioned']) {
      expect(await (await frameOf(page, id)).evaluate(() => (window as unknown as { __kbMessageListeners: number }).__kbMessageListeners), id).toBe(1)
    }
  })

  it('keeps working offline: reflow, resize, in-page links and copy buttons need no network', async () => {
    // "after load": scroll the course page once, so lazily loaded parts (diagrams, link prefetch)
    // have loaded while online, as they would for a reader who scrolled through the lesson
    await page.evaluate(() => window.scrollTo(0, 0))
    for (let y = 0; y < 30; y++) {
      await page.mouse.wheel(0, 600)
      await painted(page)
    }
    for (const id of ['latest', 'versioned']) {
      await (await frameOf(page, id)).waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.getAttribute('data-rendered') === 'true'), undefined, { timeout: 20_000 })
    }
    // every document loaded (not 'networkidle', which two live embeds may never reach on a loaded machine)
    for (const f of page.frames()) await f.waitForLoadState('load')
    await page.evaluate(() => window.scrollTo(0, 0))
    const sizeBefore = await syncedHeight(page, 'latest')
    const failedBefore = failed.length
    const requestsBefore = requests.length
    await s.context.setOffline(true)
    try {
      await page.setViewportSize({ width: 420, height: 800 })
      const narrow = await syncedHeight(page, 'latest', sizeBefore + 50)
      expect(narrow).toBeGreaterThan(sizeBefore)
      const latest = await frameOf(page, 'latest')
      await reveal(page, 'latest', latest, '.vp-doc h2')
      await latest.locator('.vp-doc h2 a.header-anchor').first().click()
      // the router sets the hash after the click's event handlers; Playwright's frame.url() follows
      // an event of its own, so wait (bounded) for the frame's own location instead of reading frame.url() at once
      await latest.waitForFunction(() => location.hash.length > 1, undefined, { timeout: 10_000 })
      const versioned = await frameOf(page, 'versioned')
      const block = versioned.locator('.vp-doc div[class*="language-"]').first()
      await reveal(page, 'versioned', versioned, '.vp-doc div[class*="language-"]')
      await block.hover()
      // a sentinel first, so that an earlier copy cannot pass for this one; the copy button writes
      // the clipboard asynchronously, after the click returns: poll (bounded), as copy.test.ts does
      await page.evaluate(() => navigator.clipboard.writeText('\u0000'))
      await block.locator('button.copy').click()
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).not.toBe('\u0000')
      expect((await page.evaluate(() => navigator.clipboard.readText())).trim().length).toBeGreaterThan(0)
      // VitePress prefetches the chunks of linked pages as their links scroll into view
      // (<link rel="prefetch">, vitepress/dist/client/app/composables/preFetch.js). One that starts
      // while offline fails harmlessly: the reader asked for nothing. Every other request counts.
      const prefetched = new Set<string>()
      for (const f of page.frames()) {
        for (const href of await f.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href))) prefetched.add(href)
      }
      const needed = (u: string) => !prefetched.has(u.replace(/ \(.*\)$/, ''))
      expect(failed.slice(failedBefore).filter(needed), 'requests failed while offline').toEqual([])
      expect(requests.slice(requestsBefore).filter(needed), 'requests while offline').toEqual([])
    } finally {
      await s.context.setOffline(false)
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('links inside an embed navigate the iframe only; "在站点中打开" opens a new tab', async () => {
    const frame = await frameOf(page, 'latest')
    const selector = '.vp-doc a[href^="/guide/"]:not(.header-anchor)'
    const link = frame.locator(selector).first()
    const href = await link.getAttribute('href')
    await reveal(page, 'latest', frame, selector)
    await link.click()
    await frame.waitForURL((u) => u.pathname === href!.split('#')[0])
    // the router changes the URL first, then renders the new page
    await frame.locator(`a.kb-embed-open[href="${href!.split('#')[0]}"]`).waitFor()
    expect(await frame.locator('.vp-doc h1:visible').count()).toBe(1)
    expect(await chromeShown(frame)).toEqual([])
    expect(await frame.locator('a.kb-embed-open').getAttribute('href')).toBe(href!.split('#')[0])
    await reveal(page, 'latest', frame, 'a.kb-embed-open')
    const [tab] = await Promise.all([s.context.waitForEvent('page'), frame.locator('a.kb-embed-open').click()])
    await tab.waitForLoadState()
    expect(tab.url()).toBe(baseUrl() + href!.split('#')[0])
    await tab.close()
    expect(page.url()).toBe(hostUrl)
    expect(hostNavigations).toBe(0)
  })

  it('requested nothing but 127.0.0.1, and logged no errors', () => {
    expect(s.blocked).toEqual([])
    expect(requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u))).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('embedding a part of a page', () => {
  const visible = (page: Page, sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)

  it('a section: the heading and its content only, by #anchor or section=', async () => {
    const ids = headingIds('guide/why')
    expect(ids.length).toBeGreaterThan(1)
    for (const query of [`?embed=1#${encodeURIComponent(ids[1])}`, `?embed=1&section=${encodeURIComponent(ids[1])}`]) {
      const page = await s.open(`/guide/why${query}`)
      await page.waitForSelector('html.kb-embed-ready', { state: 'attached' })
      expect(await visible(page, '.vp-doc h2')).toBe(1)
      expect(await page.locator('.vp-doc h2:visible').getAttribute('id')).toBe(ids[1])
      expect(await visible(page, '.vp-doc h1')).toBe(0)
      expect(await page.locator('.kb-embed-bar').textContent()).toContain('摘自')
      await page.close()
    }
  })

  it('a glossary term card', async () => {
    const html = fs.readFileSync(path.join(DIST, 'glossary/index.html'), 'utf8')
    const term = /class="glossary-entry"[\s\S]*?<h3 id="([^"]+)"/.exec(html)?.[1]
    if (!term) throw new Error('the built glossary has no term entries')
    const page = await s.open(`/glossary/?embed=1&term=${term}`)
    await page.waitForSelector('html.kb-embed-ready', { state: 'attached' })
    expect(await visible(page, '.glossary-entry')).toBe(1)
    expect(await page.locator('.glossary-entry:visible h3').getAttribute('id')).toBe(term)
    expect(await visible(page, '.vp-doc h1')).toBe(0)
    await page.close()
  })

  it('one code block, with a working copy button', async () => {
    const html = fs.readFileSync(path.join(DIST, 'guide/first-container.html'), 'utf8')
    const line = /data-embed-line="(\d+)"[^>]*class="snippet snippet--run/.exec(html)?.[1] ?? /data-embed-line="(\d+)"/.exec(html)?.[1]
    expect(line).toBeTruthy()
    const page = await s.open(`/guide/first-container?embed=1&snippet=${line}`)
    await page.waitForSelector('html.kb-embed-ready', { state: 'attached' })
    expect(await visible(page, '.vp-doc div[class*="language-"]')).toBe(1)
    expect(await visible(page, '.vp-doc h1, .vp-doc h2, .vp-doc > div > p')).toBe(0)
    const block = page.locator('.vp-doc div[class*="language-"]:visible')
    await block.hover()
    await block.locator('button.copy').click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.trim().length).toBeGreaterThan(0)
    expect((await block.locator('pre').textContent())!).toContain(copied.split('\n')[0])
    await page.close()
  })

  it('a part that is not on the page: the whole page, with a note', async () => {
    const page = await s.open('/guide/why?embed=1&section=no-such-heading')
    await page.waitForSelector('html.kb-embed-ready', { state: 'attached' })
    expect(await page.locator('.kb-embed-missing').textContent()).toContain('no-such-heading')
    expect(await visible(page, '.vp-doc h2')).toBeGreaterThan(1)
    await page.close()
  })

  // an outside reviewer (session 20): the zh table's example `section=常见问题` named no heading
  // of /network/port-mapping (its id is 常见写法), so the example showed the whole page with a
  // note; the en table's `snippet=33` was the zh page's line (the en code block opens on line 34)
  it('every example embed URL on /about/embed (zh, en) names a section, term or code block the build has', () => {
    let checked = 0
    for (const file of ['docs/about/embed.md', 'docs/en/about/embed.md']) {
      const lines = fs.readFileSync(file, 'utf8').split('\n')
      lines.forEach((text, i) => {
        for (const m of text.matchAll(/(?:https:\/\/[^/\s`"]+)?(\/[^\s`"?#]*)\?embed=1[^\s`"]*/g)) {
          const url = new URL(m[0], 'https://x')
          const p = parseEmbedParams(url.search, url.hash)!
          if (!p.section && !p.term && !p.snippet) continue
          const route = url.pathname
          const built = path.join(DIST, route.endsWith('/') ? `${route}index.html` : `${route}.html`)
          const where = `${file}:${i + 1} (${m[0]})`
          if (!fs.existsSync(built)) throw new Error(`${where}: the build has no page ${route}`)
          const html = fs.readFileSync(built, 'utf8')
          const escaped = (id: string) => id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
          if (p.section) expect([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].some((h) => h[1] === escaped(p.section!)), `${where}: no heading with id "${p.section}"`).toBe(true)
          if (p.term) expect(html.includes(`id="${escaped(p.term)}"`), `${where}: no term "${p.term}"`).toBe(true)
          if (p.snippet) expect(html.includes(`data-embed-line="${p.snippet}"`), `${where}: no code block at line ${p.snippet}`).toBe(true)
          checked++
        }
      })
    }
    // the tables give a section, a term and a code block example in each language
    expect(checked).toBeGreaterThanOrEqual(6)
  })

  it('no console errors in the embeds opened directly', () => expect(s.errors).toEqual([]))
})

// An outside reviewer (session 20): with the default embed code and no sandbox, a term card and a
// section embedded from another origin kept the whole page's height (term=volume: iframe 72441 px
// for 1089 px of content at 375 px) — the first height went out before the part was isolated, and
// the frames were off screen (below a tall first frame), where Chromium throttles the rendering of
// cross-origin frames, so no ResizeObserver callback ever sent the smaller height.
describe('part embeds on another origin take the part\'s height, not the page\'s', () => {
  const PARTS: [string, EmbedPart][] = [
    ['/help/troubleshooting', { kind: 'section', value: 'timezone' }],
    ['/glossary/', { kind: 'term', value: 'volume' }],
  ]
  const WIDTHS: [string, { width: number; height: number }][] = [['phone', { width: 375, height: 740 }], ['desktop', { width: 1280, height: 800 }]]

  for (const [label, viewport] of WIDTHS) {
    it(`${label} width: sandboxed and unsandboxed iframes, term and section, off screen at load`, async () => {
      for (const [route, part] of PARTS) {
        const html = fs.readFileSync(path.join(DIST, route.endsWith('/') ? `${route}index.html` : `${route}.html`), 'utf8')
        if (!html.includes(`id="${part.value}"`)) throw new Error(`the build has no #${part.value} on ${route}: pick another ${part.kind}`)
      }
      // the embed code the site hands out (iframeCode), once per part and sandbox; loading="lazy"
      // removed so that every frame loads at once and all but the first stay off screen
      const frames: { id: string; src: string; code: string }[] = []
      PARTS.forEach(([route, part], i) => {
        const code = iframeCode(embedSrc(baseUrl(), route, { part }), `part ${i}`, DEFAULT_HEIGHT.part).split('\n')
        frames.push({ id: `S${i}`, src: embedSrc(baseUrl(), route, { part }), code: code[0].replace('<iframe ', `<iframe id="S${i}" sandbox="allow-scripts" `) })
        frames.push({ id: `U${i}`, src: embedSrc(baseUrl(), route, { part }), code: code[0].replace('<iframe ', `<iframe id="U${i}" `) })
      })
      const script = iframeCode(embedSrc(baseUrl(), '/'), 'x').split('\n')[1]
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-parts-'))
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body>\n${frames.map((f) => f.code.replace(' loading="lazy"', '')).join('\n')}\n${script}\n</body></html>`,
      )
      const server = await serveStatic(dir)
      const page = await s.context.newPage()
      try {
        await page.setViewportSize(viewport)
        await page.goto(server.url + '/', { waitUntil: 'load', timeout: 60_000 })
        const measure = async (id: string): Promise<[number, number]> => {
          const frame = await frameOf(page, id)
          const content = await frame.evaluate(() => document.querySelector('.Layout')!.getBoundingClientRect().height)
          const iframe = await page.locator(`iframe#${id}`).evaluate((f) => f.getBoundingClientRect().height)
          return [iframe, content]
        }
        for (const { id, src } of frames) {
          // frameOf waited for kb-embed-ready; then the height must follow within a bounded wait
          let last = await measure(id)
          const deadline = Date.now() + 10_000
          for (let i = 0; i < 200 && Date.now() < deadline && Math.abs(last[0] - last[1]) > 2; i++) {
            await page.waitForTimeout(50)
            last = await measure(id)
          }
          expect(Math.abs(last[0] - last[1]), `${label} ${id} (${src}): iframe ${last[0]} px, content ${last[1]} px`).toBeLessThanOrEqual(2)
        }
      } finally {
        await page.close()
        await server.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})

describe('nothing blocks framing', () => {
  it('no X-Frame-Options or frame-ancestors, in headers or meta tags', async () => {
    for (const route of ['/guide/why?embed=1', `/v/${release}/guide/first-container?embed=1`]) {
      const r = await fetch(baseUrl() + route)
      expect(r.status).toBe(200)
      expect(r.headers.get('x-frame-options')).toBeNull()
      expect(r.headers.get('content-security-policy') ?? '').not.toMatch(/frame-ancestors/)
      const html = await r.text()
      expect(html).not.toMatch(/http-equiv=["']?(x-frame-options|content-security-policy)/i)
      expect(html).toContain('id="kb-embed-mode"')
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Real course platforms (tests/fixtures/hosts): each host page is served from its own 127.0.0.1
// port and gets the embed code the site hands out, transformed as that platform transforms it.

const HOSTS = 'tests/fixtures/hosts'
const FRAME_ROUTE = '/guide/first-container'

/** What Canvas's sanitiser leaves of pasted HTML: no <script>, no iframe `allow`. */
const canvasStrip = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/\sallow="[^"]*"/gi, '')
const stripScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
const sandboxed = (html: string) => html.replace('<iframe ', '<iframe sandbox="allow-scripts allow-popups" ')

/** the chromium of every openHost run, started by the first */
let hosts: ReturnType<typeof launchShared> | undefined
afterAll(async () => { await (await hosts)?.close() })

interface HostRun {
  page: Page
  frame: Frame
  consoleErrors: { text: string; url: string }[]
  pageErrors: string[]
  requests: string[]
  blocked: string[]
  close(): Promise<void>
}

/**
 * Serve `fixture` (with the embed code of FRAME_ROUTE from `site`, passed through `transform`) on a
' * new port and open it in a fresh browser context; waits until the iframe's document has loaded.
 */
async function openHost(fixture: string, site: string, transform: (code: string) => string, opts: { javaScriptEnabled?: boolean; theme?: 'dark'; part?: EmbedPart } = {}): Promise<HostRun> {
  const code = iframeCode(embedSrc(site, FRAME_ROUTE, { theme: opts.theme, part: opts.part }), 'Docker 知识库：运行第一个容器', opts.part ? DEFAULT_HEIGHT.part : DEFAULT_HEIGHT.page)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-host-'))
  const html = fs.readFileSync(path.join(HOSTS, fixture), 'utf8').replaceAll('__SITE__', site).replace('__CODE__', transform(code))
  fs.writeFileSync(path.join(dir, 'index.html'), html)
  const hostServer = await serveStatic(dir)
  // a fresh context per run in one chromium for the file (a chromium per run cost 8 more starts)
  const b = await (hosts ??= launchShared()).then((h) => h.open({ javaScriptEnabled: opts.javaScriptEnabled }))
  const run: Partial<HostRun> = { consoleErrors: [], pageErrors: [], requests: [], blocked: b.blocked }
  const close = async () => {
    await b.close()
    await hostServer.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    b.context.on('request', (r) => run.requests!.push(r.url()))
    const page = await b.context.newPage()
    page.on('console', (m) => { if (m.type() === 'error') run.consoleErrors!.push({ text: m.text(), url: m.location().url }) })
    page.on('pageerror', (e) => run.pageErrors!.push(e.message))
    await page.goto(hostServer.url + '/', { waitUntil: 'load' })
    const handle = await page.waitForSelector('iframe', { state: 'attached' })
    const frame = await handle.contentFrame()
    if (!frame) throw new Error(`${fixture}: the iframe has no document`)
    await frame.waitForLoadState('load')
    return Object.assign(run, { page, frame, close }) as HostRun
  } catch (e) {
    await close()
    throw e
  }
}

/** The embed shows the page's text and none of the site chrome. */
async function expectContentWithoutChrome(frame: Frame) {
  const h1 = frame.locator('.vp-doc h1').first()
  await h1.waitFor({ state: 'visible', timeout: 10_000 })
  expect((await h1.textContent())!.trim().length).toBeGreaterThan(1)
  expect(await frame.locator('.vp-doc p:visible').count()).toBeGreaterThan(2)
  for (const sel of ['.VPNav', '.VPLocalNav', '.VPSidebar', '.VPDoc .aside', '.VPDocFooter', '.VPFooter', '.kb-embed-action']) {
    expect(await frame.locator(`${sel}:visible`).count(), sel).toBe(0)
  }
  // the footer: provenance and a visible "open on the site" link to the page itself
  const open = frame.locator('a.kb-embed-open')
  expect(await open.isVisible()).toBe(true)
  expect(await open.getAttribute('href')).toBe(FRAME_ROUTE)
  expect(await open.textContent()).toContain(FRAME_ROUTE)
  expect(await frame.locator('.kb-embed-source').textContent()).toMatch(/Docker 知识库 · 最新版/)
}

/**
 * Within 2 s, the iframe's height is within 10 px of the embedded content's height, the content
 * is taller than the frame's initial height, and nothing scrolls inside the frame.
 * @returns [iframe height, content height]
 */
async function expectSized(run: HostRun, initial: number): Promise<[number, number]> {
  const measure = async (): Promise<[number, number, number]> => {
    const frameHeight = await run.page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)
    const box = await run.frame.locator('.Layout').boundingBox()
    const overflow = await run.frame.locator('html').evaluate((h) => h.scrollHeight - h.clientHeight)
    return [frameHeight, box?.height ?? 0, overflow]
  }
  const deadline = Date.now() + 2_000
  let last = await measure()
  for (let i = 0; i < 200 && Date.now() < deadline; i++) {
    if (Math.abs(last[0] - last[1]) <= 10 && last[2] <= 10) break
    await run.page.waitForTimeout(50)
    last = await measure()
  }
  expect(Math.abs(last[0] - last[1]), `iframe ${last[0]}px, content ${last[1]}px`).toBeLessThanOrEqual(10)
  expect(last[2], 'content scrolls inside the frame').toBeLessThanOrEqual(10)
  expect(last[1]).toBeGreaterThan(initial + 100)
  return [last[0], last[1]]
}

function expectOnlyLocalRequests(run: HostRun) {
  expect(run.blocked).toEqual([])
  expect(run.requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u))).toEqual([])
}

describe('course platforms', () => {
  it('(a) Canvas: scripts and `allow` stripped; lti.frameResize sizes the frame; copying falls back to select + hint', async () => {
    const run = await openHost('canvas.html', baseUrl(), canvasStrip)
    try {
      const iframe = run.page.locator('iframe')
      expect(await iframe.getAttribute('allow')).toBeNull()
      expect(await run.page.locator('script[src]').count()).toBe(0)
      // the plain link after the iframe survived
      expect(await run.page.locator(`.user_content a[href="${baseUrl()}${FRAME_ROUTE}"]`).count()).toBe(1)
      await expectContentWithoutChrome(run.frame)
      await expectSized(run, DEFAULT_HEIGHT.page)
      // copy without clipboard permission: the Clipboard API rejects (no `allow`); the legacy
      // execCommand path is made to fail too, so the last resort shows
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      const block = run.frame.locator('.vp-doc div[class*="language-"]').first()
      await block.scrollIntoViewIfNeeded()
      await block.hover()
      // as the browser does it: either the legacy copy works or the hint shows; no error either way
      await block.locator('button.copy').click()
      await run.frame.waitForFunction(() => !!document.querySelector('.vp-doc button.copy.copied, .vp-doc .kb-copy-hint'), undefined, { timeout: 2_000 })
      await run.frame.evaluate(() => document.querySelectorAll('.kb-copy-hint').forEach((h) => h.remove()))
      // and the last resort, with the legacy path failing too
      await run.frame.evaluate(() => { document.execCommand = () => false })
      await block.hover()
      await block.locator('button.copy').click()
      const hint = block.locator('.kb-copy-hint')
      await hint.waitFor({ state: 'visible', timeout: 2_000 })
      expect(await hint.textContent()).toBe('按 Ctrl+C / ⌘C 复制')
      const selected = await run.frame.evaluate(() => String(window.getSelection()))
      expect(selected.trim().length).toBeGreaterThan(0)
      expect((await block.locator('pre').textContent())!).toContain(selected.trim().split('\n')[0])
      expect(run.pageErrors).toEqual([])
      expect(run.consoleErrors).toEqual([])
      expectOnlyLocalRequests(run)
    } finally {
      await run.close()
    }
  })

  it('(b) sandboxed without allow-same-origin, site sends CORS headers: full embed, sized by embed.js', async () => {
    const run = await openHost('sandbox.html', baseUrl(), sandboxed, { theme: 'dark' })
    try {
      expect(await run.page.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts allow-popups')
      expect(await run.frame.evaluate(() => String(self.origin))).toBe('null')
      await expectContentWithoutChrome(run.frame)
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      // theme=dark is honoured although the frame has no storage
      expect(await run.frame.locator('html.dark').count()).toBe(1)
      await expectSized(run, DEFAULT_HEIGHT.page)
      // embed.js (not Canvas) did it: it marks the frames it sized
      expect(await run.page.locator('iframe').getAttribute('data-docker-kb-height')).toMatch(/^\d+$/)
      // a link to another page loads that page's embed view in the frame (no History API error)
      const link = run.frame.locator('.vp-doc a[href^="/guide/"]:not(.header-anchor)').first()
      const href = (await link.getAttribute('href'))!.split('#')[0]
      await link.scrollIntoViewIfNeeded()
      await link.click()
      await run.frame.waitForURL((u) => u.pathname === href && u.searchParams.get('embed') === '1' && u.searchParams.get('theme') === 'dark', { timeout: 10_000 })
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      expect(await run.frame.locator('.VPNav:visible, .VPSidebar:visible').count()).toBe(0)
      expect(run.pageErrors).toEqual([])
      expect(run.consoleErrors).toEqual([])
      expectOnlyLocalRequests(run)
    } finally {
      await run.close()
    }
  })

  // an outside tester (session 15): a section embed in view at load grew to the whole page's height
  // (13042 px for a 1268 px section). The first height went out before the section was isolated;
  // isolating it shrank .Layout but not <body>, which fills the (now tall) frame, and only <body>
  // was observed, so the frame kept the whole page's height
  it('(b) one section, sandboxed, in view at load: the frame takes the section\'s height, not the page\'s', async () => {
    const run = await openHost('sandbox.html', baseUrl(), sandboxed, { part: { kind: 'section', value: 'lifecycle' } })
    try {
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      expect(await run.frame.locator('#lifecycle').isVisible()).toBe(true)
      await expectSized(run, DEFAULT_HEIGHT.part)
      // the section, not the page: the page's next section is hidden
      expect(await run.frame.locator('.vp-doc h2:visible').count()).toBe(1)
      expect(run.pageErrors).toEqual([])
    } finally {
      await run.close()
    }
  })

  // an outside tester (session 15): under `sandbox="allow-scripts"` (no allow-popups, as some course
  // platforms set it) "在站点中打开" seemed to do nothing — the browser drops the new tab silently.
  // The footer must then show the address, selected for copying, and open no page
  it('(b) sandboxed without allow-popups: "在站点中打开" shows the address to copy instead of doing nothing', async () => {
    const run = await openHost('sandbox.html', baseUrl(), (html) => html.replace('<iframe ', '<iframe sandbox="allow-scripts" '))
    try {
      expect(await run.page.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts')
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      const open = run.frame.locator('a.kb-embed-open')
      await open.scrollIntoViewIfNeeded()
      const pagesBefore = run.page.context().pages().length
      await open.click()
      const blocked = run.frame.locator('.kb-embed-blocked')
      await blocked.waitFor({ state: 'visible', timeout: 5_000 })
      const address = (await blocked.locator('.kb-embed-address').textContent())!.trim()
      expect(address).toBe(baseUrl() + FRAME_ROUTE)
      expect(await run.frame.evaluate(() => String(getSelection()))).toBe(address)
      expect(run.page.context().pages().length).toBe(pagesBefore)
      expect(run.pageErrors).toEqual([])
    } finally {
      await run.close()
    }
  })

  it('(b) sandboxed without allow-same-origin, site without CORS headers: text, no chrome, sized, no uncaught error', async () => {
    const bare = await serveStatic(DIST, 0, '127.0.0.1', { cors: false })
    try {
      const run = await openHost('sandbox.html', bare.url, sandboxed)
      try {
        await expectContentWithoutChrome(run.frame)
        await expectSized(run, DEFAULT_HEIGHT.page)
        expect(run.pageErrors).toEqual([])
        // What remains are the browser's own reports of the blocked module scripts and font:
        // it fetches them (preload scanner) before any script of the page runs, so no page can
        // prevent them; the fix is the header (docs/about/embed.md). Nothing else may be logged.
        const other = run.consoleErrors.filter((e) => !(e.url.startsWith(bare.url) && /blocked by CORS policy|net::ERR_FAILED/.test(e.text)))
        expect(other).toEqual([])
        expect(run.consoleErrors.length).toBeGreaterThan(0) // the case is real: the host really sent no CORS headers
        expectOnlyLocalRequests(run)
      } finally {
        await run.close()
      }
    } finally {
      await bare.close()
    }
  })

  it('(c) Moodle Page: the code as pasted, sized by embed.js', async () => {
    const run = await openHost('moodle-page.html', baseUrl(), (c) => c)
    try {
      await expectContentWithoutChrome(run.frame)
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      await expectSized(run, DEFAULT_HEIGHT.page)
      expect(await run.page.locator('iframe').getAttribute('data-docker-kb-height')).toMatch(/^\d+$/)
      expect(await run.page.locator(`a[href="${baseUrl()}${FRAME_ROUTE}"]`).isVisible()).toBe(true)
      expect(run.pageErrors).toEqual([])
      expect(run.consoleErrors).toEqual([])
      expectOnlyLocalRequests(run)
    } finally {
      await run.close()
    }
  })

  it('(d) JavaScript disabled: text and footer shown, site chrome hidden by CSS alone', async () => {
    const run = await openHost('nojs.html', baseUrl(), (c) => c, { javaScriptEnabled: false })
    try {
      await expectContentWithoutChrome(run.frame)
      // really no script ran: nothing marked <html>; the frame keeps the code's height (no resize path)
      expect(await run.frame.locator('html.kb-embed').count()).toBe(0)
      expect(Math.round((await run.page.locator('iframe').boundingBox())!.height)).toBe(DEFAULT_HEIGHT.page)
      expect(run.pageErrors).toEqual([])
      expect(run.consoleErrors).toEqual([])
      expectOnlyLocalRequests(run)
    } finally {
      await run.close()
    }
  })

  it('(e) H5P host (h5p-resizer.js handshake), scripts stripped: sized by the handshake alone', async () => {
    const run = await openHost('h5p.html', baseUrl(), stripScripts)
    try {
      await expectContentWithoutChrome(run.frame)
      await run.frame.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
      await expectSized(run, DEFAULT_HEIGHT.page)
      expect(await run.page.locator('iframe').getAttribute('data-docker-kb-height')).toBeNull()
      expect(run.pageErrors).toEqual([])
      expect(run.consoleErrors).toEqual([])
      expectOnlyLocalRequests(run)
    } finally {
      await run.close()
    }
  })
})

describe('course packages in the built site', () => {
  it('latest and every frozen release have a valid .imscc whose links all resolve in the build', () => {
    const releases = (JSON.parse(fs.readFileSync('versions.json', 'utf8')).versions as { name: string }[]).map((v) => v.name)
      .filter((name) => fs.existsSync(path.join('docs/v', name)))
    expect(releases.length).toBeGreaterThan(0)
    for (const release of [null, ...releases]) {
      const file = path.join(DIST, CARTRIDGE_DIR, cartridgeName(release))
      expect(fs.existsSync(file), file).toBe(true)
      const r = checkCartridge(fs.readFileSync(file))
      expect(r.errors, file).toEqual([])
      expect(r.links.length, file).toBeGreaterThan(10)
      const prefix = release ? `${SITE.url}/v/${release}/` : `${SITE.url}/`
      for (const link of r.links) {
        expect(link.url.startsWith(prefix), `${file}: ${link.url}`).toBe(true)
        if (!release) expect(link.url, `${file}: latest links into a release`).not.toMatch(/\/v\//)
        const route = decodeURIComponent(new URL(link.url).pathname)
        expect(resolveFile(path.resolve(DIST), route), `${file}: ${link.url} is not in the build`).toBeTruthy()
      }
    }
  })
})
