/**
 * Pages' "last updated" times, as VitePress 1.6's `lastUpdated: true` computes them, but cached
 * between builds.
 *
 * VitePress runs `git log -1 --pretty="%ai" <file name>` in the file's folder once per page
 * (src/node/utils/getGitTimestamp.ts) and turns the output into `+new Date(output)`. That is one
 * process per page in every build — ~200 git processes, each started from a Node process with a
 * large heap, a noticeable share of a build's CPU time. The answer only depends on the commit
 * history, so it is cached under the HEAD commit and the file's path (core/content-cache.ts): a
 * build of an unchanged checkout runs one `git rev-parse HEAD` instead. The site config turns
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

/** VitePress's command, verbatim (the quotes are part of git's output, and `new Date` accepts them). */
function gitLog(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['log', '-1', '--pretty="%ai"', path.basename(file)], { cwd: path.dirname(file) }, (err, stdout) => {
      // like VitePress: a failing git (not a repository, an untracked file) gives no date, not an error
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(err)
      resolve(String(stdout ?? ''))
    })
  })
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
