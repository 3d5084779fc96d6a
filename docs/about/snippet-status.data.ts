/**
 * Build-time data for /about/snippet-status: the last snippet run (docs/.snippet-status.json,
 * written by the harness) and the list of offline stand-in images it used.
 */
import { defineLoader } from 'vitepress'
import { RECIPES } from '../../scripts/snippets/standins/recipes'
import { readStatus } from '../../core/snippet-status'

export interface SnippetStatusData {
  engine?: string
  compose?: string
  buildx?: string
  /** image stores every page ran on */
  stores?: string[]
  date?: string
  mode?: string
  /** per page: counts; `oneStore` = snippets verified on one image store only (store=…) */
  pages: { page: string; link: string; passed: number; failed: number; skipped: number; norun: number; oneStore: number }[]
  totals: { passed: number; failed: number; skipped: number; norun: number; oneStore: number }
  standins: { images: string[]; note: string }[]
}
declare const data: SnippetStatusData
export { data }

export default defineLoader({
  watch: ['../.snippet-status.json'],
  load(): SnippetStatusData {
    const status = readStatus()
    const totals = { passed: 0, failed: 0, skipped: 0, norun: 0, oneStore: 0 }
    const pages = Object.entries(status.pages).map(([page, snippets]) => {
      const counts = { passed: 0, failed: 0, skipped: 0, norun: 0, oneStore: 0 }
      for (const s of Object.values(snippets)) {
        if (s.status in counts) counts[s.status]++
        if (s.status === 'passed' && s.stores?.length === 1) counts.oneStore++
      }
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += counts[k]
      return { page, link: page.replace(/^docs/, '').replace(/(\/index)?\.md$/, (m) => (m.startsWith('/index') ? '/' : '')), ...counts }
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
