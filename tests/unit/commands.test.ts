import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { CommandDataError, DATA_DIR, expandCommandMarkers, expandCommandMarkersWithMap, loadCommands, parseGroupFile } from '../../core/commands'
import { commandsJson, commandsPlugin, finderIndex } from '../../.vitepress/plugins/commands'
import { copyText, commandHref, editDistance, filterCommands, rankCommands, summaryWords, type FinderEntry } from '../../docs/data/commands/finder'
import { parseFenceInfo, RUNNABLE_LANGS } from '../../core/snippet-syntax'
import { checkCjk } from '../../scripts/lib/cjk-lint'
import { extractFencesFromString } from '../../scripts/snippets/extract'
import { readFrontmatter } from '../../core/frontmatter'

const data = loadCommands()
const index = finderIndex(data, 'zh')
const names = (q: string, n = 3) => filterCommands(index, q).slice(0, n).map((e) => e.name)
const CLI_DIR = path.join(DATA_DIR, '../../cli')

/** A minimal valid group file; `cmd` is spliced into its only section. */
const groupYaml = (cmd: string, group = 'demo') => `group: ${group}
label: 演示
title: 演示命令
order: 9
sections:
  - title: 演示
    commands:
${cmd
  .split('\n')
  .map((l) => (l ? '      ' + l : l))
  .join('\n')}
`
const okCmd = `- name: docker run
  id: docker-run
  zh: 基于镜像创建并启动容器。
  en: Create and run a container.
  usage: docker run IMAGE
  options:
    - flags: -p, --publish
      desc: 发布端口。
      keywords: [端口]
  examples:
    - title: 运行
      code: |
        docker run --rm busybox true
`
const parse = (cmd: string) => parseGroupFile(groupYaml(cmd), 'docs/data/commands/demo.yaml')
/** line (1-based) of the first line containing `needle` in the generated demo file */
const lineOf = (cmd: string, needle: string) => groupYaml(cmd).split('\n').findIndex((l) => l.includes(needle)) + 1

describe('command data', () => {
  it('describes at least 100 commands in every group the section has a page for', () => {
    expect(data.commands.length).toBeGreaterThanOrEqual(100)
    for (const g of data.groups) {
      const page = path.join(CLI_DIR, `${g.id}.md`)
      expect(fs.existsSync(page), page).toBe(true)
      expect(fs.readFileSync(page, 'utf8')).toContain(`<!-- commands:${g.id} -->`)
    }
    expect(data.groups.map((g) => g.id)).toEqual(['container', 'image', 'volume', 'network', 'system', 'compose', 'swarm'])
  })

  it('covers the commands the site teaches', () => {
    const all = new Set(data.commands.flatMap((c) => [c.name, ...c.aliases]))
    for (const n of [
      'docker run', 'docker ps', 'docker exec', 'docker logs', 'docker cp', 'docker port', 'docker attach',
      'docker pull', 'docker image ls', 'docker rmi', 'docker build', 'docker save', 'docker load', 'docker image prune',
      'docker volume create', 'docker volume prune', 'docker network connect', 'docker network prune',
      'docker system df', 'docker system prune', 'docker info', 'docker login', 'docker search', 'docker context ls',
      'docker compose up', 'docker compose down', 'docker compose config', 'docker swarm init', 'docker node ls',
      'docker service scale', 'docker stack deploy', 'docker buildx build',
    ]) expect(all.has(n), n).toBe(true)
  })

  it('gives every command an anchor id, both one-liners, options with short and long forms, and examples', () => {
    for (const c of data.commands) {
      expect(c.id).toMatch(/^docker-[a-z0-9-]+$/)
      expect(c.zh.length).toBeGreaterThan(3)
      expect(c.en.length).toBeGreaterThan(3)
      expect(c.examples.length).toBeGreaterThan(0)
      for (const o of c.options) for (const f of o.flagList) expect(f).toMatch(/^--?[A-Za-z0-9]/)
    }
    const run = data.byId.get('docker-run')!
    expect(run.options.find((o) => o.flagList.includes('-p'))?.flagList).toEqual(['-p', '--publish'])
    expect(run.options.find((o) => o.flagList.includes('-p'))?.keywords).toContain('端口')
  })

  it('accepts a minimal valid file', () => {
    const g = parse(okCmd)
    expect(g.sections[0].commands[0].examples[0].info).toBe('sh run')
  })

  it('reports bad data with the YAML file and line (schemas/command-group.schema.json)', () => {
    const C = 'sections[0].commands[0]'
    const unknownKey = okCmd.replace('  usage:', '  usgae: x\n  usage:')
    expect(() => parse(unknownKey)).toThrow(`docs/data/commands/demo.yaml:${lineOf(unknownKey, 'usgae')}: ${C}: unknown field "usgae": did you mean "usage"? (allowed: name, id, aliases, zh, en, usage, copy, keywords, options, examples, note, warning, corrections, related, pages, keywords_en, note_en, warning_en)`)

    const badFlag = okCmd.replace('-p, --publish', '-p --publish')
    expect(() => parse(badFlag)).toThrow(`demo.yaml:${lineOf(badFlag, '-p --publish')}: ${C}.options[0].flags: must be flags separated by commas, like "-p, --publish" (got string "-p --publish")`)

    // a missing field: the line of the mapping that lacks it
    const noZh = okCmd.replace('  zh: 基于镜像创建并启动容器。\n', '')
    expect(() => parse(noZh)).toThrow(`demo.yaml:${lineOf(noZh, '- name: docker run')}: ${C}: missing field "zh" (one Chinese sentence)`)

    const wrongType = okCmd.replace('  zh: 基于镜像创建并启动容器。', '  zh: 12345')
    expect(() => parse(wrongType)).toThrow(`demo.yaml:${lineOf(wrongType, 'zh: 12345')}: ${C}.zh: must be text (got number 12345) — one Chinese sentence`)

    const badSource = okCmd + '  corrections:\n    - source: blog\n      original: a\n      correction: b\n'
    expect(() => parse(badSource)).toThrow(`demo.yaml:${lineOf(badSource, 'source: blog')}: ${C}.corrections[0].source: must be one of yama-2025, docker-resources-2025 (got string "blog")`)

    const twinAlone = okCmd.replace('      desc: 发布端口。', '      desc: 发布端口。\n      arg_en: PORT')
    expect(() => parse(twinAlone)).toThrow(`demo.yaml:${lineOf(twinAlone, 'arg_en')}: ${C}.options[0].arg_en: "arg_en" is only allowed next to "arg", which this entry does not have`)

    const badGlossary = okCmd + '  related: [container, not-a-term]\n'
    expect(() => parse(badGlossary)).toThrow(`demo.yaml:${lineOf(badGlossary, 'related:')}: unknown glossary id "not-a-term"`)

    const badPage = okCmd + '  pages: [/nowhere/page]\n'
    expect(() => parse(badPage)).toThrow(`demo.yaml:${lineOf(badPage, 'pages:')}: "/nowhere/page" is not a page`)

    const vueBraces = okCmd.replace('desc: 发布端口。', "desc: 如 --format '{{.Names}}'")
    expect(() => parse(vueBraces)).toThrow(`demo.yaml:${lineOf(vueBraces, '{{.Names}}')}: ${C}.options[0].desc: contains "{{"`)

    const rawHtml = okCmd.replace('title: 运行', 'title: 旧镜像变成 <none>')
    expect(() => parse(rawHtml)).toThrow(`demo.yaml:${lineOf(rawHtml, '<none>')}: ${C}.examples[0].title: contains "<…" outside code`)
    expect(() => parse(okCmd.replace('title: 运行', 'title: 旧镜像变成 `<none>`'))).not.toThrow()

    const badId = okCmd.replace('id: docker-run', 'id: Docker_Run')
    expect(() => parse(badId)).toThrow(`demo.yaml:${lineOf(badId, 'Docker_Run')}: ${C}.id: must be a lower-case anchor`)

    const noExamples = okCmd.slice(0, okCmd.indexOf('  examples:'))
    expect(() => parse(noExamples)).toThrow(`demo.yaml:${lineOf(noExamples, '- name: docker run')}: ${C}: missing field "examples" (at least one example`)
    const emptyExamples = noExamples + '  examples: []\n'
    expect(() => parse(emptyExamples)).toThrow(`demo.yaml:${lineOf(emptyExamples, 'examples: []')}: ${C}.examples: must list at least 1 item(s) — at least one example`)

    const wrongGroup = groupYaml(okCmd, 'other')
    expect(() => parseGroupFile(wrongGroup, 'docs/data/commands/demo.yaml')).toThrow('demo.yaml:1: "group" must match the file name')

    const badYaml = okCmd.replace('  en: Create and run a container.', '  en: [unclosed')
    expect(() => parse(badYaml)).toThrow(/demo\.yaml:\d+: invalid YAML/)
  })

  it('checks example fences with the snippet parser and reports the data line', () => {
    const emptyReason = okCmd.replace('    - title: 运行\n', '    - title: 运行\n      norun: "  "\n')
    expect(() => parse(emptyReason)).toThrow(`demo.yaml:${lineOf(emptyReason, 'norun:')}: sections[0].commands[0].examples[0].norun: must not be empty`)

    const psRun = okCmd.replace('    - title: 运行\n', '    - title: 运行\n      lang: powershell\n')
    expect(() => parse(psRun)).toThrow(`demo.yaml:${lineOf(psRun, 'code: |')}: "powershell" snippets cannot run here; use norun="reason"`)

    const badExit = okCmd.replace('    - title: 运行\n', '    - title: 运行\n      exit: 999\n')
    expect(() => parse(badExit)).toThrow(`demo.yaml:${lineOf(badExit, 'code: |')}: "exit" must be between 0 and 255`)

    const consoleNoPrompt = okCmd.replace('    - title: 运行\n', '    - title: 运行\n      lang: console\n')
    expect(() => parse(consoleNoPrompt)).toThrow('a console example needs at least one "$ " command line')

    const fenceInside = okCmd.replace('        docker run --rm busybox true\n', '        ```\n        x\n')
    expect(() => parse(fenceInside)).toThrow('must not contain a code fence line')
  })

  it('finds duplicate ids across files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmds-'))
    try {
      fs.writeFileSync(path.join(dir, 'a.yaml'), groupYaml(okCmd, 'a'))
      fs.writeFileSync(path.join(dir, 'b.yaml'), groupYaml(okCmd.replace('name: docker run', 'name: docker create').replace('usage: docker run', 'usage: docker create'), 'b'))
      expect(() => loadCommands(dir)).toThrow(/b\.yaml:\d+: id "docker-run" is already used at .*a\.yaml:\d+/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('finder filter', () => {
  it('returns everything, in reference order, for an empty query', () => {
    expect(filterCommands(index, '').length).toBe(data.commands.length)
    expect(filterCommands(index, '   ')[0].name).toBe('docker run')
  })

  it('finds a command by flag', () => {
    expect(names('-p', 1)).toEqual(['docker run'])
    expect(names('--rm', 1)).toEqual(['docker run'])
    expect(names('--publish', 1)).toEqual(['docker run'])
    expect(names('--pub', 1)).toEqual(['docker run'])
    expect(names('-it', 2)).toEqual(['docker run', 'docker exec'])
    expect(names('--restart=always', 1)).toEqual(['docker run'])
    // -P (publish all) is a different option from -p
    expect(filterCommands(index, '-P').some((e) => e.name === 'docker run')).toBe(true)
  })

  it('finds a command by Chinese task words', () => {
    expect(names('端口', 4)).toEqual(expect.arrayContaining(['docker port', 'docker run']))
    expect(names('查看日志', 1)).toEqual(['docker logs'])
    expect(names('如何查看容器日志', 1)).toEqual(['docker logs'])
    expect(names('进入容器', 1)).toEqual(['docker exec'])
    expect(names('删除镜像', 1)).toEqual(['docker rmi'])
    expect(names('列出镜像', 1)).toEqual(['docker images'])
    expect(names('环境变量', 1)).toEqual(['docker run'])
    expect(names('磁盘空间')).toContain('docker system df')
    expect(names('怎么看容器占用多少内存', 1)).toEqual(['docker stats'])
    expect(names('查看容器 IP')).toContain('docker inspect')
  })

  it('finds a command by name, alias and English words', () => {
    expect(names('run', 1)).toEqual(['docker run'])
    expect(names('docker image ls', 1)).toEqual(['docker images'])
    expect(names('container ls', 1)).toEqual(['docker ps'])
    expect(names('compose up', 1)).toEqual(['docker compose up'])
    expect(names('publish', 1)).toEqual(['docker run'])
    expect(names('docker-compose', 1)).toEqual(['docker compose'])
  })

  it('tolerates small typos', () => {
    expect(names('dokcer rm', 1)).toEqual(['docker rm'])
    expect(names('prot', 1)).toEqual(['docker port'])
    expect(names('conatiner ls', 1)).toEqual(['docker ps'])
    expect(names('volumn create', 1)).toEqual(['docker volume create'])
    expect(names('netwrok create', 1)).toEqual(['docker network create'])
    expect(names('--restat')).toContain('docker run')
    expect(editDistance('dokcer', 'docker')).toBe(1)
    expect(editDistance('prot', 'port')).toBe(1)
  })

  it('handles mixed queries', () => {
    expect(names('docker 端口', 4)).toEqual(expect.arrayContaining(['docker run', 'docker port']))
    expect(names('docker run 端口', 1)).toEqual(['docker run'])
    expect(names('run 环境变量', 1)).toEqual(['docker run'])
    expect(names('compose 日志', 1)).toEqual(['docker compose logs'])
    expect(names('ｄｏｃｋｅｒ　ｐｓ', 1)).toEqual(['docker ps']) // full-width input
  })

  it('shows nothing rather than noise for gibberish', () => {
    expect(filterCommands(index, 'qwxz')).toEqual([])
    expect(filterCommands(index, '火星')).toEqual([])
  })

  // speed is measured by the bench (timing in a unit test flakes on a loaded machine); here:
  // every prefix a reader types ranks without error, and each finished query finds its command
  it('ranks every prefix of typical queries, cold and warm', () => {
    expect(index.commands.length).toBeGreaterThanOrEqual(100)
    const typed = ['docker run -p 8080:80', 'dokcer rm', '如何查看容器日志', 'conatiner ls', 'docker 端口', '--restart unless-stopped']
    const fresh = { groups: index.groups, commands: index.commands.map((c) => ({ ...c })) } // cold: no cached preparation
    for (const q of typed) {
      for (let i = 1; i <= q.length; i++) expect(Array.isArray(rankCommands(fresh.commands, q.slice(0, i)))).toBe(true)
      expect(rankCommands(fresh.commands, q).length).toBeGreaterThan(0)
    }
  })
})

describe('finder index and copy text', () => {
  it('keeps the bundled index small', () => {
    const size = Buffer.byteLength(JSON.stringify(index))
    expect(size).toBeLessThan(60_000)
    // one language per bundle: the Chinese index has no English task words, the English one no Chinese
    expect(JSON.stringify(index)).not.toMatch(/keywords_en|label_en/)
    const en = finderIndex(data, 'en')
    expect(Buffer.byteLength(JSON.stringify(en))).toBeLessThan(60_000)
    expect(en.commands.every((c) => c.page.startsWith('/en/') && !/[\u4e00-\u9fff]/.test(c.keywords.join(' ')))).toBe(true)
    expect(Object.keys(index.commands[0]).sort()).toEqual(
      ['aliases', 'copy', 'en', 'everydayKeywords', 'flags', 'group', 'id', 'keywords', 'name', 'optionKeywords', 'page', 'zh', 'zhCuts'].sort(),
    )
    // the English index carries no Chinese segmentation
    expect(en.commands.some((c) => 'zhCuts' in c)).toBe(false)
  })

  it('copies the typical invocation of a command, or its name', () => {
    const run = index.commands.find((c) => c.id === 'docker-run')!
    expect(copyText(run)).toBe('docker run -d --name web -p 8080:80 nginx')
    expect(copyText({ name: 'docker version' })).toBe('docker version')
    expect(commandHref(run)).toBe('/cli/container#docker-run')
  })
})

describe('/api/commands.json', () => {
  it('has a version, a date and every command with its options and examples', () => {
    const json = commandsJson() as {
      version: number
      generated: string
      commands: { name: string; id: string; url: string; options: { flags: string[] }[]; examples: { code: string; runnable: boolean }[] }[]
    }
    expect(json.version).toBe(1)
    expect(Number.isNaN(Date.parse(json.generated))).toBe(false)
    expect(json.commands.length).toBe(data.commands.length)
    const run = json.commands.find((c) => c.name === 'docker run')!
    expect(run.url).toBe('/cli/container#docker-run')
    expect(run.options.some((o) => o.flags.includes('--publish'))).toBe(true)
    expect(run.examples.some((e) => e.runnable)).toBe(true)
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })
})

describe('expandCommandMarkers (for the snippet harness)', () => {
  const pages = fs.readdirSync(CLI_DIR).filter((f) => f.endsWith('.md'))

  it('produces fences the snippet harness accepts, with the examples of the data', () => {
    let runs = 0
    for (const f of pages) {
      const file = `docs/cli/${f}`
      const src = fs.readFileSync(path.join(CLI_DIR, f), 'utf8')
      const expanded = expandCommandMarkers(src, file)
      const fences = extractFencesFromString(expanded, file)
      for (const fence of fences) {
        const meta = parseFenceInfo(fence.info, { file, line: fence.line })
        if (RUNNABLE_LANGS.has(meta.lang) || meta.lang === 'powershell') expect(['run', 'norun'], `${file}:${fence.line}`).toContain(meta.kind)
        if (meta.kind === 'run') runs++
      }
    }
    const dataRuns = data.commands.flatMap((c) => c.examples).filter((e) => e.kind === 'run').length
    expect(runs).toBeGreaterThanOrEqual(dataRuns)
    expect(dataRuns).toBeGreaterThan(60)
  })

  it('keeps the rest of the page and its line numbers before the marker', () => {
    const src = '---\ntitle: x\n---\n\n# X\n\n<!-- commands:volume -->\n\n## 清理\n'
    const out = expandCommandMarkers(src, 'docs/cli/x.md')
    expect(out.split('\n').slice(0, 6)).toEqual(src.split('\n').slice(0, 6))
    expect(out).toContain('### docker volume create\n')
    expect(out).toContain('\n## 清理\n')
    expect(expandCommandMarkers('# no marker\n', 'x.md')).toBe('# no marker\n')
  })

  it('titles a group like its /cli page, and the task pages under /commands differently', () => {
    const title = (f: string) => String(readFrontmatter(fs.readFileSync(f, 'utf8'), f).data.title)
    const cliTitles = new Set<string>()
    for (const g of data.groups) {
      const f = `docs${g.page}.md`
      expect(g.title, `${g.file}: group title`).toBe(title(f))
      cliTitles.add(title(f))
    }
    cliTitles.add(title('docs/cli/index.md'))
    for (const f of fs.readdirSync('docs/commands').filter((n) => n.endsWith('.md'))) {
      const t = title(path.join('docs/commands', f))
      expect(cliTitles.has(t), `docs/commands/${f}: title "${t}" is also a /cli title`).toBe(false)
      // "镜像命令" next to "镜像命令参考" reads as the same page in the sidebar and in search results
      for (const c of cliTitles) expect(c.startsWith(t) || t.startsWith(c.replace(/参考$/, '')), `docs/commands/${f}: "${t}" vs "${c}"`).toBe(false)
    }
  })

  it('puts all corrections of a page into one 与原文的差异 block at its end', () => {
    const src = '# X\n\n<!-- commands:container -->\n\n## 清理\n\nrm -f x\n'
    const e = expandCommandMarkersWithMap(src, 'docs/cli/x.md')
    const withCorrections = data.groups.find((g) => g.id === 'container')!.sections.flatMap((s) => s.commands).filter((c) => c.corrections.length)
    expect(withCorrections.length).toBeGreaterThan(1)
    expect(e.text).not.toContain('原文勘误')
    expect(e.text.match(/^::: details 与原文的差异$/gm)).toHaveLength(1)
    const block = e.text.slice(e.text.indexOf('::: details 与原文的差异'))
    expect(e.text.indexOf('## 清理')).toBeLessThan(e.text.indexOf('::: details 与原文的差异'))
    expect(block.trimEnd().endsWith('\n:::')).toBe(true)
    for (const c of withCorrections) expect(block).toContain(`[${c.name}](#${c.id})：原文写作`)
    // each correction line maps back to its data line
    const lines = e.text.split('\n')
    const at = lines.findIndex((l) => l.startsWith(`[${withCorrections[0].name}](#`)) + 1
    expect(e.origin(at)).toEqual({ file: withCorrections[0].file, line: withCorrections[0].corrections[0].line })
    // groups without corrections add nothing
    expect(expandCommandMarkers('<!-- commands:swarm -->\n', 'x.md')).not.toContain('与原文的差异')
  })

  it('says first which source article "原文" is: the sources of the block\'s corrections, linked to /about/credits', () => {
    const sources = [...new Set(data.groups.find((g) => g.id === 'container')!.sections.flatMap((s) => s.commands).flatMap((c) => c.corrections.map((x) => x.source)))]
    expect(sources.length).toBeGreaterThan(0)
    for (const [lang, file, credits] of [['zh', 'docs/cli/x.md', '/about/credits'], ['en', 'docs/en/cli/x.md', '/en/about/credits']] as const) {
      const text = expandCommandMarkers('<!-- commands:container -->\n', file)
      const block = text.slice(text.indexOf('::: details '))
      const first = block.split('\n')[1]
      for (const id of sources) expect(first, lang).toContain(`(${credits}#${id})`)
      expect(first, lang).toMatch(lang === 'zh' ? /^这里的“原文”指/ : /^"The original article" here means/)
    }
  })

  it('gives a page\'s hand-written 与原文的差异 block the same opening sentence, from the page\'s registered corrections or its marker', () => {
    // /network/bridge has one registered correction, of yama-2025 (docs/data/corrections)
    for (const [file, open, credits] of [['docs/network/bridge.md', '::: details 与原文的差异', '/about/credits'], ['docs/en/network/bridge.md', '::: details Differences from the original article', '/en/about/credits']] as const) {
      const e = expandCommandMarkersWithMap(`# B\n\n${open}\n原文写错了。\n:::\n`, file)
      const lines = e.text.split('\n')
      expect(lines[3], file).toMatch(file.includes('/en/') ? /^"The original article" here means this site's source \[/ : /^这里的“原文”指本站的来源文章\[/)
      expect(lines[3], file).toContain(`](${credits}#yama-2025)`)
      expect(lines[3], file).not.toContain('docker-resources-2025')
      expect(lines.slice(4, 7), file).toEqual(['', '原文写错了。', ':::'])
      // the inserted lines point at the block's opening line; the lines after it keep their own
      expect(e.origin(4)).toEqual({ file, line: 3 })
      expect(e.origin(6)).toEqual({ file, line: 4 })
    }
    // the same words as the generated block of the command reference
    const cli = expandCommandMarkers('<!-- commands:container -->\n', 'docs/cli/x.md').split('\n')
    const generated = cli[cli.indexOf('::: details 与原文的差异') + 1]
    const cliSources = [...new Set(data.groups.find((g) => g.id === 'container')!.sections.flatMap((x) => x.commands).flatMap((c) => c.corrections.map((x) => x.source)))]
    const same = expandCommandMarkers(`::: details 与原文的差异\n<!-- original: ${cliSources.join(' ')} -->\nx\n:::\n`, 'docs/help/faq.md').split('\n')
    expect(same[1]).toBe(generated)
    const both = expandCommandMarkers('::: details 与原文的差异\n<!-- original: yama-2025 docker-resources-2025 -->\nx\n:::\n', 'docs/help/faq.md').split('\n')
    expect(both[1]).toMatch(/^这里的“原文”指本站的两篇来源文章：\[文章一：Yama 的 Docker 分享\]\(\/about\/credits#yama-2025\)和\[文章二/)
    expect(both.slice(2)).toEqual(['', 'x', ':::', ''])
    // a block that already has the sentence (a frozen release page) keeps it, once
    const frozen = '::: details 与原文的差异\n这里的“原文”指本站的来源文章[文章一：Yama 的 Docker 分享](/about/credits#yama-2025)。\n\nx\n:::\n'
    expect(expandCommandMarkers(frozen, 'docs/v/2026.12/network/bridge.md')).toBe(frozen)
    // inside a code block it is shown, not filled
    const shown = '````md\n::: details 与原文的差异\n````\n'
    expect(expandCommandMarkers(shown, 'docs/contribute/writing.md')).toBe(shown)
    // errors name the file and line: no registered correction and no marker; an unknown id; a malformed marker
    expect(() => expandCommandMarkers('a\n::: details 与原文的差异\nx\n:::\n', 'docs/help/faq.md')).toThrow(/^docs\/help\/faq\.md:2: .*<!-- original: yama-2025 -->/)
    expect(() => expandCommandMarkers('::: details 与原文的差异\n<!-- original: nope -->\n:::\n', 'docs/help/faq.md')).toThrow(/^docs\/help\/faq\.md:2: unknown source article "nope"/)
    expect(() => expandCommandMarkers('::: details 与原文的差异\n<!-- original yama-2025 -->\n:::\n', 'docs/help/faq.md')).toThrow(/^docs\/help\/faq\.md:2: malformed marker/)
  })

  it('maps generated lines back to the data file', () => {
    const e = expandCommandMarkersWithMap('# X\n\n<!-- commands:container -->\n', 'docs/cli/container.md')
    const lines = e.text.split('\n')
    const fence = lines.findIndex((l) => l === '```console run') + 1
    const origin = e.origin(fence)
    expect(origin.file).toBe('docs/data/commands/container.yaml')
    const yaml = fs.readFileSync(path.join(DATA_DIR, 'container.yaml'), 'utf8').split('\n')
    expect(yaml[origin.line - 1]).toMatch(/^\s+code: \|/)
    expect(yaml[origin.line]).toContain(lines[fence].trim()) // the first code line
    expect(e.origin(1)).toEqual({ file: 'docs/cli/container.md', line: 1 })
  })

  it('leaves markers inside code blocks alone and rejects unknown groups with file:line', () => {
    const shown = '```md\n<!-- commands:container -->\n```\n'
    expect(expandCommandMarkers(shown, 'x.md')).toBe(shown)
    expect(() => expandCommandMarkers('a\n\n<!-- commands:nope -->\n', 'docs/cli/x.md')).toThrow(CommandDataError)
    expect(() => expandCommandMarkers('a\n\n<!-- commands:nope -->\n', 'docs/cli/x.md')).toThrow('docs/cli/x.md:3: unknown command group "nope"')
  })

  it('generates Markdown that passes the Chinese typography checks', () => {
    for (const g of [...data.groups.map((x) => x.id), 'overview']) {
      const e = expandCommandMarkersWithMap(`<!-- commands:${g} -->\n`, 'x.md')
      const problems = checkCjk(e.text).map((p) => {
        const o = e.origin(p.line)
        return `${o.file}:${o.line}: ${p.rule} ${p.message}`
      })
      expect(problems).toEqual([])
    }
  })

  it('renders real headings, tables, keyword lines and fences through markdown-it', () => {
    const md = new MarkdownIt({ html: true })
    md.use(commandsPlugin)
    const env = { relativePath: 'cli/container.md' }
    const html = md.render('# 容器命令\n\n<!-- commands:container -->\n', env)
    expect(html).toContain('<h3>docker run</h3>')
    expect(html).toContain('<td><code>-p, --publish 宿主机端口:容器端口</code></td>')
    expect(html).toMatch(/<p class="cli-keywords">关键词：[^<]*端口[^<]*--publish/)
    expect(html).toContain('<pre><code class="language-console">$ docker run --rm busybox echo')
    // the copy button is static HTML right after the code it copies, named in the page's language
    // (no Vue component: theme/command-copy.ts serves every button)
    expect(html).toContain('<code>docker run -d --name web -p 8080:80 nginx</code> <button type="button" class="cli-copy kb-btn" aria-label="复制命令：docker run -d --name web -p 8080:80 nginx">复制</button>')
    expect(html).not.toContain('CommandCopy')
    const en = md.render('<!-- commands:container -->\n', { relativePath: 'en/cli/container.md' })
    expect(en).toContain('<button type="button" class="cli-copy kb-btn" aria-label="Copy command: docker run -d --name web -p 8080:80 nginx">Copy</button>')
    // a frozen release's Markdown has the marker itself: the same button
    expect(md.render('常用写法：`docker ps` <CommandCopy text="docker ps" />\n', { relativePath: 'v/2026.11/cli/container.md' }))
      .toBe('<p>常用写法：<code>docker ps</code> <button type="button" class="cli-copy kb-btn" aria-label="复制命令：docker ps">复制</button></p>\n')
    // the overview lists every group and links every command
    const overview = md.render('<!-- commands:overview -->\n', { relativePath: 'cli/index.md' })
    for (const c of data.commands) expect(overview).toContain(`href="${c.page}#${c.id}"`)
  })
})

describe('command finder: a word names the command of its everyday use', () => {
  // an outside tester's miss ("端口" put docker port, which only reports mappings, above docker run -p)
  // and ten words of the same kind, written before they were run; expected: the first result
  const FINDER_QUERIES: [string, string][] = [
    ['端口', 'docker run'], ['端口映射', 'docker run'], ['发布端口', 'docker run'], ['映射端口', 'docker run'],
    ['容器名', 'docker run'], ['后台运行', 'docker run'], ['实时日志', 'docker logs'], ['所有容器', 'docker ps'],
    ['交互式终端', 'docker exec'], ['强制删除', 'docker rm'],
  ]
  it.for(FINDER_QUERIES)('%s → %s', ([q, want]) => {
    expect(names(q, 1)[0]).toBe(want)
  })
  // everyday task words of every command (session 10): the outside tester's finder misses and
  // queries of the same class, written before they were run; expected: the first result.
  // 自动重启 was a known miss (it.fails): docker update's typical invocation sets --restart, and its
  // option's task words said 自动重启; they now say what docker update does (修改重启策略).
  const EVERYDAY: [string, string][] = [
    ['自动重启', 'docker run'], ['删除所有容器', 'docker rm'], ['删除所有停止的容器', 'docker container prune'],
    ['暂停容器', 'docker pause'], ['容器改名', 'docker rename'], ['看资源占用', 'docker stats'],
    ['从容器拷贝文件到本机', 'docker cp'], ['镜像每层大小', 'docker history'], ['把容器保存成镜像', 'docker commit'],
    ['等容器退出', 'docker wait'], ['修改重启策略', 'docker update'],
  ]
  it.for(EVERYDAY)('%s → %s', ([q, want]) => {
    expect(names(q, 1)[0]).toBe(want)
  })
  /** each query's first finder result is the command named beside it */
  const firstIs = (table: [string, string][]) =>
    it.for(table)('%s → %s', ([q, want]) => {
      expect(names(q, 1)[0]).toBe(want)
    })
  // session 11: "查看 X" names the command whose own task words say so (docker port lists port
  // mappings; docker run only sets them up), and "verb + 所有 + object" the verb's command
  // (停止所有容器 put docker ps first: 所有容器 is its task word). Written before they were run.
  const VERB_OBJECT: [string, string][] = [
    ['停止所有容器', 'docker stop'], ['查看端口映射', 'docker port'], ['查看磁盘占用', 'docker system df'],
  ]
  firstIs(VERB_OBJECT)
  // session 12, an outside tester: "容器开机自启" showed docker run's everyday invocation
  // (`docker run -d --name web -p 8080:80 nginx`), which has no --restart; the container exists, and
  // the command whose invocation sets its restart policy is docker update. Written before the change.
  const RESTART_EXISTING: [string, string][] = [['容器开机自启', 'docker update'], ['设置开机自启', 'docker update']]
  it.for(RESTART_EXISTING)('%s → %s', ([q, want]) => {
    expect(names(q, 1)[0]).toBe(want)
    expect(copyText(filterCommands(index, q)[0])).toContain('--restart')
  })
  // ... and a new container set up to start on boot is still docker run --restart
  it('开机自启 alone → docker run', () => {
    expect(names('开机自启', 1)[0]).toBe('docker run')
  })
  // search14, an outside tester: "进入正在运行的容器" put docker compose exec before docker exec.
  // A plain command leads its Compose twin unless the query says compose; written before the change
  const TWINS: [string, string][] = [
    ['进入正在运行的容器', 'docker exec'], ['在容器里执行命令', 'docker exec'], ['删除容器', 'docker rm'],
    ['compose 进入容器', 'docker compose exec'], ['docker compose 看日志', 'docker compose logs'], ['compose 删除容器', 'docker compose rm'],
  ]
  firstIs(TWINS)
  // do-to-many and "没用的" (search14): the prune commands' task words, written before the change
  const UNUSED: [string, string][] = [['删掉没用的容器', 'docker container prune'], ['清理没用的镜像', 'docker image prune']]
  firstIs(UNUSED)
})

// finder18: a summary "covered" a query by character pairs across its words ("有容" in 没有|容器 of
// docker network prune's 删除所有没有容器接入的自定义网络): pairs count only inside words, the
// words as the site search's segmenter (jieba) cuts them
describe('command finder: character pairs across word boundaries do not match', () => {
  it('删除所有容器 is about containers, not networks', () => {
    expect(names('删除所有容器', 3)).toEqual(expect.arrayContaining(['docker rm', 'docker container prune']))
    expect(names('删除所有容器', 5)).not.toContain('docker network prune')
  })

  it('the build cuts summaries into the site search\'s words', () => {
    const prune = index.commands.find((c) => c.name === 'docker network prune')!
    expect(summaryWords(prune.zh, prune.zhCuts)).toEqual(['删除', '所有', '没有', '容器', '接入', '的', '自定义网络'])
    expect(summaryWords('删除所有没有容器接入的自定义网络。', '22222132')).toEqual(['删除', '所有', '没有', '容器', '接入', '的', '自定义', '网络'])
    // cuts that do not fit the text: each run is one word, never a wrong split
    expect(summaryWords('删除网络', '3')).toEqual(['删除网络'])
    expect(summaryWords('删除网络', '2222')).toEqual(['删除网络'])
  })

  it('a pair across two words of a summary scores nothing', () => {
    const entry = (name: string, zh: string, zhCuts: string, keywords: string[] = []): FinderEntry =>
      ({ name, id: name, group: 'g', page: '/p', zh, en: '', flags: [], keywords, optionKeywords: [], zhCuts })
    // the query is docker b's task word (one word); docker a's summary has its pair 有容 only
    // across 没有|容器
    const cut = [entry('docker a', '删除所有没有容器接入的网络', '2222212'), entry('docker b', '删除容器', '22', ['删除所有容器']), entry('docker c', '所有镜像', '22')]
    expect(rankCommands(cut, '删除所有容器').map((h) => h.entry.name)).toEqual(['docker b'])
    // the same summary without its words (an index from elsewhere): every pair counts, as before finder18
    const uncut = cut.map(({ zhCuts, ...e }) => e)
    expect(rankCommands(uncut, '删除所有容器').map((h) => h.entry.name)).toEqual(['docker b', 'docker a'])
  })
})

// finder19 (issue #9): a word of the query that describes the object is not the action asked for,
// and of two commands with the same task word, the one whose own summary says it does the task leads
describe('command finder: the command that says the task leads', () => {
  it('删除停止的容器: 停止 describes the containers; the command deleting stopped containers leads', () => {
    for (const q of ['删除停止的容器', '删除已停止的容器', '删掉停止的容器']) {
      expect(['docker container prune', 'docker rm'], q).toContain(names(q, 1)[0])
      expect(names(q, 2), q).not.toContain('docker compose down')
    }
    // 停止 as the action is still the action
    expect(names('停止容器', 1)).toEqual(['docker stop'])
    expect(names('停止并删除容器', 3)).toContain('docker compose down')
  })

  it('磁盘空间: the command that shows disk usage, not one that frees space as a side effect', () => {
    expect(names('磁盘空间', 1)).toEqual(['docker system df'])
    expect(names('磁盘空间', 3)).toEqual(expect.arrayContaining(['docker image prune', 'docker system prune']))
  })

  const entry = (name: string, zh: string, zhCuts: string, keywords: string[] = []): FinderEntry =>
    ({ name, id: name, group: 'g', page: '/p', zh, en: '', flags: [], keywords, optionKeywords: [], zhCuts })

  it('a verb followed by 的 or after 已/正在 describes the object: no verb bonus for it', () => {
    // both summaries hold 删除 and 停止; docker a stops and deletes, docker b deletes stopped ones
    const cmds = [entry('docker down', '停止并删除项目的容器', '212212', ['停止服务']), entry('docker prune', '删除所有已停止的容器', '22312', ['删除已停止容器'])]
    expect(rankCommands(cmds, '删除停止的容器')[0].entry.name).toBe('docker prune')
    expect(rankCommands(cmds, '删除已经停止的容器')[0].entry.name).toBe('docker prune')
    // 停止 as the action: the command that stops leads
    expect(rankCommands(cmds, '停止并删除容器')[0].entry.name).toBe('docker down')
  })

  it('of two commands with the same task word, the one whose summary says it leads (not index order)', () => {
    const cmds = [entry('docker a', '删除悬空镜像', '222', ['磁盘空间']), entry('docker b', '显示各占多少磁盘空间', '21124', ['磁盘空间'])]
    expect(rankCommands(cmds, '磁盘空间').map((h) => h.entry.name)).toEqual(['docker b', 'docker a'])
    // a pair of the summary that crosses its words does not count as saying it
    const across = [entry('docker a', '删除悬空镜像', '222', ['盘空']), entry('docker b', '显示各占多少磁盘空间', '211222', ['盘空'])]
    expect(rankCommands(across, '盘空').map((h) => h.entry.name)).toEqual(['docker a', 'docker b'])
  })
})

/**
 * The finder query set (tests/finder/queries.yaml): everyday task queries written with their
 * expected first result before they were run. Every query must have it first, except those
 * marked `miss` (known misses, listed with the reason): they must still miss, so a fix shows up.
 */
describe('finder query set (tests/finder/queries.yaml)', () => {
  const file = path.join(DATA_DIR, '../../../tests/finder/queries.yaml')
  const set = parseYaml(fs.readFileSync(file, 'utf8')) as { q: string; expect: string[]; miss?: string }[]
  it('is well formed', () => {
    expect(set.length).toBeGreaterThanOrEqual(30)
    const all = new Set(data.commands.map((c) => c.name))
    for (const [i, x] of set.entries()) {
      expect(typeof x.q, `${file}: entry ${i + 1}: q`).toBe('string')
      expect(x.expect.filter((n) => !all.has(n)), `${file}: "${x.q}": unknown command`).toEqual([])
    }
    expect(new Set(set.map((x) => x.q)).size, 'duplicate queries').toBe(set.length)
  })
  it.for(set.map((x) => [x.q, x] as const))('%s', ([, x]) => {
    const first = names(x.q, 1)[0]
    if (x.miss) expect(x.expect, `known miss (${x.miss}) now found: remove its miss field`).not.toContain(first)
    else expect(x.expect).toContain(first)
  })
  it('reports first-result accuracy', () => {
    const hits = set.filter((x) => x.expect.includes(names(x.q, 1)[0])).length
    console.log(`finder query set: top-1 ${hits}/${set.length} = ${((100 * hits) / set.length).toFixed(1)} %`)
    expect(hits).toBe(set.filter((x) => !x.miss).length)
  })
})
