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
import type Renderer from 'markdown-it/lib/renderer.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { pageFile, sourceLine } from '../../core/source-line'
import { checkWildcards, parseFenceInfo, renderExamples } from '../../core/snippet-syntax'
import { fenceHash } from '../../core/fence-id'
import { readStatus, STATUS_FILE } from '../../core/snippet-status'
import { sourceOfTranslation } from '../../core/translation'
import { escapeHtml } from '../../core/html'
import { frozenReasonPrefix, splitVersion } from '../../core/version-paths'
import { UI } from '../theme/i18n-text'

type Lang = 'zh' | 'en'

/**
 * Badge words per page language (Docker's terms: image store, storage driver): the badge's string
 * table, used at build time only (the badges are static HTML; nothing here ships to the browser).
 * `expectedError`: a `run exit=N` snippet (N > 0) that ended with that exit code as the page says —
 * verified, but what it shows is an error, so it must not look like a success (outside tester):
 * a chip before the badge, and the badge without its check mark (styles.css).
 * `standinsHint`: what "offline stand-in images" means, on hover; the words link to the status page.
 * `compose`, `stores`, `date`, `images`: the details panel's facts, each named (outside tester: "Compose
 * 2.40.3 / containerd/overlay2 / 2026-11-30 / 离线替身镜像" did not say what each one is).
 * English words follow the English term table (docs/en/contribute/writing.md): labels start with a
 * capital, like "Verified", and say what the zh label says.
 * The phone badge's "⋯" is named from the theme's string table (UI.showDetails / UI.hideDetails,
 * ../theme/i18n-text.ts), which the browser code that opens the details uses too (../theme/badge-toggle.ts).
 */
const LABEL: Record<Lang, { verified: string; expectedError: (exit: number) => string; compose: (v: string) => string; stores: (stores: string[]) => string; date: (d: string) => string; images: string; standins: string; standinsHint: string; standinsPage: string; failed: string; pending: string; norun: string; frozen: string; from: string; exampleHint: string; legend: string }> = {
  zh: {
    verified: '已验证',
    expectedError: (exit) => `预期报错 · 退出码 ${exit}`,
    compose: (v) => `Docker Compose ${v}`,
    stores: (stores) => `镜像存储：${stores.length > 1 ? stores.join('、') : `仅 ${stores[0]}`}`,
    date: (d) => `验证日期：${d}`,
    images: '镜像来源：',
    standins: '离线替身镜像',
    standinsHint: '验证环境不能访问 Docker Hub，页面上的镜像由本地构建的替身提供；点击查看说明',
    standinsPage: '/about/snippet-status#standins',
    failed: '最近一次验证失败',
    pending: '可运行 · 由 CI 在真实 Docker 引擎上执行',
    norun: '未自动验证',
    frozen: '已冻结',
    from: '与中文原文的命令相同，结果来自原文页面的运行',
    exampleHint: '示例值，每次运行不同',
    legend: '虚线下划线标出的是示例值，每次运行不同',
  },
  en: {
    verified: 'Verified',
    expectedError: (exit) => `Expected error · exit code ${exit}`,
    compose: (v) => `Docker Compose ${v}`,
    stores: (stores) => (stores.length > 1 ? `Image stores: ${stores.join(', ')}` : `Image store: ${stores[0]} only`),
    date: (d) => `Verification date: ${d}`,
    images: 'Images: ',
    standins: 'offline stand-in images',
    standinsHint: 'Offline stand-in images: the verification environment cannot reach Docker Hub, so the images are built locally. Click for details',
    standinsPage: '/en/about/snippet-status#standins',
    failed: 'Last verification failed',
    pending: 'Runnable · run by CI on a real Docker Engine',
    norun: 'Not verified automatically',
    frozen: 'Frozen',
    from: 'Same commands as the Chinese page; verified in its run',
    exampleHint: 'example value, differs per run',
    legend: 'dotted underline: example value, differs per run',
  },
}

/**
 * The verified badge: "已验证 · Docker Engine 28.5.2", then the details — Compose, image stores,
 * date, image source, each named (LABEL) — in one `.sb-more` span (id `detailsId`) that styles.css shows as a small panel
 * under the badge: on hover on wide screens with a pointer, and while the "⋯" button (`.sb-toggle`,
 * aria-expanded/aria-controls, ../theme/badge-toggle.ts) has it open, which phones and touch
 * screens display. Until then the details are visually hidden, still read by screen readers, and
 * shown while focus is on a link inside them. Outside testers: the full badge took two lines at
 * 1280 px next to an expected error's chip, and "离线替身镜像" on every badge made readers doubt the
 * examples (the fact stays one hover, tap or Tab away, linked to its explanation); on wide screens
 * the badge is no Tab stop (32 badge stops on /cli/container, three per code block).
 * Each fact is one `<span class="sb-part">…</span>` (styles.css: never broken inside, so a version
 * or the date stays whole). The panel shows one fact per line, so its facts have no separator in
 * the markup: on paper, where they follow the badge on its line, styles.css puts " · " before each
 * (`::before`); screen readers get each fact as its own line, as the panel shows it. The separator
 * of the always-visible line is bare text ("已验证 · Docker Engine …"). Lean markup on purpose: a
 * page repeats the badge on every verified block (34 on /cli/container); it was 20 elements per
 * block (a part was three spans: part, separator, no-wrap), then 14 with a separator span before
 * each fact, now 10 (decisions.md, 「页面体积」; issue #14).
 * Input: the escaped parts (`tail` may hold HTML, the stand-in link), extra attributes, the
 * details' id and the toggle's escaped name; output: HTML.
 */
export function verifiedBadge(parts: { state: string; more: string[]; date?: string; tail: string[] }, attrs = '', opts: { toggle?: string; detailsId?: string } = {}): string {
  const part = (cls: string, text: string) => `<span class="sb-part ${cls}">${text}</span>`
  const [main, ...rest] = parts.more
  const details = [...rest.map((t) => part('sb-fact', t)), parts.date ? part('sb-date', parts.date) : '', ...parts.tail.map((t) => part('sb-fact', t))].join('')
  const id = opts.detailsId ? ` id="${opts.detailsId}"` : ''
  const toggle = opts.toggle && details ? `<button type="button" class="sb-toggle" aria-expanded="false"${opts.detailsId ? ` aria-controls="${opts.detailsId}"` : ''} aria-label="${opts.toggle}"></button>` : ''
  // the "⋯" comes before the panel it opens: on phones the open panel is a block under the badge's
  // line (styles.css), and the button stays on that line, after "Docker Engine …"
  return `<span class="snippet-badge"${attrs}><span class="sb-part sb-state">${parts.state}</span>${main ? ` · <span class="sb-part sb-main">${main}</span>` : ''}${toggle}${details ? `<span class="sb-more"${id}>${details}</span>` : ''}</span>`
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

/**
 * "离线替身镜像" as a link to the status page's section that explains it, with the meaning on hover.
 * Built as a link token rendered by the markdown-it link rule (VitePress's: site base, .html, dead-link
 * check), like glossary links. Only the page's first one is a Tab stop: every verified block of a
 * page has one (37 on /cli/container), and one way there per page is enough for keyboard users;
 * the others are reached by pointer or tap (tabindex="-1" still takes focus on a tap, which keeps
 * the phone badge open, styles.css).
 */
function standinsLink(L: (typeof LABEL)[Lang], token: Token, options: MarkdownIt['options'], env: any, self: Renderer): string {
  const open = new (token.constructor as typeof Token)('link_open', 'a', 1)
  open.attrs = [['class', 'sb-standins'], ['href', L.standinsPage], ['title', L.standinsHint]]
  if (env && typeof env === 'object') {
    if (env.__kbStandinsLinked) open.attrs.push(['tabindex', '-1'])
    env.__kbStandinsLinked = true
  }
  const linkOpen = self.rules.link_open ?? ((ts: Token[], i: number, o: MarkdownIt['options']) => self.renderToken(ts, i, o))
  return `${linkOpen([open], 0, options, env, self)}${escapeHtml(L.standins)}</a>`
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
    // written out, not a dotted sample: a tap on a dotted word shows no tooltip (outside tester)
    const legend = html === marked ? '' : `<span class="snippet-legend">${L.legend}</span>`
    let bar = ''
    if (meta.kind === 'file') {
      bar = `<div class="snippet-bar snippet-bar--file"><span class="snippet-file">${escapeHtml(meta.file!)}</span></div>`
    } else if (meta.kind === 'norun') {
      // a snippet a release cut froze says so, not "未自动验证" next to its "验证通过" (frozenReasonPrefix)
      const release = splitVersion(file.replace(/^docs\//, '')).version
      const frozen = release !== null && (['zh', 'en'] as const).some((l) => meta.reason!.startsWith(frozenReasonPrefix(release, l)))
      bar = `<div class="snippet-bar snippet-bar--norun"><span class="snippet-badge">${frozen ? L.frozen : L.norun}</span><span class="snippet-reason">${escapeHtml(meta.reason!)}</span></div>`
    } else if (meta.kind === 'run') {
      // looked up by content id: an edited snippet shows no stale result
      const entry = status.pages?.[file]?.[key]
      const result = entry?.status
      // a translation verified through its source's run says so on hover
      const from = entry?.from ? ` title="${escapeHtml(L.from)}" data-snippet-from="${escapeHtml(entry.from)}"` : ''
      // a snippet that must end with a non-zero exit code shows an error: verified, but no success.
      // Its label is a chip of its own before the badge, so the badge stays one line at 1280 px.
      const expect = result === 'passed' && meta.exit ? `<span class="snippet-expect">${escapeHtml(L.expectedError(meta.exit))}</span>` : ''
      const badge =
        result === 'passed'
          ? verifiedBadge({
              state: L.verified,
              more: [`Docker Engine ${escapeHtml(status.engine ?? '?')}`, status.compose ? escapeHtml(L.compose(status.compose)) : '', entry?.stores?.length ? escapeHtml(L.stores(entry.stores)) : ''].filter(Boolean),
              date: status.date ? escapeHtml(L.date(status.date)) : undefined,
              tail: status.mode === 'standins' ? [escapeHtml(L.images) + standinsLink(L, tokens[idx], options, env, self)] : [],
            }, from, { toggle: escapeHtml(UI[lang].showDetails), detailsId: `sb-${escapeHtml(key)}` })
          : `<span class="snippet-badge"${from}>${result === 'failed' ? L.failed : L.pending}</span>`
      bar = `<div class="snippet-bar snippet-bar--run${result ? ` is-${escapeHtml(result)}` : ''}${expect ? ' is-expected-error' : ''}">${expect}${badge}${legend}</div>`
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
