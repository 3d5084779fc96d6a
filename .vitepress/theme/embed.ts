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
import type { Lang } from './i18n-text'
import { UI_MORE as UI } from './i18n-text-more'
import { reactive } from 'vue'
import { escapeHtml } from '../../core/html'
import { MODULES_RAN_FLAG } from './module-flag'

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

/** Messages the embed posts to its parent window (see EMBED_HEAD_SCRIPT). */
export const LTI_RESIZE_SUBJECT = 'lti.frameResize'
/** The fragment that marks an embed URL for CSS alone (no JavaScript): `…?embed=1#kb-embed`. */
export const EMBED_FRAGMENT = 'kb-embed'

/**
 * Runs in <head> on every page, before VitePress's own inline appearance script and before the
 * body is parsed. Self-contained on purpose (it is serialised as text). Plain inline scripts run
 * even where the module bundle cannot load (a sandboxed frame has the opaque origin "null", so a
 * host that sends no `Access-Control-Allow-Origin` blocks every module script), which is why the
 * height messages live here and not in a Vue component.
 *
 * 1. Storage guard, every page: where reading `localStorage`/`sessionStorage` throws (sandboxed
 *    frame without allow-same-origin, blocked third-party storage), the property is replaced by
 *    an in-memory store, so VitePress's appearance script and VueUse never throw.
 * 2. On `?embed=1` only: marks <html> `kb-embed`; serves the `theme` parameter to VitePress as the
 *    saved appearance without ever saving it; and posts the page height to the parent whenever it
 *    changes, in three dialects:
 *    - `{ type: 'docker-kb:height', height, id }` for public/embed.js;
 *    - `{ subject: 'lti.frameResize', height }`, which Canvas handles for iframes in its pages
 *      (https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_window_post_message);
 *    - the H5P resizer handshake (h5p-resizer.js, as in h5p/h5p-php-library js/h5p-resizer.js):
 *      we post `{context:'h5p', action:'hello'}`; a host running h5p-resizer.js answers 'hello';
 *      from then on each height change posts 'prepareResize' {scrollHeight, clientHeight}, the host
 *      answers 'resizePrepared', we post 'resize' {scrollHeight}; the host's 'resize' (its window
 *      changed) and 'ready' (it loaded after us) restart the exchange. The only message listener:
 *      it reads nothing but those four H5P actions, from the parent window, and only ever answers
 *      with heights. Skipped in an opaque origin: h5p-resizer.js answers with
 *      `postMessage(data, event.origin)`, which throws in the host for the origin "null".
 */
export const EMBED_HEAD_SCRIPT = `;(function () {
  function memory() {
    var m = {}
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(m, k) ? m[k] : null },
      setItem: function (k, v) { m[k] = String(v) },
      removeItem: function (k) { delete m[k] },
      clear: function () { m = {} },
      key: function (i) { var k = Object.keys(m); return i < k.length ? k[i] : null },
      get length() { return Object.keys(m).length }
    }
  }
  function usable(name) {
    try { var s = window[name]; s.getItem('kb'); return s } catch (e) {}
    var s2 = memory()
    try { Object.defineProperty(window, name, { value: s2, configurable: true, enumerable: true }) } catch (e) {}
    return s2
  }
  var ls = usable('localStorage')
  usable('sessionStorage')
  var q
  try { q = new URLSearchParams(location.search) } catch (e) { return }
  if (q.get('embed') !== '1') return
  var html = document.documentElement
  html.classList.add('kb-embed')
  var t = q.get('theme')
  t = t === 'dark' || t === 'light' ? t : 'auto'
  var KEY = 'vitepress-theme-appearance'
  var view = {
    getItem: function (k) { return k === KEY ? t : ls.getItem(k) },
    setItem: function (k, v) { if (k !== KEY) ls.setItem(k, v) },
    removeItem: function (k) { if (k !== KEY) ls.removeItem(k) },
    clear: function () {},
    key: function (i) { return ls.key(i) },
    get length() { return ls.length }
  }
  try { Object.defineProperty(window, 'localStorage', { value: view, configurable: true, enumerable: true }) } catch (e) {}

  var opaque = String(self.origin) === 'null'
  // In an opaque origin the History API may change only the query and fragment, so VitePress's
  // in-frame navigation (pushState to another path) would throw: links to other pages of the
  // site load the page's embed view instead.
  if (opaque) {
    window.addEventListener('click', function (e) {
      var a = e.target && e.target.closest ? e.target.closest('a[href]') : null
      if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      if ((a.getAttribute('target') || '_self') !== '_self' || a.hasAttribute('download')) return
      var u = new URL(a.href, location.href)
      if (u.origin !== location.origin || u.pathname === location.pathname) return
      e.preventDefault()
      e.stopImmediatePropagation()
      u.searchParams.set('embed', '1')
      if (t !== 'auto') u.searchParams.set('theme', t)
      if (!u.hash) u.hash = '#kb-embed'
      location.href = u.href
    }, true)
  }

  var parent = window.parent
  if (!parent || parent === window) return
  var id = (q.get('id') || location.pathname + location.search + location.hash).slice(0, 200)
  var h5p = false, last = -1
  function post(m) { try { parent.postMessage(m, '*') } catch (e) {} }
  function height() {
    var l = document.querySelector('.Layout')
    return Math.ceil(l ? l.getBoundingClientRect().height : html.scrollHeight)
  }
  function send(force) {
    if (!document.body) return
    var h = height()
    if (h <= 0 || (h === last && !force)) return
    last = h
    post({ type: 'docker-kb:height', height: h, id: id })
    post({ subject: 'lti.frameResize', height: h })
    if (h5p) post({ context: 'h5p', action: 'prepareResize', scrollHeight: h, clientHeight: html.clientHeight })
  }
  // Chromium does not render a cross-origin frame that is entirely off screen (below a tall first
  // embed, say), so no ResizeObserver callback runs there until it is scrolled into view: the
  // first height sent (the whole page's, before <EmbedView> isolated the part) stayed, 72441 px
  // for a 1089 px term card (an outside reviewer, session 20). Mutation observers run as
  // microtasks, unthrottled, and <EmbedView> marks <html> kb-embed-ready right after isolating;
  // getBoundingClientRect() in height() lays the frame out on demand.
  var MO = window.MutationObserver
  if (MO) new MO(function () { send(false) }).observe(html, { attributes: true, attributeFilter: ['class'] })
  if (!opaque) {
    window.addEventListener('message', function (e) {
      var d = e.data
      if (e.source !== parent || !d || typeof d !== 'object' || d.context !== 'h5p') return
      if (d.action === 'hello') { h5p = true; send(true) }
      else if (d.action === 'resizePrepared') post({ context: 'h5p', action: 'resize', scrollHeight: height() })
      else if (d.action === 'resize' && h5p) send(true)
      else if (d.action === 'ready') post({ context: 'h5p', action: 'hello' })
    })
    post({ context: 'h5p', action: 'hello' })
  }
  function start() {
    send(false)
    // observe .Layout too, whose height is what height() sends: isolating a section shrinks it while
    // <body> keeps filling a frame already sized to the whole page (13042 px for a 1268 px section,
    // an outside tester, session 15), and a <body>-only observer never fired again
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function () { send(false) })
      ro.observe(document.body)
      var layout = document.querySelector('.Layout')
      if (layout) ro.observe(layout)
    }
    else setInterval(function () { send(false) }, 500)
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { send(false) }, function () {})
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
  // no module bundle by the time the page has loaded (a sandboxed frame on a host without CORS
  // headers): show the server-rendered page now rather than after styles.css's 4 s fallback
  window.addEventListener('load', function () {
    if (!window.${MODULES_RAN_FLAG}) html.classList.add('kb-embed-ready')
    if (!opaque && !h5p) post({ context: 'h5p', action: 'hello' }) // a host script that came late
    send(false)
  })
  window.addEventListener('resize', function () { send(false) })
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
  const fromHash = hash.length > 1 ? safeDecode(hash.slice(1)) : ''
  const section = q.get('section') || (fromHash === EMBED_FRAGMENT ? '' : fromHash)
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

/**
 * `src` of an embed iframe: origin + path + the embed parameters + `#kb-embed`. The fragment is for
 * readers and hosts without JavaScript: CSS alone (`:has(#kb-embed:target)` in styles.css) then
 * hides the site chrome. Scripts ignore it (it is never taken for a section id).
 */
export function embedSrc(origin: string, path: string, opts: { theme?: EmbedTheme; part?: EmbedPart } = {}): string {
  const q = new URLSearchParams({ embed: '1' })
  if (opts.theme && opts.theme !== 'auto') q.set('theme', opts.theme)
  if (opts.part) q.set(opts.part.kind, opts.part.value)
  return `${origin.replace(/\/$/, '')}${path}?${q.toString()}#${EMBED_FRAGMENT}`
}

/** Default iframe heights: what a host without any resize path shows (scrolling inside the frame). */
export const DEFAULT_HEIGHT = { page: 600, part: 360 } as const

/**
 * The HTML a teacher pastes: the iframe, the resize helper, and a plain link to the same page
 * after them, for hosts that strip iframes (Moodle forum posts) or scripts (Canvas).
 *
 * @param src    an embedSrc() URL
 * @param title  the iframe's accessible title, also the link text
 * @param height the initial height in px (before the embed reports its own)
 * @param root   public URL of the site root, where /embed.js is (siteRoot(base) in
 *               .vitepress/config/site.ts; includes the base of a sub-path deploy); default: src's origin
 * @returns three lines of HTML; attribute values and text are escaped
 * @throws TypeError when `src` is not an absolute URL
 */
export function iframeCode(src: string, title: string, height: number = DEFAULT_HEIGHT.page, root?: string, lang: Lang = 'zh'): string {
  const url = new URL(src)
  const anchor = url.searchParams.get('section') ?? url.searchParams.get('term')
  const page = url.origin + url.pathname + (anchor ? `#${encodeURIComponent(anchor)}` : '')
  return [
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${height}" style="border:0;width:100%" loading="lazy" allow="clipboard-write"></iframe>`,
    `<script async src="${escapeHtml((root ?? url.origin).replace(/\/$/, ''))}/embed.js"></script>`,
    `<p><a href="${escapeHtml(page)}" target="_blank" rel="noopener">${escapeHtml(title)}${UI[lang].readInNewWindow}</a></p>`,
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
export function findEmbedTarget(root: Element, p: EmbedParams, lang: Lang = 'zh'): { nodes: Element[]; label: string } | null | undefined {
  if (p.term) {
    const h = byId(root, p.term)
    if (!h) return undefined
    const card = h.closest('.glossary-entry')
    return { nodes: card && root.contains(card) ? [card] : sectionNodes(h), label: h.textContent?.replace(/\s+/g, ' ').trim() ?? p.term }
  }
  if (p.snippet) {
    const block = root.querySelector(`[data-embed-line="${p.snippet}"]`)
    // named by its place among the page's code blocks, as the embed panel lists them (EmbedAction)
    return block ? { nodes: [block], label: UI[lang].codeBlockNo([...root.querySelectorAll('[data-embed-line]')].indexOf(block) + 1) } : undefined
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
