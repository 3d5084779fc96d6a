/**
 * Renders the runnable-snippet convention (scripts/lib/snippet-syntax.ts): strips our words from
 * the fence info so shiki sees only the language, and labels each block — file name for `file=`,
 * "not run: reason" for `norun`, and the verification badge for `run` snippets (from the last
 * snippet report, docs/.snippet-status.json, read through core/snippet-status.ts; a broken file
 * fails the build with its name).
 */
import type MarkdownIt from 'markdown-it'
import { pageFile, sourceLine } from './source-line'
import { parseFenceInfo } from '../../scripts/lib/snippet-syntax'
import { fenceHash } from '../../scripts/lib/fence-id'
import { readStatus } from '../../core/snippet-status'

const STORE_LABEL: Record<string, string> = { containerd: 'containerd 镜像存储', overlay2: 'overlay2 存储驱动' }

/** "containerd 与 overlay2 两种镜像存储" / "仅 containerd 镜像存储" */
export function storesLabel(stores: string[] | undefined): string {
  if (!stores?.length) return ''
  if (stores.length > 1) return `${stores.join(' 与 ')} 两种镜像存储`
  return `仅 ${STORE_LABEL[stores[0]] ?? stores[0]}`
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function snippetFencePlugin(md: MarkdownIt): void {
  const status = readStatus()
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const file = pageFile(env)
    const line = sourceLine(token, env)
    // the fence's content id, numbered like scripts/snippets/extract.ts numbers repeats
    const seen: Map<string, number> = (env.__dkbFenceIds ??= new Map())
    const hash = fenceHash(token.info, token.content)
    const n = (seen.get(hash) ?? 0) + 1
    seen.set(hash, n)
    const key = n === 1 ? hash : `${hash}-${n}`
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
      // looked up by content id: an edited snippet shows no stale result
      const entry = status.pages?.[file]?.[key]
      const result = entry?.status
      const label =
        result === 'passed'
          ? [
              '已验证',
              `Docker Engine ${esc(status.engine ?? '?')}`,
              status.compose ? `Compose ${esc(status.compose)}` : '',
              esc(storesLabel(entry?.stores)),
              esc(status.date ?? ''),
              status.mode === 'standins' ? '离线替身镜像' : '',
            ].filter(Boolean).join(' · ')
          : result === 'failed'
            ? '最近一次验证失败'
            : '可运行 · 由 CI 在真实 Docker 引擎上执行'
      bar = `<div class="snippet-bar snippet-bar--run${result ? ` is-${esc(result)}` : ''}"><span class="snippet-badge">${label}</span></div>`
    }
    return `<div class="snippet snippet--${meta.kind}" data-snippet-line="${line}" data-snippet-id="${esc(key)}">${bar}${html}</div>`
  }
}
