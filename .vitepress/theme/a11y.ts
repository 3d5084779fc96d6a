/** Keyboard and screen-reader fixes to VitePress's default theme, made from outside its components. */
import type { Router } from 'vitepress'

/**
 * The search button shows "搜索文档" plus its shortcut keys (Ctrl K) with no space between, and
 * carries an aria-label. axe's label-content-name-mismatch compares the label with all visible
 * text ("搜索文档K", aria-hidden or not), so no label can match. The keys are a visual hint
 * only: hide them from assistive technology and drop the aria-label, so the accessible name
 * comes from the visible words themselves. Re-applied after navigation because Vue restores the
 * label when the locale changes.
 */
function fixSearchButton(): void {
  requestAnimationFrame(() => {
    for (const btn of document.querySelectorAll('.DocSearch-Button')) {
      btn.removeAttribute('aria-label')
      btn.querySelector('.DocSearch-Button-Keys')?.setAttribute('aria-hidden', 'true')
    }
  })
}

/**
 * Call once from enhanceApp (browser only): the search button's name, focus back from the search
 * dialog, Esc for the nav bar's dropdowns (see each function).
 */
export function installA11yFixes(router: Router): void {
  fixSearchButton()
  installSearchFocusReturn()
  installFlyoutEscape()
  const previous = router.onAfterRouteChange ?? router.onAfterRouteChanged
  router.onAfterRouteChange = async (to: string) => {
    await previous?.(to)
    fixSearchButton()
  }
}

/**
 * The search dialog gives focus back when it closes (outside tester: Esc left it on <body>, so a
 * keyboard reader started again from the top of the page). WAI-ARIA APG, dialog pattern: on close,
 * focus returns to the element that invoked the dialog — the search button when it was clicked,
 * the element that had focus when Ctrl K or / opened it (the search button when that was the
 * page itself). Choosing a result navigates; VitePress then moves focus to the top of the new page
 * (VPSkipLink), after this restore, which is the APG's "more logical element" for that case.
 * VitePress's dialog (VPLocalSearchBox) is teleported to <body> and unmounted on close.
 */
function installSearchFocusReturn(): void {
  let opener: Element | null = null
  let open = false
  const searchButton = () => [...document.querySelectorAll<HTMLElement>('.DocSearch-Button')].find((b) => b.offsetParent !== null)
  // capture: runs before VitePress's own handlers open the dialog
  document.addEventListener('keydown', () => { if (!open) opener = document.activeElement }, true)
  document.addEventListener('click', (e) => {
    const button = (e.target as Element).closest?.('.DocSearch-Button')
    if (button && !open) opener = button
  }, true)
  new MutationObserver(() => {
    const now = !!document.querySelector('body > .VPLocalSearchBox')
    if (now === open) return
    open = now
    if (open) return
    const back = opener
    opener = null
    // a task later: Enter on a result closes the dialog in its keydown, and the keypress that
    // follows would click a search button focused now (the dialog opened again)
    setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body) return
      ;(back instanceof HTMLElement && back !== document.body && back.isConnected ? back : searchButton())?.focus()
    })
  }).observe(document.body, { childList: true })
}

/**
 * Esc closes a nav bar dropdown (VitePress's VPFlyout: the section menus, "…", the language
 * menu) and puts focus back on its button (WAI-ARIA APG, menu button and disclosure patterns;
 * outside tester: Esc did nothing). VPFlyout opens on click (aria-expanded) and on hover; its open
 * state is internal, so Esc toggles it with a click on its button, and a class hides a menu that
 * only the pointer holds open until the pointer leaves (styles.css, "kb-flyout-dismissed").
 */
function installFlyoutEscape(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    for (const flyout of document.querySelectorAll<HTMLElement>('.VPNavBar .VPFlyout')) {
      const button = flyout.querySelector<HTMLButtonElement>(':scope > button')
      const expanded = button?.getAttribute('aria-expanded') === 'true'
      if (!button || (!expanded && !flyout.matches(':hover'))) continue
      const hadFocus = flyout.contains(document.activeElement)
      if (expanded) button.click()
      if (flyout.matches(':hover')) {
        flyout.classList.add('kb-flyout-dismissed')
        flyout.addEventListener('mouseleave', () => flyout.classList.remove('kb-flyout-dismissed'), { once: true })
      }
      if (hadFocus) button.focus()
    }
  })
}
