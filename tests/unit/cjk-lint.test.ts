import { describe, expect, it } from 'vitest'
import { checkCjk, checkDataTerms, checkTerms, fixCjk, TERM_RULES, checkEnglish, EN_CJK_OK } from '../../scripts/lib/cjk-lint'

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
  // one case per TERM_RULES entry: the variant is a lint error (checkCjk), the site's word is not
  const lint = (t: string) => checkCjk(t).map((p) => p.rule)
  it('term rule volume: 命名卷, not 具名卷 / 命名数据卷 / 具名数据卷', () => {
    expect(lint('保留具名卷、命名数据卷和具名数据卷')).toEqual(['term-volume', 'term-volume', 'term-volume'])
    expect(lint('保留命名卷')).toEqual([])
  })
  it('term rule volume: 匿名卷, not 匿名数据卷', () => {
    expect(lint('删除匿名数据卷')).toEqual(['term-volume'])
    expect(lint('删除匿名卷')).toEqual([])
  })
  it('term rule stack: 应用栈, not 堆栈 / 服务栈', () => {
    expect(lint('部署一个服务栈，再删掉堆栈')).toEqual(['term-stack', 'term-stack'])
    expect(lint('部署[[stack|应用栈]]')).toEqual([])
  })
  it('term rule label: 标记 for a label, 标签 only for an image tag', () => {
    expect(lint('给卷加标签（label）')).toEqual(['term-label'])
    expect(lint('给卷加 labels（标签）')).toEqual(['term-label'])
    expect(lint('给卷加[[label|标记]]，给镜像打[[tag|标签]]')).toEqual([])
  })
  it('term rule context: 连接上下文 for docker context', () => {
    expect(lint('切换上下文（context）')).toEqual(['term-context'])
    expect(lint('切换连接上下文（context）')).toEqual([])
  })
  it('term rule gloss: no 镜像（image）/ 容器（container） re-gloss', () => {
    expect(lint('一组容器（container）和镜像（images）')).toEqual(['term-gloss', 'term-gloss'])
    expect(lint('数据卷（volume）、守护进程（daemon）、服务（service）、节点（node）')).toEqual(['term-gloss', 'term-gloss', 'term-gloss', 'term-gloss'])
    expect(lint('一组[[container|容器]]和[[image|镜像]]')).toEqual([])
  })
  it('term rule gloss: no (English) after a glossary reference', () => {
    expect(lint('[[image]]（image）和[[registry|镜像仓库]]（registry mirror）')).toEqual(['term-gloss', 'term-gloss'])
    // a program name in code is not a gloss
    expect(lint('[[daemon]]（`dockerd`）')).toEqual([])
  })
  it('term rule exit-code: 退出码, not 退出状态码', () => {
    expect(lint('看退出状态码')).toEqual(['term-exit-code'])
    expect(lint('看[[exit-code|退出码]]')).toEqual([])
  })
  it('term rule detached: 后台模式, not 分离模式', () => {
    expect(lint('后台运行（分离模式），打印容器 ID')).toEqual(['term-detached'])
    expect(lint('后台运行（[[detached-mode]]），打印容器 ID')).toEqual([])
  })
  it('term rule secret: 机密, not 密钥（secret）', () => {
    expect(lint('把密码放进密钥（secret）')).toEqual(['term-secret'])
    expect(lint('把密码放进[[secret|机密]]，用密钥签名')).toEqual([])
  })
  it('term rule subnet: docker network create makes a 网络', () => {
    expect(lint('先创建子网，同一个子网的容器能互通')).toEqual(['term-subnet', 'term-subnet'])
    // quoting the source article is allowed
    expect(lint('原文把这一节叫作“创建子网”，说“同一个子网的容器可以互相通信”')).toEqual([])
    expect(lint('用 `--subnet` 指定子网')).toEqual([])
  })
  it('term rule english-label: no English-only label for a glossary term in Chinese prose', () => {
    expect(lint('- **服务**（[[service|service]]）：一种容器的配置')).toEqual(['term-english-label'])
    expect(lint('由 [[containerd|containerd]] 运行，写作 [[service]] 或 [[service|服务]]')).toEqual([])
    expect(lint('Product names are fine: [[service|service]] in English prose')).toEqual([])
  })
  it('every term rule is enforced and has a test above', () => {
    expect(TERM_RULES.filter((r) => !r.enforced)).toEqual([])
    expect([...new Set(TERM_RULES.map((r) => r.id))]).toEqual(['volume', 'stack', 'label', 'context', 'gloss', 'exit-code', 'detached', 'secret', 'subnet', 'english-label'])
  })
  it('diagram labels with Chinese take full-width parentheses; shape syntax and English labels are left alone', () => {
    const page = (label: string) => `# 页\n\n\`\`\`mermaid\nflowchart TB\n  accTitle: 图\n  WEB["${label}"] --> DB[("数据卷")]\n\`\`\`\n`
    expect(checkCjk(page('demo-net-web(nginx :80)容器')).map((p) => `${p.line} ${p.rule}`)).toEqual(['6 cjk-diagram-paren'])
    expect(checkCjk(page('demo-net-web（nginx :80）容器'))).toEqual([])
    expect(checkCjk(page('web (nginx :80)'))).toEqual([])
    expect(checkCjk('```mermaid\nflowchart TB\n  accDescr: 容器(web)连到网络\n```\n').map((p) => p.line)).toEqual([3])
  })
  it('finds term variants only in prose, never in code', () => {
    expect(checkCjk('运行 `docker volume prune` 删除匿名卷\n```sh\n# 删除匿名数据卷\n```\n')).toEqual([])
    expect(checkTerms('```sh\n# 命名数据卷\n```\n')).toEqual([])
  })
  it('checks the prose of data files with their own line numbers, not aliases, quotes or code', () => {
    const yaml = [
      'id: volume', // 1
      'aliases: [命名数据卷, 具名卷]', // 2: search words may hold the variants
      'long: |', // 3
      '  数据卷分为命名数据卷和匿名卷。', // 4: prose
      '- source: yama-2025', // 5
      '  original: |', // 6
      '    原文的“具名卷”', // 7: a quote of the source
      '  correction: 应写作容器（container）', // 8
      '    code: |', // 9
      '      echo 匿名数据卷', // 10
    ].join('\n')
    expect(checkDataTerms(yaml).map((p) => [p.line, p.rule])).toEqual([[4, 'term-volume'], [8, 'term-gloss']])
  })
})

describe('English pages (checkEnglish)', () => {
  it('flags Chinese left in English prose, with the line', () => {
    expect(checkEnglish('---\ntitle: 镜像\n---\n\nAn image is 只读的模板.\n')).toEqual([
      { line: 5, rule: 'en-cjk', message: expect.stringContaining('"只读的模板"') },
    ])
  })
  it('allows Chinese in code, fences, quotes, parentheses and on marked lines; no Chinese typography rules', () => {
    const ok = [
      'Run `echo 你好`.', '```sh run\necho 你好\n```', 'The article “一个困扰许多人的问题” explains it.',
      'Read 《Docker 入门》 first.', 'A volume (数据卷) persists data.', `Search for 镜像加速 ${EN_CJK_OK}`,
    ].join('\n\n')
    expect(checkEnglish(ok)).toEqual([])
    expect(checkEnglish('Read 《Docker入门》 first.')).toEqual([])
    expect(checkCjk('Read 《Docker入门》 first.').map((p) => p.rule)).toContain('cjk-spacing')
  })
  it('wants the marker once, at the end of its line (the .md export strips only a trailing one)', () => {
    expect(checkEnglish(`Search for 镜像加速 ${EN_CJK_OK} and more.`)).toEqual([{ line: 1, rule: 'en-cjk', message: expect.stringContaining('end of the line') }])
    expect(checkEnglish(`Search for 镜像加速 ${EN_CJK_OK} and 数据卷 ${EN_CJK_OK}`)).toEqual([{ line: 1, rule: 'en-cjk', message: expect.stringContaining('once') }])
    expect(checkEnglish(`Search for 镜像加速 ${EN_CJK_OK}  `)).toEqual([])
    expect(checkEnglish(`End the line with \`${EN_CJK_OK}\`; lint reports the rest.`)).toEqual([])
  })
})
