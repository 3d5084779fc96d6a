/**
 * Compare two finished builds file by file: a build-speed change must not change the output.
 *
 *   npx tsx scripts/compare-dist.ts BEFORE_DIST AFTER_DIST
 *
 * Prints the files only in one build and the files whose contents differ; exits 1 on any
 * difference, 0 when both builds say the same. Two builds of the SAME sources already differ in
 * these known ways, which are normalized before comparing:
 *  - code groups: VitePress names each group and tab with random ids (nanoid: `group-<5>`,
 *    `tab-<7>`), in the page's HTML and its JavaScript chunk;
 *  - hashed file names (`assets/x.md.<8>.js`): a chunk's name hashes its contents, so the random
 *    ids above rename it, and every file naming it (`__VP_HASH_MAP__`, imports) changes with it;
 *    names are compared with the hash replaced, and so are the references inside files;
 *  - the search index (`assets/chunks/@localSearchIndex*.js`): VitePress indexes pages in the order
 *    their files finish reading, so document numbers and the floating-point average field lengths
 *    vary; the index is unpacked (core/search/packed.ts) and compared by document id: the same
 *    documents, stored fields, field lengths and postings, averages to 12 significant digits;
 *  - the JSON exports' `"generated"` time (api/glossary.json, api/commands.json);
 *  - Vue's scoped-style ids (`data-v-<8 hex>`) hash each component's path relative to the project,
 *    so they differ between builds made in two folders (a reference build in a clone);
 *  - minified local names in a JavaScript chunk: esbuild picks the short names by how often each
 *    character occurs in the chunk, so the random ids above can rename `u` to `F`. A chunk that
 *    still differs is compared once more with every one- or two-letter identifier replaced; if
 *    that matches, it is listed as "same but for minified names" (not counted as a difference).
 */
import fs from 'node:fs'
import path from 'node:path'
import { unpackIndex, type PackedIndex } from '../core/search/packed'

/** A Vite content hash in a file name: 8 characters of [A-Za-z0-9_-] before the extension. */
const HASHED = /\.[A-Za-z0-9_-]{8}(?=\.(?:lean\.)?js\b|\.css\b)/g

/** Every file under `dir`, relative, sorted, `/`-separated. Throws if `dir` is not a folder. */
function listTree(dir: string): string[] {
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir}: not a folder`)
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}

/** The search index chunk's data, in an order-free form (see the file comment). */
function canonicalIndex(code: string): string {
  // `const e='…';export{e as default};` (or a template literal): the string is everything between
  const literal = /^const \w+=([\s\S]*);export\{\w+ as default\};?\s*$/.exec(code)?.[1]
  if (!literal) throw new Error('search index chunk: not `const x=<string>;export{x as default}`')
  // the literal is a JS string of JSON; Function reads either quote style exactly as the browser does
  const json = JSON.parse(new Function(`return ${literal}`)() as string)
  if (!json.packed) return JSON.stringify(json)
  const idx = unpackIndex(json as PackedIndex) as any
  const id = (n: string | number) => idx.documentIds[n]
  const byDoc = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([n, v]) => [id(n), v]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)))
  const terms = idx.index.map(([term, fields]: [string, Record<string, Record<string, number>>]) => [term, Object.fromEntries(Object.entries(fields).map(([f, postings]) => [f, byDoc(postings)]))])
  terms.sort((a: [string], b: [string]) => (a[0] < b[0] ? -1 : 1))
  return JSON.stringify({
    ...idx,
    documentIds: Object.values(idx.documentIds).sort(),
    fieldLength: byDoc(idx.fieldLength),
    storedFields: byDoc(idx.storedFields),
    averageFieldLength: idx.averageFieldLength.map((x: number) => Number(x.toPrecision(12))),
    index: terms,
  })
}

/** A file's contents with the known per-build differences normalized. */
function normalized(dir: string, file: string): Buffer | string {
  const buf = fs.readFileSync(path.join(dir, file))
  if (!/\.(html|js|json|css|md|txt|xml)$/.test(file)) return buf
  const text = buf.toString('utf8')
  if (file.includes('@localSearchIndex')) return canonicalIndex(text)
  return text
    .replace(/group-[A-Za-z0-9_-]{5}(?![A-Za-z0-9_-])/g, 'group-ID')
    .replace(/tab-[A-Za-z0-9_-]{7}(?![A-Za-z0-9_-])/g, 'tab-ID')
    .replace(HASHED, '.HASH')
    .replace(/(\\?"[\w.@-]+\.md\\?":\\?")[A-Za-z0-9_-]{8}(\\?")/g, '$1HASH$2') // __VP_HASH_MAP__ values
    .replace(/data-v-[0-9a-f]{8}\b/g, 'data-v-ID')
    .replace(/^(\s*"generated": )"[^"]*"/m, '$1"TIME"')
}

const [a, b] = process.argv.slice(2)
if (!a || !b) {
  console.error('usage: npx tsx scripts/compare-dist.ts BEFORE_DIST AFTER_DIST')
  process.exit(2)
}
const key = (f: string) => f.replace(HASHED, '.HASH')
const index = (dir: string) => {
  const m = new Map<string, string>()
  for (const f of listTree(dir)) {
    if (m.has(key(f))) throw new Error(`${dir}: ${f} and ${m.get(key(f))} differ only in their hash`)
    m.set(key(f), f)
  }
  return m
}
const fa = index(a)
const fb = index(b)
const onlyA = [...fa.keys()].filter((k) => !fb.has(k))
const onlyB = [...fb.keys()].filter((k) => !fa.has(k))
const differ: string[] = []
const renamed: string[] = []
let same = 0
for (const [k, fileA] of fa) {
  const fileB = fb.get(k)
  if (!fileB) continue
  const x = normalized(a, fileA)
  const y = normalized(b, fileB)
  const equal = Buffer.isBuffer(x) && Buffer.isBuffer(y) ? x.equals(y) : x === y
  const shortNames = (t: string) => t.replace(/(?<![\w$.])[A-Za-z_$][\w$]?(?![\w$])/g, 'ID')
  if (equal) same++
  else if (fileA.endsWith('.js') && typeof x === 'string' && typeof y === 'string' && shortNames(x) === shortNames(y)) renamed.push(fileA === fileB ? fileA : `${fileA} / ${fileB}`)
  else differ.push(fileA === fileB ? fileA : `${fileA} / ${fileB}`)
}
const show = (title: string, list: string[]) => list.length && console.log(`${title} (${list.length}):\n${list.slice(0, 40).map((f) => `  ${f}`).join('\n')}${list.length > 40 ? '\n  …' : ''}`)
show(`only in ${a}`, onlyA)
show(`only in ${b}`, onlyB)
show('different contents', differ)
show('same but for minified names', renamed)
console.log(`${same} files the same (known per-build differences normalized), ${renamed.length} the same but for minified names, ${onlyA.length + onlyB.length + differ.length} differences`)
process.exit(onlyA.length || onlyB.length || differ.length ? 1 : 0)
