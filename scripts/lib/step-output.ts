/**
 * Reading a test step's output (scripts/test-all.ts): the figure for the summary table and the
 * lines that say what failed. Apart from the runner so it can be tested without running a step.
 */

/** The output without terminal colour codes (vitest and the harness colour their lines). */
export const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '')

/** the last match of `re` in the output (a summary line comes after per-lane or per-file lines) */
export const lastLine = (re: RegExp) => (out: string) => [...stripAnsi(out).matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].at(-1)?.[0] ?? ''

/**
 * Lines of a failed step that say what failed, for the end of the run: CI shows the tail of the
 * output, and a long step's own failure lines are hundreds of lines above it.
 * Recognised: the snippet harness's `✗ [lane] file:line`, vitest's `FAIL file > test` and
 * `× test`, the link checker's `broken`, runner errors, and any line with `Error:`.
 * @returns at most `max` lines, in output order, each cut to 300 characters
 */
export function failureLines(out: string, max = 12): string[] {
  const re = /^\s*(✗ \[|FAIL |× |.*\bbroken\b|runner error|.*\bError:)/
  const hits = stripAnsi(out).split('\n').filter((l) => re.test(l) && !/\b0 broken\b/.test(l) && !/\b0 failed\b/.test(l))
  return [...new Set(hits.map((l) => l.trim().slice(0, 300)))].slice(0, max)
}
