/**
 * Split a rendered page into the sections the search index holds (one per heading).
 *
 * This is VitePress 1.6's own `splitPageIntoSections` (src/node/plugins/localSearchPlugin.ts, MIT),
 * which VitePress does not export: its `_splitIntoSections` hook replaces the default instead of
 * wrapping it, and we need the hook to add each section's hidden keywords (command keywords,
 * page keywords) to the indexed text. Keep the heading regexes identical to VitePress's so that
 * anchors match the ones on the page.
 */

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

/** One searchable section. `titles` = parent headings then this heading; `text` = plain text. */
export interface Section { anchor: string; titles: string[]; text: string }

const headingRegex = /<h(\d*).*?>(.*?<a.*? href="#.*?".*?>.*?<\/a>)<\/h\1>/gi
const headingContentRegex = /(.*?)<a.*? href="#(.*?)".*?>.*?<\/a>/i
const clearHtmlTags = (s: string) => s.replace(/<[^>]*>/g, '')

/**
 * Page chrome that is not content: the snippet status bars ("已验证 · Docker Engine … · 日期",
 * rendered on every runnable block by .vitepress/plugins/snippet-fence.ts) and code blocks'
 * language labels. Left in, they made "验证", "engine" and the date the most frequent terms of the
 * index and a fifth of its size.
 */
export function stripChrome(html: string): string {
  return html
    .replace(/<div class="snippet-bar[^"]*">[\s\S]*?<\/div>/g, '')
    .replace(/<span class="lang">[^<]*<\/span>/g, '')
}

/**
 * @param html the page as VitePress renders it for search
 * @param extra hidden words per anchor ('' = the page's first section), appended to the text
 */
export function* splitPageIntoSections(html: string, extra: (anchor: string) => string[] = () => []): Generator<Section> {
  const result = stripChrome(html).split(headingRegex)
  result.shift()
  let parentTitles: string[] = []
  let first = true
  for (let i = 0; i < result.length; i += 3) {
    const level = parseInt(result[i]) - 1
    const heading = result[i + 1]
    const headingResult = headingContentRegex.exec(heading)
    const title = clearHtmlTags(headingResult?.[1] ?? '').trim()
    const anchor = headingResult?.[2] ?? ''
    const content = result[i + 2]
    if (!title || !content) continue
    let titles = parentTitles.slice(0, level)
    titles[level] = title
    titles = titles.filter(Boolean)
    const words = [...extra(anchor), ...(first ? extra('') : [])]
    first = false
    yield { anchor, titles, text: clearHtmlTags(content) + (words.length ? KEYWORDS_SEPARATOR + words.join(' ') : '') }
    if (level === 0) parentTitles = [title]
    else parentTitles[level] = title
  }
}
