/**
 * What the search box highlights in its results. VitePress's box (VPLocalSearchBox.vue) marks
 * every matched index term anywhere in the text (`formMarkRegex`), so a short Latin term is
 * marked inside other words: "rm" in "platfo[rm]s", "ps" in "hel[ps]". Here Latin terms are
 * marked as whole words only (with an English ending, so that a reduced form such as "contain"
 * still marks "containers"); CJK terms have no word boundaries and are marked where they occur.
 *
 * Pure module: used by the search box in the browser (the build rewrites the box's
 * `formMarkRegex` to call markRegex: .vitepress/config/search.ts) and by unit tests.
 */

const LATIN_EDGE = /^[A-Za-z0-9_]|[A-Za-z0-9_]$/
/** Endings a reduced English form may still carry in the text (core/search/text.ts englishForm). */
const ENDING = '(?:s|es|ed|d|ing|er|ers|ion|ions)?'

const escape = (s: string) => s.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d')

/**
 * The highlight pattern of a result list.
 * @param terms the matched index terms (MiniSearch `match` keys)
 * @returns a global, case-insensitive RegExp: longest terms first; a term that starts or ends with
 *   a Latin letter or digit matches only where no letter or digit touches it on that side
 */
export function markRegex(terms: Iterable<string>): RegExp {
  const alts = [...new Set(terms)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      if (!LATIN_EDGE.test(t)) return `(${escape(t)})`
      const before = /^[A-Za-z0-9_]/.test(t) ? '(?<![A-Za-z0-9_])' : ''
      const after = /[A-Za-z0-9_]$/.test(t) ? `${/[A-Za-z]$/.test(t) ? ENDING : ''}(?![A-Za-z0-9_])` : ''
      return `(${before}${escape(t)}${after})`
    })
  // no terms: a pattern that never matches (VitePress's `new RegExp('')` would mark everything)
  return new RegExp(alts.length ? alts.join('|') : '(?!)', 'gi')
}

/** The function of VPLocalSearchBox.vue that builds the highlight pattern (VitePress 1.6). */
const FORM_MARK = /function formMarkRegex\(terms: Set<string>\) \{\n[\s\S]*?\n\}\n/

/**
 * Rewrite the search box's source so its highlight pattern is markRegex's.
 * @param code VPLocalSearchBox.vue as VitePress ships it
 * @param modulePath import path of this module
 * @throws when the box no longer has `formMarkRegex` or a `<script lang="ts" setup>` (a VitePress
 *   upgrade): the site must not ship the old in-word highlighting silently
 */
export function rewriteSearchBoxHighlight(code: string, modulePath: string): string {
  const setup = '<script lang="ts" setup>\n'
  if (!FORM_MARK.test(code) || !code.includes(setup)) throw new Error('VPLocalSearchBox.vue: formMarkRegex or <script lang="ts" setup> not found; update core/search/highlight.ts rewriteSearchBoxHighlight')
  return code
    .replace(setup, `${setup}import { markRegex as kbMarkRegex } from ${JSON.stringify(modulePath)}\n`)
    .replace(FORM_MARK, 'function formMarkRegex(terms: Set<string>) {\n  return kbMarkRegex(terms)\n}\n')
}
