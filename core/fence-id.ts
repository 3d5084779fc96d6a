// Node only (the browser bundle imports snippet-syntax.ts, so this lives apart)
import { createHash } from 'node:crypto'

/**
 * The content id of a fence: a short hash of its info string and body. The harness keys results
 * by it (scripts/snippets/extract.ts) and the site looks badges up by it, so a result belongs to
 * exactly the text that ran: an edited snippet has no result until the next run. What only labels
 * the fence is ignored, so a translated page keeps the ids of its source (scripts/snippets/pairs.ts):
 * a trailing `active` (added by VitePress's code-group container to the first tab), `[tab titles]`
 * and the reason of `norun="…"` (shown, never run).
 */
export function fenceHash(info: string, content: string): string {
  return createHash('sha1').update(fenceInfoKey(info) + '\n' + content).digest('hex').slice(0, 8)
}

/** A fence info string without what only labels it (see fenceHash): what must match between translations. */
export function fenceInfoKey(info: string): string {
  return info.trim().replace(/\s+active$/, '').replace(/\s*\[[^\]]*\]/g, '').replace(/\bnorun="[^"]*"/, 'norun')
}
