/**
 * VitePress data loader: the compact English command index bundled with <CommandFinder> on /en/ pages
 * (English summaries and task words, /en/ links; commands.data.ts: the Chinese one).
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
    return finderIndex(loadCommands(), 'en')
  },
})
