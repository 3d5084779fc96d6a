/** VitePress's VPDocFooter, hydrated when the reader can reach it (../lazy-hydration.ts): the doc footer (edit link, last updated, previous / next page): below the fold. */
import Real from 'vitepress-theme-component/VPDocFooter'
import { hydrateLater } from '../lazy-hydration'

export default hydrateLater(Real, 'VPDocFooter')
