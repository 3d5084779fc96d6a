import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSections } from '../../core/sections'
import { sidebarFor, navFor } from '../../.vitepress/config/sidebar'
import { en, GROUPS_EN } from '../../.vitepress/config/en'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-sidebar-'))
const write = (rel: string, fm: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
  fs.writeFileSync(path.join(dir, rel), `---\n${fm}\n---\n# x\n`)
}
write('b/index.md', 'title: 第二\norder: 2\ngroup: 组')
write('b/z.md', 'title: Z 页\norder: 1')
write('b/a.md', 'title: A 页\norder: 2')
write('a/index.md', 'title: 第一\norder: 1')
write('c/index.md', 'title: 第三\norder: 3\ngroup: 组')
write('en/index.md', 'title: English')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('sidebar and nav from the file tree', () => {
  const sections = readSections(dir)
  it('orders sections and pages by frontmatter order, skipping locale folders', () => {
    expect(sections.map((s) => s.text)).toEqual(['第一', '第二', '第三'])
    expect(sections[1].items.map((p) => p.link)).toEqual(['/b/z', '/b/a'])
  })
  it('gives every section the same full sidebar so prev/next run through the guide', () => {
    const sb = sidebarFor(sections)
    expect(Object.keys(sb)).toEqual(['/a/', '/b/', '/c/'])
    expect(sb['/a/']).toBe(sb['/c/'])
  })
  it('groups sections into nav dropdowns', () => {
    const nav = navFor(sections)
    expect(nav.map((n) => (n as { text: string }).text)).toEqual(['第一', '组'])
    expect((nav[1] as { items: { text: string }[] }).items.map((i) => i.text)).toEqual(['第二', '第三'])
  })
  it('picks up a new page without registration', () => {
    write('a/new.md', 'title: 新页面\norder: 1')
    expect(readSections(dir)[0].items.map((p) => p.text)).toContain('新页面')
  })
})

describe('English locale (config/en.ts)', () => {
  it('works with only docs/en/index.md: a one-page sidebar and a Home nav link', () => {
    const c = en(dir)
    expect(c.themeConfig?.nav).toEqual([{ text: 'Home', link: '/en/' }])
    expect(Object.keys(c.themeConfig?.sidebar ?? {})).toEqual(['/en/'])
  })
  it('builds nav and sidebar from docs/en sections, with English group labels and overview', () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-sidebar-en-'))
    try {
      const w = (rel: string, fm: string) => {
        fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true })
        fs.writeFileSync(path.join(tree, rel), `---\n${fm}\n---\n# x\n`)
      }
      w('en/index.md', 'title: Home')
      w('en/network/index.md', 'title: Networking\norder: 1\ngroup: 原理')
      w('en/network/bridge.md', 'title: Bridge networks\norder: 1')
      const c = en(tree)
      expect(c.themeConfig?.nav).toEqual([{ text: 'Internals', items: [{ text: 'Networking', link: '/en/network/', activeMatch: '^/en/network/' }] }])
      expect(c.themeConfig?.sidebar).toEqual({ '/en/': [{ text: 'Networking', items: [{ text: 'Overview', link: '/en/network/' }, { text: 'Bridge networks', link: '/en/network/bridge' }] }] })
    } finally {
      fs.rmSync(tree, { recursive: true, force: true })
    }
  })
  it('has an English label for every nav group used in docs/', () => {
    const groups = readSections(path.resolve('docs')).map((s) => s.group).filter((g): g is string => !!g)
    expect(groups.filter((g) => !(g in GROUPS_EN))).toEqual([])
  })
})
