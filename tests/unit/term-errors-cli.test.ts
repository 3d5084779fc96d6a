/**
 * A broken glossary term, as a contributor meets it on the command line: `npm run check` and
 * `vitepress build` (the same config load as `npm run dev`) print every term problem as one clean
 * `file:line: message` line and exit non-zero, with no JavaScript stack trace. The site's glossary is
 * read while the VitePress config loads (the search index's word list, .vitepress/config/search.ts),
 * which used to turn the first term error into "failed to load config" and a ~23-line trace.
 *
 * Runs in a copy of the project's sources (node_modules linked), so the real term files are never
 * touched and other tests reading them are not disturbed.
 *
 *   npx vitest run --project unit tests/unit/term-errors-cli.test.ts
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** what the config load and the check read; build output and caches are left behind */
const SOURCES = ['.vitepress/config', '.vitepress/plugins', '.vitepress/theme', 'core', 'docs', 'public', 'schemas', 'scripts', 'types', 'package.json', 'tsconfig.json', 'versions.json']
/** the three mistakes of the throwaway term: an unknown related id, a tag outside the list, a heading in the body */
const EXPECTED = [
  'docs/data/glossary/zz-broken.md:7: related[0]: unknown glossary term "imagee" (did you mean "image"?)',
  'docs/data/glossary/zz-broken.md:8: tags[0]: must be one of 基础, 原理, 镜像, 构建, 运行, 存储, 网络, 架构, 安装, 编排 (got string "杂项")',
  'docs/data/glossary/zz-broken.md:12: body: no headings inside a term text (the glossary page makes one heading per term)',
]
const BROKEN = `---
id: zz-broken
zh: 故意写错的术语
en: Deliberately broken term
aliases: []
short: 用来检查错误输出的术语。
related: [imagee]
tags: [杂项]
---

这是一段足够长的详细解释，用来通过长度检查。
## 小标题
`

let copy: string
beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-term-errors-'))
  for (const p of SOURCES) fs.cpSync(path.join(ROOT, p), path.join(copy, p), { recursive: true })
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(copy, 'node_modules'))
  fs.writeFileSync(path.join(copy, 'docs/data/glossary/zz-broken.md'), BROKEN)
})
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }))

/** run a command in the copy; resolves with exit code and output (killed after `ms`: a config that loads would start a full build) */
function run(args: string[], ms: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: copy, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: ms })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
const FRAME = /^\s+at /m

describe('a broken term on the command line', () => {
  it('npm run check: every term problem as a clean line, exit 1, no stack trace', async () => {
    const r = await run(['--import', 'tsx', 'scripts/check-pages.ts', 'docs/data/glossary/zz-broken.md', 'docs/guide/why.md'], 120_000)
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual(EXPECTED)
    expect(r.stdout).toMatch(/1 page\(s\) not checked: .*\n✗ 3 problem\(s\)\n$/)
    expect(r.stdout + r.stderr).not.toMatch(FRAME)
  }, 150_000)

  it('vitepress build (the config load of npm run dev too): the clean list first, exit 1, no stack trace', async () => {
    const r = await run([path.join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', '--outDir', path.join(copy, '.out')], 240_000)
    expect(r.code).toBe(1)
    const lines = (r.stdout + r.stderr).split('\n').filter((l) => l.trim() && !/^(failed to load config from|build error:)/.test(l) && !/vitepress v[\d.]+/.test(l))
    expect(lines.slice(0, 3)).toEqual(EXPECTED)
    expect(lines.slice(3)).toEqual(['3 problem(s) in the glossary term files (field guide: docs/data/glossary/README.md)'])
    expect(r.stdout + r.stderr).not.toMatch(FRAME)
  }, 270_000)
})
