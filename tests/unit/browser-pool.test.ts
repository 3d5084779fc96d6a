/** inPool (tests/browser/pool.ts): the bounded pool the browser tests visit pages with. */
import { describe, expect, it } from 'vitest'
import { inPool } from '../browser/pool'

/** a promise to settle by hand, to hold calls in flight */
function gate() {
  let open!: () => void
  const p = new Promise<void>((r) => { open = r })
  return { p, open }
}

describe('inPool', () => {
  it('keeps at most `limit` calls in flight and returns results in the order of the items', async () => {
    let inFlight = 0
    let most = 0
    const gates = Array.from({ length: 7 }, gate)
    const run = inPool([0, 1, 2, 3, 4, 5, 6], async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      await gates[n].p
      inFlight--
      return n * 10
    }, 3)
    // settle out of order: the results still follow the items
    for (const n of [2, 0, 1, 6, 5, 4, 3]) { gates[n].open(); await Promise.resolve() }
    expect(await run).toEqual([0, 10, 20, 30, 40, 50, 60])
    expect(most).toBe(3)
  })

  it('starts nothing after the first error and throws it once the running calls have settled', async () => {
    const started: number[] = []
    let settled = 0
    const err = inPool([0, 1, 2, 3, 4], async (n) => {
      started.push(n)
      if (n === 1) throw new Error('item 1 failed')
      await new Promise((r) => setTimeout(r, 5))
      settled++
    }, 2)
    await expect(err).rejects.toThrow('item 1 failed')
    expect(started).toEqual([0, 1])
    expect(settled).toBe(1)
  })
})
