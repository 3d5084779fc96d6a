/** Build-time data for <CorrectionsList />: every correction to the source articles. */
import { readCorrections, CORRECTIONS_DIR } from '../../scripts/lib/corrections'

export default {
  watch: [`../data/corrections/*.yaml`],
  load() {
    return readCorrections(CORRECTIONS_DIR).map(({ source, original, correction, page }) => ({ source, original, correction, page }))
  },
}
