/** Command reference: data loading, markdown helpers and the JSON export. (stub, owned by the command-reference work) */
import type MarkdownIt from 'markdown-it'
export function commandsPlugin(_md: MarkdownIt): void {}
export function commandsJson(): unknown {
  return { commands: [] }
}
