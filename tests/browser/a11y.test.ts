/** axe-core over each page type, light and dark: no serious or critical violations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations, session, type Session } from './helpers'

const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['section overview', '/guide/'],
  ['article with diagrams and snippets', '/internals/architecture'],
  ['glossary', '/glossary/'],
  ['command reference', '/cli/'],
  ['English edition', '/en/'],
  ['404', '/no/such/page'],
]

// one browser for both schemes: each page asks for its scheme (emulateMedia, before it loads, so
// the page starts in it as in a context created with that colorScheme) instead of a second chromium
// per scheme (~20 s each on the CI machine)
let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility (${scheme})`, () => {
    // one page at a time: axe is CPU-bound, and 3 at once on the loaded 2-core machine only made
    // each slower (3 of 14 ran past the 120 s timeout at load 20–28)
    for (const [kind, route] of PAGE_TYPES) it(`${kind} ${route} has no serious or critical axe violations`, async () => {
      const page = await s.open(route, { colorScheme: scheme })
      try {
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark')
        if (scheme === 'dark') await page.evaluate(() => document.documentElement.classList.add('dark'))
        // every diagram is in the page (static SVG since the build renders them), so axe checks it too
        await page.waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg')), undefined, { timeout: 20_000 })
        expect(await seriousViolations(page)).toEqual([])
      } finally {
        await page.close()
      }
    })
  })
}
