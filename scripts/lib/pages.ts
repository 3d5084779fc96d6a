/** The Markdown pages under a folder (docs/), in a stable order: what every check walks. */
import fs from 'node:fs'
import path from 'node:path'

export function listPages(srcDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'public') continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p)
    }
  }
  walk(srcDir)
  return out.sort()
}
