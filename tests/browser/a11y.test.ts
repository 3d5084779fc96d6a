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

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility (${scheme})`, () => {
    let s: Session
    beforeAll(async () => { s = await session({ colorScheme: scheme }) })
    afterAll(async () => { await s?.close() })
    for (const [kind, route] of PAGE_TYPES) {
      it(`${kind} ${route} has no serious or critical axe violations`, async () => {
        const page = await s.open(route)
        if (scheme === 'dark') await page.evaluate(() => document.documentElement.classList.add('dark'))
        // every diagram is in the page (static SVG since the build renders them), so axe checks it too
        await page.waitForFunction(() => [...document.querySelectorAll('.mermaid-box')].every((b) => b.querySelector('svg')), undefined, { timeout: 20_000 })
        expect(await seriousViolations(page)).toEqual([])
        await page.close()
      })
    }
  })
}
