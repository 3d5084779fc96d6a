/**
 * The "⋯" button of a verified snippet badge (.vitepress/plugins/snippet-fence.ts verifiedBadge),
 * which phones and touch screens display: a disclosure button (WAI-ARIA APG) that opens and closes
 * the badge's details (engine, Compose, stores, date, stand-in images). Its state is aria-expanded,
 * which styles.css reads to show the details, and its name says what a press does ("显示详情" /
 * "收起详情", UI.showDetails / UI.hideDetails in ./i18n-text.ts; outside tester: the old toggle
 * showed the details on focus and told screen readers nothing). Esc closes open details and keeps
 * focus on the button. One listener on the document: the badges are static HTML of the page, and
 * a client-side navigation brings new ones.
 */
import { UI, langOfDocument } from './i18n-text'

/** Sets a toggle's state: aria-expanded and the name that says what the next press does. */
function setOpen(button: HTMLElement, open: boolean): void {
  button.setAttribute('aria-expanded', String(open))
  const ui = UI[langOfDocument()]
  button.setAttribute('aria-label', open ? ui.hideDetails : ui.showDetails)
}

/** Call once from enhanceApp (browser only). */
export function installBadgeToggle(): void {
  document.addEventListener('click', (e) => {
    const button = (e.target as Element).closest?.<HTMLElement>('.snippet-badge .sb-toggle')
    if (button) setOpen(button, button.getAttribute('aria-expanded') !== 'true')
  })
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    const badge = (document.activeElement as Element | null)?.closest?.('.snippet-badge')
    const button = badge?.querySelector<HTMLElement>('.sb-toggle[aria-expanded="true"]')
    if (!button) return
    setOpen(button, false)
    button.focus()
  })
}
