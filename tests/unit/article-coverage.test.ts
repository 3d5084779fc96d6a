/** Every section of both source articles has a home on the site (tests/article-sections.yaml). */
import fs from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const map = parse(fs.readFileSync('tests/article-sections.yaml', 'utf8')) as Record<string, { heading: string; page: string; mentions: string[] }[]>
const fileOf = (page: string) => `docs${page.endsWith('/') ? page + 'index' : page}.md`

describe('article coverage', () => {
  for (const [source, sections] of Object.entries(map)) {
    for (const s of sections) {
      it(`${source} "${s.heading}" → ${s.page}`, () => {
        const file = fileOf(s.page)
        expect(fs.existsSync(file), `${file} missing`).toBe(true)
        const text = fs.readFileSync(file, 'utf8')
        expect(text, `${file} should reference ${source} in its sources`).toMatch(new RegExp(`sources:.*${source}`))
        for (const m of s.mentions) expect(text.includes(m), `${file} should mention "${m}"`).toBe(true)
      })
    }
  }
})
