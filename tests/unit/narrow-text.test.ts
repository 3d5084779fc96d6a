/**
 * .vitepress/plugins/narrow-text.ts: hyphenated words of inline code are marked so a phone never
 * breaks them after a hyphen ("--" / "detach"), and Markdown tables are named after their heading.
 */
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { codeBreaksPlugin, markCodeWords, NW_MAX, tableNamesPlugin } from '../../.vitepress/plugins/narrow-text'

describe('markCodeWords', () => {
  it('marks the element when the code is one hyphenated word', () => {
    expect(markCodeWords('--detach')).toEqual({ whole: true, html: '--detach' })
  })
  it('marks each run of hyphenated words of longer code, escaped, and leaves the other spaces breakable', () => {
    expect(markCodeWords('-d, --detach <id>')).toEqual({ whole: false, html: '<span class="nw">-d, --detach</span> &lt;id&gt;' })
    expect(markCodeWords('docker volume prune -a').html).toBe('docker volume prune <span class="nw">-a</span>')
    expect(markCodeWords('docker run -d --name web -p 8080:80 nginx').html).toBe('docker run <span class="nw">-d --name</span> web <span class="nw">-p</span> 8080:80 nginx')
  })
  it('marks the element when the code is one run (an options table\'s flag cell: no span inside)', () => {
    expect(markCodeWords('-d, --detach')).toEqual({ whole: true, html: '-d, --detach' })
    expect(markCodeWords('-P, --publish-all')).toEqual({ whole: true, html: '-P, --publish-all' })
  })
  it('ends a run before it would pass NW_MAX characters', () => {
    const a = `--${'a'.repeat(NW_MAX - 6)}` // NW_MAX - 4 characters
    expect(markCodeWords(`${a} -b -c`).html).toBe(`<span class="nw">${a} -b</span> <span class="nw">-c</span>`)
  })
  it('splits a longer word after its | and , and marks the hyphenated parts', () => {
    expect(markCodeWords('--restart no|on-failure[:max-retries]|always|unless-stopped').html).toBe(
      '<span class="nw">--restart</span> no|<span class="nw">on-failure[:max-retries]|</span>always|<span class="nw">unless-stopped</span>',
    )
  })
  it('leaves words longer than NW_MAX breakable (a path or URL would run off a phone column)', () => {
    const long = `/guide/${'x'.repeat(NW_MAX)}-y`
    expect(markCodeWords(long)).toEqual({ whole: false, html: long })
  })
})

describe('the plugins in markdown-it', () => {
  const md = new MarkdownIt()
  codeBreaksPlugin(md)
  tableNamesPlugin(md)
  it('renders the marks without changing the text', () => {
    expect(md.renderInline('用 `--force` 或 `docker rm -f x`')).toBe('用 <code class="nw">--force</code> 或 <code>docker rm <span class="nw">-f</span> x</code>')
    expect(md.renderInline('`docker ps`')).toBe('<code>docker ps</code>')
  })
  it('names each table after the heading above it', () => {
    const html = md.render('# 页\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## `docker run` 选项\n\n| a | b |\n| - | - |\n| 1 | 2 |\n')
    expect([...html.matchAll(/<table tabindex="0" aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual(['页', 'docker run 选项'])
  })
})
