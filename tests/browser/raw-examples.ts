/**
 * Finds the raw example syntax `[...=value]` (core/snippet-syntax.ts EXAMPLE_OPEN) in built HTML or
 * Markdown, where readers would see it instead of the value. Syntax highlighting may split the
 * text into spans, so tags are removed and the common entities decoded before searching.
 * @param text an HTML page, a `.md` export or llms-full.txt
 * @returns each line that has it (trimmed, at most 100 characters), in order
 */
export function rawExampleSyntax(text: string): string[] {
  const plain = text
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  return plain.split('\n').filter((line) => line.includes('[...=')).map((line) => line.trim().slice(0, 100))
}
