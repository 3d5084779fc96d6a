/**
 * Search quality: query sets (tests/search/*.yaml, written by readers who had not seen the index)
 * judged against a ranked result list. Used by
 *  - scripts/search-eval.ts (Node, same engine, fast),
 *  - tests/browser/search-quality.test.ts and `npm run bench` (the built site's own search box).
 *
 * Query file format (a YAML list; see the header of tests/search/queries.yaml):
 *   - q: 删除所有停止的容器           # what is typed
 *     expect: [/commands/cleanup, /cli/container#docker-container-prune]  # any in the top 3 = hit
 *     best: /commands/cleanup          # optional: should be the first result
 *     kind: task                       # task | question | char | error | english | mixed | typo | flag | synonym | regression | keyword | command | concept | colloquial (everyday wording without the technical term)
 * A target without `#` matches any section of that page; with `#`, only that section.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml'
import type { BrowserContext, Page } from 'playwright-core'

export const QUERY_KINDS = ['task', 'question', 'char', 'error', 'english', 'mixed', 'typo', 'flag', 'synonym', 'regression', 'keyword', 'command', 'concept', 'colloquial'] as const
export interface QuerySpec { q: string; expect: string[]; best?: string; kind: (typeof QUERY_KINDS)[number]; file: string; line: number }

const schema = {
  type: 'object',
  required: ['q', 'expect', 'kind'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1 },
    expect: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
    best: { type: 'string', pattern: '^/' },
    kind: { enum: QUERY_KINDS },
  },
}
const validate = new Ajv({ allErrors: true }).compile(schema)

/**
 * Read and validate a query file.
 * @throws Error `file:line: message` for invalid YAML, a wrong field, or a `best` not in `expect`
 */
export function loadQuerySet(file: string): QuerySpec[] {
  const counter = new LineCounter()
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: counter, prettyErrors: false })
  if (doc.errors.length) throw new Error(`${file}:${doc.errors[0].linePos?.[0]?.line ?? 1}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`)
  if (!isSeq(doc.contents)) throw new Error(`${file}:1: expected a list of queries`)
  return doc.contents.items.map((item) => {
    const line = counter.linePos((item as YamlNode).range?.[0] ?? 0).line
    const q = (item as YamlNode).toJSON() as Omit<QuerySpec, "file" | "line">
    if (!validate(q)) throw new Error(`${file}:${line}: ${validate.errors!.map((e) => `${e.instancePath || 'entry'} ${e.message}`).join('; ')}`)
    if (q.best && !q.expect.includes(q.best)) throw new Error(`${file}:${line}: best "${q.best}" is not one of expect`)
    return { ...q, file, line } as QuerySpec
  })
}

/** A result link or id → "/path#anchor" without .html or origin. */
export function resultId(href: string): string {
  const u = new URL(href, 'http://x')
  return u.pathname.replace(/\.html$/, '') + (u.hash ? decodeURIComponent(u.hash) : '')
}

/** Does result `id` satisfy `target`? (page target: any section; anchor target: that section) */
export function matches(target: string, id: string): boolean {
  const r = resultId(id)
  return target.includes('#') ? r === resultId(target) : r.replace(/#.*$/, '') === resultId(target)
}

export interface Outcome { query: QuerySpec; results: string[]; rank: number; top1: boolean; top3: boolean }

/** Judge one ranked result list (ids or hrefs, best first). `rank` is 0-based, -1 when absent. */
export function judge(query: QuerySpec, results: string[]): Outcome {
  const rank = results.findIndex((r) => query.expect.some((t) => matches(t, r)))
  const top1 = results.length > 0 && (query.best ? matches(query.best, results[0]) : rank === 0)
  return { query, results, rank, top1, top3: rank >= 0 && rank < 3 }
}

export interface Summary { total: number; top1: number; top3: number; mrr: number; zero: number; hits: number; misses: Outcome[] }

/** Rates are fractions (0–1); MRR counts ranks up to the length of each result list. */
export function summarize(outcomes: Outcome[]): Summary {
  const n = outcomes.length || 1
  return {
    total: outcomes.length,
    top1: outcomes.filter((o) => o.top1).length / n,
    top3: outcomes.filter((o) => o.top3).length / n,
    mrr: outcomes.reduce((s, o) => s + (o.rank >= 0 ? 1 / (o.rank + 1) : 0), 0) / n,
    zero: outcomes.filter((o) => o.results.length === 0).length / n,
    hits: outcomes.filter((o) => o.top3).length,
    misses: outcomes.filter((o) => !o.top3),
  }
}

/**
 * Type each query into the built site's search box (real browser) and judge the first 10 results.
 * @param baseUrl the served site, e.g. http://127.0.0.1:4173
 * @param start the page the box is opened on: it decides the locale's index (`/` Chinese, `/en/` English)
 */
export async function runSearchQueries(context: BrowserContext, baseUrl: string, queries: QuerySpec[], start = '/'): Promise<Summary & { outcomes: Outcome[] }> {
  const page = await context.newPage()
  await page.goto(baseUrl + start, { waitUntil: 'networkidle' })
  await openSearch(page)
  const outcomes: Outcome[] = []
  for (const q of queries) outcomes.push(judge(q, await searchTop(page, q.q, 10)))
  await page.close()
  return { ...summarize(outcomes), outcomes }
}

/**
 * The built site's search engine, in Node: the index VitePress wrote into `distDir` for `locale`
 * (assets/chunks/@localSearchIndex<locale>.<hash>.js, the module the search box loads), read with
 * the options the box passes (VPLocalSearchBox.vue's loadJSON call, then core/search/client.ts)
 * and queried with the same engine (core/search/query.ts searchSite). Unlike scripts/search-eval.ts
 * it does not re-index the Markdown, so it judges what was built; the lexicon comes from the
 * sources (searchSetup(), what the build inlines as `virtual:search-lexicon`), so a test that uses
 * this must also compare it with the real box on some queries.
 * @param distDir the build, e.g. .vitepress/dist
 * @param locale `root` (Chinese) or `en`: which locale's index, and English word forms for `en`
 * @returns search(query) → result ids, best first, as the box lists them (at most 16)
 * @throws Error naming distDir when there is not exactly one index module for the locale
 */
export async function builtSiteSearch(distDir: string, locale: 'root' | 'en'): Promise<(query: string) => string[]> {
  const chunks = path.join(distDir, 'assets/chunks')
  const files = fs.readdirSync(chunks).filter((f) => f.startsWith(`@localSearchIndex${locale}.`) && f.endsWith('.js'))
  if (files.length !== 1) throw new Error(`${chunks}: expected one @localSearchIndex${locale}.*.js, found ${files.length} (${files.join(', ') || 'none'}): build the site first`)
  const json = (await import(pathToFileURL(path.resolve(chunks, files[0])).href)).default
  if (typeof json !== 'string') throw new Error(`${path.join(chunks, files[0])}: the default export is not the index JSON string`)
  // imported here, not at the top: loadQuerySet's users (unit tests, the bench) need none of this
  const [{ default: MiniSearch }, { searchSite, vocabularyOf }, { loadShippedIndex }, { searchSetup }] = await Promise.all([
    import('minisearch'), import('../../core/search/query'), import('../../core/search/packed'), import('../../.vitepress/config/search'),
  ])
  const setup = searchSetup()
  // the box's options (VPLocalSearchBox.vue; its `fields` are replaced by the site's miniSearch
  // options); loadShippedIndex puts the site's fields and extractField on top, as client.ts does
  const options = {
    storeFields: ['title', 'titles'],
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
    ...setup.miniSearchOptions,
  }
  const index = loadShippedIndex(MiniSearch, json, options)
  const vocab = vocabularyOf(index)
  return (q) => searchSite(index, typedInBox(q), vocab, setup.lexicon, { englishForms: locale === 'en' }).slice(0, 16).map((r) => r.id)
}

/**
 * What the search box searches when `query` is typed or pasted: its input holds at most 64 UTF-16
 * code units (VitePress's `maxlength="64"`), so a long pasted error is searched as its start.
 */
export function typedInBox(query: string): string {
  return query.slice(0, 64)
}

/**
 * Open the search box with Ctrl+K. Before the page has hydrated the shortcut does nothing, so
 * press it again until the box shows (bounded: 10 tries of 3 s).
 */
export async function openSearch(page: Page): Promise<void> {
  const input = page.locator('.VPLocalSearchBox input')
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Control+k')
    if (await input.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return
  }
  throw new Error('the search box did not open after 10 presses of Ctrl+K')
}

/**
 * Type a query into the open search box and return the first `n` result links. The box debounces
 * input and loads its index lazily; the query engine (core/search/client.ts) records every search
 * as a User Timing measure whose detail is the query, so wait for the measure of this query, then
 * for Vue to render (two animation frames). Bounded: 20 s.
 */
export async function searchTop(page: Page, query: string, n: number): Promise<string[]> {
  const box = page.locator('.VPLocalSearchBox')
  const input = box.locator('input')
  // clear first: the box searches only when the text changes (the same query twice would wait forever)
  await input.fill('')
  await page.evaluate(() => performance.clearMeasures('docker-kb:search'))
  await input.fill(query)
  // the box's input holds at most 64 characters (VitePress's maxlength): a long pasted error is
  // searched as its first 64, so wait for what the input really holds
  const typed = await input.inputValue()
  await page.waitForFunction(
    (q) => performance.getEntriesByName('docker-kb:search').some((e) => (e as PerformanceMeasure).detail?.query === q),
    typed,
    { timeout: 20_000, polling: 20 },
  )
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  return box.locator('.results a').evaluateAll((as, k) => as.slice(0, k).map((a) => a.getAttribute('href') ?? ''), n)
}
