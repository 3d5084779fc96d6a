/**
 * Link check of the built site with linkinator in directory mode (it serves .vitepress/dist on
 * localhost itself; see the notes for why not against a running server). External links are
 * listed but not fetched (this machine may only talk to 127.0.0.0/8). Also fails on any <img>
 * that points to an outside host: images must be local assets or Mermaid.
 */
import fs from 'node:fs'
import path from 'node:path'
import { LinkChecker } from 'linkinator'
import { DIST_DIR } from './lib/static-server'

const DIST = path.resolve(process.argv[2] ?? DIST_DIR)

function externalImages(dir: string): string[] {
  const found: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.html')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/<img[^>]+src="(https?:)?\/\/[^"]+"/g)) found.push(`${path.relative(dir, p)}: ${m[0]}`)
      }
    }
  }
  walk(dir)
  return found
}

export async function checkLinks(dist = DIST) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run npm run build first`)
  const checker = new LinkChecker()
  const external = new Set<string>()
  const result = await checker.check({
    path: dist,
    recurse: true,
    cleanUrls: true,
    // a local static server on a loaded 2-core machine (npm test runs steps side by side) can take
    // seconds per request: fewer parallel requests, a generous timeout, and retries of connection
    // errors, so "broken" means a missing file, never a busy CPU
    concurrency: 8,
    timeout: 30_000,
    retryErrors: true,
    retryErrorsCount: 3,
    retryErrorsJitter: 2000,
    linksToSkip: async (link: string) => {
      const local = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link)
      if (!local && /^https?:/.test(link)) external.add(new URL(link).host)
      return !local
    },
  })
  const broken = result.links.filter((l) => l.state === 'BROKEN')
  const ok = result.links.filter((l) => l.state === 'OK')
  return { broken, ok: ok.length, skipped: result.links.length - ok.length - broken.length, external: [...external].sort(), images: externalImages(dist) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await checkLinks()
  for (const b of r.broken) console.error(`✗ broken: ${b.url} (${b.status}) on ${b.parent}`)
  for (const i of r.images) console.error(`✗ external image: ${i}`)
  console.log(`links: ${r.ok} ok, ${r.broken.length} broken, ${r.skipped} external not fetched (hosts: ${r.external.join(', ') || 'none'})`)
  process.exit(r.broken.length || r.images.length ? 1 : 0)
}
