/**
 * The build takes a flowchart's dark stylesheet from a one-node "style proxy" instead of a second
 * full render (darkStyleProxy in core/diagrams/render.ts). This checks, in the real chromium and
 * mermaid, that the shipped SVG is byte for byte what a full dark render gives — for flowcharts with
 * classDefs (the only diagram lines a stylesheet depends on), an init directive, subgraphs, both
 * header keywords, and a sequence diagram (no proxy: full dark render either way).
 */
import { describe, expect, it } from 'vitest'
import { renderDiagrams } from '../../core/diagrams/render'
import type { Diagram } from '../../core/diagrams/source'

const sources = [
  'flowchart LR\n  accTitle: 一\n  accDescr: 一\n  A["开始"] --> B[结束]\n',
  'flowchart TD\n  accTitle: 二\n  accDescr: 二\n  subgraph host[主机]\n    A[(数据卷)] -->|挂载| B{容器}\n  end\n  classDef hot fill:#f96,stroke:#333\n  classDef cold,warm color:#00f\n  class A hot\n  B:::cold\n',
  'graph TB\n  accTitle: 三\n  accDescr: 三\n  A --> B & C\n  style A fill:#bbf\n',
  '%%{init: {"flowchart": {"curve": "basis"}}}%%\nflowchart RL\n  accTitle: 四\n  accDescr: 四\n  A -.-> B ==> C\n',
  'sequenceDiagram\n  accTitle: 五\n  accDescr: 五\n  客户端->>守护进程: 请求\n  守护进程-->>客户端: 响应\n',
]
const diagrams: Diagram[] = sources.map((source, i) => ({ file: `tests/x${i}.md`, line: 1, source }))

describe('dark stylesheet from a style proxy', () => {
  it('gives the same SVG as a full dark render of every diagram', async () => {
    const proxied = await renderDiagrams(diagrams, { cache: false })
    const full = await renderDiagrams(diagrams, { cache: false, darkProxy: false })
    expect(proxied.errors).toEqual([])
    expect(full.errors).toEqual([])
    expect(proxied.rendered.size).toBe(sources.length)
    // classDef rules really are in the dark stylesheet (the proxy must carry them)
    expect([...full.rendered.values()].some((d) => /html\.dark #mmd-[0-9a-f]+ \.hot/.test(d.svg))).toBe(true)
    for (const [key, d] of full.rendered) expect(proxied.rendered.get(key)?.svg, key).toBe(d.svg)
  }, 180_000)
})
