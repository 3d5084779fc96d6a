/**
 * Hydrate later (issue #14, Total Blocking Time): VitePress theme parts that a phone does not show
 * when the page loads keep their server HTML and are hydrated by Vue's lazy hydration
 * (`defineAsyncComponent({ hydrate })`, Vue 3.5) only when the reader can reach them:
 *  - the element comes into the viewport (the phone's sidebar slides in from the menu button, the
 *    desktop nav menu appears when the window gets wider, the doc footer is scrolled to), or
 *  - keyboard focus moves into it or a pointer goes down on it, or
 *  - a client-side navigation is about to start (installLazyHydration()): the component hydrates
 *    against the page it was rendered for, and from then on follows the route like any other.
 * On a desktop-wide window the sidebar and nav menu are in view at load, so they hydrate straight away.
 * Before hydration the server HTML works as plain HTML: links navigate (VitePress's router listens
 * for clicks on the whole document), text can be read and focused.
 *
 * What Vue does when the parent changes the component's props or class before it hydrated
 * (runtime-core, `defineAsyncComponent` → `__asyncHydrate`): the update marks it "patched", drops
 * the server HTML and renders the component from scratch with the new props; the pending lazy
 * hydration is then skipped. So the DOM always shows the current props, at the price of one client
 * render (tests/browser/lazy-hydration.test.ts opens the phone menu before anything hydrated it).
 *
 * Wired in by Vite aliases on VitePress's relative imports (`./VPSidebarGroup.vue` …,
 * .vitepress/config/shared.ts: LAZY_HYDRATED), VitePress's documented way to override a theme
 * component; the real component is imported as 'vitepress-theme-component/<name>', which they leave alone.
 */
import { defineAsyncComponent, defineComponent, getCurrentInstance, h, nextTick, type Component, type HydrationStrategy } from 'vue'
import type { Router } from 'vitepress'

/** Hydrate functions of components still waiting, run before a client-side navigation. */
const pending = new Set<() => void>()

/** Hydrate every component still waiting (see the file comment); returns once their mounted hooks ran. */
export async function hydratePending(): Promise<void> {
  if (!pending.size) return
  for (const hydrate of [...pending]) hydrate()
  await nextTick()
}

/**
 * Call once from enhanceApp (browser only), before installDeferred(): a navigation first hydrates
 * what waits (so the deferred components inside, ./deferred.ts, register their chunks for the
 * router to load before the next page renders). onBeforeRouteChange covers links and router.go();
 * onBeforePageLoad also covers Back/Forward.
 */
export function installLazyHydration(router: Router): void {
  const beforeRoute = router.onBeforeRouteChange
  router.onBeforeRouteChange = async (to: string) => {
    await hydratePending()
    return beforeRoute?.(to)
  }
  const beforeLoad = router.onBeforePageLoad
  router.onBeforePageLoad = async (to: string) => {
    await hydratePending()
    return beforeLoad?.(to)
  }
}

/** DOM events that mean the reader is about to use the component (keyboard or pointer). */
const INTERACTIONS = ['focusin', 'pointerdown'] as const

/**
 * Vue hydration strategy: when any of the component's top-level elements is in the viewport (or
 * becomes so), or on the first focus or pointer press inside it, or before a navigation. Elements
 * hidden by `display: none` (the desktop-only parts on a phone) are never in the viewport.
 */
export const whenReachable: HydrationStrategy = (hydrate, forEach) => {
  let done = false
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) run()
  })
  const elements: Element[] = []
  const run = () => {
    if (done) return
    done = true
    teardown()
    hydrate()
  }
  const teardown = () => {
    observer.disconnect()
    for (const el of elements) for (const type of INTERACTIONS) el.removeEventListener(type, run, true)
    pending.delete(run)
  }
  forEach((el) => {
    if (!(el instanceof Element)) return
    elements.push(el)
    observer.observe(el)
    // capture: the first press or focus hydrates before the element's own (new) handlers see the click
    for (const type of INTERACTIONS) el.addEventListener(type, run, { capture: true, passive: true })
  })
  pending.add(run)
  return teardown
}

/**
 * A component that hydrates with `strategy` (default whenReachable) instead of with the page.
 * Input: the real component and a name (for Vue's devtools and warnings). Attributes (props,
 * class) and slots are passed through. On the server, and wherever it is rendered on the client
 * rather than hydrated (a page reached by client-side navigation), it is the real component.
 */
export function hydrateLater(Real: Component, name: string, strategy: HydrationStrategy = whenReachable): Component {
  // the real component is already here (static import): the loader only lets Vue defer hydration
  const Lazy = defineAsyncComponent({ loader: () => Promise.resolve(Real), hydrate: strategy })
  return defineComponent({
    name: `Lazy${name}`,
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      // hydrating: Vue gives the component's vnode its server-rendered element before setup runs.
      // Read before the SSR test: behind it the SSR bundle drops the call and Rollup warns that
      // the import is unused
      const el = getCurrentInstance()?.vnode.el
      const hydrating = !import.meta.env.SSR && !!el
      return () => h(hydrating ? Lazy : Real, attrs, slots)
    },
  })
}
