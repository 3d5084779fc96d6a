/**
 * The shipped search index, stored between builds (.vitepress/config/search.ts searchIndexStore):
 * a warm build of an unchanged tree serves the modules an earlier build shipped instead of indexing
 * every page again. A wrong key or half an entry would ship a stale or empty index, so: a change of
 * the fingerprint, the base or the page list misses; an incomplete set is never stored; a stored
 * table without one of its locale modules is an error, not an empty index.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tmpDirs } from './lib/tmp-dirs'
import { contentCache } from '../../core/content-cache'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-search-index-store-env-'))
process.env.KB_BUILD_CACHE = root // the module's own store: out of the real cache
const { searchIndexKey, searchIndexStore } = await import('../../.vitepress/config/search')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
const tmp = tmpDirs('kb-search-index-store-')

const TABLE = `export default {"root": () => import('@localSearchIndexroot'),"en": () => import('@localSearchIndexen')}`
const ROOT_INDEX = 'export default "{\\"packed\\":\\"zh\\"}"'
const EN_INDEX = 'export default "{\\"packed\\":\\"en\\"}"'

/** one client build: loads each module (from the store or "VitePress"), records what it ships, saves */
function build(dir: string, key: string, made: string[]): Record<string, string> {
  const store = searchIndexStore(contentCache(dir))
  const shipped: Record<string, string> = {}
  const vitepress: Record<string, string> = { '/@localSearchIndex': TABLE, '/@localSearchIndexroot': ROOT_INDEX, '/@localSearchIndexen': EN_INDEX }
  for (const id of Object.keys(vitepress)) {
    const stored = store.load(id, key)
    if (stored !== undefined) {
      expect(store.fromStore(id)).toBe(true)
      shipped[id] = stored
      continue
    }
    made.push(id)
    store.record(id, vitepress[id])
    shipped[id] = vitepress[id]
  }
  store.save(key)
  return shipped
}

describe('searchIndexStore', () => {
  it('serves every module of an earlier build with the same key, and makes none of them', () => {
    const dir = tmp()
    const key = searchIndexKey('print-a', '/', ['index.md', 'guide/a.md'])
    const made1: string[] = []
    const first = build(dir, key, made1)
    expect(made1).toHaveLength(3)
    const made2: string[] = []
    expect(build(dir, key, made2)).toEqual(first)
    expect(made2).toEqual([])
  })

  it('misses when the fingerprint, the base or the page list differ', () => {
    const dir = tmp()
    build(dir, searchIndexKey('print-a', '/', ['index.md', 'guide/a.md']), [])
    for (const key of [
      searchIndexKey('print-b', '/', ['index.md', 'guide/a.md']), // a page, the glossary, the search code… changed
      searchIndexKey('print-a', '/docker-kb/', ['index.md', 'guide/a.md']), // another base
      searchIndexKey('print-a', '/', ['index.md', 'guide/a.md', 'guide/b.md']), // another page list
    ]) {
      const made: string[] = []
      build(dir, key, made)
      expect(made).toHaveLength(3)
    }
    // the page list's order is not part of the key (VitePress lists pages in file system order)
    expect(searchIndexKey('p', '/', ['b.md', 'a.md'])).toBe(searchIndexKey('p', '/', ['a.md', 'b.md']))
  })

  it('never stores an incomplete set (the table lists a locale module that was not recorded)', () => {
    const dir = tmp()
    const store = searchIndexStore(contentCache(dir))
    store.record('/@localSearchIndex', TABLE)
    store.record('/@localSearchIndexroot', ROOT_INDEX)
    expect(store.save('k')).toBe(false)
    expect(searchIndexStore(contentCache(dir)).load('/@localSearchIndex', 'k')).toBeUndefined()
    store.record('/@localSearchIndexen', EN_INDEX)
    expect(store.save('k')).toBe(true)
    expect(searchIndexStore(contentCache(dir)).load('/@localSearchIndex', 'k')).toBe(TABLE)
  })

  it('fails instead of letting VitePress ship an empty index when a served table has no such module', () => {
    const dir = tmp()
    contentCache(dir).set('k', { '/@localSearchIndex': TABLE, '/@localSearchIndexroot': ROOT_INDEX })
    const store = searchIndexStore(contentCache(dir))
    expect(store.load('/@localSearchIndex', 'k')).toBe(TABLE)
    expect(store.load('/@localSearchIndexroot', 'k')).toBe(ROOT_INDEX)
    expect(() => store.load('/@localSearchIndexen', 'k')).toThrow(/no module \/@localSearchIndexen/)
  })

  it('does nothing outside a production build (no key) and serves locale modules only with their table', () => {
    const dir = tmp()
    build(dir, 'k', [])
    const store = searchIndexStore(contentCache(dir))
    expect(store.load('/@localSearchIndex', undefined)).toBeUndefined()
    expect(store.load('/@localSearchIndexroot', 'k')).toBeUndefined()
    expect(store.fromStore('/@localSearchIndexroot')).toBe(false)
  })
})
