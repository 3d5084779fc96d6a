/**
 * The sections of a locale folder, read from the file tree: every folder under docs/ (or docs/en/,
 * docs/v/<release>/) with an index.md is a section (its frontmatter gives title, order and optional
 * nav `group`), every other .md file in it is a page ordered by its `order` field. One reader for the
 * site's sidebar and nav (.vitepress/config/sidebar.ts), llms.txt, the course packages
 * (core/cartridge.ts) and the PDF books (core/pdf-targets.ts, scripts/lib/pdf-book.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { readFrontmatter } from './frontmatter'

export interface PageEntry { text: string; link: string; order: number }
export interface Section { dir: string; text: string; link: string; order: number; group?: string; items: PageEntry[] }

/** Folders under docs/ that are not content sections. */
const NOT_SECTIONS = new Set(['public', 'data', 'en', 'v', '.vitepress'])

function entry(file: string, link: string): PageEntry & { group?: string } {
  const fm = readFrontmatter(fs.readFileSync(file, 'utf8'), file).data
  return {
    text: String(fm.title ?? path.basename(file, '.md')),
    link,
    order: typeof fm.order === 'number' ? fm.order : 999,
    group: typeof fm.group === 'string' ? fm.group : undefined,
  }
}

const byOrder = (a: { order: number; link: string }, b: { order: number; link: string }) =>
  a.order - b.order || a.link.localeCompare(b.link)

/** Read the sections of one locale folder (`docs` with base `/` for zh-CN, `docs/en` with base `/en/`). */
export function readSections(localeDir: string, base = '/'): Section[] {
  if (!fs.existsSync(localeDir)) return []
  const sections: Section[] = []
  for (const dir of fs.readdirSync(localeDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || NOT_SECTIONS.has(dir.name) || dir.name.startsWith('.')) continue
    const folder = path.join(localeDir, dir.name)
    const index = path.join(folder, 'index.md')
    if (!fs.existsSync(index)) continue
    const head = entry(index, `${base}${dir.name}/`)
    const items = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.md') && f !== 'index.md')
      .map((f) => entry(path.join(folder, f), `${base}${dir.name}/${f.replace(/\.md$/, '')}`))
      .sort(byOrder)
    sections.push({ dir: dir.name, text: head.text, link: head.link, order: head.order, group: head.group, items })
  }
  return sections.sort(byOrder)
}
