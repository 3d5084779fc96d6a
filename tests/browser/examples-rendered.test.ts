/**
 * The raw example syntax of console output, `[...=value]` (core/snippet-syntax.ts), never reaches
 * readers: no built page, Markdown export (<page>.md) or llms-full.txt shows it; they show the value.
 * Reads the build (KB_DIST or .vitepress/dist); the PDF prints these same HTML pages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { rawExampleSyntax } from './raw-examples'

const DIST = path.resolve(DIST_DIR)

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'assets' ? [] : walk(p)
    return /\.(html|md|txt)$/.test(e.name) ? [p] : []
  })
}

describe('built site: example values, never their syntax', () => {
  it('no page, .md export or llms text shows "[...="', () => {
    const files = walk(DIST)
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap((f) => rawExampleSyntax(fs.readFileSync(f, 'utf8')).map((l) => `${path.relative(DIST, f)}: ${l}`))
    expect(found).toEqual([])
  })
})
