/**
 * Find the code fences of a Markdown page, in order, with 1-based line numbers and the parsed
 * snippet meta (core/snippet-syntax.ts).
 *
 * markdown-it decides what is a fence, so fences inside HTML comments, inside 4-backtick `md`
 * examples or indented code are not snippets — exactly what the site renders. A fence that is
 * never closed (markdown-it silently runs it to the end of the document or container) is an
 * error that points at its opening line.
 */
import { expandCommandMarkersWithMap } from '../../core/commands'
import fs from 'node:fs'
import MarkdownIt from 'markdown-it'
import { fenceHash } from '../../core/fence-id'
import { checkWildcards, parseFenceInfo, SnippetSyntaxError, type FenceMeta } from '../../core/snippet-syntax'

export interface Fence {
  /** the page, as given (usually repo-relative, e.g. docs/guide/x.md) */
  file: string
  /** 1-based line of the opening fence */
  line: number
  /** 0-based position among all fences of the page */
  index: number
  /** the raw info string after the backticks */
  info: string
  /** the fence body, as markdown-it sees it (container indentation removed), ending in \n */
  content: string
  meta: FenceMeta
  /** stable id: page + '#' + fenceHash(info, content) (+ '-2', '-3' for repeats); results are keyed by it */
  id: string
  /**
   * where the fence is written, when that is not the page: a command example generated from
   * docs/data/commands/<group>.yaml is reported at its YAML file and line (`line` above counts in
   * the expanded page, which exists in no file)
   */
  source?: { file: string; line: number }
}

/** `file:line` of where a fence is written (its YAML source for generated command examples). */
export const fenceWhere = (f: Pick<Fence, 'file' | 'line' | 'source'>) => (f.source ? `${f.source.file}:${f.source.line} (in ${f.file})` : `${f.file}:${f.line}`)

const md = new MarkdownIt({ html: true })

/** Replace a leading YAML frontmatter block by empty lines (keeps line numbers). */
function blankFrontmatter(src: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(src)
  if (!m) return src
  return m[0].replace(/[^\n]/g, '') + src.slice(m[0].length)
}

/** Is `line` a closing fence for an opening `markup` (``` or ~~~, length n)? */
function isClosingFence(line: string, markup: string): boolean {
  // strip container prefixes: blockquote markers and indentation
  const s = line.replace(/^(?:\s{0,3}>)*\s*/, '')
  const ch = markup[0]
  let n = 0
  while (n < s.length && s[n] === ch) n++
  return n >= markup.length && !s.slice(n).trim()
}

export function extractFencesFromString(src: string, file: string): Fence[] {
  const text = blankFrontmatter(src.replace(/\r\n/g, '\n'))
  const lines = text.split('\n')
  const tokens = md.parse(text, {})
  const fences: Fence[] = []
  for (const t of tokens) {
    if (t.type !== 'fence' || !t.map) continue
    const line = t.map[0] + 1
    const last = lines[t.map[1] - 1] ?? ''
    if (t.map[1] - t.map[0] < 2 || !isClosingFence(last, t.markup)) {
      throw new SnippetSyntaxError(file, line, `code fence ${t.markup}${t.info.trim() ? ' ' + t.info.trim() : ''} is never closed`)
    }
    const meta = parseFenceInfo(t.info, { file, line })
    if (meta.lang === 'console') checkWildcards(t.content, { file, line })
    const hash = fenceHash(t.info, t.content)
    let id = `${file}#${hash}`
    for (let k = 2; fences.some((f) => f.id === id); k++) id = `${file}#${hash}-${k}`
    fences.push({ file, line, index: fences.length, info: t.info, content: t.content, meta, id })
  }
  return fences
}

export function extractFences(file: string, displayName = file): Fence[] {
  // command-reference pages hold `<!-- commands:group -->` markers that the site expands from
  // docs/data/commands/*.yaml; expand them the same way so their examples run too (line numbers
  // then count in the expanded page, as in the rendered site's badges)
  const source = fs.readFileSync(file, 'utf8')
  if (!source.includes('commands:')) return extractFencesFromString(source, displayName)
  const expanded = expandCommandMarkersWithMap(source, displayName)
  const at = (line: number) => {
    const o = expanded.origin(line)
    return o.file === displayName ? undefined : o
  }
  try {
    return extractFencesFromString(expanded.text, displayName).map((f) => {
      const o = at(f.line)
      // the YAML `code:` key is the fence's origin; its code starts on the next line
      return o ? { ...f, source: o } : f
    })
  } catch (e) {
    const o = e instanceof SnippetSyntaxError ? at(e.line) : undefined
    if (o) throw new SnippetSyntaxError(o.file, o.line, `${(e as SnippetSyntaxError).detail} (generated into ${displayName})`)
    throw e
  }
}
