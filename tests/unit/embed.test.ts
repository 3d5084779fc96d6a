/** Embedding: URL parameters, the iframe code we hand out, and the inline head script. */
import { describe, expect, it } from 'vitest'
import MarkdownIt from 'markdown-it'
import { DEFAULT_HEIGHT, EMBED_HEAD_SCRIPT, embedSrc, iframeCode, parseEmbedParams } from '../../.vitepress/theme/embed'
import { cartridgeFiles, zipCartridge } from '../../core/cartridge'
import { checkCartridge } from '../../scripts/lib/cartridge-check'
import { zipSync, strToU8 } from 'fflate'
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
  it('builds the src with only the parameters given, and the #kb-embed fragment for CSS without JavaScript', () => {
    expect(embedSrc('https://docker-kb.github.io/', '/guide/why')).toBe('https://docker-kb.github.io/guide/why?embed=1#kb-embed')
    expect(embedSrc('https://docker-kb.github.io', '/v/2026.11/guide/why', { theme: 'dark', part: { kind: 'section', value: '镜像' } })).toBe(
      'https://docker-kb.github.io/v/2026.11/guide/why?embed=1&theme=dark&section=%E9%95%9C%E5%83%8F#kb-embed',
    )
  })
  it('never takes the #kb-embed fragment for a section', () => {
    expect(parseEmbedParams('?embed=1', '#kb-embed')).toEqual({ theme: 'auto' })
  })
  it('gives a titled, borderless iframe, the resize helper from the same origin, and a plain link after them', () => {
    const code = iframeCode('https://docker-kb.github.io/guide/why?embed=1&term=a#kb-embed', 'Docker 知识库："引号" & <b>')
    const lines = code.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain('<iframe src="https://docker-kb.github.io/guide/why?embed=1&amp;term=a#kb-embed" title="Docker 知识库：&quot;引号&quot; &amp; &lt;b&gt;"')
    expect(lines[0]).toContain(`height="${DEFAULT_HEIGHT.page}"`)
    expect(lines[1]).toBe('<script async src="https://docker-kb.github.io/embed.js"></script>')
    // for hosts that strip iframes: the page itself (with the part's anchor), text escaped
    expect(lines[2]).toBe('<p><a href="https://docker-kb.github.io/guide/why#a" target="_blank" rel="noopener">Docker 知识库：&quot;引号&quot; &amp; &lt;b&gt;（在新窗口中阅读）</a></p>')
    expect(iframeCode('https://docker-kb.github.io/guide/why?embed=1', 't', DEFAULT_HEIGHT.part)).toContain(`height="${DEFAULT_HEIGHT.part}"`)
  })
})

/**
 * Runs the inline head script against a stand-in window. `storage: 'blocked'` makes reading
 * window.localStorage throw, as in a sandboxed frame without allow-same-origin.
 */
function runHead(search: string, opts: { storage?: 'ok' | 'blocked'; framed?: boolean } = {}) {
  const classes = new Set<string>()
  const saved = new Map<string, string>([['vitepress-theme-appearance', 'dark'], ['other', '1']])
  const real = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
    removeItem: (k: string) => void saved.delete(k),
    clear: () => saved.clear(),
    key: (i: number) => [...saved.keys()][i] ?? null,
    get length() { return saved.size },
  }
  const posted: unknown[] = []
  const listeners: Record<string, ((e: unknown) => void)[]> = {}
  class ResizeObserver { observe() {} }
  // what the script observes on <html> with a MutationObserver: call them to deliver a class change
  const onHtmlMutation: (() => void)[] = []
  class MutationObserver {
    constructor(private f: () => void) {}
    observe(target: unknown, o: { attributes?: boolean; attributeFilter?: string[] }) {
      if (target === document.documentElement && o.attributes && o.attributeFilter?.includes('class')) onHtmlMutation.push(this.f)
    }
  }
  const win: Record<string, unknown> = {
    addEventListener: (t: string, f: (e: unknown) => void) => (listeners[t] ??= []).push(f),
    ResizeObserver,
    MutationObserver,
  }
  const size = { height: 987.2 }
  const parent = opts.framed ? { postMessage: (m: unknown) => posted.push(m) } : win
  win.parent = parent
  for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(win, name, {
      configurable: true,
      get() {
        if (opts.storage === 'blocked') throw new Error("SecurityError: Failed to read the 'localStorage' property")
        return real
      },
    })
  }
  const document = {
    documentElement: { classList: { add: (c: string) => classes.add(c) }, scrollHeight: 1234, clientHeight: 150 },
    readyState: 'complete',
    body: {},
    querySelector: () => ({ getBoundingClientRect: () => ({ height: size.height }) }),
    addEventListener: () => {},
  }
  new Function('location', 'document', 'window', 'self', 'URLSearchParams', 'ResizeObserver', EMBED_HEAD_SCRIPT)(
    { search, pathname: '/guide/why', hash: '' }, document, win, { origin: 'http://127.0.0.1:1' }, URLSearchParams, ResizeObserver,
  )
  return { classes, storage: () => win.localStorage as Storage, session: () => win.sessionStorage as Storage, saved, posted, listeners, parent, size, onHtmlMutation }
}

describe('head script', () => {
  it('does nothing on normal pages', () => {
    const r = runHead('')
    expect(r.classes.size).toBe(0)
    expect(r.storage().getItem('vitepress-theme-appearance')).toBe('dark')
  })
  it('replaces storage that throws with an in-memory store, on every page', () => {
    const r = runHead('', { storage: 'blocked' })
    expect(() => r.storage().getItem('x')).not.toThrow()
    expect(r.storage().getItem('vitepress-theme-appearance')).toBeNull()
    r.storage().setItem('a', '1')
    expect(r.storage().getItem('a')).toBe('1')
    expect(r.session().getItem('a')).toBeNull()
  })
  it('marks embeds and serves the requested scheme without saving it', () => {
    const r = runHead('?embed=1&theme=light')
    expect([...r.classes]).toEqual(['kb-embed'])
    expect(r.storage().getItem('vitepress-theme-appearance')).toBe('light')
    r.storage().setItem('vitepress-theme-appearance', 'auto')
    expect(r.saved.get('vitepress-theme-appearance')).toBe('dark')
    expect(r.storage().getItem('vitepress-theme-appearance')).toBe('light')
    expect(r.storage().getItem('other')).toBe('1')
    expect(runHead('?embed=1').storage().getItem('vitepress-theme-appearance')).toBe('auto')
  })
  it('serves theme=dark even where storage is blocked', () => {
    const r = runHead('?embed=1&theme=dark', { storage: 'blocked' })
    expect(r.storage().getItem('vitepress-theme-appearance')).toBe('dark')
  })
  it('in a frame: posts the height in our format and as Canvas lti.frameResize, and says hello to H5P hosts', () => {
    const r = runHead('?embed=1&id=lesson', { framed: true })
    expect(r.posted).toContainEqual({ context: 'h5p', action: 'hello' })
    expect(r.posted).toContainEqual({ type: 'docker-kb:height', height: 988, id: 'lesson' })
    expect(r.posted).toContainEqual({ subject: 'lti.frameResize', height: 988 })
    expect(r.posted.some((m) => (m as { action?: string }).action === 'prepareResize')).toBe(false)
  })
  // an outside reviewer (session 20): an embed off screen at load kept the whole page's height,
  // because no ResizeObserver callback runs in an off-screen cross-origin frame in Chromium
  it('in a frame: posts the new height when <html> gets a class (kb-embed-ready), without waiting for a ResizeObserver', () => {
    const r = runHead('?embed=1', { framed: true })
    expect(r.onHtmlMutation.length).toBe(1)
    r.size.height = 300.4 // <EmbedView> isolated the part
    r.onHtmlMutation[0]()
    expect(r.posted.at(-2)).toEqual({ type: 'docker-kb:height', height: 301, id: '/guide/why?embed=1' })
    expect(r.posted.at(-1)).toEqual({ subject: 'lti.frameResize', height: 301 })
  })
  it('answers the H5P handshake from the parent only', () => {
    const r = runHead('?embed=1', { framed: true })
    const onMessage = r.listeners.message[0]
    onMessage({ source: {}, data: { context: 'h5p', action: 'hello' } }) // not the parent: ignored
    expect(r.posted.some((m) => (m as { action?: string }).action === 'prepareResize')).toBe(false)
    onMessage({ source: r.parent, data: { context: 'h5p', action: 'hello' } })
    expect(r.posted).toContainEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 988, clientHeight: 150 })
    onMessage({ source: r.parent, data: { context: 'h5p', action: 'resizePrepared' } })
    expect(r.posted.at(-1)).toEqual({ context: 'h5p', action: 'resize', scrollHeight: 988 })
    const n = r.posted.length
    onMessage({ source: r.parent, data: { context: 'other', action: 'hello' } })
    onMessage({ source: r.parent, data: 'lti.frameResize' })
    expect(r.posted.length).toBe(n)
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

describe('course package (IMS Common Cartridge 1.1)', () => {
  const sections = [
    { dir: 'guide', text: '入门', link: '/guide/', order: 1, items: [{ text: '为什么需要 Docker', link: '/guide/why', order: 1 }, { text: 'A & <B>', link: '/guide/a-b', order: 2 }] },
    { dir: 'network', text: '网络', link: '/network/', order: 2, items: [] },
  ]
  const files = cartridgeFiles({ title: 'Docker 知识库（最新版）', id: 'docker-kb-latest', origin: 'https://docker-kb.github.io', sections })

  it('is valid: one web link per page and section overview, grouped like the sidebar', () => {
    const r = checkCartridge(zipCartridge(files))
    expect(r.errors).toEqual([])
    expect(r.version).toBe('1.1.0')
    expect(r.title).toBe('Docker 知识库（最新版）')
    expect(r.sections).toEqual(['入门', '网络'])
    expect(r.links).toEqual([
      { section: '入门', title: '入门：概览', url: 'https://docker-kb.github.io/guide/' },
      { section: '入门', title: '为什么需要 Docker', url: 'https://docker-kb.github.io/guide/why' },
      { section: '入门', title: 'A & <B>', url: 'https://docker-kb.github.io/guide/a-b' },
      { section: '网络', title: '网络：概览', url: 'https://docker-kb.github.io/network/' },
    ])
  })
  it('is byte-for-byte reproducible', () => {
    expect(Buffer.from(zipCartridge(files)).equals(Buffer.from(zipCartridge(cartridgeFiles({ title: 'Docker 知识库（最新版）', id: 'docker-kb-latest', origin: 'https://docker-kb.github.io', sections }))))).toBe(true)
  })
  it('refuses to package nothing', () => {
    expect(() => cartridgeFiles({ title: 't', id: 'x', origin: 'https://a.b', sections: [] })).toThrow(/no sections/)
  })

  // the checker must catch what an importer would choke on
  const broken = (edit: (m: Map<string, string>) => void) => {
    const m = new Map(files)
    edit(m)
    return checkCartridge(zipCartridge(m)).errors
  }
  it('the checker rejects: not a zip, no manifest, malformed XML, wrong namespace, dangling references, missing files, relative URLs', () => {
    expect(checkCartridge(strToU8('not a zip')).errors[0]).toMatch(/not a zip/)
    expect(checkCartridge(zipSync({ 'a.xml': strToU8('<a/>') })).errors).toEqual(['no imsmanifest.xml at the root of the zip'])
    expect(broken((m) => m.set('imsmanifest.xml', m.get('imsmanifest.xml')!.replace('</manifest>', '')))[0]).toMatch(/not well-formed/)
    expect(broken((m) => m.set('imsmanifest.xml', m.get('imsmanifest.xml')!.replaceAll('imsccv1p1/imscp_v1p1', 'imscp_v1p1')))[0]).toMatch(/expected manifest/)
    expect(broken((m) => m.set('imsmanifest.xml', m.get('imsmanifest.xml')!.replace('identifierref="R2"', 'identifierref="R99"')))).toContain('item I2 refers to missing resource "R99"')
    expect(broken((m) => m.delete('weblinks/L3.xml'))).toContain('resource R3: file "weblinks/L3.xml" is not in the zip')
    expect(broken((m) => m.set('weblinks/L1.xml', m.get('weblinks/L1.xml')!.replace('https://docker-kb.github.io/guide/', '/guide/')))).toContain('weblinks/L1.xml: url "/guide/" is not absolute')
    expect(broken((m) => m.set('imsmanifest.xml', m.get('imsmanifest.xml')!.replace('<schemaversion>1.1.0', '<schemaversion>1.2.0')))[0]).toMatch(/schemaversion/)
    expect(broken((m) => m.set('imsmanifest.xml', m.get('imsmanifest.xml')!.replace('identifier="I3"', 'identifier="I2"')))).toContain('identifier "I2" is used 2 times')
  })
})
