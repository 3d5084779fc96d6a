/**
 * Pairs of a Chinese page and its English translation (issue #17). The Chinese page is the source;
 * its translation lives under the English locale folder at the same relative path:
 *
 *   docs/guide/why.md      ⇄  docs/en/guide/why.md       (repo paths, as the snippet status keys pages)
 *   guide/why.md           ⇄  en/guide/why.md            (docs-relative paths, as VitePress names pages)
 *   <dir>/docs/x.md        ⇄  <dir>/docs/en/x.md         (any folder named docs: test fixtures)
 *
 * One module owns this mapping so the snippet harness (which runs a translation's snippets only when
 * they differ from its source's, scripts/snippets/pairs.ts) and the site agree on what a pair is.
 * Frozen releases (docs/v/…) and generated data (docs/data/…) have no pairs.
 */

/** The English locale's folder under docs/ (VitePress locale `en`, served at /en/). */
export const EN_DIR = 'en'

const NO_PAIR_TOP = new Set([EN_DIR, 'v', 'data'])

/**
 * Split the part up to a `docs/` folder off a path (kept on the result; any folder named docs, so
 * test fixtures under tests/…/docs/ pair like the site's pages) and normalise separators.
 */
function split(p: string): { prefix: string; rest: string } {
  const s = p.replace(/\\/g, '/')
  const m = /^((?:.*?\/)?docs\/)?(.*)$/.exec(s)!
  return { prefix: m[1] ?? '', rest: m[2] }
}

/**
 * The Chinese source of an English page.
 * @param page a `.md` path, repo-relative (`docs/en/guide/x.md`) or docs-relative (`en/guide/x.md`)
 * @returns the source in the same form (`docs/guide/x.md` / `guide/x.md`), or undefined when `page`
 *   is not under the English folder
 */
export function sourceOfTranslation(page: string): string | undefined {
  const { prefix, rest } = split(page)
  if (!rest.startsWith(EN_DIR + '/')) return undefined
  const src = rest.slice(EN_DIR.length + 1)
  return src ? prefix + src : undefined
}

/**
 * The English translation's path of a Chinese page (whether or not that file exists).
 * @param page a `.md` path, repo-relative (`docs/guide/x.md`) or docs-relative (`guide/x.md`)
 * @returns `docs/en/guide/x.md` / `en/guide/x.md`, or undefined for pages that have no translation:
 *   English pages themselves, frozen releases (`v/…`) and generated data (`data/…`)
 */
export function translationOf(page: string): string | undefined {
  const { prefix, rest } = split(page)
  const top = rest.split('/')[0]
  if (!rest || (rest.includes('/') && NO_PAIR_TOP.has(top))) return undefined
  return `${prefix}${EN_DIR}/${rest}`
}
