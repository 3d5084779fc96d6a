/**
 * Registers the glossary components: <GlossaryTerm> (written by `[[id]]`) and <GlossaryList> (the
 * glossary page). Both load as their own chunks (issue #14, lean pages): the term popover is not
 * needed to read a page (the server HTML already has the linked term), and the list only on /glossary/.
 */
import { defineAsyncComponent, type App } from 'vue'

export function registerGlossary(app: App): void {
  app.component('GlossaryTerm', defineAsyncComponent(() => import('./components/GlossaryTerm.vue')))
  app.component('GlossaryList', defineAsyncComponent(() => import('./components/GlossaryList.vue')))
}
