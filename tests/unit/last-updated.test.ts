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
})
