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
import { readFrontmatter, validateFrontmatter } from './lib/frontmatter'

export function listPages(srcDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'public') continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p)
    }
  }
  walk(srcDir)
  return out.sort()
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
      md.render(text, { relativePath: path.relative(config.srcDir, file), path: file, cleanUrls: true })
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e))
    }
  }
  return problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await checkPages(process.argv.slice(2))
  for (const p of problems) console.error(p)
  console.log(problems.length ? `✗ ${problems.length} problem(s)` : '✓ pages ok')
  process.exit(problems.length ? 1 : 0)
}
