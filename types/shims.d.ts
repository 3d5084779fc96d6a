/** Modules without type definitions. */
declare module 'markdown-it-mermaid' {
  const plugin: unknown
  export default plugin
}

/** The real MiniSearch, under the name core/search/client.ts imports it by (see .vitepress/config/shared.ts). */
declare module 'minisearch-upstream' {
  export * from 'minisearch'
  export { default } from 'minisearch'
}

/** Synonym groups and glossary names for the search box (.vitepress/config/search.ts). */
declare module 'virtual:search-lexicon' {
  const lexicon: import('../core/search/lexicon').Lexicon
  export default lexicon
}

/** escape-html 1.0.3 (core/html.ts): CommonJS, `module.exports = escapeHtml`. */
declare module 'escape-html' {
  export default function escapeHtml(s: string): string
}

/** A VitePress default-theme component by name, e.g. 'vitepress-theme-component/VPSidebarGroup' (alias in .vitepress/config/shared.ts). */
declare module 'vitepress-theme-component/*' {
  const component: import('vue').Component
  export default component
}
