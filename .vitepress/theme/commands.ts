/**
 * Registers the command-reference components. The finder's filter function and index types live in
 * docs/data/commands/finder.ts (imported only by the finder's own chunk, not by every page).
 */
import { defineAsyncComponent, defineComponent, h, type App } from 'vue'
import { useData } from 'vitepress'

export type { FinderEntry, FinderGroup, FinderIndex, FinderHit } from '../../docs/data/commands/finder'

/**
 * Both components load as their own chunks, only on pages that use them: pages without a finder
 * download neither the command index nor the filter. (VitePress puts all CSS in one stylesheet,
 * so the styles are there from the first paint either way.)
 */
export function registerCommands(app: App): void {
  app.component('CommandCopy', defineAsyncComponent(() => import('./components/CommandCopy.vue')))
  // one chunk per language: a Chinese reader does not download the English task words, and
  // the other way round (the index is most of the finder's weight)
  const zh = defineAsyncComponent(() => import('./components/CommandFinderZh.vue'))
  const en = defineAsyncComponent(() => import('./components/CommandFinderEn.vue'))
  app.component('CommandFinder', defineComponent({
    name: 'CommandFinderByLanguage',
    inheritAttrs: false,
    setup(_, { attrs }) {
      const { localeIndex } = useData()
      return () => h(localeIndex.value === 'en' ? en : zh, attrs)
    },
  }))
}
