/** ≥ 95 % of the realistic queries in tests/search-queries.yaml find their page in the top 3. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { baseUrl, session, type Session } from './helpers'
import { loadQueries, runSearchQueries } from '../../scripts/lib/search-quality'

let s: Session
beforeAll(async () => { s = await session() })
afterAll(async () => { await s?.close() })

it('site search puts the right page in the top 3 for ≥ 95 % of realistic queries', async () => {
  const queries = loadQueries()
  expect(queries.length).toBeGreaterThanOrEqual(40)
  const r = await runSearchQueries(s.context, baseUrl(), queries)
  const rate = r.hits / r.total
  console.log(`search quality: ${r.hits}/${r.total} (${(rate * 100).toFixed(1)} %)`)
  for (const m of r.misses) console.log(`  miss: "${m.query}" → want ${m.expect}, got ${m.top.join(', ') || 'nothing'}`)
  expect(rate).toBeGreaterThanOrEqual(0.95)
  expect(s.blocked).toEqual([])
}, 300_000)
