/** The Markdown copy of a page (.vitepress/plugins/page-markdown.ts) and /llms.txt (llms.ts), on fixtures and on the real docs. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageMarkdown } from '../../.vitepress/plugins/page-markdown'
import { checkLlmsTxtSize, LLMS_TXT_LIMIT, llmsTxt, llmsTxtEn, sidebarOrder } from '../../.vitepress/plugins/llms'
import { readSections } from '../../core/sections'
import { markdownPath } from '../../core/version-paths'
import { SITE } from '../../.vitepress/config/site'

const SITE_URL = 'https://kb.example'
const convert = (source: string, relativePath = 'net/demo.md', base = '/') => pageMarkdown({ relativePath, source, siteUrl: SITE_URL, base })

const PAGE = [
  '---', // 1
  'title: 演示页',
  'description: 一页用来测试的内容。',
  'sources: []',
  '---', // 5
  '', // 6
  '[[volume]]是数据，[[container|容器实例]]不是。参见[端口映射](/network/port-mapping)和[本节](#ji-ben)、[旁边](./bridge.md)、[栏目](../guide/)。', // 7
  '',
  '## 基本 [[image]] 用法 {#ji-ben}', // 9
  '',
  '::: tip 小心端口', // 11
  '代码里的 `[[volume]]` 和 `/network/x` 不动。',
  ':::',
  '',
  '```sh run', // 15
  'docker run --rm busybox echo [[ok]]',
  '```',
  '',
  '```powershell norun="仅适用于 Windows"', // 19
  'docker ps',
  '```',
  '',
  '```dockerfile file=Dockerfile', // 23
  'FROM busybox',
  '```',
  '',
  '```mermaid', // 27
  'flowchart LR',
  '  accTitle: 两个框',
  '  accDescr: 甲指向乙。',
  '  A --> B',
  '```',
  '',
  '<script setup>', // 34
  "import x from './x'",
  '</script>',
  '',
  '<!-- a comment -->', // 38
  '',
  '常用写法：`docker ps` <CommandCopy text="docker ps" />', // 40
  '',
  '<p class="cli-en" lang="en">List &amp; show containers.</p>', // 42
  '',
]

describe('page → Markdown', () => {
  const out = convert(PAGE.join('\n'))

  it('drops the frontmatter, adds the title as H1 and the header with the page URL and description', () => {
    expect(out).not.toMatch(/^---/m)
    expect(out).not.toContain('sources:')
    expect(out.startsWith('# 演示页\n\n> 网页版：<https://kb.example/net/demo>\n>\n> 一页用来测试的内容。\n')).toBe(true)
  })

  it('turns glossary references into links (plain text in headings) and leaves code alone', () => {
    expect(out).toContain('[数据卷](https://kb.example/glossary/#volume)是数据，[容器实例](https://kb.example/glossary/#container)不是。')
    expect(out).toContain('## 基本 镜像 用法\n')
    expect(out).toContain('代码里的 `[[volume]]` 和 `/network/x` 不动。')
    expect(out).toContain('docker run --rm busybox echo [[ok]]')
  })

  it('makes links absolute (site paths, anchors, relative .md links, section pages)', () => {
    expect(out).toContain('[端口映射](https://kb.example/network/port-mapping)')
    expect(out).toContain('[本节](https://kb.example/net/demo#ji-ben)')
    expect(out).toContain('[旁边](https://kb.example/net/bridge)')
    expect(out).toContain('[栏目](https://kb.example/guide/)')
  })

  it('respects base', () => {
    const b = convert(PAGE.join('\n'), 'net/demo.md', '/kb/')
    expect(b).toContain('> 网页版：<https://kb.example/kb/net/demo>')
    expect(b).toContain('[端口映射](https://kb.example/kb/network/port-mapping)')
    expect(b).toContain('(https://kb.example/kb/glossary/#volume)')
  })

  it('reduces fences to the language and shows file names, norun reasons and diagram text alternatives', () => {
    expect(out).toContain('\n```sh\ndocker run')
    expect(out).toContain('未自动验证：仅适用于 Windows\n\n```powershell\ndocker ps')
    expect(out).toContain('文件 `Dockerfile`\n\n```dockerfile\nFROM busybox')
    expect(out).toContain('图：两个框。甲指向乙。\n\n```mermaid\nflowchart LR\n  accTitle: 两个框')
    expect(out).not.toMatch(/```\w+ (run|norun|file=)/)
  })

  it('turns containers into a title line and drops scripts, comments and components', () => {
    expect(out).toContain('**小心端口**\n\n代码里的')
    expect(out).not.toMatch(/^:::/m)
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<!--')
    expect(out).not.toContain('CommandCopy')
    expect(out).toContain('常用写法：`docker ps`\n')
    expect(out).toContain('\nList & show containers.\n')
  })

  it('keeps a page H1 and puts the header under it; strips {#id} from headings', () => {
    const o = convert('---\ntitle: T\ndescription: D\nsources: []\n---\n\n# 真正的标题 {#top}\n\n正文\n')
    expect(o).toBe('# 真正的标题\n\n> 网页版：<https://kb.example/net/demo>\n>\n> D\n\n正文\n')
  })

  // outside tester (session 17): /en/index.md said 「网页上这里是即时筛选的命令查找框…」 and joined
  // the features with full-width colons
  it('speaks the page language: the command finder stand-in and the home features, zh and en', () => {
    const home = (more: string) => `---\nlayout: home\ntitle: T\ndescription: D\nsources: []\nfeatures:\n  - title: F\n    details: X\n---\n\n${more}<CommandFinder />\n`
    const zh = convert(home(''), 'index.md')
    expect(zh).toContain('- **F**：X')
    expect(zh).toContain('（网页上这里是即时筛选的命令查找框。')
    const en = convert(home(''), 'en/index.md')
    expect(en).toContain('- **F**: X')
    expect(en).toContain('(On the web page, this is the command finder, which filters as you type. Structured data of every command: [commands.json](https://kb.example/api/commands.json).)')
    expect(en).not.toMatch(/[\u4e00-\u9fff：]/)
    expect(convert('---\ntitle: T\ndescription: D\nsources: []\n---\n\n::: tip\nx\n:::\n', 'en/net/demo.md')).toContain('**TIP**\n')
  })

  it('expands command markers into the generated reference', () => {
    const o = convert('---\ntitle: 容器\ndescription: D\nsources: []\n---\n\n<!-- commands:container -->\n', 'cli/container.md')
    expect(o).toContain('### docker run\n')
    expect(o).not.toContain('<!--')
    expect(o).not.toMatch(/<[A-Z]/)
    expect(o).not.toMatch(/\{#[\w-]+\}/)
  })
})

describe('bad input names file and line', () => {
  const page = (...body: string[]) => ['---', 'title: 坏页', 'description: D', 'sources: []', '---', '', ...body, ''].join('\n')
  it('drops the English lint marker <!-- zh --> (it is not part of the text)', () => {
    const out = convert(page('A post by Meimashi (美码师) on cnblogs <!-- zh -->'), 'en/about/x.md')
    expect(out).toContain('A post by Meimashi (美码师) on cnblogs')
    expect(out).not.toContain('<!--')
  })
  it('a malformed command marker', () => {
    expect(() => convert(page('文字', '', '<!-- commands: container -->'), 'cli/bad.md')).toThrow(/^docs\/cli\/bad\.md:9: malformed command marker "<!-- commands: container -->"/)
    expect(() => convert(page('<!-- command:container -->'), 'cli/bad.md')).toThrow(/^docs\/cli\/bad\.md:7: malformed command marker/)
  })
  it('an unknown command group', () => {
    expect(() => convert(page('', '<!-- commands:nope -->'), 'cli/bad.md')).toThrow(/^docs\/cli\/bad\.md:8: unknown command group "nope"/)
  })
  it('an unknown glossary term, with a suggestion', () => {
    expect(() => convert(page('一行', '', '第二段的 [[volum]]。'))).toThrow(/^docs\/net\/demo\.md:9: unknown glossary term "volum" \(did you mean "volume"/)
  })
  it('a malformed glossary reference', () => {
    expect(() => convert(page('', '[[数据 卷]] 写错了'))).toThrow(/^docs\/net\/demo\.md:8: a malformed glossary reference/)
  })
  it('a component without a Markdown equivalent', () => {
    expect(() => convert(page('', '<FancyWidget />'))).toThrow(/^docs\/net\/demo\.md:8: component <FancyWidget> has no Markdown equivalent/)
  })
  it('an HTML block with Vue template syntax', () => {
    expect(() => convert(page('<ul>', '  <li v-for="x in xs">{{ x }}</li>', '</ul>'))).toThrow(/^docs\/net\/demo\.md:7: HTML block with Vue template syntax/)
  })
  it('a diagram without its text alternative', () => {
    expect(() => convert(page('', '', '```mermaid', 'flowchart LR', '  A --> B', '```'))).toThrow(/^docs\/net\/demo\.md:9: mermaid diagram needs an "accTitle/)
  })
  it('a bad snippet attribute', () => {
    expect(() => convert(page('```sh runn', 'ls', '```'))).toThrow(/^docs\/net\/demo\.md:7: unknown snippet attribute "runn"/)
  })
})

describe('llms.txt of the real docs', () => {
  const srcDir = path.resolve('docs')
  const text = llmsTxt(srcDir, { siteUrl: SITE_URL, base: '/' })
  it(`is under ${LLMS_TXT_LIMIT} bytes and follows the llms.txt layout (H1, blockquote, H2 file lists)`, () => {
    expect(Buffer.byteLength(text)).toBeLessThan(LLMS_TXT_LIMIT)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^# \S/)
    expect(lines[1]).toBe('')
    expect(lines[2]).toMatch(/^> \S/)
    const h2 = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3))
    expect(h2).toEqual(['首页', ...readSections(srcDir).map((s) => s.text), 'Optional'])
    const afterFirstH2 = lines.slice(lines.findIndex((l) => l.startsWith('## ')))
    for (const l of afterFirstH2) if (l && !l.startsWith('## ')) expect(l).toMatch(/^- \[[^\]]+\]\(https:\/\/kb\.example\/\S+\)(: \S.*)?$/)
  })
  it('lists every page of every section as its .md', () => {
    for (const s of readSections(srcDir)) {
      expect(text).toContain(`(${SITE_URL}/${markdownPath(`${s.dir}/index.md`)})`)
      for (const p of s.items) expect(text).toContain(`(${SITE_URL}${p.link}.md)`)
    }
  })
})

describe('llms.txt size under a base path', () => {
  const srcDir = path.resolve('docs')
  it(`the real llms.txt files stay under ${LLMS_TXT_LIMIT} bytes with the site's URL and a fork's base ${SITE.projectBase}`, () => {
    const t = { siteUrl: SITE.url, base: SITE.projectBase }
    expect(Buffer.byteLength(llmsTxt(srcDir, t))).toBeLessThan(LLMS_TXT_LIMIT)
    expect(Buffer.byteLength(llmsTxtEn(srcDir, t))).toBeLessThan(LLMS_TXT_LIMIT)
  })
  it('fails a file that fits as built but not under the project base, naming both sizes', () => {
    expect(() => checkLlmsTxtSize('llms.txt', LLMS_TXT_LIMIT - 10, 'x'.repeat(LLMS_TXT_LIMIT + 5))).toThrow(
      new RegExp(`^llms\\.txt: ${LLMS_TXT_LIMIT - 10} bytes \\(${LLMS_TXT_LIMIT + 5} under base /docker-kb/\\), over the ${LLMS_TXT_LIMIT}-byte limit`))
    expect(() => checkLlmsTxtSize('en/llms.txt', LLMS_TXT_LIMIT + 1, 'x')).toThrow(/^en\/llms\.txt: /)
    expect(() => checkLlmsTxtSize('llms.txt', LLMS_TXT_LIMIT, 'x'.repeat(LLMS_TXT_LIMIT))).not.toThrow()
  })
})

describe('llms.txt of the English edition', () => {
  const srcDir = path.resolve('docs')
  it('the Chinese llms.txt points to /en/llms.txt', () => {
    expect(llmsTxt(srcDir, { siteUrl: SITE_URL, base: '/' })).toContain(`- [English edition](${SITE_URL}/en/llms.txt)`)
  })
  it(`/en/llms.txt lists the English pages in sidebar order, under ${LLMS_TXT_LIMIT} bytes`, () => {
    const text = llmsTxtEn(srcDir, { siteUrl: SITE_URL, base: '/' })
    expect(Buffer.byteLength(text)).toBeLessThan(LLMS_TXT_LIMIT)
    expect(text.split('\n').slice(0, 3)).toEqual(['# Docker Knowledge Base', '', expect.stringMatching(/^> \S/)])
    const listed = [...text.matchAll(/\]\(https:\/\/kb\.example\/(en\/\S+\.md)\)/g)].map((m) => m[1])
    expect(listed).toEqual(sidebarOrder(srcDir, 'en').map((p) => markdownPath(p.relativePath)))
    expect(listed[0]).toBe('en/index.md')
    expect(text).toContain(`- [Chinese edition](${SITE_URL}/llms.txt)`)
  })
})
