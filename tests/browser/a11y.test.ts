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
        // let lazily rendered diagrams appear so they are checked too
        await page.mouse.wheel(0, 4000)
        await page.waitForTimeout(800)
        expect(await seriousViolations(page)).toEqual([])
        await page.close()
      })
    }
  })
}
