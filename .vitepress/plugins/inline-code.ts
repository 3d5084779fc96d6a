/**
 * Inline code is literal text. VitePress marks fenced code `v-pre` but not inline code, so
 * `` `--format '{{.State.Pid}}'` `` — common in Docker docs — would be compiled by Vue as an
 * expression and break the build. We give inline code `v-pre` as well.
 */
import type MarkdownIt from 'markdown-it'

export function inlineCodePlugin(md: MarkdownIt): void {
  const render = md.renderer.rules.code_inline!
  md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('v-pre', '')
    return render(tokens, idx, options, env, self)
  }
}
