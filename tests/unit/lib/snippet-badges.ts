// Shared by the unit tests that read rendered snippet badges (snippet-badge, translation-pairs).
/**
 * Each snippet badge of rendered HTML: its attributes and its text as printed (the badge nests part
 * spans, snippet-fence.ts verifiedBadge; the facts of its details have no separator in the markup,
 * styles.css prints " · " before each).
 */
export function snippetBadges(html: string): [string, string][] {
  return html.split('<span class="snippet-badge"').slice(1).map((rest) => {
    const attrs = rest.slice(0, rest.indexOf('>'))
    let depth = 1
    let text = ''
    for (const piece of rest.slice(attrs.length + 1).split(/(<\/?span[^>]*>)/)) {
      if (piece.startsWith('</span')) depth--
      else if (piece.startsWith('<span')) {
        depth++
        if (depth === 3 && /\bsb-part\b/.test(piece)) text += ' · ' // a fact of the details (.sb-more > .sb-part)
      }
      else text += piece.replace(/<[^>]*>/g, '') // other tags (the stand-in link): their text only
      if (!depth) break
    }
    return [attrs.trim(), text]
  })
}
