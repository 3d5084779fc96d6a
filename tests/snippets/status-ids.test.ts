/**
 * The site finds a snippet's result by the fence's content id (fence-id.ts). The harness computes
 * it from the page source (extract.ts, command markers expanded); the site from the tokens of its
 * own Markdown pipeline (VitePress, code groups, command markers). Both must agree, or badges
 * would silently show "not verified". Pure rendering: no root, no Docker.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractFences } from '../../scripts/snippets/extract'

const PAGES = ['docs/internals/layers.md', 'docs/orchestration/compose.md', 'docs/cli/compose.md', 'docs/guide/first-container.md']

describe('snippet ids: harness and site agree', () => {
  it.each(PAGES)('%s', async (page) => {
    const { createMarkdownRenderer, resolveConfig } = await import('vitepress')
    const config = await resolveConfig(process.cwd(), 'build', 'production')
    const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
    const rel = page.replace(/^docs\//, '')
    const html = md.render(fs.readFileSync(page, 'utf8'), { relativePath: rel, cleanUrls: true })
    // A snippet that opens a code group also carries VitePress's `active` class (code-groups fix), so
    // the class list may go on after the kind.
    const site = [...html.matchAll(/class="snippet snippet--(run|norun)(?: [^"]*)?" data-snippet-line="\d+" data-snippet-id="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)
    const harness = extractFences(page)
      .filter((f) => f.meta.kind === 'run' || f.meta.kind === 'norun')
      .map((f) => `${f.meta.kind} ${f.id.slice(f.id.lastIndexOf('#') + 1)}`)
    expect(harness.length).toBeGreaterThan(0)
    expect(site).toEqual(harness)
  }, 120_000)
})
