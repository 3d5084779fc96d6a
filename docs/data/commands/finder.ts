/**
 * The command finder's pure filter function (used by <CommandFinder>, the unit tests and benches).
 * It lives next to the data, not in the theme module, so that only the finder's own chunk carries
 * it: the theme's entry imports .vitepress/theme/commands.ts on every page.
 *
 * `filterCommands(index, query)` is pure and has no DOM or Node dependencies, so the same code
 * runs in <CommandFinder>, in unit tests and in a bench (Node or browser). It understands:
 *  - command names and aliases: "run", "docker image ls", "ps"
 *  - flags: "-p", "--rm", "--pub" (prefix), "-it" (combined short flags), "--restart=always"
 *  - Chinese task words, also inside longer phrases: "端口", "如何查看日志", "映射端口"
 *  - English words of the one-line description: "publish", "logs"
 *  - on /en/ pages (finderView(index, 'en')): English task words (keywords_en) instead of Chinese
 *  - small typos: "dokcer", "prot", "conatiner", "--restat"
 *  - mixed queries: "docker 端口", "run 环境变量"
 * Every word has to match (the word "docker" and question words are optional); if no command
 * matches every word, the commands matching the most words are shown.
 */
import { createVocabulary, segment, type Vocabulary } from '../../../core/search/query'
import { SYNONYMS } from '../../../core/search/synonyms'
import { CJK_CHAR } from '../../../core/search/text'

/** One command in the compact index (built by .vitepress/plugins/commands.ts). */
export interface FinderEntry {
  name: string
  id: string
  group: string
  /** site path of the command's page; the command's anchor is `id` */
  page: string
  zh: string
  /**
   * How the site search's segmenter (jieba, core/search/index-tokenize.ts) splits the CJK runs of
   * `zh` into words: one base-36 digit per word length, the runs one after another ("删除所有没有
   * 容器接入的自定义网络" → "22222132"); absent when no run has two words. Character pairs of `zh`
   * count only inside a word: "有容" across 没有|容器 matched "删除所有容器" to docker network
   * prune (finder18). Set by the build for the Chinese bundle.
   */
  zhCuts?: string
  en: string
  flags: string[]
  /** Chinese task words of the command itself */
  keywords: string[]
  /** task words of its options (端口 for -p): they rank a little lower */
  optionKeywords: string[]
  /**
   * task words of the options in its typical invocation (`copy`: `docker run -d --name web -p
   * 8080:80 nginx` → 后台运行, 容器名, 端口, …): what the command is used for every day, so they
   * rank above another command's own task words ("端口": docker run -p before docker port)
   */
  everydayKeywords?: string[]
  aliases?: string[]
  /** typical invocation for the copy button; defaults to the name */
  copy?: string
  /** English task words (`keywords_en` of the data), present once translated */
  keywords_en?: string[]
  optionKeywords_en?: string[]
  everydayKeywords_en?: string[]
}
export interface FinderGroup { id: string; label: string; title: string; page: string; label_en?: string; title_en?: string }
export interface FinderIndex { groups: FinderGroup[]; commands: FinderEntry[] }

const englishViews = new WeakMap<FinderIndex, FinderIndex>()
/**
 * The index as the finder of one language uses it. `zh`: the index itself. `en` (the finder on
 * /en/ pages): entries whose task words are the English ones (`keywords_en`), with no Chinese
 * text to match (`zh` empty: the summary shown is `en`), pages and group titles of the English
 * edition (`/en/cli/…`). Command names, flags and anchors are the same. Memoised per index, so
 * the filter's per-index cache keeps working.
 */
export function finderView(index: FinderIndex, lang: 'zh' | 'en'): FinderIndex {
  if (lang === 'zh') return index
  const hit = englishViews.get(index)
  if (hit) return hit
  const en = (p: string) => (p.startsWith('/en/') ? p : '/en' + p)
  const view: FinderIndex = {
    groups: index.groups.map((g) => ({ ...g, label: g.label_en ?? g.label, title: g.title_en ?? g.title, page: en(g.page) })),
    // no zhCuts: the English view has no Chinese summary to cut
    commands: index.commands.map(({ zhCuts, ...e }) => ({
      ...e,
      page: en(e.page),
      zh: '',
      keywords: e.keywords_en ?? [],
      optionKeywords: e.optionKeywords_en ?? [],
      everydayKeywords: e.everydayKeywords_en ?? [],
    })),
  }
  englishViews.set(index, view)
  return view
}

/** What the copy button of a command puts on the clipboard. */
export function copyText(e: Pick<FinderEntry, 'name' | 'copy'>): string {
  return e.copy ?? e.name
}

/** Link to the command's heading. */
export function commandHref(e: Pick<FinderEntry, 'page' | 'id'>): string {
  return `${e.page}#${e.id}`
}

// ---------------------------------------------------------------------------------------------

// the site search's character class (core/search/text.ts): both must agree on what a CJK run is
const CJK_RUN = new RegExp(CJK_CHAR.source + '+', 'g')
/** The CJK runs `zhCuts` describes (the build splits the same runs). */
export const FINDER_CJK_RUN = CJK_RUN
/** Question words and fillers that say nothing about which command is meant. */
const ZH_STOP = /如何|怎么样|怎么|怎样|什么|哪个|哪些|为什么|多少|是否|能不能|请问|一下|命令|指令|可以|需要|我想|想要|用来|的|吗|呢/g
const EN_STOP = new Set(['how', 'to', 'the', 'a', 'an', 'do', 'i', 'in', 'of', 'my', 'with', 'and', 'for', 'cmd', 'command'])

interface Prepared {
  e: FinderEntry
  order: number
  /** "run", "image ls" (name without "docker") */
  short: string
  shortAliases: string[]
  /** words of the name without "docker"; the last one is the verb */
  nameWords: string[]
  aliasWords: Set<string>
  flags: string[]
  flagsLower: Set<string>
  shortFlags: Set<string>
  /** long flag names without dashes: publish, rm, restart */
  flagBare: string[]
  enWords: string[]
  keywords: string[]
  optionKeywords: string[]
  everyday: string[]
  keywordsLower: string[]
  /** the command's own task words that start with a verb (查看端口, 停止容器): see ZH_VERBS */
  verbKeywords: string[]
  /** Latin words inside the task words: "ip" in "IP 地址" */
  keywordWords: Set<string>
  zhText: string
  /** the summary's words, one list per CJK run (summaryRuns) */
  zhRuns: string[][]
  bigrams: Set<string>
  /** the pairs of the summary and the command's own task words (not its options') */
  ownBigrams: Set<string>
  /** the pairs of each of the command's own task words */
  keywordPairs: Set<string>[]
  copy: string
  /** a Compose command with a plain twin (docker compose exec ↔ docker exec): see COMPOSE_TWIN */
  composeTwin: boolean
}

interface PreparedIndex {
  items: Prepared[]
  idf: Map<string, number>
  /** the words of the summaries (zhCuts) and the Chinese task words: queries are segmented into these */
  vocab: Vocabulary
  /** per-token scores of every command: typing changes only the last word, the rest is reused */
  tokenScores: Map<string, Int16Array>
}

const cache = new WeakMap<FinderEntry[], PreparedIndex>()

function bigramsOf(s: string): string[] {
  const out: string[] = []
  for (const run of s.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.push(run)
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
  }
  return out
}

/**
 * The words of a summary: its CJK runs split as `cuts` (FinderEntry.zhCuts) says. Without cuts,
 * or if they do not fit the text (an index built from other data), each run is one word.
 */
export function summaryWords(zh: string, cuts: string | undefined): string[] {
  return summaryRuns(zh, cuts).flat()
}

/** summaryWords, grouped by the CJK run each word belongs to (one list per run, in order). */
export function summaryRuns(zh: string, cuts: string | undefined): string[][] {
  const runs = zh.match(CJK_RUN) ?? []
  const whole = runs.map((r) => [r])
  if (!cuts) return whole
  const out: string[][] = []
  let k = 0
  for (const run of runs) {
    const words: string[] = []
    for (let at = 0; at < run.length;) {
      const n = k < cuts.length ? parseInt(cuts[k++], 36) : NaN
      if (!(n > 0) || at + n > run.length) return whole
      words.push(run.slice(at, at + n))
      at += n
    }
    out.push(words)
  }
  return k === cuts.length ? out : whole
}

function prepare(entries: FinderEntry[]): PreparedIndex {
  const hit = cache.get(entries)
  if (hit) return hit
  const df = new Map<string, number>()
  const words = new Map<string, number>()
  const items = entries.map((e, order): Prepared => {
    const strip = (n: string) => n.toLowerCase().replace(/^docker\s+/, '')
    const short = strip(e.name)
    const shortAliases = (e.aliases ?? []).map(strip)
    const zhText = [e.zh, ...e.keywords, ...e.optionKeywords].join(' ')
    // the summary's pairs inside its words only; a task word is one phrase a reader types, all its pairs count
    // grouped by run: a phrase the summary says never spans its punctuation (saysInWords)
    const zhRuns = summaryRuns(e.zh, e.zhCuts)
    const zhWords = zhRuns.flat()
    const ownBigrams = new Set(bigramsOf([...zhWords, ...e.keywords].join(' ')))
    const bigrams = new Set([...ownBigrams, ...bigramsOf(e.optionKeywords.join(' '))])
    for (const w of [...zhWords, ...[...e.keywords, ...e.optionKeywords].flatMap((k) => k.match(CJK_RUN) ?? [])]) if (w.length > 1) words.set(w, (words.get(w) ?? 0) + 1)
    for (const b of bigrams) df.set(b, (df.get(b) ?? 0) + 1)
    return {
      e,
      order,
      short,
      shortAliases,
      nameWords: short.split(/\s+/),
      aliasWords: new Set(shortAliases.flatMap((a) => a.split(/\s+/))),
      flags: e.flags,
      flagsLower: new Set(e.flags.map((f) => f.toLowerCase())),
      shortFlags: new Set(e.flags.filter((f) => /^-[^-]$/.test(f)).map((f) => f[1])),
      flagBare: e.flags.filter((f) => f.startsWith('--')).map((f) => f.slice(2).toLowerCase()),
      enWords: e.en.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? [],
      keywords: e.keywords,
      optionKeywords: e.optionKeywords,
      everyday: e.everydayKeywords ?? [],
      keywordsLower: [...e.keywords, ...e.optionKeywords].map((k) => k.toLowerCase()),
      verbKeywords: e.keywords.filter((k) => ZH_VERBS.some(([re]) => startsWith(re, k))),
      keywordWords: new Set([...e.keywords, ...e.optionKeywords].flatMap((k) => k.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [])),
      zhText,
      zhRuns,
      bigrams,
      ownBigrams,
      keywordPairs: e.keywords.map((k) => new Set(bigramsOf(k).filter((g) => g.length === 2))),
      copy: copyText(e).toLowerCase(),
      composeTwin: false,
    }
  })
  // Compose commands named like a plain command (compose exec, compose logs, compose rm)
  const plain = new Set(items.filter((p) => p.nameWords[0] !== 'compose').map((p) => p.short))
  for (const p of items) p.composeTwin = p.nameWords[0] === 'compose' && plain.has(p.nameWords.slice(1).join(' '))
  const idf = new Map<string, number>()
  for (const [b, n] of df) idf.set(b, Math.log(1 + entries.length / n))
  const prepared: PreparedIndex = { items, idf, vocab: createVocabulary(words), tokenScores: new Map() }
  cache.set(entries, prepared)
  return prepared
}

/** Optimal string alignment distance (Levenshtein + adjacent transposition), capped at max+1. */
const ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  // three reused rows (no allocation per call: the finder calls this thousands of times per keystroke)
  const big = n >= 64
  let prev2 = big ? new Int32Array(n + 1) : ROWS[0]
  let prev = big ? new Int32Array(n + 1) : ROWS[1]
  let cur = big ? new Int32Array(n + 1) : ROWS[2]
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[n]
}

/** How many typos a word of this length may have. */
const allowedTypos = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2)

function fuzzy(word: string, candidates: Iterable<string>): boolean {
  const max = allowedTypos(word.length)
  if (!max) return false
  for (const c of candidates) {
    if (c.length < 3 || c[0] !== word[0] && c[1] !== word[1]) continue
    if (editDistance(word, c, max) <= max) return true
  }
  return false
}

/** `soft` tokens add to the score but are not required to match (verbs like 查看, whole phrases). */
interface Token { kind: 'flag' | 'word' | 'zh'; text: string; soft?: boolean }

/** Chinese verbs → the command words they usually mean ("列出镜像" → docker images). */
const ZH_VERBS: [RegExp, string[]][] = [
  [/列出|查看|显示|看看/, ['ls', 'list', 'ps', 'images', 'inspect', 'logs', 'show']],
  [/删除|移除|删掉/, ['rm', 'rmi', 'remove', 'prune', 'down']],
  [/清理|清除|回收/, ['prune']],
  [/创建|新建/, ['create', 'init']],
  [/启动|运行|开启/, ['start', 'run', 'up']],
  [/停止|关闭|停掉/, ['stop', 'down']],
  [/重启/, ['restart']],
  [/进入|登入/, ['exec', 'attach']],
  [/拉取|下载/, ['pull']],
  [/推送|上传/, ['push']],
  [/构建|制作|打包/, ['build']],
  [/复制|拷贝/, ['cp']],
  [/登录/, ['login']],
]

/** Whether `text` starts with a match of `re` (one of the ZH_VERBS patterns). */
const startsWith = (re: RegExp, text: string) => re.exec(text)?.index === 0

/**
 * A verb right before 的/中 or right after 已/正在/被 describes the object, it is not the action
 * asked for: "删除停止的容器" deletes stopped containers (finder19: the 停止 put docker compose
 * down, which stops and deletes, first), "查看正在运行的容器" lists running ones.
 */
const ATTRIBUTE_BEFORE = /(已经|已|正在|被)$/
const ATTRIBUTE_AFTER = /^(的|中)/

/** The ZH_VERBS whose verb is an action of the query (not one describing its object). */
function actionVerbs(zh: string): [RegExp, string[]][] {
  return ZH_VERBS.filter(([re]) => {
    for (const m of zh.matchAll(new RegExp(re.source, 'g'))) {
      if (!ATTRIBUTE_BEFORE.test(zh.slice(0, m.index)) && !ATTRIBUTE_AFTER.test(zh.slice(m.index + m[0].length))) return true
    }
    return false
  })
}

/** Verbs that fit almost every command: "查看容器 IP" is about 容器 and IP. */
const ZH_VERB = /^(查看|显示|列出)(?=..)/

/**
 * Everyday wordings of what the task words say (finder19): "看日志" means 查看日志, "进到容器" 进入容器,
 * "强行停止" 强制停止, "正在运行的容器" 运行中的容器.
 */
const ZH_REWORD: [RegExp, string][] = [[/(^|[^查])看/g, '$1查看'], [/进到|进去/g, '进入'], [/强行/g, '强制'], [/正在运行/g, '运行中']]
const reword = (zh: string) => ZH_REWORD.reduce((s, [re, to]) => s.replace(re, to), zh)

/** Split a query into flags, Latin words and Chinese phrases ("docker端口" → docker, 端口). */
export function queryTokens(query: string): Token[] {
  const q = query.normalize('NFKC')
  const tokens: Token[] = []
  const re = new RegExp(`(--?[A-Za-z0-9][\\w-]*)(?:=\\S*)?|(${CJK_CHAR.source}+)|([A-Za-z0-9_][\\w.:/-]*)`, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(q))) {
    if (m[1]) tokens.push({ kind: 'flag', text: m[1] })
    else if (m[2]) {
      const phrase = reword(m[2]).replace(ZH_STOP, ' ')
      for (const part of phrase.split(' ')) {
        if (!part) continue
        const verb = ZH_VERB.exec(part)
        if (verb) {
          tokens.push({ kind: 'zh', text: part.slice(verb[1].length) })
          tokens.push({ kind: 'zh', text: part, soft: true })
        } else tokens.push({ kind: 'zh', text: part })
      }
    } else {
      const w = m[3].toLowerCase().replace(/[.:/]+$/, '')
      if (w && !EN_STOP.has(w)) tokens.push({ kind: 'word', text: w })
    }
  }
  return tokens
}

/**
 * A Compose command's share of its score when it has a plain twin and the query does not say
 * compose: the twins carry the same task words ("进入容器" is docker exec's and docker compose
 * exec's), and a reader who does not mention Compose means the plain command (search14: "进入正在
 * 运行的容器" put docker compose exec first).
 */
const COMPOSE_TWIN = 0.8
/** The query asks about Compose: "compose", "docker-compose", "编排". */
const SAYS_COMPOSE = /compose|编排/i

/** "docker", "dokcer", "docekr": says nothing about which command. */
const isDockerWord = (w: string) => w === 'docker' || (w.length >= 5 && w.length <= 7 && editDistance(w, 'docker', 2) <= (w.length === 6 ? 2 : 1))

function scoreFlag(p: Prepared, t: string): number {
  if (p.flags.includes(t)) return 40
  const lower = t.toLowerCase()
  if (p.flagsLower.has(lower)) return 22
  if (/^-[A-Za-z]{2,}$/.test(t) && [...t.slice(1)].every((ch) => p.shortFlags.has(ch))) return 30
  if (t.startsWith('--')) {
    const bare = lower.slice(2)
    if (bare.length >= 2 && p.flagBare.some((f) => f.startsWith(bare))) return 16
    if (fuzzy(bare, p.flagBare)) return 12
  }
  return 0
}

function scoreWord(p: Prepared, w: string): number {
  let s = 0
  const last = p.nameWords[p.nameWords.length - 1]
  if (p.nameWords.includes(w)) s = Math.max(s, 30 + (w === last ? 6 : 0) + (p.nameWords.length === 1 ? 8 : 0))
  else if (p.aliasWords.has(w)) s = Math.max(s, 24)
  else if (w.length >= 2 && p.nameWords.some((n) => n.startsWith(w))) s = Math.max(s, 16)
  if (s >= 16) return s
  if (p.flagBare.includes(w)) s = Math.max(s, 18)
  else if (w.length >= 3 && p.flagBare.some((f) => f.startsWith(w))) s = Math.max(s, 9)
  if (p.keywordsLower.includes(w)) s = Math.max(s, 20)
  else if (p.keywordWords.has(w)) s = Math.max(s, 16)
  if (p.enWords.includes(w)) s = Math.max(s, 10)
  else if (w.length >= 3 && p.enWords.some((x) => x.startsWith(w))) s = Math.max(s, 6)
  if (s) return s
  if (w.length >= 3 && p.copy.includes(w)) return 4
  // typos, last resort: "prot" → port, "conatiner" → container, "pubish" → --publish
  if (fuzzy(w, p.nameWords) || fuzzy(w, p.aliasWords)) return 20
  if (fuzzy(w, p.flagBare)) return 8
  if (fuzzy(w, p.enWords)) return 5
  return 0
}

/** A query phrase's pairs, and for a pair of a word with synonyms, the pairs of each synonym. */
interface QueryPairs { pairs: string[]; alts: Map<string, string[][]> }

let zhSynonyms: Map<string, string[]> | undefined
/**
 * The Chinese words of the site search's synonym groups (core/search/synonyms.ts), a trailing 的
 * dropped as the finder's queries drop it: 没用 → 未使用, 不用, 无用, … Only whole words are
 * looked up, so a word of the query is understood as the search box understands it.
 */
function synonymsOf(word: string): string[] {
  if (!zhSynonyms) {
    zhSynonyms = new Map()
    for (const g of SYNONYMS) {
      const words = [...new Set(g.map((w) => w.replace(/的$/, '')).filter((w) => w.length > 1 && [...w].every((ch) => CJK_CHAR.test(ch))))]
      for (const w of words) zhSynonyms.set(w, [...(zhSynonyms.get(w) ?? []), ...words.filter((x) => x !== w)])
    }
  }
  return zhSynonyms.get(word) ?? []
}

/**
 * The character pairs of a query phrase that count: those inside its words, segmented against
 * the index's words (maximum matching, as the site search segments queries: core/search/query.ts
 * segment). A pair across two of the query's words says nothing about a command. With each pair,
 * the pairs of its word's synonyms (synonymsOf).
 */
function queryPairs(t: string, vocab: Vocabulary): QueryPairs {
  // characters the vocabulary does not know stay together as one word, as an unknown word is
  // one: "删除没用" is 删除|没用, not 删除|没|用, whose single 用 matched "或用 -f" of docker node rm
  const words: string[] = []
  let single = false
  for (const w of segment(t, vocab)) {
    if (w.length === 1 && single) words[words.length - 1] += w
    else words.push(w)
    single = w.length === 1
  }
  const alts = new Map<string, string[][]>()
  for (const w of words) {
    const syn = synonymsOf(w).map((x) => bigramsOf(x))
    if (syn.length) for (const g of bigramsOf(w)) alts.set(g, syn)
  }
  return { pairs: bigramsOf(words.join(' ')), alts }
}

/**
 * Whether a summary says `t` (finder19): `t` occurs in one of its runs either inside one word or
 * as whole words. A match that starts or ends inside a word and runs over into the next one
 * ("有容" in 没有|容器) does not count. `runs`: the summary's words per CJK run (Prepared.zhRuns).
 */
export function saysInWords(runs: string[][], t: string): boolean {
  for (const words of runs) {
    const text = words.join('')
    // starts[i]: where word i begins; a position's word is the last start at or before it
    const starts: number[] = []
    for (let at = 0, i = 0; i < words.length; at += words[i].length, i++) starts.push(at)
    const wordAt = (pos: number) => { let i = 0; while (i + 1 < starts.length && starts[i + 1] <= pos) i++; return i }
    const edge = (pos: number) => pos === text.length || starts.includes(pos)
    for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) {
      const end = at + t.length
      if ((edge(at) && edge(end)) || wordAt(at) === wordAt(end - 1)) return true
    }
  }
  return false
}

function scoreZh(p: Prepared, t: string, idf: Map<string, number>, { pairs, alts }: QueryPairs): number {
  if (t.length === 1) return p.zhText.includes(t) ? 3 : 0
  // the command's own summary says it: of commands with the same task word of their own, the one
  // doing the task leads (磁盘空间: docker system df shows it; docker image prune frees it as a side
  // effect). Not for the options' task words: there the option is what is sought.
  const says = saysInWords(p.zhRuns, t) ? 1 : 0
  if (p.everyday.includes(t)) return 28
  if (p.keywords.includes(t)) return 26 + says
  if (p.optionKeywords.includes(t)) return 23
  if (p.keywords.some((k) => k.includes(t))) return 20
  if (says) return 18
  if (p.optionKeywords.some((k) => k.includes(t))) return 17
  // a longer phrase ("查看容器日志"): how much of it the command covers, either by task words
  // that occur in it or by character pairs (weighted by how rare each pair is across commands)
  const covered = new Array<boolean>(t.length).fill(false)
  for (const k of [...p.keywords, ...p.optionKeywords]) {
    if (k.length < 2) continue
    for (let at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + 1)) covered.fill(true, at, at + k.length)
  }
  const byWords = covered.filter(Boolean).length / t.length
  // the same for the words of its everyday invocation: of two commands that cover the phrase
  // equally ("交互式终端": docker run -i -t, docker exec -it), the one used that way every day leads
  const day = new Array<boolean>(t.length).fill(false)
  for (const k of p.everyday) {
    if (k.length < 2) continue
    for (let at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + 1)) day.fill(true, at, at + k.length)
  }
  const byDay = day.filter(Boolean).length / t.length
  let have = 0
  let own = 0
  let all = 0
  for (const g of pairs) {
    // pairs no command has ("器日" in 容器日志) straddle two words: they say nothing
    const w = idf.get(g) ?? 0
    all += w
    // the pair, or a synonym of its word said whole (没用: 未使用 of docker network prune's 未使用的网络)
    const has = (set: Set<string>) => set.has(g) || !!alts.get(g)?.some((a) => a.every((x) => set.has(x)))
    if (has(p.bigrams)) have += w
    if (has(p.ownBigrams)) own += w
  }
  const cover = Math.max(byWords, all ? have / all : 0)
  // of two commands covering the phrase equally, the one covering it with its own words leads
  // ("进入正在运行": docker exec, not docker run, whose 进入 is an option's)
  const ownAll = have > 0 && own === have && cover > byWords ? 1 : 0
  // ... and the one with ONE task word saying all of it: "把镜像导出成文件" is docker save's 镜像导出为
  // 文件; docker export's summary has 导出 and 文件, and 镜像 only in a side clause (finder19)
  const known = pairs.filter((g) => g.length === 2 && (idf.get(g) ?? 0) > 0)
  const oneWord = known.length > 1 && p.keywordPairs.some((k) => known.every((g) => k.has(g))) ? 1 : 0
  return cover >= 0.5 ? Math.round(16 * cover) + ownAll + oneWord + (byDay > 0 && byDay >= byWords ? 2 : 0) : 0
}

export interface FinderHit { entry: FinderEntry; score: number }

/** Rank the commands for a query (all of them, in index order, for an empty query). */
export function rankCommands(index: FinderEntry[] | FinderIndex, query: string): FinderHit[] {
  const entries = Array.isArray(index) ? index : index.commands
  const prepared = prepare(entries)
  const { items, idf } = prepared
  const tokens = queryTokens(query).filter((t) => !(t.kind === 'word' && isDockerWord(t.text)))
  if (!tokens.some((t) => !t.soft)) return items.map((p) => ({ entry: p.e, score: 0 }))
  // the whole query as a name: "docker image ls", "image ls", "compose up"
  const whole = query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
  const wholeShort = whole.replace(/^\S+\s+/, (w) => (isDockerWord(w.trim()) ? '' : w))
  // the verbs as the query says them: the tokens have lost the 的 that marks an attribute
  const verbs = tokens.some((t) => t.kind === 'zh') ? actionVerbs(reword(query.normalize('NFKC'))) : []
  const columns = tokens.map((t) => {
    const key = t.kind + '\u0000' + t.text
    let col = prepared.tokenScores.get(key)
    if (!col) {
      col = new Int16Array(items.length)
      const pairs = t.kind === 'zh' ? queryPairs(t.text, prepared.vocab) : { pairs: [], alts: new Map() }
      for (const p of items) col[p.order] = t.kind === 'flag' ? scoreFlag(p, t.text) : t.kind === 'zh' ? scoreZh(p, t.text, idf, pairs) : scoreWord(p, t.text)
      if (prepared.tokenScores.size > 500) prepared.tokenScores.clear()
      prepared.tokenScores.set(key, col)
    }
    return col
  })
  const allWords = !!wholeShort && tokens.every((t) => t.kind === 'word')
  const composeAsked = SAYS_COMPOSE.test(query)
  const scored: { p: Prepared; matched: number; score: number }[] = []
  let best = 0
  for (const p of items) {
    let matched = 0
    let score = 0
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]
      const s = columns[k][p.order]
      if (s > 0) {
        if (!t.soft) matched++
        score += t.soft ? Math.round(s / 2) : s
      }
    }
    if (!matched) continue
    // the verb names the command ("删除" → rm), or the command's own task words start with it:
    // "查看端口映射" is docker port's 查看端口 / 端口映射, not docker run's (which sets mappings up)
    for (const [re, words] of verbs) if (words.includes(p.nameWords[p.nameWords.length - 1]) || p.verbKeywords.some((k) => startsWith(re, k))) score += 10
    if (p.short === wholeShort || p.shortAliases.includes(wholeShort)) score += 100
    else if (allWords && p.short.startsWith(wholeShort)) score += 20
    // the whole name with a typo: "volumn create", "contianer ls"
    else if (allWords && wholeShort.length >= 4) {
      const max = allowedTypos(wholeShort.length)
      if ([p.short, ...p.shortAliases].some((n) => editDistance(wholeShort, n, max) <= max)) score += 50
    }
    if (p.composeTwin && !composeAsked) score = Math.round(score * COMPOSE_TWIN)
    if (matched > best) best = matched
    scored.push({ p, matched, score })
  }
  return scored
    .filter((s) => s.matched === best)
    .sort((a, b) => b.score - a.score || a.p.order - b.p.order)
    .map((s) => ({ entry: s.p.e, score: s.score }))
}

/** The commands matching a query, best first. Pure; cheap after the first call per index. */
export function filterCommands(index: FinderEntry[] | FinderIndex, query: string): FinderEntry[] {
  return rankCommands(index, query).map((h) => h.entry)
}
