import { describe, expect, it } from 'vitest'

// VitePress names code groups and tabs with random ids, so two builds of the same sources differed
// (scripts/compare-dist.ts had to normalize them). Through the site's own Markdown pipeline, the
// same page must render the same ids every time, distinct within the page, in VitePress's format.
const page = [
  '# T', '',
  '::: code-group', '```text [Debian]', 'apt-get install docker-ce', '```', '```text [Fedora]', 'dnf install docker-ce', '```', ':::', '',
  '::: code-group', '```text [a]', 'echo a', '```', '```text [b]', 'echo b', '```', '```text [c]', 'echo c', '```', ':::', '',
].join('\n')
const ids = (html: string) => [...html.matchAll(/\b(name="group-[^"]*"|id="tab-[^"]*"|for="tab-[^"]*")/g)].map((m) => m[1])

describe('code-group ids', () => {
  it('are the same in every render of the same page, unique within it', async () => {
    const { createMarkdownRenderer, resolveConfig } = await import('vitepress')
    const config = await resolveConfig(process.cwd(), 'build', 'production')
    const render = async () => {
      // a fresh renderer each time, as a new build makes
      const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
      return md.render(page, { relativePath: 'guide/example.md', cleanUrls: true })
    }
    const first = await render()
    const second = await render()
    expect(ids(first)).toHaveLength(5 * 3) // per tab: the input's name and id, the label's for
    expect(ids(second)).toEqual(ids(first))
    const groups = ids(first).filter((s) => s.startsWith('name=')).map((s) => s.slice(6, -1))
    expect(groups.every((g) => /^group-[A-Za-z0-9_-]{5}$/.test(g))).toBe(true)
    expect(new Set(groups).size).toBe(2)
    const tabs = ids(first).filter((s) => s.startsWith('id=')).map((s) => s.slice(4, -1))
    expect(tabs.every((t) => /^tab-[A-Za-z0-9_-]{7}$/.test(t))).toBe(true)
    expect(new Set(tabs).size).toBe(5)
    // each label still points at its own input
    const fors = ids(first).filter((s) => s.startsWith('for=')).map((s) => s.slice(5, -1))
    expect(fors).toEqual(tabs)
    // another page gets other ids
    const md = await createMarkdownRenderer(config.srcDir, config.markdown, config.site.base, config.logger)
    expect(ids(md.render(page, { relativePath: 'guide/other.md', cleanUrls: true }))).not.toEqual(ids(first))
  }, 120_000)
})
