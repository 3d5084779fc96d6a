/**
 * The build's one on-disk cache: values stored under a key made from the CONTENT they were computed
 * from (and the version of the tool that computed them), never from file times — so a fresh clone,
 * a `git checkout` or a copied tree hit or miss exactly as their contents say.
 *
 * Users: rendered Mermaid diagrams (core/diagrams/render.ts, its own folder for
 * KB_DIAGRAM_CACHE), the search index's page renders (.vitepress/config/search.ts) and the pages'
 * markdown-it renders (.vitepress/plugins/render-cache.ts, `md-render/`, node:v8-serialized).
 * Layout: one file per entry, `<dir>/<key>.json` (or the codec's extension); the folders live in node_modules/.cache
 * (gitignored, and removed with node_modules). Delete a folder to start cold; `npm run bench`
 * points both variables at temp folders of its own for its builds (scripts/lib/bench-builds.ts).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Parent folder of the build caches; KB_BUILD_CACHE moves it (the bench and tests use a temp dir). */
export const BUILD_CACHE_ROOT = process.env.KB_BUILD_CACHE ?? path.join(ROOT, 'node_modules/.cache/kb-build')

/**
 * Cache key of some content: sha256 over the parts (strings or buffers, length-prefixed so that
 * ['ab', 'c'] and ['a', 'bc'] differ), hex, first 32 characters.
 */
export function contentKey(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256')
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p) : p
    h.update(`${b.length}:`).update(b)
  }
  return h.digest('hex').slice(0, 32)
}

export interface ContentCache<T> {
  /** the stored value, or undefined (missing or unreadable entry: treated as a miss) */
  get(key: string): T | undefined
  /** store a value (JSON); written to a temp file and renamed, so a parallel build never reads half an entry */
  set(key: string, value: T): void
  /**
   * Delete the entries whose key is not in `keep` and that were written more than `minAgeMs` ago
   * (a build running at the same time may be writing the others). For caches whose keys all change
   * together (a fingerprint of the whole tree): without it, every change of the tree leaves a full
   * set of dead entries behind. Returns how many were deleted; a missing folder deletes none.
   */
  prune(keep: ReadonlySet<string>, minAgeMs: number): number
}

/** How entries are stored: file extension and the conversion to and from the file's bytes. */
export interface CacheCodec<T> {
  ext: string
  /** may throw (a value it cannot store): then nothing is written and set() throws that error */
  encode(value: T): Buffer | string
  decode(data: Buffer): T
}

const JSON_CODEC: CacheCodec<any> = { ext: 'json', encode: (v) => JSON.stringify(v), decode: (b) => JSON.parse(b.toString('utf8')) }

/**
 * A cache of values in `dir` (created on the first write), JSON unless another codec is given.
 * @param dir absolute folder, e.g. path.join(BUILD_CACHE_ROOT, 'md-render')
 */
export function contentCache<T>(dir: string, codec: CacheCodec<T> = JSON_CODEC): ContentCache<T> {
  const file = (key: string) => path.join(dir, `${key}.${codec.ext}`)
  return {
    get(key) {
      try {
        return codec.decode(fs.readFileSync(file(key)))
      } catch {
        return undefined
      }
    },
    set(key, value) {
      const data = codec.encode(value)
      fs.mkdirSync(dir, { recursive: true })
      const tmp = `${file(key)}.${process.pid}.tmp`
      fs.writeFileSync(tmp, data)
      fs.renameSync(tmp, file(key))
    },
    prune(keep, minAgeMs) {
      let names: string[]
      try {
        names = fs.readdirSync(dir)
      } catch {
        return 0
      }
      const suffix = `.${codec.ext}`
      const before = Date.now() - minAgeMs
      let deleted = 0
      for (const name of names) {
        if (!name.endsWith(suffix) || keep.has(name.slice(0, -suffix.length))) continue
        const f = path.join(dir, name)
        try {
          if (fs.statSync(f).mtimeMs > before) continue
          fs.rmSync(f)
          deleted++
        } catch {
          // deleted by another build meanwhile
        }
      }
      return deleted
    },
  }
}

/**
 * Fingerprint of the contents of every file under the given paths (files or folders, relative to
 * the repository; missing ones count as empty), in sorted order. For caches whose entries depend
 * on more than their own input, e.g. a page render that depends on the glossary, the command data,
 * other pages' titles and the plugins' code: any change there changes every key.
 * Skips node_modules folders and Vite's short-lived bundles of config and data-loader files
 * (`x.data.ts.timestamp-<time>-<hash>.mjs`, written next to the source while a build loads it and
 * deleted after): their names change every build, and counting them made every key new in every
 * build (the search index's page renders never hit their cache). Name only source folders (not
 * .vitepress/cache or dist).
 */
/** Vite's temporary bundle of a config or data-loader file (vite/dist/node: `${fileName}.timestamp-${Date.now()}-${hash}.mjs`). */
const VITE_TEMP_BUNDLE = /\.timestamp-\d+-[0-9a-f]+\.mjs$/

export function treeFingerprint(paths: string[], root: string = ROOT): string {
  const files: string[] = []
  const walk = (abs: string) => {
    let st: fs.Stats
    try {
      st = fs.statSync(abs)
    } catch {
      return
    }
    if (st.isFile()) return void files.push(abs)
    if (!st.isDirectory()) return
    for (const name of fs.readdirSync(abs)) {
      if (name === 'node_modules' || VITE_TEMP_BUNDLE.test(name)) continue
      walk(path.join(abs, name))
    }
  }
  for (const p of paths) walk(path.join(root, p))
  files.sort()
  const h = createHash('sha256')
  for (const f of files) h.update(`${path.relative(root, f)}\0`).update(fs.readFileSync(f)).update('\0')
  return h.digest('hex')
}
