/**
 * Renders the runnable-snippet convention (scripts/lib/snippet-syntax.ts): strips our words from
 * the fence info so shiki sees only the language, and labels each block — file name for `file=`,
 * "not run: reason" for `norun`, and the verification badge for `run` snippets (from the last
 * snippet report, docs/.snippet-status.json, when present).
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type MarkdownIt from 'markdown-it'
import { pageFile, sourceLine } from './source-line'
import { parseFenceInfo } from '../../scripts/lib/snippet-syntax'

export const STATUS_FILE = fileURLToPath(new URL('../../docs/.snippet-status.json', import.meta.url))

interface SnippetStatus {
  engine?: string
  date?: string
  mode?: string
  pages?: Record<string, Record<string, string>>
}

function readStatus(): SnippetStatus {
  try {
    return JSON.parse(fs.readFileSync(STATUS_FILE, 'utf8'))
  } catch {
    return {}
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function snippetFencePlugin(md: MarkdownIt): void {
  const status = readStatus()
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const file = pageFile(env)
    const line = sourceLine(token, env)
    const meta = parseFenceInfo(token.info, { file, line })
    if (meta.kind === 'plain' && !meta.passthrough) return fence(tokens, idx, options, env, self)
    token.info = [meta.lang, meta.passthrough].filter(Boolean).join(' ')
    const html = fence(tokens, idx, options, env, self)
    let bar = ''
    if (meta.kind === 'file') {
      bar = `<div class="snippet-bar snippet-bar--file"><span class="snippet-file">${esc(meta.file!)}</span></div>`
    } else if (meta.kind === 'norun') {
      bar = `<div class="snippet-bar snippet-bar--norun"><span class="snippet-badge">未自动验证</span><span class="snippet-reason">${esc(meta.reason!)}</span></div>`
    } else if (meta.kind === 'run') {
      const result = status.pages?.[file]?.[String(line)]
      const label =
        result === 'passed'
          ? `已验证 · Docker Engine ${esc(status.engine ?? '?')} · ${esc(status.date ?? '')}${status.mode === 'standins' ? ' · 离线替身镜像' : ''}`
          : result === 'failed'
            ? '最近一次验证失败'
            : '可运行 · 由 CI 在真实 Docker 引擎上执行'
      bar = `<div class="snippet-bar snippet-bar--run${result ? ` is-${esc(result)}` : ''}"><span class="snippet-badge">${label}</span></div>`
    }
    return `<div class="snippet snippet--${meta.kind}" data-snippet-line="${line}">${bar}${html}</div>`
  }
}
