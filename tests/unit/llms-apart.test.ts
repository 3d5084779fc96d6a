// The build's Markdown exports made in a child process (.vitepress/plugins/llms-apart.ts) are the
// ones made in the build process: same files, same order, same errors.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdownExports } from '../../.vitepress/plugins/llms'
import { markdownExportsFor, startMarkdownExports } from '../../.vitepress/plugins/llms-apart'

const srcDir = path.resolve('docs')
// a few pages, English ones too (llms.txt and llms-full.txt still read the whole sidebar)
const pages = ['index.md', 'cli/container.md', 'glossary/index.md', 'en/index.md', 'en/cli/image.md']

describe('markdown exports made apart', () => {
  it('the child answers with the files the build process makes, for the input it was started with', async () => {
    const input = { srcDir, base: '/docker-kb/', pages }
    startMarkdownExports(input)
    const apart = await markdownExportsFor(input)
    expect(apart.apart).toBe(true)
    const here = markdownExports(input)
    expect(apart.files.map(([f]) => f)).toEqual(here.files.map(([f]) => f))
    expect(apart.files).toEqual(here.files)
    expect(apart.report).toEqual(here.report)
    // the base reached the child: links carry it
    expect(apart.files.find(([f]) => f === 'llms.txt')![1]).toContain('/docker-kb/')
  }, 600_000)

  it('another input than the one started is made in this process', async () => {
    // two inputs that fail at their missing page (cheap): the answer names the page asked for
    startMarkdownExports({ srcDir, base: '/', pages: ['nope/started.md'] })
    await expect(markdownExportsFor({ srcDir, base: '/', pages: ['nope/asked.md'] })).rejects.toThrow(/nope\/asked\.md/)
  }, 600_000)

  it("the child's error is the build's error, with the same message", async () => {
    const input = { srcDir, base: '/', pages: ['index.md', 'nope/missing.md'] }
    let here = ''
    try {
      markdownExports(input)
    } catch (e) {
      here = (e as Error).message
    }
    expect(here).toMatch(/nope\/missing\.md/)
    startMarkdownExports(input)
    await expect(markdownExportsFor(input)).rejects.toThrow(here)
  }, 600_000)
})
