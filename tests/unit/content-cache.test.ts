/** core/content-cache.ts: content keys, atomic JSON entries, tree fingerprints (the build caches' one helper). */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tmpDirs } from './lib/tmp-dirs'
import { contentCache, contentKey, treeFingerprint } from '../../core/content-cache'

const tmp = tmpDirs('kb-content-cache-')

describe('contentKey', () => {
  it('depends on every part and on where the parts split', () => {
    expect(contentKey('a', 'b')).toBe(contentKey('a', 'b'))
    expect(contentKey('a', 'b')).not.toBe(contentKey('a', 'c'))
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'))
    expect(contentKey('x')).toBe(contentKey(Buffer.from('x')))
    expect(contentKey('x')).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('contentCache', () => {
  it('misses, stores, hits; a broken entry is a miss', () => {
    const dir = path.join(tmp(), 'sub')
    const c = contentCache<{ html: string }>(dir)
    expect(c.get('k')).toBeUndefined()
    c.set('k', { html: '<p>x</p>' })
    expect(c.get('k')).toEqual({ html: '<p>x</p>' })
    expect(fs.readdirSync(dir)).toEqual(['k.json']) // no temp file left behind
    fs.writeFileSync(path.join(dir, 'k.json'), '{"html":')
    expect(c.get('k')).toBeUndefined()
  })
})

describe('treeFingerprint', () => {
  it('changes with any file content or name under the paths, not with file times', () => {
    const root = tmp()
    fs.mkdirSync(path.join(root, 'docs/v/1/.data'), { recursive: true })
    fs.writeFileSync(path.join(root, 'docs/a.md'), 'A')
    fs.writeFileSync(path.join(root, 'docs/v/1/.data/g.json'), '{}')
    fs.writeFileSync(path.join(root, 'lock.json'), '1')
    const print = () => treeFingerprint(['docs', 'lock.json', 'missing'], root)
    const first = print()
    fs.utimesSync(path.join(root, 'docs/a.md'), new Date(0), new Date(0))
    expect(print()).toBe(first)
    fs.writeFileSync(path.join(root, 'docs/v/1/.data/g.json'), '{"x":1}') // dot-folders count (a release's glossary snapshot)
    const second = print()
    expect(second).not.toBe(first)
    fs.renameSync(path.join(root, 'docs/a.md'), path.join(root, 'docs/b.md'))
    expect(print()).not.toBe(second)
    fs.mkdirSync(path.join(root, 'docs/node_modules'))
    fs.writeFileSync(path.join(root, 'docs/node_modules/x'), 'ignored')
    expect(treeFingerprint(['docs'], root)).toBe(treeFingerprint(['docs'], root))
  })
  it("ignores Vite's short-lived bundles of data loaders and config, written next to the source during a build", () => {
    const root = tmp()
    fs.mkdirSync(path.join(root, 'docs/data'), { recursive: true })
    fs.writeFileSync(path.join(root, 'docs/data/commands.data.ts'), 'export default {}')
    const before = treeFingerprint(['docs'], root)
    // the name Vite gives it (loadConfigFromBundledFile): <file>.timestamp-<Date.now()>-<random hex>.mjs
    fs.writeFileSync(path.join(root, 'docs/data/commands.data.ts.timestamp-1796044806326-7efe68a5436e2.mjs'), 'bundled')
    expect(treeFingerprint(['docs'], root)).toBe(before)
    fs.writeFileSync(path.join(root, 'docs/data/other.mjs'), 'a real file')
    expect(treeFingerprint(['docs'], root)).not.toBe(before)
  })
})

describe('contentCache prune', () => {
  it('deletes the entries not kept and old enough, nothing else', () => {
    const dir = tmp()
    const c = contentCache<number>(dir)
    for (const k of ['a', 'b', 'c']) c.set(k, 1)
    fs.writeFileSync(path.join(dir, 'other.txt'), 'not an entry')
    // too young: a build running at the same time may be writing it
    expect(c.prune(new Set(['a']), 60_000)).toBe(0)
    const old = new Date(Date.now() - 120_000)
    for (const k of ['a', 'b']) fs.utimesSync(path.join(dir, `${k}.json`), old, old)
    expect(c.prune(new Set(['a']), 60_000)).toBe(1)
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'c.json', 'other.txt'])
    expect(c.get('a')).toBe(1)
    expect(c.get('b')).toBeUndefined()
    expect(contentCache(path.join(dir, 'missing')).prune(new Set(), 0)).toBe(0)
  })
})
