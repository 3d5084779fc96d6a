/**
 * Search quality: realistic queries (tests/search-queries.yaml) typed into the site's own search
 * box in a real browser; a query hits when its expected page is among the first 3 results.
 * Used by the browser test (asserts the rate) and by the bench (prints it).
 */
import fs from 'node:fs'
import { parse } from 'yaml'
import type { BrowserContext, Page } from 'playwright-core'

export interface SearchQuery { query: string; expect: string }
export interface SearchOutcome { query: string; expect: string; top: string[]; hit: boolean }

export function loadQueries(file = 'tests/search-queries.yaml'): SearchQuery[] {
  const data = parse(fs.readFileSync(file, 'utf8'))
  const list = (Array.isArray(data) ? data : data.queries) as Record<string, string>[]
  return list.map((q, i) => {
    const query = q.query ?? q.q
    const expect = q.expect ?? q.page ?? q.target
    if (!query || !expect) throw new Error(`${file}: entry ${i + 1} needs "query" and "expect"`)
    return { query: String(query), expect: String(expect) }
  })
}

/** Normalise a result href or expected page to a path without anchor/trailing .html. */
export const pagePath = (href: string) => new URL(href, 'http://x').pathname.replace(/\.html$/, '')

export async function runSearchQueries(context: BrowserContext, baseUrl: string, queries = loadQueries()) {
  const page = await context.newPage()
  await page.goto(baseUrl + '/', { waitUntil: 'networkidle' })
  await page.keyboard.press('Control+k')
  await page.locator('.VPLocalSearchBox input').waitFor()
  const outcomes: SearchOutcome[] = []
  for (const q of queries) {
    const top = await searchTop(page, q.query, 3)
    const want = pagePath(q.expect)
    const hit = top.some((h) => pagePath(h) === want)
    outcomes.push({ ...q, top, hit })
  }
  await page.close()
  return { total: outcomes.length, hits: outcomes.filter((o) => o.hit).length, misses: outcomes.filter((o) => !o.hit) }
}

/**
 * Type a query into the open search box and return the first `n` result links. The box
 * debounces input and loads its index lazily, so wait until the list is stable (bounded: 3 s).
 */
export async function searchTop(page: Page, query: string, n: number): Promise<string[]> {
  const input = page.locator('.VPLocalSearchBox input')
  await input.fill('')
  await input.fill(query)
  let top: string[] = []
  let last = ''
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(100)
    top = await page.locator('.VPLocalSearchBox .results a').evaluateAll((as, k) => as.slice(0, k).map((a) => a.getAttribute('href') ?? ''), n)
    const now = top.join('|')
    if (i >= 3 && top.length && now === last) break
    last = now
  }
  return top
}
