/**
 * ```mermaid fences → <MermaidDiagram> components.
 *
 * Why not markdown-it-mermaid: it is pinned to mermaid 7 and emits a raw <div class="mermaid">
 * whose newlines Vue's template compiler collapses (see docs/contribute/decisions.md). We keep its
 * idea — a markdown-it rule for mermaid fences — and hand the source to a Vue component that
 * loads mermaid 11 lazily in the browser, so pages without diagrams never download it.
 *
 * The source travels base64-encoded: Vue's compiler would otherwise touch `{{ }}`, `<`, newlines.
 * Every diagram must carry `accTitle:` and `accDescr:` — they become the text alternative that
 * screen readers, search and readers without JavaScript get.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type MarkdownIt from 'markdown-it'
import { pageFile, sourceLine } from './source-line'

export class DiagramError extends Error {
  constructor(public file: string, public line: number, public detail: string) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'DiagramError'
  }
}

export interface DiagramInfo { hash: string; title: string; description: string }

/** Sizes measured by scripts/check-diagrams.ts in a real browser; used to reserve space (no layout shift). */
export const SIZES_FILE = fileURLToPath(new URL('../diagram-sizes.json', import.meta.url))

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

function readSizes(): Record<string, [number, number]> {
  try {
    return JSON.parse(fs.readFileSync(SIZES_FILE, 'utf8'))
  } catch {
    return {}
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function mermaidPlugin(md: MarkdownIt): void {
  const sizes = readSizes()
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    if (token.info.trim().split(/\s+/)[0] !== 'mermaid') return fence(tokens, idx, options, env, self)
    const file = pageFile(env)
    const line = sourceLine(token, env)
    const info = diagramInfo(token.content, file, line)
    ;(env.diagrams ??= []).push({ ...info, line })
    const size = sizes[info.hash]
    const b64 = Buffer.from(token.content, 'utf8').toString('base64')
    return (
      `<MermaidDiagram code="${b64}" hash="${info.hash}" title="${escapeAttr(info.title)}" ` +
      `description="${escapeAttr(info.description)}" source-line="${escapeAttr(`${file}:${line}`)}"` +
      (size ? ` :width="${size[0]}" :height="${size[1]}"` : '') +
      ' />\n'
    )
  }
}
