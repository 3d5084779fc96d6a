/** Build-time data for <CorrectionsList />: every correction to the source articles. */
import { defineLoader } from 'vitepress'
import { readCorrections, CORRECTIONS_DIR, type Correction } from '../../core/corrections'

export type CorrectionItem = Pick<Correction, 'source' | 'original' | 'correction' | 'correction_en' | 'page'>
declare const data: CorrectionItem[]
export { data }

export default defineLoader({
  watch: ['../data/corrections/*.yaml'],
  load(): CorrectionItem[] {
    return readCorrections(CORRECTIONS_DIR).map(({ source, original, correction, correction_en, page }) => ({
      source,
      original,
      correction,
      ...(correction_en ? { correction_en } : {}),
      page,
    }))
  },
})
