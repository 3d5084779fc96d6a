/**
 * HTML escaping: the one function every generator of HTML or XML text uses, in the build
 * (.vitepress/plugins), the theme (embed codes, in the browser) and the scripts (PDF book, course
 * package manifest, bench baseline).
 *
 * It is `escape-html` (the escaper Express and its middleware use; no dependencies, a few hundred
 * bytes, so it costs the browser bundle nothing): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;`
 * `&quot;` `&#39;`. That one set is safe both in element text and in quoted attribute values
 * (either quote), and the five are also valid XML (IMS Common Cartridge manifests), so there is
 * no separate "attribute" or "text" variant.
 *
 * Not handled here: `{{ }}` in Markdown output that Vue compiles as a template (the glossary plugin
 * adds that on top), and URLs (encode them with `URL`/`encodeURIComponent` before escaping).
 *
 * @param s any string (non-strings are converted with String())
 * @returns the string with the five characters replaced; unchanged when it has none
 */
export { default as escapeHtml } from 'escape-html'

/**
 * Vue template syntax inside an HTML tag: `{{ }}`, `v-for`/`v-if`/… directives, `:prop=` and `@event=`
 * bindings. Such HTML renders only in the site (its data comes from a `<script setup>`); the Markdown
 * copy (.vitepress/plugins/page-markdown.ts) and the bench's stock baseline (scripts/lib/bench-stock.ts)
 * must replace or drop it.
 */
export const VUE_TEMPLATE_SYNTAX = /\{\{|\sv-(?:for|if|else|show|bind|on|html|text)\b|\s[:@][\w.-]+=/
