/**
 * Marks every rendered code block with the line of its opening fence in the Markdown file,
 * `data-embed-line="33"`, so a single block can be embedded (`?embed=1&snippet=33`, see
 * .vitepress/theme/embed.ts) and named the way authors, the page check and the snippet harness
 * name it (file line, frontmatter included). Runs after the other fence renderers (use it last):
 * the attribute goes on the outermost element they produce (the snippet wrapper when there is one).
 */
import fs from 'node:fs'
import type MarkdownIt from 'markdown-it'

const offsets = new Map<string, { mtime: number; lines: number }>()

/** Lines the frontmatter takes: VitePress renders the body only, so token lines start after it. */
function frontmatterLines(file: string | undefined): number {
  if (!file) return 0
  try {
    const mtime = fs.statSync(file).mtimeMs
    const hit = offsets.get(file)
    if (hit && hit.mtime === mtime) return hit.lines
    const lines = frontmatterLineCount(fs.readFileSync(file, 'utf8'))
    offsets.set(file, { mtime, lines })
    return lines
  } catch {
    return 0
  }
}

/** Lines up to and including the closing `---` (gray-matter starts the body on the next line). */
export function frontmatterLineCount(src: string): number {
  const lines = src.split('\n')
  if (lines[0]?.trim() !== '---') return 0
  for (let i = 1; i < lines.length; i++) if (/^---\s*$/.test(lines[i])) return i + 1
  return 0
}

export function embedLinesPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self)
    const map = tokens[idx].map
    if (!map || !html.startsWith('<div ')) return html
    // body-only render (VitePress strips the frontmatter) when env.content is set
    const offset = typeof env?.content === 'string' ? frontmatterLines(env?.path) : 0
    return `<div data-embed-line="${map[0] + 1 + offset}" ` + html.slice(5)
  }
}
