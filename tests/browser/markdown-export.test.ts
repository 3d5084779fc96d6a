/**
 * Markdown for tools and AI assistants, over the built site (.vitepress/plugins/llms.ts): every
 * page of the sitemap has its .md, no .md keeps site-only syntax, every link in them resolves to a
 * file (and anchor) of the build, llms.txt is small and well-formed, llms-full.txt holds the
 * current Chinese pages in sidebar order, the server's content types, and the "复制 Markdown" page
 * action copies exactly the .md text.
 */
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR, resolveFile } from '../../scripts/lib/static-server'
import { pdfSitePath, pdfTargets } from '../../core/pdf-targets'
import { SITE } from '../../.vitepress/config/site'
import { LLMS_TXT_LIMIT, sidebarOrder } from '../../.vitepress/plugins/llms'
import { routeOf } from '../../core/version-paths'
import { baseUrl, session, type Session } from './helpers'

const DIST = path.resolve(DIST_DIR)
const pdfFiles = new Set(pdfTargets(SITE.title).map(pdfSitePath))
const read = (rel: string) => fs.readFileSync(path.join(DIST, rel), 'utf8')
/** `base` of the build, from the home page's <link rel="alternate" type="text/markdown"> */
const BASE = (() => {
  const m = /<link rel="alternate" type="text\/markdown" href="([^"]*)index\.md"/.exec(read('index.html'))
  if (!m) throw new Error('index.html has no <link rel="alternate" type="text/markdown" href=".../index.md">')
  return m[1]
})()
const SITE_ROOT = SITE.url + BASE

function walk(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? walk(p, ext) : e.name.endsWith(ext) ? [path.relative(DIST, p).split(path.sep).join('/')] : []
  })
}
const mdFiles = walk(DIST, '.md')
const md = new MarkdownIt({ html: true })

/** Text and HTML outside code, the info string of every fence, and every link/image target. */
function scan(text: string): { prose: string; html: string[]; links: string[]; fences: string[] } {
  const prose: string[] = []
  const html: string[] = []
  const links: string[] = []
  const fences: string[] = []
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'fence') fences.push(t.info)
      if (t.type === 'text') prose.push(t.content)
      if (t.type === 'html_block' || t.type === 'html_inline') html.push(t.content)
      if (t.type === 'link_open') links.push(t.attrGet('href') ?? '')
      if (t.type === 'image') links.push(t.attrGet('src') ?? '')
      if (t.children) visit(t.children)
    }
  }
  visit(md.parse(text, {}))
  return { prose: prose.join('\n'), html, links, fences }
}

describe('the .md copies in the build', () => {
  it('exist for every page of the sitemap', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs.length).toBeGreaterThan(50)
    const missing = locs
      .map((loc) => {
        const p = decodeURIComponent(new URL(loc).pathname).slice(BASE.length)
        return p === '' || p.endsWith('/') ? `${p}index.md` : `${p}.md`
      })
      .filter((rel) => !fs.existsSync(path.join(DIST, rel)))
    expect(missing).toEqual([])
    expect(mdFiles.length).toBeGreaterThanOrEqual(locs.length)
  })

  it('keep no frontmatter, glossary references, comments, Vue components or fence attributes', () => {
    const problems: string[] = []
    for (const rel of mdFiles) {
      const text = read(rel)
      const { prose, html, fences } = scan(text)
      if (!text.startsWith('# ')) problems.push(`${rel}: does not start with "# title"`)
      if (/^---\r?\n/.test(text)) problems.push(`${rel}: frontmatter`)
      if (prose.includes('[[')) problems.push(`${rel}: glossary reference "[[" left in the text`)
      if (prose.includes('{{')) problems.push(`${rel}: Vue interpolation left in the text`)
      if (/^\s*:::/m.test(prose)) problems.push(`${rel}: ::: container line`)
      for (const h of html) {
        if (h.includes('<!--')) problems.push(`${rel}: HTML comment ${h.trim().slice(0, 60)}`)
        if (/<\/?[A-Z]/.test(h)) problems.push(`${rel}: Vue component ${h.trim().slice(0, 60)}`)
        if (/<script\b/i.test(h)) problems.push(`${rel}: script block`)
      }
      // a plain language name only (the snippet words, [title] and {1,3} are gone)
      for (const info of fences) if (!/^[\w+#.-]*$/.test(info.trim())) problems.push(`${rel}: fence info "${info.trim()}"`)
    }
    expect(problems).toEqual([])
  })

  it('link only to files and anchors that exist in the build', () => {
    const broken: string[] = []
    const ids = new Map<string, Set<string>>()
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...fs.readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])))
      return ids.get(file)!
    }
    let checked = 0
    for (const rel of mdFiles) {
      for (const href of scan(read(rel)).links) {
        if (!href.startsWith(SITE_ROOT)) {
          if (!/^(https?:|mailto:)/.test(href)) broken.push(`${rel}: not absolute: ${href}`)
          continue
        }
        checked++
        const u = new URL(href)
        const sitePath = '/' + decodeURIComponent(u.pathname).slice(BASE.length)
        const file = resolveFile(DIST, sitePath)
        // PDF books are written after the build by `npm run pdf`: a link to one the generator
        // writes is accepted, as in scripts/check-links.ts; a misspelt one is not
        if (!file && pdfFiles.has(sitePath)) continue
        if (!file) broken.push(`${rel}: ${href} (no such file)`)
        else if (u.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(u.hash.slice(1)))) broken.push(`${rel}: ${href} (no such anchor)`)
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})

describe('llms.txt and llms-full.txt', () => {
  it(`llms.txt is under ${LLMS_TXT_LIMIT} bytes, well-formed, and every entry is a .md of the build`, () => {
    const text = read('llms.txt')
    expect(Buffer.byteLength(text)).toBeLessThan(LLMS_TXT_LIMIT)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^# \S/)
    expect(lines[2]).toMatch(/^> \S/)
    expect(lines.filter((l) => /^#\s/.test(l))).toHaveLength(1)
    const entries = lines.filter((l) => l.startsWith('- '))
    for (const l of entries) {
      const m = /^- \[[^\]]+\]\(([^)\s]+)\)(?:: \S.*)?$/.exec(l)
      expect(m, l).not.toBeNull()
      expect(m![1].startsWith(SITE_ROOT), l).toBe(true)
      expect(resolveFile(DIST, '/' + decodeURIComponent(new URL(m![1]).pathname).slice(BASE.length)), l).toBeTruthy()
    }
    // every page of the current Chinese docs is listed
    for (const p of sidebarOrder(path.resolve('docs'))) expect(text).toContain(`(${SITE_ROOT}${p.relativePath})`)
  })

  it('llms-full.txt holds every current Chinese page, in sidebar order, and nothing else', () => {
    const urls = [...read('llms-full.txt').matchAll(/^> 网页版：<([^>]+)>$/gm)].map((m) => m[1])
    expect(urls).toEqual(sidebarOrder(path.resolve('docs')).map((p) => SITE_ROOT + routeOf(p.relativePath)))
  })
})

describe('serving and the page action', () => {
  let s: Session
  beforeAll(async () => {
    s = await session()
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  })
  afterAll(async () => s?.close())

  it('the server sends .md as text/markdown and .txt as text/plain, UTF-8', async () => {
    const mdRes = await fetch(`${baseUrl()}/network/port-mapping.md`)
    expect(mdRes.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(await mdRes.text()).toBe(read('network/port-mapping.md'))
    const txt = await fetch(`${baseUrl()}/llms.txt`)
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  })

  it('"复制 Markdown" copies exactly the page\'s .md; "查看 Markdown" links to it', async () => {
    for (const route of ['/network/port-mapping', '/guide/']) {
      const page = await s.open(route)
      const rel = route.endsWith('/') ? `${route.slice(1)}index.md` : `${route.slice(1)}.md`
      const view = page.getByRole('link', { name: '查看 Markdown' })
      expect(await view.getAttribute('href')).toBe(`/${rel}`)
      await page.getByRole('button', { name: '复制 Markdown' }).click()
      await page.getByRole('status').filter({ hasText: '已复制' }).waitFor({ timeout: 10_000 })
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(read(rel))
      await page.close()
    }
    expect(s.errors).toEqual([])
  })

  it('the page action is part of the server-rendered page and hidden in the embed view', async () => {
    expect(read('network/port-mapping.html')).toContain('class="kb-page-actions"')
    const page = await s.open('/network/port-mapping?embed=1')
    await page.locator('html.kb-embed-ready').waitFor({ state: 'attached', timeout: 10_000 })
    expect(await page.locator('.kb-page-actions').isVisible()).toBe(false)
    await page.close()
  })
})
