import { describe, expect, it } from 'vitest'
import { checkCjk, fixCjk } from '../../scripts/lib/cjk-lint'

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
})
