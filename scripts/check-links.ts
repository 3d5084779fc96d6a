/**
 * Link check of the built site with linkinator in directory mode (it serves .vitepress/dist on
 * localhost itself; see the notes for why not against a running server). External links are
 * listed but not fetched (this machine may only talk to 127.0.0.0/8). Also fails on any <img>
 * that points to an outside host: images must be local assets or Mermaid.
 *
 * Sub-path builds (`vitepress build --base /docker-kb/`): pass the base, and the site is checked
 * where it will live, under /docker-kb/ — a link or asset that forgot the base points outside it
 * and is broken. Raw URLs linkinator does not follow are checked too (rawUrlProblems: JSON
 * exports, sitemap, robots.txt), and every page's trailing-slash address (trailingSlashProblems).
 *
 *   npx tsx scripts/check-links.ts                                   # .vitepress/dist, base /
 *   npx tsx scripts/check-links.ts /tmp/sub-dist --base /docker-kb/  # a sub-path build
 *
 * PDF books (/downloads/*.pdf) are made after the build by `npm run pdf`, from the built site.
 * A link to one is checked like any other link: a plain build links none (pdfsLinked,
 * core/pdf-targets.ts; it used to link all 22 and this check let them pass as "pending", while a
 * reader got 404s), a `KB_PDF=1` build links them all, so the deploy (KB_PDF=1 build, pdf, links)
 * fails on any PDF it links but did not generate.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LinkChecker } from 'linkinator'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { siteRoot } from '../.vitepress/config/site'
import { cleanPath, REDIRECT_SCRIPT_ID } from '../.vitepress/config/trailing-slash'
import { parseCli, parseOrExit, UsageError } from './lib/cli-args'

/** Every built page as [file relative to dist, site path without base], 404.html excluded. */
function builtPages(dir: string): [string, string][] {
  const out: [string, string][] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) { if (e.name !== 'assets') walk(p) }
      else if (e.name.endsWith('.html') && p !== path.join(dir, '404.html')) {
        const rel = path.relative(dir, p).split(path.sep).join('/')
        out.push([rel, rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')])
      }
    }
  }
  walk(dir)
  return out
}

/**
 * URLs the site emits outside the HTML links linkinator follows, each of which must respect the base:
 * root-relative href/src in the HTML, site paths in the JSON exports (/api/*.json), the sitemap's
 * locations and robots.txt's sitemap line.
 * @returns one readable problem per wrong URL ("file: what")
 */
export function rawUrlProblems(dist: string, base: string): string[] {
  const problems: string[] = []
  const root = siteRoot(base)
  for (const [rel] of builtPages(dist).concat([['404.html', '']])) {
    const html = fs.readFileSync(path.join(dist, rel), 'utf8')
    for (const m of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
      if (!m[1].startsWith(base) && !m[1].startsWith('//')) problems.push(`${rel}: ${m[0].trim()} is outside the base ${base}`)
    }
  }
  const apiDir = path.join(dist, 'api')
  for (const f of fs.existsSync(apiDir) ? fs.readdirSync(apiDir).filter((n) => n.endsWith('.json')) : []) {
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`))
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        if ((k === 'url' || k === 'page') && typeof x === 'string' && x.startsWith('/') && !x.startsWith(base)) problems.push(`api/${f}: ${at}.${k} "${x}" is outside the base ${base}`)
        else walk(x, `${at}.${k}`)
      }
    }
    walk(JSON.parse(fs.readFileSync(path.join(apiDir, f), 'utf8')), '')
  }
  const sitemap = path.join(dist, 'sitemap.xml')
  if (fs.existsSync(sitemap)) {
    for (const m of fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)) {
      if (!m[1].startsWith(root + '/')) problems.push(`sitemap.xml: <loc>${m[1]}</loc> is not under ${root}/`)
    }
  }
  const robots = path.join(dist, 'robots.txt')
  const sitemapLine = fs.existsSync(robots) ? /^Sitemap: (.*)$/m.exec(fs.readFileSync(robots, 'utf8'))?.[1] : undefined
  if (sitemapLine !== `${root}/sitemap.xml`) problems.push(`robots.txt: Sitemap line is "${sitemapLine ?? '(missing)'}", expected ${root}/sitemap.xml`)
  return problems
}

/**
 * Every page's address with a trailing slash (`/x/`, what other sites and pasted links produce),
 * served the way GitHub Pages serves it (scripts/lib/static-server.ts): a 404 whose page must carry
 * the redirect to `/x` (.vitepress/config/trailing-slash.ts), or a page of its own (`x/index.html`).
 * The browser test (tests/browser/trailing-slash.test.ts) checks that the redirect shows the whole page.
 * @returns one readable problem per address that would not reach its page
 */
export async function trailingSlashProblems(dist: string, base: string): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = []
  const pages = builtPages(dist).filter(([rel]) => !rel.endsWith('index.html'))
  const s = await serveStatic(dist, 0, '127.0.0.1', { base })
  try {
    for (const [rel, route] of pages) {
      const address = `${base}${route}/`
      const r = await fetch(s.url + encodeURI(address), { redirect: 'manual' })
      const body = await r.text()
      if (r.status === 404 && body.includes(`id="${REDIRECT_SCRIPT_ID}"`) && cleanPath(address, base) === `${base}${route}`) continue
      problems.push(`${address} (page ${rel}): HTTP ${r.status}${r.status === 404 ? ', and the 404 page does not send it on to the page' : ''}`)
    }
  } finally {
    await s.close()
  }
  return { checked: pages.length, problems }
}

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

/**
 * Link check of a built site served under `base`.
 * @param dist the build output directory
 * @param base the base it was built with (`/` or e.g. `/docker-kb/`)
 */
export async function checkLinks(dist = DIST_DIR, base = '/') {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run npm run build first`)
  if (!/^\/([^/]+\/)*$/.test(base)) throw new Error(`--base must start and end with "/", got "${base}"`)
  // linkinator serves its root directory as /: put the site at <tmp>/<base> so URLs match the deploy
  const serverRoot = base === '/' ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'kb-links-'))
  if (serverRoot) {
    const at = path.join(serverRoot, base)
    fs.mkdirSync(path.dirname(at.replace(/\/$/, '')), { recursive: true })
    fs.symlinkSync(dist, at.replace(/\/$/, ''))
  }
  const checker = new LinkChecker()
  const external = new Set<string>()
  const result = await checker.check({
    path: serverRoot ? base.slice(1) : dist,
    serverRoot,
    recurse: true,
    cleanUrls: true,
    // a local static server on a loaded 2-core machine (npm test runs steps side by side) can take
    // seconds per request: fewer parallel requests, a generous timeout, and retries of connection
    // errors, so "broken" means a missing file, never a busy CPU. The timeout is longer than the
    // whole check: linkinator 7.6 aborts a request whose body it never reads when it runs out, and
    // that abort surfaces as an unhandled stream error that kills the process (seen under load)
    concurrency: 8,
    timeout: 60_000,
    retryErrors: true,
    retryErrorsCount: 3,
    retryErrorsJitter: 2000,
    linksToSkip: async (link: string) => {
      const local = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link)
      if (!local && /^https?:/.test(link)) external.add(new URL(link).host)
      return !local
    },
  })
  if (serverRoot) fs.rmSync(serverRoot, { recursive: true, force: true })
  const broken = result.links.filter((l) => l.state === 'BROKEN')
  const ok = result.links.filter((l) => l.state === 'OK')
  const slash = await trailingSlashProblems(dist, base)
  return {
    broken,
    ok: ok.length,
    skipped: result.links.length - ok.length - broken.length,
    external: [...external].sort(),
    images: externalImages(dist),
    raw: rawUrlProblems(dist, base),
    trailingSlash: slash,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { DIST, BASE } = parseOrExit('check-links', 'npx tsx scripts/check-links.ts [dist] [--base /docker-kb/]', () => {
    const { values, positionals } = parseCli(process.argv.slice(2), { options: { base: { type: 'string', default: '/' } }, allowPositionals: true })
    if (positionals.length > 1) throw new UsageError(`one built site at most, got ${positionals.join(' ')}`)
    return { DIST: path.resolve(positionals[0] ?? DIST_DIR), BASE: values.base }
  })
  const r = await checkLinks(DIST, BASE)
  for (const b of r.broken) console.error(`✗ broken: ${b.url} (${b.status}) on ${b.parent}`)
  for (const i of r.images) console.error(`✗ external image: ${i}`)
  for (const p of r.raw) console.error(`✗ raw URL: ${p}`)
  for (const p of r.trailingSlash.problems) console.error(`✗ trailing slash: ${p}`)
  const bad = r.broken.length + r.images.length + r.raw.length + r.trailingSlash.problems.length
  console.log(
    `links: ${r.ok} ok, ${r.broken.length} broken, ${r.skipped} external not fetched (hosts: ${r.external.join(', ') || 'none'}); ` +
      `base ${BASE}: ${r.raw.length} raw URL(s) outside it; trailing-slash addresses: ${r.trailingSlash.checked - r.trailingSlash.problems.length}/${r.trailingSlash.checked} reach their page`,
  )
  process.exit(bad ? 1 : 0)
}
