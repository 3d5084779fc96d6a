/** The build-time half of the site search (.vitepress/config/search.ts): what each section is indexed with. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { searchSetup } from '../../.vitepress/config/search'
import { extractField } from '../../core/search/sections'
import { loadCommands } from '../../core/commands'

describe('hidden keywords of command entries', () => {
  const cp = loadCommands().commands.find((c) => c.name === 'docker cp')!
  const html = `<h1 id="t" tabindex="-1">Container commands <a class="header-anchor" href="#t">​</a></h1><p>x</p><h3 id="docker-cp" tabindex="-1">docker cp <a class="header-anchor" href="#docker-cp">​</a></h3><p>Copy files.</p>`
  const keywordsOf = (file: string) => {
    const s = searchSetup().splitIntoSections(file, html).find((x) => x.anchor === 'docker-cp')!
    return String(extractField(s as any, 'keywords'))
  }
  it('are the Chinese task words on /cli/ and the English ones on /en/cli/ (session 11: /en/cli/ had none)', () => {
    expect(keywordsOf(path.resolve('docs/cli/container.md'))).toContain(cp.keywords[0])
    const en = keywordsOf(path.resolve('docs/en/cli/container.md'))
    for (const k of cp.keywords_en ?? []) expect(en).toContain(k)
    expect(en).not.toContain(cp.keywords[0])
  })
})

describe('pages indexed by their headings only (frontmatter `search: headings`, search13)', () => {
  // the decision records quote readers' queries ("容器删不掉") as examples; their body matched them
  const html = `<h1 id="t" tabindex="-1">技术决策记录 <a class="header-anchor" href="#t">​</a></h1><p>记录。</p><h2 id="s" tabindex="-1">中文搜索 <a class="header-anchor" href="#s">​</a></h2><p>读者输入“容器删不掉”时排第一的是……</p>`
  const sections = (file: string) => searchSetup().splitIntoSections(path.resolve(file), html)
  it('keeps the headings of docs/contribute/decisions.md (both editions) and drops the quotes in its body', () => {
    for (const file of ['docs/contribute/decisions.md', 'docs/en/contribute/decisions.md']) {
      const s = sections(file)
      expect(s.map((x) => x.titles.at(-1))).toEqual(['技术决策记录', '中文搜索'])
      expect(s.map((x) => String(extractField(x as any, 'text'))).join('')).not.toContain('容器删不掉')
    }
  })
  it('indexes the body of an ordinary page', () => {
    expect(sections('docs/guide/why.md').map((x) => x.text).join('')).toContain('容器删不掉')
  })
})
