/**
 * Reproducible code-group ids. VitePress names each `::: code-group` radio group `group-<5>` and
 * each tab `tab-<7>` with random nanoid ids (vitepress/dist/node, createCodeGroup), so two builds
 * of the same sources differ in every page with a code group, in its JavaScript chunk and, through
 * the chunk's content hash, in the file names that refer to it. This plugin keeps VitePress's
 * renderer and replaces those ids with ids derived from the page's path and the group's and tab's
 * position in it: same length and alphabet (nanoid's URL alphabet), unique within the page (the
 * radio groups only need to be distinct there), the same in every build.
 *
 * Input: the markdown-it instance VitePress made (its `container_code-group_open` rule must exist:
 * VitePress registers its containers before calling `markdown.config`). Throws if it does not.
 */
import { createHash } from 'node:crypto'
import type MarkdownIt from 'markdown-it'

const RULE = 'container_code-group_open'

/** `n` characters of nanoid's URL alphabet ([A-Za-z0-9_-]) from the hash of the parts. */
export function stableId(n: number, ...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, n)
}

export function codeGroupIdsPlugin(md: MarkdownIt): void {
  const original = md.renderer.rules[RULE]
  if (!original) throw new Error(`code-group-ids: markdown-it has no '${RULE}' rule (VitePress's code groups not registered yet?)`)
  // groups seen so far in each render (env is one object per render)
  const groupsSeen = new WeakMap<object, number>()
  md.renderer.rules[RULE] = (tokens, idx, options, env, self) => {
    const html = original(tokens, idx, options, env, self)
    if (tokens[idx].nesting !== 1) return html
    const key = env && typeof env === 'object' ? (env as object) : {}
    const group = groupsSeen.get(key) ?? 0
    groupsSeen.set(key, group + 1)
    const page = String((env as { relativePath?: string } | undefined)?.relativePath ?? '')
    const name = stableId(5, page, group)
    let tab = 0
    return html
      .replace(/\bname="group-[A-Za-z0-9_-]{5}"/g, `name="group-${name}"`)
      // each tab's id appears twice (input id, label for): number them by first appearance
      .replace(/\b(id|for)="tab-([A-Za-z0-9_-]{7})"/g, (() => {
        const ids = new Map<string, string>()
        return (_m: string, attr: string, random: string) => {
          if (!ids.has(random)) ids.set(random, stableId(7, page, group, tab++))
          return `${attr}="tab-${ids.get(random)}"`
        }
      })())
  }
}
