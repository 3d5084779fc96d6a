/**
 * The English edition of the data (issue #17): the English glossary files and the `_en` fields of
 * the other data are validated like their Chinese twins (errors as file:line), and /en/ pages get the English text — glossary references, the
 * glossary list, command markers, the finder, the corrections and the JSON exports.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { loadGlossary, parseTermFile, parseTermTranslation, readGlossary } from '../../core/glossary'
import { glossaryJson, glossaryPlugin } from '../../.vitepress/plugins/glossary'
import { glossaryListSource } from '../../core/glossary-refs'
import { expandCommandMarkersWithMap, loadCommands, parseGroupFile, type CommandData } from '../../core/commands'
import { commandsJson } from '../../.vitepress/plugins/commands'
import { finderIndex } from '../../.vitepress/plugins/commands'
import { filterCommands, finderView } from '../../docs/data/commands/finder'
import { readCorrections } from '../../core/corrections'
import { pageLang, localePath } from '../../core/page-lang'

const errorOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  return ''
}

/** docs/data/glossary/image.md: frontmatter lines 1–9, the body on line 11 */
const TERM = `---
id: image
zh: 镜像
en: Image
aliases: []
short: 只读的文件系统模板，用来创建容器。
related: []
tags: [基础, 镜像]
---

镜像是创建[[container]]用的只读模板，由若干层组成。
`
const CONTAINER = `---
id: container
zh: 容器
en: Container
aliases: []
short: 由镜像创建的一组被隔离的进程。
related: []
tags: [基础]
---

容器是镜像的运行实例，直接运行在宿主机内核上。
`
/**
 * docs/data/glossary/en/image.md: `---` 1, short 2, tags 3 (each replaceable), `---` 4, blank 5,
 * the body from line 6
 */
const EN = (o: { short?: string; tags?: string; extra?: string; body?: string } = {}) => `---
short: ${o.short ?? 'A read-only template for containers.'}
tags: ${o.tags ?? '[Basics, Images]'}
${o.extra ? `${o.extra}\n` : ''}---

${o.body ?? 'An image is the read-only template of a [[container]].'}
`
const FILE = 'docs/data/glossary/image.md'
const FILE_EN = 'docs/data/glossary/en/image.md'
/** the English file parsed onto the Chinese one; the error message or '' */
const enProblem = (en: string) => errorOf(() => parseTermTranslation(en, FILE_EN, parseTermFile(TERM, FILE)))

function glossaryDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'en-glossary-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('page language', () => {
  it('is English exactly under docs/en/', () => {
    expect(pageLang('en/guide/why.md')).toBe('en')
    expect(pageLang('docs/en/cli/container.md')).toBe('en')
    expect(pageLang('en/index.md')).toBe('en')
    expect(pageLang('guide/en.md')).toBe('zh')
    expect(pageLang('english/x.md')).toBe('zh')
    expect(localePath('/cli/container', 'en')).toBe('/en/cli/container')
    expect(localePath('/cli/container', 'zh')).toBe('/cli/container')
  })
})

describe('glossary: the English term file (docs/data/glossary/en/<id>.md)', () => {
  it('reads short, tags and the body as short_en, tags_en and long_en', () => {
    const t = parseTermTranslation(EN(), FILE_EN, parseTermFile(TERM, FILE)).term
    expect(t.short_en).toBe('A read-only template for containers.')
    expect(t.long_en).toBe('An image is the read-only template of a [[container]].')
    expect(t.tags_en).toEqual(['Basics', 'Images'])
    expect(t.long).toBe('镜像是创建[[container]]用的只读模板，由若干层组成。')
  })

  it('reports a bad English field with the English file and line', () => {
    expect(enProblem(EN({ short: 'x'.repeat(121) }))).toMatch(/^docs\/data\/glossary\/en\/image\.md:2: short: must have at most 120 characters/)
    expect(enProblem(EN({ short: 'Uses <b>HTML</b>.' }))).toBe(`${FILE_EN}:2: short: plain text only (no [[…]] references or HTML) (got string "Uses <b>HTML</b>.")`)
    // body lines: 6 the sentence, 7 the heading
    expect(enProblem(EN({ body: 'First a sentence long enough.\n## Heading' }))).toBe(`${FILE_EN}:7: body: no headings inside a term text (the glossary page makes one heading per term)`)
    // tags on line 3, items on lines 4 and 5
    expect(enProblem(EN({ tags: '\n  - Basics\n  - Storage' }))).toBe(`${FILE_EN}:5: tags[1]: "Storage" should be "Images" (the English name of tag "镜像" in ${FILE})`)
    expect(enProblem(EN({ tags: '[Basics]' }))).toMatch(/^docs\/data\/glossary\/en\/image\.md:3: tags: must list 2 tag\(s\)/)
    expect(enProblem(EN({ extra: 'title: Image' }))).toMatch(/^docs\/data\/glossary\/en\/image\.md:4: unknown field "title"/)
  })

  it('checks references inside the English body', () => {
    const dir = glossaryDir({ 'image.md': TERM, 'en/image.md': EN({ body: 'Made of layers,\nsee [[contianer]] for more.' }), 'container.md': CONTAINER })
    // line 7: the second line of the body (which starts on line 6)
    expect(errorOf(() => readGlossary(dir))).toBe(`${path.join(dir, 'en/image.md')}:7: body: unknown glossary term "contianer" (did you mean "container"?)`)
  })

  it('renders [[id]] by page language and links the English glossary', () => {
    const dir = glossaryDir({ 'image.md': TERM, 'en/image.md': EN(), 'container.md': CONTAINER })
    const md = new MarkdownIt({ html: true }).use(glossaryPlugin, { dir, docsDir: dir })
    expect(md.render('See [[image]].', { relativePath: 'guide/a.md' })).toContain('<a class="glossary-term" href="/glossary/#image" data-term="image">镜像</a>')
    expect(md.render('See [[image]].', { relativePath: 'en/guide/a.md' })).toContain('<a class="glossary-term" href="/en/glossary/#image" data-term="image">Image</a>')
    // the English glossary page links its own entries as same-page anchors, like the Chinese one
    expect(md.render('See [[image]].', { relativePath: 'en/glossary/index.md' })).toContain('<a href="#image">Image</a>')
  })

  it('lists the English glossary in English, with the same anchors, falling back to Chinese text', () => {
    const dir = glossaryDir({ 'image.md': TERM, 'en/image.md': EN(), 'container.md': CONTAINER })
    const g = readGlossary(dir)
    const usage = new Map([['image', [{ url: '/guide/a', title: '中文页' }, { url: '/en/guide/a', title: 'English page' }]]])
    const zh = glossaryListSource(g, usage)
    const en = glossaryListSource(g, usage, { lang: 'en' })
    expect(en.anchors).toEqual(zh.anchors)
    expect(en.markdown).toContain('### Image\n')
    expect(en.markdown).toContain('<span lang="zh-CN">Chinese: 镜像</span>')
    expect(en.markdown).toContain('<p class="glossary-entry__short">A read-only template for containers.</p>')
    expect(en.markdown).toContain('An image is the read-only template of a [[container]].')
    expect(en.markdown).toContain('data-tags="Basics Images"')
    expect(en.markdown).toContain('<GlossaryFilter tags="Basics:2,Images:1"')
    expect(en.markdown).toContain('Used on: [English page](/en/guide/a)')
    expect(en.markdown).not.toContain('(/guide/a)')
    expect(zh.markdown).toContain('出现在：[中文页](/guide/a)')
    expect(zh.markdown).not.toContain('English page')
    // no English twin yet: the Chinese text stands in
    expect(en.markdown).toContain('<p class="glossary-entry__short">由镜像创建的一组被隔离的进程。</p>')
  })

  it('exports both languages in /api/glossary.json', () => {
    const json = glossaryJson()
    const image = json.terms.find((t) => t.id === 'image')!
    const g = loadGlossary().byId.get('image')!
    expect(image.short_en).toBe(g.short_en ?? g.short)
    expect(image.url_en).toBe('/en/glossary/#image')
    expect(image.long_en).toMatch(/\]\(\/en\/glossary\/#[a-z-]+\)/)
    expect(image.pages.every((p) => !p.url.startsWith('/en/'))).toBe(true)
    expect(image.pages_en.every((p) => p.url.startsWith('/en/'))).toBe(true)
  })

  it('has the English text for every term of the site data', () => {
    const missing = loadGlossary().terms.filter((t) => !t.short_en || !t.long_en || !t.tags_en).map((t) => t.id)
    expect(missing).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------

const GROUP = `group: volume
label: 卷
label_en: Volumes
title: 卷命令参考
title_en: Volume commands
order: 1
sections:
  - title: 管理
    title_en: Manage
    intro: 创建和查看数据卷。
    intro_en: Create and inspect volumes.
    commands:
      - name: docker volume create
        id: docker-volume-create
        zh: 创建一个数据卷。
        en: Create a volume.
        usage: docker volume create [VOLUME]
        keywords: [新建卷]
        keywords_en: [new volume]
        note: 卷名省略时随机生成。
        note_en: Without a name, Docker generates a random one.
        options:
          - flags: --label
            arg: 键=值
            arg_en: KEY=VALUE
            desc: 添加标记。
            desc_en: Add a label.
            keywords: [标记]
            keywords_en: [label]
        examples:
          - title: 创建并查看
            title_en: Create and inspect
            lang: console
            code: |
              $ echo 你好
              你好
            code_en: |
              $ echo hello
              hello
          - title: 需要交互
            title_en: Needs a terminal
            norun: 需要终端
            norun_en: needs a terminal
            code: |
              docker run -it --rm busybox sh
        corrections:
          - source: yama-2025
            original: docker create volume1
            correction: 应为 docker volume create。
            correction_en: It should be docker volume create.
        pages: [/storage/volumes]
`
const parse = (text: string) => parseGroupFile(text, 'docs/data/commands/volume.yaml')
const asData = (text: string): CommandData => {
  const g = parse(text)
  const commands = g.sections.flatMap((s) => s.commands)
  return { groups: [g], commands, byId: new Map(commands.map((c) => [c.id, c])) }
}
/** line of the first line containing `needle` in `text` (1-based) */
const lineIn = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('commands: English fields', () => {
  it('reads every English twin', () => {
    const g = parse(GROUP)
    const c = g.sections[0].commands[0]
    expect([g.label_en, g.title_en, g.sections[0].title_en, g.sections[0].intro_en]).toEqual(['Volumes', 'Volume commands', 'Manage', 'Create and inspect volumes.'])
    expect([c.keywords_en, c.note_en]).toEqual([['new volume'], 'Without a name, Docker generates a random one.'])
    expect(c.options[0]).toMatchObject({ arg_en: 'KEY=VALUE', desc_en: 'Add a label.', keywords_en: ['label'] })
    expect(c.examples[0]).toMatchObject({ title_en: 'Create and inspect', code_en: '$ echo hello\nhello\n' })
    expect(c.examples[1]).toMatchObject({ reason_en: 'needs a terminal' })
    expect(c.corrections[0].correction_en).toBe('It should be docker volume create.')
  })

  it('reports misplaced or bad English fields with file and line', () => {
    const F = 'docs/data/commands/volume.yaml'
    const noCjkArg = GROUP.replace('arg: 键=值', 'arg: KEY=VALUE')
    expect(errorOf(() => parse(noCjkArg))).toBe(`${F}:${lineIn(noCjkArg, 'arg_en')}: "arg_en" only when "arg" contains Chinese ("KEY=VALUE" is shown as it is)`)
    const noCjkCode = GROUP.replace('$ echo 你好\n              你好', '$ echo hi\n              hi')
    expect(errorOf(() => parse(noCjkCode))).toBe(`${F}:${lineIn(noCjkCode, 'code_en')}: "code_en" only when "code" contains Chinese text (otherwise both pages show "code")`)
    const lostPrompt = GROUP.replace('$ echo hello', 'echo hello')
    expect(errorOf(() => parse(lostPrompt))).toBe(`${F}:${lineIn(lostPrompt, 'code_en')}: "code_en" must keep the "$ " command lines of "code"`)
    const noteless = GROUP.replace('        note: 卷名省略时随机生成。\n', '')
    expect(errorOf(() => parse(noteless))).toBe(`${F}:${lineIn(noteless, 'note_en')}: sections[0].commands[0].note_en: "note_en" is only allowed next to "note", which this entry does not have`)
    const quote = GROUP.replace('norun_en: needs a terminal', 'norun_en: needs a "terminal"')
    expect(errorOf(() => parse(quote))).toBe(`${F}:${lineIn(quote, 'norun_en')}: sections[0].commands[0].examples[1].norun_en: reason must not contain a double quote (got string "needs a \\"terminal\\"")`)
    const html = GROUP.replace('desc_en: Add a label.', 'desc_en: Add a <label>.')
    expect(errorOf(() => parse(html))).toBe(`${F}:${lineIn(html, 'desc_en')}: sections[0].commands[0].options[0].desc_en: contains "<…" outside code: write it in backticks, e.g. \`<none>\` (got string "Add a <label>.")`)
    const typo = GROUP.replace('title_en: Manage', 'titel_en: Manage')
    expect(errorOf(() => parse(typo))).toBe(`${F}:${lineIn(typo, 'titel_en')}: sections[0]: unknown field "titel_en": did you mean "title_en"? (allowed: title, intro, commands, title_en, intro_en)`)
  })

  it('expands a marker on an English page with the English text and /en/ links', () => {
    const data = asData(GROUP)
    const en = expandCommandMarkersWithMap('# Volumes\n\n<!-- commands:volume -->\n', 'docs/en/cli/volume.md', data).text
    expect(en).toContain('## Manage\n\nCreate and inspect volumes.')
    expect(en).toContain('### docker volume create\n\nCreate a volume.\n\n```text')
    expect(en).not.toContain('cli-en')
    expect(en).toContain('Typical use: `docker volume create`')
    expect(en).toContain('Without a name, Docker generates a random one.')
    expect(en).toContain('| Option | Description |\n| --- | --- |\n| `--label KEY=VALUE` | Add a label. |')
    expect(en).toContain('Keywords: new volume · label · --label')
    expect(en).toContain('#### docker volume create examples {#docker-volume-create-examples .cli-examples}')
    expect(en).toContain('Create and inspect:\n\n```console run\n$ echo hello\nhello\n```')
    expect(en).toContain('Needs a terminal:\n\n```sh norun="needs a terminal"\ndocker run -it --rm busybox sh\n```')
    expect(en).toContain('::: details Differences from the original article')
    expect(en).toContain('[docker volume create](#docker-volume-create): the original article says `docker create volume1`. It should be docker volume create.')
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
    // the Chinese page of the same data is unchanged in language
    const zh = expandCommandMarkersWithMap('# 卷\n\n<!-- commands:volume -->\n', 'docs/cli/volume.md', data).text
    expect(zh).toContain('## 管理')
    expect(zh).toContain('```console run\n$ echo 你好\n你好\n```')
    expect(zh).toContain('| `--label 键=值` | 添加标记。 |')
    expect(zh).toContain('::: details 与原文的差异')
  })

  it('falls back to the Chinese text where an English twin is missing', () => {
    const partial = GROUP.replace('            desc_en: Add a label.\n', '').replace('    title_en: Manage\n', '')
    const en = expandCommandMarkersWithMap('<!-- commands:volume -->\n', 'docs/en/cli/volume.md', asData(partial)).text
    expect(en).toContain('## 管理')
    expect(en).toContain('| `--label KEY=VALUE` | 添加标记。 |')
  })

  it('links overview rows to /en/ pages on English pages', () => {
    const en = expandCommandMarkersWithMap('<!-- commands:overview -->\n', 'docs/en/cli/index.md', asData(GROUP)).text
    expect(en).toContain('| Category | Commands | Count |')
    expect(en).toContain('| [Volume commands](/en/cli/volume) | [volume create](/en/cli/volume#docker-volume-create) | 1 |')
  })

  it('lets the finder search English task words on /en/ pages', () => {
    const index = finderIndex(asData(GROUP))
    const en = finderView(index, 'en')
    expect(finderView(index, 'en')).toBe(en) // memoised: the filter's cache keeps working
    expect(finderView(index, 'zh')).toBe(index)
    expect(filterCommands(en, 'new volume').map((e) => e.id)).toEqual(['docker-volume-create'])
    expect(filterCommands(en, '新建卷')).toEqual([])
    expect(filterCommands(index, '新建卷').map((e) => e.id)).toEqual(['docker-volume-create'])
    expect(en.commands[0].page).toBe('/en/cli/volume')
    expect(en.groups[0]).toMatchObject({ label: 'Volumes', title: 'Volume commands', page: '/en/cli/volume' })
  })

  it('exports both languages in /api/commands.json', () => {
    const json = commandsJson() as { groups: Record<string, unknown>[]; commands: Record<string, unknown>[] }
    const data = loadCommands()
    expect(json.groups[0]).toMatchObject({ id: data.groups[0].id, page_en: `/en/cli/${data.groups[0].id}` })
    const run = json.commands.find((c) => c.id === 'docker-run')!
    expect(run.url_en).toBe('/en/cli/container#docker-run')
    expect(run).toHaveProperty('section_en')
    expect(run).toHaveProperty('keywords_en')
    const opt = (run.options as Record<string, unknown>[])[0]
    expect(opt).toHaveProperty('desc_en')
    const ex = (run.examples as Record<string, unknown>[])[0]
    expect(ex).toHaveProperty('title_en')
    expect(ex).toHaveProperty('code_en')
  })
})

describe('corrections: correction_en', () => {
  const dirWith = (yaml: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'en-corrections-'))
    fs.writeFileSync(path.join(dir, 'a.yaml'), yaml)
    return dir
  }
  const ENTRY = '- source: yama-2025\n  original: 原文\n  correction: 更正。\n  page: /guide/why\n'

  it('reads correction_en and rejects bad or unknown keys with file and line', () => {
    expect(readCorrections(dirWith(ENTRY + '  correction_en: The correction.\n'))[0].correction_en).toBe('The correction.')
    expect(errorOf(() => readCorrections(dirWith(ENTRY + '  correction_en: ""\n')))).toMatch(/a\.yaml:5: \[0\]\.correction_en: must be non-empty text/)
    expect(errorOf(() => readCorrections(dirWith(ENTRY + '  corection_en: x\n')))).toMatch(/a\.yaml:5: \[0\]: unknown field "corection_en"/)
  })

  it('has the English text for every correction of the site data', () => {
    expect(readCorrections().filter((c) => !c.correction_en).map((c) => `${c.file}:${c.line}`)).toEqual([])
  })
})
