/**
 * Line numbers for messages and badges, counted in the Markdown *file*. VitePress strips the
 * frontmatter before markdown-it parses a page, so token.map is relative to the body; the
 * snippet harness (which reads the file) and every error message must agree on the file's lines.
 */
import fs from 'node:fs'
import type Token from 'markdown-it/lib/token.mjs'

interface Env { path?: string; content?: string; relativePath?: string; __lineOffset?: number }

/** How many lines the frontmatter takes in the file (0 when markdown-it saw the whole file). */
export function lineOffset(env: Env | undefined): number {
  if (!env) return 0
  if (env.__lineOffset !== undefined) return env.__lineOffset
  let offset = 0
  if (typeof env.content === 'string' && env.path && fs.existsSync(env.path)) {
    offset = Math.max(0, fs.readFileSync(env.path, 'utf8').split('\n').length - env.content.split('\n').length)
  }
  env.__lineOffset = offset
  return offset
}

/** 1-based line in the file of a block token's first line. */
export function sourceLine(token: Pick<Token, 'map'>, env: Env | undefined): number {
  return (token.map?.[0] ?? 0) + 1 + lineOffset(env)
}

/** `docs/<relativePath>` as used in every message. */
export const pageFile = (env: Env | undefined) => (env?.relativePath ? `docs/${env.relativePath}` : 'unknown.md')
