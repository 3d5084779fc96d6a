/**
 * VitePress's hard-coded English labels are rewritten to the theme's string table
 * (.vitepress/plugins/vp-labels.ts); a VitePress upgrade that changes one fails loudly.
 */
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { VP_LABELS, copyButtonTitlePlugin, rewriteLabels } from '../../.vitepress/plugins/vp-labels'

const COMPONENTS = path.resolve('node_modules/vitepress/dist/client/theme-default/components')

describe('vp-labels', () => {
  it('rewrites every listed literal of the installed VitePress into a useUi() binding', () => {
    for (const file of Object.keys(VP_LABELS)) {
      const src = fs.readFileSync(path.join(COMPONENTS, file), 'utf8')
      const out = rewriteLabels(file, src)!
      for (const [from, to] of VP_LABELS[file]) {
        expect(out, file).not.toContain(from)
        expect(out, file).toContain(to)
      }
      expect(out, file).toMatch(/<script\b[^>]*setup[^>]*>\nimport \{ useUi as __kbUseUi \} from "[^"]+i18n\.ts"\nconst \{ ui: __kbUi \} = __kbUseUi\(\)/)
    }
  })
  it('leaves other files alone and names the file when a literal is gone', () => {
    expect(rewriteLabels('VPDoc.vue', '<template/>')).toBeUndefined()
    expect(() => rewriteLabels('VPDocFooter.vue', '<script setup></script><span>Pages</span>')).toThrow(/VPDocFooter\.vue no longer contains ">Pager<"/)
  })
  it('titles copy buttons and labels heading anchors in the page language', () => {
    const md = new MarkdownIt()
    // stand-ins for what VitePress installs before our plugins: its fence wrapper and markdown-it-anchor
    const fence = md.renderer.rules.fence!
    md.renderer.rules.fence = (...a) => `<div><button title="Copy Code" class="copy"></button>${fence(...a)}</div>`
    md.core.ruler.push('anchor', (state) => {
      for (const [i, t] of state.tokens.entries()) {
        if (t.type !== 'heading_open') continue
        const link = new state.Token('link_open', 'a', 1)
        link.attrSet('aria-label', `Permalink to "${state.tokens[i + 1].content}"`)
        state.tokens[i + 1].children!.push(link, new state.Token('link_close', 'a', -1))
      }
      return false
    })
    md.use(copyButtonTitlePlugin)
    const zh = md.render('## 容器\n\n```sh\nls\n```\n', { relativePath: 'guide/why.md' })
    expect(zh).toContain('title="复制代码"')
    expect(zh).toContain('aria-label="“容器”的永久链接"')
    const en = md.render('## Containers\n\n```sh\nls\n```\n', { relativePath: 'en/guide/why.md' })
    expect(en).toContain('title="Copy code"')
    expect(en).toContain('aria-label="Permalink to &quot;Containers&quot;"')
    // a custom anchor is not part of the heading's name (VitePress's label has it: the inline token's source)
    expect(md.render('## 容器的生命周期 {#lifecycle}\n', { relativePath: 'guide/x.md' })).toContain('aria-label="“容器的生命周期”的永久链接"')
    expect(md.render('## The lifecycle {#lifecycle .x}\n', { relativePath: 'en/guide/x.md' })).toContain('aria-label="Permalink to &quot;The lifecycle&quot;"')
    expect(() => new MarkdownIt().use(copyButtonTitlePlugin)).toThrow()
  })
})
