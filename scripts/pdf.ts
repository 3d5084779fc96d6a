/**
 * `npm run pdf`: the knowledge base as PDF books, printed from the built site (scripts/lib/pdf-book.ts
 * says how). Run `npm run build` first; a missing or outdated build is an error.
 *
 *   npm run pdf                                  # every book into .vitepress/dist/downloads/
 *   npm run pdf -- --out /tmp/books              # somewhere else
 *   npm run pdf -- --only latest,latest-cli      # some books (ids: latest, latest-<section>, <release>)
 *   npm run pdf -- --dist /tmp/site              # from another build (default: KB_DIST or .vitepress/dist)
 *
 * Prints one line per book (file, pages, size, seconds) and writes reports/pdf.json.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser } from '../core/browser'
import { listPages } from '../core/pages'
import { bookPages, collectPages, coverFacts, defaultPdfDir, pageAnchor, printBook, type BookPage } from './lib/pdf-book'
import { PDF_ENV, pdfTargets, type PdfTarget } from '../core/pdf-targets'
import { pdfPages } from './lib/pdf-text'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { parseCli, parseOrExit } from './lib/cli-args'
import { DOCS_DIR, ROOT } from '../core/versions'
import { SITE } from '../.vitepress/config/site'
import snippetStatus from '../docs/about/snippet-status.data'

/** Files the built site is made from: if any is newer than the build, the PDFs would be stale. */
function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && !e.parentPath.includes(`${path.sep}cache`) && !e.parentPath.includes(`${path.sep}dist`)).map((e) => path.join(e.parentPath, e.name)) : []
  return [...listPages(DOCS_DIR), ...walk(path.join(ROOT, '.vitepress/config')), ...walk(path.join(ROOT, '.vitepress/plugins')), ...walk(path.join(ROOT, '.vitepress/theme')), ...walk(path.join(ROOT, 'public')), path.join(ROOT, 'versions.json')]
}

/**
 * The built site must exist and be newer than every source file.
 * @throws naming the build and the newest source file
 */
export function checkBuild(dist: string): void {
  const index = path.join(dist, 'index.html')
  if (!fs.existsSync(index)) throw new Error(`${dist} has no index.html: run \`npm run build\` before \`npm run pdf\``)
  const built = fs.statSync(index).mtimeMs
  let newest = { file: '', mtime: 0 }
  for (const f of sourceFiles()) {
    const m = fs.statSync(f).mtimeMs
    if (m > newest.mtime) newest = { file: f, mtime: m }
  }
  if (newest.mtime > built) {
    throw new Error(`${path.relative(ROOT, dist) || dist} is older than ${path.relative(ROOT, newest.file)} (built ${new Date(built).toISOString()}, changed ${new Date(newest.mtime).toISOString()}): run \`npm run build\` again, then \`npm run pdf\``)
  }
}

/**
 * Links to pages of the same release that are not in this book (a section book) point to the
 * page on the site instead of an anchor the PDF does not have.
 */
function keepLinksInBook(p: BookPage, inBook: string[], inRelease: string[]): BookPage {
  const here = new Set(inBook.map(pageAnchor))
  const site = new Map(inRelease.map((l) => [pageAnchor(l), l]))
  const html = p.html.replace(/href="#(p[^"]*?)(?:--([^"]*))?"/g, (m, anchor: string, frag?: string) => {
    const link = site.get(anchor)
    if (here.has(anchor) || !link) return m
    return `href="${SITE.url}${encodeURI(link)}${frag ? `#${encodeURIComponent(frag)}` : ''}"`
  })
  return { ...p, html }
}

export interface PdfResult { id: string; file: string; pages: number; bytes: number; seconds: number; bookPages: number }

/**
 * Write the books.
 * @param opts.dist built site; opts.out output folder; opts.only target ids (all when absent)
 * @returns one entry per PDF written
 */
export async function writePdfs(opts: { dist: string; out: string; only?: string[]; log?: (s: string) => void }): Promise<PdfResult[]> {
  const log = opts.log ?? console.log
  checkBuild(opts.dist)
  const all = pdfTargets(SITE.title)
  const unknown = (opts.only ?? []).filter((id) => !all.some((t) => t.id === id))
  if (unknown.length) throw new Error(`unknown book(s) ${unknown.join(', ')} (books: ${all.map((t) => t.id).join(', ')})`)
  const targets = opts.only ? all.filter((t) => opts.only!.includes(t.id)) : all
  fs.mkdirSync(opts.out, { recursive: true })

  const status = (await snippetStatus.load([])) as Parameters<typeof coverFacts>[1]
  const engine = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/snippets/engine.json'), 'utf8'))
  let commit: string | undefined
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    commit = undefined
  }
  const generated = new Date().toISOString().slice(0, 10)

  const server = await serveStatic(opts.dist)
  // no JavaScript: the server-rendered pages already hold everything (diagram SVGs, code, collapsed
  // blocks); not starting the app on each page makes reading them several times faster
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', javaScriptEnabled: false })
  const results: PdfResult[] = []
  try {
    const page = await browser.context.newPage()
    // pages are read once per release (with every page of the release as a link target) and
    // shared by that release's books; a section book then sends links to other sections to the site
    const read = new Map<string, BookPage>()
    let css = ''
    for (const t of targets) {
      const started = Date.now()
      const release = t.release ?? 'latest'
      const whole = all.find((x) => x.id === release)!
      const everyLink = bookPages(whole)
      const todo = everyLink.filter((l) => bookPages(t).some((b) => b.link === l.link) && !read.has(`${release}:${l.link}`))
      const inRelease = Object.fromEntries(everyLink.map((l) => [l.link, pageAnchor(l.link)]))
      for (const p of await collectPages(page, server.url, todo, inRelease)) read.set(`${release}:${p.link}`, p)
      if (!css) css = (await page.evaluate(`document.querySelector('link[rel~=stylesheet][href*="/assets/"]')?.href ?? ''`)) as string
      if (!css) throw new Error('no site stylesheet found in the built pages')
      const links = bookPages(t)
      const pages = links.map((l) => keepLinksInBook(read.get(`${release}:${l.link}`)!, links.map((x) => x.link), everyLink.map((x) => x.link)))
      const file = path.join(opts.out, t.file)
      await printBook(page, server.url, t, coverFacts(t.release, status, engine, generated, commit), css, pages, file)
      const r = { id: t.id, file, pages: pdfPages(file), bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000, bookPages: pages.length }
      results.push(r)
      log(`pdf: ${path.relative(process.cwd(), file)}: ${r.bookPages} site pages, ${r.pages} PDF pages, ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.seconds.toFixed(1)} s`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return results
}

export type { PdfTarget }

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseOrExit('pdf', 'npm run pdf -- [--out DIR] [--only id,id…] [--dist DIR]', () =>
    parseCli(process.argv.slice(2), { options: { dist: { type: 'string' }, out: { type: 'string' }, only: { type: 'string', multiple: true } } }),
  )
  const dist = path.resolve(values.dist ?? DIST_DIR)
  const out = path.resolve(values.out ?? defaultPdfDir(dist))
  const started = Date.now()
  try {
    const results = await writePdfs({ dist, out, only: values.only?.flatMap((o) => o.split(',')).filter(Boolean) })
    const total = results.reduce((n, r) => n + r.bytes, 0)
    console.log(`pdf: ${results.length} PDF(s), ${results.reduce((n, r) => n + r.pages, 0)} pages, ${(total / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    fs.mkdirSync('reports', { recursive: true })
    fs.writeFileSync('reports/pdf.json', JSON.stringify({ seconds: (Date.now() - started) / 1000, results }, null, 2))
    // a plain build lists the books without links (pdfsLinked, core/pdf-targets.ts): say so, or the
    // PDFs are published and no page leads to them
    const offline = path.join(dist, 'about', 'offline.html')
    if (fs.existsSync(offline) && fs.readFileSync(offline, 'utf8').includes('class="pdf-pending"')) {
      console.log(`pdf: note: ${path.relative(process.cwd(), dist) || dist} was built without ${PDF_ENV}=1, so its pages name these PDFs without linking them; to publish them, build with \`${PDF_ENV}=1 npm run build\` and run \`npm run pdf\` again`)
    }
  } catch (e) {
    console.error(`✗ pdf: ${(e as Error).message}`)
    process.exit(1)
  }
}
