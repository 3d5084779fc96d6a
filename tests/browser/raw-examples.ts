/**
 * Finds the raw example syntax `[...=value]` (core/snippet-syntax.ts EXAMPLE_OPEN) in the console
 * output readers get, where they should see the value: the `language-console` code blocks of built
 * HTML, and the ```console fences of a Markdown export (`<page>.md`, llms-full.txt). Prose may
 * mention the syntax (the writing guide documents it), so only console blocks are searched.
 * Syntax highlighting may split the text into spans, so tags are removed and the common entities
 * decoded before searching.
 * @param text an HTML page or a Markdown export
 * @returns each console line that has it (trimmed, at most 100 characters), in order
 */
export function rawExampleSyntax(text: string): string[] {
  const blocks: string[] = []
  // HTML: VitePress wraps each highlighted block in <div class="language-console …">…<pre>…</pre>
  for (const m of text.matchAll(/<div class="language-console\b[\s\S]*?<\/pre>/g)) blocks.push(decode(m[0].replace(/<[^>]*>/g, '')))
  // Markdown: ```console fences
  let open: { markup: string; console: boolean } | null = null
  for (const line of text.split('\n')) {
    const f = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(line)
    if (!open) {
      if (f) open = { markup: f[1], console: f[2] === 'console' }
      continue
    }
    if (f && !f[2] && f[1][0] === open.markup[0] && f[1].length >= open.markup.length) open = null
    else if (open.console) blocks.push(line)
  }
  return blocks.flatMap((b) => b.split('\n')).filter((line) => line.includes('[...=')).map((line) => line.trim().slice(0, 100))
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}
