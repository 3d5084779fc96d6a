/**
 * `npm run new -- <section>/<slug>`: the scaffolded page passes the page check and the lint as it
 * is, takes the next free order, and shows up in the sidebar without registration. Works on a
 * temporary copy of a section, never on docs/ itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nextOrder, scaffoldPage } from '../../scripts/new-page'
import { checkPages } from '../../scripts/check-pages'
import { lintDocs } from '../../scripts/lint-docs'
import { readSections } from '../../core/sections'
import { readFrontmatter, validateFrontmatter } from '../../core/frontmatter'
import { compareStructure, driftOf, sourceHash } from '../../scripts/lib/translations'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-new-page-'))
const docs = path.join(tmp, 'docs')
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const page = (title: string, order: number) => `---\ntitle: ${title}\ndescription: 一段足够长的页面描述文字。\nsources: []\norder: ${order}\n---\n\n# ${title}\n`
fs.mkdirSync(path.join(docs, 'network'), { recursive: true })
fs.copyFileSync('docs/guide/index.md', path.join(docs, 'network/index.md'))
fs.writeFileSync(path.join(docs, 'network/bridge.md'), page('桥接网络', 2))
fs.writeFileSync(path.join(docs, 'network/host.md'), page('host 网络', 7))

describe('npm run new', () => {
  const orderBefore = nextOrder(path.join(docs, 'network'))
  const made = scaffoldPage({ spec: 'network/port-mapping', docsDir: docs })

  it('takes the next free order in the section', () => {
    expect(orderBefore).toBe(8)
  })

  it('writes docs/<section>/<slug>.md with valid frontmatter', () => {
    expect(made.file).toBe(path.join(docs, 'network/port-mapping.md'))
    expect(made.order).toBe(8)
    const text = fs.readFileSync(made.file, 'utf8')
    const fm = readFrontmatter(text, 'x.md')
    expect(fm.data).toMatchObject({ title: '新页面：port-mapping', sources: [], order: 8 })
    expect(String(fm.data.description).length).toBeGreaterThanOrEqual(10)
    expect(() => validateFrontmatter(fm, 'x.md')).not.toThrow()
    expect(text).toContain('\n# 新页面：port-mapping\n')
    expect(text).not.toMatch(/\{\{\w+\}\}/)
  })

  it('passes the page check (frontmatter, snippets, diagrams, glossary) and the lint', async () => {
    expect(await checkPages([made.file])).toEqual([])
    expect(await lintDocs([made.file])).toEqual([])
  })

  it('writes the English page too: same structure, stamped against the new Chinese page, passing check and lint', async () => {
    expect(made.enFile).toBe(path.join(docs, 'en/network/port-mapping.md'))
    const zhText = fs.readFileSync(made.file, 'utf8')
    const enText = fs.readFileSync(made.enFile, 'utf8')
    const fm = readFrontmatter(enText, 'docs/en/network/port-mapping.md')
    expect(fm.data).toMatchObject({ title: 'New page: port-mapping', order: 8, translation: { source: 'network/port-mapping.md', hash: sourceHash(zhText) } })
    expect(compareStructure(zhText, enText, 'docs/network/port-mapping.md', 'docs/en/network/port-mapping.md')).toEqual([])
    expect(driftOf(docs, 'network/port-mapping.md')).toBeNull()
    expect(enText).not.toMatch(/\{\{\w+\}\}|[\u4e00-\u9fff]/)
    expect(await checkPages([made.enFile])).toEqual([])
    expect(await lintDocs([made.enFile])).toEqual([])
  })

  it('appears in the sidebar without registration', () => {
    const net = readSections(docs).find((s) => s.dir === 'network')!
    expect(net.items.map((i) => i.link)).toEqual(['/network/bridge', '/network/host', '/network/port-mapping'])
  })

  it('takes a title, quoting it for YAML when needed', () => {
    const r = scaffoldPage({ spec: 'network/dns', title: 'DNS: 容器里的名字解析', docsDir: docs })
    const fm = readFrontmatter(fs.readFileSync(r.file, 'utf8'), 'x.md')
    expect(fm.data.title).toBe('DNS: 容器里的名字解析')
    expect(fm.data.order).toBe(9)
  })

  it('refuses unknown sections, bad slugs and existing files', () => {
    expect(() => scaffoldPage({ spec: 'nosuch/page', docsDir: docs })).toThrow(/unknown section "nosuch" \(sections: network\)/)
    expect(() => scaffoldPage({ spec: 'network/Port_Mapping', docsDir: docs })).toThrow(/slug/)
    expect(() => scaffoldPage({ spec: 'network/port-mapping', docsDir: docs })).toThrow(/exists already/)
    expect(() => scaffoldPage({ spec: 'v/page', docsDir: docs })).toThrow(/unknown section/)
  })
})
