/**
 * Sidebar and nav come from the file tree: every folder under docs/ with an index.md is a
 * section (its frontmatter gives title, order and optional nav `group`), every other .md file in
 * it is a page ordered by its `order` field. Adding a page = adding a file; nothing to register.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { DefaultTheme } from 'vitepress'
import { readFrontmatter } from '../../core/frontmatter'

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

/** `overview`: the label of each section's index page in the sidebar ('概览', 'Overview'). */
export function sidebarFor(sections: Section[], overview = '概览'): DefaultTheme.SidebarMulti {
  const items: DefaultTheme.SidebarItem[] = sections.map((s) => ({
    // not collapsible: VitePress renders collapsible groups as a role=button header around a
    // caret button (nested interactive controls, an axe violation)
    text: s.text,
    items: [{ text: overview, link: s.link }, ...s.items.map(({ text, link }) => ({ text, link }))],
  }))
  // one sidebar for the whole guide, so prev/next links run through every section in order
  return Object.fromEntries(sections.map((s) => [s.link, items]))
}

/**
 * `groupText` turns a section's `group` (a frontmatter value, kept identical in both languages so
 * the sections group the same way) into the menu label shown; default: the value itself.
 */
export function navFor(sections: Section[], groupText: (group: string) => string = (g) => g): DefaultTheme.NavItem[] {
  const nav: DefaultTheme.NavItem[] = []
  const groups = new Map<string, DefaultTheme.NavItemWithChildren>()
  for (const s of sections) {
    const item = { text: s.text, link: s.link, activeMatch: `^${s.link}` }
    if (!s.group) { nav.push(item); continue }
    let g = groups.get(s.group)
    if (!g) {
      g = { text: groupText(s.group), items: [] }
      groups.set(s.group, g)
      nav.push(g)
    }
    g.items.push(item)
  }
  return nav
}

/**
 * Frozen releases (docs/v/<name>/, made by `npm run version:cut`): each gets its own sidebar tree
 * under /v/<name>/, so reading an old release stays inside it, and its English edition (from
 * releases cut after it existed) one under /v/<name>/en/. (versions: core/versions.ts)
 */
export function versionSidebars(srcDir: string): DefaultTheme.SidebarMulti {
  const root = path.join(srcDir, 'v')
  if (!fs.existsSync(root)) return {}
  const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.'))
  return Object.assign(
    {},
    ...dirs.flatMap((d) => [
      sidebarFor(readSections(path.join(root, d.name), `/v/${d.name}/`)),
      sidebarFor(readSections(path.join(root, d.name, 'en'), `/v/${d.name}/en/`), 'Overview'),
    ]),
  )
}

/**
 * The site data (with every sidebar) is downloaded on every page. sidebarFor() gives each section
 * the same tree, and JSON repeats it once per key (12 copies per release: ~120 KB). When all keys
 * under `base` carry the same tree, one key `base` says the same thing (VitePress picks the
 * longest matching key, so /v/<release>/ still wins over /). Input: a sidebar and the base of its
 * keys; output: a one-key sidebar, or the input unchanged when the trees differ.
 */
export function compactSidebar(sidebar: DefaultTheme.SidebarMulti, base: string): DefaultTheme.SidebarMulti {
  const keys = Object.keys(sidebar)
  if (!keys.length || !keys.every((k) => k.startsWith(base))) return sidebar
  const first = JSON.stringify(sidebar[keys[0]])
  return keys.every((k) => JSON.stringify(sidebar[k]) === first) ? { [base]: sidebar[keys[0]] } : sidebar
}
