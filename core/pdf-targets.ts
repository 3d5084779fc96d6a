/**
 * Which PDF books the site offers (issue #16): the list both the printer (`npm run pdf`,
 * scripts/lib/pdf-book.ts) and the site (docs/about/offline.md, its Markdown copy, the link check)
 * use, so a page links exactly the files the generator writes. The printing itself (chromium,
 * pdftotext) stays in scripts/lib/pdf-book.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { readSections, type Section } from './sections'
import { CARTRIDGE_DIR } from './cartridge'
import { FROZEN_DIR, pdfName } from './version-paths'
import { DOCS_DIR, readRegistry } from './versions'

/** One PDF to write. */
export interface PdfTarget {
  /** `latest`, `latest-<section dir>`, `<release>` (used by `npm run pdf -- --only`) */
  id: string
  /** file name inside the downloads folder */
  file: string
  /** book title on the cover and in the PDF metadata */
  title: string
  /** edition line on the cover: 最新版 / <release> 版 */
  edition: string
  release: string | null
  sections: Section[]
}

/** Where the PDFs go inside the built site (the same folder as the course packages). */
export const PDF_DIR = CARTRIDGE_DIR

/** Site path of a book (without base): `/downloads/docker-kb-latest.pdf`. */
export const pdfSitePath = (t: Pick<PdfTarget, 'file'>) => `/${PDF_DIR}/${t.file}`

/** The environment variable that says a build will ship its PDF books (see pdfsLinked). */
export const PDF_ENV = 'KB_PDF'

/**
 * Whether the pages of this build link the PDF books. The books are printed from the built site
 * after the build (`npm run pdf`), so no build can see them: a plain `npm run build` linked 22
 * files it did not have, every one a 404 (outside tester). Now only a build that will ship them
 * links them — `KB_PDF=1 npm run build && npm run pdf` (the deploy, then `npm run test:links`,
 * which fails on any linked PDF that is missing); a plain build lists the books as text and says
 * where they come from (docs/about/offline.md).
 * @param env the process environment (default process.env)
 * @returns true for KB_PDF=1, false when unset, empty or 0
 * @throws Error naming the variable and its value for anything else (a typo must not silently drop the links)
 */
export function pdfsLinked(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[PDF_ENV]
  if (v === undefined || v === '' || v === '0') return false
  if (v === '1') return true
  throw new Error(`${PDF_ENV}="${v}": use ${PDF_ENV}=1 for a build that ships the PDF books (npm run pdf after the build), or leave it unset`)
}

/** A one-section book of the latest docs (id `latest-<section dir>`), not a whole edition. */
export const isSectionPdf = (t: Pick<PdfTarget, 'id'>) => t.id.startsWith('latest-')

/**
 * Every PDF `npm run pdf` writes: the latest book, one per section of the latest docs, one book per
 * frozen release listed in versions.json and present under docs/v/. The link check
 * (scripts/check-links.ts) uses the same list, so a link to a PDF that is never generated fails.
 * @param siteTitle the site's title (SITE.title in .vitepress/config/site.ts), the books' title
 * @param docsDir   the docs folder whose sections (core/sections.ts) make the books
 */
export function pdfTargets(siteTitle: string, docsDir = DOCS_DIR): PdfTarget[] {
  const latest = readSections(docsDir, '/')
  const targets: PdfTarget[] = [{ id: 'latest', file: pdfName(null), title: siteTitle, edition: '最新版', release: null, sections: latest }]
  for (const s of latest) targets.push({ id: `latest-${s.dir}`, file: pdfName(null, s.dir), title: `${siteTitle}：${s.text}`, edition: '最新版', release: null, sections: [s] })
  const frozenRoot = path.join(docsDir, FROZEN_DIR)
  for (const v of readRegistry().versions) {
    const dir = path.join(frozenRoot, v.name)
    if (!fs.existsSync(dir)) continue
    targets.push({ id: v.name, file: pdfName(v.name), title: siteTitle, edition: `${v.name} 版`, release: v.name, sections: readSections(dir, `/${FROZEN_DIR}/${v.name}/`) })
  }
  return targets
}
