import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { mermaidPlugin, diagramInfo } from '../../.vitepress/plugins/mermaid'

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
