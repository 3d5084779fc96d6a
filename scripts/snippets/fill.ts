/**
 * `npm run test:snippets -- --fill-examples`: write the example values a run collected
 * (SnippetResult.examples, from core/snippet-syntax.ts fillExamples) into the pages, so readers
 * see what Docker really printed where a console block has an in-line wildcard: `[...]` and
 * `[...=old]` become `[...=actual]`.
 *
 * Rules:
 *  - only pages whose every run (each image store) passed are written; a failing page is left as is;
 *  - a fence that ran on both stores gets the values of the first store in LANES (containerd, the
 *    default of new installs), a `store=` fence those of its own store;
 *  - only output lines with in-line wildcards change, and only when the page line still is the
 *    line that ran (otherwise: reported, not written);
 *  - fences generated from docs/data/commands/*.yaml are reported, not written (their source is
 *    the YAML file);
 *  - a covered translation (scripts/snippets/pairs.ts) gets its source's values, a translation
 *    that ran gets its own. An English page whose stamp was current before the fill is re-stamped
 *    after it when its source changed in the same fill: both got the same mechanical change, so it
 *    still translates its source (docs/contribute/translate.md). A stale page stays stale.
 */
import fs from 'node:fs'
import path from 'node:path'
import { sourceOfTranslation } from '../../core/translation'
import { driftOf, EN_DIR, stampPage } from '../lib/translations'
import { LANES } from './config'
import type { PageResult, SnippetResult } from './page-runner'

/** One line written (or refused) by writeExamples. */
export interface ExampleChange {
  file: string
  line: number
  from: string
  to: string
}

export interface FillSummary {
  changes: ExampleChange[]
  /** pages (or fences) not written, with the reason */
  skipped: { file: string; line: number; reason: string }[]
  /** English pages re-stamped after the fill */
  stamped: string[]
}

/**
 * Write the example values of a run's results into the pages.
 * @param results the run's page results (all lanes, covered translations included)
 * @param cwd the repository root the page paths are relative to
 * @param log one line per change (`file:line: from → to`), skipped page or bare wildcard kept
 */
export function writeExamples(results: PageResult[], cwd: string, log: (m: string) => void = () => {}): FillSummary {
  const summary: FillSummary = { changes: [], skipped: [], stamped: [] }
  const laneRank = (r: PageResult) => (r.lane ? LANES.indexOf(r.lane) : 0)
  const byPage = new Map<string, PageResult[]>()
  for (const r of results) byPage.set(r.page, [...(byPage.get(r.page) ?? []), r])
  const written = new Set<string>()
  // an English page's stamp state before its source is touched
  const wasCurrent = new Map<string, boolean>()
  const docsDir = path.join(cwd, 'docs')
  for (const page of byPage.keys()) {
    const src = sourceOfTranslation(page)
    if (src && fs.existsSync(path.join(cwd, src))) wasCurrent.set(page, driftOf(docsDir, relUnderEn(page)) === null)
  }
  for (const [page, runs] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
    const withExamples = runs.some((r) => r.snippets.some((s) => s.examples?.length))
    if (!withExamples) continue
    if (runs.some((r) => r.status !== 'passed')) {
      const lanes = runs.filter((r) => r.status !== 'passed').map((r) => r.lane ?? 'no engine').join(', ')
      summary.skipped.push({ file: page, line: 0, reason: `the page failed (${lanes}): not written` })
      log(`${page}: failed on ${lanes}; examples not written`)
      continue
    }
    // per fence (by its line): the examples of the first lane in LANES that has them
    const chosen = new Map<number, SnippetResult>()
    for (const r of [...runs].sort((a, b) => laneRank(a) - laneRank(b))) {
      for (const s of r.snippets) if (s.examples?.length && !chosen.has(s.line)) chosen.set(s.line, s)
    }
    const file = path.join(cwd, page)
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    let changed = false
    for (const s of [...chosen.values()].sort((a, b) => a.line - b.line)) {
      if (s.source) {
        summary.skipped.push({ file: s.source.file, line: s.source.line, reason: `generated into ${page}: examples of YAML command data are not written` })
        log(`${s.source.file}:${s.source.line}: generated into ${page}; examples not written (edit the YAML by hand)`)
        continue
      }
      for (const e of s.examples!) {
        // the fence opens on line s.line (1-based), its content starts on the next line
        const idx = s.line + e.at
        const where = `${page}:${idx + 1}`
        for (const k of e.kept ?? []) log(`${where}: kept a bare [...] (${k})`)
        if (e.from === e.to) continue
        const cur = lines[idx]
        if (cur === undefined || !cur.endsWith(e.from)) {
          summary.skipped.push({ file: page, line: idx + 1, reason: 'the line changed since the run' })
          log(`${where}: the line is not the one that ran; not written`)
          continue
        }
        // keep the line's indentation (a fence inside a list or container)
        lines[idx] = cur.slice(0, cur.length - e.from.length) + e.to
        changed = true
        summary.changes.push({ file: page, line: idx + 1, from: e.from, to: e.to })
        log(`${where}: ${e.from.trim()}  →  ${e.to.trim()}`)
      }
    }
    if (changed) {
      fs.writeFileSync(file, lines.join('\n'))
      written.add(page)
    }
  }
  // re-stamp English pages that were current and whose source was filled in this run
  for (const [page, current] of wasCurrent) {
    const src = sourceOfTranslation(page)!
    if (!current || !written.has(src)) continue
    stampPage(docsDir, relUnderEn(page))
    summary.stamped.push(page)
    log(`${page}: re-stamped (its source ${src} got the same mechanical fill)`)
  }
  return summary
}

/** `docs/en/x.md` → `x.md` (the path translations.ts works with). */
function relUnderEn(page: string): string {
  return page.replace(new RegExp(`^docs/${EN_DIR}/`), '')
}
