/**
 * Compare two finished builds file by file: a build-speed change must not change the output.
 *
 *   npx tsx scripts/compare-dist.ts BEFORE_DIST AFTER_DIST
 *
 * Prints the files only in one build, and the files whose bytes differ; exits 1 when there is any
 * difference, 0 when both trees hold the same files with the same bytes. Hashed asset names
 * (`assets/app.B1x2y3z4.js`) need no special case: Vite and our own writers name files by their
 * content, so identical output has identical names, and a changed name is a real change.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Every file under `dir`, as paths relative to it (sorted, `/`-separated). Throws if `dir` is not a folder. */
function listTree(dir: string): string[] {
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir}: not a folder`)
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}

/** Differences between two trees: files only in `a`, only in `b`, and present in both with other bytes. */
function compareTrees(a: string, b: string): { onlyA: string[]; onlyB: string[]; differ: string[]; same: number } {
  const fa = listTree(a)
  const fb = new Set(listTree(b))
  const onlyA = fa.filter((f) => !fb.has(f))
  const inA = new Set(fa)
  const onlyB = [...fb].filter((f) => !inA.has(f))
  const both = fa.filter((f) => fb.has(f))
  const differ = both.filter((f) => !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))))
  return { onlyA, onlyB, differ, same: both.length - differ.length }
}

{
  const [a, b] = process.argv.slice(2)
  if (!a || !b) {
    console.error('usage: npx tsx scripts/compare-dist.ts BEFORE_DIST AFTER_DIST')
    process.exit(2)
  }
  const r = compareTrees(a, b)
  const show = (title: string, list: string[]) => list.length && console.log(`${title} (${list.length}):\n${list.slice(0, 50).map((f) => `  ${f}`).join('\n')}${list.length > 50 ? '\n  …' : ''}`)
  show(`only in ${a}`, r.onlyA)
  show(`only in ${b}`, r.onlyB)
  show('different bytes', r.differ)
  console.log(`${r.same} identical files, ${r.onlyA.length + r.onlyB.length + r.differ.length} differences`)
  process.exit(r.onlyA.length || r.onlyB.length || r.differ.length ? 1 : 0)
}
