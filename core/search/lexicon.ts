/**
 * The search lexicon: the site's own words (for the index's segmenter) and groups of equivalent
 * phrases (for query expansion), built from one source each — glossary names and aliases,
 * command keywords, and the small table in synonyms.ts.
 *
 * Built at build time in Node (see .vitepress/config/search.ts); the synonym groups are shipped to
 * the browser with the search box's chunk (virtual module `virtual:search-lexicon`).
 */
import { SYNONYMS } from './synonyms'
import { normalize } from './text'

/** What query analysis needs in the browser. Phrases are `normalize`d. */
export interface Lexicon { synonyms: string[][] }

/** A glossary term as far as search is concerned. */
export interface LexiconTerm { zh: string; en: string; aliases?: string[] }

/**
 * @param terms glossary terms: zh name, en name and aliases become one synonym group each
 * @param keywords extra site words (command keywords, page keywords): segmenter vocabulary only
 * @returns lexicon for the browser, and every site word for the index segmenter's dictionary
 */
export function buildLexicon(terms: LexiconTerm[], keywords: Iterable<string>): { lexicon: Lexicon; words: string[] } {
  const groups: string[][] = []
  const add = (g: string[]) => {
    const n = [...new Set(g.map((p) => normalize(p).trim()).filter(Boolean))]
    if (n.length > 1) groups.push(n)
  }
  for (const t of terms) add([t.zh, t.en, ...(t.aliases ?? [])])
  for (const g of SYNONYMS) add(g)
  const words = new Set<string>()
  for (const g of groups) for (const p of g) words.add(p)
  for (const k of keywords) words.add(normalize(k).trim())
  return { lexicon: { synonyms: groups }, words: [...words].filter(Boolean) }
}
