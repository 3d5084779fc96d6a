import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSections, sidebarFor, navFor } from '../../.vitepress/config/sidebar'

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
