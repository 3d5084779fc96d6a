/**
 * Link check of the built site with linkinator in directory mode (it serves .vitepress/dist on
 * localhost itself; see the notes for why not against a running server). External links are
 * listed but not fetched (this machine may only talk to 127.0.0.0/8). Also fails on any <img>
 * that points to an outside host: images must be local assets or Mermaid.
 *
 * PDF books (/downloads/*.pdf) are made after the build by `npm run pdf`, from the built site
 * (printing needs the finished pages, and it takes minutes, too long for every build). A link to a
 * PDF that is in the built site is checked like any other; a link to one that is not is accepted
 * only if it names a PDF `npm run pdf` writes (pdfTargets(), the generator's own list; the pdf
 * test checks that the generator writes them) and is reported as such. So the link check passes
 * on a plain build, fails on a misspelt or removed PDF, and the deploy (build, pdf, links) checks
 * the real files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { LinkChecker } from 'linkinator'
import { DIST_DIR } from './lib/static-server'
import { PDF_DIR, pdfTargets } from './lib/pdf-book'

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

/** Links that were skipped because they point to a PDF `npm run pdf` has not written yet. */
const countPending = (links: { url: string; state: string }[], pending: Set<string>) =>
  links.filter((l) => l.state === 'SKIPPED' && /^https?:\/\/(localhost|127\.0\.0\.1)/.test(l.url) && pending.has(decodeURI(new URL(l.url).pathname))).length

export async function checkLinks(dist = DIST) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run npm run build first`)
  const checker = new LinkChecker()
  const external = new Set<string>()
  const pdfs = new Set(pdfTargets().map((t) => `/${PDF_DIR}/${t.file}`))
  const pendingPdfs = new Set<string>()
  const result = await checker.check({
    path: dist,
    recurse: true,
    cleanUrls: true,
    concurrency: 20,
    timeout: 10_000,
    linksToSkip: async (link: string) => {
      const local = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link)
      if (local) {
        const p = decodeURI(new URL(link).pathname)
        if (p.endsWith('.pdf') && pdfs.has(p) && !fs.existsSync(path.join(dist, p))) {
          pendingPdfs.add(p)
          return true
        }
      }
      if (!local && /^https?:/.test(link)) external.add(new URL(link).host)
      return !local
    },
  })
  const broken = result.links.filter((l) => l.state === 'BROKEN')
  const ok = result.links.filter((l) => l.state === 'OK')
  return { broken, ok: ok.length, skipped: result.links.length - ok.length - broken.length - countPending(result.links, pendingPdfs), external: [...external].sort(), images: externalImages(dist), pendingPdfs: [...pendingPdfs].sort() }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await checkLinks()
  for (const b of r.broken) console.error(`✗ broken: ${b.url} (${b.status}) on ${b.parent}`)
  for (const i of r.images) console.error(`✗ external image: ${i}`)
  if (r.pendingPdfs.length) console.log(`links: ${r.pendingPdfs.length} PDF(s) linked but not built yet (\`npm run pdf\` writes them): ${r.pendingPdfs.join(', ')}`)
  console.log(`links: ${r.ok} ok, ${r.broken.length} broken, ${r.skipped} external not fetched (hosts: ${r.external.join(', ') || 'none'})`)
  process.exit(r.broken.length || r.images.length ? 1 : 0)
}
