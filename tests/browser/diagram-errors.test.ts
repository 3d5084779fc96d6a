/**
 * A Mermaid diagram with a syntax error (issue 13, class 4; fixture tests/fixtures/diagrams/broken.md,
 * an unclosed quote in a label):
 *  - the build's renderer (the `diagrams` step and `vitepress build` both use it) fails with the
 *    file and line of the bad line;
 *  - rendering it in a page (the dev server's live component) throws, and leaves the page's DOM
 *    exactly as it was: no "Syntax error in text" graphic under <body>, however often it re-renders;
 *  - in the build (.vitepress/plugins/mermaid-render.ts, renders in a child process), the page that
 *    has it fails with that error, while a page without diagrams goes on without waiting.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectDiagrams, renderDiagrams } from '../../scripts/check-diagrams'
import { launchBrowser, type Browser } from '../../core/browser'
import { mermaidConfig } from '../../core/mermaid-config'
import { renderIsolated } from '../../core/diagrams/isolated'
import { readRendered } from '../../core/diagrams/render'
import { pageDiagramsReady, prerenderSite } from '../../.vitepress/plugins/mermaid-render'

const require = createRequire(import.meta.url)
const FIXTURE = path.resolve('tests/fixtures/diagrams/broken.md')
const [broken] = collectDiagrams([FIXTURE])
const GOOD = 'flowchart LR\n  accTitle: 好图\n  accDescr: A 到 B\n  A["开始"] --> B[结束]\n'

let b: Browser
let page: Page
beforeAll(async () => {
  b = await launchBrowser()
  page = await b.context.newPage()
  await page.setContent('<!doctype html><html><head></head><body><main><div id="box" style="width:688px"></div></main></body></html>')
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
})
afterAll(async () => { await b?.close() })

/** Run renderIsolated in the page (as the build does): its result, and <body> before and after. */
async function renderInPage(id: string, source: string) {
  const before = await page.evaluate(() => document.body.innerHTML)
  const result = await page.evaluate(
    `(${renderIsolated.toString()})(window.mermaid, ${JSON.stringify(id)}, ${JSON.stringify(source)}, ${JSON.stringify(mermaidConfig(false))}, document.getElementById('box'))
      .then((svg) => ({ svg }), (e) => ({ error: String(e && e.message || e) }))`,
  ) as { svg?: string; error?: string }
  return { ...result, before, after: await page.evaluate(() => document.body.innerHTML) }
}

describe('a broken Mermaid diagram', () => {
  it('fails the build renderer with the file and line of the bad line', async () => {
    expect(broken.file).toBe('tests/fixtures/diagrams/broken.md')
    const report = await renderDiagrams([broken])
    expect(report.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['tests/fixtures/diagrams/broken.md:9'])
    expect(report.errors[0].message).toMatch(/^tests\/fixtures\/diagrams\/broken\.md:9: mermaid diagram does not render: Parse error on line \d+/)
  })

  it('throws in the page and leaves the DOM as it was, on every re-render', async () => {
    for (const n of [1, 2, 3]) {
      const r = await renderInPage(`mmd-dev-${n}`, broken.source)
      expect(r.error, `render ${n}`).toMatch(/^Parse error on line \d+/)
      expect(r.after, `render ${n} changed the page`).toBe(r.before)
    }
  })

  it('a good diagram still renders, and nothing is left behind either', async () => {
    const r = await renderInPage('mmd-good', GOOD)
    expect(r.error).toBeUndefined()
    expect(r.svg).toMatch(/^<svg[^>]+id="mmd-good"/)
    expect(r.after).toBe(r.before)
  })
})

describe('the build waits for diagrams page by page', () => {
  it('a page without diagrams does not wait; the page with the broken one fails with its file and line', async () => {
    fs.mkdirSync('.tmp', { recursive: true })
    const dir = fs.mkdtempSync(path.resolve('.tmp/diagram-wait-'))
    try {
      fs.writeFileSync(path.join(dir, 'plain.md'), '# 没有图\n')
      fs.writeFileSync(path.join(dir, 'good.md'), `# 好图\n\n\`\`\`mermaid\n${GOOD}\`\`\`\n`)
      fs.copyFileSync(FIXTURE, path.join(dir, 'broken.md'))
      const all = prerenderSite(dir)
      let allSettled = false
      all.then(() => {}, () => {}).finally(() => { allSettled = true })
      await pageDiagramsReady(dir, path.join(dir, 'plain.md'))
      // the renderer's process, chromium and Mermaid take seconds to start: this page did not wait for them
      expect(allSettled).toBe(false)
      const error = /^1 diagram\(s\) do not render:\n\.tmp\/diagram-wait-\w+\/broken\.md:9: mermaid diagram does not render: Parse error on line \d+/
      await expect(pageDiagramsReady(dir, path.join(dir, 'broken.md'))).rejects.toThrow(error)
      await expect(all).rejects.toThrow(error)
      // the good diagram rendered and is in the cache, where the Markdown plugin reads it
      await pageDiagramsReady(dir, path.join(dir, 'good.md'))
      expect(readRendered(GOOD)?.svg).toMatch(/^<svg/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
