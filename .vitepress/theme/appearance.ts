/**
 * Dark mode without a forced style recalculation at load (issue #14, Total Blocking Time).
 *
 * VitePress switches dark mode with VueUse's useDark, which by default (`disableTransition`) adds a
 * stylesheet that turns all CSS transitions off, sets the `dark` class on <html>, forces a style
 * recalculation of the whole page (`getComputedStyle`) and removes the stylesheet again, so colours
 * change at once instead of fading. It also does so twice while the page starts, when nothing
 * changes (the inline head script already set the class): two full-page style recalculations inside
 * the hydration's long task, 0.2–1.3 s on a phone-class CPU on long pages (`npm run profile:load`,
 * chunks/framework.js, VueUse's updateHTMLAttrs).
 *
 * So the site config turns that off (`appearance: { disableTransition: false }`, passed to useDark)
 * and this module does the same thing only when the `dark` class really changes (the theme switch,
 * the system setting in auto mode, another tab, printing): it watches the class and, before the
 * browser renders the change, turns transitions off around one style recalculation, with VueUse's
 * own stylesheet. Same look as before when switching; nothing at load.
 */

/** VueUse 12's stylesheet for `disableTransition` (useColorMode), unchanged. */
export const NO_TRANSITIONS = '*,*::before,*::after{-webkit-transition:none!important;-moz-transition:none!important;-o-transition:none!important;-ms-transition:none!important;transition:none!important}'

/** Call once in the browser (enhanceApp). */
export function installInstantDarkSwitch(): void {
  const html = document.documentElement
  let dark = html.classList.contains('dark')
  // a MutationObserver's callback runs as a microtask after the class change, before the browser
  // recalculates styles for the next frame: the transitions never start
  new MutationObserver(() => {
    if (html.classList.contains('dark') === dark) return
    dark = !dark
    const style = document.createElement('style')
    style.textContent = NO_TRANSITIONS
    document.head.appendChild(style)
    void getComputedStyle(style).opacity // style recalculation with transitions off (as VueUse does)
    style.remove()
  }).observe(html, { attributes: true, attributeFilter: ['class'] })
}
