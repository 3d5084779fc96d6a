/**
 * Build-time data for /about/offline: the PDF books `npm run pdf` writes (core/pdf-targets.ts),
 * so the page links exactly the files the generator makes (and the link check knows them).
 */
import { defineLoader } from 'vitepress'
import { isSectionPdf, pdfSitePath, pdfTargets } from '../../core/pdf-targets'
import { SITE } from '../../.vitepress/config/site'

export interface OfflinePdf { href: string; file: string; title: string; edition: string; release: string | null; section: boolean }
declare const data: OfflinePdf[]
export { data }

export default defineLoader({
  watch: ['../../versions.json', '../**/index.md'],
  load(): OfflinePdf[] {
    return pdfTargets(SITE.title).map((t) => ({ href: pdfSitePath(t), file: t.file, title: t.title, edition: t.edition, release: t.release, section: isSectionPdf(t) }))
  },
})
