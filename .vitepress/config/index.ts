/** Assembles the site config: shared settings + one config per locale (see VitePress's own docs). */
import { defineConfig } from 'vitepress'
import { shared, SRC_DIR } from './shared'
import { zh } from './zh'
import { en } from './en'
import { releaseNavs } from './sidebar'

const root = zh(SRC_DIR)
const english = en(SRC_DIR)
// a frozen release's pages belong to the root locale (their paths start with /v/): its own nav,
// moved into the release, rides along in the root theme config (Layout.vue picks it; lean: ≈ 1 KB each)
root.themeConfig = { ...root.themeConfig, releaseNav: releaseNavs(SRC_DIR, root.themeConfig?.nav ?? [], english.themeConfig?.nav ?? []) } as typeof root.themeConfig

export default defineConfig({
  ...shared,
  locales: {
    root,
    en: english,
  },
})
