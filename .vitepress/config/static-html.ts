/**
 * Keep the pages' static HTML static (issue #14, Total Blocking Time at load).
 *
 * Vue's template compiler turns a long run of static elements into one HTML string
 * (`createStaticVNode`, compiler-dom's stringifyStatic): the page chunk carries the string, and
 * hydration only steps over those DOM nodes. It bails out for an element with an attribute it does
 * not know (compiler-dom `isStringifiableAttr`: known HTML attributes, `data-*` and `aria-*`) —
 * and `role` is not on its list. One `role="button"` (the phone toggle of a snippet's verified
 * badge, plugins/snippet-fence.ts `verifiedBadge`, when it was a span) therefore kept each whole
 * code block, every Shiki token span included, out of the string: the page chunk built each of them
 * as a vnode and hydration walked and patched them one by one. 1264 code blocks, 13 778 token spans
 * over the site; on /cli/container this was most of the page's hydration (decisions.md, load
 * performance). The toggle is a `<button>` now, but any `role` in a page's Markdown output does the
 * same: Mermaid's SVGs carry `role="graphics-document document"`, and authors may write one.
 *
 * So the Vue compiler never sees `role`: the Markdown render writes it as ROLE_ALIAS (aliasRoles,
 * last step of markdown.config), and after Vue has compiled the page (client and SSR bundles) the
 * alias becomes `role` again (restoreRolesPlugin). The HTML of the site is unchanged; only the
 * shape of the page chunk is (one string instead of vnode calls). Hydrating a static string does
 * not compare attributes, and a client-side navigation inserts the string with `role` in it.
 */
import type { Plugin } from 'vite'

/** What `role` is called between the Markdown render and the Vue compile (a `data-*` name: stringifiable). */
export const ROLE_ALIAS = 'data-kb-role'

/** An HTML start tag in rendered Markdown (text and code have `<` escaped, so they never match). */
const START_TAG = /<[a-zA-Z][^<>]*>/g
const ROLE_ATTR = /(\s)role=(?=["'])/g

/**
 * `role="…"` → `data-kb-role="…"` in the start tags of rendered HTML. Input: HTML; output: the same
 * HTML with every role attribute renamed. Text (escaped `&lt;`) is left alone.
 */
export function aliasRoles(html: string): string {
  if (!html.includes('role=')) return html
  return html.replace(START_TAG, (tag) => (tag.includes('role=') ? tag.replace(ROLE_ATTR, `$1${ROLE_ALIAS}=`) : tag))
}

/** Wrap `md.render` (markdown.config, after every plugin that writes HTML) so its output goes through aliasRoles. */
export function aliasRolesInRender(md: { render(src: string, env?: any): string }): void {
  const render = md.render.bind(md)
  md.render = (src: string, env?: unknown) => aliasRoles(render(src, env))
}

/**
 * The alias back to `role` in every compiled page module (`.md`, client and SSR; `enforce: 'post'`,
 * so after @vitejs/plugin-vue). In the compiled code the alias appears as `data-kb-role="…"` inside a
 * static string or as the prop key `"data-kb-role":`; both become `role`.
 */
export function restoreRolesPlugin(): Plugin {
  return {
    name: 'docker-kb:restore-roles',
    enforce: 'post',
    transform(code, id) {
      if (!/\.md($|\?)/.test(id) || !code.includes(ROLE_ALIAS)) return
      return { code: code.replaceAll(`"${ROLE_ALIAS}":`, '"role":').replaceAll(`${ROLE_ALIAS}=`, 'role='), map: null }
    },
  }
}
