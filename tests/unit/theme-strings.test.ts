/**
 * Our theme shows no hard-coded Chinese (issue #17): every UI string of .vitepress/theme comes
 * from the per-language table theme/i18n.ts, so English pages get English chrome. Comments may
 * quote Chinese UI text. The glossary and command components are listed apart: their strings
 * come with the bilingual glossary/command data.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UI, langOfPath } from '../../.vitepress/theme/i18n-text'
import { UI_MORE } from '../../.vitepress/theme/i18n-text-more'

const THEME = path.resolve('.vitepress/theme')
/** the string table itself, and components whose text comes with the bilingual glossary/command data */
const EXEMPT = new Set(['i18n-text.ts', 'i18n-text-more.ts', 'components/GlossaryFilter.vue', 'components/CommandFinder.vue', 'components/CorrectionsList.vue'])

/** Source with comments blanked (keeps line numbers): JS/TS `//` and block comments, HTML comments. */
function code(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ')
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/<!--[\s\S]*?-->/g, blank).replace(/(^|[^:'"`])\/\/.*$/gm, (m, p: string) => p + blank(m.slice(p.length)))
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|vue)$/.test(e.name) ? [path.join(dir, e.name)] : []))
}

describe('theme UI strings', () => {
  it('no Chinese in theme code outside comments and the string table', () => {
    const hits: string[] = []
    for (const f of files(THEME)) {
      const rel = path.relative(THEME, f).split(path.sep).join('/')
      if (EXEMPT.has(rel)) continue
      code(fs.readFileSync(f, 'utf8')).split('\n').forEach((l, i) => {
        if (/[\u4e00-\u9fff]/.test(l)) hits.push(`.vitepress/theme/${rel}:${i + 1}: ${l.trim().slice(0, 80)}`)
      })
    }
    expect(hits).toEqual([])
  })
  it('the English table has no Chinese, and pages get their language from their path', () => {
    for (const table of [UI.en, UI_MORE.en]) {
      const flat = JSON.stringify(table, (_k, v) => (typeof v === 'function' ? String(v) : v))
      expect(flat.match(/[\u4e00-\u9fff]+/g) ?? []).toEqual([])
    }
    expect(['en/guide/why.md', 'v/2027.05/en/index.md', 'guide/why.md', 'v/2026.11/guide/en.md'].map(langOfPath)).toEqual(['en', 'en', 'zh', 'zh'])
  })
})
