// Node only (the browser bundle imports snippet-syntax.ts, so this lives apart)
import { createHash } from 'node:crypto'
import { stripExamples } from './snippet-syntax'

/**
 * The content id of a fence: a short hash of its info string and body. The harness keys results
 * by it (scripts/snippets/extract.ts) and the site looks badges up by it, so a result belongs to
 * exactly the text that ran: an edited snippet has no result until the next run. What only labels
 * the fence is ignored, so a translated page keeps the ids of its source (scripts/snippets/pairs.ts):
 * a trailing `active` (added by VitePress's code-group container to the first tab), `[tab titles]`
 * and the reason of `norun="…"` (shown, never run); and the example values of in-line wildcards
 * (`[...=v]` is `[...]` for checking, core/snippet-syntax.ts), so refreshing them with
 * `--fill-examples` keeps a fence's result and a translation filled by its own run keeps its pair.
 */
export function fenceHash(info: string, content: string): string {
  return createHash('sha1').update(fenceInfoKey(info) + '\n' + stripExamples(content)).digest('hex').slice(0, 8)
}

/** A fence info string without what only labels it (see fenceHash): what must match between translations. */
export function fenceInfoKey(info: string): string {
  return info.trim().replace(/\s+active$/, '').replace(/\s*\[[^\]]*\]/g, '').replace(/\bnorun="[^"]*"/, 'norun')
}
