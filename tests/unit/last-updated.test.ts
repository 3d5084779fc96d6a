/** .vitepress/config/last-updated.ts: VitePress's "last updated" lookup, cached per commit. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-last-updated-'))
process.env.KB_BUILD_CACHE = cacheRoot // read when core/content-cache.ts is first imported
const { gitTimestamp, pageLastUpdated, sitemapLastmod } = await import('../../.vitepress/config/last-updated')
afterAll(() => fs.rmSync(cacheRoot, { recursive: true, force: true }))

/** VitePress 1.6's getGitTimestamp, as it runs git (src/node/utils/getGitTimestamp.ts) */
const vitepressTimestamp = (file: string) =>
  +new Date(execFileSync('git', ['log', '-1', '--pretty="%ai"', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' }))

describe('last updated', () => {
  const page = path.join(ROOT, 'docs/index.md')
  it('gives what VitePress computes, and caches it under the HEAD commit', async () => {
    const t = await gitTimestamp(page)
    expect(Number.isFinite(t) && t > 0).toBe(true)
    expect(t).toBe(vitepressTimestamp(page))
    expect(fs.readdirSync(path.join(cacheRoot, 'git-timestamps')).length).toBe(1)
    expect(await gitTimestamp(path.join(ROOT, 'docs/no-such-page.md'))).toBe(0)
  })
  it('follows the frontmatter like VitePress: false → none, a date → that date; the sitemap reuses the page value', async () => {
    expect(await pageLastUpdated(page, { lastUpdated: new Date(Date.UTC(2020, 0, 2)) })).toBe(Date.UTC(2020, 0, 2))
    expect(await sitemapLastmod(path.join(ROOT, 'docs'), '')).toBe(Date.UTC(2020, 0, 2))
    expect(await pageLastUpdated(page, { lastUpdated: false })).toBeUndefined()
    expect(await sitemapLastmod(path.join(ROOT, 'docs'), '')).toBeUndefined()
    expect(await pageLastUpdated(page, {})).toBe(vitepressTimestamp(page))
    expect(await sitemapLastmod(path.join(ROOT, 'docs'), 'nowhere/')).toBeUndefined()
  })
  // every 8th page: one git process per page for the comparison is slow on a loaded machine (all
  // 401 pages matched when the history walk replaced the per-file command)
  it('answers pages of docs/ exactly as VitePress\'s per-file git command does (one history walk for all)', async () => {
    // not dot-folders (no pages there; VitePress skips them): check-pages.test.ts writes and removes
    // docs/.check-pages-fixtures while this file may run in the other worker
    const pages = (fs.readdirSync(path.join(ROOT, 'docs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.split(path.sep).some((s) => s.startsWith('.'))).sort().filter((_f, i) => i % 8 === 0).map((f) => path.join(ROOT, 'docs', f))
    expect(pages.length).toBeGreaterThan(20)
    const ours = await Promise.all(pages.map((p) => gitTimestamp(p)))
    const differ = pages.filter((p, i) => !Object.is(ours[i], vitepressTimestamp(p))).map((p) => path.relative(ROOT, p))
    expect(differ).toEqual([])
  })
  it('matches git\'s history simplification across merges: a merge that resolves a file differently from both sides dates it', async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-last-updated-repo-'))
    try {
      let day = 1
      const run = (...args: string[]) => {
        const date = `2020-01-${String(day++).padStart(2, '0')}T12:00:00Z`
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' })
      }
      const write = (f: string, text: string) => fs.writeFileSync(path.join(repo, f), text)
      run('init', '-q', '-b', 'main')
      for (const f of ['resolved.md', 'theirs.md', 'ours.md', 'untouched.md']) write(f, 'a\n')
      run('add', '.')
      run('commit', '-q', '-m', 'base')
      run('checkout', '-q', '-b', 'side')
      for (const f of ['resolved.md', 'theirs.md', 'ours.md']) write(f, 'side\n')
      run('commit', '-q', '-am', 'side')
      run('checkout', '-q', 'main')
      for (const f of ['resolved.md', 'ours.md']) write(f, 'main\n')
      run('commit', '-q', '-am', 'main')
      // conflicts in resolved.md and ours.md; theirs.md merges cleanly (taken from side)
      try { run('merge', '-q', 'side') } catch { /* the conflict is resolved below */ }
      write('resolved.md', 'both\n')
      write('ours.md', 'main\n')
      run('commit', '-q', '-am', 'merge')
      write('new.md', 'untracked\n')
      for (const f of ['resolved.md', 'theirs.md', 'ours.md', 'untouched.md', 'new.md']) {
        const file = path.join(repo, f)
        expect([f, await gitTimestamp(file)]).toEqual([f, vitepressTimestamp(file)])
      }
      // the dates count git calls: the side commit is day 5, the merge day 9
      expect(await gitTimestamp(path.join(repo, 'resolved.md'))).toBe(Date.UTC(2020, 0, 9, 12))
      expect(await gitTimestamp(path.join(repo, 'theirs.md'))).toBe(Date.UTC(2020, 0, 5, 12))
      expect(await gitTimestamp(path.join(repo, 'new.md'))).toBeNaN()
    } finally {
      fs.rmSync(repo, { recursive: true, force: true })
    }
  })
})
