/** The site search's parts: index tokenizer, sections, query analysis, ranking, query files. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { createIndexTokenizer } from '../../core/search/index-tokenize'
import { INDEX_FIELDS, extractField, headingsOnly, splitPageIntoSections, stripChrome } from '../../core/search/sections'
import { analyzeQuery, applyCues, commandLineEntry, createVocabulary, namedCommand, definesSubject, headedBy, headingForms, pageKind, pageWeight, problemWords, searchSite, segment, taskPhrase, vocabularyOf } from '../../core/search/query'
import { englishForm, englishFormsOf, normalize } from '../../core/search/text'
import { buildLexicon, conceptHomes, type Lexicon } from '../../core/search/lexicon'
import { COMPLAINTS, dropComplaints } from '../../core/search/complaints'
import { pruneIndex, RARE_SECTIONS } from '../../core/search/prune'
import { PACKED_FORMAT, packIndex, unpackIndex } from '../../core/search/packed'
import { loadQuerySet, judge } from '../../scripts/lib/search-quality'

const tokenize = createIndexTokenizer(['数据卷', '重启策略'])

describe('index tokenizer', () => {
  it('keeps site words whole, adds the words inside compounds, drops function words', () => {
    const t = tokenize('把数据卷挂载到容器里，并设置重启策略')
    expect(t).toContain('数据卷')
    expect(t).toContain('重启策略')
    expect(t).toContain('重启')
    expect(t).not.toContain('的')
    expect(t).not.toContain('把')
  })
  it('keeps flags and splits image references into parts', () => {
    const t = tokenize('docker run --restart=always -p 8080:80 localhost:5000/team/app:2.0')
    expect(t).toEqual(expect.arrayContaining(['--restart', 'restart', 'always', '-p', '8080', 'localhost', 'team', 'app']))
    expect(t).not.toContain('localhost:5000/team/app:2.0')
  })
  it('drops IDs and digests', () => {
    expect(tokenize('容器 3f2c1ab9d8e7 已启动 1234567')).toEqual(['容器', '启动'])
  })
})

describe('sections', () => {
  const html = [
    '<h1 id="a">页面 <a class="header-anchor" href="#a">​</a></h1><p>导言</p>',
    '<h2 id="b">运行 <a class="header-anchor" href="#b">​</a></h2><div class="snippet"><div class="snippet-bar snippet-bar--run"><span class="snippet-badge">已验证 · Docker Engine 28.5.2</span></div>',
    '<div class="language-console vp-adaptive-theme"><span class="lang">console</span><pre><code><span class="line">$ docker ps</span>\n<span class="line">CONTAINER ID   IMAGE</span></code></pre></div></div>',
    '<h4 id="c">示例 <a class="header-anchor" href="#c">​</a></h4><p>细节</p>',
  ].join('')
  it('drops status bars, language labels and program output, keeps commands', () => {
    const s = stripChrome(html)
    expect(s).not.toContain('已验证')
    expect(s).not.toContain('CONTAINER ID')
    expect(s).toContain('$ docker ps')
  })
  it('drops the fixed labels, keyword line, cross-links and examples heading of generated command entries', () => {
    const cli = '<p class="cli-usage">常用写法：<code>docker run -d nginx</code> <button type="button" class="cli-copy kb-btn" aria-label="复制命令：docker run -d nginx">复制</button></p><p class="cli-refs">详细讲解：<a href="/network/">网络</a></p>'
      + '<p class="cli-keywords">关键词：后台运行</p><h4 id="r-examples" class="cli-examples" tabindex="-1">docker run 示例 <a class="header-anchor" href="#r-examples">​</a></h4>'
      + '<table><thead><tr><th>选项</th><th>说明</th></tr></thead><tbody><tr><td>-d</td><td>后台</td></tr></tbody></table>'
    const s = stripChrome(cli)
    expect(s).toContain('docker run -d nginx')
    expect(s).toContain('后台')
    for (const gone of ['常用写法', '复制', '详细讲解', '网络', '关键词', '示例', '选项', '说明']) expect(s).not.toContain(gone)
  })
  it('drops a glossary entry\'s link lists (other terms\' and pages\' names), keeps its text', () => {
    const entry = '<p class="glossary-entry__short">由镜像创建的进程。</p><p>正文</p>'
      + '<p class="glossary-entry__links">相关术语：<a href="#image">镜像</a></p><p class="glossary-entry__links">出现在：<a href="/guide/">入门</a></p>'
    const s = stripChrome(entry)
    expect(s).toContain('由镜像创建的进程。')
    for (const gone of ['相关术语', '镜像</a>', '出现在', '入门']) expect(s).not.toContain(gone)
  })
  it('folds h4 into its section and appends hidden keywords after the separator', () => {
    const secs = [...splitPageIntoSections(html, (a) => (a === 'b' ? ['启动容器'] : a === '' ? ['页面词'] : []))]
    expect(secs.map((s) => s.anchor)).toEqual(['a', 'b'])
    expect(secs[1].titles).toEqual(['页面', '运行'])
    expect(extractField(secs[1] as any, 'text')).toContain('细节')
    expect(extractField(secs[1] as any, 'keywords')).toBe('启动容器')
    expect(extractField(secs[0] as any, 'keywords')).toBe('页面词')
  })
})

// a small index with the site's options
const docs = [
  { id: '/commands/cleanup#prune', title: '删除已停止的容器', titles: ['清理'], text: '用 docker container prune 删除所有已停止的容器。\u001fprune 清理' },
  { id: '/cli/container#docker-run', title: 'docker run', titles: ['容器命令'], text: '-d, --detach 后台运行 --restart 重启策略 -p 端口映射\u001f运行容器 启动容器' },
  { id: '/storage/volumes#top', title: '数据卷', titles: [], text: '数据卷由 Docker 管理，删除容器后数据卷仍在。' },
  { id: '/glossary/#pod', title: 'Pod', titles: ['术语表'], text: 'Kubernetes 调度的最小单位。' },
  { id: '/orchestration/kubernetes#top', title: 'Kubernetes', titles: [], text: 'Kubernetes 用 Pod 运行容器，Deployment 管理副本。' },
  { id: '/about/credits#top', title: '致谢', titles: [], text: 'Kubernetes 和 Pod 在原文中出现。' },
]
/**
 * An empty index with the site's fields and field extraction (INDEX_FIELDS, extractField) and the
 * stored fields the search box reads, tokenized by `tok` (the index tokenizer with a test's own
 * dictionary words): what each test below fills with its few sections.
 */
function sectionIndex(tok: (text: string) => string[]): MiniSearch {
  return new MiniSearch({ fields: INDEX_FIELDS, storeFields: ['title', 'titles'], tokenize: tok, extractField })
}

const ms = sectionIndex(tokenize)
ms.addAll(docs)
const vocab = vocabularyOf(ms)
const lexicon = buildLexicon([{ zh: 'Kubernetes', en: 'Kubernetes', aliases: ['k8s'] }], []).lexicon

describe('query analysis', () => {
  it('reads the index vocabulary through MiniSearch 7 internals (fails if MiniSearch changes)', () => {
    expect(vocab.has('数据卷')).toBe(true)
    expect(vocab.containing('卷')).toContain('数据卷')
  })
  it('segments by the index vocabulary and drops question forms', () => {
    expect(segment('删除已停止的容器', createVocabulary([['删除', 1], ['停止', 1], ['容器', 1]]))).toEqual(['删除', '已', '停止', '的', '容器'])
    const a = analyzeQuery('怎么删除停止的容器', vocab, lexicon)
    // 停止的 is a phrase of a synonym group (停止的 / 已退出 / exited …), so it stays one concept
    expect(a.concepts.map((c) => c.label)).toEqual(['删除', '停止的', '容器'])
  })
  it('expands synonyms from the lexicon and the table', () => {
    const a = analyzeQuery('k8s', vocab, lexicon)
    expect(a.concepts[0].alternatives.flat()).toContain('kubernetes')
    const b = analyzeQuery('后台运行', vocab, lexicon)
    expect(b.concepts[0].alternatives.flat()).toEqual(expect.arrayContaining(['--detach']))
  })
  it('lets one character stand for the words containing it only when it is the whole query', () => {
    expect(analyzeQuery('卷', vocab, lexicon).concepts[0].alternatives.flat()).toContain('数据卷')
  })
  it('tolerates typos and swapped letters in unknown Latin words', () => {
    const a = analyzeQuery('kuberentes', vocab, lexicon)
    expect(a.concepts[0].fuzzy).toBe(2)
    expect(a.concepts[0].alternatives.flat()).toContain('kubernetes')
  })
  it('matches other forms of English words on the English edition only', () => {
    const en = createVocabulary([['container', 3], ['contain', 3], ['run', 2]])
    expect(englishForm('containers')).toBe('contain')
    expect(englishForm('--publish')).toBe('--publish')
    expect(englishForm('node')).toBe('node')
    expect(englishFormsOf('Running containers with node:22-alpine')).toBe('run contain')
    const on = analyzeQuery('containers ', en, { synonyms: [] }, { englishForms: true })
    expect(on.concepts[0].alternatives).toContainEqual(['contain'])
    const off = analyzeQuery('containers ', en, { synonyms: [] })
    expect(off.concepts[0].alternatives.flat()).not.toContain('contain')
  })
  it('reads a subject and what is said about it as one group phrase (cues), and only both', () => {
    const cues = { synonyms: [['镜像体积', '瘦身']], cues: [{ group: '镜像体积', subject: ['镜像大小', '镜像', 'image'], about: ['这么大', '减少', 'smaller', 'too big'], along: ['make'] }] }
    expect(applyCues('为什么我的镜像这么大', cues).trim()).toBe('为什么我的 镜像体积')
    expect(applyCues('怎样减少镜像大小', cues).replace(/\s+/g, ' ').trim()).toBe('怎样 镜像体积')
    expect(applyCues('how to make my image smaller', cues).split(/\s+/).filter(Boolean)).toEqual(['how', 'to', 'my', '镜像体积'])
    // a subject alone, or what is said without the subject, is left as typed
    expect(applyCues('查看镜像大小', cues)).toBe('查看镜像大小')
    expect(applyCues('make an image', cues)).toBe('make an image')
    expect(applyCues('构建缓存太大 too big', cues)).toBe('构建缓存太大 too big')
    // a Latin phrase stands alone: "image" is not inside "images"
    expect(applyCues('smaller images', cues)).toBe('smaller images')
    // subject and about inside a phrase of the group itself are left to the group
    expect(applyCues('镜像这么大怎么办', { ...cues, synonyms: [['镜像体积', '镜像这么大']] })).toBe('镜像这么大怎么办')
  })
  it('drops a group phrase that loses its question words down to one stray word (做什么的 → 做, why docker → docker)', () => {
    const v = createVocabulary([['用途', 2], ['做', 9], ['docker', 9], ['停止', 3]])
    const a = analyzeQuery('docker 有什么用', v, { synonyms: [['用途', '有什么用', '做什么的', 'why docker']] })
    expect(a.concepts.find((c) => c.label === '有什么用')?.alternatives).toEqual([['用途']])
    // a phrase that keeps its one content word still stands for it (停止的 → 停止)
    expect(analyzeQuery('已停止', v, { synonyms: [['已停止', '停止的']] }).concepts[0].alternatives).toContainEqual(['停止'])
  })
  it("drops Go's net/http: prefix of pasted network errors", () => {
    const v = createVocabulary([['net', 3], ['http', 3], ['tls', 1], ['timeout', 1]])
    expect(analyzeQuery('net/http: TLS handshake timeout', v, { synonyms: [] }).concepts.map((c) => c.label)).not.toContain('net/http')
    expect(analyzeQuery('http://localhost', v, { synonyms: [] }).concepts.length).toBeGreaterThan(0)
  })
  it('finds a task phrase in the content words run together (重启一个容器 → 重启容器)', () => {
    const v = createVocabulary([['重启容器', 1], ['重启', 2], ['容器', 9]])
    expect(taskPhrase('重启一个容器', v)).toBe('重启容器')
    expect(taskPhrase('重启容器', v)).toBe('重启容器')
  })
  it('drops generic words asked about a flag (--rm 参数, -d flag meaning), and only beside a flag', () => {
    const v = createVocabulary([['参数', 5], ['选项', 5], ['用法', 2], ['平台', 3], ['option', 4], ['flag', 2], ['mean', 1], ['环境变量', 3], ['env', 3]])
    const lx = { synonyms: [['环境变量', 'env', '-e']] }
    const labels = (q: string) => analyzeQuery(q, v, lx).concepts.map((c) => c.label)
    expect(labels('--rm 参数')).toEqual(['--rm'])
    expect(labels('-p 选项用法')).toEqual(['-p'])
    expect(labels('what does -d flag mean')).toEqual(['-d'])
    expect(labels('--name option')).toEqual(['--name'])
    // without a flag the word is what is asked about ("平台参数"), and alone it stays
    expect(labels('平台 参数')).toEqual(['平台', '参数'])
    expect(labels('参数')).toEqual(['参数'])
    // "-e 是什么": the flag's own section defines it, not the glossary entry of its group (环境变量)
    const a = analyzeQuery('-e 选项是什么', v, lx)
    expect(a.define && a.flag).toBe(true)
    expect(definesSubject('环境变量（Environment Variable）', a.subject)).toBe(false)
    expect(definesSubject('环境变量（Environment Variable）', analyzeQuery('env 是什么', v, lx).subject)).toBe(true)
  })
  it('marks definitions and flags', () => {
    expect(analyzeQuery('Pod 是什么', vocab, lexicon).define).toBe(true)
    expect(analyzeQuery('--restart', vocab, lexicon).flag).toBe(true)
  })
})

describe('ranking', () => {
  const ids = (q: string) => searchSite(ms, q, vocab, lexicon).map((r) => r.id)
  it('answers the whole question first and never returns nothing for a partial match', () => {
    expect(ids('删除所有停止的容器')[0]).toBe('/commands/cleanup#prune')
    expect(ids('删除所有停止的容器 xyzzy').length).toBeGreaterThan(0)
  })
  it('finds hidden keywords and synonyms', () => {
    expect(ids('启动容器')[0]).toBe('/cli/container#docker-run')
    expect(ids('k8s')[0]).toBe('/orchestration/kubernetes#top')
  })
  it('puts the glossary first for "X 是什么" and credits last', () => {
    expect(ids('Pod 是什么')[0]).toBe('/glossary/#pod')
    expect(ids('pod kubernetes').at(-1)).toBe('/about/credits#top')
  })
})

describe('ranking: a teaching page that keeps talking about the thing', () => {
  // the reference entry and the page's first section score the same on their own (same text);
  // the page has two more sections on the subject, the reference page has one, so the
  // RANKING.page prior alone decides the order (without it the reference entry, added first, stays first)
  const same = { title: '自定义网络', text: '自定义网络提供按名称解析。' }
  const pageDocs = [
    { id: '/cli/network#docker-network-create', titles: ['网络'], ...same },
    { id: '/cli/network#docker-network-ls', title: 'docker network ls', titles: ['网络'], text: '列出自定义网络，包括默认网络和其他各种网络。' },
    { id: '/network/user-defined#a', titles: ['网络'], ...same },
    { id: '/network/user-defined#b', title: '为什么', titles: ['网络', '自定义网络'], text: '默认网络没有按名称解析，自定义网络有，因此推荐给多个容器使用。' },
    { id: '/network/user-defined#c', title: '删除', titles: ['网络', '自定义网络'], text: '不用的自定义网络可以删除，但要先停掉连在上面的所有容器。' },
  ]
  const pm = sectionIndex(tokenize)
  pm.addAll(pageDocs)
  const pv = vocabularyOf(pm)
  it('ranks the page\'s best section above an equally good reference entry', () => {
    const got = searchSite(pm, '自定义网络', pv, { synonyms: [] }).map((r) => r.id)
    expect(got[0]).toBe('/network/user-defined#a')
    expect(got[1]).toBe('/cli/network#docker-network-create')
  })
})

describe('ranking: a task in words prefers the teaching page to a reference entry that only mentions it', () => {
  // same body text: only the page kind differs, so the order is decided by RANKING.task (without
  // it the reference entry, added first, stays first); the second entry names the task in its hidden
  // keywords (as Chinese command entries do) and keeps its full weight
  const text = 'copy a file out of a container with the container path and a host path.'
  const docs = [
    { id: '/en/cli/container#docker-export', title: 'docker export', titles: ['Container commands'], text },
    { id: '/en/commands/exec-logs-inspect#copy', title: 'Shell access', titles: ['Inspecting containers'], text },
    { id: '/en/cli/container#docker-cp', title: 'docker cp', titles: ['Container commands'], text: text + '\u001fcopy file container' },
  ]
  const tm = sectionIndex(tokenize)
  tm.addAll(docs)
  const tv = vocabularyOf(tm)
  const ids = (q: string) => searchSite(tm, q, tv, { synonyms: [] }).map((r) => r.id)
  it('marks tasks: several concepts, no flag, not a command line', () => {
    expect(analyzeQuery('copy a file out of a container', tv, { synonyms: [] }).task).toBe(true)
    expect(analyzeQuery('docker cp container', tv, { synonyms: [] }).task).toBe(false)
    expect(analyzeQuery('copy -a', tv, { synonyms: [] }).task).toBe(false)
    expect(analyzeQuery('copy', tv, { synonyms: [] }).task).toBe(false)
  })
  it('ranks the teaching section above a reference entry whose heading and keywords do not name the task', () => {
    const got = ids('copy a file out of a container')
    expect(got.indexOf('/en/commands/exec-logs-inspect#copy')).toBeLessThan(got.indexOf('/en/cli/container#docker-export'))
    expect(got[0]).toBe('/en/cli/container#docker-cp') // named by its keywords: full weight
  })
  it('leaves command lines alone', () => {
    expect(ids('docker copy file container')[0]).toBe('/en/cli/container#docker-cp')
  })
})

describe('concept homes: the page named after a concept', () => {
  const pages = [
    { path: '/network/', title: '网络' },
    { path: '/storage/volumes', title: '数据卷：持久化容器数据' },
    { path: '/storage/inspect-and-cleanup', title: '查看与清理数据卷' },
    { path: '/build/multi-stage', title: '多阶段构建与非 root 用户' },
    { path: '/internals/container-vs-vm', title: '容器与虚拟机的区别' },
    { path: '/orchestration/compose', title: 'Docker Compose：单机多容器' },
    { path: '/orchestration/comparison', title: 'Compose、Swarm 与 Kubernetes 对比' },
    { path: '/a', title: '日志：查看输出' },
    { path: '/b', title: '日志：收集与轮转' },
    { path: '/orchestration/kubernetes', title: 'Kubernetes 与 Docker 的关系' },
    { path: '/network/host', title: 'host 与 none 网络模式' },
  ]
  const homes = conceptHomes([['网络', 'network'], ['数据卷', '卷', 'volume'], ['多阶段构建', 'multi-stage'], ['容器', 'container'], ['compose', 'docker compose'], ['日志', 'logs'], ['kubernetes', 'k8s'], ['host']], pages)
  it('is the page titled by the concept, or whose title leads with it and a colon', () => {
    expect(homes['network']).toBe('/network/')
    expect(homes['卷']).toBe('/storage/volumes')
    expect(homes['compose']).toBe('/orchestration/compose')
  })
  it('takes "X 与 Y" for a specific concept only, and gives an ambiguous concept no home', () => {
    expect(homes['multi-stage']).toBe('/build/multi-stage')
    expect(homes['容器']).toBeUndefined()
    expect(homes['日志']).toBeUndefined()
    // a long single name is specific (outside tester: "k8s" found only glossary entries); a short word is not
    expect(homes['k8s']).toBe('/orchestration/kubernetes')
    expect(homes['host']).toBeUndefined()
  })
  it('puts the home page first when the query is that concept alone, not for "X 是什么" or a longer query', () => {
    // the glossary entry is short and says "数据卷" twice: BM25 ranks it first without the home rule
    const docs = [
      { id: '/glossary/#volume', title: '数据卷', titles: ['术语表'], text: '数据卷 数据卷是 Docker 管理的存储。' },
      { id: '/storage/volumes#top', title: '数据卷：持久化容器数据', titles: [], text: '容器删除后数据会丢失。用数据卷保存需要长期保留的数据，数据卷由 Docker 创建和管理，可以备份和迁移。' },
      { id: '/storage/inspect-and-cleanup#top', title: '查看与清理数据卷', titles: [], text: '列出数据卷，删除不用的数据卷。' },
    ]
    const hm = sectionIndex(tokenize)
    hm.addAll(docs)
    const lex = { synonyms: [['数据卷', '卷', 'volume']], homes: { 数据卷: '/storage/volumes', 卷: '/storage/volumes', volume: '/storage/volumes' } }
    const first = (q: string) => searchSite(hm, q, vocabularyOf(hm), lex)[0]?.id
    expect(first('数据卷')).toBe('/storage/volumes#top')
    expect(first('volume')).toBe('/storage/volumes#top')
    expect(first('数据卷是什么')).toBe('/glossary/#volume')
  })
})

describe('a bare glossary term without a concept page', () => {
  // the teaching section names the term in its heading too: with the glossary's normal weight
  // (0.5) it outranks the entry (3.1 against 1.4), with RANKING.term the entry leads
  const docs = [
    { id: '/glossary/#dependency-hell', title: '依赖地狱', titles: ['术语表'], text: '依赖地狱：不同程序要求同一个库的不同版本，装了这个就坏了那个。\u001fdependency hell' },
    { id: '/guide/why#hell', title: '告别依赖地狱', titles: ['为什么用 Docker'], text: '一台机器上的依赖地狱反复出现，不同项目互相干扰，部署变慢，升级也变得提心吊胆，迁移到新机器更难，要靠镜像解决。' },
  ]
  const tm = sectionIndex(createIndexTokenizer(['依赖地狱']))
  tm.addAll(docs)
  const lex = buildLexicon([{ zh: '依赖地狱', en: 'dependency hell' }], []).lexicon
  const first = (q: string) => searchSite(tm, q, vocabularyOf(tm), lex)[0]?.id
  it('is recognised only when the whole query is the term', () => {
    const v = vocabularyOf(tm)
    expect(analyzeQuery('依赖地狱', v, lex).term).toBe(true)
    expect(analyzeQuery('dependency hell', v, lex).term).toBe(true)
    expect(analyzeQuery('怎么告别依赖地狱', v, lex).term).toBe(false)
  })
  it('puts its glossary entry first; a longer query still finds the teaching page', () => {
    expect(first('依赖地狱')).toBe('/glossary/#dependency-hell')
    expect(first('告别依赖地狱')).toBe('/guide/why#hell')
  })
})

describe('a bare term looks up the entry named that term, not every entry whose name contains it (search18)', () => {
  // "镜像" led with six glossary entries (镜像加速器, 悬空镜像, 基础镜像 …): RANKING.term raised
  // each entry whose heading holds the word; only the one named 镜像 is what the reader looks up
  const docs = [
    { id: '/glossary/#image', title: '镜像（image）', titles: ['术语表'], text: '镜像是容器的只读模板。\u001fimage' },
    { id: '/glossary/#registry-mirror', title: '镜像加速器（registry mirror）', titles: ['术语表'], text: '替你拉取镜像的服务器。\u001fregistry mirror' },
    { id: '/commands/images#top', title: '镜像命令', titles: [], text: '拉取、查看和删除镜像：docker pull 下载镜像，docker images 列出本机镜像，docker rmi 删除镜像，docker save 导出镜像。' },
  ]
  const tm = sectionIndex(createIndexTokenizer(['镜像', '镜像加速器']))
  tm.addAll(docs)
  const lex = buildLexicon([{ zh: '镜像', en: 'image' }, { zh: '镜像加速器', en: 'registry mirror' }], []).lexicon
  const ids = (q: string) => searchSite(tm, q, vocabularyOf(tm), lex).map((r) => r.id)
  it('puts the entry named 镜像 first and the teaching section above entries that only contain the word', () => {
    expect(ids('镜像').slice(0, 2)).toEqual(['/glossary/#image', '/commands/images#top'])
  })
  it('still raises an entry looked up by its full name', () => {
    expect(ids('镜像加速器')[0]).toBe('/glossary/#registry-mirror')
  })
  it('raises the entries whose names hold the term when none is named it', () => {
    const only = sectionIndex(createIndexTokenizer(['镜像', '镜像加速器']))
    only.addAll(docs.filter((d) => d.id !== '/glossary/#image'))
    expect(searchSite(only, '镜像', vocabularyOf(only), lex)[0]?.id).toBe('/glossary/#registry-mirror')
  })
})

describe('"X 原理" asks for the page that explains X (search18)', () => {
  // "命名空间原理" led with the section index page titled 原理: 原理 was a concept of its own, and
  // the concept page (which explains how namespaces work without the word) covered half the query
  const docs = [
    { id: '/internals/#top', title: '原理', titles: [], text: '这一部分讲 Docker 的原理：命名空间、控制组和镜像分层。' },
    { id: '/internals/namespaces#top', title: '命名空间：容器如何被隔离', titles: [], text: '命名空间让每个容器看到自己的进程、网络和主机名。Docker 为每个容器创建一组命名空间，容器里的进程只看得见同一组命名空间里的东西。' },
  ]
  const am = sectionIndex(createIndexTokenizer(['命名空间', '原理']))
  am.addAll(docs)
  const lex: Lexicon = { synonyms: [['命名空间', 'namespace']], homes: { 命名空间: '/internals/namespaces', namespace: '/internals/namespaces' } }
  const labels = (q: string, l: Lexicon = lex) => analyzeQuery(q, vocabularyOf(am), l).concepts.map((c) => c.label)
  it('drops 原理 when another concept has a concept page, keeps it otherwise', () => {
    expect(labels('命名空间原理')).toEqual(['命名空间'])
    expect(labels('命名空间的工作原理')).toEqual(['命名空间'])
    expect(labels('命名空间原理', { ...lex, homes: {} })).toEqual(['命名空间', '原理'])
    expect(labels('原理')).toEqual(['原理'])
  })
  it('puts the concept page first', () => {
    expect(searchSite(am, '命名空间原理', vocabularyOf(am), lex)[0]?.id).toBe('/internals/namespaces#top')
  })
})

describe('making an image smaller, in everyday words', () => {
  // the synonym table's group for it (core/search/synonyms.ts) and the site's concept page for it
  const docs = [
    { id: '/build/multi-stage#top', title: '多阶段构建与非 root 用户', titles: [], text: '编译工具留在构建阶段，最终镜像只带运行所需的文件。\u001f多阶段构建 镜像体积' },
    { id: '/commands/images#docker-images', title: 'docker images：列出镜像', titles: ['镜像命令'], text: '列出本地镜像，SIZE 一列是镜像大小，镜像太多时加过滤条件。\u001f镜像大小 image size' },
    { id: '/help/windows-wsl#disk', title: '越来越大的虚拟磁盘', titles: ['Windows'], text: '虚拟磁盘只会变大，删除镜像后也不会自动缩小。' },
  ]
  const im = sectionIndex(createIndexTokenizer(['多阶段构建', '镜像体积', '镜像大小']))
  im.addAll(docs)
  const lex = buildLexicon([{ zh: '多阶段构建', en: 'multi-stage build', aliases: ['multi-stage'] }], [], [{ path: '/build/multi-stage', title: '多阶段构建与非 root 用户' }]).lexicon
  const v = vocabularyOf(im)
  it('reads two phrases of one group, also overlapping ones, as one concept', () => {
    // 镜像 + 太大, 瘦身 are read as 镜像体积 (synonyms.ts CUES), one concept as well
    expect(analyzeQuery('镜像太大怎么瘦身', v, lex).concepts.map((c) => c.label)).toEqual(['镜像体积'])
    expect(analyzeQuery('减小镜像体积', v, lex).concepts.map((c) => c.label)).toEqual(['镜像体积'])
    // without the cues, the overlapping phrases 减小镜像 and 镜像体积 still make one concept
    expect(analyzeQuery('减小镜像体积', v, { ...lex, cues: [] }).concepts.map((c) => c.label)).toEqual(['减小镜像体积'])
    expect(analyzeQuery('镜像太大怎么瘦身', v, { ...lex, cues: [] }).concepts.map((c) => c.label)).toEqual(['镜像太大'])
  })
  it('finds the multi-stage build page first', () => {
    for (const q of ['镜像太大怎么瘦身', '减小镜像体积', '怎么让镜像变小', '镜像瘦身']) expect(searchSite(im, q, v, lex)[0]?.id, q).toBe('/build/multi-stage#top')
  })
})

describe('a container that stops by itself, and 本机 for 本地 (search23)', () => {
  // synonyms.ts: the everyday ways to say 容器一启动就退出 are one group; readers say 本机 where the
  // command reference says 本地. Before search23, "docker run 之后容器自己停了" read as docker + run +
  // 容器 + 自己停了 with no way to the troubleshooting section, and 本机 matched only 本机
  const docs = [
    { id: '/help/troubleshooting#exits', title: '容器一启动就退出', titles: ['故障排查'], text: '容器的主进程结束，容器就启动后立即退出；docker run 之后看 docker logs。' },
    { id: '/guide/first-container#stop', title: 'docker stop：停止容器', titles: ['第一个容器'], text: '运行中的容器用 docker stop 停止，停了以后还在。' },
    { id: '/commands/images#docker-images', title: 'docker images：列出镜像', titles: ['镜像命令'], text: '列出本地镜像和它们的大小。' },
    { id: '/build/registry#local', title: '在本机启动一个镜像仓库', titles: ['镜像仓库'], text: '在本机运行 registry 镜像，推送镜像到 localhost:5000。' },
  ]
  const groups = [['一启动就退出', '启动就退出', '一运行就退出', '自己停了', '立即退出'], ['本地', '本机']]
  const sm = sectionIndex(createIndexTokenizer(groups.flat()))
  sm.addAll(docs)
  const lex = buildLexicon([], []).lexicon
  const v = vocabularyOf(sm)
  it('reads the everyday phrasing as one concept of the table group', () => {
    const c = analyzeQuery('docker run 之后容器自己停了', v, lex).concepts.find((x) => x.label === '自己停了')
    expect(c?.alternatives).toContainEqual(['启动', '退出'])
    expect(analyzeQuery('本机有哪些镜像', v, lex).concepts.find((x) => x.label === '本机')?.alternatives).toContainEqual(['本地'])
  })
  it('finds the troubleshooting section first, and the image list as a whole answer', () => {
    expect(searchSite(sm, '容器自己停了', v, lex)[0]?.id).toBe('/help/troubleshooting#exits')
    // 本机 as typed still counts more than 本地 (a synonym): the registry section keeps the lead
    // here, and the image list answers every concept of the query
    expect(searchSite(sm, '本机有哪些镜像', v, lex).find((r) => r.id === '/commands/images#docker-images')?.coverage).toBe(1)
  })
})

describe('the overview of a command reference page', () => {
  // the page's H1 section carries the page keywords, which name every command of the page: it
  // matches any task about containers in a heading-weight field
  const docs = [
    { id: '/cli/container#容器命令参考', title: '容器命令参考', titles: [], text: '容器是镜像运行起来的实例。本页列出操作容器的命令。\u001fdocker run docker exec 运行容器 进入容器 查看日志' },
    { id: '/cli/container#docker-exec', title: 'docker exec', titles: ['容器命令参考', '进入与交互'], text: '在运行中的容器里执行一条命令，常用来进入容器排查问题。\u001f进入容器 执行命令' },
    { id: '/commands/exec-logs-inspect#docker-exec', title: 'docker exec：在运行中的容器里执行命令', titles: ['进入容器与排查'], text: '想进入容器看看里面的文件，用 docker exec -it 容器名 sh。' },
  ]
  const om = sectionIndex(createIndexTokenizer(['进入容器', '容器命令参考']))
  om.addAll(docs)
  const ids = (q: string) => searchSite(om, q, vocabularyOf(om), lexicon).map((r) => r.id)
  it('ranks below the answers to a task its heading does not name', () => {
    expect(ids('怎么进入正在运行的容器')[0]).not.toBe('/cli/container#容器命令参考')
  })
  it('still leads when its heading names the query', () => {
    expect(ids('容器命令参考')[0]).toBe('/cli/container#容器命令参考')
  })
})

describe('a task phrase of a command, typed whole', () => {
  // the command data lists the everyday task ("容器改了哪些文件") as a hidden keyword of docker
  // diff; a teaching section that talks about containers and files in its heading must not win
  const docs = [
    { id: '/cli/container#docker-diff', title: 'docker diff', titles: ['容器命令参考', '查看与排查'], text: '列出容器文件系统相对镜像的改动：A 新增、C 修改、D 删除。\u001f文件改动 可写层 容器改了哪些文件 给容器改名' },
    { id: '/guide/concepts#文件系统', title: '每个容器有自己的文件系统', titles: ['核心概念'], text: '在容器里改的东西，别的容器看不到。' },
    { id: '/cli/container#docker-rename', title: 'docker rename', titles: ['容器命令参考', '查看与排查'], text: '给容器改名。\u001f改名 重命名' },
  ]
  const words = ['容器改了哪些文件', '给容器改名', '文件改动', '可写层']
  // 容器 is a glossary term: the query falls apart at it before segmentation, as on the site
  const lexicon = buildLexicon([{ zh: '容器', en: 'container' }], words).lexicon
  const pm = sectionIndex(createIndexTokenizer(words))
  pm.addAll(docs)
  const vocab = vocabularyOf(pm)
  it('is recognised with question words around it, and only when it is most of the query', () => {
    expect(taskPhrase(normalize('容器改了哪些文件'), vocab)).toBe('容器改了哪些文件')
    expect(analyzeQuery('怎么给容器改名', vocab, lexicon).phrase).toBe('给容器改名')
    // the phrase is a small part of what is asked
    expect(analyzeQuery('容器改了哪些文件之后怎么把可写层保存下来', vocab, lexicon).phrase).toBeUndefined()
    // a flag asks for an option, not a task
    expect(analyzeQuery('容器改了哪些文件 -a', vocab, lexicon).phrase).toBeUndefined()
  })
  it('puts the entry written for that task first', () => {
    expect(searchSite(pm, '容器改了哪些文件', vocab, lexicon).map((r) => r.id)[0]).toBe('/cli/container#docker-diff')
  })
})

describe('a comparison question', () => {
  // the second section is short and says all three words often (BM25 ranks it first without the
  // rule) but its heading names only two of them
  const docs = [
    { id: '/help/faq#image-vs-container', title: '镜像和容器有什么区别', titles: ['常见问题'], text: '前者是只读模板，后者是运行中的实例：打包、分发、启动、停止、删除、备份、迁移、升级，各有各的命令和用法。' },
    { id: '/internals/container-vs-vm#diff', title: '容器与虚拟机的区别', titles: [], text: '容器和镜像的区别，容器和虚拟机的区别：容器镜像小，容器快。' },
  ]
  const cm = sectionIndex(createIndexTokenizer(['镜像', '容器', '区别', '虚拟机']))
  cm.addAll(docs)
  const first = (q: string) => searchSite(cm, q, vocabularyOf(cm), lexicon)[0]?.id
  it('is recognised in Chinese and English forms, not in a plain list of words', () => {
    const v = vocabularyOf(cm)
    expect(analyzeQuery('镜像和容器有什么区别', v, lexicon).compare).toBe(true)
    expect(analyzeQuery('image vs container', v, lexicon).compare).toBe(true)
    expect(analyzeQuery('difference between image and container', v, lexicon).compare).toBe(true)
    expect(analyzeQuery('镜像 容器', v, lexicon).compare).toBe(false)
  })
  it('puts the section whose heading names every compared thing first', () => {
    expect(first('镜像和容器有什么区别')).toBe('/help/faq#image-vs-container')
  })
})

describe('a section stands for its page when it answers the whole question (search19)', () => {
  // the page's H1 section names the page's topic in a heading-weight field and says every word of
  // the question in its intro: BM25 ranks it above the section that answers the question
  const docs = [
    { id: '/network/port-mapping#top', title: '端口映射：让外界访问容器', titles: [], text: '端口映射把宿主机端口转发到容器，运行容器时用 -p，修改端口映射见下文。' },
    { id: '/network/port-mapping#change', title: '已经运行的容器能加端口吗', titles: ['端口映射：让外界访问容器'], text: '不能直接修改。要修改端口映射，删掉容器，再用新的 -p 重新运行它；数据放在数据卷里就不会丢。' },
    { id: '/network/bridge#top', title: '桥接网络', titles: [], text: '容器默认接在桥接网络上。' },
  ]
  const sm = sectionIndex(createIndexTokenizer(['端口映射', '修改']))
  sm.addAll(docs)
  const ids = (q: string) => searchSite(sm, q, vocabularyOf(sm), lexicon).map((r) => r.id)
  it('puts the answering section in the place of the page\'s H1 section for a question of several concepts', () => {
    expect(ids('修改容器的端口映射').slice(0, 2)).toEqual(['/network/port-mapping#change', '/network/port-mapping#top'])
  })
  it('leaves the H1 section first for one concept alone (the page\'s topic)', () => {
    expect(ids('端口映射')[0]).toBe('/network/port-mapping#top')
  })
})

describe('a whole command line: the command\'s reference entry (search19)', () => {
  // the command's name is a glossary alias (RANKING.term would raise the short entry) and a phrase of
  // a group whose concept page (RANKING.home) would lead
  const docs = [
    { id: '/glossary/#prune', title: '清理（prune）', titles: ['术语表'], text: '删除未使用的对象。\u001fdocker system prune' },
    { id: '/commands/cleanup#system-prune', title: 'docker system prune：一次清理多类', titles: ['清理磁盘空间'], text: '用 docker system prune 一次删除停止的容器、未使用的网络、悬空镜像和构建缓存，释放磁盘空间。' },
    { id: '/cli/system#docker-system-prune', title: 'docker system prune', titles: ['系统命令参考'], text: 'docker system prune [OPTIONS]：删除未使用的数据。' },
    { id: '/cli/system#docker-system-df', title: 'docker system df', titles: ['系统命令参考'], text: '查看磁盘占用。' },
  ]
  const cm = sectionIndex(createIndexTokenizer(['清理']))
  cm.addAll(docs)
  const lex: Lexicon = { ...buildLexicon([{ zh: '清理', en: 'prune', aliases: ['docker system prune'] }], []).lexicon, homes: { 清理: '/commands/cleanup', prune: '/commands/cleanup', 'docker system prune': '/commands/cleanup' } }
  const titleOf = (id: string) => docs.find((d) => d.id === id)!.title
  const ids = docs.map((d) => d.id)
  const lineEntry = (q: string, ids: string[], titleOf: (id: string) => string) => commandLineEntry(namedCommand(q, ids, titleOf))
  it('is the entry whose heading the query starts with, alone or followed by flags, the longest one', () => {
    expect(lineEntry('docker system prune', ids, titleOf)).toBe('/cli/system#docker-system-prune')
    expect(lineEntry('Docker  System prune -a --volumes', ids, titleOf)).toBe('/cli/system#docker-system-prune')
    expect(lineEntry('docker system prune 会删掉什么', ids, titleOf)).toBeUndefined()
    expect(lineEntry('docker system prune hangs', ids, titleOf)).toBeUndefined()
    expect(lineEntry('清理 docker system prune', ids, titleOf)).toBeUndefined()
    const nested = [...ids, '/cli/system#docker-system']
    expect(lineEntry('docker system prune -a', nested, (id) => (id.endsWith('#docker-system') ? 'docker system' : titleOf(id)))).toBe('/cli/system#docker-system-prune')
  })
  it('puts that entry first, above the glossary entry the command is an alias of and the concept page', () => {
    expect(searchSite(cm, 'docker system prune', vocabularyOf(cm), lex)[0]?.id).toBe('/cli/system#docker-system-prune')
  })
})

describe('a command line with one flag: the section headed by the flag, then the entry (search21)', () => {
  const docs = [
    { id: '/cli/container#docker-run', title: 'docker run', titles: ['容器命令参考'], text: 'docker run [OPTIONS] IMAGE：创建并启动容器。-p 发布端口，-P 发布所有端口，--rm 退出后删除，-d 后台运行。docker run -p 8080:80 nginx' },
    { id: '/commands/containers#p', title: '-p：端口映射', titles: ['运行与管理容器', 'docker run 的常用选项'], text: 'docker run -p 宿主机端口:容器端口 把容器的端口发布到宿主机。' },
    { id: '/commands/containers#rm', title: '--rm：退出后自动删除', titles: ['运行与管理容器', 'docker run 的常用选项'], text: 'docker run --rm 让容器退出后自动删除。' },
    { id: '/cli/container#docker-ps', title: 'docker ps', titles: ['容器命令参考'], text: 'docker ps [OPTIONS]：列出容器。-a 显示所有容器。' },
    { id: '/commands/containers#ps', title: 'docker ps -a：查看所有容器', titles: ['运行与管理容器'], text: 'docker ps -a 列出包括已停止的所有容器。' },
  ]
  const cm = sectionIndex(createIndexTokenizer([]))
  cm.addAll(docs)
  const lex = buildLexicon([], []).lexicon
  const ids = (q: string) => searchSite(cm, q, vocabularyOf(cm), lex).map((r) => r.id)
  it('puts the flag\'s teaching section first and keeps the command entry second', () => {
    expect(ids('docker run -p').slice(0, 2)).toEqual(['/commands/containers#p', '/cli/container#docker-run'])
    expect(ids('docker run --rm').slice(0, 2)).toEqual(['/commands/containers#rm', '/cli/container#docker-run'])
  })
  it('keeps the entry first when no section is headed by that flag (case-sensitive) or the rest is not one flag', () => {
    expect(ids('docker run -P')[0]).toBe('/cli/container#docker-run')
    expect(ids('docker ps -a')[0]).toBe('/cli/container#docker-ps')
    expect(ids('docker run -p 8080:80')[0]).toBe('/cli/container#docker-run')
  })
})

describe('index pruning', () => {
  const pruneDocs = [
    { id: '/a#x', title: '数据卷', titles: [], text: '数据卷的寿命不随容器结束；这个比方很啰嗦。' },
    { id: '/d#w', title: '生命周期', titles: [], text: '容器的生命周期：创建、运行、停止、删除。' },
    { id: '/b#y', title: '绑定挂载', titles: [], text: '绑定挂载把宿主机目录放进容器，--mount 和 -v 都行。' },
    { id: '/c#z', title: '容器', titles: [], text: '容器是进程。数据卷和绑定挂载都能保存数据。' },
  ]
  const small = sectionIndex(tokenize)
  small.addAll(pruneDocs)
  const json = JSON.parse(JSON.stringify(small))
  const { json: pruned, dropped } = pruneIndex(json, new Set(['挂载']))
  const terms = new Set(pruned.index.map(([t]) => t))
  it(`drops body words found in at most ${RARE_SECTIONS} sections, keeps titles, lexicon words and flags`, () => {
    expect(dropped).toBeGreaterThan(0)
    expect(terms.has('啰嗦')).toBe(false) // one section, body only
    expect(terms.has('数据卷')).toBe(true) // a title
    expect(terms.has('挂载')).toBe(true) // a lexicon word
    expect(terms.has('--mount')).toBe(true) // a flag
    expect(json.index.length).toBe(pruned.index.length + dropped) // the input is not changed
  })
  it('answers a query made only of a dropped word with the sections of words sharing its characters', () => {
    // the price of pruning: "寿命" no longer leads to /a#x itself; "命" leads to 生命周期
    const loaded = MiniSearch.loadJSON(JSON.stringify(pruned), { fields: INDEX_FIELDS, storeFields: ['title', 'titles'], tokenize, extractField })
    expect(terms.has('寿命')).toBe(false)
    expect(searchSite(loaded, '寿命', vocabularyOf(loaded), lexicon).map((r) => r.id)).toContain('/d#w')
  })
  it('refuses an index in another serialization format', () => {
    expect(() => pruneIndex({ ...json, serializationVersion: 1 }, new Set())).toThrow(/serialization/)
  })
})

describe('packed index', () => {
  const docs = [
    { id: '/a#x', title: '数据卷', titles: ['存储'], text: '数据卷 数据卷 数据卷的寿命不随容器结束。' },
    { id: '/b#y', title: '绑定挂载', titles: [], text: '绑定挂载把宿主机目录放进容器，--mount 和 -v 都行。' },
    { id: '/c#z', title: '容器', titles: ['概念', '容器'], text: '容器是进程。数据卷和绑定挂载都能保存数据。\u001f容器 container' },
  ]
  const ms = sectionIndex(tokenize)
  ms.addAll(docs)
  const json = JSON.parse(JSON.stringify(ms))
  it('round-trips the MiniSearch serialization exactly (term frequencies, stored fields, lengths)', () => {
    const packed = JSON.parse(JSON.stringify(packIndex(json)))
    expect(packed.packed).toBe(PACKED_FORMAT)
    expect(unpackIndex(packed)).toEqual(json)
    const loaded = MiniSearch.loadJS(unpackIndex(packed), { fields: INDEX_FIELDS, storeFields: ['title', 'titles'], tokenize, extractField })
    for (const q of ['数据卷', '容器', '绑定挂载 容器', '宿主机']) expect(searchSite(loaded, q, vocabularyOf(loaded), lexicon)).toEqual(searchSite(ms, q, vocabularyOf(ms), lexicon))
  })
  it('is smaller than MiniSearch\'s own JSON', () => {
    expect(JSON.stringify(packIndex(json)).length).toBeLessThan(JSON.stringify(json).length)
  })
  it('refuses an index with removed documents, another serialization, or a chunk that is not packed', () => {
    const gappy = MiniSearch.loadJSON(JSON.stringify(ms), { fields: INDEX_FIELDS, storeFields: ['title', 'titles'], tokenize, extractField })
    gappy.discard('/a#x')
    expect(() => packIndex(JSON.parse(JSON.stringify(gappy)))).toThrow(/removed documents/)
    expect(() => packIndex({ ...json, serializationVersion: 1 })).toThrow(/serialization/)
    expect(() => unpackIndex(json)).toThrow(/not a packed search index/)
  })
})

describe('query files', () => {
  it('reports the file and line of a bad entry', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-q-')), 'q.yaml')
    fs.writeFileSync(f, '- q: 端口\n  expect: [/network/port-mapping]\n  kind: task\n- q: 卷\n  expect: [network]\n  kind: task\n')
    expect(() => loadQuerySet(f)).toThrow(`${f}:4:`)
  })
  it('judges page targets by page and anchor targets by section', () => {
    const q = { q: 'x', expect: ['/cli/container#docker-run', '/storage/volumes'], best: '/storage/volumes', kind: 'task' as const, file: 'f', line: 1 }
    expect(judge(q, ['/storage/volumes#top']).top1).toBe(true)
    expect(judge(q, ['/cli/container#docker-ps', '/a', '/b', '/cli/container#docker-run']).top3).toBe(false)
  })
})

describe('an English task phrase, typed whole (session 11)', () => {
  // English task words are several words each ("copy file from container", "copy to host"), so the
  // Chinese rule (one index term) never saw them: docker cp's entry ranked below sections whose
  // heading says "copy-on-write". The rule: every content word of the query in the section's
  // hidden keywords, in any form (files | file)
  const docs = [
    { id: '/en/cli/container#docker-cp', title: 'docker cp', titles: ['Container commands'], text: 'Copy files or folders between a container and the host.\u001fcopy files copy file from container copy to host file' },
    { id: '/en/internals/layers#copy-on-write', title: 'Copy files of the host into a container layer', titles: ['Layers'], text: 'A container writes to its own layer; files of the image are copied up on write to the container layer, never to the host.' },
    { id: '/en/glossary/#bind-mount', title: 'bind mount', titles: ['Glossary'], text: 'A host directory in a container.\u001fhost directory copy files container' },
  ]
  const em = sectionIndex(createIndexTokenizer([]))
  em.addAll(docs)
  const v = vocabularyOf(em)
  const lex = buildLexicon([], []).lexicon
  const en = { englishForms: true }
  it('is every content word of a query in Latin words, on the English edition only', () => {
    expect(analyzeQuery('copy files from container to host', v, lex, en).phrase).toBe('copy files container host')
    expect(analyzeQuery('how do I copy files', v, lex, en).phrase).toBe('copy files')
    // one word is a term, a command line is a command, a Chinese page reads English as exact terms
    expect(analyzeQuery('copy', v, lex, en).phrase).toBeUndefined()
    expect(analyzeQuery('docker cp files host', v, lex, en).phrase).toBeUndefined()
    expect(analyzeQuery('copy files from container to host', v, lex).phrase).toBeUndefined()
  })
  it('puts the entry whose task words hold it first, not a glossary entry whose aliases do', () => {
    expect(searchSite(em, 'copy files from container to host', v, lex, en)[0]?.id).toBe('/en/cli/container#docker-cp')
    expect(searchSite(em, 'copy files container', v, lex, en).map((r) => r.id).indexOf('/en/glossary/#bind-mount')).toBeGreaterThan(0)
  })
})

describe('a pasted daemon error (session 11)', () => {
  it('drops the prefix every daemon error has', () => {
    const v = createVocabulary([['daemon', 3], ['remove', 2], ['running', 2], ['container', 5], ['error', 3], ['response', 1]])
    const labels = analyzeQuery('Error response from daemon: You cannot remove a running container', v, buildLexicon([], []).lexicon).concepts.map((c) => c.label)
    for (const w of ['error', 'response', 'daemon']) expect(labels).not.toContain(w)
    expect(labels.join(' ')).toContain('remove')
  })
})

describe('page kinds (session 12): pages about the site rank below pages that teach', () => {
  // the same text on every page: only the page kind decides the order (without the rule, the
  // document added first stays first)
  const text = '网页打不开的时候，先检查端口有没有映射。'
  const docs = [
    { id: '/about/embed#limits', title: '说明', titles: ['嵌入'], text },
    { id: '/contribute/decisions#search', title: '说明', titles: ['决策'], text },
    { id: '/help/faq#ports', title: '说明', titles: ['常见问题'], text },
    { id: '/network/port-mapping#top', title: '说明', titles: [], text },
  ]
  const km = sectionIndex(tokenize)
  km.addAll(docs)
  const kv = vocabularyOf(km)
  const ids = (q: string) => searchSite(km, q, kv, { synonyms: [] }).map((r) => r.id)
  it('knows every page of the about and contribute sections as meta, in both editions', () => {
    expect(['/about/embed#x', '/en/about/offline', '/about/markdown', '/contribute/decisions#y', '/en/contribute/'].map(pageKind)).toEqual(['meta', 'meta', 'meta', 'meta', 'meta'])
    expect(['/cli/container#docker-run', '/en/glossary/#pod', '/help/faq#a', '/', '/en/', '/help/troubleshooting', '/guide/about-x'].map(pageKind))
      .toEqual(['reference', 'glossary', 'faq', 'home', 'home', 'teaching', 'teaching'])
  })
  it('puts the teaching page first, then the FAQ, then the pages about the site', () => {
    expect(ids('网页打不开')).toEqual(['/network/port-mapping#top', '/help/faq#ports', '/about/embed#limits', '/contribute/decisions#search'])
  })
  it('still asks the FAQ nothing less for "X 是什么"', () => {
    expect(pageWeight('/help/faq#a', { define: true, flag: false })).toBe(1)
    expect(pageWeight('/help/faq#a', { define: false, flag: false })).toBeLessThan(1)
  })
})

describe('a restart-policy question is not the restart command (session 12)', () => {
  it('does not read 开机自启 as the word restart', () => {
    const { lexicon: lx } = buildLexicon([], [])
    const group = lx.synonyms.find((g) => g.includes('开机自启'))!
    expect(group).toContain('重启策略')
    expect(group).not.toContain('restart')
  })
  it('reads everyday complaints about a slow or silent pull as the mirror question', () => {
    const { lexicon: lx } = buildLexicon([], [])
    const group = lx.synonyms.find((g) => g.includes('镜像加速器'))!
    for (const p of ['pull 半天没反应', '下载镜像特别慢']) expect(group).toContain(p)
  })
})

describe('headingsOnly (search13)', () => {
  it('drops the body text and keeps the hidden keywords', () => {
    const [a, b] = [...splitPageIntoSections('<h1 id="a">决策 <a href="#a">​</a></h1><p>“容器删不掉”</p><h2 id="b">搜索 <a href="#b">​</a></h2><p>正文</p>', (x) => (x === 'b' ? ['搜索排序'] : []))].map(headingsOnly)
    expect(a).toEqual({ anchor: 'a', titles: ['决策'], text: '' })
    expect(extractField(b as any, 'text')).toBe('')
    expect(extractField(b as any, 'keywords')).toBe('搜索排序')
  })
})

describe('everyday words for the same thing (search13)', () => {
  const { lexicon: lx } = buildLexicon([], [])
  const groupOf = (p: string) => lx.synonyms.find((g) => g.includes(p)) ?? []
  it.each([
    ['硬盘', '磁盘'], ['硬盘满了', 'no space left on device'], ['删不掉', '删除失败'], ['容器删不掉', 'cannot remove a running container'],
    ['打印的东西', '日志'], ['printed', 'logs'], ['进到容器里面', 'docker exec'], ['拉镜像报错', 'pull access denied'],
    ['有什么用', '用途'], ['为什么要用', '好处'], ['benefits', 'purpose'],
  ])('reads %s as %s', (typed, meant) => {
    expect(groupOf(typed)).toContain(meant)
  })
  it('keeps a bare 输出 out of the log group (--format 输出格式, build output)', () => {
    expect(groupOf('日志')).not.toContain('输出')
  })
  // ranking: /guide/why's first section says 用途 and 好处; "docker 有什么用" asks for them
  const why = [
    { id: '/guide/why#top', title: '为什么需要 Docker', titles: [], text: 'Docker 的用途和好处：把程序和环境一起打包。' },
    { id: '/guide/install#top', title: '安装 Docker', titles: [], text: '安装 Docker 之前，先看看你的系统用什么办法安装 Docker。' },
    { id: '/help/when-not-to-use#top', title: '什么时候不该用 Docker', titles: [], text: '不该用 Docker 的几种情况。' },
  ]
  const wm = sectionIndex(tokenize)
  wm.addAll(why)
  const wv = vocabularyOf(wm)
  it.each(['docker 有什么用', '为什么要用 docker', 'docker是用来干什么的'])('puts the page about what Docker is for first: %s', (q) => {
    expect(searchSite(wm, q, wv, lx)[0]?.id).toBe('/guide/why#top')
  })
})

describe('"X 是什么" boosts the entry named X only (search14)', () => {
  const { lexicon: lx } = buildLexicon([
    { zh: '容器', en: 'Container', aliases: ['容器实例'] },
    { zh: '容器 ID', en: 'Container ID' },
    { zh: 'Docker Hub', en: 'Docker Hub' },
    { zh: '镜像', en: 'Image' },
  ], [])
  // Container ID's entry is shorter and says 容器 more often: BM25 prefers it; only the rule puts Container first
  const docs = [
    { id: '/glossary/#container-id', title: '容器 ID（Container ID）', titles: ['术语表'], text: '容器 ID 是容器的编号，每个容器一个。' },
    { id: '/glossary/#container', title: '容器（Container）', titles: ['术语表'], text: '镜像的运行实例：一组被隔离的进程，直接运行在宿主机内核上，有自己的文件系统和网络。' },
    { id: '/glossary/#docker-hub', title: 'Docker Hub', titles: ['术语表'], text: 'Docker 官方的公共镜像仓库。' },
    // names Docker in its heading and says it often: BM25 prefers it to the FAQ's longer answer
    { id: '/internals/architecture#top', title: 'Docker 架构', titles: [], text: 'Docker 客户端把命令发给 Docker 守护进程。' },
    { id: '/help/faq#docker-是什么', title: 'Docker 是什么？', titles: ['常见问题'], text: '一个把应用和运行环境一起打包、在任何装了 Docker 的机器上以同样方式运行的平台，它用镜像分发、用容器运行，让开发、测试和上线用的是同一个环境，省去了很多配置。' },
  ]
  const km = sectionIndex(tokenize)
  km.addAll(docs)
  const kv = vocabularyOf(km)
  const ids = (q: string) => searchSite(km, q, kv, lx).map((r) => r.id)
  it('puts the entry named X above entries that merely contain it', () => {
    expect(ids('容器是什么')[0]).toBe('/glossary/#container')
    expect(ids('什么是容器实例')[0]).toBe('/glossary/#container')
  })
  it('puts the heading that asks the question above entries whose names contain X', () => {
    expect(ids('docker 是什么')[0]).toBe('/help/faq#docker-是什么')
  })
  it('reads the names of a heading: brackets, the question form and its mark', () => {
    const subject = analyzeQuery('what is a container', kv, lx).subject
    expect(definesSubject('容器（Container）', subject)).toBe(true)
    expect(definesSubject('Container', subject)).toBe(true)
    expect(definesSubject('容器 ID（Container ID）', subject)).toBe(false)
    expect(definesSubject('What is Docker?', analyzeQuery('what is docker', kv, lx).subject)).toBe(true)
    expect(definesSubject('Docker Hub', analyzeQuery('what is docker', kv, lx).subject)).toBe(false)
    expect(definesSubject('Docker Hub', analyzeQuery('docker hub 的作用', kv, lx).subject)).toBe(false)
  })
  it('drops the question words segmentation leaves behind ("意思", the "s" of "what\'s")', () => {
    expect(analyzeQuery('镜像是什么意思', kv, lx).concepts.map((c) => c.label)).toEqual(['镜像'])
    expect(analyzeQuery("what's an image", kv, lx).concepts.map((c) => c.label)).toEqual(['image'])
  })
})

describe('everyday words for tasks on many things, files and permissions (search14)', () => {
  const { lexicon: lx } = buildLexicon([{ zh: 'Docker Engine API', en: 'Docker Engine API', aliases: ['docker.sock'] }], [])
  const groupOf = (p: string) => lx.synonyms.find((g) => g.includes(p)) ?? []
  it.each([
    ['删掉', '删除'], ['删了', 'remove'], ['停掉', '停止'], ['没用的', '未使用'], ['不用的', 'unused'], ['权限不够', 'permission denied'],
  ])('reads %s as %s', (typed, meant) => {
    expect(groupOf(typed)).toContain(meant)
  })
  it('keeps a bare 没权限 out of the permission group (it reads as 权限 alone, which the bind-mount UID section is about)', () => {
    expect(groupOf('权限不足')).not.toContain('没权限')
  })
  it('matches a dotted name of a synonym group in parts, as the pages\' text has it (/var/run/docker.sock)', () => {
    const v = createVocabulary([['permission', 2], ['denied', 2], ['docker', 9], ['sock', 2], ['docker.sock', 1]])
    const sock = analyzeQuery('permission denied docker.sock', v, lx).concepts.find((c) => c.label === 'docker.sock')!
    expect(sock.alternatives).toContainEqual(['docker', 'sock'])
    expect(sock.typed).toEqual(expect.arrayContaining(['docker', 'sock']))
  })
})

describe('a complaint of the synonym table typed alone is no glossary term (search15)', () => {
  // "拉镜像好慢" is in 镜像加速器's group (synonyms.ts), so the whole query is one phrase of a group
  // (Analysis.term); the glossary entry names the group (镜像加速器) but not what was typed, and
  // RANKING.term put it above the section that answers the complaint
  const docs = [
    { id: '/glossary/#registry-mirror', title: '镜像加速器（Registry Mirror）', titles: ['术语表'], text: '镜像加速器：替 Docker Hub 缓存镜像的服务器。\u001fregistry mirror' },
    { id: '/help/china-network#mirror', title: '配置镜像加速器', titles: ['国内网络环境'], text: '在国内拉取镜像很慢、经常超时时，在 daemon.json 里配置镜像加速器，再重启守护进程，拉取就快了。' },
  ]
  const tm = sectionIndex(createIndexTokenizer(['镜像加速器', '拉镜像']))
  tm.addAll(docs)
  const lex = buildLexicon([{ zh: '镜像加速器', en: 'registry mirror' }], []).lexicon
  const first = (q: string) => searchSite(tm, q, vocabularyOf(tm), lex)[0]?.id
  it('reads the complaint as one phrase of the mirror group', () => {
    expect(analyzeQuery('拉镜像好慢', vocabularyOf(tm), lex).term).toBe(true)
  })
  it('puts the answering section first; the entry still leads for its own name', () => {
    expect(first('拉镜像好慢')).toBe('/help/china-network#mirror')
    expect(first('镜像加速器')).toBe('/glossary/#registry-mirror')
    expect(first('registry mirror')).toBe('/glossary/#registry-mirror')
  })
})

describe('what is left of "does not work" is no topic (search15)', () => {
  const v = createVocabulary([['装', 3], ['docker', 9], ['不了', 2], ['权限', 4], ['不足', 3], ['网页', 2], ['打不开', 1]])
  const lx = buildLexicon([], []).lexicon
  const labels = (q: string) => analyzeQuery(q, v, lx).concepts.map((c) => c.label)
  it('drops 不了 when the query says anything else, keeps it when it is all there is', () => {
    expect(labels('装了docker用不了 权限不够')).not.toContain('不了')
    expect(labels('装了docker用不了 权限不够')).toContain('权限不够')
    expect(labels('用不了')).toEqual(['不了'])
  })
})

describe('a bare term that a teaching section is headed by (search20)', () => {
  // the glossary entry is short and names the term: with RANKING.term it outranks the section that
  // teaches the thing under that very name
  const docs = [
    { id: '/glossary/#healthcheck', title: '健康检查（healthcheck）', titles: ['术语表'], text: '健康检查：定期运行命令判断容器是否正常。\u001fhealthcheck' },
    { id: '/build/instructions#healthcheck', title: 'HEALTHCHECK：健康检查', titles: ['Dockerfile 指令'], text: '用 HEALTHCHECK 指令让 Docker 定期运行一条命令检查容器，命令失败若干次后容器被标为 unhealthy，编排工具据此重启或替换容器，间隔和超时都可以设置。' },
    { id: '/glossary/#daemon', title: '守护进程（daemon）', titles: ['术语表'], text: '守护进程：在后台运行、管理容器的 dockerd。\u001fdaemon' },
    { id: '/internals/architecture#remote', title: '连接远程守护进程：DOCKER_HOST', titles: ['架构'], text: '客户端通过 DOCKER_HOST 连接另一台机器上的守护进程，守护进程监听 TCP 端口时要配 TLS。' },
  ]
  const hm = sectionIndex(createIndexTokenizer(['健康检查', '守护进程']))
  hm.addAll(docs)
  const lex = buildLexicon([{ zh: '健康检查', en: 'healthcheck' }, { zh: '守护进程', en: 'daemon' }], []).lexicon
  const first = (q: string) => searchSite(hm, q, vocabularyOf(hm), lex)[0]?.id
  it('reads a heading as its parts at colons and brackets', () => {
    expect(headedBy('HEALTHCHECK：健康检查', ['健康检查'])).toBe(true)
    expect(headedBy('tmpfs 挂载', ['tmpfs挂载'])).toBe(true)
    expect(headedBy('docker image prune：悬空镜像和不用的镜像', ['悬空镜像'])).toBe(false)
  })
  it('puts that section above the glossary entry; a term no section is headed by still finds its entry', () => {
    expect(first('健康检查')).toBe('/build/instructions#healthcheck')
    expect(first('healthcheck')).toBe('/build/instructions#healthcheck')
    expect(first('守护进程')).toBe('/glossary/#daemon')
  })
})

describe('a section\'s name typed alone finds the section\'s index page (search20)', () => {
  it('makes the index page the home of its title, which no synonym group holds', () => {
    const homes = conceptHomes([], [{ path: '/network/', title: '网络' }, { path: '/network/user-defined', title: '自定义网络' }, { path: '/storage/', title: 'Storage' }])
    expect(homes['网络']).toBe('/network/')
    expect(homes['storage']).toBe('/storage/')
    expect(homes['自定义网络']).toBeUndefined()
  })
  it('puts the index page first, above a section that says the word more often', () => {
    const docs = [
      { id: '/network/user-defined#alias', title: '网络别名', titles: ['自定义网络'], text: '同一个网络里，网络别名让多个容器共用一个名字，网络内的容器按别名访问。' },
      { id: '/network/', title: '网络', titles: [], text: '容器怎样互相访问、怎样被外界访问：桥接、端口映射和自定义网络各讲一页，先看一张表再选。' },
    ]
    const nm = sectionIndex(createIndexTokenizer(['网络', '网络别名']))
    nm.addAll(docs)
    const lex = { ...buildLexicon([], [], [{ path: '/network/', title: '网络' }]).lexicon }
    expect(searchSite(nm, '网络', vocabularyOf(nm), lex)[0]?.id).toBe('/network/')
  })
})

describe('two spellings of one thing compared (search20)', () => {
  // docker-compose and docker compose are phrases of one synonym group: read as one concept plus
  // 区别, the query led with any heading "Compose 和 X 有什么区别"
  const docs = [
    { id: '/help/faq#compose-swarm', title: 'Compose 和 Swarm 有什么区别', titles: ['常见问题'], text: 'docker compose 在一台机器上启动多个容器；Swarm 把多台机器组成集群。区别在于规模。' },
    { id: '/orchestration/compose#v1-v2', title: 'Compose v1 与 v2', titles: ['Docker Compose'], text: 'v1 的命令是 docker-compose（独立程序），v2 是 docker compose（插件）。把 docker-compose 换成 docker compose 即可。' },
  ]
  const cm = sectionIndex(createIndexTokenizer(['区别']))
  cm.addAll(docs)
  const lex = buildLexicon([], []).lexicon
  lex.synonyms.push(['compose', 'docker compose', 'docker-compose'])
  const v = vocabularyOf(cm)
  it('reads each typed form as a concept of its own, matched literally', () => {
    const labels = analyzeQuery('docker-compose 和 docker compose 区别', v, lex).concepts.map((c) => c.label)
    expect(labels).toEqual(['docker-compose', 'docker compose', '区别'])
    // without a comparison, two phrases of one group are still one concept
    expect(analyzeQuery('docker-compose docker compose', v, lex).concepts).toHaveLength(1)
  })
  it('puts the section that says both forms first', () => {
    expect(searchSite(cm, 'docker-compose 和 docker compose 区别', v, lex)[0]?.id).toBe('/orchestration/compose#v1-v2')
  })
})

describe('a pasted error keeps its words in the shipped index (search21)', () => {
  // "no space left on device" is a phrase of the disk-space group; the index splits it into words,
  // and the rare ones (left, device: one section quotes the error) were pruned, so the query matched
  // the group's Chinese phrases (the cleanup page) but never the troubleshooting section that quotes it
  it('lists each Latin word of a multi-word group phrase as a lexicon word', () => {
    const { words } = buildLexicon([], [])
    for (const w of ['left', 'device']) expect(words).toContain(w)
  })
  it('so pruning keeps them and the section quoting the error leads', () => {
    const docs = [
      { id: '/help/troubleshooting#disk', title: '磁盘被 Docker 占满', titles: ['故障排查'], text: '症状：no space left on device。解决：docker system df。' },
      { id: '/commands/cleanup', title: '清理磁盘空间', titles: [], text: '磁盘空间不够时清理。' },
    ]
    const { lexicon, words } = buildLexicon([], [])
    const m = sectionIndex(createIndexTokenizer(words))
    m.addAll(docs)
    const shipped = MiniSearch.loadJS(pruneIndex(JSON.parse(JSON.stringify(m)), new Set(words)).json as any, { fields: INDEX_FIELDS, storeFields: ['title', 'titles'], tokenize: createIndexTokenizer(words), extractField })
    expect(searchSite(shipped, 'no space left on device', vocabularyOf(shipped), lexicon)[0]?.id).toBe('/help/troubleshooting#disk')
  })
})

describe('"X 和 Y 是什么关系" compares X and Y (search21)', () => {
  // as a definition with 关系 as a third concept, it led with any heading that says 关系
  // ("Docker 和 Kubernetes 是什么关系") instead of the sections about images and containers
  const v = createVocabulary([['镜像', 1], ['容器', 1], ['关系', 1]])
  it('is a comparison of the two, not a definition, and 关系 is no concept', () => {
    const a = analyzeQuery('镜像和容器是什么关系', v, lexicon)
    expect(a.concepts.map((c) => c.label)).toEqual(['镜像', '容器'])
    expect(a.define).toBe(false)
    expect(a.compare).toBe(true)
    expect(analyzeQuery('容器和镜像的关系', v, lexicon).compare).toBe(true)
  })
  it('keeps 关系 when it is not about two things', () => {
    expect(analyzeQuery('镜像的关系', v, lexicon).concepts.map((c) => c.label)).toEqual(['镜像', '关系'])
  })
})

describe('"X 是干嘛的" asks what X is, unless X is Docker itself (search, 2026-12-03)', () => {
  // "docker compose 是干嘛的" led with the /cli/compose entries: 干嘛的 (the purpose group of
  // synonyms.ts) was a second concept that no section shares with Compose, so every result covered
  // half the query and the headings that name Compose won; "docker 到底是干嘛的" read 到底 as a topic
  const docs = [
    { id: '/storage/volumes#top', title: '数据卷：持久化容器数据', titles: [], text: '数据卷由 Docker 管理，删除容器后数据卷还在。' },
    { id: '/guide/why#top', title: '为什么需要 Docker', titles: [], text: 'Docker 的用途和好处：一次构建，到处运行。' },
    { id: '/guide/concepts#top', title: '容器到底是什么', titles: [], text: '容器是一个进程。' },
  ]
  const vm = sectionIndex(createIndexTokenizer(['数据卷', '用途', '好处', 'docker', '容器']))
  vm.addAll(docs)
  const lex = buildLexicon([{ zh: '数据卷', en: 'volume', aliases: [] }], [], [{ path: '/guide/why', title: '为什么需要 Docker' }]).lexicon
  const read = (q: string) => { const a = analyzeQuery(q, vocabularyOf(vm), lex); return { define: a.define, labels: a.concepts.map((c) => c.label) } }
  it('reads the purpose of anything but Docker as a definition question about it', () => {
    expect(read('数据卷是干嘛的')).toEqual({ define: true, labels: ['数据卷'] })
    expect(read('数据卷是干什么用的')).toEqual({ define: true, labels: ['数据卷'] })
    expect(read('数据卷有什么用')).toEqual({ define: true, labels: ['数据卷'] })
  })
  it('keeps the purpose when the query is about Docker itself, and drops 到底', () => {
    expect(read('docker 到底是干嘛的')).toEqual({ define: false, labels: ['docker', '干嘛的'] })
    expect(read('学docker有啥好处').define).toBe(false)
  })
})

describe('"X not working" is a complaint about X (search, 2026-12-03)', () => {
  const docs = [
    { id: '/en/network/port-mapping#top', title: 'Port mapping', titles: [], text: 'Publish a container port on the host.' },
    { id: '/en/build/instructions#workdir', title: 'WORKDIR: the working directory', titles: [], text: 'The directory the work happens in.' },
    { id: '/en/help/when-not-to-use#top', title: 'When not to use Docker', titles: [], text: 'Cases where Docker does not help.' },
  ]
  const em = sectionIndex(createIndexTokenizer([]))
  em.addAll(docs)
  const labels = (q: string) => analyzeQuery(q, vocabularyOf(em), { synonyms: [] }).concepts.map((c) => c.label)
  it('drops the complaint, keeps what it is about', () => {
    expect(labels('port mapping not working')).not.toContain('working')
    expect(labels('port mapping not working')).not.toContain('not')
    expect(labels("port mapping doesn't work")).not.toContain('work')
  })
  it('keeps not when it is no complaint, and keeps the complaint when nothing else is left', () => {
    expect(labels('when should I not use docker')).toContain('not')
    expect(labels('not working').length).toBeGreaterThan(0)
  })
})

it('the memory-limit group does not read -m as a memory flag (python -m on the pages; search, 2026-12-03)', async () => {
  const { SYNONYMS } = await import('../../core/search/synonyms')
  const memory = SYNONYMS.find((g) => g.includes('限制内存'))
  expect(memory).toBeDefined()
  expect(memory).toContain('--memory')
  expect(memory).not.toContain('-m')
})

describe('combined short flags and one-dash long flags, as Docker\'s CLI reads them (search24)', () => {
  const v = createVocabulary([['-i', 3], ['-t', 3], ['-d', 3], ['-it', 4], ['--rm', 3], ['-m', 2], ['交互式终端', 2]])
  const lx = { synonyms: [['交互式', '-i', '-t', '-it']] }
  const alts = (q: string) => analyzeQuery(q, v, lx).concepts.map((c) => c.alternatives.map((a) => a.join('+')))
  it('reads -it as -i and -t too, as typed, and -itd as -i, -t and -d', () => {
    const it_ = analyzeQuery('-it 参数', v, lx).concepts[0]
    expect(it_.alternatives.map((a) => a.join('+'))).toContain('-i+-t')
    expect(it_.typed).toEqual(expect.arrayContaining(['-i', '-t']))
    expect(alts('-itd')).toEqual([['-itd', '-i+-t+-d']])
  })
  it('reads -rm as --rm (pflag would reject -r -m), and leaves known or unknown letters alone', () => {
    expect(analyzeQuery('docker run -rm', v, lx).concepts.map((c) => c.label)).toContain('--rm')
    expect(alts('-xy')).toEqual([['-xy']])
    expect(alts('-m')).toEqual([['-m']])
  })
})

describe('a command line followed by a problem in words (search25)', () => {
  const docs = [
    { id: '/cli/container#docker-logs', title: 'docker logs', titles: ['容器命令'], text: '查看容器日志，也就是容器的输出。-f 持续跟随输出，--tail 只看最后几行，-t 显示时间戳。docker logs -f web' },
    { id: '/commands/logs#buffering', title: '日志里什么都没有：输出被缓冲了', titles: ['docker logs：查看容器日志'], text: '程序在打印，docker logs -f 却什么都看不到：Python 的输出被缓冲了，设置 PYTHONUNBUFFERED=1。' },
    { id: '/commands/logs#follow', title: '-f：持续跟随输出', titles: ['docker logs：查看容器日志'], text: 'docker logs -f 持续输出新的日志，什么时候按 Ctrl+C 都可以。' },
    { id: '/commands/logs#tail', title: '只看最后几行', titles: ['docker logs：查看容器日志'], text: 'docker logs --tail 20 只看最后 20 行输出。' },
  ]
  const tm = sectionIndex(createIndexTokenizer(['缓冲', '输出']))
  tm.addAll(docs)
  const lex = { synonyms: [] }
  const ids = (q: string) => searchSite(tm, q, vocabularyOf(tm), lex).map((r) => r.id)
  it('reads the words after the flags and arguments as the problem, and plain arguments as none', () => {
    expect(problemWords('-f 什么都没输出')).toBe('什么都没输出')
    expect(problemWords('-p 8080:80 nginx 浏览器打不开')).toBe('浏览器打不开')
    expect(problemWords('-f shows nothing')).toBe('shows nothing')
    expect(problemWords('-d --name web nginx')).toBeUndefined()
    expect(problemWords('-p 8080:80 nginx')).toBeUndefined()
  })
  it('puts the section about the problem first, the command entry second; a bare command line keeps its entry first', () => {
    expect(ids('docker logs -f 什么都没输出').slice(0, 2)).toEqual(['/commands/logs#buffering', '/cli/container#docker-logs'])
    expect(ids('docker logs --tail 20')[0]).toBe('/cli/container#docker-logs')
  })
})

describe('complaints: one table for Chinese and English (search25)', () => {
  const labels = (words: string[], text: string) => { const cs = words.map((label) => ({ label })); dropComplaints(cs, text); return cs.map((c) => c.label) }
  it('drops what is left of a complaint when the query says anything else, never everything', () => {
    expect(labels(['端口', '映射', '不了'], '端口映射用不了')).toEqual(['端口', '映射'])
    expect(labels(['不行'], '不行')).toEqual(['不行'])
    expect(labels(['port', 'mapping', 'not', 'working'], 'port mapping not working')).toEqual(['port', 'mapping'])
  })
  it('drops the English words only with the phrase', () => {
    expect(labels(['should', 'not', 'use', 'docker'], 'when should i not use docker')).toEqual(['should', 'not', 'use', 'docker'])
    expect(COMPLAINTS.filter((c) => !c.phrase)).toHaveLength(1)
  })
})

describe('which-one and not-the-same questions are comparisons (search25)', () => {
  const v = createVocabulary([['数据卷', 3], ['绑定挂载', 3], ['选', 2], ['用', 2], ['好', 2], ['哪', 1], ['端口', 3], ['容器', 5], ['重启', 3], ['volume', 3], ['bind', 2], ['mount', 2], ['should', 1], ['use', 2], ['copy', 2], ['add', 2]])
  const lx = { synonyms: [] }
  const ask = (q: string) => { const a = analyzeQuery(q, v, lx); return { compare: a.compare, labels: a.concepts.map((c) => c.label) } }
  it('reads 用哪个, 选哪个, 哪个好, 不一样, "X or Y" with two concepts as a comparison of the two', () => {
    expect(ask('数据卷和绑定挂载用哪个')).toEqual({ compare: true, labels: ['数据卷', '绑定挂载'] })
    expect(ask('数据卷和绑定挂载选哪个').compare).toBe(true)
    expect(ask('数据卷跟绑定挂载有啥不一样').compare).toBe(true)
    expect(ask('copy 跟 add 哪个好')).toEqual({ compare: true, labels: ['copy', 'add'] })
    expect(ask('should I use a volume or a bind mount').labels).toEqual(['volume', 'bind', 'mount'])
  })
  it('leaves one concept, and plain 还是, alone', () => {
    expect(ask('容器用的是哪个端口').compare).toBe(false)
    expect(ask('容器用哪个端口').compare).toBe(false)
    expect(ask('重启了还是不行').compare).toBe(false)
  })
})

describe('a heading that sets the compared things against each other leads (session 25)', () => {
  // the reader types English names, the heading says them in Chinese: "bind mount" as typed scores
  // highest in the text of sections that merely use the words, and the comparing word (有什么不同)
  // is not in the heading "绑定挂载还是数据卷", so RANKING.compare never applied
  const docs = [
    { id: '/storage/bind-mounts#mount', title: '--mount 写法', titles: ['绑定挂载'], text: '--mount type=bind,source=/data,target=/data 是 bind mount；type=volume 是 volume。bind mount 和 volume 的 --mount 写法不同：bind mount 要写绝对路径，volume 写卷名。' },
    { id: '/storage/bind-mounts#choose', title: '绑定挂载还是数据卷', titles: ['绑定挂载'], text: '开发时改源码用绑定挂载，数据库的数据用数据卷。' },
    { id: '/build/commit#save', title: '保存容器为镜像', titles: [], text: 'docker commit 把 container 的改动保存为新的 image：container 停止后 image 仍在，image 可以再启动新的 container。' },
    { id: '/help/faq#image-container', title: '镜像还是容器', titles: ['常见问题'], text: '镜像是只读模板，容器是镜像运行起来的实例。' },
    { id: '/cli/container#docker-ps', title: 'docker ps', titles: ['容器命令'], text: 'docker ps 列出 container：每个 container 的 image、状态和端口。container 来自哪个 image 一目了然，container 和 image 的名字不同。' },
  ]
  const cm = sectionIndex(createIndexTokenizer(['绑定挂载', '数据卷', '镜像', '容器', '不同', '区别']))
  cm.addAll(docs)
  const lex = buildLexicon([{ zh: '绑定挂载', en: 'bind mount' }, { zh: '数据卷', en: 'volume' }, { zh: '镜像', en: 'image' }, { zh: '容器', en: 'container' }], []).lexicon
  const v = vocabularyOf(cm)
  it('puts the section headed 绑定挂载还是数据卷 first for "volume 跟 bind mount 有什么不同"', () => {
    expect(searchSite(cm, 'volume 跟 bind mount 有什么不同', v, lex)[0]?.id).toBe('/storage/bind-mounts#choose')
  })
  it('leads with the heading 镜像还是容器 over sections that say container and image more often', () => {
    // the command entry and "保存容器为镜像" (which names both without setting them against each
    // other) say container and image more often than the FAQ headed 镜像还是容器, where the typed
    // English names are only synonyms of its words
    expect(searchSite(cm, 'container 和 image 有什么不同', v, lex)[0]?.id).toBe('/help/faq#image-container')
  })
})

describe('English comparisons: another form of a compared thing, "between", and the clause that compares (search26)', () => {
  // the site's English index holds the reduced forms of a heading's words among its hidden keywords
  // (.vitepress/config/search.ts englishFormsOf); the documents below carry them the same way
  const docs = [
    { id: '/en/help/faq#image-container', title: 'How images and containers differ', titles: ['FAQ'], text: 'An image is a read-only template; a container runs it.\u001fimag contain' },
    { id: '/en/build/commit', title: 'Save a container as an image: docker commit vs a Dockerfile', titles: [], text: 'docker commit saves the container as a new image; a new container starts from the image; image, container, image, container.\u001fsave contain imag commit dockerfil' },
    { id: '/en/storage/bind-mounts#choose', title: 'Bind mount or volume?', titles: ['Bind mounts'], text: 'Use a bind mount for source code and a volume for data.\u001fbind mount volum' },
    { id: '/en/storage/bind-mounts#syntax', title: 'The mount syntax', titles: ['Bind mounts'], text: 'Between type=bind and type=volume: a bind mount needs a path between slashes, a volume a name; bind mount, volume, bind mount, volume.' },
  ]
  const em = sectionIndex(createIndexTokenizer([]))
  em.addAll(docs)
  const v = vocabularyOf(em)
  const lex = buildLexicon([], []).lexicon
  const en = { englishForms: true }
  it('counts "image" and "container" as named in the heading "How images and containers differ"', () => {
    expect(headingForms('Images and containers')).toEqual(new Set(['imag', 'and', 'contain']))
    expect(searchSite(em, 'image vs container', v, lex, en)[0]?.id).toBe('/en/help/faq#image-container')
  })
  it('does not read a heading whose comparison is about other things as comparing them', () => {
    // "Save a container as an image: docker commit vs a Dockerfile" compares commit and Dockerfile
    expect(searchSite(em, 'difference between image and container', v, lex, en)[0]?.id).toBe('/en/help/faq#image-container')
  })
  it('drops "between" from a comparison, not from other questions', () => {
    expect(analyzeQuery('difference between bind mount and volume', v, lex, en).concepts.map((c) => c.label)).not.toContain('between')
    expect(analyzeQuery('bind mount between volume', v, lex, en).concepts.map((c) => c.label)).toContain('between')
    expect(searchSite(em, 'difference between bind mount and volume', v, lex, en)[0]?.id).toBe('/en/storage/bind-mounts#choose')
  })
})
