/**
 * Bad input fails with file and line, through VitePress's own markdown pipeline (which strips
 * the frontmatter before parsing, so line numbers must be mapped back to the file).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkAll, checkPages } from '../../scripts/check-pages'

const DIR = path.resolve('docs/.check-pages-fixtures')
fs.mkdirSync(DIR, { recursive: true })
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }))
const FM = '---\ntitle: 测试页面\ndescription: 用于验证错误行号是否正确的测试页面。\nsources: []\n---\n\n# 测试\n\n'
const page = (name: string, body: string) => {
  const f = path.join(DIR, name)
  fs.writeFileSync(f, FM + body)
  return f
}
const rel = (f: string) => path.relative(process.cwd(), f)

describe('check-pages: errors name the file and the line in the file', () => {
  it('a shell fence without run/norun', async () => {
    const f = page('fence.md', 'text\n\n```sh\nls\n```\n')
    expect(await checkPages([f])).toEqual([`${rel(f)}:11: shell snippet must say "run" or norun="reason" (e.g. \`\`\`sh run)`])
  })
  it('a malformed snippet attribute', async () => {
    const f = page('attr.md', '```sh run timeout=abc\nls\n```\n')
    expect(await checkPages([f])).toEqual([`${rel(f)}:9: "timeout" must be a whole number, got "abc"`])
  })
  it('an unknown glossary term', async () => {
    const f = page('term.md', '第一段。\n\n第二段 [[imagee]]。\n')
    expect((await checkPages([f]))[0]).toMatch(new RegExp(`^${rel(f)}:11: unknown glossary term "imagee"`))
  })
  it('a diagram without a text alternative', async () => {
    const f = page('diagram.md', '```mermaid\nflowchart LR\n  A --> B\n```\n')
    expect(await checkPages([f])).toEqual([`${rel(f)}:9: mermaid diagram needs an "accTitle: …" line (its accessible name)`])
  })
  it('bad frontmatter', async () => {
    const f = path.join(DIR, 'fm.md')
    fs.writeFileSync(f, '---\ntitle: 测试页面\ndescription: 用于验证错误行号是否正确的测试页面。\nsources: [nope]\n---\n')
    expect(await checkPages([f])).toEqual([`${rel(f)}:4: sources[0]: must be one of yama-2025, docker-resources-2025 (got string "nope")`])
  })
  it('every problem of a page in one run, in line order, each with its fix (outside contributor, round 14)', async () => {
    const f = path.join(DIR, 'three.md')
    fs.writeFileSync(f, '---\ntitle: 查看容器资源占用\ndescripton: 用 docker stats 实时查看容器的资源占用。\nsources: []\n---\n\n# 统计\n\n'
      + '数据来自 [[cgroups|控制组]]。\n\n限制资源见[资源限制](/internals/limits)。\n')
    expect(await checkPages([f])).toEqual([
      `${rel(f)}:3: unknown field "descripton": did you mean "description"? (a required field, missing: one or two sentences for search results and social cards)`,
      `${rel(f)}:9: unknown glossary term "cgroups" (did you mean "cgroup"?)`,
      `${rel(f)}:11: dead link /internals/limits: no page docs/internals/limits.md or docs/internals/limits/index.md; nearest existing page: /internals/layers`,
    ])
  })
  it('dead links to site pages, by the site\'s rules, with file:line', async () => {
    const f = page('links.md', [
      '[好](/guide/why) [好](/guide/why.md#x) [好](/guide/) [好](../guide/why) [好](/en/guide/why) [外部](https://example.com/nope) [锚](#x) [文件](/nope.pdf)',
      '',
      '第一行，',
      '第二行 [坏](/guide/wyh#anchor)。',
      '',
      '| a | b |',
      '| - | - |',
      '| [坏](./nope) | x |',
      '',
      '[坏][ref]',
      '',
      '[ref]: /en/guide/first-containers',
    ].join('\n') + '\n')
    expect(await checkPages([f])).toEqual([
      `${rel(f)}:12: dead link /guide/wyh#anchor: no page docs/guide/wyh.md or docs/guide/wyh/index.md; nearest existing page: /guide/why`,
      `${rel(f)}:16: dead link ./nope: no page docs/.check-pages-fixtures/nope.md or docs/.check-pages-fixtures/nope/index.md`,
      `${rel(f)}:18: dead link /en/guide/first-containers: no page docs/en/guide/first-containers.md or docs/en/guide/first-containers/index.md; nearest existing page: /en/guide/first-container`,
    ])
  })
  it('Go templates in prose break the Vue compile and are reported', async () => {
    const f = page('vue.md', '用 {{.State.Pid}} 查看\n')
    expect((await checkPages([f]))[0]).toMatch(/Vue template error/)
  })
  it('a folder: its pages', async () => {
    fs.mkdirSync(path.join(DIR, 'folder'), { recursive: true })
    const f = path.join(DIR, 'folder', 'fence.md')
    fs.writeFileSync(f, FM + '```sh\nls\n```\n')
    expect(await checkPages([path.join(DIR, 'folder')])).toEqual([`${rel(f)}:9: shell snippet must say "run" or norun="reason" (e.g. \`\`\`sh run)`])
  })
  it('a clean page passes', async () => {
    const f = page('ok.md', '正文，[[image]] 与 `{{.ID}}`。\n\n```sh run\nls\n```\n')
    expect(await checkPages([f])).toEqual([])
  })
})

describe('check-pages: term files are checked as terms (the loader\'s rules), never as pages', () => {
  /** a glossary folder with one valid term and one term with three mistakes (lines 7, 8 and 13) */
  const glossary = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-pages-terms-'))
    const term = (id: string, related: string, tags: string, body: string) =>
      `---\nid: ${id}\nzh: 术语${id}\nen: Term ${id}\naliases: []\nshort: 一句话定义，足够长。\nrelated: ${related}\ntags: ${tags}\n---\n\n${body}\n`
    fs.writeFileSync(path.join(dir, 'alpha.md'), term('alpha', '[]', '[基础]', '这是一段足够长的详细解释，用来通过长度检查。'))
    fs.writeFileSync(path.join(dir, 'beta.md'), term('beta', '[alphq]', '[杂项]', '这是一段足够长的详细解释，用来通过长度检查。\n\n## 小标题'))
    return dir
  }
  it('a valid term file of the site passes (no "missing field title")', async () => {
    expect(await checkPages(['docs/data/glossary/cache-mount.md', 'docs/data/glossary/en/cache-mount.md'])).toEqual([])
  })
  it('a broken term file: every problem, each one clean file:line line', async () => {
    const dir = glossary()
    try {
      expect(await checkPages([path.join(dir, 'beta.md')], { glossaryDir: dir })).toEqual([
        `${dir}/beta.md:7: related[0]: unknown glossary term "alphq" (did you mean "alpha"?)`,
        `${dir}/beta.md:8: tags[0]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")`,
        `${dir}/beta.md:13: body: no headings inside a term text (the glossary page makes one heading per term)`,
      ])
      // a page given with it is not rendered (the site config needs a valid glossary), and that is said
      const f = page('with-terms.md', '正文。\n')
      expect(await checkAll([f, path.join(dir, 'alpha.md')], { glossaryDir: dir })).toEqual({ problems: expect.any(Array), pagesSkipped: 1 })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
  it('other files under docs/data/ and missing files are named, not checked as pages', async () => {
    expect(await checkPages(['docs/data/glossary/README.md', 'docs/data/glossary/no-such-term.md'])).toEqual([
      'docs/data/glossary/README.md:1: not a page: docs/data/ holds the data behind generated pages; its glossary terms (docs/data/glossary/<id>.md, en/<id>.md) are checked as terms',
      'docs/data/glossary/no-such-term.md: no such file',
    ])
  })
})
