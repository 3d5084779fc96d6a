/** Versioned docs: paths across releases, freezing pages, cutting a release into a temp docs tree. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { counterpartUrl, releaseNav, routeOf, splitVersion, versionFactsText, versionNameProblem, versionUrl } from '../../core/version-paths'
import { releaseNavs } from '../../.vitepress/config/sidebar'
import { readRegistry, versionPageData, versionsClientData } from '../../core/versions'
import { cutVersion, freezeFences, freezePage, frozenFrontmatter, rewriteLinks, rewriteScriptImports, updateChangelog, versionedTarget } from '../../scripts/lib/versions'
import { readFrontmatter, validateFrontmatter } from '../../core/frontmatter'
import { parseFenceInfo } from '../../core/snippet-syntax'
import { fenceHash } from '../../core/fence-id'
import { readSections } from '../../core/sections'
import { versionSidebars } from '../../.vitepress/config/sidebar'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-versions-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const FENCE = '```'

describe('version paths', () => {
  it('splits a page path into release and path inside it', () => {
    expect(splitVersion('v/2026.11/guide/why.md')).toEqual({ version: '2026.11', rel: 'guide/why.md' })
    expect(splitVersion('guide/why.md')).toEqual({ version: null, rel: 'guide/why.md' })
  })
  it('turns files into routes and URLs', () => {
    expect(routeOf('guide/why.md')).toBe('guide/why')
    expect(routeOf('guide/index.md')).toBe('guide/')
    expect(routeOf('index.md')).toBe('')
    expect(versionUrl('guide/why', '2026.11')).toBe('/v/2026.11/guide/why')
    expect(versionUrl('', null)).toBe('/')
  })
  it('finds the same page in another release, else that release home', () => {
    expect(counterpartUrl('guide/why.md', '2026.11', ['guide/why', ''])).toEqual({ url: '/v/2026.11/guide/why', exists: true })
    expect(counterpartUrl('v/2026.11/guide/gone.md', null, ['guide/why'])).toEqual({ url: '/', exists: false })
    expect(counterpartUrl('v/2026.11/index.md', null, [''])).toEqual({ url: '/', exists: true })
  })
  it('accepts release names that are safe in URLs and folders', () => {
    for (const ok of ['2026.11', '2026.11.1', '2027.01-rc1']) expect(versionNameProblem(ok)).toBeNull()
    for (const bad of ['', 'latest', '../x', '2026/11', '2026 11', '.2026']) expect(versionNameProblem(bad)).toBeTruthy()
  })
})

describe("a frozen release's top nav", () => {
  it('points every link the release has into the release, activeMatch included; keeps the rest', () => {
    const nav = [
      { text: '入门', link: '/guide/', activeMatch: '^/guide/' },
      { text: '原理', items: [{ text: '命名空间', link: '/internals/namespaces#pid' }, { text: '新章节', link: '/new/' }] },
      { text: 'GitHub', link: 'https://example.com/' },
      { text: 'English', link: '/en/guide/' },
    ]
    const has = (r: string) => ['guide/', 'internals/namespaces', 'en/guide/'].includes(r)
    expect(releaseNav(nav, '2026.11', has)).toEqual([
      { text: '入门', link: '/v/2026.11/guide/', activeMatch: '^/v/2026.11/guide/' },
      { text: '原理', items: [{ text: '命名空间', link: '/v/2026.11/internals/namespaces#pid' }, { text: '新章节', link: '/new/' }] },
      { text: 'GitHub', link: 'https://example.com/' },
      { text: 'English', link: '/v/2026.11/en/guide/' },
    ])
    expect(nav[0].link).toBe('/guide/') // the latest nav is not changed
  })
  it("is built for the release in docs/v/ from the site's nav: every link of the latest nav moves into it", () => {
    const navs = releaseNavs(path.join(process.cwd(), 'docs'), [{ text: '入门', link: '/guide/' }, { text: '术语表', link: '/glossary/' }], [])
    expect(navs['2026.11']).toEqual([{ text: '入门', link: '/v/2026.11/guide/' }, { text: '术语表', link: '/v/2026.11/glossary/' }])
    expect(navs['2026.11/en']).toBeUndefined() // 2026.11 has no English edition
  })
})

describe('freezing a page', () => {
  const routes = new Set(['', 'guide/', 'guide/why', 'storage/volumes'])
  it('rewrites links to pages of the release, keeping anchors and formatting', () => {
    const src = [
      '---',
      'title: T',
      'hero:',
      '  actions:',
      '    - link: /guide/',
      '---',
      '见[为什么](/guide/why)和[数据卷](/storage/volumes#备份 "标题")，[首页](/)，[其他](/en/)，[API](/api/glossary.json)。',
      '[ref]: /guide/why',
      '<a href="/storage/volumes">卷</a> 与 `[code](/guide/why)`',
      '',
      `${FENCE}md`,
      '[in code](/guide/why)',
      FENCE,
      '',
      '    [indented code](/guide/why)',
    ].join('\n')
    const { text, count } = rewriteLinks(src, '2026.11', routes)
    expect(count).toBe(6)
    expect(text).toContain('    - link: /v/2026.11/guide/')
    expect(text).toContain('[为什么](/v/2026.11/guide/why)')
    expect(text).toContain('[数据卷](/v/2026.11/storage/volumes#备份 "标题")')
    expect(text).toContain('[首页](/v/2026.11/)')
    expect(text).toContain('[其他](/en/)')
    expect(text).toContain('[API](/api/glossary.json)')
    expect(text).toContain('[ref]: /v/2026.11/guide/why')
    expect(text).toContain('<a href="/v/2026.11/storage/volumes">')
    expect(text).toContain('`[code](/guide/why)`')
    expect(text).toContain('\n[in code](/guide/why)\n')
    expect(text).toContain('    [indented code](/guide/why)')
  })
  it('maps only links that reach a page of the release', () => {
    expect(versionedTarget('/guide', '1', routes)).toBe('/v/1/guide')
    expect(versionedTarget('/guide/why.md#a', '1', routes)).toBe('/v/1/guide/why.md#a')
    expect(versionedTarget('//cdn.example/x', '1', routes)).toBeNull()
    expect(versionedTarget('/v/2025.01/guide/why', '1', routes)).toBeNull()
  })
  it('turns run fences into shown-only ones that say what was verified, on the same lines', () => {
    const src = ['---', 'title: T', '---', '', `${FENCE}console run [终端] {1}`, '$ docker ps', FENCE, '', `${FENCE}sh run exit=1 timeout=5`, 'false', FENCE, '', `${FENCE}yaml file=compose.yaml`, 'a: 1', FENCE].join('\n')
    const status = { engine: '28.2.2', compose: '2.30.0', date: '2026-11-20', pages: {} }
    const r = freezeFences(src, { name: '2026.11', date: '2026-11-23', status }, (line) => (line === 5 ? 'passed' : 'failed'))
    const lines = r.text.split('\n')
    expect(lines.length).toBe(src.split('\n').length)
    expect(r).toMatchObject({ runnable: 2, passed: 1 })
    const first = parseFenceInfo(lines[4].slice(3), { file: 'x', line: 5 })
    expect(first.kind).toBe('norun')
    expect(first.reason).toBe('冻结版本 2026.11：2026-11-20 在 Docker Engine 28.2.2、Compose 2.30.0 上验证通过，此后不再运行')
    expect(first.passthrough).toBe('[终端] {1}')
    const second = parseFenceInfo(lines[8].slice(3), { file: 'x', line: 9 })
    expect(second.kind).toBe('norun')
    expect(second.reason).toContain('没有它的验证通过记录')
    expect(lines[12]).toBe(`${FENCE}yaml file=compose.yaml`)
  })
  it('adds search: false, editLink: false and a title template, and keeps the rest valid', () => {
    const src = '---\ntitle: 标题\ndescription: 一段足够长的页面描述文字。\nsources: []\norder: 2\nsearch: true\n---\n\n# 标题\n'
    const out = frozenFrontmatter(src, '2026.11')
    const fm = readFrontmatter(out, 'x.md')
    expect(fm.data).toMatchObject({ title: '标题', order: 2, search: false, editLink: false, titleTemplate: ':title | Docker 知识库 2026.11 版' })
    expect(() => validateFrontmatter(fm, 'x.md')).not.toThrow()
    expect(out.endsWith('\n# 标题\n')).toBe(true)
  })
  it('re-points relative script imports at the same files', () => {
    const src = "<script setup>\nimport { data } from './glossary.data'\nconst x = import('../data/x')\n</script>\n"
    expect(rewriteScriptImports(src, 'glossary/index.md', 'v/2026.11/glossary/index.md')).toBe(
      "<script setup>\nimport { data } from '../../../glossary/glossary.data'\nconst x = import('../../../data/x')\n</script>\n",
    )
  })
  it('expands data markers before freezing what they generate', () => {
    const src = '---\ntitle: 命令\ndescription: 一段足够长的页面描述文字。\nsources: []\n---\n\n<!-- commands:demo -->\n'
    const expand = (s: string) => s.replace('<!-- commands:demo -->', `## docker ps\n\n${FENCE}sh run\ndocker ps\n${FENCE}\n\n[见](/guide/why)`)
    const r = freezePage(src, { name: '1', date: '2026-11-23', routes, status: { pages: {} }, statusKey: 'docs/cli/x.md', rel: 'cli/x.md', expand })
    expect(r.text).toContain('sh norun="冻结版本 1：')
    expect(r.text).toContain('[见](/v/1/guide/why)')
    expect(r.snippets).toEqual({ runnable: 1, passed: 0 })
  })
})

describe('changelog entries', () => {
  it('inserts a release after the marker, newest first, and replaces it on a re-cut', () => {
    const base = '# 更新记录\n\n<!-- releases -->\n'
    const one = updateChangelog(base, '2026.11', '<!-- version-cut 2026.11: x -->\nA\n<!-- /version-cut 2026.11 -->')
    const two = updateChangelog(one, '2026.12', '<!-- version-cut 2026.12: x -->\nB\n<!-- /version-cut 2026.12 -->')
    expect(two.indexOf('## 2026.12')).toBeLessThan(two.indexOf('## 2026.11'))
    const again = updateChangelog(two, '2026.11', '<!-- version-cut 2026.11: x -->\nA2\n<!-- /version-cut 2026.11 -->')
    expect(again).toContain('\nA2\n')
    expect(again).not.toContain('\nA\n')
    expect(again.match(/## 2026\.11/g)).toHaveLength(1)
  })
})

describe('cutting a release', () => {
  const docs = path.join(tmp, 'docs')
  const registry = path.join(tmp, 'versions.json')
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true })
    fs.writeFileSync(path.join(docs, rel), text)
  }
  const fm = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: 一段足够长的页面描述文字。\nsources: []\n${extra}---\n\n# ${title}\n`
  write('index.md', `---\nlayout: home\ntitle: 首页\ndescription: 一段足够长的页面描述文字。\nsources: []\nhero:\n  actions:\n    - text: 开始\n      link: /guide/\n---\n`)
  write('guide/index.md', fm('入门', 'order: 1\n'))
  write('guide/why.md', fm('为什么', 'order: 1\n') + `\n见[概念](/guide/concepts)。\n\n${FENCE}sh run\ndocker ps\n${FENCE}\n`)
  write('guide/concepts.md', fm('概念', 'order: 2\n') + '\n回到[为什么](./why)，或看 [English](/en/)。\n')
  write('guide/pic.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')
  write('about/index.md', fm('关于', 'order: 9\n'))
  write('about/changelog.md', fm('更新记录', 'order: 2\n') + '\n<!-- releases -->\n')
  write('en/index.md', fm('English'))
  write('en/guide/why.md', fm('Why', 'order: 1\ntranslation: { source: guide/why.md, hash: 0123456789ab }\n') + `\nSee [the home page](/en/).\n\n${FENCE}sh run\ndocker ps\n${FENCE}\n`)
  write('data/x.yaml', 'a: 1\n')
  write('.snippet-status.json', JSON.stringify({ engine: '20.10.24', compose: '1.29.2', date: '2026-11-22', mode: 'standins', pages: { 'docs/guide/why.md': { [fenceHash('sh run', 'docker ps\n')]: { line: 12, status: 'passed' } } } }))

  it('freezes every page of the latest docs into docs/v/<name> and registers it', () => {
    const r = cutVersion({ name: '2026.11', docsDir: docs, registryFile: registry, date: '2026-11-23', gitDir: tmp })
    expect(r).toMatchObject({ pages: 6, assets: 1, replaced: false, snippets: { runnable: 1, passed: 1 } })
    const out = path.join(docs, 'v/2026.11')
    // the English edition is frozen along (from the first cut after it existed), in English
    expect(r.entry.pagesEn).toBe(2)
    const enWhy = fs.readFileSync(path.join(out, 'en/guide/why.md'), 'utf8')
    expect(enWhy).toContain('[the home page](/v/2026.11/en/)')
    expect(enWhy).toContain('sh norun="Frozen release 2026.11: verified on 2026-11-22 on Docker Engine 20.10.24 and Compose 1.29.2 with offline stand-in images; no longer run"')
    expect(enWhy).toContain("titleTemplate: ':title | Docker Knowledge Base, release 2026.11'")
    expect(fs.readFileSync(path.join(out, 'guide/concepts.md'), 'utf8')).toContain('[English](/v/2026.11/en/)')
    expect(() => validateFrontmatter(readFrontmatter(enWhy, 'docs/v/2026.11/en/guide/why.md'), 'docs/v/2026.11/en/guide/why.md')).not.toThrow()
    expect(fs.existsSync(path.join(out, 'data'))).toBe(false)
    expect(fs.existsSync(path.join(out, 'guide/pic.svg'))).toBe(true)
    const why = fs.readFileSync(path.join(out, 'guide/why.md'), 'utf8')
    expect(why).toContain('[概念](/v/2026.11/guide/concepts)')
    expect(why).toContain('sh norun="冻结版本 2026.11：2026-11-22 在 Docker Engine 20.10.24、Compose 1.29.2 上用离线替身镜像验证通过，此后不再运行"')
    expect(fs.readFileSync(path.join(out, 'index.md'), 'utf8')).toContain('link: /v/2026.11/guide/')
    // every frozen page passes the frontmatter schema
    for (const rel of ['index.md', 'guide/index.md', 'guide/why.md', 'guide/concepts.md', 'about/changelog.md']) {
      const file = path.join(out, rel)
      expect(() => validateFrontmatter(readFrontmatter(fs.readFileSync(file, 'utf8'), rel), rel)).not.toThrow()
    }
    const reg = readRegistry(registry)
    expect(reg.latest).toBe('2026.11')
    expect(reg.versions[0]).toMatchObject({ name: '2026.11', date: '2026-11-23', pages: 6, engine: '20.10.24', compose: '1.29.2', verified: '2026-11-22', mode: 'standins' })
    // the changelog got the release's entry, and the frozen copy contains it too
    expect(fs.readFileSync(path.join(docs, 'about/changelog.md'), 'utf8')).toContain('## 2026.11')
    expect(fs.readFileSync(path.join(out, 'about/changelog.md'), 'utf8')).toContain('首个冻结版本：共 6 页')
  })

  it('refuses to overwrite a release unless forced', () => {
    expect(() => cutVersion({ name: '2026.11', docsDir: docs, registryFile: registry })).toThrow(/--force/)
    expect(() => cutVersion({ name: '../x', docsDir: docs, registryFile: registry })).toThrow(/release name/)
  })

  it('a second release lists what changed since the first', () => {
    write('guide/why.md', fs.readFileSync(path.join(docs, 'guide/why.md'), 'utf8') + '\n补充一段。\n')
    write('guide/new.md', fm('新页', 'order: 3\n'))
    write('en/guide/index.md', fm('Getting started', 'order: 1\n'))
    const r = cutVersion({ name: '2026.12', docsDir: docs, registryFile: registry, date: '2026-12-20', gitDir: tmp })
    expect(r.pages).toBe(7)
    const log = fs.readFileSync(path.join(docs, 'about/changelog.md'), 'utf8')
    expect(log).toContain('与 2026.11 相比：共 7 页，新增 1 页，修改 1 页，删除 0 页')
    expect(log).toContain('[新页](/v/2026.12/guide/new)')
    expect(log.indexOf('## 2026.12')).toBeLessThan(log.indexOf('## 2026.11'))
    expect(readRegistry(registry).versions.map((v) => v.name)).toEqual(['2026.12', '2026.11'])
    // a frozen release never includes other releases
    expect(fs.existsSync(path.join(docs, 'v/2026.12/v'))).toBe(false)
  })

  it('re-cutting with --force replaces the release in place', () => {
    const r = cutVersion({ name: '2026.11', docsDir: docs, registryFile: registry, date: '2026-11-23', force: true, gitDir: tmp })
    expect(r.replaced).toBe(true)
    expect(fs.existsSync(path.join(docs, 'v/2026.11/guide/new.md'))).toBe(true)
    expect(readRegistry(registry).versions).toHaveLength(2)
    expect(fs.readdirSync(path.join(docs, 'v')).filter((d) => d.startsWith('.'))).toEqual([])
  })

  it('gives the site routes per release, sidebars per release, and per-page facts', () => {
    const data = versionsClientData(docs, registry)
    expect(data.latest).toBe('2026.12')
    expect(data.versions.map((v) => v.name)).toEqual(['2026.12', '2026.11'])
    expect(data.versions[0].routes).toContain('guide/new')
    expect(data.latestRoutes).not.toContain('v/2026.11/guide/why')
    const sb = versionSidebars(docs)
    expect(Object.keys(sb)).toEqual(expect.arrayContaining(['/v/2026.11/guide/', '/v/2026.12/about/']))
    expect(readSections(path.join(docs, 'v/2026.11'), '/v/2026.11/')[0].items.map((i) => i.link)).toContain('/v/2026.11/guide/why')
    // the frozen English edition gets its own sidebar (its section index is in the fixture from 2026.12 on)
    expect(Object.keys(sb)).toContain('/v/2026.12/en/guide/')
    expect(Object.keys(sb).filter((k) => k.startsWith('/v/2026.12/en/')).every((k) => (sb[k] as { items?: { text?: string }[] }[])[0].items![0].text === 'Overview')).toBe(true)
    const opts = { registryFile: registry, statusFile: path.join(docs, '.snippet-status.json') }
    expect(versionPageData('v/2026.11/guide/why.md', opts)?.versionFacts).toMatchObject({ release: '2026.11', frozen: '2026-11-23', engine: '20.10.24' })
    expect(versionPageData('guide/why.md', opts)?.versionFacts).toMatchObject({ engine: '20.10.24', compose: '1.29.2', passed: 1, total: 1 })
    expect(versionPageData('guide/concepts.md', opts)).toBeUndefined()
    // English pages: a frozen one has its release's facts, a current one its own snippet results
    expect(versionPageData('v/2026.11/en/guide/why.md', opts)?.versionFacts).toMatchObject({ release: '2026.11', frozen: '2026-11-23' })
    const enStatus = path.join(tmp, 'status-en.json')
    fs.writeFileSync(enStatus, JSON.stringify({ engine: '28.5.2', compose: '2.40.3', date: '2026-12-02', pages: { 'docs/en/guide/why.md': { [fenceHash('sh run', 'docker ps\n')]: { line: 9, status: 'passed' } } } }))
    expect(versionPageData('en/guide/why.md', { ...opts, statusFile: enStatus })?.versionFacts).toMatchObject({ engine: '28.5.2', passed: 1, total: 1 })
    expect(versionPageData('en/guide/concepts.md', { ...opts, statusFile: enStatus })).toBeUndefined()
  })
})

describe('verification facts under a page', () => {
  const facts = { engine: '28.5.2', compose: '2.40.3', verified: '2026-11-30', total: 37, passed: 32, failed: 0, skipped: 0, norun: 5 }
  it('say how many blocks passed, failed and are not run, in both languages', () => {
    expect(versionFactsText(facts)).toBe('命令验证环境：Docker Engine 28.5.2、Docker Compose 2.40.3（2026-11-30）；本页 37 个命令代码块：32 个通过，0 个失败，5 个只展示、不运行。')
    expect(versionFactsText(facts, 'en')).toBe('Commands verified on Docker Engine 28.5.2 and Docker Compose 2.40.3 (2026-11-30); of the 37 command blocks on this page, 32 passed, 0 failed, 5 are shown only and not run.')
  })
  it('name the skipped ones apart from the failed one', () => {
    expect(versionFactsText({ ...facts, passed: 30, failed: 1, skipped: 1 })).toContain('本页 37 个命令代码块：30 个通过，1 个失败，1 个因前面失败未执行，5 个只展示、不运行。')
  })
})
