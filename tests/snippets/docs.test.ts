/** The contributor page must list every stand-in image and tag the runner provides. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECIPES } from '../../core/standins/recipes'
import { extractFences } from '../../scripts/snippets/extract'
import { ROOT } from './helpers'

const PAGE = path.join(ROOT, 'docs/contribute/snippets.md')

describe('docs/contribute/snippets.md', () => {
  const text = fs.readFileSync(PAGE, 'utf8')

  it('lists every stand-in with all its tags', () => {
    for (const r of RECIPES) {
      const name = r.repo.replace(/^library\//, '')
      const row = text.split('\n').find((l) => l.startsWith(`| \`${name}\``))
      expect(row, `no table row for ${name}`).toBeTruthy()
      for (const t of r.tags) expect(row, `${name}:${t}`).toContain(`\`${t}\``)
    }
  })

  it('is itself a valid snippet page', () => {
    const fences = extractFences(PAGE, 'docs/contribute/snippets.md')
    expect(fences.some((f) => f.meta.kind === 'run')).toBe(true)
  })
})
