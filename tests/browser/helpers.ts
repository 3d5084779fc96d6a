/** Shared helpers for browser tests: open pages, collect console errors, run axe. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, inject } from 'vitest'
import { launchShared, type Browser, type BrowserOptions } from '../../core/browser'
import { openSearch, searchTop } from '../../scripts/lib/search-quality'
import { inPool, POOL } from './pool'

export { inPool, POOL }

export const baseUrl = () => inject('baseUrl')

export interface Session extends Browser {
  errors: string[]
  /**
   * A new page at `path`, loaded until the network is idle; console errors and uncaught
   * exceptions go to `errors`. `colorScheme` overrides the session's prefers-color-scheme for this
   * page from before it loads (one browser serves both schemes). `waitUntil` (default 'networkidle'):
   * 'commit' for an address whose page sends the reader on with a script (the 404 page's trailing-slash
   * redirect): the first document is replaced while it loads, and Playwright's network-idle wait for it
   * can then wait out its whole timeout; the caller waits for the final address with waitForURL(…, { waitUntil: 'networkidle' }).
   */
  open(path: string, opts?: { colorScheme?: 'light' | 'dark'; waitUntil?: 'commit' | 'networkidle' }): Promise<Page>
}

/**
 * The one chromium of this test file, started by its first session(): every session is a fresh
 * context in it (launchShared: no cookies, storage, cache or permissions shared; launchBrowser's
 * options and request blocking), so a file with a phone and a desktop session, or one per
 * viewport and JavaScript setting (ui-language: 4), starts one chromium instead of one per
 * session (a start ~2.6 s CPU, a context ~0.7 s: core/browser.ts). Closed after the file's own
 * afterAll hooks (registered first, so it runs last: vitest runs afterAll hooks as a stack).
 */
let shared: ReturnType<typeof launchShared> | undefined
afterAll(async () => {
  const b = shared
  shared = undefined
  await (await b)?.close()
})

export async function session(opts: BrowserOptions = {}): Promise<Session> {
  const b = await (shared ??= launchShared()).then((h) => h.open(opts))
  const errors: string[] = []
  return Object.assign(b, {
    errors,
    async open(path: string, { colorScheme, waitUntil = 'networkidle' }: { colorScheme?: 'light' | 'dark'; waitUntil?: 'commit' | 'networkidle' } = {}) {
      const page = await b.context.newPage()
      if (colorScheme) await page.emulateMedia({ colorScheme })
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`${path}: ${m.text()}`) })
      page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`))
      await page.goto(baseUrl() + path, { waitUntil })
      return page
    },
  })
}

/** In the page: whether the Vue app is mounted, i.e. its first render (the hydration) is done (Vue sets `#app.__vue_app__` in mount()). */
export const isMounted = (): boolean => Boolean((document.querySelector('#app') as (Element & { __vue_app__?: unknown }) | null)?.__vue_app__)

/**
 * Wait until `page` has hydrated (isMounted), at most `timeout` ms. 'networkidle' alone is not
 * enough: on a starved CPU the network goes idle before the app has mounted, and a click then
 * reaches a button with no handler yet.
 */
export async function hydrated(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(isMounted, undefined, { timeout })
}

/** Serious and critical axe-core violations, as readable strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: page as any }).analyze()
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

/** Open VitePress search with the keyboard and return the first result links for a query. */
export async function searchFor(page: Page, query: string): Promise<string[]> {
  await openSearch(page)
  const hrefs = await searchTop(page, query, 10)
  await page.keyboard.press('Escape')
  return hrefs
}

/**
 * Wait until the page (or frame) has painted twice: after a scroll or a click, the layout and
 * IntersectionObserver callbacks of that change have run. A condition instead of a fixed sleep,
 * which is too short on a loaded machine and wasted time on a quiet one.
 */
export async function painted(target: Pick<Page, 'evaluate'>): Promise<void> {
  await target.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

