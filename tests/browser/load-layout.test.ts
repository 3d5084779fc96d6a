/**
 * No layout read while a page loads (issue #14). Reading geometry (getBoundingClientRect, scrollHeight,
 * offsetWidth …) from a script while the page's layout is out of date makes the browser lay out the
 * whole page inside that script's task. On the long pages this was the sidebar reveal in enhanceApp
 * (.vitepress/theme/sidebar-reveal.ts): about 0.5–0.6 s of forced layout at 4× CPU on /cli/container,
 * in the task that also hydrates, and the page had to be laid out again after hydration anyway.
 *
 * Whether a read forces a layout depends on timing; which reads happen does not. So the check is:
 * until the app has hydrated (`kb-hydrated` on <html>, Layout.vue), no script of the site (theme, app and
 * page chunks; Vue and VueUse in the framework chunk are VitePress's) reads geometry except
 * inside a ResizeObserver or IntersectionObserver callback, which the browser runs right after its own
 * layout (reading there costs nothing more). The reads are recorded by wrapping the DOM's getters
 * before any page script runs.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, inPool, session, type Session } from './helpers'

let phone: Session
let desktop: Session
beforeAll(async () => {
  phone = await session({ viewport: { width: 412, height: 823 } })
  desktop = await session({ viewport: { width: 1280, height: 800 } })
})
afterAll(async () => {
  await phone?.close()
  await desktop?.close()
})

/** Installed before the page's scripts (addInitScript): records geometry reads made before hydration. */
function recordLayoutReads() {
  const reads: string[] = []
  ;(window as unknown as { __kbLayoutReads: string[] }).__kbLayoutReads = reads
  let inObserver = 0
  const hydrated = () => document.documentElement?.classList.contains('kb-hydrated')
  const note = (what: string) => {
    if (inObserver || hydrated()) return
    // the first stack frame outside this wrapper says who read
    const frame = (new Error().stack ?? '').split('\n').slice(3, 4).join('').trim()
    // Vue and VueUse (the framework chunk): VitePress's own nav reads the window's scroll state when
    // it is set up (useWindowScroll), in stock VitePress as here; not the theme's to change
    if (/\/framework\.[\w-]+\.js:/.test(frame)) return
    reads.push(`${what} ${frame}`)
  }
  const wrapGetter = (proto: object, name: string) => {
    const d = Object.getOwnPropertyDescriptor(proto, name)
    if (!d?.get) return
    const get = d.get
    Object.defineProperty(proto, name, { ...d, get(this: unknown) { note(name); return get.call(this) } })
  }
  const wrapMethod = (proto: Record<string, unknown>, name: string) => {
    const f = proto[name] as (...a: unknown[]) => unknown
    proto[name] = function (this: unknown, ...a: unknown[]) { note(`${name}()`); return f.apply(this, a) }
  }
  for (const n of ['scrollHeight', 'scrollWidth', 'clientHeight', 'clientWidth', 'clientTop', 'clientLeft']) wrapGetter(Element.prototype, n)
  for (const n of ['offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft', 'innerText']) wrapGetter(HTMLElement.prototype, n)
  for (const n of ['getBoundingClientRect', 'getClientRects']) wrapMethod(Element.prototype as unknown as Record<string, unknown>, n)
  // observer callbacks run after the browser's layout: reads there are free
  for (const name of ['ResizeObserver', 'IntersectionObserver'] as const) {
    const Original = window[name] as unknown as new (cb: (...a: unknown[]) => void, o?: unknown) => object
    if (!Original) continue
    const Wrapped = function (cb: (...a: unknown[]) => void, o?: unknown) {
      return new Original((...a: unknown[]) => {
        inObserver++
        try { return cb(...a) } finally { inObserver-- }
      }, o)
    }
    Wrapped.prototype = Original.prototype
    ;(window as unknown as Record<string, unknown>)[name] = Wrapped
  }
}

async function readsDuringLoad(s: Session, route: string): Promise<string[]> {
  const page: Page = await s.context.newPage()
  try {
    await page.addInitScript(recordLayoutReads)
    page.on('pageerror', (e) => s.errors.push(`${route}: ${e.message}`))
    await page.goto(baseUrl() + route, { waitUntil: 'networkidle' })
    await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'), undefined, { timeout: 60_000 }) // generous: a loaded machine hydrates late
    return (await page.evaluate(() => (window as unknown as { __kbLayoutReads: string[] }).__kbLayoutReads)).map((r) => `${route}: ${r}`)
  } finally {
    await page.close()
  }
}

const PAGES = ['/cli/container', '/glossary/', '/network/port-mapping', '/help/troubleshooting', '/']

describe('no layout read before hydration', () => {
  it('on a phone (412 px, as Lighthouse mobile)', async () => {
    const reads = await inPool(PAGES, (route) => readsDuringLoad(phone, route))
    expect(reads.flat()).toEqual([])
    expect(phone.errors).toEqual([])
  })

  it('on a desktop (1280 px, the sidebar in view)', async () => {
    const reads = await inPool(['/cli/container', '/glossary/'], (route) => readsDuringLoad(desktop, route))
    expect(reads.flat()).toEqual([])
    expect(desktop.errors).toEqual([])
  })
})
