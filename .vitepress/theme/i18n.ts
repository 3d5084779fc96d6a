/**
 * UI strings of our own theme components (issue #17): useUi() gives a component the string table
 * of its page's language (tables: ./i18n-text.ts). VitePress's default theme gets its labels from
 * the locale configs (.vitepress/config/zh.ts, en.ts).
 */
import { computed, type ComputedRef } from 'vue'
import { useData } from 'vitepress'
import { UI, langOfPath, type Lang } from './i18n-text'

export { UI, langOfPath, langOfDocument, type Lang } from './i18n-text'

/** The current page's language and its string table, reactive (changes when the route does). */
export function useUi(): { lang: ComputedRef<Lang>; ui: ComputedRef<(typeof UI)['zh']> } {
  const { page } = useData()
  const lang = computed(() => langOfPath(page.value.relativePath))
  return { lang, ui: computed(() => UI[lang.value]) }
}
