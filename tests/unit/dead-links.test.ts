/**
 * scripts/lib/dead-links.ts on its own, with a made-up site: which links are checked (VitePress's
 * rules), where they are (file lines), and the hint each dead one gets.
 */
import { describe, expect, it } from 'vitest'
import { deadLinks, linkRoute, markdownLinks } from '../../scripts/lib/dead-links'

const ROUTES = new Set(['index', 'guide/index', 'guide/why', 'guide/install', 'internals/cgroups', 'internals/layers', 'internals/namespaces', 'en/index', 'en/guide/why'])

describe('linkRoute: the route a link points at, as VitePress resolves it', () => {
  it('clean URLs, .md/.html, folders, anchors and queries, relative links', () => {
    expect([
      linkRoute('/guide/why', 'a/b.md'), linkRoute('/guide/why.md#x', 'a/b.md'), linkRoute('/guide/why.html?q=1', 'a/b.md'),
      linkRoute('/guide/', 'a/b.md'), linkRoute('/', 'a/b.md'), linkRoute('./install', 'guide/why.md'), linkRoute('../internals/cgroups.md', 'guide/why.md'),
      linkRoute('index.md', 'guide/why.md'), linkRoute('/guide/%E4%B8%AD', 'x.md'),
    ]).toEqual(['guide/why', 'guide/why', 'guide/why', 'guide/index', 'index', 'guide/install', 'internals/cgroups', 'guide/index', 'guide/中'])
  })
  it('not checked: external, protocols, anchors only, files', () => {
    expect(['https://x.org/a', '//cdn.x/a', 'mailto:a@b.c', '#top', '/downloads/book.pdf', '/logo.svg', ''].map((h) => linkRoute(h, 'a.md'))).toEqual([null, null, null, null, null, null, null])
  })
})

describe('markdownLinks: each link on its own file line', () => {
  it('paragraph lines, table cells, reference links; not code', () => {
    const body = 'a [x](/1)\nb [y](/2)\n\n| h |\n| - |\n| [z](/3) |\n\n`[no](/4)`\n\n```md\n[no](/5)\n```\n\n[r][ref]\n\n[ref]: /6\n'
    expect(markdownLinks(body, 10)).toEqual([
      { href: '/1', line: 10 }, { href: '/2', line: 11 }, { href: '/3', line: 15 }, { href: '/6', line: 23 },
    ])
  })
})

describe('deadLinks: file:line and a hint', () => {
  const dead = (body: string, page = 'guide/x.md') => deadLinks(body, 7, 'docs/' + page, page, ROUTES)
  it('a live page (all spellings) is fine', () => {
    expect(dead('[a](/guide/why) [b](./why.md#x) [c](/guide/) [d](/en/guide/why) [e](/)\n')).toEqual([])
  })
  it('a near miss: the nearest page of the same edition', () => {
    expect(dead('[a](/guide/wyh)\n')).toEqual(['docs/guide/x.md:7: dead link /guide/wyh: no page docs/guide/wyh.md or docs/guide/wyh/index.md; nearest existing page: /guide/why'])
    expect(dead('[a](/en/guide/whyy)\n', 'en/guide/x.md')).toEqual([expect.stringMatching(/; nearest existing page: \/en\/guide\/why$/)])
  })
  it('nothing near: the pages in that folder', () => {
    expect(dead('[a](/internals/storage-limits)\n')).toEqual([
      'docs/guide/x.md:7: dead link /internals/storage-limits: no page docs/internals/storage-limits.md or docs/internals/storage-limits/index.md; pages there: /internals/cgroups, /internals/layers, /internals/namespaces',
    ])
  })
  it('an English link whose Chinese page exists: the twin is what is missing', () => {
    expect(dead('[a](/en/guide/install)\n', 'en/guide/x.md')).toEqual([
      'docs/en/guide/x.md:7: dead link /en/guide/install: no page docs/en/guide/install.md or docs/en/guide/install/index.md; the Chinese page /guide/install exists, its English twin docs/en/guide/install.md does not yet',
    ])
  })
  it('a folder link names its index page', () => {
    expect(dead('[a](/storage/)\n')).toEqual(['docs/guide/x.md:7: dead link /storage/: no page docs/storage/index.md'])
  })
})
