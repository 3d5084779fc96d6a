/**
 * Page weight (issue #14, lean pages): what a built page makes the browser download, in raw
 * (uncompressed) bytes, as the bench's Lighthouse serves them. Deterministic: read from the files of
 * a build, no browser. Used by `npm run weight` (scripts/page-weight.ts) and `npm run bench`.
 *
 * JS of a page = the files its HTML loads (`<script src>`, `<link rel="modulepreload">`) plus,
 * transitively, what those import statically (`import … from "./x.js"`, `import "./x.js"`):
 * VitePress's page chunk (`*.lean.js`) may import shared chunks the HTML does not preload.
 * Dynamic `import()` is not followed: it loads only when a component or feature asks for it.
 * CSS = `<link rel="stylesheet">` (also VitePress's `rel="preload stylesheet"`). HTML = the file itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { resolveFile } from './static-server'

/** The five page types the bench measures (route on either site; both sites have the same routes). */
export const BENCH_PAGES: readonly [type: string, route: string][] = [
  ['home', '/'],
  ['text page', '/help/troubleshooting'],
  ['diagram page', '/network/port-mapping'],
  ['command reference', '/cli/container'],
  ['glossary', '/glossary/'],
]

export interface PageWeight {
  /** bytes of every JS file the page loads without interaction (see the file comment) */
  jsBytes: number
  /** those files, as URL paths, with their sizes in bytes, largest first */
  jsFiles: { url: string; bytes: number }[]
  htmlBytes: number
  cssBytes: number
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]

/** Static imports of an ES module (minified Rollup output): `import{…}from"./a.js"`, `import"./b.js"`, `export{…}from"./c.js"`. */
export function staticImports(js: string): string[] {
  const out: string[] = []
  for (const m of js.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{][^;"'`()]*?from\s*)?["']([^"']+\.js)["']/g)) out.push(m[1])
  return out
}

/**
 * The weight of one page of a build. Input: the build's root directory (`.vitepress/dist`), the route
 * (`/guide/x`, `/glossary/`), and the site base (`/` unless the site was built with `--base`).
 * Throws if the route has no HTML file or the HTML references a file the build does not have.
 */
export function pageWeight(distDir: string, route: string, base = '/'): PageWeight {
  const root = path.resolve(distDir)
  const htmlFile = resolveFile(root, route)
  if (!htmlFile) throw new Error(`page weight: no HTML for ${route} in ${root}`)
  const html = fs.readFileSync(htmlFile, 'utf8')
  const fileOf = (url: string, from: string) => {
    const rel = url.startsWith(base) ? url.slice(base.length - 1) : url
    const file = resolveFile(root, rel)
    if (!file) throw new Error(`page weight: ${from} references ${url}, which is not in ${root}`)
    return file
  }
  const js = new Map<string, number>()
  const queue: string[] = []
  let cssBytes = 0
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const rel = attr(tag, 'rel') ?? ''
    if (tag.startsWith('<script') && attr(tag, 'src')) queue.push(fileOf(attr(tag, 'src')!, htmlFile))
    else if (/\bmodulepreload\b/.test(rel) && attr(tag, 'href')) queue.push(fileOf(attr(tag, 'href')!, htmlFile))
    else if (/\bstylesheet\b/.test(rel) && attr(tag, 'href')) cssBytes += fs.statSync(fileOf(attr(tag, 'href')!, htmlFile)).size
  }
  while (queue.length) {
    const file = queue.shift()!
    if (js.has(file)) continue
    const text = fs.readFileSync(file, 'utf8')
    js.set(file, Buffer.byteLength(text))
    for (const spec of staticImports(text)) {
      if (!spec.startsWith('.')) continue
      const dep = path.resolve(path.dirname(file), spec)
      if (!fs.existsSync(dep)) throw new Error(`page weight: ${file} imports ${spec}, which is not in ${root}`)
      queue.push(dep)
    }
  }
  const jsFiles = [...js].map(([f, bytes]) => ({ url: '/' + path.relative(root, f).split(path.sep).join('/'), bytes })).sort((a, b) => b.bytes - a.bytes)
  return { jsBytes: jsFiles.reduce((s, f) => s + f.bytes, 0), jsFiles, htmlBytes: fs.statSync(htmlFile).size, cssBytes }
}

export interface WeightRow { type: string; route: string; ours: PageWeight; stock: PageWeight; jsRatio: number }

/** Both builds' weights for every bench page type. */
export function weightRows(oursDist: string, stockDist: string, pages = BENCH_PAGES): WeightRow[] {
  return pages.map(([type, route]) => {
    const ours = pageWeight(oursDist, route)
    const stock = pageWeight(stockDist, route)
    return { type, route, ours, stock, jsRatio: ours.jsBytes / Math.max(1, stock.jsBytes) }
  })
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** The rows as a Markdown table (JS, HTML, CSS: ours / stock, and the ratio). */
export function weightTable(rows: WeightRow[]): string {
  const lines = [
    '| page | JS ours / stock (ratio) | HTML ours / stock (ratio) | CSS ours / stock |',
    '|---|---|---|---|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.type} \`${r.route}\` | ${kb(r.ours.jsBytes)} / ${kb(r.stock.jsBytes)} (${r.jsRatio.toFixed(2)}) | ` +
        `${kb(r.ours.htmlBytes)} / ${kb(r.stock.htmlBytes)} (${(r.ours.htmlBytes / Math.max(1, r.stock.htmlBytes)).toFixed(2)}) | ` +
        `${kb(r.ours.cssBytes)} / ${kb(r.stock.cssBytes)} |`,
    )
  }
  return lines.join('\n')
}
