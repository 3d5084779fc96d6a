/** `dist=` snippets: the built site is copied into the page's work dir (scripts/snippets/page-runner.ts). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyBuiltSite } from '../../scripts/snippets/page-runner'

const made: string[] = []
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-dist-test-'))
  made.push(d)
  return d
}
afterEach(() => { for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true }) })

function site(): string {
  const d = tmp()
  fs.mkdirSync(path.join(d, 'guide'))
  fs.writeFileSync(path.join(d, 'index.html'), '<title>home</title>')
  fs.writeFileSync(path.join(d, 'guide/a.html'), 'a')
  return d
}

describe('copyBuiltSite', () => {
  it('copies the whole build relative to the shell\'s directory', () => {
    const src = site()
    const work = tmp()
    fs.mkdirSync(path.join(work, 'repo'))
    const r = copyBuiltSite('.vitepress/dist', work, path.join(work, 'repo'), src)
    expect(r).toEqual({ path: 'repo/.vitepress/dist' })
    expect(fs.readFileSync(path.join(work, 'repo/.vitepress/dist/guide/a.html'), 'utf8')).toBe('a')
    expect(fs.existsSync(path.join(work, 'repo/.vitepress/dist/index.html'))).toBe(true)
  })

  it('fails with a hint to build when there is no build', () => {
    const work = tmp()
    const missing = path.join(tmp(), 'dist')
    const r = copyBuiltSite('.vitepress/dist', work, work, missing)
    expect(r.error).toBe(`dist=.vitepress/dist needs the built site, but ${missing}/index.html does not exist: run \`npm run build\` first (or set KB_DIST to a built copy)`)
    expect(fs.existsSync(path.join(work, '.vitepress'))).toBe(false)
  })

  it('refuses to copy outside the work dir', () => {
    const work = tmp()
    expect(copyBuiltSite('..', path.join(work, 'w'), path.join(work, 'w'), site()).error).toMatch(/outside the page's working directory/)
  })
})
