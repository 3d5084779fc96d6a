/**
 * Trailing slashes on page URLs (issue 13, class 1). Pages are built as `x.html` (cleanUrls), so
 * the one address of a page is `/x`. Static hosts answer `/x/` differently:
 *  - GitHub Pages (and the preview server, scripts/lib/static-server.ts, which resolves the same
 *    way) look for `x/index.html`, find none and answer 404 with `404.html`. VitePress's client
 *    then hydrates that 404 shell as if it were the page: title and intro show, every section is
 *    missing and the canonical link says …/404 — half a page that looks complete.
 *  - nginx in the site image answers 301 `/x/` → `/x` (rule in docs/contribute/decisions.md).
 * We cannot configure GitHub Pages, so the 404 page carries REDIRECT_SCRIPT, an inline script that
 * runs before the app starts: on an address ending in `/` it replaces the address by the same one
 * without the trailing slashes (query and fragment kept). An existing page then loads whole; a
 * missing one gets an honest 404 at its clean address (which has no trailing slash, so no loop).
 */

/**
 * The clean address for a URL path ending in `/`, or null when there is nothing to fix.
 * @param pathname URL path as in `location.pathname`, e.g. `/docker-kb/network/port-mapping/`
 * @param base the site's base (VitePress `base`, starts and ends with `/`), e.g. `/` or `/docker-kb/`
 * @returns `/docker-kb/network/port-mapping`, or null for `/x` or the site root (`base` itself)
 */
export function cleanPath(pathname: string, base: string): string | null {
  if (!pathname.endsWith('/')) return null
  const clean = pathname.replace(/\/+$/, '')
  // something must be left inside the site: `//` or `/docker-kb//` are the root, not a page
  return clean.startsWith(base) && clean.length > base.length ? clean : null
}

/**
 * Inline script for the 404 page's <head> (classic script: runs before the module app). Its logic
 * is cleanPath's, written out in plain ES5 because it is inlined, not bundled; the unit test
 * (tests/unit/trailing-slash.test.ts) runs this very string against cleanPath's cases.
 * @param base the site's base, as for cleanPath
 */
export function redirectScript(base: string): string {
  return (
    `(function(){var b=${JSON.stringify(base)},l=location,p=l.pathname;` +
    `if(p.slice(-1)!=='/')return;var c=p.replace(/\\/+$/,'');` +
    `if(c.indexOf(b)===0&&c.length>b.length)l.replace(c+l.search+l.hash)})()`
  )
}

/** id of the inline script in 404.html (the link check looks for it). */
export const REDIRECT_SCRIPT_ID = 'kb-trailing-slash'

/**
 * Put the redirect script first in the 404 page's <head> (VitePress `transformHtml` for 404.md).
 * @param html the rendered 404.html
 * @throws when the page has no <head> (VitePress changed its output; better loud than a silent miss)
 */
export function addRedirectScript(html: string, base: string): string {
  if (!/<head>/.test(html)) throw new Error('404.html has no <head>: cannot add the trailing-slash redirect')
  return html.replace('<head>', `<head><script id="${REDIRECT_SCRIPT_ID}">${redirectScript(base)}</script>`)
}
