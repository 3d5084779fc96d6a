/**
 * Keep where the reader scrolled while the page was still loading.
 *
 * VitePress's router scrolls to the top once the first page module has loaded
 * (`window.scrollTo(0, scrollPosition)` in `loadPage`, node_modules/vitepress/dist/client/app/router.js),
 * also on the first load of a page whose server HTML the reader can already see and scroll: an End
 * key or a swipe made during those first seconds is undone (found by an outside tester on a phone;
 * stock VitePress behaves the same). On the first load only, and only without a `#hash` (then
 * VitePress scrolls to the target, as it should), the position the reader had when the module
 * arrived is restored right after VitePress's scroll, in the same task, so no frame shows the top.
 *
 * Order (router.js, `go`): onAfterPageLoad → route set → nextTick(scroll to top) → `await loadPage`
 * returns → onAfterRouteChange → the app mounts. VitePress's nextTick callback waits for the flush
 * the route change queued, so it has not run yet when onAfterRouteChange starts (seen in a browser):
 * the restore awaits nextTick too, which queues it behind VitePress's callback, still before mount.
 */
import { nextTick } from 'vue'
import type { Router } from 'vitepress'

export function installEarlyScroll(router: Router): void {
  let first = true
  let kept = 0
  const previousLoad = router.onAfterPageLoad
  router.onAfterPageLoad = async (to: string) => {
    await previousLoad?.(to)
    if (first && !location.hash) kept = window.scrollY
  }
  const previousChange = router.onAfterRouteChange ?? router.onAfterRouteChanged
  router.onAfterRouteChange = async (to: string) => {
    if (first) {
      first = false
      if (kept > 0) {
        await nextTick()
        if (window.scrollY !== kept) window.scrollTo(0, kept)
      }
    }
    await previousChange?.(to)
  }
}
