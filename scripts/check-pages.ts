/**
 * Fast page check without a full build: frontmatter schema, snippet fence syntax, Mermaid text
 * alternatives, glossary references — everything our markdown plugins enforce — for all pages
 * or the files given. Every problem is printed as file:line; exits 1 if any.
 *
 *   npx tsx scripts/check-pages.ts               # all of docs/
 *   npx tsx scripts/check-pages.ts docs/guide/why.md
 */
import fs from 'node:fs'
import path from 'node:path'
import { createMarkdownRenderer, resolveConfig } from 'vitepress'
import { compileTemplate } from 'vue/compiler-sfc'
import { readFrontmatter, validateFrontmatter } from '../core/frontmatter'
import { listPages } from '../core/pages'
import { parseCli, parseOrExit } from './lib/cli-args'

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

export async function checkPages(files?: string[]): Promise<string[]> {
  const config = await resolveConfig(process.cwd(), 'build', 'production')
  const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
  const pages = files?.length ? files.map((f) => path.resolve(f)) : listPages(config.srcDir)
  const problems: string[] = []
  for (const file of pages) {
    const rel = path.relative(process.cwd(), file)
    const text = fs.readFileSync(file, 'utf8')
    try {
      validateFrontmatter(readFrontmatter(text, rel), rel)
      const html = md.render(text, { relativePath: path.relative(config.srcDir, file), path: file, cleanUrls: true })
      problems.push(...vueTemplateErrors(html, rel))
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e))
    }
  }
  return problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals: files } = parseOrExit('check', 'npm run check -- [files or folders…]', () => parseCli(process.argv.slice(2), { options: {}, allowPositionals: true }))
  const problems = await checkPages(files)
  for (const p of problems) console.error(p)
  console.log(problems.length ? `✗ ${problems.length} problem(s)` : '✓ pages ok')
  process.exit(problems.length ? 1 : 0)
}
