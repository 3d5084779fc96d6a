/** Registers the glossary components. (stub, owned by the glossary work) */
import type { App } from 'vue'
export function registerGlossary(_app: App): void {}
