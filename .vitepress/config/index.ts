/** Assembles the site config: shared settings + one config per locale (see VitePress's own docs). */
import { defineConfig } from 'vitepress'
import { shared, SRC_DIR } from './shared'
import { zh } from './zh'
import { en } from './en'

export default defineConfig({
  ...shared,
  locales: {
    root: zh(SRC_DIR),
    en: en(SRC_DIR),
  },
})
