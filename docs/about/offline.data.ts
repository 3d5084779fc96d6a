/**
 * Build-time data for /about/offline: the PDF books `npm run pdf` writes (core/pdf-targets.ts),
 * so the page names exactly the files the generator makes. `href` is null unless this build ships
 * them (KB_PDF=1, pdfsLinked): then the page lists the titles and says where the PDFs come from.
 */
import { defineLoader } from 'vitepress'
import { isSectionPdf, pdfSitePath, pdfsLinked, pdfTargets } from '../../core/pdf-targets'
import { SITE } from '../../.vitepress/config/site'

export interface OfflinePdf { href: string | null; file: string; title: string; edition: string; release: string | null; section: boolean }
declare const data: OfflinePdf[]
export { data }

export default defineLoader({
  watch: ['../../versions.json', '../**/index.md'],
  load(): OfflinePdf[] {
    const linked = pdfsLinked()
    return pdfTargets(SITE.title).map((t) => ({ href: linked ? pdfSitePath(t) : null, file: t.file, title: t.title, edition: t.edition, release: t.release, section: isSectionPdf(t) }))
  },
})
