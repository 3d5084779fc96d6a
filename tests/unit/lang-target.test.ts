// Where the language menu leads (.vitepress/theme/lang-switch.ts languageTarget): the counterpart page,
// the latest page in the other language from a frozen release (releases have no English edition), or
// the other language's home page.
import { describe, expect, it } from 'vitest'
import { languageTarget } from '../../.vitepress/theme/lang-switch'

const built = new Set(['guide/why.md', 'en/guide/why.md', 'v/2026.11/guide/why.md', 'v/2026.11/guide/old.md', 'guide/new.md'])
const exists = (p: string) => built.has(p)

describe('languageTarget', () => {
  it('leads to the counterpart page when it exists, or everywhere without a page list (dev)', () => {
    expect(languageTarget('guide/why.md', exists)).toEqual({ page: 'en/guide/why.md' })
    expect(languageTarget('en/guide/why.md', exists)).toEqual({ page: 'guide/why.md' })
    expect(languageTarget('v/2026.11/guide/why.md')).toEqual({ page: 'v/2026.11/en/guide/why.md' })
  })
  it("leads from a frozen release to the latest page in the other language, naming the release", () => {
    expect(languageTarget('v/2026.11/guide/why.md', exists)).toEqual({ page: 'en/guide/why.md', fromRelease: '2026.11' })
  })
  it("leads to the other language's home page when neither exists", () => {
    expect(languageTarget('v/2026.11/guide/old.md', exists)).toEqual({ home: 'en/' })
    expect(languageTarget('guide/new.md', exists)).toEqual({ home: 'en/' })
  })
})
