/**
 * Marks every rendered code block with the line of its opening fence in the Markdown file,
 * `data-embed-line="33"`, so a single block can be embedded (`?embed=1&snippet=33`, see
 * .vitepress/theme/embed.ts) and named the way authors, the page check and the snippet harness
 * name it (file line, frontmatter included; core/source-line.ts). Runs after the other fence
 * renderers (use it last): the attribute goes on the outermost element they produce (the snippet
 * wrapper when there is one).
 */
import type MarkdownIt from 'markdown-it'
import { sourceLine } from '../../core/source-line'

export function embedLinesPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self)
    if (!tokens[idx].map || !html.startsWith('<div ')) return html
    return `<div data-embed-line="${sourceLine(tokens[idx], env)}" ` + html.slice(5)
  }
}
