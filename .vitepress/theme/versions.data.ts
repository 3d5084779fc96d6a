/**
 * VitePress data loader: which routes each release has, for the version switcher, the old-version
 * banner and the embed action ("the same page in the other version"). Runs in Node at build time;
 * the theme gets plain JSON (a few KB). See core/versions.ts.
 */
import { defineLoader } from 'vitepress'
import { versionsClientData, type VersionsClientData } from '../../core/versions'

declare const data: VersionsClientData
export { data }

export default defineLoader({
  watch: ['../../versions.json', '../../docs/**/*.md'],
  load(): VersionsClientData {
    return versionsClientData()
  },
})
