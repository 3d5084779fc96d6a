/**
 * Copying text, for the code blocks' copy buttons (console-copy.ts) and the embed code
 * (EmbedAction.vue). In an embed the Clipboard API is often blocked: Canvas strips the iframe's
 * `allow="clipboard-write"`, and sandboxed frames may not copy at all. Then the text is selected
 * on the page and a short hint tells the reader to press Ctrl+C / ⌘C.
 */
import { UI, langOfDocument } from './i18n-text'

/**
 * Try the async Clipboard API, then `document.execCommand('copy')` on a hidden textarea.
 * @returns true when one of them reported success; never throws or rejects
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  // In a frame whose `allow="clipboard-write"` was stripped, Chromium logs a permissions-policy
  // violation as a console error on every writeText call; ask the policy first where we can.
  const policy = (document as unknown as { permissionsPolicy?: Policy; featurePolicy?: Policy }).permissionsPolicy ?? (document as unknown as { featurePolicy?: Policy }).featurePolicy
  let allowed = true
  try {
    allowed = policy ? policy.allowsFeature('clipboard-write') : true
  } catch {
    allowed = true
  }
  if (allowed && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // blocked by permission or missing (insecure context): try the old way
    }
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  const previous = document.activeElement as HTMLElement | null
  document.body.appendChild(ta)
  let ok = false
  try {
    ta.select()
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  ta.remove()
  previous?.focus?.({ preventScroll: true })
  return ok
}

interface Policy { allowsFeature(feature: string): boolean }

/** the hint in the page's language (./i18n.ts) */
export const copyHint = () => UI[langOfDocument()].copyHint

/**
 * Fallback when copying failed: select the contents of `target` and show copyHint() next to
 * `anchor` (a button) for a few seconds. A second call replaces the hint.
 * @param target element whose text the reader should copy (e.g. the <code> of a block)
 * @param anchor element after which the hint is inserted
 */
export function selectForManualCopy(target: Element, anchor: Element): void {
  const sel = window.getSelection()
  if (sel) {
    sel.removeAllRanges()
    const range = document.createRange()
    range.selectNodeContents(target)
    sel.addRange(range)
  }
  anchor.parentElement?.querySelector(':scope > .kb-copy-hint')?.remove()
  const hint = document.createElement('span')
  hint.className = 'kb-copy-hint'
  hint.setAttribute('role', 'status')
  hint.textContent = copyHint()
  anchor.insertAdjacentElement('afterend', hint)
  setTimeout(() => hint.remove(), 6000)
}
