/**
 * Embedding pages of this site in other sites with an <iframe> (documented on /about/embed).
 *
 *   /guide/why?embed=1                        the page, without nav, sidebar, outline and footer
 *   /guide/why?embed=1&section=<heading id>   one section: the heading and everything up to the next
 *   /guide/why?embed=1#<heading id>           heading of the same or a higher level (same thing)
 *   /glossary/?embed=1&term=volume            one glossary term card
 *   /guide/why?embed=1&snippet=33             one code block (line of its opening fence), with its copy button
 *   …&theme=light|dark|auto                   colours (default auto: follow the reader's system setting)
 *   …&id=<text>                               echoed in the height messages, for hosts that want it
 *
 * Why a query parameter and not generated /embed/… pages: it works on any static host with the
 * pages we already build (no second copy of every page, no extra build time), every URL of the
 * site — latest or /v/<release>/ — is embeddable as it is, and the canonical URL stays the same.
 * Flash of site chrome is avoided by a tiny inline script in <head> (EMBED_HEAD_SCRIPT) that runs
 * before anything is painted: it marks <html> with `kb-embed`, and serves the requested colour
 * scheme to VitePress's appearance code in place of the reader's saved preference, without saving
 * anything. With that class, styles.css hides the site chrome (nav, sidebar, outline, doc footer,
 * footer) and keeps the page invisible until <EmbedView> (a Layout.vue slot) has hidden everything
 * but the requested part and marked <html> `kb-embed-ready`. The page's own hydrated content is
 * used as it is: no second render, no layout swap. <EmbedView> then posts the page's height to the
 * parent window whenever it changes: `{ type: 'docker-kb:height', height, id }`. The embed only
 * ever sends messages; it has no message listener. public/embed.js is the host-side helper that
 * resizes our iframes from those messages.
 */
import { reactive } from 'vue'

export type EmbedTheme = 'light' | 'dark' | 'auto'

export interface EmbedParams {
  theme: EmbedTheme
  /** heading id of the section to show */
  section?: string
  /** glossary term id */
  term?: string
  /** line of a code block's opening fence */
  snippet?: number
  /** echoed in height messages */
  id?: string
}

export const EMBED_MESSAGE_TYPE = 'docker-kb:height'

/** Runs in <head> before the body is parsed. Self-contained on purpose (it is serialised as text). */
export const EMBED_HEAD_SCRIPT = `;(function () {
  try {
    var q = new URLSearchParams(location.search)
    if (q.get('embed') !== '1') return
    document.documentElement.classList.add('kb-embed')
    var t = q.get('theme')
    t = t === 'dark' || t === 'light' ? t : 'auto'
    var key = 'vitepress-theme-appearance', ls = window.localStorage, S = Storage.prototype, get = S.getItem, set = S.setItem
    S.getItem = function (k) { return this === ls && k === key ? t : get.apply(this, arguments) }
    S.setItem = function (k) { if (!(this === ls && k === key)) return set.apply(this, arguments) }
  } catch (e) {}
})()`

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Read the embed parameters of a URL; null when it is not an embed URL. */
export function parseEmbedParams(search: string, hash = ''): EmbedParams | null {
  const q = new URLSearchParams(search)
  if (q.get('embed') !== '1') return null
  const t = q.get('theme')
  const p: EmbedParams = { theme: t === 'dark' || t === 'light' ? t : 'auto' }
  const section = q.get('section') || (hash.length > 1 ? safeDecode(hash.slice(1)) : '')
  if (section) p.section = section
  const term = q.get('term')
  if (term) p.term = term
  const snippet = Number(q.get('snippet'))
  if (Number.isInteger(snippet) && snippet > 0) p.snippet = snippet
  const id = q.get('id')
  if (id) p.id = id.slice(0, 200)
  return p
}

export interface EmbedPart {
  kind: 'section' | 'term' | 'snippet'
  value: string
}

/** `src` of an embed iframe: origin + path + the embed parameters. */
export function embedSrc(origin: string, path: string, opts: { theme?: EmbedTheme; part?: EmbedPart } = {}): string {
  const q = new URLSearchParams({ embed: '1' })
  if (opts.theme && opts.theme !== 'auto') q.set('theme', opts.theme)
  if (opts.part) q.set(opts.part.kind, opts.part.value)
  return `${origin.replace(/\/$/, '')}${path}?${q.toString()}`
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The HTML a host page pastes: the iframe and the resize helper. */
export function iframeCode(src: string, title: string, height = 480): string {
  const origin = new URL(src).origin
  return [
    `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0;width:100%" loading="lazy" allow="clipboard-write"></iframe>`,
    `<script async src="${origin}/embed.js"></script>`,
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Showing one part of a page (browser only)

const HEADING = /^H[1-6]$/

/** A heading and the siblings after it up to the next heading of the same or a higher level. */
export function sectionNodes(heading: Element): Element[] {
  const level = Number(heading.tagName[1])
  const nodes = [heading]
  for (let n = heading.nextElementSibling; n; n = n.nextElementSibling) {
    if (HEADING.test(n.tagName) && Number(n.tagName[1]) <= level) break
    nodes.push(n)
  }
  return nodes
}

function byId(root: Element, id: string): Element | null {
  return root.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"]`)
}

/**
 * The elements to show for the requested part: null when the whole page is wanted, undefined
 * when the requested part is not on the page.
 */
export function findEmbedTarget(root: Element, p: EmbedParams): { nodes: Element[]; label: string } | null | undefined {
  if (p.term) {
    const h = byId(root, p.term)
    if (!h) return undefined
    const card = h.closest('.glossary-entry')
    return { nodes: card && root.contains(card) ? [card] : sectionNodes(h), label: h.textContent?.replace(/\s+/g, ' ').trim() ?? p.term }
  }
  if (p.snippet) {
    const block = root.querySelector(`[data-embed-line="${p.snippet}"]`)
    return block ? { nodes: [block], label: `代码块（第 ${p.snippet} 行）` } : undefined
  }
  if (p.section) {
    const h = byId(root, p.section)
    if (!h || !HEADING.test(h.tagName)) return undefined
    return { nodes: sectionNodes(h), label: h.textContent?.replace(/\s+/g, ' ').replace(/\s*#\s*$/, '').trim() ?? p.section }
  }
  return null
}

/** Hide everything under `root` except `keep` (and what they contain); the first kept element loses its top margin. */
export function isolate(root: Element, keep: Element[]): void {
  keep[0]?.classList.add('kb-embed-first')
  const keepSet = new Set(keep)
  const onPath = new Set<Element>()
  for (const k of keep) for (let e = k.parentElement; e && e !== root; e = e.parentElement) onPath.add(e)
  const visit = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (keepSet.has(child)) continue
      if (onPath.has(child)) visit(child)
      else child.classList.add('kb-embed-hidden')
    }
  }
  visit(root)
}

// ---------------------------------------------------------------------------------------------
// State (shared by the two <EmbedView> slots of Layout.vue)

export const embedState = reactive({
  /** the embed parameters of the document as loaded; fixed for its lifetime, also after in-frame navigation */
  params: null as EmbedParams | null,
  /** what part is shown ("" = the whole page) and why a requested part is missing */
  part: '',
  missing: '',
})
