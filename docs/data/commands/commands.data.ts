/**
 * VitePress data loader: the compact Chinese command index bundled with <CommandFinder> on Chinese pages
 * (commands-en.data.ts: the English one).
 * Runs in Node at build time (and again in dev when a YAML file changes); the component gets
 * plain JSON. See .vitepress/plugins/commands.ts (finderIndex) for what goes in.
 */
import { defineLoader } from 'vitepress'
import { loadCommands } from '../../../core/commands'
import { finderIndex } from '../../../.vitepress/plugins/commands'
import type { FinderIndex } from './finder'

declare const data: FinderIndex
export { data }

export default defineLoader({
  watch: ['./*.yaml'],
  load(): FinderIndex {
    return finderIndex(loadCommands(), 'zh')
  },
})
