/**
 * Glossary, the site's side: how `[[id]]` references render, and the JSON export. The syntax (parsing,
 * checking, the generated list, usage scan, frozen-release snapshots) is in core/glossary-refs.ts, the
 * term data (types, loading, validation) in core/glossary.ts.
 *
 * - `[[image]]` renders the term's Chinese name (English name on /en/ pages), `[[image|镜像文件]]` a
 *   custom text, both as a static `<a class="glossary-term" href="/glossary/#image" data-term="image">`
 *   (`/en/glossary/#image` on /en/ pages); the theme adds the popover (.vitepress/theme/glossary-links.ts)
 *   from the term's data file (popoverExports()). Inside headings and links the plain text is rendered instead (no nested links, clean
 *   outline); on the glossary page itself a plain `<a href="#image">` (its entries are right there). An unknown id fails the page with `docs/<page>.md:LINE: unknown glossary term "x" (did you
 *   mean "y"?)`. Code spans and fences are never expanded (inline rules do not run there).
 * - A line `[[glossary-list]]` expands, at Markdown level, into the whole glossary: one `###` heading
 *   per term with the permalink anchor `#<id>`, names, aliases, short and long text, related terms and
 *   the pages that use the term. Because this is real Markdown, the SSR HTML and VitePress's local
 *   search index (built from `md.render`) both contain every term.
 * - `glossaryJson()` is served at /api/glossary.json (see .vitepress/config/shared.ts).
 */
import type MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import type Renderer from 'markdown-it/lib/renderer.mjs'
import fs from 'node:fs'
import path from 'node:path'
import { type ClientTerm, DOCS_DIR, GLOSSARY_PAGE, GLOSSARY_PAGE_EN, type Glossary, clientTerms, englishRefText, loadGlossary, sentenceStartBefore, termText, termUrl } from '../../core/glossary'
import { type GlossaryPluginOptions, type RefMeta, escapeHtml, glossarySyntax, pageGlossary, pagesIn, scanUsage } from '../../core/glossary-refs'
import { FROZEN_DIR, versionBase } from '../../core/version-paths'
import { listFrozen } from '../../core/versions'
import { type Lang } from '../../core/page-lang'

function renderRef(tokens: Token[], idx: number, options: MarkdownIt['options'], env: unknown, self: Renderer): string {
  const t = tokens[idx]
  const meta = t.meta as RefMeta
  const label = escapeHtml(t.content || meta.label || meta.id)
  if (meta.plain) return label
  // the glossary page has hundreds of cross-references to its own entries (668 on /glossary/): plain
  // anchors with no class keep it light (nothing styles or finds them by class; decisions.md, 「页面体积」)
  if (meta.local) return `<a href="#${escapeHtml(meta.id)}">${label}</a>`
  // a plain link, static HTML (issue #14, lean pages: Vue hoists the paragraph, the page chunk stays
  // small); the popover is the theme's one delegated listener (.vitepress/theme/glossary-links.ts),
  // which finds the term by `data-term`. The link goes through VitePress's own link rule (site base,
  // dead-link check) like a Markdown link.
  // the token class of the markdown-it instance that renders (VitePress bundles its own copy)
  const open = new (t.constructor as typeof Token)('link_open', 'a', 1)
  open.attrs = [['class', 'glossary-term'], ['href', releaseTermUrl(meta.id, meta.english ? 'en' : 'zh', meta.release)], ['data-term', meta.id]]
  const linkOpen = self.rules.link_open ?? ((ts, i, o) => self.renderToken(ts, i, o))
  return `${linkOpen([open], 0, options, env, self)}${label}</a>`
}

/** The `[[id]]` syntax (core/glossary-refs.ts) rendered as static links with a popover (see renderRef). */
export function glossaryPlugin(md: MarkdownIt, options: GlossaryPluginOptions = {}): void {
  glossarySyntax(md, options)
  md.renderer.rules.glossary_ref = renderRef
}

/**
 * The popover's data, one small JSON file per term and language (the ClientTerm shape of
 * core/glossary.ts: names and the one-line definition of that language): `/glossary/terms/<id>.json`
 * and `/en/glossary/terms/<id>.json`, i.e. `terms/<id>.json` next to the glossary page the term's
 * link points at (the popover resolves it against the link's href, so the site base comes along).
 * Measured (issue #14): a file is 0.2–0.4 KB against 11 KB for a whole language's popover data and
 * 270 KB for /api/glossary.json; a reader who opens a popover downloads only that term.
 * Output: export path → maker, for jsonExports() (.vitepress/plugins/json-exports.ts).
 */
export function popoverExports(glossary: Glossary = loadGlossary(), docsDir: string = DOCS_DIR): Record<string, () => ClientTerm> {
  const out: Record<string, () => ClientTerm> = {}
  const add = (g: Glossary, lang: Lang, release?: string) => {
    const terms = clientTerms(g, lang)
    for (const id of Object.keys(terms)) out[termDataPath(id, lang, release)] = () => terms[id]
  }
  for (const lang of ['zh', 'en'] as const) add(glossary, lang)
  // a frozen release's pages link its own glossary (renderRef): its popovers come from the snapshot
  // the release was cut with, next to that glossary page (its English edition only if it has one)
  for (const release of listFrozen(docsDir).filter((r) => fs.existsSync(path.join(docsDir, FROZEN_DIR, r, GLOSSARY_PAGE)))) {
    const g = pageGlossary(`${FROZEN_DIR}/${release}/${GLOSSARY_PAGE}`, { docsDir }).glossary
    add(g, 'zh', release)
    if (fs.existsSync(path.join(docsDir, FROZEN_DIR, release, GLOSSARY_PAGE_EN))) add(g, 'en', release)
  }
  return out
}

/** A term's link: `/glossary/#id`, `/en/glossary/#id`, or inside a frozen release `/v/<name>/glossary/#id`. */
export const releaseTermUrl = (id: string, lang: Lang = 'zh', release?: string) => versionBase(release ?? null) + termUrl(id, lang).replace(/^\//, '')

/** `/glossary/terms/<id>.json` (`/en/glossary/terms/<id>.json`, `/v/<name>/…`): see popoverExports(). */
export const termDataPath = (id: string, lang: Lang = 'zh', release?: string) => releaseTermUrl(id, lang, release).replace(/#.*$/, `terms/${id}.json`)

// ---------------------------------------------------------------------------------------------
// JSON export (/api/glossary.json)
// ---------------------------------------------------------------------------------------------

/**
 * `[[id]]` / `[[id|文字]]` in a long text → ordinary Markdown links, for consumers outside the site:
 * the term's name in `lang` and a link to that language's glossary (paths from the site root).
 */
export function plainMarkdown(long: string, glossary: Glossary, lang: Lang = 'zh'): string {
  return long.replace(/\[\[\s*([^\]|\n]+?)\s*(?:\|([^\]\n]*))?\]\]/g, (all, id: string, label: string | undefined, offset: number) => {
    const t = glossary.byId.get(id)
    // the paragraph, list item or table cell so far decides a sentence start, as on the pages
    const name = () => (lang === 'en' ? englishRefText(t!, sentenceStartBefore(long.slice(0, offset).replace(/^[^]*(?:\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s|\|)/, ''))) : t!.zh)
    return t ? `[${label?.trim() || name()}](${termUrl(t.id, lang)})` : all
  })
}

/**
 * The /api/glossary.json export (shape: docs/data/glossary/README.md). `base` (VitePress base,
 * default `/`) prefixes every site path in it (`url`, `url_en`, `pages[].url`, `pages_en[].url`), so
 * the paths work on a site deployed under a sub-path too. The English fields (`short_en`, `long_en`,
 * `tags_en`) are always present: the English text, or the Chinese one while the twin is missing.
 * `pages` keeps its meaning (Chinese pages only); `pages_en` lists the English pages.
 */
export function glossaryJson(options: GlossaryPluginOptions & { base?: string } = {}) {
  const glossary = loadGlossary(options.dir)
  const at = (p: string) => (options.base ?? '/') + p.replace(/^\//, '')
  const usage = scanUsage(options.docsDir)
  return {
    version: 1 as const,
    generated: new Date().toISOString(),
    terms: [...glossary.terms].sort((a, b) => a.id.localeCompare(b.id)).map((t) => {
      const en = termText(t, 'en')
      const pages = usage.get(t.id) ?? []
      return {
        id: t.id,
        zh: t.zh,
        en: t.en,
        aliases: t.aliases,
        short: t.short,
        short_en: en.short,
        long: plainMarkdown(t.long, glossary),
        long_en: plainMarkdown(en.long, glossary, 'en'),
        related: t.related,
        tags: t.tags,
        tags_en: en.tags,
        url: at(termUrl(t.id)),
        url_en: at(termUrl(t.id, 'en')),
        pages: pagesIn(pages, 'zh').map((p) => ({ ...p, url: at(p.url) })),
        pages_en: pagesIn(pages, 'en').map((p) => ({ ...p, url: at(p.url) })),
      }
    }),
  }
}
