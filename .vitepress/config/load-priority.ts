/**
 * The page's JavaScript is fetched after what the first paint needs (issue #14, FCP and LCP).
 *
 * Every page is complete in its server HTML: text, code, diagrams (static SVG) and links work
 * before any script runs; the module bundle (VitePress's `<script type="module">` entry and the
 * `<link rel="modulepreload">` of the theme, framework and page chunks) only hydrates it. Module
 * scripts never block the parser or the paint, but the browser fetches them at High priority, next
 * to the render-blocking stylesheet: on a slow link ~80 KB (gzip) of JavaScript shares the
 * bandwidth with the 30 KB stylesheet the first paint waits for. `fetchpriority="low"` lets the
 * HTML and CSS go first; the scripts still start at once and run in the same order.
 *
 * Lighthouse's simulated load (Lantern) counts every High-priority script that finished before
 * the observed first paint as render-blocking, so there the whole bundle was on the FCP and LCP
 * path; with Low priority only the HTML and the stylesheet are (decisions.md, "首屏的关键路径").
 */

/** `<script type="module" …>` and `<link rel="modulepreload" …>` start tags */
const MODULE_TAG = /<(?:script\b[^>]*\btype="module"|link\b[^>]*\brel="modulepreload")[^>]*>/g

/**
 * Add `fetchpriority="low"` to the module script and modulepreload tags in a page's `<head>`.
 * Input: a whole HTML page as VitePress writes it; output: the same page with those tags marked
 * (a tag that already has a `fetchpriority` keeps it; the body, where an author's HTML could hold
 * such a tag as an example, is left alone). A page without a `<head>` is returned unchanged.
 */
export function lowPriorityScripts(html: string): string {
  const end = html.indexOf('</head>')
  if (end < 0) return html
  const head = html.slice(0, end).replace(MODULE_TAG, (tag) => (/\bfetchpriority=/.test(tag) ? tag : tag.replace(/^<(script|link)\b/, '<$1 fetchpriority="low"')))
  return head + html.slice(end)
}
