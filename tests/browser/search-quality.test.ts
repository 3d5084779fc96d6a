/**
 * Site search quality on the built site, with the query sets in tests/search/: queries.yaml and
 * holdout.yaml were written by a reader who had not seen the index (holdout.yaml was run only after
 * tuning ended; holdout-2.yaml and en/holdout-2.yaml are a second, later blind set, read only as
 * totals); regression.yaml guards the first edition's queries. Targets from the search issue:
 * top-3 ≥ 95 %, no query without results.
 *
 * Every query of every set is judged by the search engine in Node on the index the build wrote
 * (builtSiteSearch: the same module the box loads, the same options and query engine); a sample of
 * each set is typed into the built site's own box (Ctrl+K), which must list exactly what the
 * engine lists. Typing all ~2000 queries took 314 s of the CI browser step; the sample proves the
 * box and the Node engine agree, the full sets measure quality.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { baseUrl, session, type Session } from './helpers'
import type { Page } from 'playwright-core'
import { builtSiteSearch, judge, loadQuerySet, openSearch, resultId, searchTop, summarize } from '../../scripts/lib/search-quality'
import fs from 'node:fs'
import path from 'node:path'
import { DIST_DIR, resolveFile } from '../../scripts/lib/static-server'

/**
 * Queries per set typed into the box, spread evenly over the set (its first always among them):
 * 8 × 22 sets. A difference between the box and the Node engine (options, lexicon, the input's
 * length limit) shows on most queries, not on one in a hundred.
 */
const BOX_SAMPLE = 8

let s: Session
let engine: Record<'root' | 'en', (q: string) => string[]>
beforeAll(async () => {
  s = await session()
  engine = { root: await builtSiteSearch(DIST_DIR, 'root'), en: await builtSiteSearch(DIST_DIR, 'en') }
})
afterAll(async () => { await s?.close() })

/**
 * Pages with the search box open, by the page they were opened on (the locale's index): a set's
 * test takes an idle one or opens one, and gives it back, so the sets share a few page loads and
 * index loads (at most POOL pages at once, the tests' concurrency) instead of one per set.
 */
const idleBoxes = new Map<string, Page[]>()
async function withBox<T>(start: string, fn: (page: Page) => Promise<T>): Promise<T> {
  let page = idleBoxes.get(start)?.pop()
  if (!page) {
    page = await s.context.newPage()
    await page.goto(baseUrl() + start, { waitUntil: 'networkidle' })
    await openSearch(page)
  }
  const result = await fn(page)
  idleBoxes.set(start, [...(idleBoxes.get(start) ?? []), page])
  return result
}

/** `k` items spread evenly over `items` (all of them when there are no more than `k`). */
function spread<T>(items: T[], k: number): T[] {
  if (items.length <= k) return items
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)])
}

// the English sets (tests/search/en/) were written blind like the Chinese ones, from a list of page
// paths and topics; they run in the English edition's own index (opened on /en/). Their guard sits
// below the level reached (scripts/search-eval.ts --locale en, session 8: dev 88.8 %, held-out 85.0 %,
// 93.3 %, 90.0 % top-3)
// the sets are independent (each types its sample into a box page no other set uses meanwhile): they run at once, at most POOL
// pages (vitest.config.ts maxConcurrency); `expect` from each test's context keeps failures apart
it.concurrent.for([
  { set: 'queries', start: '/', top3: 0.9 },
  { set: 'holdout', start: '/', top3: 0.9 },
  { set: 'regression', start: '/', top3: 0.9 },
  { set: 'holdout-2', start: '/', top3: 0.9 },
  // the third blind set (session 8), run once for totals after tuning: 89.9 % in scripts/search-eval.ts
  { set: 'holdout-3', start: '/', top3: 0.85 },
  // the fourth blind set (session 9), run once for totals after tuning: 94.2 % (en 93.3 %) in scripts/search-eval.ts
  { set: 'holdout-4', start: '/', top3: 0.85 },
  // the fifth blind set (session 10), run once for totals after tuning: 95.7 % (en 86.7 %) in scripts/search-eval.ts
  { set: 'holdout-5', start: '/', top3: 0.85 },
  // the sixth blind set (session 11; a third colloquial or question-shaped), run once after tuning: 91.2 % (en 93.1 %)
  { set: 'holdout-6', start: '/', top3: 0.85 },
  // the seventh blind set (session 12; working developers' terse queries and beginners with no technical word),
  // run once after this session's merges: 87.1 % (en 89.7 %) in scripts/search-eval.ts
  { set: 'holdout-7', start: '/', top3: 0.85 },
  // the eighth blind set (session 13; written before any page was read, answers mapped after), run once on
  // this session's merged main: 89.9 % (en 96.7 %) in scripts/search-eval.ts
  { set: 'holdout-8', start: '/', top3: 0.85 },
  // the ninth blind set (session 14; written at 03:08 before any page was read or any change made, answers
  // mapped after; kept from the search helper): on main before the session 90.0 % (en 96.7 %), after its
  // merges 91.4 % (en 96.7 %) in scripts/search-eval.ts
  { set: 'holdout-9', start: '/', top3: 0.85 },
  // the tenth blind set (session 15; written at 06:58 before any page was read or any change made, answers
  // mapped after; kept from the search helper): on main before the session 87.1 % (en 96.7 %) in scripts/search-eval.ts
  { set: 'holdout-10', start: '/', top3: 0.85 },
  // the eleventh blind set (session 17; 50 zh + 25 en written at 23:30 UTC before any page was read, answers
  // mapped after by the same helper): on main before this session's search changes 88.0 % top-3, 42.0 % top-1
  // (en 96.0 %, 52.0 %) in scripts/search-eval.ts
  { set: 'holdout-11', start: '/', top3: 0.85 },
  // the twelfth blind set (session 18; 60 zh + 30 en written at 04:10 UTC before any page was read, answers
  // mapped after by the same helper; kept from the search helper): on main before this session's search
  // changes 98.3 % top-3, 46.7 % top-1 (en 100 %, 50.0 %) in scripts/search-eval.ts
  { set: 'holdout-12', start: '/', top3: 0.85 },
  { set: 'en/queries', start: '/en/', top3: 0.75 },
  { set: 'en/holdout', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-2', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-3', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-4', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-5', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-6', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-7', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-8', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-9', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-10', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-11', start: '/en/', top3: 0.75 },
  { set: 'en/holdout-12', start: '/en/', top3: 0.75 },
])('search: $set finds the answer in the top 3', { timeout: 600_000 }, async ({ set, start, top3 }, { expect }) => {
  const queries = loadQuerySet(`tests/search/${set}.yaml`)
  const search = engine[start.startsWith('/en/') ? 'en' : 'root']
  // the box's first 10 results, as runSearchQueries reads them from the page
  const outcomes = queries.map((q) => judge(q, search(q.q).slice(0, 10)))
  const r = { ...summarize(outcomes), outcomes }
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`
  console.log(`search ${set}: ${r.total} queries, top-1 ${pct(r.top1)}, top-3 ${pct(r.top3)}, MRR ${r.mrr.toFixed(3)}, zero results ${pct(r.zero)}`)
  for (const m of r.misses) console.log(`  miss: "${m.query.q}" (${m.query.file}:${m.query.line}) → want ${m.query.expect.join(' | ')}, got ${m.results.slice(0, 3).join(', ') || 'nothing'}`)
  expect(r.zero).toBe(0)
  // a guard against regressions at the level reached (see docs/contribute/decisions.md); the
  // search issue's goal is 95 %
  expect(r.top3).toBeGreaterThanOrEqual(top3)
  // every result of the English box is an English page, and vice versa
  const english = start.startsWith('/en/')
  for (const o of r.outcomes) for (const id of o.results) expect(id.startsWith('/en/'), `${o.query.q}: ${id}`).toBe(english)
  // the built site's own box lists exactly what the engine listed for the same (typed) query
  // (searchTop: as runSearchQueries types them, on a page shared with other sets of the locale)
  const sample = spread(queries, BOX_SAMPLE)
  const typed = await withBox(start, async (page) => {
    const out: { q: (typeof sample)[number]; results: string[] }[] = []
    for (const q of sample) out.push({ q, results: await searchTop(page, q.q, 10) })
    return out
  })
  expect(typed.length).toBe(Math.min(BOX_SAMPLE, queries.length))
  for (const { q, results } of typed) {
    expect(results.map(resultId), `"${q.q}" (${q.file}:${q.line}) in the box vs the engine`).toEqual(search(q.q).slice(0, 10).map(resultId))
  }
  expect(s.blocked).toEqual([])
})

// a target that names no page or section can never be found: the query would count as a miss for
// a labelling mistake, not for the search (and a renamed heading would silently turn a hit into one)
it('search: every target of every query set is a page or a section of the built site', () => {
  const files = (fs.readdirSync('tests/search', { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort()
  expect(files.length).toBeGreaterThan(20)
  const ids = new Map<string, Set<string>>()
  const bad: string[] = []
  for (const f of files) {
    for (const q of loadQuerySet(path.join('tests/search', f))) {
      for (const target of q.expect) {
        const [route, anchor] = target.split('#')
        const file = resolveFile(DIST_DIR, route)
        if (!file) { bad.push(`${q.file}:${q.line}: "${target}": no page ${route} in the build`); continue }
        if (!anchor) continue
        if (!ids.has(file)) ids.set(file, new Set([...fs.readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])))
        if (!ids.get(file)!.has(anchor) && !ids.get(file)!.has(decodeURIComponent(anchor))) bad.push(`${q.file}:${q.line}: "${target}": page ${route} has no #${anchor}`)
      }
    }
  }
  expect(bad).toEqual([])
})

it('search: one character finds the sections that use it', async () => {
  const page = await s.open('/')
  await openSearch(page)
  const top = await searchTop(page, '卷', 10)
  // the reader typing 卷 wants the volume pages, not only headings that happen to be the one word
  expect(top.some((h) => h.startsWith('/storage/volumes'))).toBe(true)
  await page.close()
})
