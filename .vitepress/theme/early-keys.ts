/**
 * Search keys pressed before the app is ready are not lost.
 *
 * VitePress listens for Ctrl K / ⌘ K and "/" in VPNavBarSearch, which exists only once the app has
 * hydrated. On a slow phone or a loaded machine that is seconds after the page is readable, and a key
 * pressed meanwhile did nothing, or Ctrl K went to the browser (outside reader: "the search box was not
 * open 1–3 s after the key press, and the typed query was lost"). EARLY_KEYS_HEAD_SCRIPT, inlined in
 * <head> (.vitepress/config/shared.ts), catches those keys until the app is ready and remembers the
 * printable characters typed after them; releaseEarlyKeys(), called when the layout has mounted, opens
 * the search the way the key would have (a synthetic keydown on window, which VitePress's onKeyStroke
 * handles) and puts the remembered text into its input.
 *
 * The head script stays inert inside an embed (?embed=1: the site chrome, search included, is hidden)
 * and in form fields (a "/" typed into an input is text). It keeps state on window under EARLY_KEYS
 * because the head script is a plain string: no module can be imported there.
 */

/** window property shared by the head script and releaseEarlyKeys: { ready, open, text } */
export const EARLY_KEYS = '__kbEarlyKeys'

/** Source of the inline head script (ES5, no imports); see the module comment. */
export const EARLY_KEYS_HEAD_SCRIPT = `;(function () {
  var s = window.${EARLY_KEYS} = { ready: false, open: '', text: '' }
  function editing(t) { return !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) }
  addEventListener('keydown', function (e) {
    if (s.ready || document.documentElement.classList.contains('kb-embed')) return
    var k = e.key || ''
    if (!s.open) {
      if ((k === 'k' || k === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey) s.open = 'k'
      else if (k === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !editing(e.target)) s.open = '/'
      else return
    } else if (k === 'Backspace') s.text = s.text.slice(0, -1)
    else if (k === 'Escape') { s.open = ''; s.text = ''; return }
    else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) s.text += k
    else return
    e.preventDefault()
  }, true)
})()`

interface EarlyKeys { ready: boolean; open: '' | 'k' | '/'; text: string }

/**
 * Hand the keys over to the app (call once, when the layout has mounted; browser only). If a search
 * key was pressed early, open the search as that key does and fill its input with what was typed
 * after it (VitePress's #localsearch-input; the text goes in through an `input` event so its v-model
 * sees it). Waits at most `timeoutMs` (ms) for the search box, which loads on demand.
 */
export function releaseEarlyKeys(timeoutMs = 10_000): void {
  const s = (window as unknown as Record<string, EarlyKeys | undefined>)[EARLY_KEYS]
  if (!s || s.ready) return
  s.ready = true
  if (!s.open) return
  const key = s.open === 'k' ? { key: 'k', ctrlKey: true } : { key: '/' }
  window.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }))
  const text = s.text
  if (!text) return
  const start = Date.now()
  const fill = () => {
    const input = document.querySelector<HTMLInputElement>('#localsearch-input')
    if (input) {
      input.value = text
      input.dispatchEvent(new Event('input', { bubbles: true }))
    } else if (Date.now() - start < timeoutMs) setTimeout(fill, 50)
  }
  fill()
}
