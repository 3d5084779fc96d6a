/**
 * Registers the glossary components: <GlossaryTerm> / <GlossaryTermEn> (written by `[[id]]` on Chinese /
 * English pages) and <GlossaryList> (the
 * glossary page). Both load as their own chunks (issue #14, lean pages): the term popover is not
 * needed to read a page (the server HTML already has the linked term), and the list only on /glossary/.
 */
import { defineAsyncComponent, type App } from 'vue'

export function registerGlossary(app: App): void {
  app.component('GlossaryTerm', defineAsyncComponent(() => import('./components/GlossaryTerm.vue')))
  // English pages (/en/): the same popover with the English data, in its own chunk
  app.component('GlossaryTermEn', defineAsyncComponent(() => import('./components/GlossaryTermEn.vue')))
  app.component('GlossaryList', defineAsyncComponent(() => import('./components/GlossaryList.vue')))
}
