/**
 * How many pages a browser test keeps open at once when it visits many independent pages
 * (BROWSER_POOL, default 3): read by tests/browser/helpers.ts (inPool) and by the browser
 * project's maxConcurrency (vitest.config.ts, for `it.concurrent`). Each visit mostly waits — for
 * the network to go idle, for the renderer — so a few pages at once in one browser keep both
 * cores of the CI machine busy. 3 against one page at a time, run side by side on a loaded 2-core
 * machine: diagram-labels' desktop pass 315 s instead of 482 s. 2 and 4 are still to be compared
 * (BROWSER_POOL=2 / 4 over the same files).
 * No vitest import here: vitest.config.ts reads it too.
 */
export const POOL = Math.max(1, Math.floor(Number(process.env.BROWSER_POOL ?? 3)) || 1)
