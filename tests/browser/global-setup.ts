/**
 * Serves the built site (.vitepress/dist) on 127.0.0.1 for the browser tests. The build itself
 * is a step of `npm test` (scripts/test-all.ts); a missing build is an error, not a skip.
 */
import fs from 'node:fs'
import type { TestProject } from 'vitest/node'
import { DIST_DIR, serveStatic } from '../../scripts/lib/static-server'

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(`${DIST_DIR}/index.html`)) throw new Error('No built site: run `npm run build` before the browser tests')
  const server = await serveStatic(DIST_DIR)
  project.provide('baseUrl', server.url)
  return () => server.close()
}
