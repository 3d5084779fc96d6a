/**
 * Why we do not use the project's named package `markdown-it-mermaid` (see
 * docs/contribute/decisions.md): version 0.2.5, the latest, bundles mermaid 7 and cannot parse
 * today's diagram syntax. If this test starts failing, the package has been fixed and the
 * decision should be revisited.
 */
import MarkdownIt, { type PluginSimple } from 'markdown-it'
import * as legacy from 'markdown-it-mermaid'
import { describe, expect, it } from 'vitest'
import { mermaidPlugin } from '../../.vitepress/plugins/mermaid'

// a CommonJS module: plain Node needs `.default.default`, Vite's interop gives `.default`
const legacyPlugin = ((legacy as any).default?.default ?? (legacy as any).default) as PluginSimple
const fence = (src: string) => '```mermaid\n' + src + '\n```\n'
const CURRENT_SYNTAX = [
  'flowchart LR\n  accTitle: t\n  accDescr: d\n  A --> B',
  'graph LR\n  accTitle: t\n  accDescr: d\n  A[(数据卷)] --> B',
]

describe('markdown-it-mermaid@0.2.5 vs our plugin', () => {
  it('rejects current Mermaid syntax (flowchart keyword, cylinder shapes) at build time', () => {
    const md = new MarkdownIt().use(legacyPlugin)
    for (const src of CURRENT_SYNTAX) expect(md.render(fence(src))).toMatch(/^<pre>Parse error/)
  })
  it('emits a raw <div class="mermaid"> that depends on whitespace Vue templates collapse', () => {
    const html = new MarkdownIt().use(legacyPlugin).render(fence('graph LR\nA-->B'))
    expect(html).toBe('<div class="mermaid">graph LR\nA-->B</div>')
  })
  it('our plugin accepts the same sources and passes them intact', () => {
    const md = new MarkdownIt().use(mermaidPlugin)
    for (const src of CURRENT_SYNTAX) {
      const html = md.render(fence(src), { relativePath: 'x.md' })
      const b64 = /code="([^"]+)"/.exec(html)![1]
      expect(Buffer.from(b64, 'base64').toString()).toBe(src + '\n')
    }
  })
})
