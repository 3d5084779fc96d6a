/**
 * Sidebar and nav come from the file tree (the sections read by core/sections.ts): every folder
 * under docs/ with an index.md is a section, every other .md file in it a page. Adding a page =
 * adding a file; nothing to register.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { DefaultTheme } from 'vitepress'
import { readSections, type Section } from '../../core/sections'
import { FROZEN_DIR, releaseNav, routeOf } from '../../core/version-paths'
import { listFrozen, listReleaseFiles } from '../../core/versions'

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

/**
 * The top nav of every frozen release (docs/v/<name>/) and of its English edition (docs/v/<name>/en/),
 * keyed `<name>` and `<name>/en`: the latest nav moved into the release (releaseNav in
 * core/version-paths.ts). Layout.vue shows it on the release's pages. Input: docs/ and the two
 * latest navs; output: { key: nav }, empty without releases.
 */
export function releaseNavs(srcDir: string, zhNav: DefaultTheme.NavItem[], enNav: DefaultTheme.NavItem[]): Record<string, DefaultTheme.NavItem[]> {
  const out: Record<string, DefaultTheme.NavItem[]> = {}
  for (const name of listFrozen(srcDir)) {
    // the release's routes, its English edition's (en/…) included
    const routes = new Set(listReleaseFiles(path.join(srcDir, FROZEN_DIR, name), { english: true }).pages.map(routeOf))
    const has = (route: string) => routes.has(route)
    out[name] = releaseNav(zhNav, name, has)
    if (routes.has('en/')) out[`${name}/en`] = releaseNav(enNav, name, has)
  }
  return out
}
