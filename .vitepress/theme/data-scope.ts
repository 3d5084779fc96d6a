/**
 * Client side of the per-page site data (core/site-data-scope.ts): a page's HTML carries only the
 * site data of its data scope (its language and release). Before a client-side navigation into
 * another scope (the language menu, a link to a frozen release, a search hit there), the rest of
 * the site data is fetched once (the build's FullSiteData file) and merged into VitePress's site
 * data object, which VitePress reads again when the route changes; so the target renders with its
 * own nav and sidebar. If the file cannot be fetched, the target is loaded as a new page.
 */
import type { Router } from 'vitepress'
import { completeSiteData, dataScope, type FullSiteData } from '../../core/site-data-scope'

/** Call once from enhanceApp (browser only). `base`: the site base (`/`, `/docker-kb/`). */
export function installDataScopeGuard(router: Router, base: string): void {
  const previous = router.onBeforeRouteChange
  let complete: Promise<void> | undefined
  router.onBeforeRouteChange = async (to: string) => {
    // production only: the dev server's site data is whole (no `fullSiteData`)
    const site = (window as { __VP_SITE_DATA__?: { fullSiteData?: string } }).__VP_SITE_DATA__
    const target = new URL(to, location.href)
    const current = router.route.data.relativePath
    if (site?.fullSiteData && target.origin === location.origin && target.pathname.startsWith(base) && dataScope(target.pathname.slice(base.length)) !== dataScope(current ?? '')) {
      const url = site.fullSiteData
      complete ??= fetch(url)
        .then((r) => { if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`); return r.json() as Promise<FullSiteData> })
        .then((full) => completeSiteData(site, full))
      try {
        await complete
      } catch {
        complete = undefined
        location.assign(target.href)
        return false
      }
    }
    return previous?.(to)
  }
}
