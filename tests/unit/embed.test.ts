/** Embedding: URL parameters, the iframe code we hand out, and the inline head script. */
import { describe, expect, it } from 'vitest'
import MarkdownIt from 'markdown-it'
import { EMBED_HEAD_SCRIPT, embedSrc, iframeCode, parseEmbedParams } from '../../.vitepress/theme/embed'
import { embedLinesPlugin } from '../../.vitepress/plugins/embed-lines'

describe('embed parameters', () => {
  it('is off without embed=1', () => {
    expect(parseEmbedParams('')).toBeNull()
    expect(parseEmbedParams('?embed=0')).toBeNull()
  })
  it('reads theme, section (param or hash), term, snippet and id', () => {
    expect(parseEmbedParams('?embed=1')).toEqual({ theme: 'auto' })
    expect(parseEmbedParams('?embed=1&theme=dark&section=a')).toEqual({ theme: 'dark', section: 'a' })
    expect(parseEmbedParams('?embed=1&theme=purple', '#%E5%8D%B7')).toEqual({ theme: 'auto', section: '卷' })
    expect(parseEmbedParams('?embed=1&term=volume&id=x')).toEqual({ theme: 'auto', term: 'volume', id: 'x' })
    expect(parseEmbedParams('?embed=1&snippet=33')).toEqual({ theme: 'auto', snippet: 33 })
    expect(parseEmbedParams('?embed=1&snippet=abc')).toEqual({ theme: 'auto' })
  })
})

describe('iframe code', () => {
  it('builds the src with only the parameters given', () => {
    expect(embedSrc('https://docker-kb.github.io/', '/guide/why')).toBe('https://docker-kb.github.io/guide/why?embed=1')
    expect(embedSrc('https://docker-kb.github.io', '/v/2026.11/guide/why', { theme: 'dark', part: { kind: 'section', value: '镜像' } })).toBe(
      'https://docker-kb.github.io/v/2026.11/guide/why?embed=1&theme=dark&section=%E9%95%9C%E5%83%8F',
    )
  })
  it('gives a titled, borderless iframe and the resize helper from the same origin', () => {
    const code = iframeCode('https://docker-kb.github.io/guide/why?embed=1&term=a', 'Docker 知识库："引号" & <b>')
    expect(code).toContain('<iframe src="https://docker-kb.github.io/guide/why?embed=1&amp;term=a" title="Docker 知识库：&quot;引号&quot; &amp; &lt;b>"')
    expect(code).toContain('<script async src="https://docker-kb.github.io/embed.js"></script>')
  })
})

describe('head script', () => {
  function run(search: string) {
    const classes = new Set<string>()
    const saved = new Map<string, string>([['vitepress-theme-appearance', 'dark'], ['other', '1']])
    class Storage {
      getItem(k: string) { return saved.get(k) ?? null }
      setItem(k: string, v: string) { saved.set(k, v) }
    }
    const localStorage = new Storage()
    const window = { localStorage }
    const document = { documentElement: { classList: { add: (c: string) => classes.add(c) } } }
    new Function('location', 'document', 'window', 'Storage', 'URLSearchParams', EMBED_HEAD_SCRIPT)({ search }, document, window, Storage, URLSearchParams)
    return { classes, localStorage, saved }
  }
  it('does nothing on normal pages', () => {
    const r = run('')
    expect(r.classes.size).toBe(0)
    expect(r.localStorage.getItem('vitepress-theme-appearance')).toBe('dark')
  })
  it('marks embeds and serves the requested scheme without saving it', () => {
    const r = run('?embed=1&theme=light')
    expect([...r.classes]).toEqual(['kb-embed'])
    expect(r.localStorage.getItem('vitepress-theme-appearance')).toBe('light')
    r.localStorage.setItem('vitepress-theme-appearance', 'auto')
    expect(r.saved.get('vitepress-theme-appearance')).toBe('dark')
    expect(r.localStorage.getItem('vitepress-theme-appearance')).toBe('light')
    expect(r.localStorage.getItem('other')).toBe('1')
    expect(run('?embed=1').localStorage.getItem('vitepress-theme-appearance')).toBe('auto')
  })
})

describe('code block lines', () => {
  it('marks each rendered block with the line of its opening fence', () => {
    const md = new MarkdownIt()
    md.renderer.rules.fence = ((orig) => (...a: Parameters<NonNullable<typeof orig>>) => `<div class="language-x">${orig!(...a)}</div>`)(md.renderer.rules.fence)
    md.use(embedLinesPlugin)
    const html = md.render('text\n\n```sh\nls\n```\n')
    expect(html).toContain('<div data-embed-line="3" class="language-x">')
  })
})

describe('code block lines in a page with frontmatter', () => {
  it('counts lines in the file, as VitePress renders the body only', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-embed-')), 'p.md')
    const src = '---\ntitle: x\n---\n\n# x\n\n```yaml\na: 1\n```\n'
    fs.writeFileSync(file, src)
    const md = new MarkdownIt()
    md.renderer.rules.fence = ((orig) => (...a: Parameters<NonNullable<typeof orig>>) => `<div class="language-x">${orig!(...a)}</div>`)(md.renderer.rules.fence)
    md.use(embedLinesPlugin)
    const body = src.slice(src.indexOf('---\n', 4) + 4)
    expect(md.render(body, { path: file, content: body })).toContain('data-embed-line="7"')
  })
})
