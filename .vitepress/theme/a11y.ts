/**
 * The search button shows "搜索文档" plus its shortcut keys (Ctrl K) with no space between, and
 * carries an aria-label. axe's label-content-name-mismatch compares the label with all visible
 * text ("搜索文档K", aria-hidden or not), so no label can match. The keys are a visual hint
 * only: hide them from assistive technology and drop the aria-label, so the accessible name
 * comes from the visible words themselves. Re-applied after navigation because Vue restores the
 * label when the locale changes.
 */
import type { Router } from 'vitepress'

function fixSearchButton(): void {
  requestAnimationFrame(() => {
    for (const btn of document.querySelectorAll('.DocSearch-Button')) {
      btn.removeAttribute('aria-label')
      btn.querySelector('.DocSearch-Button-Keys')?.setAttribute('aria-hidden', 'true')
    }
  })
}

export function installA11yFixes(router: Router): void {
  fixSearchButton()
  const previous = router.onAfterRouteChange ?? router.onAfterRouteChanged
  router.onAfterRouteChange = async (to: string) => {
    await previous?.(to)
    fixSearchButton()
  }
}
