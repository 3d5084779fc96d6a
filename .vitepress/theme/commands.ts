/**
 * Registers the command-reference components. The finder's filter function and index types live in
 * docs/data/commands/finder.ts (imported only by the finder's own chunk, not by every page).
 */
import { defineAsyncComponent, type App } from 'vue'

export type { FinderEntry, FinderGroup, FinderIndex, FinderHit } from '../../docs/data/commands/finder'

/**
 * Both components load as their own chunks, only on pages that use them: pages without a finder
 * download neither the command index nor the filter. (VitePress puts all CSS in one stylesheet,
 * so the styles are there from the first paint either way.)
 */
export function registerCommands(app: App): void {
  app.component('CommandCopy', defineAsyncComponent(() => import('./components/CommandCopy.vue')))
  app.component(
    'CommandFinder',
    defineAsyncComponent(() => import('./components/CommandFinder.vue')),
  )
}
