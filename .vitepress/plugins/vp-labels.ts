/**
 * VitePress 1.6's default theme hard-codes a few accessible names in English, with no config option
 * ("mobile navigation", "Main Navigation", "Sidebar Navigation", "Pager", "toggle section",
 * "extra navigation"; the theme switch has only a title, set after hydration), and its code-block copy button has one title for the whole site
 * (`markdown.codeCopyButtonTitle`, "Copy Code"). Screen readers announced them on Chinese pages
 * (outside tester). Both plugins here give them the page's language, taken from the theme's string
 * table (../theme/i18n-text.ts, `UI`), the same one our own components use:
 *  - vpLabelsPlugin (Vite): rewrites those literals in VitePress's component sources into
 *    bindings to `useUi()` (../theme/i18n.ts), for the server HTML and the hydrated page alike;
 *  - copyButtonTitlePlugin (markdown-it): sets the copy button's title and the headings' anchor
 *    links' aria-label ("Permalink to …", set by VitePress's markdown-it-anchor options) from the
 *    page's path.
 * A VitePress upgrade that changes one of the rewritten lines fails the build, naming the file and
 * the text it no longer finds, instead of silently bringing the English back. The same rewrite
 * points VitePress's skip link at the page's text (VP_LABELS, VPSkipLink.vue).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type MarkdownIt from 'markdown-it'
import type { Plugin } from 'vite'
import { UI, langOfPath } from '../theme/i18n-text'

/** The theme module that provides useUi() (imported by absolute path into VitePress's components). */
const I18N_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../theme/i18n.ts')

/** Key of `UI` for each literal, per VitePress component file: [text in the source, its replacement]. */
export const VP_LABELS: Record<string, [string, string][]> = {
  'VPNavBarHamburger.vue': [['aria-label="mobile navigation"', ':aria-label="__kbUi.navMenu"']],
  'VPNavBarExtra.vue': [['label="extra navigation"', ':label="__kbUi.moreNav"']],
  'VPNavBarMenu.vue': [['Main Navigation', '{{ __kbUi.mainNav }}']],
  'VPSidebar.vue': [['Sidebar Navigation', '{{ __kbUi.sidebarNav }}']],
  'VPSidebarItem.vue': [['aria-label="toggle section"', ':aria-label="__kbUi.toggleSection"']],
  'VPDocFooter.vue': [['>Pager<', '>{{ __kbUi.pager }}<']],
  // the theme switch's title is set after mounting (watchPostEffect), so the server HTML had
  // title="" and no name at all; a switch's name stays the same while aria-checked tells its state
  'VPSwitchAppearance.vue': [[':title="switchTitle"', ':title="switchTitle || __kbUi.darkTheme" :aria-label="__kbUi.darkTheme"']],
  // Not a label: the skip link ("跳到正文", themeConfig.skipToContentLabel) focused #VPContent, whose
  // first links are the page outline's (≈ 30 on /cli/container, outside tester), as the outline
  // comes before the text in VPDoc's markup. It now focuses the page's <main> (the text), and
  // #VPContent where a layout has none (the home page).
  'VPSkipLink.vue': [['const el = document.getElementById(', "const el = document.querySelector<HTMLElement>('#VPContent main') ?? document.getElementById("]],
}

/**
 * Rewrites one component's source (exported for the unit test). Input: the file's base name and its
 * source; output: the new source, or undefined for a file not in VP_LABELS. Throws, naming the file,
 * when a literal or the `<script setup>` tag is missing.
 */
export function rewriteLabels(file: string, code: string): string | undefined {
  const edits = VP_LABELS[file]
  if (!edits) return undefined
  let out = code
  for (const [from, to] of edits) {
    if (!out.includes(from)) throw new Error(`vp-labels: ${file} no longer contains ${JSON.stringify(from)} (VitePress changed; update .vitepress/plugins/vp-labels.ts)`)
    out = out.split(from).join(to)
  }
  const setup = /<script\b[^>]*\bsetup\b[^>]*>/.exec(out)
  if (!setup) throw new Error(`vp-labels: ${file} has no <script setup> block`)
  const at = setup.index + setup[0].length
  const inject = `\nimport { useUi as __kbUseUi } from ${JSON.stringify(I18N_MODULE)}\nconst { ui: __kbUi } = __kbUseUi()\n`
  return out.slice(0, at) + inject + out.slice(at)
}

/** Vite plugin (before Vue's): applies rewriteLabels to VitePress's default-theme components. */
export function vpLabelsPlugin(): Plugin {
  return {
    name: 'kb-vp-labels',
    enforce: 'pre',
    transform(code, id) {
      // the .vue file itself; its parts (`?vue&type=script…`) come from Vue's plugin, already rewritten
      if (id.includes('?')) return
      const file = id
      if (!/[\\/]vitepress[\\/]dist[\\/]client[\\/]theme-default[\\/]components[\\/]/.test(file)) return
      const out = rewriteLabels(path.basename(file), code)
      return out === undefined ? undefined : { code: out, map: null }
    },
  }
}

/** A heading's trailing attribute block, `{#custom-id}` or `{#id .class}` (VitePress's custom anchor syntax). */
const HEADING_ATTRS = /\s*\{[#.][^{}]*\}\s*$/

/**
 * markdown-it plugin: the copy button of each code block and the anchor link of each heading are
 * labelled in the page's language. Throws when VitePress's anchor rule is missing (after an upgrade).
 */
export function copyButtonTitlePlugin(md: MarkdownIt): void {
  md.core.ruler.after('anchor', 'kb-anchor-label', (state) => {
    const ui = UI[langOfPath(String(state.env?.relativePath ?? ''))]
    for (const t of state.tokens) {
      for (const c of t.children ?? []) {
        const m = c.type === 'link_open' ? /^Permalink to "([\s\S]*)"$/.exec(c.attrGet('aria-label') ?? '') : null
        // VitePress takes the heading's source text, custom anchor included ("生命周期 {#lifecycle}"):
        // a screen reader read the braces out (outside tester: 117 labels on 37 pages)
        if (m) c.attrSet('aria-label', ui.permalink(m[1].replace(HEADING_ATTRS, '')))
      }
    }
    return false
  })
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self)
    const title = UI[langOfPath(String(env?.relativePath ?? ''))].copyCodeBlock
    return html.replace(/(<button title=")[^"]*(" class="copy">)/, `$1${title}$2`)
  }
}
