/**
 * Snippet verification results for the site (the "验证状态" page and badges).
 *
 * The site build should call `loadSnippetStatus()` (reads the committed docs/.snippet-status.json,
 * shape documented in report.ts) and render `statusToMarkdown()` or its own component from the
 * returned data. Nothing here needs Docker; a missing or broken file gives `undefined`, so the
 * build never fails because no snippet run happened yet.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const STATUS_FILE = fileURLToPath(new URL('../../docs/.snippet-status.json', import.meta.url))

export type SnippetState = 'passed' | 'failed' | 'skipped' | 'norun'

export interface PageStatus {
  /** repo path, e.g. docs/guide/first-container.md */
  page: string
  /** site link, e.g. /guide/first-container */
  link: string
  passed: number
  failed: number
  skipped: number
  norun: number
  snippets: { line: number; status: SnippetState; stores?: string[] }[]
}

export interface SiteSnippetStatus {
  engine: string
  compose: string
  /** image stores the run covered */
  stores: string[]
  /** YYYY-MM-DD of the run */
  date: string
  mode: string
  totals: { pages: number; passed: number; failed: number; skipped: number; norun: number }
  /** failing pages first, then by path */
  pages: PageStatus[]
}

/** `docs/guide/x.md` -> `/guide/x`, `docs/guide/index.md` -> `/guide/` */
export function pageLink(page: string): string {
  let p = page.replace(/^docs\//, '').replace(/\.md$/, '')
  if (p === 'index') return '/'
  if (p.endsWith('/index')) p = p.slice(0, -'index'.length)
  return '/' + p
}

export function loadSnippetStatus(file: string = STATUS_FILE): SiteSnippetStatus | undefined {
  let raw: { engine?: string; compose?: string; stores?: string[]; date?: string; mode?: string; pages?: Record<string, Record<string, { line?: number; status?: string; stores?: string[] }>> }
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
  if (!raw || typeof raw !== 'object' || typeof raw.pages !== 'object' || !raw.pages) return undefined
  const pages: PageStatus[] = []
  const totals = { pages: 0, passed: 0, failed: 0, skipped: 0, norun: 0 }
  for (const [page, lines] of Object.entries(raw.pages)) {
    const ps: PageStatus = { page, link: pageLink(page), passed: 0, failed: 0, skipped: 0, norun: 0, snippets: [] }
    for (const e of Object.values(lines ?? {})) {
      const st = String(e?.status)
      const status = (['passed', 'failed', 'skipped', 'norun'].includes(st) ? st : 'skipped') as SnippetState
      ps.snippets.push({ line: Number(e?.line ?? 0), status, ...(e?.stores ? { stores: e.stores } : {}) })
      ps[status]++
      totals[status]++
    }
    ps.snippets.sort((a, b) => a.line - b.line)
    pages.push(ps)
  }
  totals.pages = pages.length
  pages.sort((a, b) => (b.failed ? 1 : 0) - (a.failed ? 1 : 0) || a.page.localeCompare(b.page))
  return {
    engine: raw.engine ?? '',
    compose: raw.compose ?? '',
    stores: raw.stores ?? [],
    date: raw.date ?? '',
    mode: raw.mode ?? '',
    totals,
    pages,
  }
}

/** A ready-made Markdown section (zh-CN) for the "验证状态" page. */
export function statusToMarkdown(s: SiteSnippetStatus | undefined): string {
  if (!s) return '还没有命令片段的验证结果。运行 `npm run test:snippets` 后会生成 `docs/.snippet-status.json`。\n'
  const mode = s.mode === 'standins' ? '离线替身镜像' : s.mode === 'real-images' ? 'Docker Hub 上的真实镜像' : s.mode
  const lines = [
    `最近一次验证：${s.date}，Docker Engine ${s.engine}，Compose ${s.compose}，镜像存储：${s.stores.join('、') || '未记录'}，镜像：${mode}。`,
    '',
    `共 ${s.totals.pages} 个页面：${s.totals.passed} 个片段通过，${s.totals.failed} 个失败，${s.totals.skipped} 个因前面的片段失败而未执行。`,
    '',
    '| 页面 | 通过 | 失败 | 未执行 |',
    '| --- | ---: | ---: | ---: |',
    ...s.pages.map((p) => `| [${p.page.replace(/^docs\//, '')}](${p.link}) | ${p.passed} | ${p.failed} | ${p.skipped} |`),
    '',
  ]
  return lines.join('\n')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(statusToMarkdown(loadSnippetStatus(process.argv[2])))
}
