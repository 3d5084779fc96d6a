/** The Markdown pages under a folder (docs/), in a stable order: what every check walks. */
import fs from 'node:fs'
import path from 'node:path'

/**
 * Top-level folders of docs/ that hold no live pages of their own: `data` (sources of generated
 * content) and `v` (frozen releases: checked for validity, but never edited, re-run or scanned
 * as the latest docs).
 */
export const FROZEN_DIR = 'v'

export function listPages(srcDir: string, opts: { skipTop?: string[] } = {}): string[] {
  const out: string[] = []
  const skip = new Set(opts.skipTop ?? [])
  const walk = (dir: string, top: boolean) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'public') continue
      if (top && skip.has(e.name)) continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p, false)
      else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p)
    }
  }
  walk(srcDir, true)
  return out.sort()
}

/** Pages of the latest docs only (no frozen releases). */
export const listLatestPages = (srcDir: string) => listPages(srcDir, { skipTop: [FROZEN_DIR, 'data'] })
