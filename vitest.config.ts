/** Test projects: `unit` (pure functions, fast), `browser` (built site in Debian chromium), `snippets` (real Docker engine). */
import { configDefaults, defineConfig } from 'vitest/config'
import { POOL, WORKERS } from './tests/browser/pool.ts'

/** unit files that write pages into docs/ (docs/.check-pages-fixtures) */
const UNIT_ALONE = ['tests/unit/check-pages.test.ts']

export default defineConfig({
  test: {
    projects: [
      // Two files at a time even on 2 cores (vitest's default there is 1): most unit files wait on
      // child processes (tsx CLIs, VitePress builds of fixture sites, git) and module imports, so one
      // worker left a core idle. Measured on the 2-core machine: see the ci18 commit messages.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [...configDefaults.exclude, ...UNIT_ALONE], testTimeout: 60_000, maxWorkers: 2, sequence: { groupOrder: 1 } } },
      // unit files that write into the repository's docs/ run alone, after the others: a page there
      // changes the render cache's fingerprint (render-cache-build.test.ts's warm build then missed)
      // and the page listings of other files. `npm test` and `npm run test:unit` run both projects.
      { test: { name: 'unit-alone', include: UNIT_ALONE, testTimeout: 60_000, maxWorkers: 1, sequence: { groupOrder: 2 } } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // WORKERS files at a time (tests/browser/pool.ts), each with its own chromium
          fileParallelism: WORKERS > 1,
          maxWorkers: WORKERS,
          // `it.concurrent` tests of one file share its browser: at most POOL pages at once
          maxConcurrency: POOL,
          globalSetup: ['tests/browser/global-setup.ts'],
        },
      },
      // npm run pdf on the built site (tests/pdf/pdf.test.ts): minutes, so its own project and step
      { test: { name: 'pdf', include: ['tests/pdf/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 1_200_000 } },
      { test: { name: 'snippets', include: ['tests/snippets/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false } },
      // a sub-path build in chromium; run by scripts/check-subpath.ts, which builds it first
      { test: { name: 'subpath', include: ['tests/subpath/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
})
