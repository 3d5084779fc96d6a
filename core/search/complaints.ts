/**
 * How a query says that something does not work, in Chinese and English: one table for the query
 * engine (core/search/query.ts), which drops these words as concepts, and reads them as the start
 * of a problem after a command line.
 *
 * Why a table of our own: no library lists Chinese complaint residues ("不了" of "用不了"); both
 * languages' forms were two tables in query.ts (FAILURE_WORDS, EN_FAILURE_RE) until search25.
 */

/**
 * One way of complaining: the query words it leaves behind once segmented, and, when those words
 * are also ordinary words ("not", "work"), the phrase that must be present before they are dropped.
 */
export interface Complaint {
  /** concept labels (normalised query words) that carry the complaint and no topic */
  words: ReadonlySet<string>
  /** only when the normalised query matches this: the words alone are no complaint */
  phrase?: RegExp
}

/**
 * The complaints, applied in this order.
 *
 * - Chinese: what is left of a complaint once segmentation has taken the verb ("用不了" → 用 + 不了,
 *   "打不开", "起不来", "卡住不动"): every troubleshooting question says it, no page is about it, and
 *   as a concept it halved the coverage of the section that answers the rest ("装了docker用不了 权限不够"
 *   led with the install page, whose text has 不了) (search15).
 * - English, "X not working" / "X doesn't work" ("port mapping not working", "hot reload not working in
 *   container"): as concepts, not and working led with "a pod is not a compose project" and "WORKDIR:
 *   the working directory" (held-out set 16). Only the phrase counts: "when should I not use docker"
 *   keeps its not (search, 2026-12-03).
 */
export const COMPLAINTS: readonly Complaint[] = [
  { words: new Set(['不了', '不上', '不开', '不来', '不动', '不到', '不行', '不好使']) },
  {
    words: new Set(['not', 'work', 'working', 'works', 'doesn', 'isn', 'won', 'don']),
    phrase: /\b(?:not|doesn'?t|does not|isn'?t|won'?t|don'?t|do not)\s+work(?:ing|s)?\b/,
  },
]

/**
 * English words that say something is wrong or missing ("shows nothing", "no output", "not found"):
 * two words after a command line's flags and arguments with one of these are a problem, not two
 * arguments (query.ts problemWords, search25).
 */
export const EN_NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'nothing', 'never', 'none', 'cannot', 'empty'])

/**
 * Removes (in place) the complaint words of every complaint the query makes, when the query says
 * anything else: never leaves it empty.
 * @param concepts the query's concepts, by label
 * @param text the normalised query (for complaints with a phrase)
 */
export function dropComplaints(concepts: { label: string }[], text: string): void {
  for (const { words, phrase } of COMPLAINTS) {
    if (phrase && !phrase.test(text)) continue
    if (concepts.some((c) => !words.has(c.label))) concepts.splice(0, concepts.length, ...concepts.filter((c) => !words.has(c.label)))
  }
}
