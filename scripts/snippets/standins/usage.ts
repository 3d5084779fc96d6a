/**
 * Which stand-ins did a snippet use? Two sources, merged:
 *  - references in the snippet text: `name:tag` anywhere, or a bare name right after
 *    run/create/pull/FROM/image: (what readers would pull),
 *  - pulls the sandbox's registry actually served while the snippet ran (its access log), which
 *    also catches images pulled by `docker compose up` or a Dockerfile's FROM.
 */
import fs from 'node:fs'
import { RECIPES, parseDockerHubRef } from '../../../core/standins/recipes'

const known = new Map<string, string>() // "library/nginx:alpine" -> "nginx:alpine"
for (const r of RECIPES) for (const t of r.tags) known.set(`${r.repo}:${t}`, `${r.repo.replace(/^library\//, '')}:${t}`)

function lookup(token: string): string | undefined {
  const ref = parseDockerHubRef(token)
  return ref ? known.get(`${ref.repo}:${ref.tag}`) : undefined
}

const VERBS = new Set(['run', 'create', 'pull', 'from', 'image:', 'push', 'save', 'history'])

export function referencedStandins(text: string): string[] {
  const found = new Set<string>()
  const tokens = text.split(/[\s"'`=,;()[\]{}]+/).filter(Boolean)
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]
    if (tok.includes(':') && !tok.startsWith('-')) {
      const hit = lookup(tok)
      if (hit) found.add(hit)
      continue
    }
    if (VERBS.has(tok.toLowerCase())) {
      // first non-option word after the verb (skip flags and their obvious values)
      for (let j = i + 1; j < Math.min(tokens.length, i + 25); j++) {
        const t = tokens[j]
        if (t.startsWith('-')) continue
        const hit = lookup(t)
        if (hit) found.add(hit)
        if (!/^[\w./-]+$/.test(t) || hit) break
      }
    }
  }
  return [...found]
}

/** Follows a registry access log (combined log format) by byte offset. */
export class RegistryLogWatcher {
  private offset = 0
  constructor(private file: string) {}

  mark(): void {
    try {
      this.offset = fs.statSync(this.file).size
    } catch {
      this.offset = 0
    }
  }

  /** Stand-ins whose manifest was fetched since the last mark(). */
  pulledSince(): string[] {
    let text = ''
    try {
      const size = fs.statSync(this.file).size
      if (size <= this.offset) return []
      const fd = fs.openSync(this.file, 'r')
      const b = Buffer.alloc(Math.min(size - this.offset, 4 * 1024 * 1024))
      fs.readSync(fd, b, 0, b.length, this.offset)
      fs.closeSync(fd)
      text = b.toString('utf8')
    } catch {
      return []
    }
    const found = new Set<string>()
    for (const m of text.matchAll(/"(?:GET|HEAD) \/v2\/(.+?)\/manifests\/([^ ?"]+)[^"]*" (\d{3})/g)) {
      if (m[3] !== '200') continue
      const hit = known.get(`${m[1]}:${m[2]}`)
      if (hit) found.add(hit)
    }
    return [...found]
  }
}
