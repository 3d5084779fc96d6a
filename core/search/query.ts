/**
 * Query understanding and ranking for the site search (and the command finder's word handling).
 *
 * A query becomes a list of *concepts* — what the reader asks about — each matched by any of
 * its alternatives (an alternative is a list of index terms that must all occur):
 *  1. phrases from the synonym groups (lexicon.ts) become one concept whose alternatives are all
 *     phrases of the group ("k8s" → k8s | kubernetes; "自动重启" → 重启策略 | --restart | …);
 *  2. the rest is split like the index (text.ts); Chinese runs are segmented by bidirectional
 *     maximum matching against the index's own vocabulary, function words and question forms are
 *     dropped (的, 怎么, 是什么), a single character stands for every index word that contains it
 *     (卷 → 卷, 数据卷, 命名卷, …), a compound also matches its parts (端口映射 | 端口 + 映射);
 *  3. Latin words that the index does not know get typo tolerance (edit distance 1, 2 from 8
 *     letters, plus swapped neighbours: "netwrok"), the word being typed matches as a prefix.
 * All concepts are searched with OR and each result's score is multiplied by its *coverage* (the
 * share of concepts it matches, squared), so a section that answers the whole question ranks
 * first and a partial match still beats an empty list. Page kinds then weigh in: a glossary entry
 * for "X 是什么", command entries for flags, and credits/changelog/contributor pages low.
 *
 * Pure module (no DOM, no Node): runs in the browser (core/search/client.ts), in the evaluation
 * script (scripts/search-eval.ts) and in unit tests.
 */
import type MiniSearch from 'minisearch'
import type { Query, SearchResult } from 'minisearch'
import { CJK_CHAR, EN_STOP, ZH_STOP, englishForm, isStopTerm, latinTerms, normalize, pieces } from './text'
import type { Lexicon } from './lexicon'
import { EN_NEGATIONS, dropComplaints } from './complaints'

/** The index's terms, for segmentation and expansion. */
export interface Vocabulary {
  has(term: string): boolean
  /** index terms containing the CJK character `ch`, most common first (at most 60) */
  containing(ch: string): string[]
  /** length of the longest CJK term (bounds maximum matching) */
  maxLen: number
}

/** What the reader asks about. */
export interface Concept {
  /** the query text this concept came from (for tests and debugging) */
  label: string
  /** any one alternative matches; all terms of an alternative must occur */
  alternatives: string[][]
  prefix: boolean
  /** MiniSearch fuzzy setting: false, or the maximum edit distance */
  fuzzy: false | number
  /** terms of what was typed; other alternatives (synonyms) count a little less */
  typed?: string[]
  /** share of the question (default 1); a stray character inside a longer query counts half */
  weight?: number
}

export interface Analysis {
  concepts: Concept[]
  /** "X 是什么", "what is X": a definition is wanted */
  define: boolean
  /**
   * for a definition question, the names X may go by (`normalize`d, spaces removed): what was
   * typed without the question form ("docker engine", "容器id") and, when X is one concept, every
   * phrase of its group (a glossary alias typed finds the entry by its name). Only the glossary
   * entry whose heading is one of these names is the definition asked for (definesSubject)
   */
  subject?: string[]
  /** a flag was typed: command reference entries answer best */
  flag: boolean
  /**
   * a task or question in words ("copy a file out of a container", "查看容器详细信息"): two or
   * more concepts, no flag, not a command line (`docker …`). A teaching page answers it better
   * than a reference entry that merely lists the same words (RANKING.task).
   */
  task: boolean
  /** a comparison of two or more things: "X 和 Y 有什么区别", "X vs Y", "difference between X and Y" */
  compare: boolean
  /** the whole query is one phrase of a synonym group (a glossary name or alias: "依赖地狱", "buildx") */
  term: boolean
  /**
   * a task phrase the site lists as hidden keywords, typed (nearly) whole: the longest index term
   * of at least four CJK characters inside the query that covers most of its words
   * ("删除所有停止的容器", "怎么给容器改名" → 给容器改名); on the English edition, the content
   * words of a query of Latin words, space-separated (englishTaskPhrase: "copy files container
   * host"); see RANKING.phrase
   */
  phrase?: string
}

const MAX_CONTAINING = 60

/**
 * Build a Vocabulary from (term, document frequency) pairs.
 * Document frequency orders `containing()`: common words first.
 */
export function createVocabulary(entries: Iterable<[string, number]>): Vocabulary {
  const terms = new Map<string, number>()
  const byChar = new Map<string, string[]>()
  let maxLen = 1
  for (const [t, df] of entries) {
    terms.set(t, df)
    if (!CJK_CHAR.test(t)) continue
    maxLen = Math.max(maxLen, [...t].length)
    for (const ch of new Set(t)) if (CJK_CHAR.test(ch)) (byChar.get(ch) ?? byChar.set(ch, []).get(ch)!).push(t)
  }
  for (const [ch, list] of byChar) {
    list.sort((a, b) => (terms.get(b)! - terms.get(a)!) || a.length - b.length)
    byChar.set(ch, list.slice(0, MAX_CONTAINING))
  }
  return { has: (t) => terms.has(t), containing: (ch) => byChar.get(ch) ?? [], maxLen }
}

/**
 * The vocabulary of a loaded MiniSearch index. Reads MiniSearch 7's internal term map
 * (`_index`: term → field → document → frequency); MiniSearch has no public API for it, and the
 * version is pinned through VitePress. tests/unit/search-query.test.ts fails if that changes.
 */
export function vocabularyOf(ms: MiniSearch): Vocabulary {
  const index = (ms as unknown as { _index: Iterable<[string, Map<number, Map<number, number>>]> })._index
  function* entries(): Generator<[string, number]> {
    for (const [term, fields] of index) {
      let df = 0
      for (const docs of fields.values()) df = Math.max(df, docs.size)
      yield [term, df]
    }
  }
  return createVocabulary(entries())
}

/**
 * Segment a CJK run by maximum matching against the vocabulary (and the stop words, so that
 * 怎么 is recognised and then dropped), forward and backward; the reading with fewer pieces wins,
 * then the one with fewer single characters, then the backward one (right for most Chinese).
 */
export function segment(run: string, vocab: Vocabulary): string[] {
  const known = (w: string) => vocab.has(w) || ZH_STOP.has(w)
  const chars = [...run]
  const max = Math.max(vocab.maxLen, 4)
  const forward: string[] = []
  for (let i = 0; i < chars.length;) {
    let n = Math.min(max, chars.length - i)
    while (n > 1 && !known(chars.slice(i, i + n).join(''))) n--
    forward.push(chars.slice(i, i + n).join(''))
    i += n
  }
  const backward: string[] = []
  for (let j = chars.length; j > 0;) {
    let n = Math.min(max, j)
    while (n > 1 && !known(chars.slice(j - n, j).join(''))) n--
    backward.unshift(chars.slice(j - n, j).join(''))
    j -= n
  }
  const singles = (s: string[]) => s.filter((w) => w.length === 1).length
  if (forward.length !== backward.length) return forward.length < backward.length ? forward : backward
  return singles(forward) < singles(backward) ? forward : backward
}

/** Index terms of a phrase, segmented as a query would be (stop words dropped). */
function phraseTerms(phrase: string, vocab: Vocabulary): string[] {
  const out: string[] = []
  for (const p of pieces(phrase)) {
    if (p.kind === 'cjk') out.push(...segment(p.text, vocab))
    else out.push(p.text)
  }
  return out.filter((t) => !isStopTerm(t))
}

const unique = (alts: string[][]) => {
  const seen = new Set<string>()
  return alts.filter((a) => a.length && !seen.has(a.join('\u0000')) && seen.add(a.join('\u0000')))
}

/** Alternatives for one CJK word: itself, its parts, or (one character) the words containing it. */
function cjkAlternatives(word: string, vocab: Vocabulary): string[][] {
  if ([...word].length === 1) return unique([[word], ...vocab.containing(word).map((t) => [t])]).filter((a) => vocab.has(a[0]))
  const alts: string[][] = [[word]]
  if ([...word].length >= 3) {
    // the parts, as the index's segmenter would see them without this compound
    const parts: string[] = []
    const chars = [...word]
    for (let i = 0; i < chars.length;) {
      let n = Math.min(chars.length - i, chars.length - 1)
      while (n > 1 && !vocab.has(chars.slice(i, i + n).join(''))) n--
      parts.push(chars.slice(i, i + n).join(''))
      i += n
    }
    if (parts.some((p) => p.length > 1)) alts.push(parts.filter((p) => !isStopTerm(p)))
  }
  return unique(alts)
}

/** Adjacent-letter swaps of `w` that the index knows ("netwrok" → "network"). */
function transpositions(w: string, vocab: Vocabulary): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < w.length; i++) {
    const t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
    if (t !== w && vocab.has(t)) out.push(t)
  }
  return out
}

/**
 * Words that set things against each other, in a query and in a heading alike: 区别, 不同, 对比, vs,
 * "difference", "differ", … (regular-expression sources). Each use adds its own: COMPARE_RE (the
 * query) the relation words (关系: how two things relate, RELATION_WORDS) and "compare";
 * HEADING_SETS_AGAINST_RE (a heading) the words of a choice between two (还是, 或者, or).
 * "different" is none of them: "a different kernel" names one thing. "compared" in a heading
 * titles a page about several things ("Compose, Swarm and Kubernetes compared"), whose sections
 * answer the question between two of them (en dev "should I use swarm or kubernetes").
 */
const AGAINST_WORDS = ['区别', '差别', '不同', '不一样', '异同', '对比', '比较', String.raw`\bvs\.?(?=\s|$)`, String.raw`\bversus\b`, String.raw`\bdiffer(?:s|ences?)?\b`]
const COMPARE_RE = new RegExp([...AGAINST_WORDS, '关系', String.raw`\brelationship\b`, String.raw`\bcompare`].join('|'))
/**
 * The colloquial which-one forms ("用哪个", "选哪个", "哪个好", "该用哪种"; "should I use X or Y",
 * "X or Y?", "which one should I use") ask the same as 区别 (search25), but only when they join two
 * things (和, 跟, 与, 还是, 或者, or): "容器用哪个端口" asks which port, not which of two. Plain 还是
 * ("还是不行") is no comparison, and with fewer than two concepts none is (Analysis.compare).
 */
const CHOICE_RE = /选哪|用哪|哪个好|哪个更好|哪种好|该用哪|选择哪|\bwhich one\b|\bor\b/
const JOIN_RE = /和|跟|与|还是|或者|\bor\b/
/**
 * A heading that sets two things against each other ("绑定挂载还是数据卷", "Bind mount or volume?",
 * "X vs Y", "X 和 Y 的区别"); 与/和 alone only list things ("保存容器为镜像：docker commit 与 Dockerfile").
 */
const HEADING_SETS_AGAINST_RE = new RegExp([...AGAINST_WORDS, '还是', '或者', String.raw`\bor\b`].join('|'))
/** Whether a normalised query asks to compare or choose between things (COMPARE_RE, CHOICE_RE). */
const comparesIn = (text: string) => COMPARE_RE.test(text) || (CHOICE_RE.test(text) && JOIN_RE.test(text))
/**
 * What is left of a which-one question once segmented ("选哪个" → 选, "不一样在哪" → 哪, "哪个好" → 好,
 * "should I use X or Y" → should, use): as concepts they led with any heading that says them
 * ("该怎么选" for "docker-compose 和 docker compose 选哪个"); dropped in a comparison of two or
 * more other concepts (search25).
 */
const CHOICE_WORDS = new Set(['选', '选择', '哪', '哪个', '哪种', '哪一个', '好', '更好', '用', '该用', '不一样', 'should', 'use', 'choose', 'one', 'better', 'pick'])
/**
 * "镜像和容器是什么关系", "容器和镜像的关系": how two things relate is a comparison of the two, not a
 * definition ("是什么" here asks about the relation) nor a third topic. As a concept, 关系 led with
 * any heading that says 关系 ("Docker 和 Kubernetes 是什么关系") over the section about the two
 * (search21); dropped when two or more other concepts remain.
 */
const RELATION_WORDS = new Set(['关系', 'relationship'])
/**
 * "difference between bind mount and volume": between (among) only joins the compared things.
 * As a concept of its own it was a third compared thing, which no heading that sets the two against
 * each other says ("Bind mount or volume?"), and that section fell to third (search26). Dropped in
 * a comparison of two or more other concepts, like CHOICE_WORDS; kept elsewhere ("share files
 * between containers" has no comparison word).
 */
const BETWEEN_WORDS = new Set(['between', 'among'])
const DEFINE_RE = /是什么(?!关系)|什么是|是啥|啥是|什么意思|的意思|含义|定义|\bwhat\s+is\b|\bwhat's\b|\bmeaning\b/
/**
 * Words of the question form that segmentation leaves behind ("镜像是什么意思" → 镜像, 意思):
 * in a definition question they ask for nothing, and as a concept they halved every result's coverage.
 */
const DEFINE_WORDS = new Set(['意思', '含义', '定义', 'meaning', 'mean', 'means'])

// what says that something does not work (用不了, not working): core/search/complaints.ts

/**
 * The purpose group of core/search/synonyms.ts (用途, 有什么用, 干嘛的, 做什么的, …), known by its
 * first phrase. "docker 有什么用" asks what Docker is for, and the group's concept page
 * (/guide/why) answers it. For anything else, "X 是干嘛的" / "X 有什么用" asks what X is: as a second
 * concept the purpose halved every result's coverage and the headings that merely name X led
 * ("docker compose 是干嘛的" → the /cli/compose entries, not the FAQ's "Docker Compose 是什么";
 * held-out set 16). Such a query is read as a definition question about X, unless one of its
 * concepts is Docker itself ("学docker有啥好处", "docker 守护进程是干嘛的" keep the purpose) (search, 2026-12-03).
 */
const PURPOSE_GROUP = '用途'
const isPurpose = (c: Concept) => c.alternatives.some((alt) => alt.length === 1 && alt[0] === PURPOSE_GROUP)

/**
 * Words that ask how something works rather than name a topic ("命名空间原理", "镜像分层的原理"):
 * the page that explains X is the answer to "X 原理", and as a concept of their own they led with
 * whatever is headed 原理 (the section index /internals/, the FAQ's "Docker 的架构原理是什么")
 * instead of that page. Dropped only when another concept of the query has a concept page
 * (lexicon.ts conceptHomes); "docker 原理" keeps it (search18).
 */
const ASPECT_WORDS = new Set(['原理', '工作原理', '实现原理', '底层原理', '机制', '工作机制', '实现机制'])

/**
 * Words that ask about a flag the query names rather than add a topic ("--rm 参数", "-d 参数是什么
 * 意思", "-p 怎么用", "--name option", "what does -d flag mean"): the flag's own section is the
 * answer. As a concept of their own they led with whatever section is headed 参数 ("构建时的平台
 * 参数", "CMD 参数追加到入口后面") instead of the flag's (finder18). Dropped only when the query has
 * a flag.
 */
const FLAG_WORDS = new Set([
  '参数', '选项', '标志', '开关', '用法', '作用', '干嘛', '干什么', '做什么', '意思', '含义',
  'option', 'options', 'flag', 'flags', 'parameter', 'parameters', 'param', 'argument', 'arguments', 'arg', 'args',
  'usage', 'use', 'used', 'mean', 'means', 'meaning',
])

/**
 * A single-dash flag of several letters, read the way Docker's CLI reads it (cobra/pflag: short
 * options combine, `-it` is `-i -t`, `-itd` is `-i -t -d`): the letters as separate flags, when
 * every one is a flag the pages use. The pages teach the two options under "-i 和 -t：交互式终端",
 * which `-it` as one word did not match, and "-itd" matched nothing at all (search, 2026-12-03).
 * A flag whose double-dash form is an option the pages name ("-rm", "-name") is no combination:
 * pflag would reject it (docker run has no `-r`), it is a slip for the long option, see spellFlags.
 * @param flag a flag as normalised (lower case), e.g. "-it"
 * @returns the letters as flags (["-i", "-t"]), or undefined
 */
export function flagLetters(flag: string, vocab: Vocabulary): string[] | undefined {
  const m = /^-([a-z]{2,})$/.exec(flag)
  if (!m || vocab.has('-' + flag)) return undefined
  const letters = [...m[1]].map((ch) => '-' + ch)
  return new Set(letters).size === letters.length && letters.every((l) => vocab.has(l)) ? letters : undefined
}

/**
 * "docker run -rm": a long option typed with one dash. pflag would read "-rm" as the short options
 * -r and -m and fail, so the reader meant --rm; as typed it matched nothing of the --rm sections.
 * Read as the long option when the index knows `--` + the name and not the one-dash word.
 * @param text normalised query
 * @returns the text with such flags spelled with two dashes
 */
export function spellFlags(text: string, vocab: Vocabulary): string {
  return text.replace(/(?<![\w-])-([a-z][a-z-]+)(?![\w-])/g, (flag, name: string) => !vocab.has(flag) && vocab.has('--' + name) ? '--' + name : flag)
}

/** Removes (in place) the concepts labelled with one of `words` when the query has any other concept: never leaves it empty. */
function dropWhenOthers(concepts: { label: string }[], words: Set<string>): void {
  if (concepts.some((c) => !words.has(c.label))) concepts.splice(0, concepts.length, ...concepts.filter((c) => !words.has(c.label)))
}

/**
 * A group phrase that loses its question words and keeps one word that is no name of the group:
 * "做什么的" → 做, "why docker" → docker. As an alternative, that word matched every section that
 * says it ("为什么要用 docker" led with the Dockerfile tutorial, for 做).
 * @param phrase the group phrase (normalised)
 * @param terms its index terms (phraseTerms)
 */
const strayReduction = (phrase: string, terms: string[]) => terms.length === 1
  && (([...terms[0]].length === 1 && CJK_CHAR.test(terms[0])) || (!CJK_CHAR.test(phrase) && /\s/.test(phrase.trim())))

interface Span { start: number; end: number; group: string[] }

/**
 * The prefix of every error the Docker daemon returns ("Error response from daemon: You cannot
 * remove a running container …"): pasted with the message, it says nothing about which error,
 * and its words (error, response, daemon) matched the troubleshooting sections about the daemon.
 */
const DAEMON_PREFIX = /^\s*error response from daemon:?\s*/
/**
 * The same for Go's HTTP client, whose errors the daemon passes on for any network failure
 * ("net/http: TLS handshake timeout", "net/http: request canceled while waiting for connection"):
 * net and http matched the sections whose commands say http://, not the answer to the timeout.
 */
const HTTP_CLIENT_PREFIX = /(?<![\w/])net\/http:\s*/g

/**
 * Where `phrase` occurs in `text` as a whole word (a Latin phrase must stand alone: "rm" is not
 * inside "format", "-p" not inside "--publish"; a CJK phrase may sit anywhere), from `from` on.
 * @returns the start offset, or -1
 */
function phraseAt(text: string, phrase: string, from = 0): number {
  const latin = !CJK_CHAR.test(phrase)
  for (let at = text.indexOf(phrase, from), guard = 0; at >= 0 && guard < 20; at = text.indexOf(phrase, at + 1), guard++) {
    if (!latin || (!/[\w-]/.test(text[at - 1] ?? '') && !/[\w]/.test(text[at + phrase.length] ?? ''))) return at
  }
  return -1
}

/**
 * Read a subject and what is said about it as the one phrase they stand for (Lexicon.cues,
 * synonyms.ts CUES): "为什么我的镜像这么大" → "为什么我的 镜像体积 ". The first subject phrase found
 * (longest first) becomes the cue's group phrase and every `about` phrase outside it is removed,
 * and then every `along` word; without a subject and an `about`, or when phrases of the cue's
 * group that hold the subject hold every `about`, the text is returned as it was.
 * @param text normalised query
 * @param lexicon its cues (normalised) and synonym groups
 */
export function applyCues(text: string, lexicon: Lexicon): string {
  const longestFirst = (ps: string[]) => [...ps].sort((a, b) => b.length - a.length)
  for (const cue of lexicon.cues ?? []) {
    let subject: { at: number; end: number } | undefined
    for (const p of longestFirst(cue.subject)) {
      const at = phraseAt(text, p)
      if (at >= 0) { subject = { at, end: at + p.length }; break }
    }
    if (!subject) continue
    const abouts: { at: number; end: number }[] = []
    const free = (at: number, end: number) => [subject!, ...abouts].every((t) => end <= t.at || at >= t.end)
    const find = (ps: string[]) => {
      for (const p of longestFirst(ps)) {
        for (let at = phraseAt(text, p); at >= 0; at = phraseAt(text, p, at + 1)) if (free(at, at + p.length)) abouts.push({ at, end: at + p.length })
      }
    }
    find(cue.about)
    if (!abouts.length) continue
    // the reader said it in the group's own phrases ("slow pull", "docker pull hangs", "拉镜像好慢"):
    // every about inside a phrase of the group that holds the subject. findPhrases reads those,
    // and the words as typed rank better than the group's name put in their place
    const spans = lexicon.synonyms.filter((g) => g.includes(cue.group)).flat().map((p) => { const at = phraseAt(text, p); return { at, end: at + p.length } })
      .filter((p) => p.at >= 0 && p.at <= subject!.at && p.end >= subject!.end)
    if (abouts.every((b) => spans.some((p) => p.at <= b.at && p.end >= b.end))) continue
    find(cue.along ?? [])
    // cut from the end so that earlier offsets stay valid
    for (const c of [subject, ...abouts].sort((a, b) => b.at - a.at)) text = text.slice(0, c.at) + (c === subject ? ` ${cue.group} ` : ' ') + text.slice(c.end)
  }
  return text
}

/** Find synonym-group phrases in the query, longest first, without overlaps. */
function findPhrases(text: string, lexicon: Lexicon): Span[] {
  // a phrase in several groups (a glossary alias that is also in the synonym table) stands for
  // all of them
  const groupsOf = new Map<string, Set<string>>()
  for (const g of lexicon.synonyms) for (const p of g) for (const q of g) (groupsOf.get(p) ?? groupsOf.set(p, new Set()).get(p)!).add(q)
  const candidates = [...groupsOf].map(([phrase, group]) => ({ phrase, group: [...group] }))
  candidates.sort((a, b) => b.phrase.length - a.phrase.length)
  const taken: Span[] = []
  const free = (s: number, e: number) => taken.every((t) => e <= t.start || s >= t.end)
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((p) => b.includes(p))
  for (const { phrase, group } of candidates) {
    const latin = !CJK_CHAR.test(phrase)
    let from = 0
    for (let guard = 0; guard < 20; guard++) {
      const at = text.indexOf(phrase, from)
      if (at < 0) break
      from = at + 1
      const end = at + phrase.length
      // a Latin phrase must stand alone: "rm" is not inside "format", "-p" not inside "--publish"
      if (latin && (/[\w-]/.test(text[at - 1] ?? '') || /[\w]/.test(text[end] ?? ''))) continue
      if (free(at, end)) taken.push({ start: at, end, group })
      else {
        // overlapping phrases of one group are one mention of it ("减小镜像体积": 减小镜像, 镜像体积)
        const over = taken.filter((t) => !(end <= t.start || at >= t.end))
        if (over.length === 1 && same(over[0].group, group)) {
          over[0].start = Math.min(over[0].start, at)
          over[0].end = Math.max(over[0].end, end)
        }
      }
    }
  }
  return taken.sort((a, b) => a.start - b.start)
}

/** How a query is read. */
export interface SearchOptions {
  /**
   * Also match other forms of English words ("containers" → contain, text.ts englishForm): on
   * the English edition. Off on Chinese pages, where English words are exact terms and the extra
   * matches cost ranking (scripts/search-eval.ts, docs/contribute/decisions.md).
   */
  englishForms?: boolean
}

/**
 * Turn what the reader typed into concepts.
 * @param query raw query text
 * @param vocab the index's vocabulary
 * @param lexicon synonym groups
 * @param opts SearchOptions
 */
export function analyzeQuery(query: string, vocab: Vocabulary, lexicon: Lexicon, opts: SearchOptions = {}): Analysis {
  const typed = spellFlags(normalize(query).replace(DAEMON_PREFIX, '').replace(HTTP_CLIENT_PREFIX, ''), vocab)
  const text = applyCues(typed, lexicon)
  const typing = !/\s$/.test(query)
  const concepts: Concept[] = []
  let flag = false
  const spans = findPhrases(text, lexicon)
  const push = (c: Concept) => { if (c.alternatives.length) concepts.push(c) }
  /** single characters of the query that are no index word (see the fallback at the end) */
  const orphans: string[] = []
  const content = pieces(text).filter((p) => !(p.kind === 'cjk' ? ZH_STOP.has(p.text) : EN_STOP.has(p.text)))
  const alone = content.length === 1 && content[0].kind === 'cjk' && [...content[0].text].length === 1

  const plain = (chunk: string, isLastChunk: boolean) => {
    const ps = pieces(chunk)
    ps.forEach((p, pi) => {
      const lastPiece = isLastChunk && pi === ps.length - 1 && typing
      if (p.kind === 'flag') {
        flag = true
        // a combination of short flags ("-itd"): also the flags it combines, as typed (flagLetters)
        const letters = flagLetters(p.text, vocab)
        push({ label: p.text, alternatives: letters ? [[p.text], letters] : [[p.text]], prefix: lastPiece && !letters, fuzzy: false })
      } else if (p.kind === 'latin') {
        if (EN_STOP.has(p.text)) return
        const terms = latinTerms(p)
        if (terms.length > 1 && !vocab.has(p.text) && terms.slice(1).some((t) => !vocab.has(t))) {
          // an unknown compound with an unknown part ("mutli-stage"): each part on its own, with typo tolerance
          plain(terms.slice(1).join(' ') + (lastPiece ? '' : ' '), isLastChunk && pi === ps.length - 1)
          return
        }
        const alts: string[][] = [[p.text]]
        if (terms.length > 1) alts.push(terms.slice(1).filter((t) => !isStopTerm(t)))
        // another form of the same English word ("containers" → contain): counts as a synonym
        const form = opts.englishForms ? englishForm(p.text) : p.text
        if (form !== p.text && vocab.has(form)) alts.push([form])
        let fuzzy: false | number = false
        if (!vocab.has(p.text) && /^[a-z]{4,}$/.test(p.text)) {
          fuzzy = p.text.length >= 8 ? 2 : 1
          for (const t of transpositions(p.text, vocab)) alts.push([t])
        }
        push({ label: p.text, alternatives: unique(alts), prefix: lastPiece && p.text.length > 1, fuzzy, typed: terms })
      } else {
        const words = segment(p.text, vocab).filter((w) => !ZH_STOP.has(w))
        words.forEach((w, wi) => {
          const prefix = lastPiece && wi === words.length - 1
          // a single character is a topic of its own only when it is the whole query ("卷");
          // inside a longer query it is usually half of a word the pages do not use ("减小")
          if ([...w].length === 1 && !alone) {
            if (!vocab.has(w)) orphans.push(w)
            push({ label: w, alternatives: vocab.has(w) ? [[w]] : [], prefix, fuzzy: false, weight: 0.5 })
          }
          else push({ label: w, alternatives: cjkAlternatives(w, vocab), prefix, fuzzy: false, typed: [w] })
        })
      }
    })
  }

  let pos = 0
  // two phrases of one group ("镜像太大怎么瘦身": 镜像太大, 瘦身) ask for one thing once
  const asked = new Map<string, Concept>()
  const comparing = comparesIn(text)
  spans.forEach((s) => {
    plain(text.slice(pos, s.start), false)
    const key = [...s.group].sort().join('\u0000')
    const first = asked.get(key)
    if (first) {
      // … unless they are compared: "docker-compose 和 docker compose 区别" asks about the two
      // spellings themselves (Compose v1 and v2), and as one concept plus 区别 it led with any
      // heading "Compose 和 X 有什么区别" (the Compose-vs-Swarm FAQ). Each typed form is then a
      // concept of its own, matched literally: the section that says both is the answer (search20)
      const label = text.slice(s.start, s.end)
      const literal = (l: string) => { const t = phraseTerms(l, vocab); return t.length && t.every((w) => vocab.has(w)) ? t : undefined }
      const [a, b] = [literal(first.label), literal(label)]
      if (comparing && a && b && a.join(' ') !== b.join(' ')) {
        first.alternatives = [a]
        concepts.push({ label, alternatives: [b], prefix: false, fuzzy: false, typed: b })
      }
      pos = s.end
      return
    }
    const alts = unique(s.group.map((p) => [p, phraseTerms(p, vocab)] as const).filter(([p, a]) => a.every((t) => vocab.has(t)) && !strayReduction(p, a)).map(([, a]) => a))
    if (s.group.some((p) => p.startsWith('-'))) flag ||= text.slice(s.start, s.end).startsWith('-')
    // a phrase the index does not know in any form still counts as asked for (it lowers coverage)
    let typed = phraseTerms(text.slice(s.start, s.end), vocab)
    const label = text.slice(s.start, s.end)
    // a dotted or slashed name typed as one word ("docker.sock"): the pages' text has it in parts
    // (the index splits /var/run/docker.sock into var, run, docker, sock), as an unknown word
    // typed outside a group already matches (latinTerms)
    const named = pieces(label)
    if (named.length === 1 && named[0].kind === 'latin') {
      const parts = latinTerms(named[0]).slice(1).filter((t) => !isStopTerm(t))
      if (parts.length > 1 && parts.every((t) => vocab.has(t))) { alts.push(parts); typed = [...typed, ...parts] }
    }
    // "-it" (a phrase of the interactive group): also -i and -t together, as typed (flagLetters)
    const letters = flagLetters(label, vocab)
    if (letters) { alts.push(letters); typed = [...typed, ...letters] }
    if (alone && [...label].length === 1) {
      // one character typed on its own ("卷"): it stands for every word containing it, as typed
      const words = vocab.containing(label)
      typed = [...typed, ...words]
      alts.push(...words.map((w) => [w]))
    }
    const concept: Concept = { label, alternatives: unique(alts), prefix: false, fuzzy: false, typed }
    asked.set(key, concept)
    concepts.push(concept)
    pos = s.end
  })
  plain(text.slice(pos), true)
  // nothing the index knows, e.g. a rare word the shipped index leaves out (core/search/prune.ts)
  // falls apart into characters: let each character stand for the index words containing it, as
  // for a one-character query, so the reader gets related sections instead of an empty list
  if (!concepts.length) {
    for (const ch of orphans) {
      const words = vocab.containing(ch)
      push({ label: ch, alternatives: words.map((w) => [w]), prefix: false, fuzzy: false, typed: words, weight: 0.5 })
    }
  }
  if (concepts.filter((c) => !RELATION_WORDS.has(c.label)).length >= 2) dropWhenOthers(concepts, RELATION_WORDS)
  if (comparing && concepts.filter((c) => !CHOICE_WORDS.has(c.label)).length >= 2) dropWhenOthers(concepts, CHOICE_WORDS)
  if (comparing && concepts.filter((c) => !BETWEEN_WORDS.has(c.label)).length >= 2) dropWhenOthers(concepts, BETWEEN_WORDS)
  let define = DEFINE_RE.test(text)
  // "镜像是什么意思": 意思 is the question, not a second topic
  if (define) dropWhenOthers(concepts, DEFINE_WORDS)
  // "docker compose 是干嘛的": what X is, unless the query is about Docker itself ("学docker有啥好处")
  const purpose = concepts.find(isPurpose)
  if (purpose && concepts.length >= 2 && !concepts.some((c) => squash(c.label) === 'docker')) {
    concepts.splice(concepts.indexOf(purpose), 1)
    define = true
  }
  dropComplaints(concepts, text)
  if (flag) dropWhenOthers(concepts, FLAG_WORDS)
  if (concepts.some((c) => !ASPECT_WORDS.has(c.label) && homeOf(c, lexicon))) dropWhenOthers(concepts, ASPECT_WORDS)
  const subject = define && concepts.length ? defineSubject(concepts) : undefined
  const command = /^\s*docker(-compose)?\b/.test(text)
  const phrase = flag ? undefined : taskPhrase(text, vocab) ?? (command || define ? undefined : englishTaskPhrase(text, vocab, opts))
  // a term the reader typed, not one a cue read into a sentence ("docker pull 一直卡住": not a glossary look-up)
  const term = !flag && text === typed && concepts.length === 1 && spans.length === 1 && text.trim() === text.slice(spans[0].start, spans[0].end)
  return { concepts, define, ...(subject ? { subject } : {}), flag, task: !flag && !command && concepts.length >= 2, compare: concepts.length >= 2 && comparing, term, ...(phrase ? { phrase } : {}) }
}

const squash = (s: string) => normalize(s).replace(/\s+/g, '')

/** Analysis.subject: X as typed (its concepts' labels, in order), and every phrase of X's group when X is one concept. */
function defineSubject(concepts: Concept[]): string[] {
  const names = new Set([squash(concepts.map((c) => c.label).join(''))])
  // a flag ("-e 是什么") is defined by its own section, not by the glossary entry of its group
  // (环境变量): the reader asks what the flag does (finder18)
  if (concepts.length === 1 && !concepts[0].label.startsWith('-')) for (const alt of concepts[0].alternatives) names.add(squash(alt.join('')))
  return [...names]
}

/**
 * Whether a heading is the definition of the subject of a definition question: a glossary
 * entry's heading ("容器（Container）", "Docker 引擎（Docker Engine）", "Container") or a heading
 * that asks the question itself ("Docker 是什么？", "What is Docker?"), read as its names — the
 * question form and punctuation dropped, the parts outside and inside the brackets — one of
 * which is a name of X (Analysis.subject). "Container ID" does not define "container"; Docker
 * Hub does not define "docker".
 * @param title the section's heading as indexed
 * @param subject Analysis.subject; undefined (not a definition question) never matches
 */
export function definesSubject(title: string, subject: string[] | undefined): boolean {
  if (!subject) return false
  const names = normalize(title).replace(new RegExp(DEFINE_RE.source, 'g'), '').replace(/[?？。.!！]+$/, '').split(/[()（）]/).map(squash).filter(Boolean)
  return names.some((n) => subject.includes(n))
}

/**
 * Whether a teaching section's heading is headed by a term: one of the heading's parts — split at
 * a colon (NFKC turns ： into :) and at brackets, spaces dropped — is one of the term's names
 * ("HEALTHCHECK：健康检查" and "tmpfs 挂载" are headed by 健康检查 and tmpfs 挂载; "docker image
 * prune：悬空镜像和不用的镜像" is not headed by 悬空镜像). Used for a bare term (RANKING.taught).
 * @param title the section's heading as indexed
 * @param names the term's names, `normalize`d without spaces (the term as typed)
 */
export function headedBy(title: string, names: string[]): boolean {
  return normalize(title).split(/[:()（）]/).map(squash).filter(Boolean).some((n) => names.includes(n))
}

/** Shortest task phrase taken whole (RANKING.phrase); shorter ones are ordinary words ("拉镜像"). */
const PHRASE_MIN = 4
/** Share of the query's content characters (stop words and spaces removed) the phrase must cover. */
const PHRASE_COVER = 0.75

/**
 * The longest index term of at least PHRASE_MIN CJK characters inside the query, when it covers
 * PHRASE_COVER of what the query says (Analysis.phrase). Command task words are whole index terms
 * (they are in the segmenter's dictionary, core/search/lexicon.ts), so a reader who types one of
 * them, with or without 怎么/如何 around it, has typed the very task the entry was written for.
 */
export function taskPhrase(text: string, vocab: Vocabulary): string | undefined {
  const content = pieces(text).filter((p) => p.kind === 'cjk').flatMap((p) => segment(p.text, vocab).filter((w) => !ZH_STOP.has(w)))
  const size = content.join('').length + pieces(text).filter((p) => p.kind !== 'cjk' && !EN_STOP.has(p.text)).reduce((n, p) => n + p.text.length, 0)
  let best: string | undefined
  // the query as typed, and its content words run together: "重启一个容器" says 重启容器 with 一个 between
  for (const run of [text.replace(/\s+/g, ''), content.join('')]) {
    const chars = [...run]
    for (let i = 0; i < chars.length; i++) {
      for (let n = Math.min(vocab.maxLen, chars.length - i); n >= PHRASE_MIN && n > (best?.length ?? 0); n--) {
        const t = chars.slice(i, i + n).join('')
        if ([...t].every((ch) => CJK_CHAR.test(ch)) && vocab.has(t)) { best = t; break }
      }
    }
  }
  return best && best.length >= PHRASE_COVER * size ? best : undefined
}

/** Fewest content words of an English task phrase ("see logs" is two; one word is a term, not a task). */
const EN_PHRASE_MIN = 2

/**
 * The English twin of taskPhrase: a query of Latin words only ("copy files from container to
 * host", "how do I rename a container") whose content words (EN_STOP removed) are at least
 * EN_PHRASE_MIN; they are returned space-separated, each as typed (see RANKING.phrase: a section
 * whose hidden keywords hold every one of them, in any of its forms). English task words are
 * several words each, so they are no single index term as Chinese ones are.
 */
export function englishTaskPhrase(text: string, vocab: Vocabulary, opts: SearchOptions = {}): string | undefined {
  if (!opts.englishForms) return undefined
  const ps = pieces(text)
  if (!ps.length || ps.some((p) => p.kind !== 'latin')) return undefined
  const words = ps.map((p) => p.text).filter((w) => !EN_STOP.has(w))
  if (words.length < EN_PHRASE_MIN || words.some((w) => !vocab.has(w) && !vocab.has(englishForm(w)))) return undefined
  return words.join(' ')
}

/**
 * Ranking weights (multipliers of a section's score). Chosen with scripts/search-eval.ts --grid
 * on tests/search/queries.yaml, checked on regression.yaml and finally on holdout.yaml.
 *  - synonym: a synonym or a compound's parts, against the words the reader typed
 *  - glossary / define: a glossary entry, normally / when the query asks "X 是什么" and the entry
 *    is the one named X (definesSubject: not Docker Hub for "what is docker", not Container ID
 *    for "what is a container"; before search14 every matching entry)
 *  - asks: a section whose heading asks the very question, "X 是什么？" / "What is X?" (the FAQ's
 *    entries): it is the answer (3 the same as 1 on the dev sets, 6 and 10 one more en query first)
 *  - flag: a command reference entry when a flag was typed
 *  - task: a command reference entry (/cli/) when the query is a task in words (Analysis.task)
 *    and the entry's heading and hidden keywords do not name every concept of it: the words
 *    only occur in its option table or examples (English entries, which have no task keywords,
 *    ranked above the task pages for "copy a file out of a container")
 *  - minor: pages about the site and the project (pageKind 'meta': the whole about and contribute
 *    sections); before session 12 only credits, changelog, status and contributing, and the other
 *    about pages (embedding, offline copies, Markdown copies) led hurried questions ("我的网页打不开")
 *  - faq: the FAQ page for anything but "X 是什么": its short answers point to the teaching page,
 *    which should lead when the two are close (0.7; 0.5 one query fewer on the dev set)
 *  - page: per further section of the same teaching page (not /cli/, not the glossary) that
 *    matches the whole query (square root of their number): a page that keeps talking about
 *    the thing explains it; only its best section, so that one page does not fill the top
 *  - compare: a section whose heading names every concept of a comparison (Analysis.compare)
 *  - term: a glossary entry whose heading or aliases name the whole query, when the query is one
 *    term alone (Analysis.term) that has no concept page ("依赖地狱", "buildx"): the reader looks
 *    the word up; with a concept page, `home` leads instead. Measured against every query set
 *    after the regression set was relabelled (docs/contribute/decisions.md; 2 and 3 the same).
 *    Only an entry whose heading or aliases hold what was typed itself (search15): a complaint
 *    or pasted message of the synonym table ("拉镜像好慢", "context deadline exceeded") is a
 *    phrase of 镜像加速器's group, but its entry does not name it, and the answer is a section
 *  - phrase: a section whose hidden keywords hold the task phrase the query is (Analysis.phrase):
 *    the command entry written for exactly that task ("容器改了哪些文件" → docker diff); an
 *    English phrase is matched word by word, and never on glossary entries (their aliases are names)
 *  - overview: a command reference page's H1 section (its intro and page keywords) for a task
 *    its heading does not name (0.1–0.7 the same on the dev set)
 *  - section: 1 to let a page's deeper section that matches as much of a query of two or more
 *    concepts take the place of the page's H1 section (representBySection), 0 to turn it off:
 *    not a weight but a switch, so that --grid can measure it (search19)
 *  - command: the reference entry of a whole command line (commandLineEntry: "docker system prune",
 *    "docker compose up -d"), the answer the labelling rule of the query sets gives it; such a query
 *    is then neither a glossary look-up (term) nor a concept alone (home) (search19)
 *  - taught: 1 to take RANKING.term from the glossary entry of a bare term when a teaching section
 *    is headed by the term (headedBy: "健康检查" → "HEALTHCHECK：健康检查"), 0 to turn it off; a
 *    switch for --grid like `section` (search20)
 */
export const RANKING = { taught: 1, asks: 6, faq: 0.7, phrase: 4, synonym: 0.4, glossary: 0.5, define: 3, flag: 1.5, minor: 0.25, page: 0.1, home: 3, task: 0.6, compare: 2, term: 2, overview: 0.5, section: 1, command: 2 }

/**
 * The MiniSearch query of one alternative (all its terms must occur), with the concept's
 * prefix and typo settings.
 */
export function alternativeQuery(c: Concept, alt: string[]): Query {
  return { combineWith: 'AND', prefix: c.prefix, fuzzy: c.fuzzy, queries: alt }
}

/**
 * What kind of page a search result is on, by its site path (`/en/` prefix and `#anchor` allowed).
 * The one owner of page kinds for search: pageWeight ranks by it, and the build's concept homes
 * (.vitepress/config/search.ts teachingPages) take only `teaching` pages.
 *  - meta: pages about the site and the project — the whole `about` and `contribute` sections
 *    (credits, changelog, embedding, offline copies, decision records, writing guide)
 *  - reference: the command reference (/cli/)
 *  - glossary: the glossary
 *  - faq: the FAQ page (/help/faq), short answers that point to the teaching pages
 *  - home: the site's home page
 *  - teaching: everything else (guides, commands, network, storage, build, help …)
 */
export type PageKind = 'meta' | 'reference' | 'glossary' | 'faq' | 'home' | 'teaching'

export function pageKind(id: string): PageKind {
  const path = id.replace(/#.*$/, '').replace(/^\/en(?=\/)/, '')
  if (path === '/') return 'home'
  const section = /^\/([^/]+)\//.exec(path)?.[1]
  if (section === 'about' || section === 'contribute') return 'meta'
  if (section === 'cli') return 'reference'
  if (section === 'glossary') return 'glossary'
  if (path === '/help/faq') return 'faq'
  return 'teaching'
}

/**
 * How much a page kind counts (pageKind). Pages about the site and the project stay searchable
 * but rank below pages that teach (RANKING.minor); a glossary entry is the answer to "X 是什么";
 * command entries lead for flags; an FAQ answer yields to the teaching page for a task (RANKING.faq).
 * @param id result id (site path with anchor)
 * @param a the query's analysis
 * @param named the result names every concept in its heading or hidden keywords (RANKING.task);
 *   for a glossary entry, names what was typed itself, not only a synonym of it (RANKING.term)
 * @param homed the query's one concept has a concept page (then RANKING.term does not apply)
 * @param defines a glossary entry's heading names the subject of a definition question
 *   (definesSubject); only then does RANKING.define apply
 * @returns the multiplier of the result's score
 */
export function pageWeight(id: string, a: Pick<Analysis, 'define' | 'flag'> & Partial<Pick<Analysis, 'task' | 'term'>>, named = true, homed = false, defines = false): number {
  const kind = pageKind(id)
  if (kind === 'meta') return RANKING.minor
  if (kind === 'home') return 0.5
  // a glossary entry is short, which BM25 rewards; it is the answer to "X 是什么", not to a task
  // … to "X 是什么" only the entry named X (definesSubject): "what is docker" is not Docker Hub
  if (kind === 'glossary' && id.includes('#')) return a.define && defines ? RANKING.define : a.term && named && !homed ? RANKING.term : RANKING.glossary
  if (kind === 'reference') return a.flag ? RANKING.flag : a.task && !named ? RANKING.task : 1
  if (kind === 'faq' && !a.define) return RANKING.faq
  // a section that asks the very question ("Docker 是什么？" in the FAQ) is the answer, as the entry named X is
  if (a.define && defines) return RANKING.asks
  return 1
}

/**
 * Field weights. title/text/titles as VitePress's defaults (a heading counts double the body);
 * `keywords` holds a section's task words and aliases (see core/search/sections.ts) and counts
 * like a heading.
 */
export const FIELD_BOOST = { title: 4, text: 2, titles: 1, keywords: 4 }

export interface RankedResult extends SearchResult { coverage: number }


/**
 * Search a loaded index the way the site search box does.
 *
 * Each alternative of each concept is one MiniSearch AND-query; a section's score for a concept
 * is its best alternative's score (typed words count fully, synonyms and parts RANKING.synonym),
 * not their sum — a glossary entry that lists every alias must not outscore the page that
 * explains the thing. A section's score is the sum over concepts, times coverage², times the share
 * of concepts its own heading matches (+1), times its page kind's weight (and RANKING.compare for
 * a comparison whose every concept its heading names); the best section of a
 * teaching page also counts the page's other sections that match the whole query (RANKING.page).
 *
 * @returns results, best first: MiniSearch's result fields (id, title, titles, terms, match, …)
 *   with `score` replaced by ours and `coverage` (0–1) added
 */
export function searchSite(ms: MiniSearch, query: string, vocab: Vocabulary, lexicon: Lexicon, opts: SearchOptions = {}): RankedResult[] {
  const a = analyzeQuery(query, vocab, lexicon, opts)
  const live = a.concepts
  if (!live.length) return []
  const total = live.reduce((n, c) => n + (c.weight ?? 1), 0)
  const options = { tokenize: (s: string) => [s], processTerm: (s: string) => s, boost: FIELD_BOOST }
  interface Acc { result: SearchResult; score: number; covered: number; titled: number; named: number; namesTyped: number; terms: Set<string>; match: Record<string, string[]>; hits: Set<Concept>; names: Set<Concept>; titledBy: Set<Concept> }
  const docs = new Map<string, Acc>()
  const formsOf = new Map<string, Set<string>>()
  const inHeading = (alt: string[], r: SearchResult) => {
    const forms = formsOf.get(r.id) ?? formsOf.set(r.id, headingForms(r.title)).get(r.id)!
    return alt.every((t) => forms.has(englishForm(t)))
  }
  live.forEach((c) => {
    const best = new Map<string, { score: number; titled: boolean; result: SearchResult }>()
    // sections whose heading holds any form of the concept, not only its best-scoring one: "bind mount"
    // scores highest in the text of a section that says "type=bind", while the heading says 绑定挂载
    const titledAny = new Set<string>()
    // sections whose heading or hidden keywords hold what was typed itself, not only a synonym of it
    const typedNamed = new Set<string>()
    for (const alt of c.alternatives) {
      const w = !c.typed || alt.every((t) => c.typed!.includes(t)) ? 1 : RANKING.synonym
      for (const r of ms.search(alternativeQuery(c, alt), options)) {
        if (w === 1 && namedIn(r.match)) typedNamed.add(r.id)
        // MiniSearch multiplies by the number of matched query terms; we weigh terms ourselves
        const score = (w * r.score) / Math.max(1, r.queryTerms.length)
        // (every word of the form, as typed: a prefix match, "docker" in "Dockerfile", names nothing)
        // (on the English edition also in another form of the same word: "image vs container" is
        // compared in "Images and containers", headingForms)
        if (alt.every((t) => r.match[t]?.includes('title')) || (opts.englishForms && inHeading(alt, r))) titledAny.add(r.id)
        const prev = best.get(r.id)
        if (prev && prev.score >= score) continue
        const titled = Object.values(r.match).some((fields) => fields.includes('title'))
        best.set(r.id, { score, titled, result: r })
      }
    }
    const weight = c.weight ?? 1
    for (const [id, b] of best) {
      const acc = docs.get(id) ?? { result: b.result, score: 0, covered: 0, titled: 0, named: 0, namesTyped: 0, terms: new Set<string>(), match: {}, hits: new Set<Concept>(), names: new Set<Concept>(), titledBy: new Set<Concept>() }
      acc.score += b.score * weight
      acc.covered += weight
      acc.hits.add(c)
      if (b.titled) acc.titled += weight
      if (titledAny.has(id)) acc.titledBy.add(c)
      if (namedIn(b.result.match)) { acc.named += weight; acc.names.add(c) }
      if (typedNamed.has(id)) acc.namesTyped += weight
      for (const t of b.result.terms) acc.terms.add(t)
      Object.assign(acc.match, b.result.match)
      docs.set(id, acc)
    }
  })
  // sections whose hidden keywords hold the query's task phrase (RANKING.phrase)
  // (an English phrase is a bag of words: a glossary entry's aliases are names, not tasks, and
  // several of them together hold "exec format error" or "multistage build" word by word)
  const latinPhrase = !!a.phrase && !CJK_CHAR.test(a.phrase)
  const phrased = new Set(a.phrase && RANKING.phrase !== 1 ? ms.search(phraseQuery(a.phrase, opts), { ...options, fields: ['keywords'] }).map((r) => r.id).filter((id) => !(latinPhrase && /^\/(en\/)?glossary\//.test(id))) : [])
  const out: RankedResult[] = []
  // a whole command line ("docker system prune", "docker network create -d overlay"): the command's
  // reference entry answers it, and it is no glossary look-up even when the command's name is a
  // glossary alias (the 清理 entry led "docker system prune")
  // the command reference entry the query begins with, once per query: a whole command line
  // (RANKING.command) and a command line followed by a problem (problemSectionFirst) both read it
  const named = namedCommand(query, docs.keys(), (id) => docs.get(id)!.result.title)
  const command = RANKING.command !== 1 ? commandLineEntry(named) : undefined
  if (command) a.term = false
  const homed = a.term && !!homeOf(live[0], lexicon)
  // a term looked up (RANKING.term) is the entry *named* that term, not every entry whose name
  // contains it: "镜像" is 镜像（image）, not 镜像加速器, 悬空镜像, 基础镜像 (search18). When no entry
  // is named that term ("日志"), the entries whose names hold it (日志驱动) are the nearest look-up
  const termNames = a.term ? defineSubject(live) : undefined
  const namedEntry = !!termNames && [...docs].some(([id, acc]) => pageKind(id) === 'glossary' && acc.namesTyped >= total && definesSubject(acc.result.title, termNames))
  // … unless a teaching section is headed by that very term ("HEALTHCHECK：健康检查", "tmpfs 挂载"):
  // the reader looks the word up, and the section that teaches it under that name is the answer:
  // it takes the look-up weight (RANKING.term), and the glossary's one-line entry stays a result
  // at its normal weight (search20)
  // (the term as typed, not a synonym of it: "标签" is not "打标签：名字决定推到哪里")
  const headed = new Set(a.term && !homed && RANKING.taught !== 0 ? [...docs].filter(([id, acc]) => pageKind(id) === 'teaching' && acc.namesTyped >= total && headedBy(acc.result.title, [squash(live[0].label)])).map(([id]) => id) : [])
  const taught = headed.size > 0
  // the things compared, without the word that asks to compare ("区别", "vs", "哪个"): a heading that
  // names the things and sets them against each other ("绑定挂载还是数据卷", "Bind mount or volume?")
  // compares them without saying 区别; one that only names both ("保存容器为镜像") does not
  const compares = a.compare ? live.filter((c) => !comparesIn(c.label)) : []
  const contrasted = new Set<string>()
  for (const [id, acc] of docs) {
    const coverage = acc.covered / total
    // a comparison ("镜像和容器有什么区别", "X vs Y"): a section whose heading names every concept
    // compares exactly these, not one of them with something else
    const setAgainst = compares.length >= 2 && compares.every((c) => acc.titledBy.has(c)) && setsAgainst(acc.result.title, compares)
    if (setAgainst) contrasted.add(id)
    const compared = a.compare && (acc.titled >= total || setAgainst) ? RANKING.compare : 1
    // the overview of a command reference page (its H1 section: an intro and the page's keywords,
    // which name every command of the page) is not the answer to a task unless its heading names
    // it: the command's own entry or a teaching section is ("怎么进入正在运行的容器")
    const overview = a.task && acc.titled < total && isPageLevel(acc.result) && /^\/(en\/)?cli\//.test(id) ? RANKING.overview : 1
    out.push({
      ...acc.result,
      terms: [...acc.terms],
      match: acc.match,
      score: acc.score * coverage * coverage * (1 + acc.titled / total) * pageWeight(id, a, pageKind(id) === 'glossary' ? !taught && acc.namesTyped >= total && (!namedEntry || definesSubject(acc.result.title, termNames)) : acc.named >= total, homed, definesSubject(acc.result.title, a.subject) && (pageKind(id) === 'glossary' || DEFINE_RE.test(normalize(acc.result.title)))) * compared * overview * (phrased.has(id) ? RANKING.phrase : 1) * (id === command ? RANKING.command : 1) * (headed.has(id) ? RANKING.term : 1),
      coverage,
    })
  }
  if (RANKING.page) {
    const full = new Map<string, number>()
    for (const r of out) if (r.coverage >= 1) full.set(pathOf(r.id), (full.get(pathOf(r.id)) ?? 0) + 1)
    // only the page's best section: the bonus must not fill the top with one page
    out.sort((x, y) => y.score - x.score)
    const seen = new Set<string>()
    for (const r of out) {
      const path = pathOf(r.id)
      if (seen.has(path) || !seen.add(path) || /^\/(en\/)?(cli|glossary)\//.test(path)) continue
      const others = (full.get(path) ?? 0) - (r.coverage >= 1 ? 1 : 0)
      r.score *= 1 + RANKING.page * Math.sqrt(others)
    }
  }
  out.sort((x, y) => y.score - x.score)
  if (live.length >= 2 && RANKING.section) representBySection(out)
  // a heading that sets exactly the compared things against each other answers the comparison,
  // however the reader spelled them: typed English names ("bind mount") outscore the Chinese heading's
  // synonyms (RANKING.synonym) in the text of sections that merely use them
  const contrast = contrasted.size ? out.slice(0, 10).find((r) => contrasted.has(r.id)) : undefined
  // (not over a page whose title compares them: its best section stands for the page, RANKING.section)
  if (contrast && contrast !== out[0] && ![...contrasted].some((id) => pathOf(id) === pathOf(out[0].id) && isPageLevel(docs.get(id)!.result))) raiseAbove(out, contrast, out[0])
  if (command) flagSectionFirst(out, query, docs.get(command)!.result.title, command, vocab)
  {
    // a command line that goes on with a problem in words ("docker logs -f 什么都没输出"): the
    // section that answers the problem leads (problemSectionFirst)
    const problem = named && !CJK_CHAR.test(named.rest.split(' ')[0]) && problemWords(named.rest)
    // (a comparison or a definition question asks about the command itself: "docker exec -it 和
    // docker exec 有什么不同", "docker run -it 是什么意思")
    if (problem && !a.compare && !a.define) {
      const labels = new Set(analyzeQuery(problem, vocab, lexicon, opts).concepts.map((c) => c.label))
      const asked = live.filter((c) => labels.has(c.label))
      // the heading or keywords name the problem's rarest concept, the one that says what is
      // wrong ("马上退出", not "容器" of "之后容器马上退出了", which names every container section)
      const count = (c: Concept) => [...docs.values()].filter((acc) => acc.hits.has(c)).length
      const rarest = asked.reduce<Concept | undefined>((m, c) => (m && count(m) <= count(c) ? m : c), undefined)
      if (rarest) problemSectionFirst(out, named.id, (r) => asked.every((c) => docs.get(r.id)!.hits.has(c)) && docs.get(r.id)!.names.has(rarest))
    }
  }
  // the query names one concept and nothing else: the page named after it leads (lexicon.ts conceptHomes)
  // (not for a command line whose command is a phrase of the group: "docker network create" is the
  // command's entry, not the user-defined networks page)
  const home = !a.define && !a.flag && !command && live.length === 1 ? homeOf(live[0], lexicon) : undefined
  if (home && RANKING.home !== 1) {
    const best = out.find((r) => pathOf(r.id).replace(/^\/en(?=\/)/, '') === home)
    if (best) best.score *= RANKING.home
    out.sort((x, y) => y.score - x.score)
  }
  return out
}

/**
 * The command reference entry a query names as a whole command line (RANKING.command): the query
 * begins with the entry's heading, a `docker …` command ("docker system prune", "docker compose
 * up"), and says nothing after it or goes on with a flag ("docker run -p 8080:80"): words after
 * the name ("docker run 后台运行", "docker pull hangs") ask about the command, they are no command
 * line. The longest such heading wins ("docker compose up -d" is docker compose up, not docker
 * compose).
 * @param named the entry the query begins with (namedCommand), or undefined
 * @returns the entry's id, or undefined
 */
export function commandLineEntry(named: NamedCommand | undefined): string | undefined {
  return named && (!named.rest || named.rest.startsWith('-')) ? named.id : undefined
}

/** A command reference entry whose heading begins the query, and what the query says after it (namedCommand). */
export interface NamedCommand {
  /** the entry's id (site path with anchor) */
  id: string
  /** the normalised rest of the query after the heading, '' for the bare command */
  rest: string
}

/**
 * The command reference entry whose heading begins the query ("docker logs -f 什么都没输出" →
 * docker logs), the longest such heading, and what follows it. Only reference entries whose
 * heading is a `docker …` command count.
 * @param query raw query text
 * @param ids result ids to consider
 * @param titleOf a result's heading
 * @returns the entry and the rest of the query, or undefined
 */
export function namedCommand(query: string, ids: Iterable<string>, titleOf: (id: string) => string): NamedCommand | undefined {
  const text = normalize(query).replace(/\s+/g, ' ').trim()
  if (!/^docker(-compose)?\b/.test(text)) return undefined
  let best: { id: string; n: number } | undefined
  for (const id of ids) {
    if (pageKind(id) !== 'reference') continue
    const title = normalize(titleOf(id)).replace(/\s+/g, ' ').trim()
    if (!/^docker(-compose)?\b/.test(title) || !(text === title || text.startsWith(title + ' '))) continue
    if (!best || title.length > best.n) best = { id, n: title.length }
  }
  return best && { id: best.id, rest: text.slice(best.n).trim() }
}

/**
 * The problem a command line goes on to describe in words, after its flags and arguments:
 * "-f 什么都没输出" → 什么都没输出, "-p 8080:80 nginx 浏览器打不开" → 浏览器打不开, "-f shows nothing" →
 * "shows nothing". Chinese: from the first Chinese character on (flags and arguments are Latin).
 * English: the words left without flags and arguments (tokens with digits or path and option
 * punctuation), when they are a phrase rather than names: three or more words, or two with a stop
 * word, a negation or a contraction ("can't"). Why a guess and not a parser: an argument is any
 * word ("docker exec -it web sh" names a container and a program), and the flags that take a value
 * differ per command; two plain words stay arguments, so "docker run --name web nginx" is a command line.
 * @param rest the normalised query after the command's name (namedCommand)
 * @returns the words of the problem, or undefined when the rest is only flags and arguments
 */
export function problemWords(rest: string): string | undefined {
  const cjk = [...rest].findIndex((ch) => CJK_CHAR.test(ch))
  if (cjk >= 0) return [...rest].slice(cjk).join('').trim()
  const words = rest.split(' ').filter((w) => /^[a-z][a-z']*$/.test(w))
  const phrase = words.length >= 3 || (words.length === 2 && words.some((w) => EN_STOP.has(w) || EN_NEGATIONS.has(w) || w.includes("'")))
  return phrase ? words.join(' ') : undefined
}

/**
 * A command line with exactly one flag after the command ("docker run -p", "docker run --rm"): the
 * teaching section headed by that flag ("-p：端口映射", "--rm: remove on exit") explains the option,
 * and it moves just above the command's reference entry, which lists every option in one table and
 * stays second. Why: the blind held-out sets label these queries with the option's section first
 * (set 15: "docker run -p", en "docker run --rm"; sets 6–14 list the option's section or page for
 * "docker run -v/-e/-it/--rm"), while a command line with a whole-command flag ("docker ps -a",
 * "docker system prune -a") has no section headed by the flag and keeps its entry first. The flag
 * is compared case-sensitively (`-p` publishes one port, `-P` all of them).
 * @param out ranked results, best first; changed in place and re-sorted
 * @param query raw query text
 * @param entryTitle the command entry's heading (commandLineEntry's match)
 * @param entryId the command entry's id
 * @param vocab the index's vocabulary ("docker run -rm" is --rm, spellFlags)
 */
function flagSectionFirst(out: RankedResult[], query: string, entryTitle: string, entryId: string, vocab: Vocabulary): void {
  const flat = (t: string) => t.normalize('NFKC').replace(/\s+/g, ' ').trim()
  const text = flat(query)
  const title = flat(entryTitle)
  if (text.toLowerCase().indexOf(title.toLowerCase()) !== 0) return
  const flag = spellFlags(text.slice(title.length).trim(), vocab)
  if (!/^--?[A-Za-z][\w-]*$/.test(flag)) return
  const entry = out.find((r) => r.id === entryId)
  const section = out.find((r) => r.coverage >= 1 && pageKind(r.id) === 'teaching' && flat(r.title).split(':')[0].trim() === flag)
  if (!entry || !section || section.score > entry.score) return
  raiseAbove(out, section, entry)
}

/**
 * A command line followed by a problem in words ("docker logs -f 什么都没输出", "docker run -p
 * 8080:80 nginx 浏览器打不开", "docker compose up -d code changes not showing up"): the reader ran
 * the command and asks about what went wrong, which the command's reference entry does not answer.
 * Typed flags weigh every reference entry (RANKING.flag), so the entry led even when a teaching or
 * troubleshooting section matched every word of the problem (search24). The best section that
 * answers the problem (an option's own section, "-d：后台运行", explains the option, not what went
 * wrong) and matches as much of the whole query as the entry moves above the
 * reference entry that leads; the entry keeps its place below it.
 * @param out ranked results, best first; changed in place and re-sorted
 * @param entryId the command's reference entry (namedCommand)
 * @param answers whether a result matches every concept of the problem and names the rarest of them
 *   in its heading or keywords (a section about the problem, not one that mentions its words in passing)
 */
function problemSectionFirst(out: RankedResult[], entryId: string, answers: (r: RankedResult) => boolean): void {
  const entry = out.find((r) => r.id === entryId)
  // only where a reference entry leads: a teaching section already first answers more than the words
  if (!entry || pageKind(out[0].id) !== 'reference') return
  const section = out.find((r) => (pageKind(r.id) === 'teaching' || pageKind(r.id) === 'faq') && !/^-/.test(r.title.trim()) && answers(r) && r.coverage >= entry.coverage)
  if (!section || section === out[0]) return
  raiseAbove(out, section, out[0])
}

/**
 * Move `result` to just above `over` (a rule that knows which result answers the question better
 * than the one ranked above it): its score becomes `over`'s times 1.001, so that it passes `over`
 * and nothing else, and everything else keeps its score and order. Used by the comparison rule
 * (a heading that sets the compared things against each other), flagSectionFirst and
 * problemSectionFirst.
 * @param out ranked results, best first; changed in place and re-sorted
 * @param result the result to move up (an element of `out`)
 * @param over the result it must pass (an element of `out`)
 */
function raiseAbove(out: RankedResult[], result: RankedResult, over: RankedResult): void {
  result.score = over.score * 1.001
  out.sort((x, y) => y.score - x.score)
}

/**
 * Which section stands for a page (RANKING.section), on results sorted best first: when a page's
 * best result is its H1 section (the page's intro, which names the page's topic and so matches
 * any question about it) and a deeper section of the same page matches at least as many of the
 * query's concepts, that section is the answer to the question and takes the H1 section's place
 * ("修改容器的端口映射" → "已经运行的容器能加端口吗", "exit code 137" → "137 and 143"). The page's
 * rank among pages is unchanged; the H1 section takes the deeper section's score. Only for
 * queries of two or more concepts: one concept alone is the page's topic, and the intro answers it.
 * @param out ranked results, best first; changed in place and re-sorted
 */
function representBySection(out: RankedResult[]): void {
  const seen = new Set<string>()
  let moved = false
  for (const top of out) {
    const path = pathOf(top.id)
    if (seen.has(path) || !seen.add(path) || !isPageLevel(top)) continue
    const sub = out.find((r) => r !== top && pathOf(r.id) === path && r.coverage >= top.coverage)
    if (!sub) continue
    ;[top.score, sub.score] = [sub.score, top.score]
    moved = true
  }
  if (moved) out.sort((x, y) => y.score - x.score)
}

/**
 * The keywords-field query of a task phrase: a Chinese phrase is one index term; an English one
 * (englishTaskPhrase) needs every word, as typed or in its reduced form ("files" | "file").
 */
function phraseQuery(phrase: string, opts: SearchOptions): Query {
  if (CJK_CHAR.test(phrase)) return phrase
  const words = phrase.split(' ')
  return { combineWith: 'AND', queries: words.map((w) => ({ combineWith: 'OR', queries: [...new Set([w, opts.englishForms ? englishForm(w) : w])] })) }
}

/** The home page (locale-free path) of a concept: of what was typed, else of a typo's correction. */
function homeOf(c: Concept, lexicon: Lexicon): string | undefined {
  const homes = lexicon.homes ?? {}
  return homes[c.label] ?? c.alternatives.map((alt) => homes[alt.join(' ')]).find(Boolean)
}

const pathOf = (id: string) => id.replace(/#.*$/, '')

/**
 * Whether a heading sets the compared things against each other: one of its clauses (split at a
 * colon) says a word of HEADING_SETS_AGAINST_RE and names every thing, in some alternative of it,
 * as written or in another English form. A heading whose title part names the things and whose
 * comparison is about something else ("Save a container as an image: docker commit vs a
 * Dockerfile") does not compare image and container: it led "difference between image and
 * container" once "between" was no longer a compared thing (search26).
 * @param title the section's heading as indexed
 * @param compared the compared concepts (two or more)
 */
function setsAgainst(title: string, compared: Concept[]): boolean {
  return normalize(title).split(':').some((clause) => {
    if (!HEADING_SETS_AGAINST_RE.test(clause)) return false
    const forms = headingForms(clause)
    return compared.every((c) => c.alternatives.some((alt) => alt.every((t) => clause.includes(t) || forms.has(englishForm(t)))))
  })
}

/**
 * The English forms (text.ts englishForm) of a heading's Latin words and of their parts
 * ("Containers vs. virtual machines" → contain, vs, virtual, machin). MiniSearch's match says
 * which typed term a heading holds as written; a comparison asks whether it names the thing in any
 * form: "image vs container" against "Images and containers", "images vs containers" against
 * "… an image and a container?" (search26). Only used with SearchOptions.englishForms.
 * @param title the section's heading as indexed
 * @returns the set of reduced forms
 */
export function headingForms(title: string): Set<string> {
  return new Set(pieces(normalize(title)).filter((p) => p.kind === 'latin').flatMap((p) => latinTerms(p)).map(englishForm))
}

/** A page's H1 section (no parent headings): the page-level document, which holds the page's frontmatter keywords. */
const isPageLevel = (r: SearchResult) => Array.isArray(r.titles) && r.titles.length === 0

/** Whether a result matched the query in its heading or hidden keywords (MiniSearch `match`: term → fields), not only in body text. */
const namedIn = (match: Record<string, string[]>) => Object.values(match).some((fields) => fields.includes('title') || fields.includes('keywords'))
