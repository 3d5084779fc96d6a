/**
 * Build speed: each distinct code block is highlighted by Shiki once per process.
 *
 * VitePress's highlighter (`md.options.highlight(code, lang, attrs)`, vitepress/dist/node
 * `highlight()`) is a pure function of its three arguments: Shiki with fixed themes and transformers,
 * no time limit (shared.ts `kb-no-tokenize-time-limit`), and the `{{ }}` placeholders it puts in
 * are taken out again before it returns. The same block appears many times in one build: the English
 * edition repeats most commands and outputs of the Chinese pages, and a frozen release (/v/…)
 * repeats the pages it froze. Shiki (its JavaScript and the oniguruma WebAssembly) was about 13 % of
 * a cold build's main-process CPU profile (decisions.md, 构建时间, ninth round).
 *
 * The memo lives as long as the markdown-it instance (VitePress keeps one per process): the client
 * build, the SSR build and the dev server share it. Its entries are the HTML strings the pages
 * already hold; one entry per distinct (lang, attrs, code).
 */
export interface HighlightMemoStats {
  calls: number
  highlighted: number
}

/** `md.options.highlight` as markdown-it calls it (fence rule: code, language, the info string's rest). */
type Highlight = (code: string, lang: string, attrs: string) => string

/**
 * Wrap md.options.highlight with a memo (see the file comment). Call in markdown.config, where
 * VitePress has set its highlighter. Does nothing when there is no highlighter. Returns the counters.
 */
export function memoizeHighlight(md: { options: { highlight?: Highlight | null } }): HighlightMemoStats {
  const stats: HighlightMemoStats = { calls: 0, highlighted: 0 }
  const highlight = md.options.highlight
  if (typeof highlight !== 'function') return stats
  const memo = new Map<string, string>()
  md.options.highlight = (code: string, lang: string, attrs: string) => {
    stats.calls++
    // lang and attrs come from the fence's info string: no NUL in them
    const key = `${lang}\0${attrs}\0${code}`
    let html = memo.get(key)
    if (html === undefined) {
      html = highlight(code, lang, attrs)
      stats.highlighted++
      memo.set(key, html)
    }
    return html
  }
  return stats
}
