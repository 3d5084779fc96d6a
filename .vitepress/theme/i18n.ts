/**
 * UI strings of our own theme components (issue #17): useUi() gives a component the string table
 * of its page's language (tables: ./i18n-text.ts, and ./i18n-text-more.ts for components loaded on
 * demand). VitePress's default theme gets its labels from the locale configs (.vitepress/config/zh.ts, en.ts).
 */
import { computed, type ComputedRef } from 'vue'
import { useData } from 'vitepress'
import { UI, langOfPath, type Lang } from './i18n-text'

export { UI, langOfPath, langOfDocument, type Lang } from './i18n-text'

/**
 * The current page's language and its string table, reactive (changes when the route does).
 * `table`: UI (default, the strings every page's components use) or UI_ALL from ./i18n-text-more.ts
 * (a component loaded on demand that also needs those strings).
 */
export function useUi<T = (typeof UI)['zh']>(table: Record<Lang, T> = UI as Record<Lang, T>): { lang: ComputedRef<Lang>; ui: ComputedRef<T> } {
  const { page } = useData()
  const lang = computed(() => langOfPath(page.value.relativePath))
  return { lang, ui: computed(() => table[lang.value]) }
}
