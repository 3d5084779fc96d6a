/**
 * How many pages a browser test keeps open at once when it visits many independent pages
 * (BROWSER_POOL, default 3): read by tests/browser/helpers.ts (inPool) and by the browser
 * project's maxConcurrency (vitest.config.ts, for `it.concurrent`). Each visit mostly waits — for
 * the network to go idle, for the renderer — so a few pages at once in one browser keep both
 * cores of the CI machine busy. 3 against one page at a time, run side by side on a loaded 2-core
 * machine: diagram-labels' desktop pass 315 s instead of 482 s. 2 and 4 are still to be compared
 * (BROWSER_POOL=2 / 4 over the same files).
 * No vitest or browser import here: vitest.config.ts reads it too, and the unit tests test inPool.
 */
export const POOL = Math.max(1, Math.floor(Number(process.env.BROWSER_POOL ?? 3)) || 1)

/**
 * How many browser test files run at once (BROWSER_WORKERS, default 2), each in its own worker
 * with its own chromium: read by vitest.config.ts (the browser project's maxWorkers). Most files
 * open one page after another and wait on it (load, network idle, transitions, polling), so one
 * file at a time used well under the 2 cores (10 files, one at a time: 309 s CPU in 507 s); a
 * second file fills those waits (same 10 files, 2 at a time: 314 s CPU in 433 s, at a higher
 * load; both runs in ci19's commit message). BROWSER_WORKERS=1 runs the files one after another.
 */
export const WORKERS = Math.max(1, Math.floor(Number(process.env.BROWSER_WORKERS ?? 2)) || 1)

/**
 * Run `fn` over `items` with at most `limit` calls in flight; results in the order of `items`.
 * The first error stops new calls from starting and is thrown once the running ones have settled
 * (so every page a call opened is closed before the test ends).
 */
export async function inPool<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>, limit = POOL): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  let failed: { error: unknown } | undefined
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        out[i] = await fn(items[i], i)
      } catch (error) {
        failed ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failed) throw failed.error
  return out
}
