/**
 * Server-rendered now, JavaScript later (issue #14, lean pages): a component whose HTML every page
 * needs (it works without JavaScript, or is only shown in a mode the page may never enter) but
 * whose code only some readers need. `deferred(loader, options)` returns a component that
 *  - on the server renders the real component, inside `<div class="kb-deferred">`
 *    (`display: contents` in styles.css, so it adds no box);
 *  - when the page is hydrated, keeps that server HTML as it is and loads nothing, until
 *    `options.when` activates it: then it downloads the real component's chunk and renders it in
 *    place (a client render of the same markup, from the page's current data). Keyboard focus
 *    inside it stays on the same element (with what the reader already typed into a text box), and
 *    a click the reader made before the code arrived is replayed on the same element of the new
 *    markup (so the first click on a menu button opens it);
 *  - when rendered on the client instead of hydrated (a page reached by client-side navigation) or
 *    in the dev server, renders the real component straight away, as a plain async component would.
 *    Hydrated means hydrated from the server HTML, whenever that happens: inside a theme part that
 *    hydrates late (./lazy-hydration.ts) too.
 * With `navigation: true` it is also activated by the first client-side navigation, because its
 * server HTML then shows the previous page; the router waits for the chunk before it renders the
 * next page (installDeferred()), so the reader never sees the old page's links.
 *
 * Why not Vue's lazy hydration (`defineAsyncComponent({ hydrate })`): Vue downloads the chunk at
 * hydration time anyway and only delays hydrating it, so every page would still load the code.
 * Why a client render and not a late hydration: after a client-side navigation the server HTML
 * belongs to the first page, and Vue does not correct attributes (links) when hydrating in
 * production; a client render does not depend on the old HTML at all.
 */
import { defineAsyncComponent, defineComponent, getCurrentInstance, h, markRaw, nextTick, onBeforeUnmount, onMounted, ref, shallowRef, watch, type Component } from 'vue'
import { useRoute, type Router } from 'vitepress'

/** Chunks of not yet activated `navigation: true` components, loaded before the first navigation renders. */
const beforeNavigation = new Set<() => Promise<unknown>>()

/** Call once from enhanceApp (browser only): the router loads those chunks before it changes route. */
export function installDeferred(router: Router): void {
  const previous = router.onBeforeRouteChange
  router.onBeforeRouteChange = async (to: string) => {
    const result = await previous?.(to)
    // a chunk that fails to load must not block navigation: the component then loads after it
    await Promise.all([...beforeNavigation].map((load) => load().catch(() => undefined)))
    return result
  }
}

export interface DeferOptions {
  /**
   * Called once in the browser after hydration with `activate` and the wrapper element holding the
   * server HTML; call `activate` when the reader needs the component (may call it at once).
   * Returns an optional clean-up function.
   */
  when: (activate: () => void, el: HTMLElement) => (() => void) | void
  /** also activate on the first client-side navigation (the server HTML depends on the page) */
  navigation: boolean
}

/** Child indexes from `root` down to `node` (undefined when `node` is not inside `root`). */
function pathTo(root: Element, node: Node | null): number[] | undefined {
  const path: number[] = []
  for (let n = node; n && n !== root; n = n.parentNode) {
    if (!n.parentNode) return undefined
    path.unshift(Array.prototype.indexOf.call(n.parentNode.children, n))
  }
  return node && root.contains(node) ? path : undefined
}
const nodeAt = (root: Element, path: number[]) => path.reduce<Element | undefined>((el, i) => el?.children[i], root)

/**
 * A deferred component (see the file comment). Input: the component's dynamic import (so it
 * becomes its own chunk) and when to load it. Attributes are passed through to the real component.
 */
export function deferred(loader: () => Promise<{ default: Component }>, opts: DeferOptions): Component {
  const Real = defineAsyncComponent(loader)
  return defineComponent({
    name: 'Deferred',
    inheritAttrs: false,
    setup(_, { attrs }) {
      // only a hydration waits (Vue gives a hydrating vnode its server-rendered element before
      // setup runs); a client render renders at once. The instance is read first: behind the
      // SSR test the SSR bundle drops the call and Rollup warns that the import is unused
      const serverEl = getCurrentInstance()?.vnode.el
      const active = ref(import.meta.env.SSR || import.meta.env.DEV || !serverEl)
      const loaded = shallowRef<Component>()
      const el = ref<HTMLElement>()
      let cleanup: (() => void) | void
      let started = false
      let clickPath: number[] | undefined
      const onEarlyClick = (e: MouseEvent) => {
        // the server HTML has no handlers yet: remember the click and replay it on the real markup
        clickPath = pathTo(el.value!, e.target as Node)
        e.preventDefault()
      }
      const swap = (comp: Component) => {
        const root = el.value
        if (!root || active.value) return
        const focusPath = pathTo(root, document.activeElement)
        // what the reader typed into a server-rendered text box before the code arrived
        const typed = document.activeElement instanceof HTMLInputElement && root.contains(document.activeElement) ? document.activeElement.value : ''
        root.removeEventListener('click', onEarlyClick, true)
        root.textContent = ''
        loaded.value = markRaw(comp)
        active.value = true
        beforeNavigation.delete(load)
        // the real component may render its box disabled first and enable it once mounted (the
        // finder does): retry for a few frames (bounded) until the element can take the focus
        const restore = (tries: number) => {
          const focused = focusPath && (nodeAt(root, focusPath) as HTMLElement | undefined)
          if (focused && (focused as HTMLInputElement).disabled && tries > 0) return void requestAnimationFrame(() => restore(tries - 1))
          focused?.focus({ preventScroll: true })
          // carry it over: an `input` event updates the real component's v-model
          if (typed && focused instanceof HTMLInputElement && !focused.value) {
            focused.value = typed
            focused.dispatchEvent(new Event('input', { bubbles: true }))
          }
          if (clickPath) (nodeAt(root, clickPath) as HTMLElement | undefined)?.click()
        }
        nextTick(() => restore(20))
      }
      let module: Promise<{ default: Component }> | undefined
      let resolved: Component | undefined
      const load = () => (module ??= loader().then((m) => ((resolved = m.default), m)))
      const activate = () => {
        if (active.value || started) return
        started = true
        cleanup?.()
        // already loaded (the router waited for it before a navigation): swap in this same tick
        if (resolved) return swap(resolved)
        el.value?.addEventListener('click', onEarlyClick, true)
        load().then((m) => swap(m.default))
      }
      const route = opts.navigation && !active.value ? useRoute() : undefined
      if (!active.value) {
        onMounted(() => {
          cleanup = opts.when(activate, el.value!)
          if (!route) return
          beforeNavigation.add(load)
          const stop = watch(() => route.path, () => (stop(), activate()), { flush: 'sync' })
        })
        onBeforeUnmount(() => {
          cleanup?.()
          beforeNavigation.delete(load)
        })
      }
      return () => h('div', { ref: el, class: 'kb-deferred' }, active.value ? [h(loaded.value ?? Real, attrs)] : undefined)
    },
  })
}

/** `when`: in the embed view (`?embed=1`: the inline head script marked <html> `kb-embed`, see embed.ts). */
export const inEmbedView: DeferOptions['when'] = (activate) => {
  if (document.documentElement.classList.contains('kb-embed')) activate()
}

/** `when`: as soon as the reader moves towards it: pointer over it, keyboard focus in it, a touch. */
export const onInteraction: DeferOptions['when'] = (activate, el) => {
  const events = ['pointerover', 'focusin', 'touchstart'] as const
  for (const e of events) el.addEventListener(e, activate, { once: true, passive: true })
  return () => events.forEach((e) => el.removeEventListener(e, activate))
}
