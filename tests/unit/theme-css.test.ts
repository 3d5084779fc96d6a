import fs from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * The theme's stylesheets stay cheap to match while a page loads (decisions.md, 「页面体积」).
 * Chromium files a rule under the id, class or tag of its rightmost element and tries it only on
 * matching elements; a rule whose element is a bare `:is(…)`/`:where(…)` is tried on every
 * element. With a `:has()` inside that list, each try searches the element's subtree: the embed
 * view's `:is(html.kb-embed, html:has(#kb-embed:target))` took up to 57 of 116 ms of selector
 * matching in a load of /help/troubleshooting (1–3 ms in others; a loaded machine). Written as
 * separate selectors, `html:has(…)` is tried on <html> only.
 */
const SHEETS = ['.vitepress/theme/styles.css', '.vitepress/theme/glossary-popover.css']

/** Every selector of a stylesheet (comments removed; at-rule preludes skipped), with its line. */
function selectors(css: string): { line: number; selector: string }[] {
  const out: { line: number; selector: string }[] = []
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '}' || text[i] === ';') start = i + 1
    if (text[i] !== '{') continue
    const prelude = text.slice(start, i)
    const line = text.slice(0, start + prelude.search(/\S|$/)).split('\n').length
    start = i + 1
    if (prelude.trim().startsWith('@') || /^\s*(from|to|\d+%)\s*$/.test(prelude)) continue
    let depth = 0
    let cur = ''
    for (const ch of prelude) {
      if (ch === '(') depth++
      if (ch === ')') depth--
      if (ch === ',' && !depth) {
        out.push({ line, selector: cur.trim() })
        cur = ''
      } else cur += ch
    }
    out.push({ line, selector: cur.trim() })
  }
  return out
}

/** True when a compound (one element's part of a selector) is only `:is(…)`/`:where(…)` holding a `:has(…)`. */
const bareListWithHas = (compound: string) => /^:(is|where)\(/.test(compound) && compound.includes(':has(')

describe('theme stylesheets', () => {
  it('finds the selectors of a stylesheet, with their lines', () => {
    expect(selectors('a, b c {}\n@media (x) {\n  :is(html.x, html:has(#y)) d { }\n}')).toEqual([
      { line: 1, selector: 'a' },
      { line: 1, selector: 'b c' },
      { line: 3, selector: ':is(html.x, html:has(#y)) d' },
    ])
  })

  it('no selector has an element that is only an :is()/:where() list with a :has() inside', () => {
    const bad: string[] = []
    for (const file of SHEETS) {
      for (const { line, selector } of selectors(fs.readFileSync(file, 'utf8'))) {
        // the compounds: split at combinators outside parentheses
        let depth = 0
        let cur = ''
        const compounds: string[] = []
        for (const ch of selector) {
          if (ch === '(') depth++
          if (ch === ')') depth--
          if (!depth && /[\s>+~]/.test(ch)) {
            if (cur) compounds.push(cur)
            cur = ''
          } else cur += ch
        }
        if (cur) compounds.push(cur)
        if (compounds.some(bareListWithHas)) bad.push(`${file}:${line}: ${selector}`)
      }
    }
    expect(bad).toEqual([])
  })
})
