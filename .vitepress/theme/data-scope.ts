/**
 * Client side of the per-page site data (core/site-data-scope.ts): a page's HTML carries only the
 * site data of its data scope (its language and release), so a link into another scope (the
 * language menu, a link to a frozen release, a search hit there) loads the target as a new page,
 * with its own site data, instead of rendering it client-side with the current page's data (it
 * would show this scope's nav and sidebar, or none).
 */
import type { Router } from 'vitepress'
import { dataScope } from '../../core/site-data-scope'

/** Call once from enhanceApp (browser only). `base`: the site base (`/`, `/docker-kb/`). */
export function installDataScopeGuard(router: Router, base: string): void {
  const previous = router.onBeforeRouteChange
  router.onBeforeRouteChange = async (to: string) => {
    const target = new URL(to, location.href)
    const current = router.route.data.relativePath
    // the 404 page carries the whole site data (config/shared.ts transformHtml): any target is fine
    if (current && !router.route.data.isNotFound && target.origin === location.origin && target.pathname.startsWith(base)) {
      if (dataScope(target.pathname.slice(base.length)) !== dataScope(current)) {
        location.assign(target.href)
        return false
      }
    }
    return previous?.(to)
  }
}
