/**
 * Build-time data for /about/snippet-status: the last snippet run (docs/.snippet-status.json,
 * written by the harness) and the list of offline stand-in images it used.
 */
import { defineLoader } from 'vitepress'
import { RECIPES } from '../../core/standins/recipes'
import { readStatus } from '../../core/snippet-status'

export interface SnippetStatusData {
  engine?: string
  compose?: string
  buildx?: string
  /** image stores every page ran on */
  stores?: string[]
  date?: string
  mode?: string
  /**
   * per page: counts; `oneStore` = snippets verified on one image store only (store=…, or a
   * translation that differs from its source, scripts/snippets/pairs.ts); `from` = the source page
   * whose run a translation's results are (same snippets, not run again)
   */
  pages: { page: string; link: string; passed: number; failed: number; skipped: number; norun: number; oneStore: number; from?: string }[]
  /** summed over the pages (a covered translation's copied results are not counted again); `covered`: such translations */
  totals: { passed: number; failed: number; skipped: number; norun: number; oneStore: number; covered: number }
  standins: { images: string[]; note: string }[]
}
declare const data: SnippetStatusData
export { data }

export default defineLoader({
  watch: ['../.snippet-status.json'],
  load(): SnippetStatusData {
    const status = readStatus()
    const totals = { passed: 0, failed: 0, skipped: 0, norun: 0, oneStore: 0, covered: 0 }
    const pages = Object.entries(status.pages).map(([page, snippets]) => {
      const counts = { passed: 0, failed: 0, skipped: 0, norun: 0, oneStore: 0 }
      for (const s of Object.values(snippets)) {
        if (s.status in counts) counts[s.status]++
        if (s.status === 'passed' && s.stores?.length === 1) counts.oneStore++
      }
      const from = Object.values(snippets).find((s) => s.from)?.from
      // a covered translation's run results are its source's; its norun fences are its own
      if (from) { totals.covered++; totals.norun += counts.norun }
      else for (const k of Object.keys(counts) as (keyof typeof counts)[]) totals[k] += counts[k]
      return { page, link: page.replace(/^docs/, '').replace(/(\/index)?\.md$/, (m) => (m.startsWith('/index') ? '/' : '')), ...counts, ...(from ? { from } : {}) }
    })
    return {
      engine: status.engine,
      compose: status.compose,
      buildx: status.buildx,
      stores: status.stores,
      totals,
      date: status.date,
      mode: status.mode,
      pages,
      standins: RECIPES.filter((r) => r.name !== 'registry').map((r) => ({
        images: r.tags.map((t) => `${r.repo.replace(/^library\//, '')}:${t}`),
        note: r.note,
      })),
    }
  },
})
