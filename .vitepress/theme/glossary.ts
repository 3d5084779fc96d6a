/** Registers the glossary components: <GlossaryTerm> (written by `[[id]]`) and <GlossaryList> (the glossary page). */
import type { App } from 'vue'
import GlossaryTerm from './components/GlossaryTerm.vue'
import GlossaryList from './components/GlossaryList.vue'

export function registerGlossary(app: App): void {
  app.component('GlossaryTerm', GlossaryTerm)
  app.component('GlossaryList', GlossaryList)
}
