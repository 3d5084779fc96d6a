/**
 * Copy buttons give exactly the text the snippet harness works with (issue 13, class 3):
 *  - every fence but `console`: the fence content as written (without its final newline), so a
 *    `sh`/`bash`/`shell` heredoc body line starting with `$ ` or `> ` is copied as it is shown;
 *  - `console`: only the commands (core/snippet-syntax.ts consoleCommands).
 * The fixture (tests/fixtures/copy/fences.md, one fence per kind) is rendered with the site's own
 * Markdown pipeline (shared config: shiki, snippet labels, embed lines) and put into a built page,
 * where the theme's copy handler (.vitepress/theme/console-copy.ts) is live; the clipboard is read
 * back from the browser.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createMarkdownRenderer } from 'vitepress'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shared, SRC_DIR } from '../../.vitepress/config/shared'
import { extractFencesFromString } from '../../scripts/snippets/extract'
import { consoleCommands } from '../../core/snippet-syntax'
import { copyText, loadCommands } from '../../core/commands'
import { session, type Session } from './helpers'

const FIXTURE = path.resolve('tests/fixtures/copy/fences.md')
const source = fs.readFileSync(FIXTURE, 'utf8')
const fences = extractFencesFromString(source, 'tests/fixtures/copy/fences.md')

/** What the copy button must put on the clipboard for a fence. */
const expected = (f: (typeof fences)[number]) => (f.meta.lang === 'console' ? consoleCommands(f.content) : f.content.replace(/\n$/, ''))

let s: Session
let html = ''
beforeAll(async () => {
  const md = await createMarkdownRenderer(SRC_DIR, shared.markdown, '/')
  html = md.render(source, { relativePath: 'fixtures/copy.md' })
  s = await session()
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'])
})
afterAll(async () => { await s?.close() })

describe('copy buttons copy exactly', () => {
  it('the fixture covers every fence kind', () => {
    expect(fences.map((f) => f.meta.lang || 'plain')).toEqual(['sh', 'bash', 'shell', 'console', 'dockerfile', 'yaml', 'text', 'plain'])
  })

  it('each fence kind puts its verified text on the clipboard', async () => {
    const page = await s.open('/guide/why')
    // a container of its own (the page's article is Vue's to re-render); the copy handler listens on window
    await page.evaluate((h) => {
      const box = document.createElement('div')
      box.className = 'vp-doc kb-copy-fixture'
      box.innerHTML = h
      document.body.prepend(box)
    }, html)
    const got: Record<string, string> = {}
    const want: Record<string, string> = {}
    for (const f of fences) {
      const kind = `${f.meta.lang || 'plain'} (line ${f.line})`
      const block = page.locator(`[data-embed-line="${f.line}"]`)
      await expect(block.count(), `${kind}: block not rendered`).resolves.toBe(1)
      await page.evaluate(() => navigator.clipboard.writeText('\u0000'))
      await block.scrollIntoViewIfNeeded()
      await block.hover()
      await block.locator('button.copy').click()
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).not.toBe('\u0000')
      got[kind] = await page.evaluate(() => navigator.clipboard.readText())
      want[kind] = expected(f)
    }
    expect(got).toEqual(want)
    expect(s.errors).toEqual([])
    await page.close()
  })
})

describe('the command reference\'s copy buttons', () => {
  // static HTML (plugins/commands.ts) with one listener (theme/command-copy.ts), no Vue component
  const run = loadCommands().commands.find((c) => c.name === 'docker run')!
  for (const [route, label, done] of [['/cli/container', '复制命令：', '已复制'], ['/en/cli/container', 'Copy command: ', 'Copied']]) {
    it(`a keyboard reader copies the typical invocation, named after it (${route})`, async () => {
      const page = await s.open(route)
      const button = page.getByRole('button', { name: label + copyText(run), exact: true })
      await button.waitFor({ timeout: 15_000 })
      await page.evaluate(() => navigator.clipboard.writeText('\u0000'))
      await button.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).toBe(copyText(run))
      await expect.poll(() => button.textContent(), { timeout: 5_000 }).toBe(done)
      // every entry has one, shown once the page is hydrated
      expect(await page.locator('button.cli-copy:visible').count()).toBe(await page.locator('p.cli-usage code + button.cli-copy').count())
      expect(s.errors).toEqual([])
      await page.close()
    })
  }
})
