/**
 * Renders the runnable-snippet convention (core/snippet-syntax.ts): strips our words from
 * the fence info so shiki sees only the language, and labels each block — file name for `file=`,
 * "not run: reason" for `norun`, and the verification badge for `run` snippets (from the last
 * snippet report, docs/.snippet-status.json, read through core/snippet-status.ts; a broken file
 * fails the build with its name). In `console` blocks an in-line wildcard with an example value,
 * `[...=value]`, is shown as the value (as core renderExamples does), marked as an example value
 * (`.snippet-example`, with a legend in the label bar); a bare `[...]` stays as written. English pages (docs/en/…, core/translation.ts) get English labels;
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
const LABEL: Record<Lang, { verified: string; standins: string; failed: string; pending: string; norun: string; from: string; example: string; exampleHint: string }> = {
  zh: { verified: '已验证', standins: '离线替身镜像', failed: '最近一次验证失败', pending: '可运行 · 由 CI 在真实 Docker 引擎上执行', norun: '未自动验证', from: '与中文原文的命令相同，结果来自原文页面的运行', example: '示例值', exampleHint: '示例值，每次运行不同' },
  en: { verified: 'Verified', standins: 'offline stand-in images', failed: 'Last verification failed', pending: 'Runnable · run by CI on a real Docker Engine', norun: 'Not verified automatically', from: 'Same commands as the Chinese page; verified in its run', example: 'example value', exampleHint: 'example value, differs per run' },
}

/**
 * The verified badge: the state, then engine, Compose, image stores, date and image mode, each
 * part in a `.nw` span that never breaks inside (a version or the date split across lines; outside
 * tester). Parts other than the state and the date are `.sb-more`: styles.css hides them visually on
 * phones (screen readers still read them) and shows them while the badge has focus (tap or Tab),
 * so the badge is one short line there instead of three. Input: the escaped parts; output: HTML.
 */
export function verifiedBadge(parts: { state: string; more: string[]; date?: string; tail: string[] }, attrs = ''): string {
  const part = (cls: string, text: string) => `<span class="${cls}"> · <span class="nw">${text}</span></span>`
  return `<span class="snippet-badge" tabindex="0"${attrs}><span class="nw">${parts.state}</span>${parts.more.map((t) => part('sb-more', t)).join('')}${parts.date ? part('sb-date', parts.date) : ''}${parts.tail.map((t) => part('sb-more', t)).join('')}</span>`
}

/** Private-use characters around an example value until the highlighter is done (never in pages). */
const EX_OPEN = '\uE000'
const EX_CLOSE = '\uE001'

/** Console text as readers see it (renderExamples), each example value's text between EX_OPEN and EX_CLOSE. */
function markExamples(text: string): string {
  // padding that keeps columns aligned (`NAMES[...=       ]IMAGE`) is no value: only the text is marked
  return renderExamples(text, (value) => {
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(value)!
    return core ? lead + EX_OPEN + core + EX_CLOSE + trail : value
  })
}

/**
 * The highlighted HTML with each marked example value in `<span class="snippet-example">` (a
 * value the highlighter split over several tokens gets one span per piece, so tags stay nested).
 * The spans add no text: copy buttons and the Markdown export see the value alone.
 */
export function exampleSpans(html: string, title: string): string {
  if (!html.includes(EX_OPEN)) return html
  let inside = false
  const open = `<span class="snippet-example" title="${escapeHtml(title)}">`
  return html
    .split(/(<[^>]*>)/)
    .map((piece) => {
      if (piece.startsWith('<')) return piece
      let out = ''
      for (const [k, text] of piece.split(/([\uE000\uE001])/).entries()) {
        if (k % 2) inside = text === EX_OPEN
        else if (text) out += inside ? open + text + '</span>' : text
      }
      return out
    })
    .join('')
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
      token.content = markExamples(token.content)
    }
    const marked = fence(tokens, idx, options, env, self)
    const html = exampleSpans(marked, L.exampleHint)
    // what the marker means, once per block, outside the code (copy buttons take only the code)
    const legend = html === marked ? '' : `<span class="snippet-legend"><span class="snippet-example">${L.example}</span>${lang === 'zh' ? '：每次运行不同' : ': differs per run'}</span>`
    let bar = ''
    if (meta.kind === 'file') {
      bar = `<div class="snippet-bar snippet-bar--file"><span class="snippet-file">${escapeHtml(meta.file!)}</span></div>`
    } else if (meta.kind === 'norun') {
      bar = `<div class="snippet-bar snippet-bar--norun"><span class="snippet-badge">${L.norun}</span><span class="snippet-reason">${escapeHtml(meta.reason!)}</span></div>`
    } else if (meta.kind === 'run') {
      // looked up by content id: an edited snippet shows no stale result
      const entry = status.pages?.[file]?.[key]
      const result = entry?.status
      // a translation verified through its source's run says so on hover
      const from = entry?.from ? ` title="${escapeHtml(L.from)}" data-snippet-from="${escapeHtml(entry.from)}"` : ''
      const badge =
        result === 'passed'
          ? verifiedBadge({
              state: L.verified,
              more: [`Docker Engine ${escapeHtml(status.engine ?? '?')}`, status.compose ? `Compose ${escapeHtml(status.compose)}` : '', escapeHtml(storesLabel(entry?.stores, lang))].filter(Boolean),
              date: status.date ? escapeHtml(status.date) : undefined,
              tail: status.mode === 'standins' ? [L.standins] : [],
            }, from)
          : `<span class="snippet-badge"${from}>${result === 'failed' ? L.failed : L.pending}</span>`
      bar = `<div class="snippet-bar snippet-bar--run${result ? ` is-${escapeHtml(result)}` : ''}">${badge}${legend}</div>`
    }
    if (legend && meta.kind !== 'run') bar = bar ? bar.replace(/<\/div>$/, `${legend}</div>`) : `<div class="snippet-bar">${legend}</div>`
    // Inside `::: code-group` VitePress's tab script (vitepress/dist/client/app/composables/codeGroups.js)
    // looks for the child of `.blocks` that has `active` and moves the class to `blocks.children[i]`;
    // our wrapper is that child, so the class goes on the wrapper, or clicking a tab changes nothing
    // and every tab's label bar shows at once (styles.css shows the code of the active wrapper).
    const first = /^<div class="(language-[^"]*?) active"/.exec(html)
    const inner = first ? `<div class="${first[1]}"` + html.slice(first[0].length) : html
    return `<div class="snippet snippet--${meta.kind}${first ? ' active' : ''}" data-snippet-line="${line}" data-snippet-id="${escapeHtml(key)}">${bar}${inner}</div>`
  }
}
