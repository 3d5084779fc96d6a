import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pageWeight, staticImports } from '../../scripts/lib/page-weight'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-weight-'))
const put = (f: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
  fs.writeFileSync(path.join(root, f), text)
}
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('page weight', () => {
  it('finds static imports of minified modules, not dynamic import() or strings', () => {
    const js = 'import{a as b}from"./chunks/fw.js";import"./side.js";export{c}from"./re.js";const l=()=>import("./lazy.js");const s="import x from \'./no\'"'
    expect(staticImports(js)).toEqual(['./chunks/fw.js', './side.js', './re.js'])
  })

  it('counts script src, modulepreload and their static imports once each, CSS and HTML; not dynamic chunks', () => {
    put('assets/chunks/fw.js', 'export const a=1') // 16 bytes
    put('assets/chunks/theme.js', 'import{a}from"./fw.js";const l=()=>import("./lazy.js")') // 54
    put('assets/chunks/lazy.js', 'x'.repeat(1000))
    put('assets/chunks/shared.js', 'import"./fw.js";') // 16
    put('assets/page.lean.js', 'import{a}from"./chunks/fw.js";import"./chunks/shared.js";') // 57
    put('assets/app.js', 'import"./chunks/theme.js";') // 26
    put('assets/style.css', 'a{}') // 3
    const html = '<link rel="preload stylesheet" href="/assets/style.css" as="style"><script type="module" src="/assets/app.js"></script>' +
      '<link rel="modulepreload" href="/assets/chunks/theme.js"><link rel="modulepreload" href="/assets/page.lean.js">'
    put('guide/x.html', html)
    const w = pageWeight(root, '/guide/x')
    expect(w.jsFiles.map((f) => f.url).sort()).toEqual(['/assets/app.js', '/assets/chunks/fw.js', '/assets/chunks/shared.js', '/assets/chunks/theme.js', '/assets/page.lean.js'])
    expect(w.jsBytes).toBe(16 + 54 + 16 + 57 + 26)
    expect(w.cssBytes).toBe(3)
    expect(w.htmlBytes).toBe(Buffer.byteLength(html))
  })

  it('names the page and the missing file when the build is incomplete', () => {
    put('broken.html', '<script type="module" src="/assets/gone.js"></script>')
    expect(() => pageWeight(root, '/broken')).toThrow(/broken\.html references \/assets\/gone\.js/)
    expect(() => pageWeight(root, '/nope')).toThrow(/no HTML for \/nope/)
  })
})
