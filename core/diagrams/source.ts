/**
 * Mermaid diagrams in the Markdown sources (issue #14): every ```mermaid fence must carry `accTitle:`
 * and `accDescr:` (the text alternative screen readers, search and readers without JavaScript get).
 * Shared by the site's Markdown plugin (.vitepress/plugins/mermaid.ts), its Markdown copy of each
 * page (page-markdown.ts), the build's renderer and `scripts/check-diagrams.ts`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'

/** the repository root (this file is core/diagrams/…) */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export class DiagramError extends Error {
  constructor(public file: string, public line: number, public detail: string) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'DiagramError'
  }
}

export interface DiagramInfo { hash: string; title: string; description: string }

export function diagramHash(source: string): string {
  return createHash('sha256').update(source.trim()).digest('hex').slice(0, 12)
}

/** Read accTitle/accDescr; throw with file:line when missing. */
export function diagramInfo(source: string, file: string, line: number): DiagramInfo {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim()
  const descr =
    /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ??
    /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(source)?.[1]?.replace(/\s+/g, ' ').trim()
  if (!source.trim()) throw new DiagramError(file, line, 'empty mermaid diagram')
  if (!title) throw new DiagramError(file, line, 'mermaid diagram needs an "accTitle: …" line (its accessible name)')
  if (!descr) throw new DiagramError(file, line, 'mermaid diagram needs an "accDescr: …" line (its text alternative)')
  return { hash: diagramHash(source), title, description: descr }
}

export interface Diagram { file: string; line: number; source: string }

/** Every mermaid fence in the given Markdown files, with file (relative to the repo) and line. */
export function collectDiagrams(files: string[]): Diagram[] {
  const md = new MarkdownIt()
  const out: Diagram[] = []
  for (const file of files) {
    const rel = path.relative(ROOT, file)
    for (const t of md.parse(fs.readFileSync(file, 'utf8'), {})) {
      if (t.type !== 'fence' || t.info.trim().split(/\s+/)[0] !== 'mermaid') continue
      const line = (t.map?.[0] ?? 0) + 1
      diagramInfo(t.content, rel, line) // accTitle/accDescr present, or a DiagramError
      out.push({ file: rel, line, source: t.content })
    }
  }
  return out
}

/**
 * Issue #14's "no Mermaid JavaScript in the production build": does this built JS file carry Mermaid's
 * library code? Used by `npm run bench` (every file in dist/assets) and the browser test (every JS request).
 *
 * - `fileName`: the file's name or URL path, e.g. `assets/chunks/flowDiagram-v2-AB12.C3d4.js`.
 *   Mermaid's own chunks keep their source names when bundled: `mermaid.core…` and one
 *   `<kind>Diagram-<hash>…` per diagram type (node_modules/mermaid/dist/chunks/mermaid.core/). Our own
 *   component `MermaidDiagram.<hash>.js` is NOT one of them (no dash after "Diagram"); matching on the
 *   word "mermaid" alone flagged it by mistake.
 * - `content` (optional): the file's text; `mermaid.initialize` and the `securityLevel` option appear in
 *   the library's entry and in any code that starts it, whatever the chunk is called. Not looked at in a
 *   VitePress page chunk (`<path>.md.<hash>.js`, `….lean.js`): that is the page's text compiled to
 *   render functions, and a page that writes about Mermaid names both in its prose
 *   (contribute/decisions.md did, and the bench reported "mermaid JS in the production build: YES").
 *   Library code a page imports is split into chunks of its own by the bundler, named as above.
 * Returns true when either sign is present.
 */
export function isMermaidLibraryFile(fileName: string, content?: string): boolean {
  const base = fileName.split('/').pop() ?? fileName
  if (/^mermaid\.core|^[a-zA-Z0-9]+Diagram-/.test(base)) return true
  if (PAGE_CHUNK.test(base)) return false
  return content !== undefined && (content.includes('mermaid.initialize') || /\bsecurityLevel\b/.test(content))
}

/** A VitePress page chunk's file name: the page's path with `/` as `_`, `.md`, the hash, optionally `.lean` (vitepress/dist/node, chunkFileNames). */
const PAGE_CHUNK = /\.md\.[\w-]+(\.lean)?\.js$/
