/** `npm run preview`: serve the built site on http://127.0.0.1:4173 (build first with `npm run build`). */
import fs from 'node:fs'
import { DIST_DIR, serveStatic } from './lib/static-server'

const dist = DIST_DIR
if (!fs.existsSync(`${dist}/index.html`)) {
  console.error('No built site in .vitepress/dist — run `npm run build` first.')
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4173)
const s = await serveStatic(dist, port)
console.log(`Serving ${dist} at ${s.url}/ (Ctrl-C to stop)`)
