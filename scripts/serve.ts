/**
 * `npm run preview`: serve the built site on http://127.0.0.1:4173 (build first with `npm run build`).
 * A sub-path build (`vitepress build --base /docker-kb/`) is served under its base:
 * `npm run preview -- --base /docker-kb/`.
 */
import fs from 'node:fs'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { parseCli, parseOrExit } from './lib/cli-args'

const { values: { base } } = parseOrExit('preview', 'npm run preview -- [--base /docker-kb/]', () =>
  parseCli(process.argv.slice(2), { options: { base: { type: 'string', default: '/' } } }),
)

const dist = DIST_DIR
if (!fs.existsSync(`${dist}/index.html`)) {
  console.error('No built site in .vitepress/dist — run `npm run build` first.')
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4173)
const s = await serveStatic(dist, port, '127.0.0.1', { base })
console.log(`Serving ${dist} at ${s.url}${base} (Ctrl-C to stop)`)
