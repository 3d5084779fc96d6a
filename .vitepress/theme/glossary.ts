/**
 * The glossary in the browser: <GlossaryFilter> (the tag chips of the glossary page; its own chunk,
 * issue #14 lean pages) and the popover of `[[id]]` references, which are static links whose popover code loads on
 * demand (./glossary-links.ts).
 */
import { defineAsyncComponent, type App } from 'vue'
import { installGlossaryLinks } from './glossary-links'

export function registerGlossary(app: App): void {
  app.component('GlossaryFilter', defineAsyncComponent(() => import('./components/GlossaryFilter.vue')))
  if (typeof window !== 'undefined') installGlossaryLinks()
}
