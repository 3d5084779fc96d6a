/**
 * The search lexicon: the site's own words (for the index's segmenter) and groups of equivalent
 * phrases (for query expansion), built from one source each — glossary names and aliases,
 * command keywords, and the small table in synonyms.ts.
 *
 * Built at build time in Node (see .vitepress/config/search.ts); the synonym groups are shipped to
 * the browser with the search box's chunk (virtual module `virtual:search-lexicon`).
 */
import { CUES, SYNONYMS, type Cue } from './synonyms'
import { latinTerms, normalize, pieces } from './text'

/**
 * What query analysis needs in the browser. Phrases are `normalize`d.
 *  - synonyms: groups of equivalent phrases
 *  - homes: phrase → site path of the page named after that concept (conceptHomes); optional
 *  - cues: a subject and what is said about it, read as one phrase of a group (synonyms.ts CUES); optional
 */
export interface Lexicon { synonyms: string[][]; homes?: Record<string, string>; cues?: Cue[] }

/** A page as conceptHomes sees it: its site path and its H1. */
export interface TitledPage { path: string; title: string }

/**
 * The page named after each concept: the teaching page whose H1 is the concept ("网络"), or
 * leads with it and goes on to say what the page does with it ("数据卷：持久化容器数据",
 * "多阶段构建与非 root 用户", "Docker Compose：单机多容器"). A reader who types just the concept
 * wants that page, not the glossary's one-line entry nor an incidental mention
 * (docs/contribute/decisions.md, "Concept pages"). Titles that merely contain the phrase
 * ("查看与清理数据卷") do not count; when two pages qualify equally the concept has no home.
 *
 * @param groups synonym groups (normalized phrases)
 * @param pages teaching pages of one locale (not /cli/, not the glossary, not pages about the project)
 * @returns phrase → site path, for every phrase of a group that has a home
 */
export function conceptHomes(groups: string[][], pages: TitledPage[]): Record<string, string> {
  const titles = pages.map((p) => ({ path: p.path, title: normalize(p.title).replace(/^docker\s+/, '').trim() }))
  // 0: the whole title; 1: "X: …" (NFKC turns ： into :); 2: "X与…" / "X 和 …" / "X and …"
  const rank = (title: string, phrase: string): number => {
    if (title === phrase) return 0
    if (!title.startsWith(phrase)) return -1
    const rest = title.slice(phrase.length).trimStart()
    if (rest.startsWith(':')) return 1
    // "X 与 Y" is about X only when X is a specific concept, not a word as broad as 容器 or host
    // that pairs up with another ("容器与虚拟机的区别", "host 与 none 网络模式"): three or more Chinese
    // characters, two or more words, or one Latin name of 8+ letters ("Kubernetes 与 Docker 的关系";
    // an outside tester's "k8s" found only glossary entries before)
    const specific = /^[\u3400-\u9fff]{3,}$/.test(phrase) || /^\S+\s+\S+/.test(phrase) || /^[a-z][a-z0-9]{7,}$/.test(phrase)
    if (specific && /^(与|和|and\b)/.test(rest)) return 2
    return -1
  }
  const homes: Record<string, string> = {}
  for (const g of groups) {
    let best: { path: string; r: number }[] = []
    for (const t of titles) {
      const r = Math.min(...g.map((p) => rank(t.title, p)).filter((x) => x >= 0))
      if (!Number.isFinite(r)) continue
      if (!best.length || r < best[0].r) best = [{ path: t.path, r }]
      else if (r === best[0].r && !best.some((b) => b.path === t.path)) best.push({ path: t.path, r })
    }
    if (best.length === 1) for (const p of g) homes[p] ??= best[0].path
  }
  // a section's index page (/network/, /storage/) is the home of the section's name, its H1 and
  // navigation label ("网络", "存储", "编排", "Storage"), which is often no synonym group: typed
  // alone, it led with whatever section says the word most ("网络" → 网络别名) (search20)
  for (const t of titles) if (/^\/[^/]+\/$/.test(t.path) && t.title) homes[t.title] ??= t.path
  return homes
}

/** A glossary term as far as search is concerned. */
export interface LexiconTerm { zh: string; en: string; aliases?: string[] }

/**
 * @param terms glossary terms: zh name, en name and aliases become one synonym group each
 * @param keywords extra site words (command keywords, page keywords): segmenter vocabulary only
 * @param pages teaching pages with their H1, paths without the locale prefix (`/en/x` → `/x`), for conceptHomes
 * @returns lexicon for the browser, and every site word for the index segmenter's dictionary
 */
export function buildLexicon(terms: LexiconTerm[], keywords: Iterable<string>, pages: TitledPage[] = []): { lexicon: Lexicon; words: string[] } {
  const groups: string[][] = []
  const add = (g: string[]) => {
    const n = [...new Set(g.map((p) => normalize(p).trim()).filter(Boolean))]
    if (n.length > 1) groups.push(n)
  }
  for (const t of terms) add([t.zh, t.en, ...(t.aliases ?? [])])
  for (const g of SYNONYMS) add(g)
  const words = new Set<string>()
  for (const g of groups) for (const p of g) {
    words.add(p)
    // … and each Latin word of a phrase: the index splits "no space left on device" into words, and
    // the rare ones (left, device) were pruned (prune.ts), so a pasted error matched its own group's
    // other phrases but never the section that quotes it (search21)
    for (const piece of pieces(p)) if (piece.kind === 'latin' && /\s/.test(p)) for (const t of latinTerms(piece)) words.add(t)
  }
  for (const k of keywords) words.add(normalize(k).trim())
  const homes = conceptHomes(groups, pages)
  const cues = CUES.map((c) => ({ group: normalize(c.group), subject: c.subject.map(normalize), about: c.about.map(normalize), ...(c.along ? { along: c.along.map(normalize) } : {}) }))
  return { lexicon: { synonyms: groups, ...(pages.length ? { homes } : {}), cues }, words: [...words].filter(Boolean) }
}
