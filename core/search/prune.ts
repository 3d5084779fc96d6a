/**
 * Post-processing of the serialized MiniSearch index (the JSON VitePress writes into the
 * `@localSearchIndex<locale>` chunk): drops postings that cost bytes on every first search but do
 * not change what a reader finds.
 *
 * Dropped: a word that occurs in the body text (`text` field) of at most RARE_SECTIONS sections and in no
 * title, heading or keyword field, and that is neither a word of the search lexicon (glossary names,
 * aliases, command keywords, synonyms) nor a flag (`--foo`). Why this is safe for recall: a Chinese
 * query word missing from the index is segmented against the index vocabulary (core/search/query.ts),
 * so it falls apart into shorter words and single characters, and a single character matches every
 * index word containing it; an unknown Latin word gets prefix and typo matching. The one section
 * still matches through its other words. Measured with scripts/search-eval.ts on the dev, regression
 * and held-out query sets: with 2 sections, ~2,900 of ~6,300 terms and ~25 KB gzip (of 175) less,
 * same top-1/top-3/MRR on all three sets; with 3 sections the dev set loses a top-1 and a top-3.
 *
 * Input/output: MiniSearch's `toJSON()` shape (serializationVersion 2: `index` is an array of
 * [term, { [fieldId]: { [shortDocId]: termFrequency } }]); `fieldIds` maps field names to ids.
 * Throws when the shape is not the one this was written for (a MiniSearch upgrade must be looked at).
 */
/** the largest number of sections a dropped word may occur in (see above for how it was chosen) */
export const RARE_SECTIONS = 2

export interface SerializedIndex {
  serializationVersion: number
  fieldIds: Record<string, number>
  index: [string, Record<string, Record<string, number>>][]
  [key: string]: unknown
}


/** @returns a new object (the input is not changed) and the number of terms removed */
export function pruneIndex(json: SerializedIndex, lexiconWords: ReadonlySet<string>): { json: SerializedIndex; dropped: number } {
  if (json.serializationVersion !== 2 || !Array.isArray(json.index) || !('text' in json.fieldIds)) {
    throw new Error(`pruneIndex: unexpected MiniSearch serialization (version ${json.serializationVersion}); check core/search/prune.ts against the installed minisearch`)
  }
  const text = String(json.fieldIds.text)
  const index = json.index.filter(([term, fields]) => {
    const ids = Object.keys(fields)
    const rare = ids.length === 1 && ids[0] === text && Object.keys(fields[text]).length <= RARE_SECTIONS
    return !(rare && !term.startsWith('-') && !lexiconWords.has(term))
  })
  return { json: { ...json, index }, dropped: json.index.length - index.length }
}
