/**
 * Build-time data for /about/snippet-status: the last snippet run (docs/.snippet-status.json,
 * written by the harness) and the list of offline stand-in images it used.
 */
import fs from 'node:fs'
import { defineLoader } from 'vitepress'
import { RECIPES } from '../../scripts/snippets/standins/recipes'
import type { StatusFile } from '../../scripts/snippets/report'

export interface SnippetStatusData {
  engine?: string
  compose?: string
  date?: string
  mode?: string
  pages: { page: string; link: string; passed: number; failed: number; skipped: number }[]
  standins: { images: string[]; note: string }[]
}
declare const data: SnippetStatusData
export { data }

const STATUS = 'docs/.snippet-status.json'

export default defineLoader({
  watch: ['../.snippet-status.json'],
  load(): SnippetStatusData {
    const status: StatusFile = fs.existsSync(STATUS) ? JSON.parse(fs.readFileSync(STATUS, 'utf8')) : { pages: {} }
    const pages = Object.entries(status.pages).map(([page, lines]) => {
      const counts = { passed: 0, failed: 0, skipped: 0 }
      for (const s of Object.values(lines)) if (s in counts) counts[s as keyof typeof counts]++
      return { page, link: page.replace(/^docs/, '').replace(/(\/index)?\.md$/, (m) => (m.startsWith('/index') ? '/' : '')), ...counts }
    })
    return {
      engine: status.engine,
      compose: status.compose,
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
