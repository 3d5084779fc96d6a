/**
 * Text rules shared by the search index (built in Node) and the query side (browser, command
 * finder, tests): how text is normalised and split into pieces, and which words carry no meaning.
 * Both sides must agree on these, or a query term can never equal an index term.
 *
 * Pure module: no Node or DOM APIs, so it runs at build time, in the browser and in unit tests.
 */

import { stemmer } from 'stemmer'

/**
 * English word forms: on the English edition "containers", "running", "deleted" should find
 * pages that say "container", "run", "delete". The English index holds each plain English word
 * (letters only, 4+ letters, not a stop word) as written AND in its reduced form (Porter stemmer,
 * the `stemmer` package); a query word matches its own form fully and the reduced form like a
 * synonym (query.ts `englishForms`). The Chinese index and queries are left as they are: there,
 * English words are exact terms, and adding reduced forms cost ranking. Measured with
 * scripts/search-eval.ts `--stem porter|none` (see docs/contribute/decisions.md).
 * Flags, image references, versions and short words are never reduced.
 */
export type EnglishStemmer = 'porter' | 'none'
let stemMode: EnglishStemmer = 'porter'
/** For the evaluation script only: compare reductions (the site uses the default). */
export function setEnglishStemmer(mode: EnglishStemmer): void { stemMode = mode }
/** The reduced form of one normalised word (the word itself when it is not reduced). */
export function englishForm(word: string): string {
  if (stemMode === 'none' || word.length < 4 || !/^[a-z]+$/.test(word) || EN_STOP.has(word)) return word
  return stemmer(word)
}

/**
 * The reduced forms of the plain English words in `text` that differ from the word as written,
 * space-separated (what the English index adds to a section, .vitepress/config/search.ts).
 */
export function englishFormsOf(text: string): string {
  const out: string[] = []
  for (const p of pieces(normalize(text))) {
    if (p.kind !== 'latin') continue
    const f = englishForm(p.text)
    if (f !== p.text) out.push(f)
  }
  return out.join(' ')
}

/** One CJK ideograph (CJK Unified Ideographs, Extension A, Compatibility Ideographs). */
export const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/
export const hasCjk = (s: string) => CJK_CHAR.test(s)

/**
 * Lower-case, full-width → half-width (NFKC turns "ＩＰ" into "ip" and "－ｐ" into "-p"), and
 * curly quotes → straight, so that what readers paste matches what the pages say.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"')
}

/** A run of text of one kind: a command-line flag, a CJK run, or a Latin word. */
export interface Piece { kind: 'flag' | 'cjk' | 'latin'; text: string }

// flags first (`-p`, `--restart`, `--restart=always` → `--restart`), then CJK runs, then Latin
// words with the characters that hold image references and versions together (`node:22-alpine`).
const PIECE_RE = /(?<![\w-])(--?[a-z][\w-]*)|([\u3400-\u9fff\uf900-\ufaff]+)|([a-z0-9_][\w.:/-]*)/g

/** Split normalised text into pieces, in order. Input should already be `normalize`d. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = []
  PIECE_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PIECE_RE.exec(text))) {
    if (m[1]) out.push({ kind: 'flag', text: m[1] })
    else if (m[2]) out.push({ kind: 'cjk', text: m[2] })
    else out.push({ kind: 'latin', text: m[3].replace(/[.:/-]+$/, '') })
  }
  return out
}

/**
 * Terms of one Latin word or flag, as both index and query see them: the whole word, and the
 * parts of a compound (`node:22-alpine` → node, 22, alpine; `--restart` → restart).
 */
export function latinTerms(p: Piece): string[] {
  if (p.kind === 'flag') {
    const bare = p.text.replace(/^-+/, '')
    return bare.length > 1 ? [p.text, bare] : [p.text]
  }
  const parts = p.text.split(/[.:/_-]+/).filter((x) => x && x !== p.text)
  return [p.text, ...parts]
}

/**
 * Chinese function words, fillers and question forms. They are dropped from the index and from
 * queries: "怎么查看容器的日志" asks for 查看 容器 日志. Words that name a thing (区别, 命令) are
 * not here; 区别/对比 only set an intent (see query.ts).
 */
export const ZH_STOP = new Set([
  '的', '了', '是', '在', '和', '与', '及', '或', '跟', '也', '就', '都', '而', '着', '把', '被', '让', '给', '对',
  '这', '那', '这个', '那个', '这些', '那些', '个', '吗', '呢', '吧', '啊', '呀', '么', '之', '其', '等', '并',
  '如何', '怎么', '怎样', '怎么样', '怎么办', '什么', '是什么', '什么是', '啥', '为什么', '为啥', '哪个', '哪些', '哪里',
  '能', '能不能', '可以', '可不可以', '是否', '一下', '请问', '我', '我们', '你', '你们', '它', '他', '想', '想要', '要',
  '需要', '应该', '用', '使用', '用来', '有', '有没有', '没有', '正在', '一个', '所有', '全部', '时候', '时', '如果',
  '还', '又', '再', '很', '会', '该', '到', '从', '以', '为', '将', '中', '里', '上', '下',
  // single characters jieba leaves between words, and connectives: frequent, never what is sought
  '不', '只', '按', '先', '后', '多', '如', '但', '可', '由', '见', '更', '才', '过', '已', '起', '每', '最', '各',
  '于', '前', '说', '成', '来', '出', '同', '一', '应', '则', '非', '得', '仍', '另', '较', '含', '没', '未', '所',
  '此', '即', '若', '无', '并且', '而且', '但是', '因为', '所以', '然后', '这样', '那么', '还是', '就是', '只是',
  '可能', '已经', '通过', '进行', '以及', '其他', '其中', '之后', '之前', '一些', '一样', '同时', '比如', '例如',
  '这里', '这种', '不会', '不是', '自己', '每个', '一次',
  // "docker 到底是干嘛的": an intensifier, as a concept it led with any heading that says 到底 (search, 2026-12-03)
  '到底', '究竟',
])

/** English stop words (also in pasted error messages: "while trying to connect to the …"). */
export const EN_STOP = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'is', 'are', 'was',
  'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'how', 'what', 'why', 'do', 'does', 'i',
  // the "'s" of "what's", "docker's" (search14): a letter on its own, never what is sought
  's',
  'my', 'me', 'you', 'your', 'can', 'while', 'into', 'as', 'if', 'so', 'there', 'which', 'when', 'will',
])

/**
 * True when a term carries no meaning for search (dropped on both sides): stop words, and long
 * numbers and hex strings (container IDs, digests, sizes in bytes) that only identify one run.
 */
export function isStopTerm(term: string): boolean {
  return ZH_STOP.has(term) || EN_STOP.has(term) || /^\d{5,}$/.test(term) || /^(?=.*\d)[0-9a-f]{8,}$/.test(term)
}
