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
 * `{ whole, html }` — `whole` when the text is one run (mark the element), else `html` with a
 * `<span class="nw">` around each run. A run is a hyphenated word of at most NW_MAX characters, or
 * several such words in a row with the spaces between them, together at most NW_MAX characters:
 * `-d, --detach` is one run, so an options table's flag cell is `<code class="nw">` with no span
 * inside (issue #14, lean pages: a span per word made 174 of /cli/container's elements). Such a
 * run fits a phone's column, so it never has to break; the spaces outside runs stay breakable.
 */
export function markCodeWords(text: string): { whole: boolean; html: string } {
  const keep = (w: string) => w.includes('-') && w.length <= NW_MAX
  // pieces: words and the whitespace between them; a word longer than NW_MAX breaks after its `|`
  // or `,` (`no|on-failure[:max-retries]|always`), not inside a part, and never joins a run
  const pieces = text.split(/(\s+)/).flatMap((w) => (w.length > NW_MAX && !/\s/.test(w) ? w.split(/(?<=[|,])/).map((p) => ({ p, alone: true })) : [{ p: w, alone: false }]))
  const out: string[] = []
  let run: string[] = [] // kept words and the spaces between them, not yet closed
  let gap = '' // whitespace after the run's last word: joins the run if another kept word follows
  let runs = 0
  const close = () => {
    if (run.length) {
      out.push(`<span class="nw">${escapeHtml(run.join(''))}</span>`)
      runs++
    }
    run = []
    if (gap) out.push(gap)
    gap = ''
  }
  for (const { p, alone } of pieces) {
    if (!p) continue
    if (/^\s+$/.test(p)) {
      if (run.length) gap = p
      else out.push(p)
    } else if (keep(p) && !alone && run.length && [...run, gap, p].join('').length <= NW_MAX) {
      run.push(gap, p)
      gap = ''
    } else if (keep(p)) {
      close()
      run = [p]
    } else {
      close()
      out.push(escapeHtml(p))
    }
  }
  close()
  const html = out.join('')
  if (runs === 1 && out.length === 1) return { whole: true, html: escapeHtml(text) }
  return { whole: false, html }
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
