/**
 * Build-time data loader for the glossary popover on English pages: id → { zh, en, short } with
 * `short` the English definition (`short_en`; the Chinese one, marked `fallback`, while it is missing).
 * A separate loader from glossary.data.ts so each language's popover chunk carries one language only.
 */
import { defineLoader } from 'vitepress'
import { clientTerms, loadGlossary, type ClientTerm } from '../../core/glossary'

declare const data: Record<string, ClientTerm>
export { data }

export default defineLoader({
  watch: ['../data/glossary/**/*.md'],
  load: () => clientTerms(loadGlossary(), 'en'),
})
