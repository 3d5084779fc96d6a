/**
 * Renders the runnable-snippet convention (core/snippet-syntax.ts): strips our words from
 * the fence info so shiki sees only the language, and labels each block — file name for `file=`,
 * "not run: reason" for `norun`, and the verification badge for `run` snippets (from the last
 * snippet report, docs/.snippet-status.json, read through core/snippet-status.ts; a broken file
 * fails the build with its name). In `console` blocks an in-line wildcard with an example value,
 * `[...=value]`, is shown as the value (renderExamples); a bare `[...]` stays as written. English pages (docs/en/…, core/translation.ts) get English labels;
 * their results are recorded under their own path (a translation with the same snippets as its
 * source carries the source's results, marked `from`), so the lookup is the same for both languages.
 */
import type MarkdownIt from 'markdown-it'
import { pageFile, sourceLine } from '../../core/source-line'
import { checkWildcards, parseFenceInfo, renderExamples } from '../../core/snippet-syntax'
import { fenceHash } from '../../core/fence-id'
import { readStatus, STATUS_FILE } from '../../core/snippet-status'
import { sourceOfTranslation } from '../../core/translation'
import { escapeHtml } from '../../core/html'

type Lang = 'zh' | 'en'

const STORE_LABEL: Record<Lang, Record<string, string>> = {
  zh: { containerd: 'containerd 镜像存储', overlay2: 'overlay2 存储驱动' },
  en: { containerd: 'containerd image store', overlay2: 'overlay2 storage driver' },
}

/** Badge words per page language (Docker's terms: image store, storage driver). */
const LABEL: Record<Lang, { verified: string; standins: string; failed: string; pending: string; norun: string; from: string }> = {
  zh: { verified: '已验证', standins: '离线替身镜像', failed: '最近一次验证失败', pending: '可运行 · 由 CI 在真实 Docker 引擎上执行', norun: '未自动验证', from: '与中文原文的命令相同，结果来自原文页面的运行' },
  en: { verified: 'Verified', standins: 'offline stand-in images', failed: 'Last verification failed', pending: 'Runnable · run by CI on a real Docker Engine', norun: 'Not verified automatically', from: 'Same commands as the Chinese page; verified in its run' },
}

/** "containerd 与 overlay2 两种镜像存储" / "仅 containerd 镜像存储"; English: "containerd and overlay2 image stores" / "containerd image store only" */
export function storesLabel(stores: string[] | undefined, lang: Lang = 'zh'): string {
  if (!stores?.length) return ''
  if (lang === 'en') return stores.length > 1 ? `${stores.join(' and ')} image stores` : `${STORE_LABEL.en[stores[0]] ?? stores[0]} only`
  if (stores.length > 1) return `${stores.join(' 与 ')} 两种镜像存储`
  return `仅 ${STORE_LABEL.zh[stores[0]] ?? stores[0]}`
}

/** @param opts.statusFile the status file to read (default: the site's, docs/.snippet-status.json) */
export function snippetFencePlugin(md: MarkdownIt, opts: { statusFile?: string } = {}): void {
  const status = readStatus(opts.statusFile ?? STATUS_FILE)
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
    const lang: Lang = sourceOfTranslation(file) ? 'en' : 'zh'
    const L = LABEL[lang]
    if (meta.kind === 'plain' && !meta.passthrough) return fence(tokens, idx, options, env, self)
    token.info = [meta.lang, meta.passthrough].filter(Boolean).join(' ')
    if (meta.lang === 'console') {
      // readers see the example value of `[...=value]`; the id above was taken from the source
      checkWildcards(token.content, { file, line })
      token.content = renderExamples(token.content)
    }
    const html = fence(tokens, idx, options, env, self)
    let bar = ''
    if (meta.kind === 'file') {
      bar = `<div class="snippet-bar snippet-bar--file"><span class="snippet-file">${escapeHtml(meta.file!)}</span></div>`
    } else if (meta.kind === 'norun') {
      bar = `<div class="snippet-bar snippet-bar--norun"><span class="snippet-badge">${L.norun}</span><span class="snippet-reason">${escapeHtml(meta.reason!)}</span></div>`
    } else if (meta.kind === 'run') {
      // looked up by content id: an edited snippet shows no stale result
      const entry = status.pages?.[file]?.[key]
      const result = entry?.status
      const label =
        result === 'passed'
          ? [
              L.verified,
              `Docker Engine ${escapeHtml(status.engine ?? '?')}`,
              status.compose ? `Compose ${escapeHtml(status.compose)}` : '',
              escapeHtml(storesLabel(entry?.stores, lang)),
              escapeHtml(status.date ?? ''),
              status.mode === 'standins' ? L.standins : '',
            ].filter(Boolean).join(' · ')
          : result === 'failed'
            ? L.failed
            : L.pending
      // a translation verified through its source's run says so on hover
      const from = entry?.from ? ` title="${escapeHtml(L.from)}" data-snippet-from="${escapeHtml(entry.from)}"` : ''
      bar = `<div class="snippet-bar snippet-bar--run${result ? ` is-${escapeHtml(result)}` : ''}"><span class="snippet-badge"${from}>${label}</span></div>`
    }
    // Inside `::: code-group` VitePress's tab script (vitepress/dist/client/app/composables/codeGroups.js)
    // looks for the child of `.blocks` that has `active` and moves the class to `blocks.children[i]`;
    // our wrapper is that child, so the class goes on the wrapper, or clicking a tab changes nothing
    // and every tab's label bar shows at once (styles.css shows the code of the active wrapper).
    const first = /^<div class="(language-[^"]*?) active"/.exec(html)
    const inner = first ? `<div class="${first[1]}"` + html.slice(first[0].length) : html
    return `<div class="snippet snippet--${meta.kind}${first ? ' active' : ''}" data-snippet-line="${line}" data-snippet-id="${escapeHtml(key)}">${bar}${inner}</div>`
  }
}
