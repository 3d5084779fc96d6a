/**
 * .vitepress/plugins/render-cache.ts: the persistent cache of the pages' markdown-it renders. A hit
 * must give VitePress exactly what a render gives it (the HTML and everything written into env,
 * which its dead-link check and page data read), and any change to what a render reads must miss.
 */
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { tmpDirs } from './lib/tmp-dirs'
import { contentCache } from '../../core/content-cache'
import { cacheRenders, renderFingerprint, v8Codec, type Entry, type RenderCacheStats } from '../../.vitepress/plugins/render-cache'

const tmp = tmpDirs('kb-render-cache-')

/**
 * A markdown-it that writes into env the way VitePress's and our plugins do: frontmatter (with a
 * YAML Date), the links (VitePress's dead-link check), the include list it was given (pushed to, as
 * VitePress's `<<<` snippets do), a Map (snippet-fence.ts), a title.
 */
function renderer(print: { value: string }, cacheDir: string, stats: RenderCacheStats) {
  const md = new MarkdownIt()
  md.core.ruler.push('fake-env', (state) => {
    const env = state.env
    env.frontmatter = { title: 'T', date: new Date('2026-11-30T00:00:00Z') }
    env.title = 'T'
    env.links = [...state.src.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1])
    env.includes.push('/docs/snippet.sh')
    env.__ids = new Map([['a', 1]])
  })
  const cache = contentCache<Entry>(cacheDir, v8Codec)
  cacheRenders(md, { cache, state: () => ({ print: print.value, base: '/' }), stats })
  return md
}

const newEnv = () => ({ path: '/docs/a.md', relativePath: 'a.md', cleanUrls: true, includes: [] as string[] })

describe('cacheRenders', () => {
  it('a hit returns the HTML and puts back everything the render wrote into env', () => {
    const stats = { hits: 0, rendered: 0, unstored: 0 }
    const dir = tmp()
    const src = '# A\n\n[gone](./missing.md)\n'
    const first = newEnv()
    const html = renderer({ value: 'p' }, dir, stats).render(src, first)
    expect(stats).toEqual({ hits: 0, rendered: 1, unstored: 0 })
    // a later build: a new markdown-it, the same inputs
    const second = newEnv()
    const includes = second.includes
    const again = renderer({ value: 'p' }, dir, stats).render(src, second)
    expect(stats.hits).toBe(1)
    expect(again).toBe(html)
    expect(second).toEqual(first)
    // the dead link is still there for VitePress to report
    expect((second as any).links).toEqual(['./missing.md'])
    expect((second as any).frontmatter.date).toBeInstanceOf(Date)
    expect((second as any).__ids).toBeInstanceOf(Map)
    // VitePress keeps its own reference to the include list it passed in
    expect(includes).toEqual(['/docs/snippet.sh'])
  })

  it('misses when the Markdown, the env or the fingerprint differ', () => {
    const stats = { hits: 0, rendered: 0, unstored: 0 }
    const dir = tmp()
    const print = { value: 'p' }
    const md = renderer(print, dir, stats)
    md.render('x', newEnv())
    md.render('y', newEnv())
    md.render('x', { ...newEnv(), relativePath: 'b.md' })
    md.render('x', { ...newEnv(), cleanUrls: false })
    print.value = 'q'
    md.render('x', newEnv())
    expect(stats).toEqual({ hits: 0, rendered: 5, unstored: 0 })
    md.render('x', newEnv())
    expect(stats.hits).toBe(1)
  })

  it('renders without storing when env holds something that cannot be stored', () => {
    const stats = { hits: 0, rendered: 0, unstored: 0 }
    const md = renderer({ value: 'p' }, tmp(), stats)
    const env = { ...newEnv(), hook: () => 1 }
    expect(md.render('z', env)).toBe('<p>z</p>\n')
    expect(md.render('z', { ...newEnv(), hook: () => 1 })).toBe('<p>z</p>\n')
    expect(stats).toEqual({ hits: 0, rendered: 2, unstored: 2 })
  })

  it('is off (plain render, nothing stored) while state() is undefined', () => {
    const dir = tmp()
    const md = new MarkdownIt()
    const stats = { hits: 0, rendered: 0, unstored: 0 }
    cacheRenders(md, { cache: contentCache(dir), state: () => undefined, stats })
    expect(md.render('a', newEnv())).toBe('<p>a</p>\n')
    expect(stats.rendered).toBe(0)
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

describe('renderFingerprint: every input of a render changes it', () => {
  /** a miniature repository with the files a render reads */
  const repo = () => {
    const root = tmp()
    const files: Record<string, string> = {
      'docs/guide/a.md': '# A\n\n[[image]]\n',
      'docs/.snippet-status.json': '{"pages":{}}\n',
      'docs/data/glossary/image.yaml': 'id: image\nzh: 镜像\n',
      'docs/data/commands/run.yaml': 'id: run\n',
      '.vitepress/config/shared.ts': "export const markdown = { theme: 'github-light' }\n",
      '.vitepress/plugins/glossary.ts': 'export const x = 1\n',
      '.vitepress/theme/index.ts': 'export default {}\n',
      'core/glossary.ts': 'export const y = 1\n',
      'schemas/glossary.json': '{}\n',
      'versions.json': '{}\n',
      'package-lock.json': '{"packages":{"node_modules/vitepress":{"version":"1.6.4"}}}\n',
    }
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
      fs.writeFileSync(path.join(root, f), text)
    }
    return root
  }
  const changes: [string, string, string][] = [
    ['a glossary entry', 'docs/data/glossary/image.yaml', 'id: image\nzh: 镜像文件\n'],
    ['the snippet status file', 'docs/.snippet-status.json', '{"pages":{"guide/a.md":"pass"}}\n'],
    ['the command data', 'docs/data/commands/run.yaml', 'id: run\nkeywords: [启动]\n'],
    ['a markdown-it option in the config', '.vitepress/config/shared.ts', "export const markdown = { theme: 'github-dark' }\n"],
    ["a plugin's code", '.vitepress/plugins/glossary.ts', 'export const x = 2\n'],
    ['the theme', '.vitepress/theme/index.ts', 'export default { x: 1 }\n'],
    ['VitePress / Shiki versions (lockfile)', 'package-lock.json', '{"packages":{"node_modules/vitepress":{"version":"1.6.5"}}}\n'],
    ['another page', 'docs/guide/b.md', '# B\n'],
  ]
  for (const [what, file, text] of changes) {
    it(`changes with ${what}, and the render misses`, () => {
      const root = repo()
      const stats = { hits: 0, rendered: 0, unstored: 0 }
      const cacheDir = tmp()
      const print = { value: renderFingerprint(root) }
      renderer(print, cacheDir, stats).render('# A\n', newEnv())
      renderer(print, cacheDir, stats).render('# A\n', newEnv())
      expect(stats).toMatchObject({ hits: 1, rendered: 1 })
      fs.writeFileSync(path.join(root, file), text)
      const changed = { value: renderFingerprint(root) }
      expect(changed.value).not.toBe(print.value)
      renderer(changed, cacheDir, stats).render('# A\n', newEnv())
      expect(stats).toMatchObject({ hits: 1, rendered: 2 })
    })
  }

  it('stays the same for an unchanged tree and ignores Vite temp bundles', () => {
    const root = repo()
    const before = renderFingerprint(root)
    fs.writeFileSync(path.join(root, 'docs/guide/x.data.ts.timestamp-1764500000000-abc123.mjs'), 'x')
    expect(renderFingerprint(root)).toBe(before)
  })
})
