import { describe, expect, it } from 'vitest'
import { checkCjk, checkTerms, fixCjk, TERM_RULES } from '../../scripts/lib/cjk-lint'

describe('Chinese typography lint', () => {
  it('finds emphasis that will not render beside Chinese punctuation', () => {
    const p = checkCjk('第一行\n**注意：**这里不会加粗')
    expect(p).toEqual([expect.objectContaining({ line: 2, rule: 'cjk-emphasis' })])
    expect(checkCjk('**注意**：这样可以')).toEqual([])
  })
  it('finds half-width punctuation in Chinese text and fixes it', () => {
    expect(checkCjk('容器,镜像').map((p) => p.rule)).toEqual(['cjk-punctuation'])
    expect(fixCjk('容器,镜像')).toBe('容器，镜像')
    expect(fixCjk('注意: 容器')).toBe('注意：容器')
  })
  it('finds and fixes missing spaces between Chinese and Latin text', () => {
    expect(checkCjk('运行docker命令').map((p) => p.rule)).toEqual(['cjk-spacing', 'cjk-spacing'])
    expect(fixCjk('运行docker命令，映射8080端口')).toBe('运行 docker 命令，映射 8080 端口')
  })
  it('moves punctuation out of closing emphasis', () => {
    expect(fixCjk('**注意：**后文')).toBe('**注意**：后文')
  })
  it('leaves code, links, HTML, frontmatter and glossary ids alone', () => {
    const src = '---\ntitle: 中文abc\n---\n用`docker`命令\n[链接](/a/b中c)\n<Comp a="中x"/>\n[[image|镜像]]\n```sh\necho 中a\n```\n'
    expect(checkCjk(src)).toEqual([])
    expect(fixCjk(src)).toBe(src)
  })
  it('reports the right line numbers', () => {
    expect(checkCjk('一\n二\n三a').map((p) => p.line)).toEqual([3])
  })
  it('enforces the term table: 匿名卷, 应用栈, 标记 for label, 连接上下文', () => {
    const rules = (t: string) => checkCjk(t).map((p) => p.rule)
    expect(rules('删除匿名数据卷')).toEqual(['term-volume'])
    expect(rules('部署一个服务栈')).toEqual(['term-stack'])
    expect(rules('给卷加标签（label）')).toEqual(['term-label'])
    expect(rules('切换上下文（context）')).toEqual(['term-context'])
    expect(rules('切换连接上下文（context）')).toEqual([])
    expect(checkCjk('删除匿名卷，部署[[stack|应用栈]]，加[[label|标记]]，切换[[docker-context|连接上下文]]')).toEqual([])
  })
  it('finds term variants only in prose, never in code', () => {
    expect(checkCjk('运行 `docker volume prune` 删除匿名卷\n```sh\n# 删除匿名数据卷\n```\n')).toEqual([])
  })
  it('lists the not yet enforced variants through checkTerms', () => {
    const found = (t: string) => checkTerms(t).map((p) => p.rule)
    expect(found('保留命名数据卷和具名卷')).toEqual(['term-volume', 'term-volume'])
    expect(found('一组容器（container）和[[image]]（image）')).toEqual(['term-gloss', 'term-gloss'])
    expect(found('- **服务**（[[service|service]]）：一种容器的配置')).toEqual(['term-english-label'])
    expect(found('由 [[containerd|containerd]] 运行，写作 [[service]] 或 [[service|服务]]')).toEqual([])
    expect(found('Product names are fine: [[service|service]] in English prose')).toEqual([])
    // the pending rules are not (yet) part of the lint
    expect(checkCjk('保留命名数据卷')).toEqual([])
    expect(TERM_RULES.filter((r) => !r.enforced).map((r) => r.id)).toEqual(['volume', 'gloss', 'gloss', 'english-label'])
  })
})
