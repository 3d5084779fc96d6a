/**
 * Frozen releases are frozen for real (issue #12, item 4): a cut snapshots the glossary into the
 * release (docs/v/<name>/.data/glossary.json), the glossary plugin renders the release's pages from
 * that snapshot, and a marker or reference the cut cannot resolve fails it with file:line.
 * No site build: the pages are rendered with the glossary plugin on temp folders.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, describe, expect, it } from 'vitest'
import { cutVersion } from '../../scripts/lib/versions'
import { expandCommandMarkers } from '../../core/commands'
import { DOCS_DIR, GLOSSARY_DIR } from '../../core/glossary'
import { glossaryPlugin } from '../../.vitepress/plugins/glossary'
import { releaseGlossary } from '../../core/glossary-refs'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-freeze-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The page as VitePress hands it to markdown-it: frontmatter gone, body lines where they were. */
const body = (source: string) => source.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''))

/** Render pages (paths relative to `docsDir`) with the glossary plugin as the site does. */
function render(pages: string[], opts: { dir: string; docsDir: string }): Record<string, string> {
  const md = new MarkdownIt({ html: true }).use(glossaryPlugin, opts)
  return Object.fromEntries(pages.map((rel) => [rel, md.render(body(fs.readFileSync(path.join(opts.docsDir, rel), 'utf8')), { relativePath: rel, __lineOffset: 0 })]))
}

/** A Chinese term file (docs/data/glossary/<id>.md): frontmatter, then the long explanation as the body. */
const term = (id: string, zh: string, en: string, related: string[]) =>
  ['---', `id: ${id}`, `zh: ${zh}`, `en: ${en}`, 'aliases: []', `short: ${zh}的一句话定义，用于测试。`, `related: [${related.join(', ')}]`, 'tags: [基础]', '---', '', `${zh}的详细解释，足够长的一段测试文字，引用[[${related[0]}]]。`, ''].join('\n')

/**
 * Rename a term in a glossary folder: its files (<id>.md and en/<id>.md) and id, and every
 * reference to it (related lists, [[id]] in both languages' bodies).
 */
function renameTerm(dir: string, from: string, to: string) {
  for (const sub of ['', 'en']) {
    const d = path.join(dir, sub)
    if (!fs.existsSync(d)) continue
    for (const f of fs.readdirSync(d).filter((n) => n.endsWith('.md'))) {
      const text = fs
        .readFileSync(path.join(d, f), 'utf8')
        .replace(new RegExp(`\\[\\[\\s*${from}\\s*(?=\\||\\]\\])`, 'g'), `[[${to}`)
        .replace(/^(id|related):.*$/gm, (line) => line.replace(new RegExp(`(?<![\\w.-])${from}(?![\\w.-])`, 'g'), to))
      fs.rmSync(path.join(d, f))
      fs.writeFileSync(path.join(d, f === `${from}.md` ? `${to}.md` : f), text)
    }
  }
}

describe('a cut freezes the glossary', () => {
  const dir = path.join(tmp, 'glossary')
  const docs = path.join(tmp, 'docs')
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true })
    fs.writeFileSync(path.join(docs, rel), text)
  }
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'image.md'), term('image', '镜像', 'Image', ['container', 'layer']))
  fs.writeFileSync(path.join(dir, 'container.md'), term('container', '容器', 'Container', ['image']))
  fs.writeFileSync(path.join(dir, 'layer.md'), term('layer', '镜像层', 'Layer', ['image']))
  const fm = (title: string) => `---\ntitle: ${title}\ndescription: 一段足够长的页面描述文字。\nsources: []\n---\n\n# ${title}\n`
  write('index.md', fm('首页'))
  write('guide/x.md', fm('示例') + '\n[[image]] 由[[layer|若干层]]组成，运行起来就是[[container]]。\n\n## [[image]] 的标题\n')
  write('glossary/index.md', fm('术语表') + '\n[[glossary-list]]\n')
  const frozen = ['v/1.0/guide/x.md', 'v/1.0/glossary/index.md']

  it('renaming and deleting terms after the cut leaves the release resolving and unchanged', () => {
    cutVersion({ name: '1.0', docsDir: docs, registryFile: path.join(tmp, 'versions.json'), changelogFile: false, date: '2026-11-29', gitDir: tmp, glossary: releaseGlossary({ dir, docsDir: docs }) })
    expect(fs.existsSync(path.join(docs, 'v/1.0/.data/glossary.json'))).toBe(true)
    const before = render(frozen, { dir, docsDir: docs })
    // the release's own glossary (the latest one loses #layer below; the release keeps it)
    expect(before['v/1.0/guide/x.md']).toContain('<a class="glossary-term" href="/v/1.0/glossary/#layer" data-term="layer">若干层</a>')
    expect(before['v/1.0/glossary/index.md']).toContain('id="layer"')

    // after the cut: image → container-image, layer deleted (the latest docs' data stays valid)
    renameTerm(dir, 'image', 'container-image')
    fs.rmSync(path.join(dir, 'layer.md'))
    fs.writeFileSync(path.join(dir, 'container-image.md'), term('container-image', '容器镜像', 'Container image', ['container']))
    const after = render(frozen, { dir, docsDir: docs })
    expect(after).toEqual(before)
    // the latest docs do see the change (the fixture is not inert)
    write('guide/y.md', fm('新页') + '\n[[layer]]\n')
    expect(() => render(['guide/y.md'], { dir, docsDir: docs })).toThrow(/docs\/guide\/y\.md:9: unknown glossary term "layer"/)
  })

  it('a frozen page without its release snapshot fails naming the file', () => {
    fs.rmSync(path.join(docs, 'v/1.0/.data'), { recursive: true })
    expect(() => render(['v/1.0/guide/x.md'], { dir, docsDir: docs })).toThrow(/v\/1\.0\/\.data\/glossary\.json:1: missing/)
  })
})

describe('the real release 2026.11', () => {
  it('renders the same after a term it uses is renamed and another deleted', () => {
    const dir = path.join(tmp, 'glossary-real')
    fs.cpSync(GLOSSARY_DIR, dir, { recursive: true })
    const pages = ['v/2026.11/glossary/index.md', 'v/2026.11/internals/layers.md']
    const before = render(pages, { dir, docsDir: DOCS_DIR })
    expect(before['v/2026.11/internals/layers.md']).toContain('data-term="image"')
    renameTerm(dir, 'image', 'container-image')
    expect(render(pages, { dir, docsDir: DOCS_DIR })).toEqual(before)
    // deleting a term deletes both its files (an English file alone is an error)
    fs.rmSync(path.join(dir, 'layer.md'))
    fs.rmSync(path.join(dir, 'en/layer.md'))
    expect(render(pages, { dir, docsDir: DOCS_DIR })).toEqual(before)
  })
})

describe('a cut fails on what it cannot freeze', () => {
  const docs = path.join(tmp, 'docs-bad')
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true })
    fs.writeFileSync(path.join(docs, rel), text)
  }
  const fm = '---\ntitle: 坏页\ndescription: 一段足够长的页面描述文字。\nsources: []\n---\n\n# 坏页\n\n'
  const cut = (extra: Partial<Parameters<typeof cutVersion>[0]> = {}) =>
    cutVersion({ name: '9.9', docsDir: docs, registryFile: path.join(tmp, 'versions-bad.json'), changelogFile: false, gitDir: tmp, ...extra })
  const glossary = () => releaseGlossary({ dir: GLOSSARY_DIR, docsDir: docs })

  it('an unknown glossary id', () => {
    write('index.md', fm + '正文提到[[image]]。\n\n又提到 [[no-such-term]]。\n')
    expect(() => cut({ glossary: glossary(), expand: expandCommandMarkers })).toThrow(/^docs\/index\.md:11: unknown glossary term "no-such-term"/)
    expect(fs.existsSync(path.join(docs, 'v/9.9'))).toBe(false)
  })

  it('glossary references with no glossary to freeze them with', () => {
    write('index.md', fm + '正文提到[[image]]。\n')
    expect(() => cut({ expand: expandCommandMarkers })).toThrow(/^docs\/index\.md:9: glossary reference cannot be frozen/)
    expect(fs.existsSync(path.join(docs, 'v/9.9'))).toBe(false)
  })

  it('an unknown command group, and a command marker with no command data', () => {
    write('index.md', fm + '正文。\n\n<!-- commands:no-such-group -->\n')
    expect(() => cut({ glossary: glossary(), expand: expandCommandMarkers })).toThrow(/docs\/index\.md:11: unknown command group "no-such-group"/)
    expect(() => cut({ glossary: glossary() })).toThrow(/^docs\/index\.md:11: command marker cannot be expanded/)
    expect(fs.existsSync(path.join(docs, 'v/9.9'))).toBe(false)
  })
})
