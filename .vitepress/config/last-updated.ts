/**
 * Pages' "last updated" times, as VitePress 1.6's `lastUpdated: true` computes them, but cached
 * between builds.
 *
 * VitePress runs `git log -1 --pretty="%ai" <file name>` in the file's folder once per page
 * (src/node/utils/getGitTimestamp.ts) and turns the output into `+new Date(output)`. That is one
 * process per page in every build — ~200 git processes, each started from a Node process with a
 * large heap, a noticeable share of a build's CPU time. The answer only depends on the commit
 * history, so it is cached under the HEAD commit and the file's path (core/content-cache.ts): a
 * build of an unchanged checkout runs one `git rev-parse HEAD` instead. On a miss (a fresh clone,
 * a new commit) ONE `git log --name-only` over the whole history answers every page at once
 * (lastCommitDates): ~400 git processes were ~12 s of a cold build's profile. The site config turns
 * VitePress's own lookup off and uses pageLastUpdated (page data) and sitemapLastmod (sitemap)
 * instead, with VitePress's rules for the `lastUpdated` frontmatter field.
 */
import { execFile, execFileSync } from 'node:child_process'
import path from 'node:path'
import fs from 'node:fs'
import { BUILD_CACHE_ROOT, contentCache, contentKey } from '../../core/content-cache'

const cache = contentCache<{ output: string }>(path.join(BUILD_CACHE_ROOT, 'git-timestamps'))
let head: string | null | undefined
const inProcess = new Map<string, Promise<number>>()

/** The checkout's HEAD commit, or null outside a git work tree (then nothing is cached). */
function headCommit(): string | null {
  if (head === undefined) {
    try {
      head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null
    } catch {
      head = null
    }
  }
  return head
}

const roots = new Map<string, string | null>()
const histories = new Map<string, Promise<Map<string, string>>>()

/** Run git; resolves its stdout, or null when it fails (not a work tree); rejects when git is not installed. */
function git(args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (err, stdout) => {
      if (err) return (err as NodeJS.ErrnoException).code === 'ENOENT' ? reject(err) : resolve(null)
      resolve(String(stdout))
    })
  })
}

/**
 * For every path the history of the work tree `root` touches (absolute path → VitePress's
 * `git log -1 --pretty="%ai"` output for it, quotes and newline included), from ONE `git log`
 * walk: the newest commit listing a path is the one `git log -1 <path>` shows. `--cc` lists a
 * merge's files only where the merge differs from every parent, which is exactly when git's
 * history simplification shows the merge itself for that path.
 */
function lastCommitDates(root: string): Promise<Map<string, string>> {
  let p = histories.get(root)
  if (!p) {
    p = git(['log', '--format=%x01%ai', '--name-only', '--cc', '-z'], root).then((out) => {
      const dates = new Map<string, string>()
      // one record per commit, newest first: "\x01<date>\0\n<path>\0<path>\0…"
      for (const record of (out ?? '').split('\x01')) {
        const [date, ...files] = record.split('\0')
        for (const f of files) {
          const rel = f.replace(/^\n/, '')
          const abs = path.join(root, rel)
          if (rel && !dates.has(abs)) dates.set(abs, `"${date}"\n`)
        }
      }
      return dates
    })
    histories.set(root, p)
  }
  return p
}

/** VitePress's answer for one file: `git log -1 --pretty="%ai" <file>` output, '' when git knows no commit. */
async function gitLog(file: string): Promise<string> {
  const root = workTreeRoot(path.dirname(path.resolve(file)))
  // outside a work tree VitePress's git prints nothing: no date
  return root ? (await lastCommitDates(root)).get(path.resolve(file)) ?? '' : ''
}

/**
 * The work tree holding `dir`: the nearest folder upwards with a `.git` entry (a folder, or the
 * file a linked worktree or submodule has), or null. Looked up in the file system, not with
 * `git rev-parse` per folder: every process started from the build's large heap costs CPU time.
 */
function workTreeRoot(dir: string): string | null {
  let root = roots.get(dir)
  if (root === undefined) {
    const parent = path.dirname(dir)
    root = fs.existsSync(path.join(dir, '.git')) ? dir : parent === dir ? null : workTreeRoot(parent)
    roots.set(dir, root)
  }
  return root
}

/**
 * Time of the last commit that changed `file` (absolute path), in ms since 1970; 0 when the file
 * does not exist, NaN when git knows no commit for it — exactly VitePress's getGitTimestamp.
 */
export function gitTimestamp(file: string): Promise<number> {
  let p = inProcess.get(file)
  if (!p) {
    p = (async () => {
      if (!fs.existsSync(file)) return 0
      const commit = headCommit()
      const key = commit ? contentKey(commit, file) : undefined
      const hit = key ? cache.get(key) : undefined
      if (hit) return +new Date(hit.output)
      const output = await gitLog(file)
      if (key) cache.set(key, { output })
      return +new Date(output)
    })()
    inProcess.set(file, p)
  }
  return p
}

const pageTimes = new Map<string, number | undefined>()

/**
 * The page data's `lastUpdated` of a page file (absolute), VitePress's rule: frontmatter
 * `lastUpdated: false` → none, a date → that date, else git. `frontmatter` is VitePress's parse of
 * the page (pageData.frontmatter), so dates are Date objects as in VitePress.
 */
export async function pageLastUpdated(file: string, frontmatter: Record<string, unknown>): Promise<number | undefined> {
  const t = frontmatter.lastUpdated === false ? undefined : frontmatter.lastUpdated instanceof Date ? +frontmatter.lastUpdated : await gitTimestamp(file)
  pageTimes.set(file, t)
  return t
}

/**
 * The sitemap's `lastmod` of a page (sitemap item url, e.g. `guide/why` or `en/`), VitePress's rule:
 * the page's lastUpdated when it has one (0 or NaN: none).
 */
export async function sitemapLastmod(srcDir: string, url: string): Promise<number | undefined> {
  const file = path.join(srcDir, url.replace(/(^|\/)$/, '$1index').replace(/(\.html)?$/, '.md'))
  if (!fs.existsSync(file)) return undefined
  if (pageTimes.has(file)) return pageTimes.get(file) || undefined
  return (await gitTimestamp(file)) || undefined
}
