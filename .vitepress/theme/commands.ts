/** Registers the command-reference components. (stub, owned by the command-reference work) */
import type { App } from 'vue'
export function registerCommands(_app: App): void {}
