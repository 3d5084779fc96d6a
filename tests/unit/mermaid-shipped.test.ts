// "No Mermaid JavaScript in the production build" (issue #14): the bench and the browser test share
// isMermaidLibraryFile. Session 7's bench matched the word "mermaid" in file names and reported our own
// 1.7 KB component chunk MermaidDiagram.<hash>.js as Mermaid's code.
import { describe, expect, it } from 'vitest'
import { isMermaidLibraryFile } from '../../core/diagrams/source'

describe('isMermaidLibraryFile', () => {
  it("recognises Mermaid's own chunk names, as a bundler keeps them", () => {
    for (const f of ['assets/chunks/mermaid.core.B1x2.js', '/assets/chunks/flowDiagram-HODETNUW.Ab12Cd.js',
      'classDiagram-v2-VYDZK3BY.x.js', 'sequenceDiagram-ABC.js']) expect(isMermaidLibraryFile(f), f).toBe(true)
  })
  it('does not flag our own diagram component or theme chunks by name', () => {
    for (const f of ['assets/chunks/MermaidDiagram.BVQ2tjkk.js', '/assets/chunks/theme.iJvgmRwY.js', 'app.h1Bmti3s.js'])
      expect(isMermaidLibraryFile(f, 'export default {name:"MermaidDiagram"}'), f).toBe(false)
  })
  it('finds the library by content under any name', () => {
    expect(isMermaidLibraryFile('assets/chunks/index.X.js', 'const c={startOnLoad:!1,securityLevel:"strict"};')).toBe(true)
    expect(isMermaidLibraryFile('assets/chunks/index.X.js', 'mermaid.initialize({})')).toBe(true)
  })
  it("does not read a page chunk's prose about Mermaid as the library (the decisions page names mermaid.initialize)", () => {
    const prose = 'const e=JSON.parse(\'{"title":"决策"}\');const t=o(\'<p>它调用 <code>mermaid.initialize</code>，<code>securityLevel</code> 设为 strict</p>\',1)'
    for (const f of ['assets/contribute_decisions.md.SzfCqI5k.js', 'assets/en_contribute_decisions.md.BQG-gE8S.lean.js'])
      expect(isMermaidLibraryFile(f, prose), f).toBe(false)
    expect(isMermaidLibraryFile('assets/chunks/theme.X.js', prose)).toBe(true)
  })
})
