/**
 * Search tokenizer for VitePress local search (MiniSearch).
 *
 * MiniSearch splits on spaces and punctuation only, so "容器镜像" would be one token and a search
 * for 镜像 would miss it. We split CJK runs into overlapping character bigrams (plus single
 * characters for one-character runs) and keep command-line flags (`-p`, `--restart`) whole.
 *
 * VitePress serializes this function's source into the client bundle: it must be self-contained
 * (no imports, no outer variables).
 */
export function tokenize(text: string): string[] {
  const out: string[] = []
  const re = /(--?[a-z][\w-]*)|([\u3400-\u9fff\uf900-\ufaff]+)|([a-z0-9_][\w.:/-]*)/gi
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    if (m[1]) {
      // a flag: keep it whole, and also its name without dashes so "restart" finds "--restart"
      out.push(m[1])
      const bare = m[1].replace(/^-+/, '')
      if (bare.length > 1) out.push(bare)
    } else if (m[2]) {
      const run = m[2]
      if (run.length === 1) out.push(run)
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
    } else {
      const word = m[3].replace(/[.:/]+$/, '')
      out.push(word)
      // "node:22-alpine" / "docker-compose": also index the parts
      const parts = word.split(/[.:/_-]+/).filter((p) => p && p !== word)
      for (const p of parts) out.push(p)
    }
  }
  return out
}

/** Lower-case everything; drop nothing (short flags like -p matter). */
export function processTerm(term: string): string {
  return term.toLowerCase()
}
