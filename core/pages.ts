/** The Markdown pages under a folder (docs/), in a stable order: what every check walks. */
import fs from 'node:fs'
import path from 'node:path'

/**
 * Top-level folders of docs/ that hold no live pages of their own: `data` (sources of generated
 * content) and `v` (frozen releases: checked for validity, but never edited, re-run or scanned
 * as the latest docs).
 */
export const FROZEN_DIR = 'v'
/**
 * The data folder: sources of generated content, never pages (the site config's srcExclude has
 * `data/**`), although the glossary terms in it are Markdown files (docs/data/glossary/*.md).
 */
export const DATA_TOP = 'data'

/**
 * The `.md` files of a page tree, absolute paths, sorted: everything but README.md files, dot
 * folders, node_modules, public/ and the top-level data/ folder (never pages, see DATA_TOP).
 * @param opts.skipTop further top-level folders to leave out (e.g. FROZEN_DIR)
 */
export function listPages(srcDir: string, opts: { skipTop?: string[] } = {}): string[] {
  const out: string[] = []
  const skip = new Set([DATA_TOP, ...(opts.skipTop ?? [])])
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
export const listLatestPages = (srcDir: string) => listPages(srcDir, { skipTop: [FROZEN_DIR] })
