/**
 * A reader of a plain build never meets a dead PDF link (outside tester: after `npm run build`
 * without `npm run pdf`, /about/offline and the changelog linked 22 PDFs, every one a 404). The
 * books are printed after the build, so only a build that will ship them links them (KB_PDF=1,
 * pdfsLinked in core/pdf-targets.ts); the test build is a plain one. Checked on the output itself:
 * every page, its Markdown copy and llms-full.txt link only PDFs that are in the build, and the
 * offline page names the books and says where they come from.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_DIR } from '../../scripts/lib/static-server'
import { pdfsLinked, pdfTargets } from '../../core/pdf-targets'
import { SITE } from '../../.vitepress/config/site'
import { session, type Session } from './helpers'

/** Every `.pdf` link target in the built HTML and Markdown files, as "file: target" for those missing from the build. */
function deadPdfLinks(): { checked: number; dead: string[] } {
  const dead: string[] = []
  let checked = 0
  for (const e of fs.readdirSync(DIST_DIR, { withFileTypes: true, recursive: true })) {
    const file = path.join(e.parentPath, e.name)
    if (!e.isFile() || !/\.(html|md|txt)$/.test(e.name) || file.includes(`${path.sep}assets${path.sep}`)) continue
    checked++
    const text = fs.readFileSync(file, 'utf8')
    // href="…pdf" in HTML, ](…pdf) in Markdown; site-relative targets only (the build has no external PDF links)
    for (const m of text.matchAll(/(?:href="|\]\()((?:https?:\/\/[^/"()]+)?\/[^"()#?]*\.pdf)/g)) {
      const target = m[1].replace(/^https?:\/\/[^/]+/, '')
      if (!fs.existsSync(path.join(DIST_DIR, decodeURI(target)))) dead.push(`${path.relative(DIST_DIR, file)}: ${target}`)
    }
  }
  return { checked, dead }
}

describe('PDF links in a plain build', () => {
  let s: Session
  beforeAll(async () => { s = await session() })
  afterAll(async () => { await s?.close() })

  it('the test build is a plain one (KB_PDF unset) and has no PDFs', () => {
    expect(pdfsLinked()).toBe(false)
    expect(fs.existsSync(path.join(DIST_DIR, 'downloads')) ? fs.readdirSync(path.join(DIST_DIR, 'downloads')).filter((f) => f.endsWith('.pdf')) : []).toEqual([])
  })

  it('no page, Markdown copy or llms file links a PDF the build does not have', () => {
    const { checked, dead } = deadPdfLinks()
    expect(checked, 'files scanned').toBeGreaterThan(100)
    expect(dead).toEqual([])
  })

  for (const [route, pending] of [['/about/offline', 'npm run pdf'], ['/en/about/offline', 'npm run pdf']] as const) {
    it(`${route}: names every book, links none, and says where the PDFs come from`, async () => {
      const page = await s.open(route)
      expect(await page.locator('main a[href$=".pdf"]').count()).toBe(0)
      const text = await page.locator('main').innerText()
      const missing = pdfTargets(SITE.title).filter((t) => !text.includes(t.file) && !text.includes(t.title.replace(/^.*?：/, '')))
      expect(missing.map((t) => t.file)).toEqual([])
      const note = page.locator('.pdf-pending')
      await expect.poll(() => note.isVisible()).toBe(true)
      expect(await note.innerText()).toContain(pending)
      // its link leads to the section that tells how to make them
      const href = await note.locator('a').getAttribute('href')
      expect(href).toBe('#generate')
      expect(await page.locator('#generate').count()).toBe(1)
      await page.close()
    })
  }
})
