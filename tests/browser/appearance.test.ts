/**
 * Dark mode (.vitepress/theme/appearance.ts, issue #14): VitePress's switch between the light and the
 * dark theme changes colours at once, without CSS transitions, as before; but the page no longer
 * pays for that while it starts (VueUse added its "no transitions" stylesheet and recalculated the
 * whole page's styles twice during the hydration, with nothing to switch).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, hydrated, session, type Session } from './helpers'

const PAGE = '/help/troubleshooting'

let s: Session
beforeAll(async () => { s = await session({ colorScheme: 'dark' }) })
afterAll(async () => { await s?.close() })

/** Count the stylesheets that turn off all transitions (VueUse's `disableTransition`) added to the page from its start. */
function countNoTransitionSheets(): void {
  const w = window as unknown as { __kbNoTransition: number }
  w.__kbNoTransition = 0
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLStyleElement && /transition:none!important/.test(n.textContent ?? '')) w.__kbNoTransition++
  }).observe(document, { childList: true, subtree: true })
}

/**
 * Run `change` in the page, then (next frame, all its microtasks done) list the CSS transitions
 * it started, except the theme switch's own (its knob slides, as VitePress made it). Transitions
 * already running before the change are not its doing: on a starved CPU the network goes idle
 * before the app has hydrated, and the nav bar's classes set then fade its background for 0.5 s
 * (seen in a full browser run at load 20-36: 'VPNavBar has-sidebar top: background-color'). A
 * transition the change starts or restarts is a new CSSTransition object, so it is still listed.
 */
const transitionsAfter = (page: Page, change: string) =>
  page.evaluate(async (code) => {
    const before = new Set(document.getAnimations())
    new Function(code)()
    await new Promise((r) => requestAnimationFrame(r))
    const running = document.getAnimations().filter((a): a is CSSTransition => a instanceof CSSTransition && !before.has(a))
    const target = (a: CSSTransition) => (a.effect as KeyframeEffect | null)?.target as Element | null
    return {
      dark: document.documentElement.classList.contains('dark'),
      transitions: running.filter((a) => !target(a)?.closest('.VPSwitchAppearance')).map((a) => `${target(a)?.className}: ${a.transitionProperty}`).slice(0, 5),
    }
  }, change)

/**
 * `PAGE` opened, hydrated (the switch has its click handler) and with no CSS transition running
 * (the nav bar's classes set during the hydration fade its background for 0.5 s), so that a
 * transition found after the change can only be the change's own.
 */
async function settled(): Promise<Page> {
  const page = await s.open(PAGE)
  await hydrated(page)
  await page.waitForFunction(() => !document.getAnimations().some((a) => a instanceof CSSTransition && a.playState === 'running'), undefined, { timeout: 10_000 })
  return page
}

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'))

describe('dark mode', () => {
  it('the page starts without switching off transitions and recalculating every style (the theme is already set)', async () => {
    const page = await s.context.newPage()
    await page.addInitScript(countNoTransitionSheets)
    await page.goto(baseUrl() + PAGE, { waitUntil: 'networkidle' })
    await hydrated(page)
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true) // the system setting (auto)
    expect(await page.evaluate(() => (window as unknown as { __kbNoTransition: number }).__kbNoTransition)).toBe(0)
    await page.close()
  })

  it('the theme switch changes the colours at once, both ways: no CSS transition runs', async () => {
    const page = await settled()
    const click = `document.querySelector('.VPNavBarAppearance .VPSwitchAppearance').click()`
    const dark = await isDark(page)
    expect(await transitionsAfter(page, click)).toEqual({ dark: !dark, transitions: [] })
    expect(await transitionsAfter(page, click)).toEqual({ dark, transitions: [] })
    await page.close()
  })

  it('any change of the dark class (the system setting, printing) starts no CSS transition either', async () => {
    const page = await settled()
    const toggle = `document.documentElement.classList.toggle('dark')`
    const dark = await isDark(page)
    expect(await transitionsAfter(page, toggle)).toEqual({ dark: !dark, transitions: [] })
    expect(await transitionsAfter(page, toggle)).toEqual({ dark, transitions: [] })
    await page.close()
  })
})
