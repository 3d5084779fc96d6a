/**
 * Build-time data loader for the glossary popover: id → { zh, en, short } (about 11 KB of JSON).
 * Only the short definitions travel to the browser; the long texts are rendered into the
 * glossary page itself at Markdown level (see `[[glossary-list]]` in core/glossary-refs.ts).
 */
import { defineLoader } from 'vitepress'
import { clientTerms, loadGlossary, type ClientTerm } from '../../core/glossary'

export type { ClientTerm }
declare const data: Record<string, ClientTerm>
export { data }

export default defineLoader({
  watch: ['../data/glossary/**/*.md'],
  load: () => clientTerms(loadGlossary()),
})
