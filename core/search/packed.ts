/**
 * A compact, lossless encoding of the serialized MiniSearch index the site ships: the same data
 * as MiniSearch's `toJSON()` (serializationVersion 2), written with arrays instead of objects
 * keyed by document number, so the first search fetches fewer bytes. Nothing is dropped:
 * `unpackIndex(packIndex(x))` equals `x`, so every ranking is unchanged (tests/unit/search.test.ts
 * checks the round trip; scripts/search-eval.ts searches the unpacked index).
 *
 * Why: MiniSearch writes every posting as `"<document number>":<term frequency>` inside an object
 * per field, and documentIds / fieldLength / storedFields as objects keyed by document number.
 * Those keys and quotes were ~30 % of the gzip size of the zh index (159 KB → 120 KB packed,
 * measured with scripts/search-eval.ts). Postings are written as gaps between sorted document
 * numbers (small numbers compress well) with the term frequency only where it is not 1 (76 %
 * of postings have frequency 1).
 *
 * Packed shape (PackedIndex):
 *  - `packed`: PACKED_FORMAT (the client refuses anything else)
 *  - the scalar MiniSearch fields as they are (documentCount, nextId, dirtCount, fieldIds,
 *    averageFieldLength, serializationVersion)
 *  - `documentIds`, `fieldLength`: arrays, position = document number
 *  - `storedFieldNames` + `storedFields`: one array of values per document, in that name order
 *  - `index`: [term, fieldId, postings, fieldId, postings, …] where postings lists, by increasing
 *    document number, the gap to the previous one (first: the number itself) as a number when the
 *    term frequency is 1, else as [gap, frequency]
 *
 * Pure module (no DOM, no Node): runs in the browser (client.ts), at build time and in tests.
 */
import type { AsPlainObject, Options } from 'minisearch'
import type { SerializedIndex } from './prune'
import { INDEX_FIELDS, extractField } from './sections'

/** Format tag of the packed index; bump when the shape changes. */
export const PACKED_FORMAT = 'docker-kb-search-1'

type Posting = number | [number, number]

export interface PackedIndex {
  packed: typeof PACKED_FORMAT
  serializationVersion: number
  documentCount: number
  nextId: number
  dirtCount: number
  fieldIds: Record<string, number>
  averageFieldLength: number[]
  documentIds: string[]
  fieldLength: number[][]
  storedFieldNames: string[]
  storedFields: unknown[][]
  index: (string | number | Posting[])[][]
}

/** Values of an object keyed 0…n-1 as an array; throws when a key is missing (a removed document). */
function dense<T>(obj: Record<string, T>, n: number, what: string): T[] {
  const out: T[] = []
  for (let i = 0; i < n; i++) {
    if (!(i in obj)) throw new Error(`packIndex: ${what} has no entry for document ${i} (an index with removed documents); pack a freshly built index`)
    out.push(obj[i])
  }
  return out
}

/**
 * Pack a MiniSearch serialization (the object `JSON.parse(JSON.stringify(miniSearch))` gives).
 * @throws when it is not serializationVersion 2, or its documents are not numbered 0…n-1 (the
 *   array positions would lose the numbering)
 */
export function packIndex(json: SerializedIndex): PackedIndex {
  if (json.serializationVersion !== 2 || !Array.isArray(json.index)) {
    throw new Error(`packIndex: unexpected MiniSearch serialization (version ${json.serializationVersion}); check core/search/packed.ts against the installed minisearch`)
  }
  const plain = json as unknown as AsPlainObject
  const n = Object.keys(plain.documentIds).length
  if (plain.nextId !== n) throw new Error(`packIndex: ${n} documents but nextId ${plain.nextId} (an index with removed documents); pack a freshly built index`)
  const stored = dense(plain.storedFields as Record<string, Record<string, unknown> | undefined>, n, 'storedFields')
  const storedFieldNames = [...new Set(stored.flatMap((s) => Object.keys(s ?? {})))]
  const index = json.index.map(([term, fields]) => {
    const row: (string | number | Posting[])[] = [term]
    for (const [fieldId, docs] of Object.entries(fields)) {
      let prev = 0
      const postings = Object.keys(docs).map(Number).sort((a, b) => a - b).map((doc): Posting => {
        const gap = doc - prev
        prev = doc
        const tf = docs[doc]
        return tf === 1 ? gap : [gap, tf]
      })
      row.push(Number(fieldId), postings)
    }
    return row
  })
  return {
    packed: PACKED_FORMAT,
    serializationVersion: json.serializationVersion,
    documentCount: plain.documentCount,
    nextId: plain.nextId,
    dirtCount: plain.dirtCount ?? 0,
    fieldIds: plain.fieldIds,
    averageFieldLength: plain.averageFieldLength,
    documentIds: dense(plain.documentIds, n, 'documentIds'),
    fieldLength: dense(plain.fieldLength, n, 'fieldLength'),
    storedFieldNames,
    // a missing value stays missing (null in JSON, dropped again on unpacking)
    storedFields: stored.map((s) => storedFieldNames.map((k) => (s && k in s ? s[k] : null))),
    index,
  }
}

/**
 * The MiniSearch serialization back (for `MiniSearch.loadJS`).
 * @throws when `packed` is not a PackedIndex of this format (a stale or foreign chunk)
 */
export function unpackIndex(packed: PackedIndex): AsPlainObject {
  if (packed?.packed !== PACKED_FORMAT) throw new Error(`unpackIndex: not a packed search index of format ${PACKED_FORMAT} (got ${String(packed?.packed)})`)
  const byDoc = <T>(values: T[]) => Object.fromEntries(values.map((v, i) => [i, v]))
  const index = packed.index.map((row): [string, Record<string, Record<string, number>>] => {
    const fields: Record<string, Record<string, number>> = {}
    for (let i = 1; i < row.length; i += 2) {
      const docs: Record<string, number> = {}
      let doc = 0
      for (const p of row[i + 1] as Posting[]) {
        if (typeof p === 'number') { doc += p; docs[doc] = 1 } else { doc += p[0]; docs[doc] = p[1] }
      }
      fields[row[i] as number] = docs
    }
    return [row[0] as string, fields]
  })
  const storedFields = packed.storedFields.map((values) => Object.fromEntries(packed.storedFieldNames.map((k, i) => [k, values[i]]).filter(([, v]) => v !== null)))
  return {
    documentCount: packed.documentCount,
    nextId: packed.nextId,
    dirtCount: packed.dirtCount,
    fieldIds: packed.fieldIds,
    averageFieldLength: packed.averageFieldLength,
    serializationVersion: packed.serializationVersion,
    documentIds: byDoc(packed.documentIds),
    fieldLength: byDoc(packed.fieldLength),
    storedFields: byDoc(storedFields),
    index,
  } as AsPlainObject
}

/**
 * The shipped index read back the way the search box reads it: unpacked, then loaded with the
 * options the box passes plus the site's fields and extractField. One owner for the browser
 * (core/search/client.ts) and Node (scripts/lib/search-quality.ts builtSiteSearch), so the tests'
 * engine cannot drift from the box's.
 * @param MiniSearchClass the class to load with: the browser passes 'minisearch-upstream' (there,
 *   'minisearch' is aliased to client.ts itself), Node passes 'minisearch'
 * @param json the index module's default export (a JSON string of a PackedIndex)
 * @param options the search box's MiniSearch options (VPLocalSearchBox.vue loadJSON)
 * @throws when `json` is not a packed index (unpackIndex)
 */
export function loadShippedIndex<M>(MiniSearchClass: { loadJS(js: AsPlainObject, options: Options): M }, json: string, options: Options): M {
  return MiniSearchClass.loadJS(unpackIndex(JSON.parse(json)), { ...options, fields: INDEX_FIELDS, extractField })
}
