/**
 * README's first command, `npm run dev`, must serve the site. Two faults kept it from doing so
 * (session 15): the server died at start when Vite pre-bundled VitePress's `vitepress > minisearch`
 * (our alias makes it core/search/client.ts, whose `virtual:search-lexicon` esbuild cannot resolve:
 * .vitepress/config/search.ts searchEngineNotPrebundledPlugin), and every page showed "页面未找到"
 * because the Markdown export answered the dev client's page-module request `/x.md` with text/markdown
 * (.vitepress/plugins/llms.ts llmsDevPlugin). This starts the real dev server on a free 127.0.0.1
 * port, reads a page, the search box and the Markdown export through it, and stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser, type Browser } from '../../core/browser'
import { openSearch, searchTop } from '../../scripts/lib/search-quality'

let dev: ChildProcess | undefined
let url = ''
let b: Browser
const log: string[] = []

/** A port the kernel just handed out on 127.0.0.1 (closed again before the dev server takes it). */
async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

beforeAll(async () => {
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  // its own process group, so afterAll stops vite and every child it started
  dev = spawn('npx', ['vitepress', 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const s of [dev.stdout!, dev.stderr!]) s.on('data', (d) => log.push(String(d)))
  // bounded: 90 tries of 1 s; a server that exits is reported with its output
  for (let i = 0; ; i++) {
    if (dev.exitCode !== null) throw new Error(`vitepress dev exited with ${dev.exitCode}:\n${log.join('').slice(-2000)}`)
    if (await fetch(url + '/').then((r) => r.ok, () => false)) break
    if (i >= 90) throw new Error(`vitepress dev did not answer on ${url} within 90 s:\n${log.join('').slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
  b = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await b?.close()
  if (dev?.pid && dev.exitCode === null) {
    process.kill(-dev.pid, 'SIGTERM')
    await new Promise((r) => { dev!.once('exit', r); setTimeout(r, 10_000) })
    if (dev.exitCode === null && dev.signalCode === null) process.kill(-dev.pid, 'SIGKILL')
  }
})

it('serves a page, its search box and its Markdown export', { timeout: 240_000 }, async () => {
  try {
    await servesPage()
  } catch (e) {
    // a dev server that died says why only in its own output
    throw new Error(`${(e as Error).message}\n--- vitepress dev (exit ${dev?.exitCode ?? 'none'}), last output:\n${log.join('').slice(-2000)}`, { cause: e })
  }
})

async function servesPage(): Promise<void> {
  const page = await b.context.newPage()
  const failed: string[] = []
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
  let loads = 0
  page.on('load', () => loads++)
  // the first request waits for Vite's start-up pre-bundling (Mermaid's is the big one; bounded)
  await page.goto(url + '/help/troubleshooting', { timeout: 150_000 })
  const h1 = page.locator('.vp-doc h1')
  await expect.poll(async () => (await h1.textContent().catch(() => '')) ?? '', { timeout: 150_000, interval: 1000 }).toContain('故障排查')
  expect(await page.locator('#restart-loop').count()).toBe(1)
  await openSearch(page)
  const results = await searchTop(page, '容器反复重启', 5)
  expect(results.some((h) => h.includes('/help/troubleshooting') && h.includes('restart-loop'))).toBe(true)
  // nothing failed, the favicon included (the dev server adds its link: shared.ts devFaviconPlugin)
  expect(failed).toEqual([])
  expect(await page.locator('head link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg')
  // what the site imports lazily (the search engine, Mermaid's preview) is pre-bundled at start
  // (shared.ts optimizeDeps): Vite found it only on first use, re-optimized and reloaded the page,
  // closing the search box a newcomer had just opened
  expect(log.join('')).not.toMatch(/optimized dependencies changed|new dependencies optimized/)
  expect(loads).toBe(1)
  await page.close()
  // a reader's (or a tool's) request for the page's .md gets the Markdown export, not the page module
  const md = await fetch(url + '/help/troubleshooting.md')
  expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
  expect((await md.text()).startsWith('# 故障排查')).toBe(true)
  expect(dev!.exitCode).toBeNull()
}
