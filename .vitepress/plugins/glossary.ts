/** Glossary: markdown-it rule for [[term]] references and the JSON export. (stub, owned by the glossary work) */
import type MarkdownIt from 'markdown-it'
export function glossaryPlugin(_md: MarkdownIt): void {}
export function glossaryJson(): unknown {
  return { terms: [] }
}
