/**
 * The data schemas (schemas/*.schema.json) and their helper (core/schema.ts): messages at
 * `file:line`, the lists the schemas repeat for editors equal the code's, and the editor mapping
 * points at schemas and folders that exist. Each data kind's own bad-input tests are in
 * frontmatter/glossary/commands/corrections.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataError, SCHEMA_NAMES, assertSchema, parseYaml, readSchema, schemaProblems } from '../../core/schema'
import { TAGS, TAGS_EN } from '../../core/glossary'
import { SOURCES } from '../../core/frontmatter'

const errorOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as Error).message
  }
  return ''
}

describe('core/schema.ts', () => {
  it('names file, line and field path of each problem, in file order', () => {
    // a term file's frontmatter (docs/data/glossary/x.md), whose YAML starts on line 2
    const text = 'id: x\nzh: 名\nen: Name\naliases: []\nshort: 一句话定义，足够长。\nrelated: []\ntags:\n  - 基础\n  - 杂项\nextra: 1\n'
    const y = parseYaml(text, 'docs/data/glossary/x.md', { firstLine: 2 })
    expect(schemaProblems('glossary-term', y)).toEqual([
      { line: 10, field: 'tags[1]', detail: 'tags[1]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")' },
      { line: 11, field: '', detail: 'unknown field "extra" (allowed: id, zh, en, en_common, aliases, short, related, tags)' },
    ])
    expect(errorOf(() => assertSchema('glossary-term', y, 'docs/data/glossary/x.md'))).toBe(
      'docs/data/glossary/x.md:10: tags[1]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")',
    )
  })

  it('counts lines from where the YAML starts in its file, also for syntax errors', () => {
    const y = parseYaml('title: 标题\nsources: [blog]\n', 'docs/x.md', { firstLine: 2 })
    expect(schemaProblems('frontmatter', y).map((p) => `${p.line}: ${p.detail}`)).toEqual([
      '2: missing field "description" (one or two sentences for search results and social cards)',
      '3: sources[0]: must be one of yama-2025, docker-resources-2025 (got string "blog")',
    ])
    expect(() => parseYaml('a: 1\nb: [\n', 'docs/x.md', { firstLine: 2 })).toThrow(DataError)
    expect(errorOf(() => parseYaml('a: 1\na: 2\n', 'docs/x.md', { firstLine: 2 }))).toMatch(/^docs\/x\.md:3: invalid YAML: /)
  })

  it('reports a duplicate list item at the second one', () => {
    const y = parseYaml('aliases:\n  - k8s\n  - K8s\n  - k8s\n', 'a.yaml')
    const [p] = schemaProblems('glossary-term', y).filter((x) => x.field.startsWith('aliases'))
    expect(p).toEqual({ line: 4, field: 'aliases[2]', detail: 'aliases[2]: "k8s" is listed twice' })
  })
})

describe('schemas/', () => {
  it('repeats the tag and source lists of the code exactly', () => {
    const term = readSchema('glossary-term') as { properties: Record<string, { items: { enum: string[] } }> }
    expect(term.properties.tags.items.enum).toEqual([...TAGS])
    const termEn = readSchema('glossary-term-en') as { properties: Record<string, { items: { enum: string[] } }> }
    expect(termEn.properties.tags.items.enum).toEqual(TAGS.map((t) => TAGS_EN[t]))
    const common = readSchema('common') as { definitions: { sourceId: { enum: string[] } } }
    expect(common.definitions.sourceId.enum).toEqual(Object.keys(SOURCES))
  })

  it('are mapped for editors (yaml-language-server) onto the data folders that exist', () => {
    const settings = JSON.parse(fs.readFileSync('.vscode/settings.json', 'utf8')) as { 'yaml.schemas': Record<string, string> }
    const mapped = Object.entries(settings['yaml.schemas'])
    for (const [schema, glob] of mapped) {
      expect(fs.existsSync(schema), schema).toBe(true)
      const dir = path.dirname(glob.replace(/^\//, ''))
      expect(fs.readdirSync(dir).some((f) => f.endsWith('.yaml')), glob).toBe(true)
    }
    // every schema of a YAML data folder is mapped; the YAML extension does not read the frontmatter
    // of Markdown files (pages, glossary terms), so those schemas are checked by the loaders only
    const markdown = ['frontmatter', 'glossary-term', 'glossary-term-en']
    expect(mapped.map(([s]) => path.basename(s, '.schema.json')).sort()).toEqual(SCHEMA_NAMES.filter((n) => !markdown.includes(n)).sort())
  })
})
