/**
 * Search evaluation in Node: indexes the site's pages the way the built site does (VitePress's
 * Markdown renderer, our section splitter and tokenizer) and runs a query set through the same
 * query engine the browser uses, for fast comparison of tokenizers and ranking rules.
 * The authoritative numbers come from the browser run on the built site (`npm run bench`).
 *
 *   npx tsx scripts/search-eval.ts [--queries tests/search/queries.yaml] [--candidate jieba|jieba-cut|intl|bigram] [--misses]
 *   npx tsx scripts/search-eval.ts --grid 'synonym=0.4,0.6;glossary=0.3,0.5'   # ranking weights, every combination
 *   npx tsx scripts/search-eval.ts --locale en --queries tests/search/en/queries.yaml
 *   npx tsx scripts/search-eval.ts --queries tests/search/queries.yaml,tests/search/regression.yaml   # several sets, one index build
 *
 * Prints top-1, top-3, mean reciprocal rank, zero-result rate and index size (JSON, gzip).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import MiniSearch from 'minisearch'
import { createMarkdownRenderer, resolveConfig } from 'vitepress'
import { searchSetup } from '../.vitepress/config/search'
import { RANKING, searchSite, vocabularyOf } from '../core/search/query'
import { createIndexTokenizer } from '../core/search/index-tokenize'
import { isStopTerm, latinTerms, normalize, pieces, setEnglishStemmer, type EnglishStemmer } from '../core/search/text'
import { pruneIndex } from '../core/search/prune'
import { packIndex, unpackIndex } from '../core/search/packed'
import { loadQuerySet, judge, summarize } from './lib/search-quality'
import { parseCli, parseOrExit, UsageError } from './lib/cli-args'
import { routeOf } from '../core/version-paths'

const USAGE = 'npx tsx scripts/search-eval.ts [--queries file.yaml] [--candidate jieba|jieba-cut|intl|bigram] [--misses] [--grid \'weight=a,b;weight=c\'] [--no-prune] [--locale root|en] [--stem porter|none]'
const CANDIDATES = ['bigram', 'intl', 'jieba', 'jieba-cut'] as const

/** What a command line asks search-eval for (the options below). */
export interface SearchEvalArgs {
  queries: string
  candidate: (typeof CANDIDATES)[number]
  misses: boolean
  /** --grid 'synonym=0.4,0.6;glossary=0.3,0.5' as axes: a RANKING weight and the values to try; [] without --grid */
  grid: { k: keyof typeof RANKING; vs: number[] }[]
  prune: boolean
  locale: 'root' | 'en'
  stem: EnglishStemmer
}

/**
 * Parse and check the arguments after the script name.
 * @throws HelpRequested / UsageError (scripts/lib/cli-args.ts) naming the bad option or value
 */
export function parseCliArgs(argv: string[]): SearchEvalArgs {
  const { values } = parseCli(argv, {
    options: {
      queries: { type: 'string', default: 'tests/search/queries.yaml' },
      candidate: { type: 'string', default: 'jieba' },
      misses: { type: 'boolean', default: false },
      // --grid 'synonym=0.4,0.6;glossary=0.3,0.5': every combination of RANKING values, on the query
      // set and on tests/search/regression.yaml (never on the held-out set)
      grid: { type: 'string' },
      // the serialized index as the site ships it (core/search/prune.ts); --no-prune to compare
      prune: { type: 'boolean', default: true },
      // which locale's index: VitePress builds one per locale (root = zh-CN, en = /en/)
      locale: { type: 'string', default: 'root' },
      // English word forms (core/search/text.ts): porter (the site's) or none
      stem: { type: 'string', default: 'porter' },
    },
    allowNegative: true,
  })
  const oneOf = <T extends string>(name: string, v: string, allowed: readonly T[]): T => {
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${v}"`)
    return v as T
  }
  const grid: SearchEvalArgs['grid'] = []
  if (values.grid !== undefined) {
    if (values.queries.includes('holdout')) throw new UsageError('--grid tunes ranking: never on the held-out set')
    for (const a of values.grid.split(';')) {
      const [k, v = ''] = a.split('=')
      if (!(k in RANKING)) throw new UsageError(`--grid: unknown weight "${k}" (weights: ${Object.keys(RANKING).join(', ')})`)
      const vs = v.split(',').map(Number)
      if (!v || vs.some((x) => !Number.isFinite(x))) throw new UsageError(`--grid: ${k} needs numbers, got "${v}"`)
      grid.push({ k: k as keyof typeof RANKING, vs })
    }
  }
  return {
    queries: values.queries,
    candidate: oneOf('candidate', values.candidate, CANDIDATES),
    misses: values.misses,
    grid,
    prune: values.prune,
    locale: oneOf('locale', values.locale, ['root', 'en'] as const),
    stem: oneOf('stem', values.stem, ['porter', 'none'] as const),
  }
}

/**
 * The first edition's tokenizer, kept here as the baseline candidate: CJK runs as overlapping
 * character pairs, queries combined with AND (MiniSearch's own query path).
 */
function bigramTokenize(text: string): string[] {
  const out: string[] = []
  for (const p of pieces(normalize(text))) {
    if (p.kind !== 'cjk') { out.push(...latinTerms(p)); continue }
    if (p.text.length === 1) out.push(p.text)
    for (let i = 0; i + 1 < p.text.length; i++) out.push(p.text.slice(i, i + 2))
  }
  return out
}
/** Candidate: ICU word segmentation (Intl.Segmenter, as Node and Chromium ship it) instead of jieba. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
function intlTokenize(text: string): string[] {
  const out: string[] = []
  for (const p of pieces(normalize(text))) {
    const terms = p.kind === 'cjk' ? [...segmenter.segment(p.text)].map((s) => s.segment) : latinTerms(p)
    for (const t of terms) if (t.trim() && !isStopTerm(t)) out.push(t)
  }
  return out
}

async function main(values: SearchEvalArgs): Promise<void> {
  setEnglishStemmer(values.stem)
  const root = path.resolve(import.meta.dirname, '..')
  const config = await resolveConfig(root, 'build', 'production')
  const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
  const setup = searchSetup()

  type Doc = { id: string; title: string; titles: string[]; text: string }
  const docs: Doc[] = []
  for (const page of config.pages) {
    // frozen releases are never searched as the latest docs; each locale has its own index
    if (page.startsWith('v/') || (values.locale === 'en') !== page.startsWith('en/')) continue
    const file = path.join(config.srcDir, page)
    const env: Record<string, any> = { path: file, relativePath: page, cleanUrls: true }
    const html = md.render(fs.readFileSync(file, 'utf8'), env)
    if (env.frontmatter?.search === false) continue
    const fileId = '/' + routeOf(page)
    for (const s of setup.splitIntoSections(file, html)) {
      docs.push({ id: s.anchor ? `${fileId}#${s.anchor}` : fileId, text: s.text, title: s.titles.at(-1)!, titles: s.titles.slice(0, -1) })
    }
  }

  const fields = { fields: ['title', 'titles', 'text'], storeFields: ['title', 'titles'] }
  const built = values.candidate === 'bigram'
    ? new MiniSearch({ ...fields, tokenize: bigramTokenize })
    : values.candidate === 'intl'
      ? new MiniSearch({ ...fields, ...setup.miniSearchOptions, tokenize: intlTokenize })
      : values.candidate === 'jieba-cut'
        ? new MiniSearch({ ...fields, ...setup.miniSearchOptions, tokenize: createIndexTokenizer([], 'cut') })
        : new MiniSearch({ ...fields, ...setup.miniSearchOptions })
  built.addAll(docs)
  // what the browser loads: the serialized index after pruning and packing, read back the way the
  // client reads it (core/search/client.ts)
  const pruned = values.prune && values.candidate !== 'bigram' ? pruneIndex(JSON.parse(JSON.stringify(built)), new Set(setup.words)) : undefined
  const json = pruned ? JSON.stringify(packIndex(pruned.json)) : JSON.stringify(built)
  if (process.env.DUMP_INDEX) fs.writeFileSync(process.env.DUMP_INDEX, json)
  const ms = pruned ? MiniSearch.loadJS(unpackIndex(JSON.parse(json)), { ...fields, ...setup.miniSearchOptions }) : built
  const vocab = vocabularyOf(ms)

  const search = (q: string): string[] => values.candidate === 'bigram'
    ? ms.search(q, { combineWith: 'AND', prefix: (t: string) => t.length > 1, fuzzy: (t: string) => (/^[a-z]{5,}$/.test(t) ? 0.2 : false), boost: { title: 4, text: 2, titles: 1 } }).map((r) => r.id)
    : searchSite(ms, q, vocab, setup.lexicon, { englishForms: values.locale === 'en' }).map((r) => r.id)

  if (values.grid.length) {
    const axes = values.grid
    const sets = [loadQuerySet(values.queries), loadQuerySet(values.locale === 'en' ? values.queries : 'tests/search/regression.yaml')]
    const rows: string[] = []
    const walk = (i: number, label: string[]) => {
      if (i === axes.length) {
        const [d, r] = sets.map((qs) => summarize(qs.map((q) => judge(q, search(q.q)))))
        rows.push(`${label.join(' ').padEnd(40)} dev top-1 ${(d.top1 * 100).toFixed(1)} top-3 ${(d.top3 * 100).toFixed(1)} MRR ${d.mrr.toFixed(3)} | regression top-1 ${(r.top1 * 100).toFixed(1)} top-3 ${(r.top3 * 100).toFixed(1)}`)
        return
      }
      for (const v of axes[i].vs) { RANKING[axes[i].k] = v; walk(i + 1, [...label, `${axes[i].k}=${v}`]) }
    }
    walk(0, [])
    console.log(rows.join('\n'))
    return
  }
  console.log(`${values.candidate}: ${docs.length} sections, ${ms.termCount} terms, index ${(json.length / 1024).toFixed(0)} KB, gzip ${(zlib.gzipSync(json).length / 1024).toFixed(0)} KB`)
  // --queries a.yaml,b.yaml: each set on the same index, one summary line each
  for (const file of values.queries.split(',')) {
    const depth = new Map(docs.map((d) => [d.id, d.titles.length]))
    const outcomes = loadQuerySet(file).map((q) => judge(q, search(q.q)))
    const s = summarize(outcomes)
    console.log(`${file}: queries ${s.total}: top-1 ${(s.top1 * 100).toFixed(1)} %, top-3 ${(s.top3 * 100).toFixed(1)} %, MRR ${s.mrr.toFixed(3)}, zero results ${(s.zero * 100).toFixed(1)} %`)
    // DUMP_OUTCOMES=file.jsonl: every judged query with its first ten results, for classifying misses offline
    if (process.env.DUMP_OUTCOMES) fs.appendFileSync(process.env.DUMP_OUTCOMES, outcomes.map((o) => JSON.stringify({ file, q: o.query.q, kind: o.query.kind, expect: o.query.expect, best: o.query.best, rank: o.rank, top1: o.top1, top3: o.top3, results: o.results.slice(0, 10), depth: o.results.slice(0, 10).map((id) => depth.get(id)) }) + '\n').join(''))
    if (values.misses) for (const o of outcomes.filter((o) => !o.top3 || !o.top1)) console.log(`${o.top3 ? 'not-first' : 'MISS'} [${o.query.kind}] "${o.query.q}" want ${o.query.best ?? o.query.expect.join(' | ')} got ${o.results.slice(0, 3).join(', ') || '(nothing)'}`)
  }
  if (process.env.EXPLAIN) for (const q of process.env.EXPLAIN.split('|')) {
    const { analyzeQuery } = await import('../core/search/query')
    const a = analyzeQuery(q, vocab, setup.lexicon, { englishForms: values.locale === 'en' })
    console.log(JSON.stringify(q), a.define ? 'define' : '', a.flag ? 'flag' : '')
    for (const c of a.concepts) console.log('  ', c.label, '→', c.alternatives.map((x) => x.join('+')).join(' | ').slice(0, 200))
    for (const r of searchSite(ms, q, vocab, setup.lexicon, { englishForms: values.locale === 'en' }).slice(0, Number(process.env.EXPLAIN_N ?? 5))) console.log('    ', r.score.toFixed(2), r.coverage.toFixed(2), r.id, r.queryTerms.join(','))
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(parseOrExit('search-eval', USAGE, () => parseCliArgs(process.argv.slice(2))))
