/**
 * Glossary: term data validation, the [[id]] Markdown syntax, the generated glossary page and the
 * JSON export. Browser-free: plain markdown-it plus the plugin, and once VitePress's own renderer.
 *
 *   npx vitest run tests/unit/glossary.test.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCS_DIR, GLOSSARY_DIR, GlossaryProblems, TAGS, checkGlossary, clientTerms, loadGlossary, readGlossary, suggestIds } from '../../core/glossary'
import { glossaryJson, glossaryPlugin, popoverExports, termDataPath } from '../../.vitepress/plugins/glossary'
import { glossaryListSource, referencedIds, type GlossaryPluginOptions } from '../../core/glossary-refs'
import { listDataFiles, lintDocs } from '../../scripts/lint-docs'
import { listPages } from '../../core/pages'

/** the ids content writers were told to use */
const REQUIRED_IDS = `image, container, dockerfile, registry, docker-hub, tag, digest, layer, union-filesystem, overlay2,
  writable-layer, namespace, cgroup, volume, bind-mount, tmpfs-mount, bridge-network, docker0, port-mapping, host-network,
  none-network, user-defined-network, embedded-dns, daemon, docker-cli, docker-engine-api, containerd, runc, oci,
  docker-desktop, wsl2, compose, compose-file, service, swarm, node, manager-node, worker-node, task, replica, stack,
  routing-mesh, kubernetes, pod, deployment, orchestration, build-context, build-cache, multi-stage-build, entrypoint, cmd,
  dockerignore, restart-policy, healthcheck, virtual-machine, hypervisor, stateless, dependency-hell, registry-mirror,
  platform, detached-mode, interactive-tty, environment-variable, container-id, prune`
  .split(',')
  .map((s) => s.trim())

function renderer(options?: GlossaryPluginOptions) {
  const md = new MarkdownIt({ html: true })
  md.use(glossaryPlugin, options)
  return (src: string, relativePath = 'guide/example.md') => md.render(src, { relativePath })
}
const render = renderer()

/** the message thrown while rendering `src`, or '' */
function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  return ''
}

// ---------------------------------------------------------------------------------------------

describe('term data (docs/data/glossary)', () => {
  const glossary = loadGlossary()

  it('has every id the content writers use, and at least 40 terms', () => {
    const missing = REQUIRED_IDS.filter((id) => !glossary.byId.has(id))
    expect(missing).toEqual([])
    expect(REQUIRED_IDS).toHaveLength(65)
    expect(glossary.terms.length).toBeGreaterThanOrEqual(40)
    for (const id of REQUIRED_IDS) expect(fs.existsSync(path.join(GLOSSARY_DIR, `${id}.md`))).toBe(true)
  })

  it('uses the agreed Chinese terminology', () => {
    const zh = (id: string) => glossary.byId.get(id)?.zh
    expect(zh('image')).toBe('镜像')
    expect(zh('container')).toBe('容器')
    expect(zh('volume')).toBe('数据卷')
    expect(zh('bind-mount')).toBe('绑定挂载')
    expect(zh('orchestration')).toBe('编排')
    expect(zh('service')).toBe('服务')
    expect(zh('node')).toBe('节点')
    expect(zh('daemon')).toBe('守护进程')
    expect(zh('registry')).toBe('镜像仓库')
    expect(zh('tag')).toBe('标签')
    expect(glossary.byId.get('kubernetes')?.aliases).toEqual(expect.arrayContaining(['k8s', 'K8s']))
  })

  it('keeps short definitions within 60 characters and tags within the vocabulary', () => {
    for (const t of glossary.terms) {
      expect([...t.short].length, t.id).toBeLessThanOrEqual(60)
      expect(t.tags.length, t.id).toBeGreaterThan(0)
      for (const tag of t.tags) expect(TAGS as readonly string[]).toContain(tag)
    }
  })

  it('explains Swarm versus Kubernetes in the orchestration entries', () => {
    for (const id of ['swarm', 'kubernetes', 'service', 'pod']) {
      const long = glossary.byId.get(id)!.long
      expect(long, id).toMatch(/\[\[(swarm|kubernetes)\]\]|Swarm|Kubernetes/)
    }
    expect(glossary.byId.get('swarm')!.long).toContain('[[kubernetes]]')
    expect(glossary.byId.get('kubernetes')!.long).toContain('[[swarm]]')
  })

  it('ships only id → { zh, en, short } to the browser, and it stays small', () => {
    const client = clientTerms(glossary)
    expect(Object.keys(client).sort()).toEqual(glossary.terms.map((t) => t.id).sort())
    for (const v of Object.values(client)) expect(Object.keys(v).sort()).toEqual(['en', 'short', 'zh'])
    expect(Buffer.byteLength(JSON.stringify(client))).toBeLessThan(16_000)
    // the English pages' popover data: English definitions, one language per chunk
    const en = clientTerms(glossary, 'en')
    expect(en.image.short).toBe(glossary.byId.get('image')!.short_en)
    for (const v of Object.values(en)) expect(Object.keys(v).sort()).toEqual(['en', 'short', 'zh'])
    expect(Buffer.byteLength(JSON.stringify(en))).toBeLessThan(16_000)
  })
})

// ---------------------------------------------------------------------------------------------

describe('[[id]] syntax', () => {
  it('renders the Chinese name as a static link to its glossary entry (no component: the paragraph stays static for Vue)', () => {
    expect(render('先理解[[image]]。')).toContain('<p>先理解<a class="glossary-term" href="/glossary/#image" data-term="image">镜像</a>。</p>')
  })

  it('renders a custom label with [[id|文字]]', () => {
    expect(render('拉取[[image|镜像文件]]后运行。')).toContain('<a class="glossary-term" href="/glossary/#image" data-term="image">镜像文件</a>')
    expect(render('[[image| 多个   空格 ]]')).toContain('<a class="glossary-term" href="/glossary/#image" data-term="image">多个 空格</a>')
  })

  it('escapes labels (HTML and Vue interpolation)', () => {
    const html = render('[[image|<b>{{ x }}</b>]]')
    expect(html).toContain('<a class="glossary-term" href="/glossary/#image" data-term="image">&lt;b&gt;&#123;&#123; x }}&lt;/b&gt;</a>')
  })

  it('leaves code spans and fences alone, even with unknown ids', () => {
    expect(render('写法是 `[[image]]` 和 `[[no-such-term]]`。')).toContain('<code>[[image]]</code>')
    const fenced = render('```yaml\nlist: [[image]]\nother: [[no-such-term]]\n```\n')
    expect(fenced).toContain('[[image]]')
    expect(fenced).not.toContain('glossary-term')
  })

  it('renders plain text inside headings and links (no nested links, clean outline)', () => {
    expect(render('## 什么是[[container]]\n')).toContain('<h2>什么是容器</h2>')
    expect(render('[参见[[volume]]](/storage/volumes)')).toContain('<a href="/storage/volumes">参见数据卷</a>')
  })

  it('uses the English name on /en/ pages', () => {
    expect(render('[[image]] is a template.', 'en/index.md')).toContain('<a class="glossary-term" href="/en/glossary/#image" data-term="image">Image</a>')
  })

  it('writes a common noun in lower case inside an English sentence, capitalised where a sentence starts', () => {
    const en = (src: string) => render(src, 'en/index.md').replace(/<a class="glossary-term"[^>]*>([^<]*)<\/a>/g, '[$1]')
    // inside a sentence: "an image", "a bind mount", "the container ID" (only the first letter changes)
    expect(en('Pull an [[image]], then mount a [[bind-mount]] and read the [[container-id]].')).toContain('Pull an [image], then mount a [bind mount] and read the [container ID].')
    // a sentence start: the paragraph's first word, after . ! ? (also through emphasis and a line break)
    expect(en('[[container]] runs. [[image]] is read-only! **[[volume]]** stays?\n[[layer]] too.')).toContain('[Container] runs. [Image] is read-only! <strong>[Volume]</strong> stays?\n[Layer] too.')
    // a list item, a table cell and a heading start a sentence as well
    expect(en('- [[image]] first\n- then a [[tag]]\n')).toContain('<li>[Image] first</li>\n<li>then a [tag]</li>')
    expect(en('| a | b |\n|---|---|\n| [[volume]] | one [[volume]] |\n')).toContain('<td>[Volume]</td>\n<td>one [volume]</td>')
    expect(render('## [[image]] and the [[container]]\n', 'en/index.md')).toContain('<h2>Image and the container</h2>')
    // names keep their capitals everywhere (no en_common): Docker Compose, BuildKit, Pod
    expect(en('Use [[compose]] with [[buildkit]] in a [[pod]].')).toContain('Use [Docker Compose] with [BuildKit] in a [Pod].')
    // a label the author wrote is left as written; Chinese pages are not affected
    expect(en('an [[image|Image]] here')).toContain('an [Image] here')
    expect(render('一个[[image]]')).toContain('>镜像</a>')
  })

  it('is not confused by ordinary brackets', () => {
    expect(render('数组 [[1, 2], [3, 4]] 和 [链接](/a)')).not.toContain('glossary-term')
    expect(render('[[image]]: 不是引用定义')).toContain('data-term="image"')
  })
})

describe('unknown ids fail with the page file and the exact source line', () => {
  it('in a paragraph, counting soft line breaks before the reference', () => {
    const src = ['---', 'title: 示例', '---', '', '# 示例', '', '第一段提到[[image]]。', '', '第二段第一行，', '第二行有 [[contianer]] 拼错了。', ''].join('\n')
    expect(errorOf(() => render(src))).toBe('docs/guide/example.md:10: unknown glossary term "contianer" (did you mean "container"?)')
  })

  it('on the second reference of the same line, and with a custom label', () => {
    const src = '# T\n\n[[image]] 与 [[volum|卷]]\n'
    expect(errorOf(() => render(src, 'storage/x.md'))).toMatch(/^docs\/storage\/x\.md:3: unknown glossary term "volum" \(did you mean "volume"/)
  })

  it('in a list item, a blockquote and a heading', () => {
    expect(errorOf(() => render('# T\n\n- 一\n- 二\n  续行 [[xyz-term]]\n'))).toMatch(/^docs\/guide\/example\.md:5: unknown glossary term "xyz-term" \(did you mean .+\?\)$/)
    expect(errorOf(() => render('> 引用\n> 第二行 [[nope]]\n'))).toMatch(/^docs\/guide\/example\.md:2: /)
    expect(errorOf(() => render('intro\n\n### 标题 [[nope]]\n'))).toMatch(/^docs\/guide\/example\.md:3: /)
  })

  it('in a table cell (cells have no line map of their own: the row line is used)', () => {
    const src = '# T\n\n| 术语 | 说明 |\n| --- | --- |\n| [[image]] | 好 |\n| [[imagee]] | 拼错 |\n'
    expect(errorOf(() => render(src))).toBe('docs/guide/example.md:6: unknown glossary term "imagee" (did you mean "image"?)')
  })

  it('suggests ids for aliases and near misses', () => {
    const g = loadGlossary()
    expect(suggestIds('k8s', g)[0]).toBe('kubernetes')
    expect(suggestIds('bindmount', g)[0]).toBe('bind-mount')
    expect(suggestIds('dockerfiles', g)[0]).toBe('dockerfile')
    expect(suggestIds('qqqqqqq', g).length).toBeGreaterThanOrEqual(1)
    expect(suggestIds('qqqqqqq', g).length).toBeLessThanOrEqual(3)
  })
})

// ---------------------------------------------------------------------------------------------

describe('data validation names the file and the line (of the Markdown term file)', () => {
  let dir: string
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  /**
   * A Chinese term file: `---` line 1, id 2, zh 3, en 4, aliases 5, short 6, related 7, tags 8,
   * `---` 9, a blank line 10, the body from line 11 (with one-line fields).
   */
  const good = (id: string, extra: Record<string, string> = {}, body = '这是一段足够长的详细解释，用来通过长度检查。') => {
    const fields: Record<string, string> = {
      id,
      zh: `术语${id}`,
      en: `Term ${id}`,
      aliases: '[]',
      short: '一句话定义，足够长。',
      related: '[]',
      tags: '[基础]',
      ...extra,
    }
    const fm = Object.entries(fields)
      .filter(([, v]) => v !== '<omit>')
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')
    return `---\n${fm}\n---\n\n${body}\n`
  }
  /** An English term file: `---` 1, short 2, tags 3, `---` 4, blank 5, body from line 6. */
  const goodEn = (extra: Record<string, string> = {}, body = 'A long enough English explanation of the term.') =>
    `---\n${Object.entries({ short: 'A one-line definition.', tags: '[Basics]', ...extra }).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`
  const problem = () => errorOf(() => readGlossary(dir))

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-test-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const reset = () => {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir)
    write('alpha.md', good('alpha'))
    write('README.md', '# 说明\n\n不是术语文件。\n')
  }

  it('accepts a valid set; the body is the long text, the English file gives the twins', () => {
    reset()
    write('beta.md', good('beta', { related: '[alpha]' }, '与 [[alpha]] 相关的一段足够长的详细解释文字。\n\n第二段。'))
    write('en/beta.md', goodEn({}, 'Related to [[alpha]], a long enough text.'))
    expect(problem()).toBe('')
    const g = readGlossary(dir)
    expect(g.terms.map((t) => t.id)).toEqual(['alpha', 'beta'])
    expect(g.byId.get('beta')).toEqual({
      id: 'beta', zh: '术语beta', en: 'Term beta', aliases: [], short: '一句话定义，足够长。',
      long: '与 [[alpha]] 相关的一段足够长的详细解释文字。\n\n第二段。', related: ['alpha'], tags: ['基础'],
      short_en: 'A one-line definition.', long_en: 'Related to [[alpha]], a long enough text.', tags_en: ['Basics'],
    })
    expect(g.byId.get('alpha')!.long_en).toBeUndefined() // no en/alpha.md: /en/ pages fall back to Chinese
  })

  it('missing field → the first line of the frontmatter, with a hint', () => {
    reset()
    write('beta.md', good('beta', { short: '<omit>' }))
    expect(problem()).toBe(`${dir}/beta.md:2: missing field "short" (one-line Chinese definition, at most 60 characters)`)
  })

  it('wrong type → the line of the field', () => {
    reset()
    write('beta.md', good('beta', { aliases: 'k8s' }))
    expect(problem()).toBe(`${dir}/beta.md:5: aliases: must be a list (got string "k8s") — other spellings and abbreviations, e.g. aliases: [k8s, K8s]; [] if none`)
    reset()
    write('beta.md', good('beta', { zh: '123' }))
    expect(problem()).toBe(`${dir}/beta.md:3: zh: must be text (got number 123) — the Chinese name, e.g. zh: 镜像`)
  })

  it('short longer than 60 characters → the line of short', () => {
    reset()
    write('beta.md', good('beta', { short: '长'.repeat(61) }))
    expect(problem()).toMatch(new RegExp(`^${dir}/beta\\.md:6: short: must have at most 60 characters \\(has 61\\)`))
  })

  it('id different from the file name → the line of id', () => {
    reset()
    write('beta.md', good('gamma'))
    expect(problem()).toBe(`${dir}/beta.md:2: id: "gamma" must equal the file name "beta" (rename the file or fix the id)`)
  })

  it('unknown related id → the line of that list item', () => {
    reset()
    // related: 7, items 8–9
    write('beta.md', good('beta', { related: '\n  - alpha\n  - alphq' }))
    expect(problem()).toBe(`${dir}/beta.md:9: related[1]: unknown glossary term "alphq" (did you mean "alpha"?)`)
  })

  it('body: unknown [[id]], heading, "{{" and length → the line in the body', () => {
    reset()
    // body from line 11: 11 text, 12 blank, 13 the reference
    write('beta.md', good('beta', {}, '第一行足够长的解释文字，写满二十个字以上。\n\n第三行提到 [[alphaa]]。'))
    expect(problem()).toBe(`${dir}/beta.md:13: body: unknown glossary term "alphaa" (did you mean "alpha"?)`)
    reset()
    write('beta.md', good('beta', {}, '第一行足够长的解释文字，写满二十个字以上。\n\n\n## 小标题\n'))
    expect(problem()).toBe(`${dir}/beta.md:14: body: no headings inside a term text (the glossary page makes one heading per term)`)
    reset()
    // blank lines before the body do not shift the count
    write('beta.md', good('beta', {}, '\n\n第一行足够长的解释文字，写满二十个字以上。\n写 {{ x }} 不行。'))
    expect(problem()).toBe(`${dir}/beta.md:14: body: no "{{" in a term text, not even in a code span (VitePress reads it as a Vue interpolation); rephrase`)
    reset()
    write('beta.md', good('beta', {}, '太短。'))
    expect(problem()).toBe(`${dir}/beta.md:11: body: the long explanation after the frontmatter must have at least 20 characters (has 3)`)
  })

  it('en with parentheses → the line of en (they nest in the heading 中文名（English）)', () => {
    reset()
    // id 2, zh 3, en 4
    write('beta.md', good('beta', { en: 'Service (Kubernetes)' }))
    expect(problem()).toBe(`${dir}/beta.md:4: en: "Service (Kubernetes)" has parentheses, which nest in the glossary heading "术语beta（Service (Kubernetes)）"; write the qualifier into the name ("Kubernetes Service") and put abbreviations in aliases`)
  })

  it('alias used by two terms → the line of the second, naming the first', () => {
    reset()
    write('alpha.md', good('alpha', { aliases: '[AK]' }))
    write('beta.md', good('beta', { aliases: '\n  - BK\n  - ak' }))
    expect(problem()).toBe(
      `${dir}/beta.md:7: aliases[1]: "ak" is already used by term "alpha" (${dir}/alpha.md:5, aliases[0]); a name or alias may belong to one term only`,
    )
  })

  it('unknown tag, unknown field, invalid YAML, unclosed frontmatter', () => {
    reset()
    write('beta.md', good('beta', { tags: '\n  - 基础\n  - 杂项' }))
    expect(problem()).toBe(`${dir}/beta.md:10: tags[1]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")`)
    reset()
    write('beta.md', good('beta', { see_also: '[alpha]' }))
    expect(problem()).toBe(`${dir}/beta.md:9: unknown field "see_also" (allowed: id, zh, en, en_common, aliases, short, related, tags)`)
    reset()
    // en_common is a flag: true or absent, not a word
    write('beta.md', good('beta', { en_common: 'yes' }))
    expect(problem()).toMatch(new RegExp(`^${dir}/beta\\.md:9: en_common: must be true or false`))
    reset()
    // a duplicate key, on line 5 of the file
    write('beta.md', good('beta').replace('en: Term beta\n', 'en: Term beta\nzh: 重复\n'))
    expect(problem()).toMatch(new RegExp(`^${dir}/beta\\.md:5: invalid YAML: `))
    reset()
    write('beta.md', good('beta').replace(/\n---\n/, '\n'))
    expect(problem()).toBe(`${dir}/beta.md:1: frontmatter is not closed by a \`---\` line`)
  })

  it('a term file left in the old YAML format → line 1, saying where it goes', () => {
    reset()
    write('beta.yaml', 'id: beta\n')
    expect(problem()).toBe(`${dir}/beta.yaml:1: terms are Markdown files now: move this term to beta.md (frontmatter) and en/beta.md (English), see docs/data/glossary/README.md`)
  })

  it('lists every problem of every file in one run, by file and line, without follow-up errors', () => {
    reset()
    // beta: an unknown tag (line 8), an unknown related id (line 7), a heading in the body (line 13)
    write('beta.md', good('beta', { related: '[alphq]', tags: '[杂项]' }, '第一行足够长的解释文字，写满二十个字以上。\n\n## 小标题'))
    // its English file: an unknown field (line 4); its tags are not compared with the bad Chinese tag
    write('en/beta.md', goodEn({ short_en: 'x', tags: '[Build]' }))
    // gamma refers to beta: beta still exists for the other files despite its own problems
    write('gamma.md', good('gamma', { related: '[beta]', short: '<omit>' }, '与 [[beta]] 相关的一段足够长的详细解释文字，还提到 [[bta]]。'))
    expect(problem().split('\n')).toEqual([
      `${dir}/beta.md:7: related[0]: unknown glossary term "alphq" (did you mean "alpha"?)`,
      `${dir}/beta.md:8: tags[0]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")`,
      `${dir}/beta.md:13: body: no headings inside a term text (the glossary page makes one heading per term)`,
      `${dir}/en/beta.md:4: unknown field "short_en" (allowed: short, tags)`,
      `${dir}/gamma.md:2: missing field "short" (one-line Chinese definition, at most 60 characters)`,
      `${dir}/gamma.md:10: body: unknown glossary term "bta" (did you mean "beta"?)`,
    ])
    // the same list from checkGlossary (for reporting), and no JavaScript frames in the thrown error
    expect(checkGlossary(dir).problems.map((p) => p.message).join('\n')).toBe(problem())
    let thrown: unknown
    try {
      readGlossary(dir)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(GlossaryProblems)
    expect((thrown as GlossaryProblems).problems).toHaveLength(6)
    expect(String((thrown as Error).stack)).not.toMatch(/\n\s+at /)
  })

  it('English file: its own lines for fields, tags and body; a Chinese file of the same name must exist', () => {
    reset()
    write('en/alpha.md', goodEn({ short_en: 'x' }))
    expect(problem()).toBe(`${dir}/en/alpha.md:4: unknown field "short_en" (allowed: short, tags)`)
    reset()
    write('en/alpha.md', goodEn({ tags: '\n  - Images' }))
    expect(problem()).toBe(`${dir}/en/alpha.md:4: tags[0]: "Images" should be "Basics" (the English name of tag "基础" in ${dir}/alpha.md)`)
    reset()
    write('en/alpha.md', goodEn({}, 'A long enough English text.\nSee [[alhpa]].'))
    expect(problem()).toBe(`${dir}/en/alpha.md:7: body: unknown glossary term "alhpa" (did you mean "alpha"?)`)
    reset()
    write('en/alpha.md', goodEn({}, 'A long enough English text.\n\n# Heading'))
    expect(problem()).toBe(`${dir}/en/alpha.md:8: body: no headings inside a term text (the glossary page makes one heading per term)`)
    reset()
    write('en/beta.md', goodEn())
    expect(problem()).toBe(`${dir}/en/beta.md:1: no Chinese term file ${dir}/beta.md: an English term file translates the Chinese file of the same name (rename it or add the term)`)
  })
})

// ---------------------------------------------------------------------------------------------

describe('glossary page and JSON export', () => {
  let docs: string
  beforeAll(() => {
    docs = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-docs-'))
    fs.mkdirSync(path.join(docs, 'guide'))
    fs.mkdirSync(path.join(docs, 'glossary'))
    fs.mkdirSync(path.join(docs, 'data'))
    fs.writeFileSync(path.join(docs, 'guide/index.md'), '---\ntitle: 入门\n---\n\n# 入门\n\n[[image]] 和 [[container|容器们]]。\n')
    fs.writeFileSync(path.join(docs, 'guide/code.md'), '# 只在代码里\n\n`[[volume]]`\n\n```\n[[volume]]\n```\n\n[[image]]\n')
    fs.writeFileSync(path.join(docs, 'glossary/index.md'), '# 术语表\n\n[[glossary-list]]\n')
    fs.writeFileSync(path.join(docs, 'data/README.md'), '[[volume]]\n')
  })
  afterAll(() => fs.rmSync(docs, { recursive: true, force: true }))

  it('scans pages for references, ignoring code', () => {
    expect(referencedIds('`[[volume]]` [[image]] [[image|x]] [[container]]')).toEqual(['image', 'container'])
  })

  it('exports { version, generated, terms[] } with computed pages', () => {
    const json = glossaryJson({ docsDir: docs })
    expect(json.version).toBe(1)
    expect(new Date(json.generated).toISOString()).toBe(json.generated)
    expect(json.terms.length).toBe(loadGlossary().terms.length)
    for (const t of json.terms) {
      // the English twins sit next to the Chinese fields (issue #17); the old fields keep their names
      expect(Object.keys(t)).toEqual(['id', 'zh', 'en', 'aliases', 'short', 'short_en', 'long', 'long_en', 'related', 'tags', 'tags_en', 'url', 'url_en', 'pages', 'pages_en'])
      expect(t.url).toBe(`/glossary/#${t.id}`)
      expect(t.url_en).toBe(`/en/glossary/#${t.id}`)
      expect(t.long).not.toMatch(/\[\[/) // references become ordinary Markdown links
      expect(t.long_en).not.toMatch(/\[\[/)
    }
    // the export's English text follows the pages' case rule (common nouns in lower case inside a sentence)
    const container = json.terms.find((t) => t.id === 'container')!
    expect(container.long_en).toMatch(/ the \[image\]\(\/en\/glossary\/#image\) /)
    expect(container.long_en).toMatch(/ a \[volume\]\(/)
    const byId = Object.fromEntries(json.terms.map((t) => [t.id, t]))
    expect(byId.image.pages).toEqual([
      { url: '/guide/code', title: '只在代码里' },
      { url: '/guide/', title: '入门' },
    ])
    expect(byId.container.pages).toEqual([{ url: '/guide/', title: '入门' }])
    expect(byId.volume.pages).toEqual([])
    expect(byId.image.long).toContain('[镜像层](/glossary/#layer)')
  })

  it('expands [[glossary-list]] into real headings with a permalink id per term', () => {
    const html = renderer({ docsDir: docs })(fs.readFileSync(path.join(docs, 'glossary/index.md'), 'utf8'), 'glossary/index.md')
    const g = loadGlossary()
    for (const t of g.terms) expect(html).toContain(`<h3 id="${t.id}">`)
    expect(html).toContain('<h3 id="image">镜像（Image）</h3>')
    expect(html).toContain('<h3 id="cmd">CMD 指令</h3>')
    expect(html).toMatch(/<GlossaryFilter tags="基础:\d+,[^"]+" :total="\d+" \/>\n<div class="glossary-list">/)
    expect(html).toContain('<div class="glossary-entry" data-tags="基础 镜像">')
    expect(html).toContain('出现在：<a href="/guide/code">只在代码里</a>、<a href="/guide/">入门</a>')
    // on the glossary page, references are same-page anchors (no popover component per reference)
    expect(html).toContain('相关术语：<a href="#container">容器</a>')
    expect(html).not.toContain('class="glossary-term"')
    // the long text is rendered Markdown, not a JSON blob
    expect(html).toMatch(/<code>docker build<\/code>/)
    const { anchors } = glossaryListSource(g)
    expect(anchors.filter((a) => !a.startsWith('group-')).sort()).toEqual(g.terms.map((t) => t.id).sort())
  })
})

describe('popover data files', () => {
  it('one file per term and language, next to the glossary page the link points at, with that language only', () => {
    const glossary = loadGlossary()
    // a docs folder with no frozen releases: the latest glossary's files only
    const files = popoverExports(glossary, fs.mkdtempSync(path.join(os.tmpdir(), 'kb-no-releases-')))
    expect(Object.keys(files)).toHaveLength(2 * glossary.terms.length)
    expect(termDataPath('image')).toBe('/glossary/terms/image.json')
    expect(termDataPath('image', 'en')).toBe('/en/glossary/terms/image.json')
    expect(files['/glossary/terms/image.json']()).toEqual(clientTerms(glossary).image)
    expect(files['/en/glossary/terms/image.json']()).toEqual(clientTerms(glossary, 'en').image)
    // small: a reader who opens one popover downloads a few hundred bytes
    for (const make of Object.values(files)) expect(Buffer.byteLength(JSON.stringify(make()))).toBeLessThan(1024)
  })
})

describe('a frozen release keeps its readers inside it (/about/changelog)', () => {
  it("links [[id]] on a release's page to the release's glossary, and its glossary page to its own entries", () => {
    const md = new MarkdownIt({ html: true }).use(glossaryPlugin)
    expect(md.render('[[image]]', { relativePath: 'v/2026.11/guide/a.md' })).toContain('<a class="glossary-term" href="/v/2026.11/glossary/#image" data-term="image">镜像</a>')
    expect(md.render('[[image]]', { relativePath: 'v/2026.11/glossary/index.md' })).toContain('<a href="#image">镜像</a>')
    expect(md.render('[[image]]', { relativePath: 'guide/a.md' })).toContain('href="/glossary/#image"')
  })
  it("writes the release's popover files from the snapshot it was cut with, next to its glossary page", () => {
    const files = popoverExports(loadGlossary())
    expect(termDataPath('image', 'zh', '2026.11')).toBe('/v/2026.11/glossary/terms/image.json')
    const snapshot = JSON.parse(fs.readFileSync(path.join(DOCS_DIR, 'v/2026.11/.data/glossary.json'), 'utf8'))
    const ids = snapshot.terms.map((t: { id: string }) => t.id)
    for (const id of ids) expect(Object.keys(files)).toContain(`/v/2026.11/glossary/terms/${id}.json`)
    expect(files['/v/2026.11/glossary/terms/image.json']().zh).toBe('镜像')
  })
})

describe('term links go through the link rule', () => {
  it("are rendered by the renderer's link_open rule (VitePress's adds the site base and records the link)", () => {
    const md = new MarkdownIt({ html: true }).use(glossaryPlugin)
    // a stand-in for VitePress's link rule (node_modules/vitepress: linkPlugin), which prefixes the base
    md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
      tokens[idx].attrSet('href', '/kb' + tokens[idx].attrGet('href'))
      return self.renderToken(tokens, idx, options)
    }
    expect(md.render('[[image]]', { relativePath: 'guide/a.md' })).toContain('<a class="glossary-term" href="/kb/glossary/#image" data-term="image">镜像</a>')
  })
})

describe('inside VitePress', () => {
  it("renders through the site's own Markdown pipeline", async () => {
    const { createMarkdownRenderer, resolveConfig } = await import('vitepress')
    const config = await resolveConfig(process.cwd(), 'build', 'production')
    const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
    const env = { relativePath: 'guide/example.md', cleanUrls: true }
    expect(md.render('运行[[container]]前先拉取[[image|镜像]]。', env)).toContain('<a class="glossary-term" href="/glossary/#container" data-term="container">容器</a>')
    expect(errorOf(() => md.render('# T\n\n正文\n[[nope-nope]]\n', { ...env }))).toMatch(/^docs\/guide\/example\.md:4: unknown glossary term "nope-nope"/)
    const page = md.render(fs.readFileSync('docs/glossary/index.md', 'utf8'), { relativePath: 'glossary/index.md', cleanUrls: true })
    expect(page).toContain('<h3 id="image" tabindex="-1">镜像（Image） <a class="header-anchor" href="#image"')
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------

describe('term files are linted like pages, and are not pages', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-lint-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true })
    fs.writeFileSync(path.join(tmp, rel), text)
    return path.join(tmp, rel)
  }
  const fm = '---\nid: alpha\nzh: 阿尔法\nen: Alpha\naliases: []\nshort: 一句话定义，足够长。\nrelated: []\ntags: [基础]\n---\n\n'

  it('the lint covers every term file of both languages (not the README)', () => {
    const files = listDataFiles(path.resolve('docs/data')).map((f) => path.relative(process.cwd(), f).split(path.sep).join('/'))
    const terms = loadGlossary().terms
    for (const t of terms) {
      expect(files).toContain(`docs/data/glossary/${t.id}.md`)
      expect(files).toContain(`docs/data/glossary/en/${t.id}.md`)
    }
    expect(files.filter((f) => f.startsWith('docs/data/glossary/'))).toHaveLength(terms.length * 2)
  })

  it('Chinese bodies get the Chinese rules, English bodies the English ones, at the body line', async () => {
    // body from line 11: 11 fine, 12 blank, 13 the problem
    const zh = write('data/glossary/alpha.md', `${fm}第一段足够长的解释文字。\n\n容器里运行Docker的具名数据卷。\n`)
    const en = write('data/glossary/en/alpha.md', '---\nshort: A definition.\ntags: [Basics]\n---\n\nFirst line.\nA second line with 镜像 left in.\n')
    const rel = (f: string) => path.relative(process.cwd(), f)
    const problems = await lintDocs([zh, en])
    expect(problems).toEqual([
      `${rel(zh)}:13: term-volume "具名数据卷": write 命名卷 (named volume)`,
      `${rel(zh)}:13: cjk-spacing add a space between Chinese and Latin text: "行D"`,
      `${rel(zh)}:13: cjk-spacing add a space between Chinese and Latin text: "r的"`,
      `${rel(en)}:7: en-cjk Chinese text "镜像" in an English page: translate it, quote it, or end the line with <!-- zh --> if it is intended`,
    ])
    // markdownlint runs on the body too: two blank lines, the second on line 13
    const b = write('data/glossary/beta.md', `${fm}第一段足够长的解释文字。\n\n\n第二段。\n`)
    expect(await lintDocs([b])).toEqual([`${rel(b)}:13: MD012 Multiple consecutive blank lines (Expected: 1; Actual: 2)`])
  })

  it('page lists leave docs/data out', () => {
    write('guide/a.md', '# A\n')
    write('data/glossary/alpha.md', `${fm}第一段足够长的解释文字。\n`)
    expect(listPages(tmp).map((f) => path.relative(tmp, f))).toEqual(['guide/a.md'])
    expect(listPages(path.resolve('docs')).some((f) => f.includes(`${path.sep}data${path.sep}`))).toBe(false)
  })
})
