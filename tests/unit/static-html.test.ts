import { describe, expect, it } from 'vitest'
import { compile } from '@vue/compiler-dom'
import { aliasRoles, restoreRolesPlugin, ROLE_ALIAS } from '../../.vitepress/config/static-html'
import { verifiedBadge } from '../../.vitepress/plugins/snippet-fence'

// A code block as the page renders it: the verified badge with its phone toggle (a <button> since
// the badge round of session 13; it was a span with role="button"), then the highlighted code,
// more than Vue's 20-node threshold for a static string.
const tokens = Array.from({ length: 12 }, (_, i) => `<span class="line"><span style="--shiki-light:#24292E">tok${i}</span></span>`).join('\n')
const block = `<div class="snippet"><div class="snippet-bar">${verifiedBadge({ state: '已验证', more: ['Docker Engine 28'], date: '2026-11-30', tail: [] }, '', { toggle: '显示详情', detailsId: 'sb-1' })}</div>` +
  `<div class="language-sh"><pre class="shiki"><code>${tokens}</code></pre></div></div>`
// A diagram as the build renders it: Mermaid's SVG carries a role, then its shapes
const shapes = Array.from({ length: 12 }, (_, i) => `<g class="node"><rect width="10" height="10"></rect><text>n${i}</text></g>`).join('')
const diagram = `<div class="mermaid-box"><svg role="graphics-document document" aria-roledescription="flowchart-v2" viewBox="0 0 10 10">${shapes}</svg></div>`
const page = `<div><p>前言</p>${diagram}<p>后记</p></div>`

/** the page's client render function as @vitejs/plugin-vue compiles it (static hoisting on, module mode) */
const compiled = (template: string) => compile(template, { mode: 'module', prefixIdentifiers: true, hoistStatic: true, cacheHandlers: true }).code
const restore = (code: string) => {
  const t = (restoreRolesPlugin() as { transform: (code: string, id: string) => { code: string } | undefined }).transform(code, '/docs/cli/container.md')
  return t ? t.code : code
}

describe('static code blocks (config/static-html.ts)', () => {
  it('renames role only inside start tags, not in text', () => {
    expect(aliasRoles('<span class="x" role="button" tabindex="0"></span>')).toBe(`<span class="x" ${ROLE_ALIAS}="button" tabindex="0"></span>`)
    expect(aliasRoles('<code>&lt;div role="note"&gt;</code>')).toBe('<code>&lt;div role="note"&gt;</code>')
    expect(aliasRoles('<p>no roles</p>')).toBe('<p>no roles</p>')
  })

  it('a code block with its badge compiles to one static HTML string (no attribute Vue does not know)', () => {
    expect(compiled(`<div><p>前言</p>${block}<p>后记</p></div>`)).toContain('createStaticVNode')
  })

  it('a diagram with Mermaid\'s role compiles to one static HTML string, with the role in it', () => {
    // Vue bails out of stringifying an element with an attribute it does not know; role is one
    expect(compiled(page)).not.toContain('createStaticVNode')
    const code = restore(compiled(aliasRoles(page)))
    expect(code).toContain('createStaticVNode')
    expect(code).toContain('role=\\"graphics-document document\\"')
    expect(code).not.toContain(ROLE_ALIAS)
  })

  it('restores the alias where Vue kept the element as a vnode (too small to stringify)', () => {
    const code = restore(compiled(aliasRoles('<div><span class="sb-toggle" role="button" aria-label="x"></span><b>{{ n }}</b></div>')))
    expect(code).toMatch(/"role": "button"/)
    expect(code).not.toContain(ROLE_ALIAS)
  })
})
