/**
 * The search index's tokenizer (build time, Node only): jieba word segmentation in search mode
 * (`cutForSearch` also emits the words inside a compound: 端口映射 → 端口, 映射, 端口映射), with the
 * site's own Docker vocabulary (glossary names and aliases, command keywords, the synonym table)
 * loaded as a user dictionary so that 数据卷, 绑定挂载, 重启策略 are single words.
 *
 * Why jieba and not character bigrams: see docs/contribute/decisions.md ("站内搜索"). The query
 * side cannot run jieba in the browser (native code, 5 MB dictionary); it segments queries by
 * maximum matching against this index's own vocabulary (query.ts), which yields the same words
 * wherever the query uses words the pages use.
 *
 * VitePress serializes MiniSearch's `tokenize` option into the client's theme config; the client
 * never calls it (core/search/client.ts supplies its own query path), so it may use Node modules.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { CJK_CHAR, hasCjk, isStopTerm, latinTerms, normalize, pieces } from './text'

/** jieba user-dictionary frequency for site words: high enough to win over the general dictionary's splits. */
const USER_WORD_FREQ = 200000

/**
 * Make the index tokenizer.
 * @param words domain words (any script; only those containing CJK matter to jieba)
 * @param mode 'search' (the site's): also the words inside compounds; 'cut': plain segmentation
 *   (kept for the comparison in scripts/search-eval.ts)
 * @returns tokenize(text) → index terms (normalised, stop words removed, duplicates kept: term
 *   frequency matters to BM25)
 */
export function createIndexTokenizer(words: Iterable<string>, mode: 'search' | 'cut' = 'search'): (text: string) => string[] {
  const jieba = siteJieba(words)
  return (text: string) => {
    const out: string[] = []
    for (const p of pieces(normalize(text))) {
      let terms = p.kind === 'cjk' ? (mode === 'search' ? jieba.cutForSearch(p.text, false) : jieba.cut(p.text, false)) : latinTerms(p)
      // image references, URLs and paths (`localhost:5000/team/app:2.0`) are indexed by their
      // parts only: the query side matches a typed compound by all of its parts, and the whole
      // strings were a third of the Latin vocabulary
      if (p.kind === 'latin' && /[:/]/.test(p.text) && terms.length > 1) terms = terms.slice(1)
      for (const t of terms) if (t.trim() && !isStopTerm(t)) out.push(t)
    }
    return out
  }
}

/** jieba with the general dictionary and the site's words (any script; CJK ones without spaces are loaded). */
function siteJieba(words: Iterable<string>): Jieba {
  const jieba = Jieba.withDict(dict)
  const lines: string[] = []
  for (const w of words) {
    const n = normalize(w).trim()
    // jieba's dictionary format is "word freq"; a word with spaces cannot be one entry
    if (hasCjk(n) && !/\s/.test(n)) lines.push(`${n} ${USER_WORD_FREQ}`)
  }
  if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n') + '\n'))
  return jieba
}

/**
 * The index's word segmentation of one CJK run, as a partition (jieba cut mode with the same
 * dictionary as createIndexTokenizer; no normalisation, no stop words dropped, so the words
 * concatenate back to the run). Used by the command finder's index (FinderEntry.zhCuts).
 * @param words the site's words, as for createIndexTokenizer
 * @returns cut(run) → the words of `run`, in order; throws if `run` is not one CJK run
 */
export function createWordSplitter(words: Iterable<string>): (run: string) => string[] {
  const jieba = siteJieba(words)
  // one run of the characters text.ts calls CJK (the same class the finder's runs are cut by)
  const oneRun = new RegExp(`^${CJK_CHAR.source}+$`)
  return (run: string) => {
    if (!oneRun.test(run)) throw new Error(`createWordSplitter: not one CJK run: ${JSON.stringify(run)}`)
    const out = jieba.cut(run, false)
    if (out.join('') !== run) throw new Error(`createWordSplitter: jieba changed the text of ${JSON.stringify(run)}`)
    return out
  }
}
