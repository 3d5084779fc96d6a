/**
 * Layering (issue #12): `core/` is the one place that both the site (`.vitepress/`, `docs/**\/*.data.ts`) and the
 * tooling (`scripts/`) import; core imports neither, the site does not import scripts, and scripts do not import
 * the site's plugins or theme (reading `.vitepress/config/` is allowed: scripts may read the site's configuration).
 *
 * Every import specifier (static, dynamic, `export … from`, `import type`) is found with the TypeScript compiler's
 * own pre-processor (`ts.preProcessFile`), so comments and strings that merely look like imports do not count.
 * For `.vue` files only the `<script>` blocks are scanned.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const SCANNED = ['.vitepress', 'docs', 'scripts', 'core']

/** Source files in the work tree (tracked or new, not ignored; not deleted) under the scanned folders, repo-relative with `/`. */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...SCANNED], { cwd: ROOT, encoding: 'utf8' })
  return out.split('\n').filter((f) => /\.(ts|mts|vue)$/.test(f) && !f.endsWith('.d.ts') && existsSync(join(ROOT, f)))
}

/** The script part of a file: whole text for .ts/.mts, the `<script>` blocks of a .vue single-file component. */
function scriptText(file: string, text: string): string {
  if (!file.endsWith('.vue')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

/** Relative import specifiers of `file`, resolved to repo-relative paths (bare package names are skipped). */
export function importTargets(file: string, text: string): string[] {
  const info = ts.preProcessFile(scriptText(file, text), true, true)
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).split('\\').join('/'))
}

/** Why `file` may not import `target`, or null when the edge is allowed. */
export function violation(file: string, target: string): string | null {
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir + '/')
  if (under(file, 'core') && (under(target, '.vitepress') || under(target, 'scripts'))) return 'core imports neither .vitepress nor scripts'
  if ((under(file, '.vitepress') || under(file, 'docs')) && under(target, 'scripts')) return 'the site imports scripts only through core'
  if (under(file, 'scripts') && (under(target, '.vitepress/plugins') || under(target, '.vitepress/theme'))) return 'scripts import the site only through core'
  return null
}

/**
 * Edges that still cross the layers while the move to core/ is under way (issue #12). The list may only shrink:
 * a new crossing fails, and so does an entry here that no longer occurs (delete it).
 */
const PENDING = new Set<string>([
  // empty: the last crossing (scripts/check-diagrams.ts → .vitepress/plugins/mermaid-render) went when
  // renderDiagrams() and the isolated render moved to core/diagrams/
])

describe('layering', () => {
  it('classifies edges by folder', () => {
    expect(violation('core/a.ts', 'scripts/lib/x')).not.toBeNull()
    expect(violation('core/a.ts', '.vitepress/plugins/x')).not.toBeNull()
    expect(violation('docs/x/a.data.ts', 'scripts/lib/x')).not.toBeNull()
    expect(violation('.vitepress/theme/A.vue', 'scripts/lib/x')).not.toBeNull()
    expect(violation('scripts/a.ts', '.vitepress/plugins/x')).not.toBeNull()
    expect(violation('scripts/a.ts', '.vitepress/theme/x')).not.toBeNull()
    expect(violation('scripts/a.ts', '.vitepress/config/x')).toBeNull()
    expect(violation('scripts/a.ts', 'core/x')).toBeNull()
    expect(violation('.vitepress/plugins/a.ts', 'core/x')).toBeNull()
    expect(violation('docs/x/a.data.ts', '.vitepress/plugins/x')).toBeNull()
    expect(violation('scriptsx/a.ts', '.vitepress/plugins/x')).toBeNull()
  })

  it('finds static, type-only, re-export and dynamic imports, and only in .vue <script> blocks', () => {
    const src = `import a from './a'\nimport type { B } from '../b'\nexport { c } from './c'\nconst d = await import('./d')\n// import x from './comment'\n`
    expect(importTargets('scripts/lib/x.ts', src)).toEqual(['scripts/lib/a', 'scripts/b', 'scripts/lib/c', 'scripts/lib/d'])
    const vue = `<template><p>import x from './nope'</p></template>\n<script setup lang="ts">\nimport { y } from '../../y'\n</script>\n`
    expect(importTargets('.vitepress/theme/components/X.vue', vue)).toEqual(['.vitepress/y'])
  })

  it('no upward imports between .vitepress, docs, scripts and core', () => {
    const files = sourceFiles()
    expect(files.length).toBeGreaterThan(50)
    const bad: string[] = []
    const found = new Set<string>()
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const target of importTargets(file, text)) {
        const why = violation(file, target)
        const edge = `${file}: imports ${target}`
        if (!why) continue
        found.add(edge)
        if (!PENDING.has(edge)) bad.push(`${edge} (${why})`)
      }
    }
    expect(bad, `${bad.length} imports cross the layers:\n${bad.join('\n')}`).toEqual([])
    const stale = [...PENDING].filter((e) => !found.has(e))
    expect(stale, `no longer crossing, delete from PENDING:\n${stale.join('\n')}`).toEqual([])
  })
})
