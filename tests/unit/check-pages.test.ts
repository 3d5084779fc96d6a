/**
 * Bad input fails with file and line, through VitePress's own markdown pipeline (which strips
 * the frontmatter before parsing, so line numbers must be mapped back to the file).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkPages } from '../../scripts/check-pages'

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
  it('Go templates in prose break the Vue compile and are reported', async () => {
    const f = page('vue.md', '用 {{.State.Pid}} 查看\n')
    expect((await checkPages([f]))[0]).toMatch(/Vue template error/)
  })
  it('a clean page passes', async () => {
    const f = page('ok.md', '正文，[[image]] 与 `{{.ID}}`。\n\n```sh run\nls\n```\n')
    expect(await checkPages([f])).toEqual([])
  })
})
