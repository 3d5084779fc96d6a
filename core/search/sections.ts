/**
 * Split a rendered page into the sections the search index holds (one per heading), without
 * the parts nobody searches for, and with each section's hidden keywords.
 *
 * `splitPageIntoSections` is VitePress 1.6's own (src/node/plugins/localSearchPlugin.ts, MIT),
 * which VitePress does not export: its `_splitIntoSections` hook replaces the default instead of
 * wrapping it, and we need the hook to strip output and add keywords. The heading regexes stay
 * identical to VitePress's so that anchors match the ones on the page.
 */

/** One searchable section. `titles` = parent headings then this heading; `text` = plain text. */
export interface Section { anchor: string; titles: string[]; text: string }

const headingRegex = /<h(\d*).*?>(.*?<a.*? href="#.*?".*?>.*?<\/a>)<\/h\1>/gi
const headingContentRegex = /(.*?)<a.*? href="#(.*?)".*?>.*?<\/a>/i
const clearHtmlTags = (s: string) => s.replace(/<[^>]*>/g, '')

/**
 * Separates a section's text from its hidden keywords inside the one `text` string VitePress
 * hands to MiniSearch; `extractField` (below) splits it into the `text` and `keywords` fields.
 */
export const KEYWORDS_SEPARATOR = '\u001f'

/**
 * MiniSearch `extractField` for the site index: `keywords` is what follows the separator.
 * Self-contained (VitePress serializes it into the client's theme config).
 */
export function extractField(doc: Record<string, unknown>, field: string): string | string[] {
  if (field === 'text' || field === 'keywords') {
    const [text, keywords = ''] = String(doc.text ?? '').split('\u001f')
    return field === 'text' ? text : keywords
  }
  return doc[field] as string | string[]
}

/** The index's fields: VitePress's three plus the hidden keywords. */
export const INDEX_FIELDS = ['title', 'titles', 'text', 'keywords']

/**
 * Deepest heading level that starts a section of its own. Deeper headings (h4: a command's
 * "示例", a FAQ's sub-case) stay in their parent's section: the parent is the answer a reader
 * clicks, and every section costs the index its id, titles and postings.
 */
export const SECTION_DEPTH = 3

/**
 * What a reader does not search for: the snippet status bars ("已验证 · Docker Engine … · 日期",
 * rendered on every runnable block by .vitepress/plugins/snippet-fence.ts), code blocks' language
 * labels, and program output (console output after the prompt lines, text/YAML/Dockerfile
 * blocks: IDs, sizes, dates). Commands stay (`docker run -d`); the prose around every block says
 * what the output shows; glossary entries' link lists (names of other terms and pages). Left in,
 * output, badges and link lists were a third of the index's size and made
 * "验证", "engine" and dates its most frequent terms.
 */
export function stripChrome(html: string): string {
  return html
    .replace(/<div class="snippet-bar[^"]*">[\s\S]*?<\/div>/g, '')
    // a glossary entry's "相关术语 / 出现在" link lists: other entries' and pages' names
    .replace(/<p class="glossary-entry__links">[\s\S]*?<\/p>/g, '')
    .replace(/<span class="lang">[^<]*<\/span>/g, '')
    // generated command entries (.vitepress/plugins/commands.ts marks them): the fixed labels
    // (常用写法：/等价写法：), the visible keyword line (the same words are in the hidden keywords field),
    // links to concepts and other pages (their names would rank this entry for other pages' topics) and
    // the "… 示例" heading; table headers everywhere (选项/说明/作用: column labels, no topic). These
    // labels were among the most frequent terms of the index: ~8 % of its postings, no information.
    .replace(/(<p class="cli-usage">)[^<]*?：/g, '$1')
    // the entry's copy button (plugins/commands.ts commandCopyButton): "复制" in every entry
    .replace(/<button [^>]*class="cli-copy[^"]*"[^>]*>[^<]*<\/button>/g, '')
    .replace(/<p class="cli-(?:keywords|refs)">[\s\S]*?<\/p>/g, '')
    .replace(/<h4[^>]*class="cli-examples"[^>]*>[\s\S]*?<\/h4>/g, '')
    .replace(/<thead>[\s\S]*?<\/thead>/g, '')
    .replace(/(<div class="language-([\w-]*)[^"]*"[^>]*>[\s\S]*?)(<pre[\s\S]*?<\/pre>)/g, (_, head: string, lang: string, pre: string) => {
      if (/^(sh|bash|shell|powershell)$/.test(lang)) return head + pre
      if (lang !== 'console') return head
      // console: keep the prompt lines (`$ docker ps`), drop what the program printed
      const lines = pre.split(/<span class="line">/).slice(1).map(clearHtmlTags)
      return head + lines.filter((l) => /^\s*[$#>] /.test(l)).join('\n')
    })
}

/**
 * @param html the page as VitePress renders it for search
 * @param extra hidden words per anchor ('' = the page's first section)
 * @returns sections in page order; `text` ends with KEYWORDS_SEPARATOR + keywords when there are any
 */
export function* splitPageIntoSections(html: string, extra: (anchor: string) => string[] = () => []): Generator<Section> {
  const result = stripChrome(html).split(headingRegex)
  result.shift()
  let parentTitles: string[] = []
  let first = true
  let pending: { anchor: string; titles: string[]; text: string[]; words: string[] } | undefined
  const flush = function* () {
    if (!pending) return
    const words = pending.words
    yield { anchor: pending.anchor, titles: pending.titles, text: pending.text.join('\n') + (words.length ? KEYWORDS_SEPARATOR + words.join(' ') : '') }
    pending = undefined
  }
  for (let i = 0; i < result.length; i += 3) {
    const level = parseInt(result[i]) - 1
    const heading = result[i + 1]
    const headingResult = headingContentRegex.exec(heading)
    const title = clearHtmlTags(headingResult?.[1] ?? '').trim()
    const anchor = headingResult?.[2] ?? ''
    const content = result[i + 2]
    if (!title || !content) continue
    if (level + 1 > SECTION_DEPTH && pending) {
      // a deep heading: its title and text join the enclosing section
      pending.text.push(title, clearHtmlTags(content))
      pending.words.push(...extra(anchor))
      continue
    }
    yield* flush()
    let titles = parentTitles.slice(0, level)
    titles[level] = title
    titles = titles.filter(Boolean)
    pending = { anchor, titles, text: [clearHtmlTags(content)], words: [...extra(anchor), ...(first ? extra('') : [])] }
    first = false
    if (level === 0) parentTitles = [title]
    else parentTitles[level] = title
  }
  yield* flush()
}

/**
 * A section of a page indexed by its headings only (frontmatter `search: headings`): the body text
 * is dropped, the hidden keywords stay. For records that quote readers' queries as examples
 * (docs/contribute/decisions.md: "容器删不掉", "我的网页打不开"): their body matched the very
 * questions it discusses, ahead of the pages that answer them, and was a tenth of the index.
 * @param s a section from splitPageIntoSections
 * @returns the same section with `text` reduced to its keywords part (or '')
 */
export function headingsOnly(s: Section): Section {
  const keywords = s.text.split(KEYWORDS_SEPARATOR)[1]
  return { ...s, text: keywords ? KEYWORDS_SEPARATOR + keywords : '' }
}
