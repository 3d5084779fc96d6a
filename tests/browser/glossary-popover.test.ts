/**
 * The glossary popover after the per-language split (issue #17): on a Chinese page the reference
 * opens the Chinese popover (<GlossaryTerm> → GlossaryPopover.vue) with the Chinese definition
 * and a link to /glossary/#id, and the page downloads no English definitions (they live in the
 * separate <GlossaryTermEn> chunk for /en/ pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientTerms, loadGlossary } from '../../core/glossary'
import { session, type Session } from './helpers'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

describe('glossary popover on a Chinese page', () => {
  it('shows the Chinese definition, links the Chinese glossary and loads no English definitions', async () => {
    const zh = clientTerms(loadGlossary(), 'zh')
    const en = clientTerms(loadGlossary(), 'en')
    const page = await s.open('/guide/concepts')
    const link = page.locator('.glossary-term__link').first()
    await link.waitFor()
    const id = decodeURIComponent((await link.getAttribute('href'))!.split('#')[1])
    expect(await link.getAttribute('href')).toBe(`/glossary/#${id}`)
    await link.hover()
    const tip = page.locator('.glossary-tip').first()
    await tip.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await tip.locator('.glossary-tip__short').textContent()).toBe(zh[id].short)
    expect(await tip.locator('.glossary-tip__more').textContent()).toContain('查看术语表')
    // the English definition of this term is in no script the page loaded (one language per chunk)
    // (needles without quotes or backslashes: the bundler may escape those inside string literals)
    const needle = (t: string) => t.split(/['"\\“”]/).sort((a, b) => b.length - a.length)[0].slice(0, 24)
    const english = needle(en[id].short)
    const chinese = needle(zh[id].short)
    expect(english.length).toBeGreaterThanOrEqual(10)
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')))
    const bodies = await Promise.all(urls.map((u) => page.evaluate(async (url) => (await fetch(url)).text(), u)))
    expect(bodies.some((b) => b.includes(chinese))).toBe(true)
    expect(urls.filter((_, i) => bodies[i].includes(english))).toEqual([])
    expect(s.errors).toEqual([])
    await page.close()
  })
})
