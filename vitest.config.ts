/** Test projects: `unit` (pure functions, fast), `browser` (built site in Debian chromium), `snippets` (real Docker engine). */
import { defineConfig } from 'vitest/config'
import { POOL } from './tests/browser/pool.ts'

export default defineConfig({
  test: {
    projects: [
      // Two files at a time even on 2 cores (vitest's default there is 1): most unit files wait on
      // child processes (tsx CLIs, VitePress builds, git) and module imports, so one worker left a
      // core idle. Measured on the 2-core machine: see the ci18 commit message.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, maxWorkers: 2 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
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
