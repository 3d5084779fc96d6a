/**
 * "Did you mean …?" for names a writer typed: the edit distance behind the glossary's id
 * suggestions (core/glossary.ts suggestIds), the schema's unknown-key hints (core/schema.ts) and the
 * page check's dead-link hints (scripts/lib/dead-links.ts). One owner, so a typo is judged the same
 * way everywhere.
 */

/**
 * Edit distance counting an adjacent transposition as one edit ("contianer" → "container" = 1;
 * optimal string alignment).
 * @returns the number of insertions, deletions, substitutions and swaps of neighbours that turn `a` into `b`
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * The candidate a mistyped `word` most likely meant, or undefined when none is close enough to be
 * worth saying (a wrong hint is worse than none). Close enough: at most one edit per three
 * characters of the word (at least one edit), or the candidate starts with the word (`desc` →
 * description, at least three characters). Case is ignored; ties go to the earlier candidate.
 * @param word what was typed (an unknown key, a page path)
 * @param candidates the names that exist, in order of preference
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase()
  const limit = Math.max(1, Math.floor([...w].length / 3))
  let best: { name: string; d: number } | undefined
  for (const name of candidates) {
    const n = name.toLowerCase()
    const d = w.length >= 3 && n.startsWith(w) ? Math.min(editDistance(w, n), limit) : editDistance(w, n)
    if (d <= limit && (!best || d < best.d)) best = { name, d }
  }
  return best?.name
}
