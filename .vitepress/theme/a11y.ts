/**
 * The search button's shortcut keys (Ctrl K) sit next to its label without a space, so its
 * visible text reads "搜索文档K" and no aria-label can match it (axe label-content-name-mismatch).
 * The keys are a visual hint only: hide them from assistive technology. They exist in the
 * server-rendered HTML, and Vue leaves attributes it does not manage alone.
 */
export function hideSearchShortcutKeys(): void {
  requestAnimationFrame(() => {
    for (const el of document.querySelectorAll('.DocSearch-Button-Keys')) el.setAttribute('aria-hidden', 'true')
  })
}
