/**
 * Markup that lets inline code and tables read well in a phone's 342 px column (outside tester,
 * 390 px phone): styles.css lets inline code in tables wrap there, which it may not on desktop.
 *
 * codeBreaksPlugin — a browser may break a line after any hyphen, so `--detach` became "--" /
 * "detach", `(--force)` "(--" / "force)" and `prune -a` "prune -" / "a". CSS has no property that
 * turns off only those break points, so each hyphenated word of inline code (`--detach`,
 * `--cap-drop`, `-a`) is marked `.nw` (styles.css: never broken inside): the code element itself
 * when it is that one word, else a span around each such word. Lines still break at spaces, after
 * the `|` or `,` of a longer word (`no|on-failure|always`), and inside long words with neither
 * (paths, URLs over NW_MAX characters), which would otherwise run off the column.
 * The markup adds no text: copying, search and the Markdown export see the code unchanged.
 *
 * tableNamesPlugin — a table that scrolls sideways must be reachable and named for keyboard and
 * screen-reader users (axe `scrollable-region-focusable`; VitePress already gives every Markdown
 * table tabindex="0"). Each table is named after the heading it is under (or the page's first
 * heading): "选项：docker run" / "Table: docker run" would repeat what a screen reader already says,
 * so the name is the heading's text.
 */
import type MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { escapeHtml } from '../../core/html'

/** Longest word kept whole: a flag or `key=value` fits a phone's column; a longer path or URL may break. */
export const NW_MAX = 28

/**
 * The HTML of a code span's text with hyphenated words marked. Input: the text (unescaped); output:
 * `{ whole, html }` — `whole` when the text is one such word (mark the element), else `html` with
 * `<span class="nw">` around each hyphenated word of at most NW_MAX characters.
 */
export function markCodeWords(text: string): { whole: boolean; html: string } {
  const keep = (w: string) => w.includes('-') && w.length <= NW_MAX
  if (!/\s/.test(text) && keep(text)) return { whole: true, html: escapeHtml(text) }
  const mark = (w: string) => (keep(w) ? `<span class="nw">${escapeHtml(w)}</span>` : escapeHtml(w))
  return {
    whole: false,
    html: text
      .split(/(\s+)/)
      // a longer word breaks after its `|` or `,` (`no|on-failure[:max-retries]|always`), not inside a part
      .map((w) => (w.length > NW_MAX ? w.split(/(?<=[|,])/).map(mark).join('') : mark(w)))
      .join(''),
  }
}

export function codeBreaksPlugin(md: MarkdownIt): void {
  const render = md.renderer.rules.code_inline!
  md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    if (!token.content.includes('-')) return render(tokens, idx, options, env, self)
    const { whole, html } = markCodeWords(token.content)
    if (whole) token.attrJoin('class', 'nw')
    // the original renderer's tag (attributes such as v-pre from inline-code.ts), our content
    const out = render(tokens, idx, options, env, self)
    const open = out.slice(0, out.indexOf('>') + 1)
    return `${open}${html}</code>`
  }
}

/** Text of an inline token as readers see it (text and code, no Markdown). */
function inlineText(t: Token | undefined): string {
  return (t?.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim()
}

export function tableNamesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('kb-table-names', (state) => {
    let heading = ''
    let first = ''
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.type === 'heading_open') {
        heading = inlineText(tokens[i + 1])
        first ||= heading
      } else if (t.type === 'table_open') {
        // VitePress's own table_open rule prints a fixed `<table tabindex="0">` (its attributes dropped)
        t.attrSet('tabindex', '0')
        const name = heading || first || String(state.env?.frontmatter?.title ?? '')
        if (name && !t.attrGet('aria-label')) t.attrSet('aria-label', name)
      }
    }
    return false
  })
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options)
}
