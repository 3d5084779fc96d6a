import { describe, expect, it } from 'vitest'
import { pruneSvgStyles } from '../../core/diagrams/render'

const css = (svg: string) => /<style>([\s\S]*?)<\/style>/.exec(svg)![1]

describe('pruneSvgStyles: a static SVG keeps only the style rules that can match it', () => {
  const body = '<g class="node default"><rect/><g class="label"><foreignObject><span class="nodeLabel"><p>x</p></span></foreignObject></g></g><path class="flowchart-link" data-edge="true"/></svg>'
  const style = [
    '#mmd-1{font-size:16px;}',
    '@keyframes dash{to{stroke-dashoffset:0;}}',
    '#mmd-1 .node rect,#mmd-1 .cluster rect{fill:#eee;}',
    '#mmd-1 .error-icon{fill:#552;}',
    '#mmd-1 .node.clickable{cursor:pointer;}',
    'html.dark #mmd-1 .node rect{fill:#111;}',
    'html.dark #mmd-1 .actor{fill:#000;}',
    '#mmd-1 [data-look="neo"].node rect{filter:none;}',
    '#mmd-1 [data-edge="true"]{stroke:red;}',
    '#mmd-1 .node:not(.cluster) p{margin:0;}',
    'html.dark #mmd-1-shadow feDropShadow{flood-color:#000}',
  ].join('')
  const svg = `<svg id="mmd-1" class="flowchart"><style>${style}</style>${body}`
  const out = pruneSvgStyles(svg)
  it('drops rules for classes and attributes the SVG does not have', () => {
    expect(css(out)).not.toContain('.error-icon')
    expect(css(out)).not.toContain('.actor')
    expect(css(out)).not.toContain('clickable')
    expect(css(out)).not.toContain('neo')
    expect(css(out)).not.toContain('.cluster rect')
  })
  it('keeps the rules that match, the dark theme\'s included, and @-rules', () => {
    expect(css(out)).toBe([
      '#mmd-1{font-size:16px;}',
      '@keyframes dash{to{stroke-dashoffset:0;}}',
      '#mmd-1 .node rect{fill:#eee;}',
      'html.dark #mmd-1 .node rect{fill:#111;}',
      '#mmd-1 [data-edge="true"]{stroke:red;}',
      '#mmd-1 .node:not(.cluster) p{margin:0;}',
      'html.dark #mmd-1-shadow feDropShadow{flood-color:#000}',
    ].join(''))
  })
  it('changes nothing outside the stylesheet', () => {
    expect(out.replace(/<style>[\s\S]*?<\/style>/, '')).toBe(svg.replace(/<style>[\s\S]*?<\/style>/, ''))
  })
})
