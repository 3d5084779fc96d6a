/**
 * Mermaid diagrams → static SVG at build time (issue #14).
 *
 * Every ```mermaid fence of docs/ is rendered once in headless Debian chromium with mermaid 11 and
 * the site's diagram font, in the light and the dark theme. The two renders have the same geometry
 * (same text, same fonts), so we ship ONE inline SVG: the light render plus the dark render's
 * stylesheet scoped under `html.dark` — the theme switches by CSS, without JavaScript. A flowchart's
 * dark stylesheet comes from a one-node "style proxy" (darkStyleProxy), rendered once per distinct
 * proxy, not from a second full render; sequence and state diagrams get a full dark render.
 *
 * Why the labels fit: mermaid measures each label in the DOM it renders into. We render into a
 * `.mermaid-box` styled by DIAGRAM_BOX_CSS, and the site applies the very same rules to its
 * `.mermaid-box` (styles.css), so the page's own line-height (28 px on `.vp-doc p`) can no longer
 * leak into the labels. tests/browser/diagram-labels.test.ts checks every label against its shape.
 *
 * This file: the render cache, driving chromium (renderDiagrams) and the SVG post-processing (core,
 * so the build, scripts/bench.ts and scripts/check-diagrams.ts share them); the Vite plugin that
 * runs it during a build is .vitepress/plugins/mermaid-render.ts.
 *
 * Cache: node_modules/.cache/kb-diagrams/<key>.json, where the key hashes the diagram source, both
 * theme configs, the box CSS, the installed fonts and the mermaid version. Unchanged diagrams cost a
 * file read; the browser is not even started when everything is cached.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mermaidConfig, MERMAID_FONT } from '../mermaid-config'
import { contentCache } from '../content-cache'
import { DiagramError, type Diagram } from './source'
import { renderIsolated } from './isolated'

/** the repository root (this file is core/diagrams/…) */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const require = createRequire(import.meta.url)

/** Bump when the post-processing below changes (it is part of every cache key). */
const RENDER_VERSION = 5

/**
 * The box every diagram is measured in at build time and shown in on the site. `p` is reset
 * because mermaid 11 wraps each label in a <p>, and VitePress gives `.vp-doc p` margins and a
 * 28 px line-height. Kept in sync with styles.css by tests/unit/mermaid-plugin.test.ts.
 */
export const DIAGRAM_BOX_CSS =
  `.mermaid-box{font-family:${MERMAID_FONT};font-size:16px;line-height:1.5;letter-spacing:normal;word-spacing:normal;text-transform:none}` +
  '.mermaid-box p{margin:0;line-height:inherit;font-size:inherit}'

export const CACHE_DIR = process.env.KB_DIAGRAM_CACHE ?? path.join(ROOT, 'node_modules/.cache/kb-diagrams')

/** A rendered diagram: one SVG (light, with dark overrides), its intrinsic size, its cache key. */
export interface RenderedDiagram { key: string; svg: string; width: number; height: number }

let fontsPrint: string | undefined
/** Fingerprint of the installed fonts (fc-list), so a font change re-renders every diagram. */
function fontsFingerprint(): string {
  if (fontsPrint === undefined) {
    try {
      fontsPrint = createHash('sha256').update(execFileSync('fc-list', ['--format', '%{file}|%{family}\n'], { encoding: 'utf8' }).split('\n').sort().join('\n')).digest('hex')
    } catch {
      fontsPrint = 'no-fc-list'
    }
  }
  return fontsPrint
}

let setup: string | undefined
/** Everything but the source that changes how a diagram renders (computed once per process). */
function renderSetup(): string {
  if (setup) return setup
  const mermaidVersion = JSON.parse(fs.readFileSync(require.resolve('mermaid/package.json'), 'utf8')).version
  return (setup = JSON.stringify([RENDER_VERSION, mermaidVersion, fontsFingerprint(), mermaidConfig(false), mermaidConfig(true), DIAGRAM_BOX_CSS]))
}

/** Cache key of one diagram: source + everything that changes how it renders. */
export function renderKey(source: string): string {
  // = JSON.stringify([...setup, source]) without re-serialising the setup each time
  return createHash('sha256').update(`${renderSetup().slice(0, -1)},${JSON.stringify(source.trim())}]`).digest('hex').slice(0, 16)
}

const cache = contentCache<RenderedDiagram>(CACHE_DIR)

/** The cached render of a diagram, or undefined. Synchronous: the Markdown plugin calls it. */
export function readRendered(source: string): RenderedDiagram | undefined {
  return cache.get(renderKey(source))
}

/**
 * Merge the dark render into the light one: the dark stylesheet, with every `#<id>` selector
 * prefixed by `html.dark`, is appended to the light SVG's <style>. Throws if the two renders do
 * not have the same geometry (then CSS alone could not switch them).
 */
export function mergeThemes(light: string, dark: string, id: string, checkGeometry = true): string {
  const styleRe = /<style>([\s\S]*?)<\/style>/
  // mermaid also writes the drop-shadow colour as an attribute; CSS can set it (flood-color is a
  // presentation attribute), so it is moved into the dark stylesheet too
  const flood = / flood-color="[^"]*"/g
  // the dark theme adds a gradient definition its stylesheet may use; defs are inert in light mode
  const gradientRe = /<linearGradient[\s\S]*?<\/linearGradient>/g
  const gradients = [...dark.matchAll(gradientRe)].map((m) => m[0]).filter((g) => !light.includes(g))
  const strip = (s: string) => s.replace(styleRe, '').replace(flood, '').replace(gradientRe, '')
  // checkGeometry=false: `dark` is the render of a style proxy (darkStyleProxy), not of the diagram
  if (checkGeometry && strip(light) !== strip(dark)) throw new Error('the light and dark renders differ outside their stylesheets (CSS alone cannot switch them)')
  const darkCss = styleRe.exec(dark)?.[1] ?? ''
  // only mermaid's own rules (all scoped by the SVG's id); :root / @keyframes are the same in both
  const scoped = darkCss
    .split('}')
    .filter((rule) => rule.includes(`#${id}`) && !rule.includes('@'))
    .map((rule) => rule.replaceAll(`#${id}`, `html.dark #${id}`) + '}')
    .join('')
  const shadows = [...dark.matchAll(/<filter id="([^"]+)"[^>]*>\s*<feDropShadow[^>]* flood-color="([^"]+)"/g)]
    .map(([, fid, color]) => `html.dark #${fid} feDropShadow{flood-color:${color}}`)
    .join('')
  return light
    .replace(styleRe, (_m, css: string) => `<style>${css}${scoped}${shadows}</style>`)
    .replace(/<\/svg>$/, `${gradients.join('')}</svg>`)
}

/**
 * Drop the stylesheet rules of an SVG that can match nothing in it. Mermaid writes its whole
 * stylesheet for the diagram type into every SVG (~6 KB per theme, ~12.6 KB light + dark, the
 * same in nearly every diagram), most of it for classes the diagram does not use; the SVG is
 * static, so a rule whose selector needs a class no element of the SVG carries never applies.
 * Only the part of a selector after its last `#id` counts (`html.dark #mmd-… .node rect` needs
 * `node`, not `dark`); `[name="value"]` needs that attribute in the markup; selectors with `:not(`,
 * other attribute forms or escapes are kept as they are, and so are @-rules (keyframes).
 * Input and output: the SVG markup (one or more <svg>); only the <style> contents change.
 */
export function pruneSvgStyles(svg: string): string {
  const markup = svg.replace(/<style>[\s\S]*?<\/style>/g, '')
  const classes = new Set<string>()
  for (const m of markup.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c)
  const matchable = (selector: string) => {
    if (/:not\(|\\/.test(selector)) return true
    const tail = selector.slice(selector.lastIndexOf('#') + 1).replace(/^[\w-]+/, '')
    // attribute selectors: only the plain forms [name] and [name="value"], looked up in the markup
    const attrs = [...tail.matchAll(/\[([^\]]*)\]/g)].map((m) => /^([\w-]+)(?:="([^"]*)")?$/.exec(m[1]))
    if (attrs.some((a) => !a)) return true
    if (!attrs.every((a) => markup.includes(a![2] === undefined ? ` ${a![1]}=` : ` ${a![1]}="${a![2]}"`))) return false
    return [...tail.replace(/\[[^\]]*\]/g, '').matchAll(/\.([\w-]+)/g)].every((m) => classes.has(m[1]))
  }
  const prune = (css: string) => {
    let out = ''
    let i = 0
    while (i < css.length) {
      const open = css.indexOf('{', i)
      if (open < 0) return out + css.slice(i)
      const selector = css.slice(i, open)
      let end: number
      if (selector.trim().startsWith('@')) {
        // an @-rule: up to its matching brace, kept whole
        let depth = 0
        for (end = open; end < css.length; end++) {
          if (css[end] === '{') depth++
          else if (css[end] === '}' && --depth === 0) break
        }
        out += css.slice(i, end + 1)
      } else {
        end = css.indexOf('}', open)
        if (end < 0) return out + css.slice(i)
        const kept = selector.split(',').filter(matchable)
        if (kept.length) out += kept.join(',') + css.slice(open, end + 1)
      }
      i = end + 1
    }
    return out
  }
  return svg.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => `<style>${prune(css)}</style>`)
}

/**
 * Give the SVG its intrinsic size (width/height from the viewBox; CSS scales it down on narrow
 * screens keeping the ratio), so the page reserves the right box before anything loads.
 */
export function sizeSvg(svg: string): { svg: string; width: number; height: number } {
  const vb = /viewBox="([^"]+)"/.exec(svg)?.[1]?.split(/[\s,]+/).map(Number)
  if (!vb || vb.length !== 4 || vb.some((n) => !Number.isFinite(n))) throw new Error('rendered SVG has no viewBox')
  const width = Math.ceil(vb[2])
  const height = Math.ceil(vb[3])
  const out = svg.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/\s(width|height)="[^"]*"/g, '').replace(/\sstyle="[^"]*"/, '')
    return `<svg${cleaned} width="${width}" height="${height}">`
  })
  return { svg: out, width, height }
}

/**
 * One SVG for both themes when the two renders differ only in their stylesheets (most flowcharts);
 * otherwise (state diagrams write colours into attributes, sequence diagrams number their actors
 * per render) both SVGs, the dark one first, shown/hidden by styles.css (.mermaid-light/-dark).
 * Output: markup and intrinsic size (the light render's; both have the same text and fonts).
 */
export function combineThemes(light: string, dark: string, id: string, separate = false): { svg: string; width: number; height: number; separate: boolean } {
  if (!separate) {
    try {
      return { ...sizeSvg(mergeThemes(light, dark, id)), separate: false }
    } catch {
      separate = true
    }
  }
  const l = sizeSvg(light)
  const d = sizeSvg(dark)
  // add the class to the root <svg> (sequence diagrams have no class attribute of their own)
  const tag = (svg: string, cls: string) =>
    /^<svg[^>]*\sclass="/.test(svg) ? svg.replace(/^<svg([^>]*?)\sclass="([^"]*)"/, `<svg$1 class="$2 ${cls}"`) : svg.replace(/^<svg/, `<svg class="${cls}"`)
  return { svg: tag(d.svg, 'mermaid-dark') + tag(l.svg, 'mermaid-light'), width: l.width, height: l.height, separate: true }
}

/**
 * Render one diagram in the page with one theme config. (No named inner functions in the
 * evaluated code: tsx/esbuild would wrap them in a `__name` helper the page does not have.)
 */
async function renderOnce(page: import('playwright-core').Page, src: string, id: string, config: unknown): Promise<{ svg?: string; error?: string }> {
  // the same isolated render as the dev server's component (./isolated.ts), run
  // from its source text: Mermaid never leaves its error graphic or scratch elements in the page
  return page.evaluate(
    `(${renderIsolated.toString()})(window.mermaid, ${JSON.stringify(id)}, ${JSON.stringify(src)}, ${JSON.stringify(config)}, document.getElementById('box'))
      .then((svg) => ({ svg }), (e) => ({ error: String((e && e.message) || e) }))`,
  ) as Promise<{ svg?: string; error?: string }>
}

/** Origin the render page is served from (by page.route below; nothing listens there). */
const PAGE_ORIGIN = 'http://127.0.0.1'

/**
 * A page with the diagram box and `window.mermaid`, ready to render.
 *
 * Mermaid comes from its ES-module build (mermaid.esm.min.mjs), not the single-file
 * mermaid.min.js: the latter (3.6 MB) bundles every diagram type and compiling + running it cost
 * chromium ≈ 5.8 s CPU per build; the ES-module build loads only the core and, on first use, the
 * chunks of the diagram types the site has (flowchart, sequence, state): ≈ 1.3 s + ≈ 1 s for the
 * first diagram. Same mermaid version, same code. Module scripts need an http(s) origin, so the
 * page and mermaid's dist/ files are served to chromium by a route handler (files only from that
 * directory; nothing goes over the network).
 */
async function openRenderPage(context: import('playwright-core').BrowserContext): Promise<import('playwright-core').Page> {
  const dist = path.dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'))
  const html = `<!doctype html><html lang="zh-CN"><head><style>body{margin:0}${DIAGRAM_BOX_CSS}</style></head><body><div class="mermaid-box" id="box" style="width:688px"></div></body></html>`
  const page = await context.newPage()
  // page routes take precedence over the context's (core/browser.ts), which would pass 127.0.0.1 on
  await page.route(`${PAGE_ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url())
    if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: html })
    const file = path.join(dist, decodeURIComponent(pathname))
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' })
    return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(file) })
  })
  await page.goto(`${PAGE_ORIGIN}/`)
  await page.evaluate(`import('/mermaid.esm.min.mjs').then((m) => { window.mermaid = m.default })`)
  return page
}

/**
 * The smallest flowchart whose DARK render has the same stylesheet, drop-shadow filter and gradient
 * definitions as the dark render of `source`, or undefined if `source` is not a flowchart.
 *
 * Why: a flowchart's light and dark renders differ only in those three parts (mergeThemes checks
 * it), and mermaid 11 builds them from the diagram type, the theme config, `%%{init}%%` directives
 * and the diagram's `classDef`s only (mermaidAPI.render: createCssStyles(config, classDefs) +
 * getStyles(type, …)), never from its nodes or edges. Laying out the whole diagram a second time
 * just for its dark stylesheet cost ≈ 0.13 s chromium CPU per flowchart (119 of the site's 133
 * diagrams); the proxy keeps the header, the directives and the classDef lines and has one node.
 * Checked 2026-12-02 on every diagram of the site: the merged SVGs are byte for byte the same as
 * with a full dark render (docs/contribute/decisions.md, build time, sixth round).
 * Sequence and state diagrams keep their full dark render: theirs differ in geometry, not just CSS.
 */
export function darkStyleProxy(source: string): string | undefined {
  const lines = source.split('\n')
  const head = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('%%'))
  if (head < 0 || !/^\s*(flowchart|graph)\b/.test(lines[head])) return undefined
  const keep = lines.filter((l, i) => i === head || /^\s*%%\{/.test(l) || /^\s*classDef\s/.test(l))
  return [...keep, '  kbStyleProxy[" "]'].join('\n')
}

/** The id a style proxy is rendered with; replaced by the diagram's own id (ids are plain text in the SVG). */
const PROXY_ID = 'mmdkbstyleproxy'

/**
 * Render light and dark (for a flowchart, the dark render of its style proxy: only its stylesheet,
 * filters and gradients are used, see darkStyleProxy). Most flowcharts share a proxy (same header,
 * no classDef), so `proxies` keeps each proxy's dark SVG, rendered once with PROXY_ID, per render run.
 * Errors carry mermaid's message.
 */
async function renderInPage(page: import('playwright-core').Page, d: Diagram, id: string, proxies: Map<string, string> | undefined): Promise<{ light?: string; dark?: string; proxy?: boolean; error?: string }> {
  const light = await renderOnce(page, d.source, id, mermaidConfig(false))
  if (light.error) return { error: light.error }
  const proxy = proxies && darkStyleProxy(d.source)
  if (proxies && proxy !== undefined) {
    let dark = proxies.get(proxy)
    if (dark === undefined) {
      const r = await renderOnce(page, proxy, PROXY_ID, mermaidConfig(true))
      if (r.error || !r.svg) return { error: r.error ?? 'no SVG' }
      proxies.set(proxy, (dark = r.svg))
    }
    return { light: light.svg, dark: dark.replaceAll(PROXY_ID, id), proxy: true }
  }
  // rendered under its own id right away: if the two renders differ in more than CSS, both ship
  // in one page (ids must be unique there); the merge check compares it under the light id
  const dark = await renderOnce(page, d.source, `${id}-dark`, mermaidConfig(true))
  if (dark.error) return { error: dark.error }
  return { light: light.svg, dark: dark.svg }
}

/** file:line of a mermaid error: mermaid counts lines inside the diagram, clamp into its source. */
function errorLine(d: Diagram, message: string): number {
  const inner = /line (\d+)/.exec(message)
  const last = d.source.replace(/\n$/, '').split('\n').length
  return d.line + Math.min(inner ? Number(inner[1]) : 1, last)
}

export interface RenderReport { rendered: Map<string, RenderedDiagram>; fromCache: number; fresh: number; errors: DiagramError[] }

/** How renderDiagrams works; the defaults are the build's. */
export interface RenderOptions {
  /** take each flowchart's dark stylesheet from its style proxy (darkStyleProxy); false = a full dark render of every diagram (tests compare the two) */
  darkProxy?: boolean
  /** read and write the render cache (false: render everything, store nothing) */
  cache?: boolean
  /**
   * called once per diagram as soon as it is usable (from the cache, or rendered and written to the
   * cache), before the others are done: the build lets a page through as soon as ITS diagrams are
   * (.vitepress/plugins/mermaid-render.ts). Not called for a diagram that does not render.
   */
  onRendered?: (d: RenderedDiagram) => void
}

/**
 * The diagrams already in the render cache, and the ones still to render (each distinct source
 * once). `onRendered` is called once per cached diagram. Shared by renderDiagrams and the build's
 * renderDiagramsApart (./apart.ts), which reads the cache before it starts a renderer process.
 */
export function takeCached(diagrams: Diagram[], useCache: boolean, onRendered?: RenderOptions['onRendered']): { rendered: Map<string, RenderedDiagram>; todo: Diagram[] } {
  const rendered = new Map<string, RenderedDiagram>()
  const todo: Diagram[] = []
  for (const d of diagrams) {
    const hit = useCache ? readRendered(d.source) : undefined
    if (!hit) {
      if (!todo.some((t) => t.source.trim() === d.source.trim())) todo.push(d)
    } else if (!rendered.has(hit.key)) {
      rendered.set(hit.key, hit)
      onRendered?.(hit)
    }
  }
  return { rendered, todo }
}

/**
 * Render diagrams (cache first, chromium for the rest).
 * Input: diagrams with file/line, options (RenderOptions). Output: key → rendered diagram, counts,
 * and one DiagramError per diagram that does not render (file and line of the problem); never throws
 * for a bad diagram. Throws if chromium cannot be started.
 */
export async function renderDiagrams(diagrams: Diagram[], { darkProxy = true, cache: useCache = true, onRendered }: RenderOptions = {}): Promise<RenderReport> {
  const { rendered, todo } = takeCached(diagrams, useCache, onRendered)
  const fromCache = rendered.size
  const errors: DiagramError[] = []
  if (todo.length) {
    // imported here: a fully cached build never loads playwright
    const { launchBrowser } = await import('../browser')
    const browser = await launchBrowser()
    try {
      const page = await openRenderPage(browser.context)
      // undefined: every diagram gets a full dark render
      const proxies = darkProxy ? new Map<string, string>() : undefined
      for (const d of todo) {
        const key = renderKey(d.source)
        const id = `mmd-${key}`
        const r = await renderInPage(page, d, id, proxies)
        if (r.error || !r.light || !r.dark) {
          errors.push(new DiagramError(d.file, errorLine(d, r.error ?? ''), `mermaid diagram does not render: ${(r.error ?? 'no SVG').split('\n').slice(0, 4).join(' ')}`))
          continue
        }
        try {
          let both = r.proxy ? { ...sizeSvg(mergeThemes(r.light, r.dark, id, false)), separate: false } : combineThemes(r.light, r.dark.replaceAll(`${id}-dark`, id), id)
          // geometry differs: both renders ship, the dark one under its own id
          if (both.separate) both = combineThemes(r.light, r.dark, id, true)
          const out: RenderedDiagram = { key, svg: pruneSvgStyles(both.svg), width: both.width, height: both.height }
          if (useCache) cache.set(key, out) // atomic: a parallel build never reads half a file
          rendered.set(key, out)
          onRendered?.(out)
        } catch (e) {
          errors.push(new DiagramError(d.file, d.line, `mermaid diagram: ${(e as Error).message}`))
        }
      }
    } finally {
      await browser.close()
    }
  }
  return { rendered, fromCache, fresh: rendered.size - fromCache, errors }
}
