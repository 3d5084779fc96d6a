/**
 * Fast page check without a full build: frontmatter schema, dead links to site pages
 * (scripts/lib/dead-links.ts, the build's rules), snippet fence syntax, Mermaid text
 * alternatives, glossary references — everything our markdown plugins enforce — for all pages
 * or the files given; and the glossary term files (docs/data/glossary/<id>.md, en/<id>.md) with
 * the loader's rules (core/glossary.ts checkGlossary), always, and as terms when given as files.
 * Every problem of every page is printed as file:line in one run; exits 1 if any.
 *
 *   npx tsx scripts/check-pages.ts               # all of docs/
 *   npx tsx scripts/check-pages.ts docs/guide/why.md
 *   npx tsx scripts/check-pages.ts docs/data/glossary/volume.md
 */
import fs from 'node:fs'
import path from 'node:path'
import { compileTemplate } from 'vue/compiler-sfc'
import { frontmatterProblems, readFrontmatter } from '../core/frontmatter'
import { DATA_TOP, listPages } from '../core/pages'
import { DOCS_DIR, GLOSSARY_DIR, checkGlossary, isTermFile } from '../core/glossary'
import { parseCli, parseOrExit } from './lib/cli-args'
import { deadLinks, siteRoutes } from './lib/dead-links'

/**
 * VitePress compiles each page's HTML as a Vue template, so `{{ }}` or a stray `<Tag` in prose
 * breaks the build with a position in generated code. Compile it here and point at the source.
 */
export function vueTemplateErrors(html: string, rel: string): string[] {
  const source = `<div>${html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')}</div>`
  const { errors } = compileTemplate({ source, filename: rel, id: 'check' })
  return errors.map((e) => {
    const err = typeof e === 'string' ? { message: e } : e
    const loc = (err as { loc?: { start: { offset: number } } }).loc
    const near = loc ? source.slice(Math.max(0, loc.start.offset - 60), loc.start.offset + 40).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : ''
    return `${rel}: Vue template error: ${err.message}${near ? ` — near "${near}"` : ''} (literal {{ }} belongs in inline code or a fenced block)`
  })
}

type SiteRenderer = { config: Awaited<ReturnType<typeof import('vitepress').resolveConfig>>; md: Awaited<ReturnType<typeof import('vitepress').createMarkdownRenderer>> }
const renderers = new Map<string, Promise<SiteRenderer>>()

/**
 * The site's resolved config and its Markdown renderer, loaded once per root and process.
 * `resolveConfig` bundles and runs .vitepress/config (and the data it reads) on every call, ~1.5 s
 * on a loaded 2-core machine; the unit tests call `checkAll` a dozen times in one process. The CLI
 * calls it once, so it is unchanged. Within a process the config is taken as fixed, as in a
 * VitePress build; a load that fails is not kept (the next call tries again).
 * @param root the site root (the working directory)
 * @throws what `resolveConfig` throws (e.g. a broken config)
 */
function siteRenderer(root: string): Promise<SiteRenderer> {
  let r = renderers.get(root)
  if (!r) {
    r = (async () => {
      // loaded here, not at the top: a check of term files alone does not pay for VitePress's import
      const { createMarkdownRenderer, resolveConfig } = await import('vitepress')
      const config = await resolveConfig(root, 'build', 'production')
      const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
      return { config, md }
    })()
    renderers.set(root, r)
    r.catch(() => renderers.delete(root))
  }
  return r
}

export interface CheckResult {
  /** `file:line: message` lines, terms first (by file and line), then pages (in argument or file order; each page's in line order) */
  problems: string[]
  /** pages left unrendered because the term files have problems (the site config cannot load without the glossary) */
  pagesSkipped: number
}

/**
 * Check the term files and pages.
 * @param files files to check (relative to the working directory or absolute); none: every page.
 *   Term files among them are covered by the glossary check, which always runs: the other terms'
 *   rules (unique names, `related`, `[[id]]`) span the whole folder, and a problem in any term file
 *   fails the build.
 * @param opts.glossaryDir the glossary folder (tests pass fixtures; the pages still render with the site's glossary)
 */
export async function checkAll(files?: string[], opts: { glossaryDir?: string } = {}): Promise<CheckResult> {
  const glossaryDir = opts.glossaryDir ?? GLOSSARY_DIR
  const rel = (f: string) => path.relative(process.cwd(), f)
  const given = files?.length ? files.map((f) => path.resolve(f)) : undefined
  const problems: string[] = []
  const pages: string[] = []
  const inData = (file: string) => !path.relative(path.join(DOCS_DIR, DATA_TOP), file).startsWith('..')
  for (const file of given ?? listPages(DOCS_DIR)) {
    if (!fs.existsSync(file)) problems.push(`${rel(file)}: no such file`)
    else if (isTermFile(file, glossaryDir)) continue
    // a folder: its pages (the glossary folder's terms are checked below in any case)
    else if (fs.statSync(file).isDirectory()) pages.push(...(inData(file) ? [] : listPages(file)))
    else if (inData(file)) {
      problems.push(`${rel(file)}:1: not a page: docs/${DATA_TOP}/ holds the data behind generated pages; its glossary terms (docs/data/glossary/<id>.md, en/<id>.md) are checked as terms`)
    } else pages.push(file)
  }
  // first the glossary: the site config reads it while loading (the search index's word list), so a
  // broken term file would stop resolveConfig below with "failed to load config" and a stack trace
  const terms = checkGlossary(glossaryDir).problems.map((p) => p.message)
  if (terms.length) return { problems: [...terms, ...problems], pagesSkipped: pages.length }
  if (!pages.length) return { problems, pagesSkipped: 0 }

  const { config, md } = await siteRenderer(process.cwd())
  const routes = siteRoutes(config.srcDir)
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e))
  // every problem of every page in one run: the frontmatter's, the dead links', then the render's
  // (a plugin stops at its first problem), so a first-time contributor fixes them all at once
  for (const file of pages) {
    const shown = rel(file)
    const text = fs.readFileSync(file, 'utf8')
    const relativePath = path.relative(config.srcDir, file)
    let fm
    try {
      fm = readFrontmatter(text, shown)
    } catch (e) {
      // unreadable frontmatter: VitePress could not render the page either, so one message is all
      problems.push(message(e))
      continue
    }
    const found = [...frontmatterProblems(fm, shown).map(message), ...deadLinks(fm.body, fm.bodyLine, shown, relativePath, routes, config.vite?.publicDir || undefined)]
    try {
      const html = md.render(text, { relativePath, path: file, cleanUrls: true })
      found.push(...vueTemplateErrors(html, shown))
    } catch (e) {
      found.push(message(e))
    }
    // in line order (a stable sort: messages without a line keep their place at the end)
    const lineOf = (p: string) => Number(/^:(\d+):/.exec(p.slice(shown.length))?.[1] ?? Infinity)
    problems.push(...found.sort((a, b) => lineOf(a) - lineOf(b)))
  }
  return { problems, pagesSkipped: 0 }
}

/** The problems of checkAll (`file:line: message` lines; empty when everything is valid). */
export async function checkPages(files?: string[], opts: { glossaryDir?: string } = {}): Promise<string[]> {
  return (await checkAll(files, opts)).problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals: files } = parseOrExit('check', 'npm run check -- [files or folders…]', () => parseCli(process.argv.slice(2), { options: {}, allowPositionals: true }))
  const { problems, pagesSkipped } = await checkAll(files)
  for (const p of problems) console.error(p)
  if (pagesSkipped) console.log(`${pagesSkipped} page(s) not checked: the site config needs a valid glossary; fix the term files above and run the check again`)
  console.log(problems.length ? `✗ ${problems.length} problem(s)` : '✓ pages ok')
  process.exit(problems.length ? 1 : 0)
}
