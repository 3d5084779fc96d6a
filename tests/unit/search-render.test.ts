import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The search index renders every page's Markdown; in a production build it takes the page bundle's
// render of the same Markdown instead (config/search.ts). When the index got to a page before the
// bundle did, it rendered the page a second time (14 of 214 pages in a cold build, the heaviest
// part of the index's cost). It now waits for the bundle's render.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-search-render-test-'))
process.env.KB_BUILD_CACHE = tmp // build caches of the imported modules: empty, out of the real cache
const { rememberPageRenders, searchBuildPlugin, searchRender } = await import('../../.vitepress/config/search')
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** a stand-in renderer that counts its renders */
const counting = () => {
  const md = { renders: 0, render(src: string, _env?: unknown) { md.renders++; return `<p>${src}</p>` } }
  return md
}

describe('searchRender in a production build', () => {
  // what a production client build does first: the plugin learns the base
  ;(searchBuildPlugin() as { configResolved: (c: unknown) => void }).configResolved({ base: '/', build: { ssr: false } })

  it("waits for the page bundle's render of a page instead of rendering it again", async () => {
    const page = counting()
    rememberPageRenders(page)
    const index = counting()
    const src = `页面 ${Date.now()}`
    const html = searchRender(src, { relativePath: 'guide/wait-a.md' }, index)
    // the page bundle gets to the page after the index asked for it
    await new Promise((r) => setTimeout(r, 20))
    page.render(src, { relativePath: 'guide/wait-a.md' })
    expect(await html).toBe(`<p>${src}</p>`)
    expect(index.renders).toBe(0)
  })

  it('renders the page itself when no page render comes at all', async () => {
    const index = counting()
    const src = `没有页面渲染 ${Date.now()}`
    expect(await searchRender(src, { relativePath: 'guide/never.md' }, index, 50)).toBe(`<p>${src}</p>`)
    expect(index.renders).toBe(1)
  })
})
