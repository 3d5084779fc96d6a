/** The search box's highlight pattern (core/search/highlight.ts): whole words for Latin terms. */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { markRegex, rewriteSearchBoxHighlight } from '../../core/search/highlight'

const marks = (terms: string[], text: string) => text.match(markRegex(terms)) ?? []

describe('search highlight (session 12)', () => {
  it('marks a Latin term as a whole word, not inside another word', () => {
    expect(marks(['rm'], 'Multi-platform builds for other platforms')).toEqual([])
    expect(marks(['rm'], 'docker rm -f web; RM it')).toEqual(['rm', 'RM'])
    expect(marks(['ps'], 'helps: docker ps -a')).toEqual(['ps'])
  })
  it('keeps English endings of a reduced form and marks CJK terms wherever they occur', () => {
    expect(marks(['contain'], 'containers contain things; container')).toEqual(['containers', 'contain', 'container'])
    expect(marks(['容器', '数据卷'], '把数据卷挂进容器里')).toEqual(['数据卷', '容器'])
    expect(marks(['--restart'], 'docker run --restart unless-stopped')).toEqual(['--restart'])
  })
  it('marks nothing without terms', () => {
    expect(marks([], 'anything')).toEqual([])
  })
  it('rewrites the shipped search box, and refuses a box without formMarkRegex', () => {
    const require = createRequire(import.meta.url)
    const box = path.join(path.dirname(require.resolve('vitepress/package.json')), 'dist/client/theme-default/components/VPLocalSearchBox.vue')
    const out = rewriteSearchBoxHighlight(fs.readFileSync(box, 'utf8'), '/x/highlight.ts')
    expect(out).toContain('import { markRegex as kbMarkRegex } from "/x/highlight.ts"')
    expect(out).toMatch(/function formMarkRegex\(terms: Set<string>\) \{\n {2}return kbMarkRegex\(terms\)\n\}/)
    expect(out).not.toContain('.map((term) => `(${escapeRegExp(term)})`)')
    expect(() => rewriteSearchBoxHighlight('<script lang="ts" setup>\n</script>', '/x')).toThrow(/formMarkRegex/)
  })
})
