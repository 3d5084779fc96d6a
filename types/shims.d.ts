/** Modules without type definitions. */
declare module 'markdown-it-mermaid' {
  const plugin: unknown
  export default plugin
}
