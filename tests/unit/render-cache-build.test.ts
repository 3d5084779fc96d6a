/**
 * The page render cache (.vitepress/plugins/render-cache.ts) in real VitePress builds: a dead link
 * must fail a warm build (every render a cache hit) as it fails a cold one. VitePress's dead-link
 * check reads the links the render wrote into env; a cache that returned only the HTML would let
 * the warm build pass. Two builds of a one-page site, each in its own process (VitePress keeps an
 * in-memory cache of renders for the life of a process, which would hide the disk cache).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-render-cache-site-'))
afterAll(() => fs.rmSync(site, { recursive: true, force: true }))

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
  fs.writeFileSync(path.join(site, file), text)
}
// the site's own markdown.config step and build plugin, nothing else of ours; a theme with no
// components keeps the bundles small
write(
  '.vitepress/config.mts',
  `import { renderCachePlugin, siteRenderCache } from ${JSON.stringify(path.join(ROOT, '.vitepress/plugins/render-cache.ts'))}
export default { vite: { plugins: [renderCachePlugin()] }, markdown: { config: (md) => siteRenderCache(md) } }
`,
)
// the pages' compiled modules import vue from the site's folder
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(site, 'node_modules'), 'dir')
write('.vitepress/theme/index.ts', "export default { Layout: { render: () => null } }\n")
write('index.md', '# 首页\n\n[不存在的页面](./missing)\n\n```sh\ndocker ps\n```\n')

/** `vitepress build` of the site in a new process, with the render cache under `cache`. */
function build(cache: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', site], {
    cwd: ROOT,
    env: { ...process.env, KB_BUILD_CACHE: cache },
    encoding: 'utf8',
  })
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('render cache in a VitePress build', () => {
  it('a dead link fails the warm build too', () => {
    const cache = path.join(site, 'build-cache')
    const cold = build(cache)
    expect(cold.out).toContain('markdown render cache (client build): 0 from the cache, 1 rendered')
    expect(cold.out).toMatch(/Found dead link .*\.\/missing/)
    expect(cold.status).not.toBe(0)
    const warm = build(cache)
    expect(warm.out).toContain('markdown render cache (client build): 1 from the cache, 0 rendered')
    expect(warm.out).toMatch(/Found dead link .*\.\/missing/)
    expect(warm.status).not.toBe(0)
  }, 300_000)

  it('a warm build (renders and page compiles from the cache) writes the same files as the cold one', () => {
    write('index.md', '# 首页\n\n[另一页](./other)\n\n```sh\ndocker ps\n```\n')
    write('other.md', '---\ntitle: 另一页\ndate: 2026-11-30\n---\n\n# 另一页\n\n::: code-group\n\n```sh [a]\nls\n```\n\n```sh [b]\npwd\n```\n\n:::\n')
    const cache = path.join(site, 'build-cache-2')
    const files = () => {
      const dist = path.join(site, '.vitepress/dist')
      return Object.fromEntries((fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dist, f)).isFile()).sort().map((f) => [f, fs.readFileSync(path.join(dist, f), 'utf8')]))
    }
    const cold = build(cache)
    expect(cold.status, cold.out).toBe(0)
    expect(cold.out).toContain('markdown render cache (client build): 0 from the cache, 2 rendered')
    expect(cold.out).toContain('page compile cache (client build): 0 from the cache, 2 compiled')
    const coldFiles = files()
    const warm = build(cache)
    expect(warm.status, warm.out).toBe(0)
    expect(warm.out).toContain('markdown render cache (client build): 2 from the cache, 0 rendered')
    expect(warm.out).toContain('page compile cache (client build): 2 from the cache, 0 compiled')
    expect(warm.out).toContain('page compile cache (ssr build): 2 from the cache, 0 compiled')
    expect(files()).toEqual(coldFiles)
    expect(Object.keys(coldFiles)).toContain('other.html')
  }, 300_000)
})
