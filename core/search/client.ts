/**
 * The site search box's index, in the browser. VitePress's search box (VPLocalSearchBox) does
 * `MiniSearch.loadJSON(json, options).search(text)`; the site config aliases the box's import
 * of `minisearch` to this module (and only that import: see .vitepress/config/shared.ts), so the
 * box keeps its UI, keyboard handling and accessibility while queries go through our query
 * engine (core/search/query.ts) instead of MiniSearch's plain term matching.
 *
 * Why not a copy of VPLocalSearchBox.vue (VitePress's documented way to replace a component):
 * 870 lines to keep in step with VitePress for a one-line difference.
 */
import Upstream, { type Options, type SearchResult } from 'minisearch-upstream'
import lexicon from 'virtual:search-lexicon'
import { searchSite, vocabularyOf, type Vocabulary } from './query'
import { loadShippedIndex } from './packed'

export type { Options, SearchResult }

/** What the search box uses of a MiniSearch instance. */
export default class SiteSearchIndex {
  private readonly vocab: Vocabulary
  private constructor(private readonly index: Upstream) {
    this.vocab = vocabularyOf(index)
  }

  /**
   * Same contract as MiniSearch.loadJSON, for the index VitePress built with our options after
   * .vitepress/config/search.ts packed it (core/search/packed.ts).
   * @throws when the chunk is not a packed index (loadShippedIndex)
   */
  static loadJSON(json: string, options: Options): SiteSearchIndex {
    return new SiteSearchIndex(loadShippedIndex(Upstream, json, options))
  }

  /**
   * Ranked results, best first (MiniSearch's result shape plus `coverage`). Each call is recorded
   * as a User Timing measure "docker-kb:search" with the query as detail: the bench reads
   * per-keystroke latency from them, and tests know when the box has searched for what they typed.
   */
  search(query: string): SearchResult[] {
    const start = performance.now()
    // the English edition's pages set <html lang="en-US"> (VitePress locale `lang`)
    const englishForms = document.documentElement.lang.startsWith('en')
    const results = searchSite(this.index, query, this.vocab, lexicon, { englishForms })
    performance.measure('docker-kb:search', { start, detail: { query } })
    return results
  }
}
