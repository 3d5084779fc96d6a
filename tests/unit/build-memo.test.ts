/**
 * Build speed without changing the output: the highlight memo (.vitepress/plugins/highlight-memo.ts)
 * and the stored `.md` exports (.vitepress/plugins/llms.ts cachedMarkdownExports).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tmpDirs } from './lib/tmp-dirs'
import { createMarkdownRenderer } from 'vitepress'
import { memoizeHighlight } from '../../.vitepress/plugins/highlight-memo'
import { cachedMarkdownExports, markdownExports } from '../../.vitepress/plugins/llms'

const tmp = tmpDirs('kb-build-memo-')

describe('memoizeHighlight', () => {
  it('calls the highlighter once per distinct (code, lang, attrs) and returns its HTML', () => {
    const calls: string[] = []
    const md = { options: { highlight: (code: string, lang: string, attrs: string) => (calls.push(`${lang}|${attrs}|${code}`), `<pre>${lang}:${attrs}:${code}</pre>`) } }
    const stats = memoizeHighlight(md)
    const h = md.options.highlight
    expect(h('a', 'sh', '')).toBe('<pre>sh::a</pre>')
    expect(h('a', 'sh', '')).toBe('<pre>sh::a</pre>')
    expect(h('a', 'sh', '{1}')).toBe('<pre>sh:{1}:a</pre>')
    expect(h('a', 'ts', '')).toBe('<pre>ts::a</pre>')
    expect(h('b', 'sh', '')).toBe('<pre>sh::b</pre>')
    expect(calls).toEqual(['sh||a', 'sh|{1}|a', 'ts||a', 'sh||b'])
    expect(stats).toEqual({ calls: 5, highlighted: 4 })
  })

  it("VitePress's own highlighter gives the same HTML memoized as unmemoized (mustaches, -vue, line numbers and highlights)", async () => {
    const md = await createMarkdownRenderer(tmp(), { theme: { light: 'github-light', dark: 'github-dark' } })
    const plain = md.options.highlight!
    const blocks: [string, string, string][] = [
      ['echo {{ .Name }} {{ .Name }}\n', 'sh', ''],
      ['<div>{{ msg }}</div>\n', 'vue-vue', ''],
      ['docker run -p 8080:80 nginx\n// [!code focus]\n', 'sh:line-numbers=3', '{1}'],
      ['no such language\n', 'not-a-language', ''],
    ]
    const expected = blocks.map(([c, l, a]) => plain(c, l, a))
    memoizeHighlight(md)
    for (let round = 0; round < 2; round++) expect(blocks.map(([c, l, a]) => md.options.highlight!(c, l, a))).toEqual(expected)
  })
})

describe('cachedMarkdownExports', () => {
  const site = () => {
    const src = tmp()
    fs.mkdirSync(path.join(src, 'guide'))
    fs.writeFileSync(path.join(src, 'index.md'), '---\ntitle: 首页\ndescription: 测试。\n---\n\n# 首页\n')
    fs.writeFileSync(path.join(src, 'guide/index.md'), '---\ntitle: 入门\ndescription: 入门。\n---\n\n# 入门\n')
    fs.writeFileSync(path.join(src, 'guide/first.md'), '---\ntitle: 第一页\ndescription: 第一页。\n---\n\n# 第一页\n\n旧的正文\n')
    return src
  }

  it('gives what markdownExports makes; the same fingerprint and inputs reuse the stored exports, another fingerprint or base makes them again', () => {
    const src = site()
    const dir = tmp()
    const opts = { srcDir: src, base: '/' }
    const first = cachedMarkdownExports(opts, { fingerprint: 'f1', dir })
    expect(first).toEqual(markdownExports(opts))
    expect(fs.readdirSync(dir)).toHaveLength(1)
    // the page changes but the fingerprint says the tree did not (in a build it covers docs/): stored exports
    fs.writeFileSync(path.join(src, 'guide/first.md'), '---\ntitle: 第一页\ndescription: 第一页。\n---\n\n# 第一页\n\n新的正文\n')
    const again = cachedMarkdownExports(opts, { fingerprint: 'f1', dir })
    expect(again).toEqual(first)
    expect(JSON.stringify(again)).toContain('旧的正文')
    // a new fingerprint (the tree changed): made again from the sources
    const changed = cachedMarkdownExports(opts, { fingerprint: 'f2', dir })
    expect(changed).toEqual(markdownExports(opts))
    expect(JSON.stringify(changed)).toContain('新的正文')
    // another base is another output
    const based = cachedMarkdownExports({ ...opts, base: '/kb/' }, { fingerprint: 'f2', dir })
    expect(based).toEqual(markdownExports({ ...opts, base: '/kb/' }))
    expect(based).not.toEqual(changed)
  })

  it('stores no failed export: a broken page fails every build', () => {
    const src = site()
    const dir = tmp()
    fs.writeFileSync(path.join(src, 'guide/first.md'), '---\ntitle: 第一页\n---\n\n# 第一页\n\n```sh\necho hi\n```\n')
    for (let i = 0; i < 2; i++) expect(() => cachedMarkdownExports({ srcDir: src, base: '/' }, { fingerprint: 'f', dir })).toThrow(/first\.md:7: shell snippet/)
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([])
  })
})
