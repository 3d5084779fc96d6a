/**
 * Registers the command-reference components. The finder's filter function and index types live in
 * docs/data/commands/finder.ts (imported only by the finder's own chunk, not by every page).
 */
import { defineComponent, h, type App } from 'vue'
import { useData } from 'vitepress'
import { deferred, onInteraction, type DeferOptions } from './deferred'

export type { FinderEntry, FinderGroup, FinderIndex, FinderHit } from '../../docs/data/commands/finder'

/**
 * The finder's query in the page address (`/?q=端口`, `/cli/?q=端口`): CommandFinder.vue keeps what was
 * typed there and reads it on mount; the deferred finder loads at once when the address has one.
 * Browser only. Returns '' when there is none.
 */
export const addressQuery = (): string => new URLSearchParams(location.search).get('q') ?? ''

/**
 * The finder's own key: Alt+/ (finder19). "/" and Ctrl K open the site search on every page, as
 * VitePress does and the nav bar shows; the finder used to take "/" on the pages that have one, so
 * the same key did two things (docs/contribute/decisions.md). `code` too: on macOS Option+/ types
 * "÷"; `key` too: on layouts where "/" is not on that key. Input: a keydown event; output: whether
 * it is the finder's key (no Ctrl, no Meta).
 */
export const isFinderKey = (ev: KeyboardEvent): boolean =>
  ev.altKey && !ev.ctrlKey && !ev.metaKey && (ev.code === 'Slash' || ev.key === '/')

/**
 * `when` of the finder: the reader moves to it (onInteraction), or presses Alt+/ — the finder's own
 * shortcut (isFinderKey, CommandFinder.vue onFinderKey): then the box gets the focus once its code is there.
 */
const onFinderUse: DeferOptions['when'] = (activate, el) => {
  // The server renders the box disabled (without JavaScript it could not filter). Once the page is
  // hydrated, enable it: a disabled box takes no focus, so a keyboard reader could never Tab to it
  // (and so never trigger the focus below) and a first click would not put the cursor in it.
  // Focusing it loads the code; what is typed meanwhile is carried over (deferred.ts).
  el.querySelector<HTMLInputElement>('input.cf-input[disabled]')?.removeAttribute('disabled')
  // the address holds a query (`?q=…`, CommandFinder.vue keeps what was typed there): show its results now
  if (addressQuery()) {
    activate()
    return
  }
  const stopInteraction = onInteraction(activate, el)
  let observer: MutationObserver | undefined
  const onFinderKey = (ev: KeyboardEvent) => {
    if (!isFinderKey(ev)) return
    // as the finder's own handler: VitePress's search box opens on a key "/" (Alt or not)
    ev.preventDefault()
    ev.stopImmediatePropagation()
    // the server-rendered box is disabled; focus the live one as soon as it is rendered
    observer = new MutationObserver(() => {
      const input = el.querySelector<HTMLInputElement>('input:not([disabled])')
      if (input) { observer?.disconnect(); input.focus() }
    })
    observer.observe(el, { subtree: true, childList: true, attributes: true })
    activate()
  }
  window.addEventListener('keydown', onFinderKey, true)
  return () => {
    stopInteraction?.()
    window.removeEventListener('keydown', onFinderKey, true)
  }
}

/**
 * The finder loads as its own chunk, only on pages that use it: pages without a finder download
 * neither the command index nor the filter. (The entries' copy buttons are static HTML with one
 * listener, ./command-copy.ts.)
 */
export function registerCommands(app: App): void {
  // one chunk per language: a Chinese reader does not download the English task words, and
  // the other way round (the index is most of the finder's weight). Deferred (./deferred.ts): the
  // server HTML lists the commands and links already; the code and the index (65 KB on the home
  // page, issue #14) load when the reader moves to the finder or presses Alt+/
  const zh = deferred(() => import('./components/CommandFinderZh.vue'), { when: onFinderUse, navigation: false })
  const en = deferred(() => import('./components/CommandFinderEn.vue'), { when: onFinderUse, navigation: false })
  app.component('CommandFinder', defineComponent({
    name: 'CommandFinderByLanguage',
    inheritAttrs: false,
    setup(_, { attrs }) {
      const { localeIndex } = useData()
      return () => h(localeIndex.value === 'en' ? en : zh, attrs)
    },
  }))
}
