/** The build-time half of the site search (.vitepress/config/search.ts): what each section is indexed with. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { searchSetup } from '../../.vitepress/config/search'
import { extractField } from '../../core/search/sections'
import { loadCommands } from '../../core/commands'

describe('hidden keywords of command entries', () => {
  const cp = loadCommands().commands.find((c) => c.name === 'docker cp')!
  const html = `<h1 id="t" tabindex="-1">Container commands <a class="header-anchor" href="#t">​</a></h1><p>x</p><h3 id="docker-cp" tabindex="-1">docker cp <a class="header-anchor" href="#docker-cp">​</a></h3><p>Copy files.</p>`
  const keywordsOf = (file: string) => {
    const s = searchSetup().splitIntoSections(file, html).find((x) => x.anchor === 'docker-cp')!
    return String(extractField(s as any, 'keywords'))
  }
  it('are the Chinese task words on /cli/ and the English ones on /en/cli/ (session 11: /en/cli/ had none)', () => {
    expect(keywordsOf(path.resolve('docs/cli/container.md'))).toContain(cp.keywords[0])
    const en = keywordsOf(path.resolve('docs/en/cli/container.md'))
    for (const k of cp.keywords_en ?? []) expect(en).toContain(k)
    expect(en).not.toContain(cp.keywords[0])
  })
})
