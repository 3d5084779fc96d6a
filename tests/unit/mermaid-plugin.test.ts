import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterEach, describe, expect, it } from 'vitest'
import { mermaidPlugin, setDiagramMode } from '../../.vitepress/plugins/mermaid'
import { diagramInfo } from '../../core/diagrams/source'
import { CACHE_DIR, DIAGRAM_BOX_CSS, combineThemes, darkStyleProxy, renderKey } from '../../core/diagrams/render'

const render = (src: string) => {
  const md = new MarkdownIt()
  md.use(mermaidPlugin)
  const env: Record<string, unknown> = { relativePath: 'guide/x.md' }
  return { html: md.render(src, env), env }
}

describe('mermaid markdown plugin', () => {
  const ok = '```mermaid\nflowchart LR\n  accTitle: 构建流程\n  accDescr: Dockerfile 构建出镜像\n  A --> B\n```\n'
  it('turns a mermaid fence into a component carrying base64 source and its text alternative', () => {
    const { html, env } = render('# T\n\n' + ok)
    expect(html).toContain('<MermaidDiagram code="')
    expect(html).toContain('title="构建流程"')
    expect(html).toContain('description="Dockerfile 构建出镜像"')
    expect(html).toContain('source-line="docs/guide/x.md:3"')
    const b64 = /code="([^"]+)"/.exec(html)![1]
    expect(Buffer.from(b64, 'base64').toString()).toContain('A --> B')
    expect((env.diagrams as unknown[]).length).toBe(1)
  })
  it('leaves other fences alone', () => {
    expect(render('```js\nlet a\n```\n').html).toContain('<pre><code class="language-js">')
  })
  it('fails with file and line when the text alternative is missing', () => {
    expect(() => render('\n\n```mermaid\nflowchart LR\n  A --> B\n```\n')).toThrow('docs/guide/x.md:3: mermaid diagram needs an "accTitle')
    expect(() => diagramInfo('flowchart LR\n accTitle: t\n A-->B', 'f.md', 9)).toThrow('f.md:9: mermaid diagram needs an "accDescr')
  })
  it('accepts a block accDescr', () => {
    expect(diagramInfo('flowchart LR\n accTitle: t\n accDescr {\n  多行\n  描述\n }\n A-->B', 'f.md', 1).description).toBe('多行 描述')
  })
})

describe('static diagrams (production build)', () => {
  const src = 'flowchart LR\n  accTitle: 单元测试图\n  accDescr: 只用于单元测试\n  A --> B\n'
  const fence = '# T\n\n```mermaid\n' + src + '```\n'
  afterEach(() => setDiagramMode('live'))

  it('emits the cached SVG key, URL and intrinsic size, no source', () => {
    const key = renderKey(src)
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    const file = path.join(CACHE_DIR, `${key}.json`)
    fs.writeFileSync(file, JSON.stringify({ key, svg: '<svg></svg>', width: 321, height: 123 }))
    try {
      setDiagramMode('static')
      const { html } = render(fence)
      expect(html).toContain(`svg-key="${key}"`)
      expect(html).toContain(`src="/assets/diagrams/${key}.svg"`)
      expect(html).toContain(':width="321" :height="123"')
      expect(html).not.toContain('code="')
    } finally {
      fs.rmSync(file, { force: true })
    }
  })

  it('fails with file and line when a diagram was not rendered before the build', () => {
    setDiagramMode('static')
    expect(() => render('\n' + fence.replace('A --> B', 'A --> C'))).toThrow('docs/guide/x.md:4: mermaid diagram was not rendered')
  })

  it('the cache key changes with the source and ignores surrounding blank lines', () => {
    expect(renderKey(src)).toBe(renderKey('\n' + src + '\n'))
    expect(renderKey(src)).not.toBe(renderKey(src.replace('B', 'C')))
  })

  it('merges the dark stylesheet under html.dark when only colours differ', () => {
    const light = '<svg id="mmd-k" class="flowchart" viewBox="0 0 100.5 40" style="max-width: 100px;" width="100%"><style>#mmd-k .node rect{fill:#fff;}:root{--x:1;}</style><g class="node"><rect/></g><defs><filter id="mmd-k-drop-shadow"><feDropShadow flood-color="#000000"></feDropShadow></filter></defs></svg>'
    const dark = light.replace('fill:#fff', 'fill:#111').replace('#000000', '#FFFFFF')
    const out = combineThemes(light, dark, 'mmd-k')
    expect(out.svg).toContain('#mmd-k .node rect{fill:#fff;}')
    expect(out.svg).toContain('html.dark #mmd-k .node rect{fill:#111;}')
    expect(out.svg).toContain('html.dark #mmd-k-drop-shadow feDropShadow{flood-color:#FFFFFF}')
    expect(out.svg).not.toContain('html.dark :root')
    expect(out.svg).toMatch(/^<svg id="mmd-k" class="flowchart" viewBox="0 0 100.5 40" width="101" height="40">/)
    expect(out.svg.match(/<svg/g)).toHaveLength(1)
    expect([out.width, out.height]).toEqual([101, 40])
  })

  it('ships both renders, dark first, when they differ in more than colours', () => {
    const light = '<svg id="mmd-k" class="stateDiagram" viewBox="0 0 10 20"><style>#mmd-k{}</style><path fill="#ECECFF"/></svg>'
    const dark = '<svg id="mmd-k-dark" class="stateDiagram" viewBox="0 0 10 20"><style>#mmd-k-dark{}</style><path fill="#1f2020"/></svg>'
    const out = combineThemes(light, dark, 'mmd-k')
    expect(out.svg.indexOf('mermaid-dark')).toBeLessThan(out.svg.indexOf('mermaid-light'))
    expect(out.svg).toContain('class="stateDiagram mermaid-dark"')
    expect(out.svg).toContain('class="stateDiagram mermaid-light"')
    expect(out.separate).toBe(true)
    // a root <svg> without a class attribute (sequence diagrams) gets one
    const seq = combineThemes(light.replace(' class="stateDiagram"', ''), dark.replace(' class="stateDiagram"', ''), 'mmd-k')
    expect(seq.svg).toContain('<svg class="mermaid-dark" id="mmd-k-dark"')
    expect(seq.svg).toContain('<svg class="mermaid-light" id="mmd-k"')
  })

  it('a flowchart\'s style proxy keeps its header, init directives and classDefs, and one node', () => {
    const src = '%%{init: {"theme": "dark"}}%%\nflowchart TD\n  accTitle: t\n  A --> B\n  classDef hot fill:#f96\n  class A hot\n  style B fill:#bbf\n'
    expect(darkStyleProxy(src)).toBe('%%{init: {"theme": "dark"}}%%\nflowchart TD\n  classDef hot fill:#f96\n  kbStyleProxy[" "]')
    expect(darkStyleProxy('graph LR\n  A --> B')).toBe('graph LR\n  kbStyleProxy[" "]')
    expect(darkStyleProxy('sequenceDiagram\n  A->>B: x')).toBeUndefined()
    expect(darkStyleProxy('stateDiagram-v2\n  [*] --> A')).toBeUndefined()
  })

  it('the site styles the diagram box exactly as the build measured it (no line-height leak)', () => {
    const css = fs.readFileSync(path.resolve('.vitepress/theme/styles.css'), 'utf8').replace(/\s+/g, ' ')
    for (const rule of DIAGRAM_BOX_CSS.split('}').filter(Boolean)) {
      const [selector, body] = rule.split('{')
      for (const decl of body.split(';').filter(Boolean)) {
        const [prop, value] = decl.split(/:(.*)/s)
        const block = new RegExp(`${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{[^}]*${prop}: ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};`)
        expect(css, `${selector} { ${prop}: ${value} } in styles.css`).toMatch(block)
      }
    }
  })
})
