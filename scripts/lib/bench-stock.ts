/**
 * The baseline of `npm run bench`: a stock VitePress 1.6.4 site built from the same Markdown pages
 * as ours, with none of our plugins, components or theme. What our plugins generate from data (the
 * command reference under `<!-- commands:… -->`, the glossary list) is expanded into plain Markdown
 * first, so both sites show the same text; glossary links `[[id|text]]` become their text,
 * component tags are dropped, and ```mermaid fences stay plain code blocks (stock VitePress has no
 * diagrams). Same nav, the same sidebar and the same built-in local search, default theme.
 *
 * Output goes to .tmp/bench-stock (gitignored); its config is plain data (JSON), no imports.
 */
import fs from 'node:fs'
import path from 'node:path'
import { listPages } from '../../core/pages'
import { expandCommandMarkers } from '../../core/commands'
import { loadGlossary } from '../../core/glossary'
import { glossaryListSource, scanUsage } from '../../core/glossary-refs'
import { readSections } from '../../core/sections'
import { sidebarFor, navFor, compactSidebar } from '../../.vitepress/config/sidebar'
import { SITE } from '../../.vitepress/config/site'
import { escapeHtml, VUE_TEMPLATE_SYNTAX } from '../../core/html'

export const STOCK_DIR = path.resolve('.tmp/bench-stock')

/** Our Markdown → stock Markdown (see the file comment). Input: page source and its repo path. */
export function toStockMarkdown(source: string, file: string, glossaryList: () => string): string {
  let text = expandCommandMarkers(source, file)
  if (text.includes('[[glossary-list]]')) text = text.replace('[[glossary-list]]', glossaryList())
  return text
    // `<script setup>` blocks import our theme's data loaders, which a stock site does not have; the HTML lines
    // that bind that data (v-for, :href, {{ }}) go with them (docs/about/embed.md, docs/about/offline.md)
    .replace(/^<script\b[^>]*\bsetup\b[^>]*>[\s\S]*?^<\/script>\s*$/gm, '')
    .replace(/^\s*<[a-z][^\n]*$/gm, (line) => (VUE_TEMPLATE_SYNTAX.test(line) ? '' : line))
    .replace(/\[\[([a-z0-9-]+)\|([^\]]+)\]\]/g, '$2')
    .replace(/\[\[([a-z0-9-]+)\]\]/g, '$1')
    .replace(/^<\/?[A-Z][A-Za-z]+\b[^>]*>\s*$/gm, '') // component tags (open, close, self-closing)
    .replace(/^(\s*(?:```|~~~)+[\w-]+)[ \t]+[^{\n]*$/gm, '$1') // our fence words (`sh run`): stock has no such syntax
    // inline code with {{ }}: what a stock site must write so Vue leaves it alone
    .replace(/(?<!`)`([^`\n]*\{\{[^`\n]*)`(?!`)/g, (_m, code: string) => `<code v-pre>${escapeHtml(code)}</code>`)
}

/**
 * Write the stock site: docs/ with every page converted, and .vitepress/config.mts.
 * Returns the number of pages. Throws if docs/ has no pages.
 */
export function prepareStockSite(srcDir = path.resolve('docs'), outDir = STOCK_DIR): number {
  fs.rmSync(outDir, { recursive: true, force: true })
  const pages = listPages(srcDir, { skipTop: ['data'] })
  if (!pages.length) throw new Error(`no pages under ${srcDir}`)
  let list: string | undefined
  const glossaryList = () => (list ??= glossaryListSource(loadGlossary(), scanUsage(srcDir)).markdown)
  for (const file of pages) {
    const rel = path.relative(srcDir, file)
    const dest = path.join(outDir, 'docs', rel)
    fs.mkdirSync(path.dirname(dest), { recursive: true })
    fs.writeFileSync(dest, toStockMarkdown(fs.readFileSync(file, 'utf8'), `docs/${rel}`, glossaryList))
  }
  const sections = readSections(srcDir, '/')
  const config = {
    srcDir: 'docs',
    lang: 'zh-CN',
    title: SITE.title,
    description: SITE.description,
    cleanUrls: true,
    ignoreDeadLinks: true,
    themeConfig: {
      nav: navFor(sections),
      // what a stock site would write: one sidebar for the whole guide
      sidebar: compactSidebar(sidebarFor(sections), '/'),
      search: { provider: 'local' },
    },
  }
  fs.mkdirSync(path.join(outDir, '.vitepress'), { recursive: true })
  fs.writeFileSync(path.join(outDir, '.vitepress/config.mts'), `export default ${JSON.stringify(config, null, 2)}\n`)
  return pages.length
}
