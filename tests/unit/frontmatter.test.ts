import { describe, expect, it } from 'vitest'
import { readFrontmatter, validateFrontmatter, frontmatterProblems, FrontmatterError } from '../../core/frontmatter'

const page = (fm: string) => `---\n${fm}\n---\n\n# T\n`
const check = (fm: string) => () => validateFrontmatter(readFrontmatter(page(fm), 'docs/x.md'), 'docs/x.md')

describe('frontmatter schema', () => {
  it('accepts a complete page', () => {
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: [yama-2025]\norder: 2\nupdated: 2026-11-23')).not.toThrow()
  })
  it('names the file when a required field is missing', () => {
    // the YAML mapping starts on line 2, after the opening `---`
    expect(check('title: 数据卷\nsources: []')).toThrow('docs/x.md:2: missing field "description" (one or two sentences for search results and social cards)')
  })
  it('names the line of a field with a wrong type', () => {
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\norder: two')).toThrow('docs/x.md:5: order: must be a whole number (got string "two") — position in the sidebar')
  })
  it('rejects unknown sources with the line', () => {
    expect(check('title: 数据卷\nsources: [wikipedia]\ndescription: 数据卷是 Docker 管理的持久化存储。')).toThrow('docs/x.md:3: sources[0]: must be one of yama-2025, docker-resources-2025 (got string "wikipedia")')
  })
  it('rejects unknown keys (typos) with the line and the closest allowed key', () => {
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\ndescripton: typo')).toThrow(/^docs\/x.md:5: unknown field "descripton": did you mean "description"\? \(allowed: title, description, sources, .*, isHome\)$/)
    // no close key: no guess
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\nflavour: x')).toThrow(/^docs\/x.md:5: unknown field "flavour" \(allowed: /)
  })
  it('suggests the field other sites call by that name (alsoCalled in the schema)', () => {
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\ntag: [存储]')).toThrow('docs/x.md:5: unknown field "tag": did you mean "keywords"?')
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\ndate: 2026-11-01')).toThrow('docs/x.md:5: unknown field "date": did you mean "updated"?')
  })
  it('a typo of a required key is one problem, at the typo\'s line, not "missing field" at line 2', () => {
    const fm = readFrontmatter(page('title: 统计\ndescripton: 用 docker stats 实时查看容器的资源占用。\nsources: []\norder: x'), 'docs/x.md')
    expect(frontmatterProblems(fm, 'docs/x.md').map((e) => e.message)).toEqual([
      'docs/x.md:3: unknown field "descripton": did you mean "description"? (a required field, missing: one or two sentences for search results and social cards)',
      'docs/x.md:5: order: must be a whole number (got string "x") — position in the sidebar',
    ])
  })
  it('reports invalid YAML with the line', () => {
    expect(check('title: 数据卷\ndescription: [unclosed\nsources: []')).toThrow(FrontmatterError)
  })
  it('rejects a bad date', () => {
    expect(check('title: 数据卷\ndescription: 数据卷是 Docker 管理的持久化存储。\nsources: []\nupdated: 23.11.2026')).toThrow('docs/x.md:5: updated: must be a date YYYY-MM-DD')
  })
  it('reads a page without frontmatter as empty, and an unclosed one as an error', () => {
    expect(readFrontmatter('# hi', 'a.md').data).toEqual({})
    expect(() => readFrontmatter('---\ntitle: x\n', 'a.md')).toThrow('a.md:1: frontmatter is not closed')
  })
})

describe('readFrontmatter: the body after it', () => {
  it('gives the body and the file line it starts on (blank lines after the closing --- skipped)', () => {
    expect(readFrontmatter('---\na: 1\n---\n\n\nText\nmore\n', 'x.md')).toMatchObject({ body: 'Text\nmore\n', bodyLine: 6 })
    expect(readFrontmatter('---\na: 1\nb: 2\n---\nText\n', 'x.md')).toMatchObject({ body: 'Text\n', bodyLine: 5 })
    expect(readFrontmatter('No frontmatter\n', 'x.md')).toMatchObject({ body: 'No frontmatter\n', bodyLine: 1 })
  })

  it('throws the caller’s error class', () => {
    class OwnError extends Error {
      constructor(file: string, line: number, detail: string) {
        super(`${file}:${line}: ${detail}`)
      }
    }
    expect(() => readFrontmatter('---\na: [1\n---\n', 'x.md', { error: OwnError })).toThrow(OwnError)
    expect(() => readFrontmatter('---\na: 1\n', 'x.md', { error: OwnError })).toThrow('x.md:1: frontmatter is not closed by a `---` line')
  })
})
