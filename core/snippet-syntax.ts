/**
 * The runnable-snippet convention, in one place.
 *
 * Used by three consumers that must agree exactly:
 *  - the markdown-it plugin that renders fences (strips our words, adds badges),
 *  - the snippet runner (decides what runs, checks console output),
 *  - the copy button of `console` blocks (copies only the commands).
 *
 * Words after the fence language (VitePress drops `{...}`, so we use plain words):
 *
 *   ```sh run                         run it; must exit 0
 *   ```sh run exit=1                  run it; must exit 1
 *   ```sh run timeout=120             per-snippet limit in seconds (default 60)
 *   ```console run                    `$ ` lines run, other lines are the expected output
 *   ```powershell norun="仅 Windows"   shown only; the reason is required and shown on the page
 *   ```dockerfile file=Dockerfile     written into the page's working directory before the
 *                                     next `run` snippet executes
 *   ```console run store=containerd   verified only on that image store (containerd | overlay2),
 *                                     for output that differs between the stores; put it in a
 *                                     ::: code-group next to its twin for the other store
 *   ```sh run dist=.vitepress/dist    before it runs, copy this site's build output (DIST_DIR in
 *                                     scripts/lib/static-server.ts) to that path, relative to the
 *                                     shell's directory: pages about the site itself (its Docker
 *                                     image) work on the same files a reader has after `npm run build`
 *
 * Every shell-like fence (sh, bash, shell, console, powershell …) must say `run` or `norun="…"`,
 * so nothing is "accidentally untested".
 */

export const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'powershell', 'ps1', 'pwsh', 'bat', 'cmd'])
/** Languages the runner can execute (in bash). */
export const RUNNABLE_LANGS = new Set(['sh', 'bash', 'shell', 'console'])

export const DEFAULT_TIMEOUT_S = 60
export const MAX_TIMEOUT_S = 600

export class SnippetSyntaxError extends Error {
  constructor(
    public file: string,
    public line: number,
    public detail: string,
  ) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'SnippetSyntaxError'
  }
}

export interface FenceMeta {
  lang: string
  /** run: executed; norun: shown only (reason required); file: written to the work dir; plain: ordinary code */
  kind: 'run' | 'norun' | 'file' | 'plain'
  reason?: string
  file?: string
  exit: number
  timeout: number
  /** run snippets for one image store only (the other lane skips them); undefined = both */
  store?: 'containerd' | 'overlay2'
  /** run snippets: copy the built site there (relative to the shell's directory) before running */
  dist?: string
  /** what VitePress should still see after the language: `[title]` and `{1,3}` tokens */
  passthrough: string
}

const KNOWN_KEYS = new Set(['run', 'norun', 'exit', 'timeout', 'file', 'store', 'dist'])
export const STORES = ['containerd', 'overlay2'] as const

/** Split `sh run norun="a b" [Title] {1}` into tokens, keeping quoted values together. */
function tokenize(rest: string, fail: (m: string) => never): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < rest.length) {
    if (/\s/.test(rest[i])) { i++; continue }
    let tok = ''
    if (rest[i] === '[' || rest[i] === '{') {
      const close = rest[i] === '[' ? ']' : '}'
      const end = rest.indexOf(close, i)
      if (end < 0) fail(`unclosed "${rest[i]}" in code fence info`)
      tokens.push(rest.slice(i, end + 1))
      i = end + 1
      continue
    }
    while (i < rest.length && !/\s/.test(rest[i])) {
      if (rest[i] === '"') {
        const end = rest.indexOf('"', i + 1)
        if (end < 0) fail('unterminated quote in code fence info')
        tok += rest.slice(i, end + 1)
        i = end + 1
      } else tok += rest[i++]
    }
    tokens.push(tok)
  }
  return tokens
}

/**
 * Parse a fence info string. `where` names the Markdown file and the fence's 1-based line
 * so every error points at the source.
 */
export function parseFenceInfo(info: string, where: { file: string; line: number }): FenceMeta {
  const fail = (m: string): never => { throw new SnippetSyntaxError(where.file, where.line, m) }
  const trimmed = info.trim()
  const m = /^(\S+)(.*)$/s.exec(trimmed)
  const lang = (m?.[1] ?? '').toLowerCase()
  const tokens = m ? tokenize(m[2], fail) : []
  const passthrough: string[] = []
  const attrs = new Map<string, string | true>()
  for (const tok of tokens) {
    // `[title]` and `{1,3}` belong to VitePress; so does `active`, which its ::: code-group
    // container appends to the first tab's fence info before our renderer sees it
    if (tok.startsWith('[') || tok.startsWith('{') || tok === 'active') { passthrough.push(tok); continue }
    const eq = tok.indexOf('=')
    const key = eq < 0 ? tok : tok.slice(0, eq)
    let value: string | true = eq < 0 ? true : tok.slice(eq + 1)
    if (typeof value === 'string' && value.startsWith('"')) {
      if (!value.endsWith('"') || value.length < 2) fail(`bad quoted value in "${tok}"`)
      value = value.slice(1, -1)
    }
    if (!KNOWN_KEYS.has(key)) fail(`unknown snippet attribute "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`)
    if (attrs.has(key)) fail(`attribute "${key}" given twice`)
    attrs.set(key, value)
  }

  const isShell = SHELL_LANGS.has(lang)
  const run = attrs.get('run')
  const norun = attrs.get('norun')
  const file = attrs.get('file')
  const dist = attrs.get('dist')
  if (run !== undefined && run !== true) fail('"run" takes no value')
  if (run && norun !== undefined) fail('a snippet cannot be both "run" and "norun"')
  if (norun === true || (typeof norun === 'string' && !norun.trim())) fail('"norun" needs a reason: norun="仅 Windows"')
  if (file === true || (typeof file === 'string' && !file.trim())) fail('"file" needs a path: file=Dockerfile')
  if (typeof file === 'string' && (file.startsWith('/') || file.split('/').includes('..'))) {
    fail(`"file" must be a relative path inside the page's working directory, got "${file}"`)
  }
  if (dist !== undefined) {
    if (!run) fail('"dist" only applies to "run" snippets')
    if (dist === true || !dist.trim()) fail('"dist" needs a path: dist=.vitepress/dist')
    else if (dist.startsWith('/') || dist.split('/').includes('..')) fail(`"dist" must be a relative path inside the page's working directory, got "${dist}"`)
  }
  if (file !== undefined && (run || norun !== undefined)) fail('"file" blocks are written, not run: drop "run"/"norun"')
  if (run && !RUNNABLE_LANGS.has(lang)) fail(`"${lang}" snippets cannot run here; use norun="reason"`)
  if (isShell && run === undefined && norun === undefined) {
    fail(`shell snippet must say "run" or norun="reason" (e.g. \`\`\`${lang} run)`)
  }

  const num = (key: string, min: number, max: number, dflt: number): number => {
    const v = attrs.get(key)
    if (v === undefined) return dflt
    if (v === true || !/^\d+$/.test(v)) fail(`"${key}" must be a whole number, got "${v === true ? '' : v}"`)
    const n = Number(v)
    if (n < min || n > max) fail(`"${key}" must be between ${min} and ${max}, got ${n}`)
    return n
  }
  if (!run && (attrs.has('exit') || attrs.has('timeout'))) fail('"exit"/"timeout" only apply to "run" snippets')
  const meta: FenceMeta = {
    lang,
    kind: run ? 'run' : norun !== undefined ? 'norun' : file !== undefined ? 'file' : 'plain',
    exit: num('exit', 0, 255, 0),
    timeout: num('timeout', 1, MAX_TIMEOUT_S, DEFAULT_TIMEOUT_S),
    passthrough: passthrough.join(' '),
  }
  const store = attrs.get('store')
  if (store !== undefined) {
    if (!run) fail('"store" only applies to "run" snippets')
    if (store !== 'containerd' && store !== 'overlay2') fail(`"store" must be containerd or overlay2, got "${store === true ? '' : store}"`)
    meta.store = store as 'containerd' | 'overlay2'
  }
  if (typeof norun === 'string') meta.reason = norun.trim()
  if (typeof file === 'string') meta.file = file
  if (typeof dist === 'string') meta.dist = dist
  return meta
}

/** One `$ command` of a console block and the output shown under it. */
export interface ConsoleStep {
  command: string
  /** expected output lines, with `...` lines and `[...]` parts as wildcards */
  output: string[]
  /** 0-based line offset of the command inside the block */
  offset: number
}

/**
 * Split a `console` block into commands and expected output. A line starting with `$ ` is a
 * command; a command line ending in `\` continues on the next line; everything else is output.
 */
export function parseConsole(text: string): ConsoleStep[] {
  const steps: ConsoleStep[] = []
  const lines = text.replace(/\n$/, '').split('\n')
  let continuing = false
  lines.forEach((line, i) => {
    if (continuing && steps.length) {
      const cur = steps[steps.length - 1]
      cur.command += '\n' + line
      continuing = line.endsWith('\\')
      return
    }
    if (line.startsWith('$ ') || line === '$') {
      steps.push({ command: line.slice(2), output: [], offset: i })
      continuing = line.endsWith('\\')
      return
    }
    if (!steps.length) {
      if (line.trim()) steps.push({ command: '', output: [line], offset: i })
      return
    }
    steps[steps.length - 1].output.push(line)
  })
  return steps
}

/** What the copy button of a console block puts on the clipboard: the commands only. */
export function consoleCommands(text: string): string {
  return parseConsole(text).map((s) => s.command).filter(Boolean).join('\n')
}

/** Any text on one line: `[...]`. Any number of lines (also none): a line that is exactly `...`. */
export const WILDCARD_PART = '[...]'
export const WILDCARD_LINES = '...'

function lineMatches(pattern: string, actual: string): boolean {
  const p = pattern.trimEnd()
  const a = actual.trimEnd()
  if (!p.includes(WILDCARD_PART)) return p === a
  const parts = p.split(WILDCARD_PART).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp('^' + parts.join('.*?') + '$', 's').test(a)
}

/**
 * Does the actual output match the shown output? Blank lines at either end are ignored;
 * everything else must match line by line (with the two wildcards above).
 */
export function outputMatches(expected: string[], actual: string[]): boolean {
  const trim = (xs: string[]) => {
    let s = 0
    let e = xs.length
    while (s < e && !xs[s].trim()) s++
    while (e > s && !xs[e - 1].trim()) e--
    return xs.slice(s, e)
  }
  const exp = trim(expected)
  const act = trim(actual)
  // memoised backtracking; both lists are small (a terminal screen), so this stays cheap
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    const key = i + ',' + j
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    let r: boolean
    if (i === exp.length) r = j === act.length
    else if (exp[i].trim() === WILDCARD_LINES) r = go(i + 1, j) || (j < act.length && go(i, j + 1))
    else r = j < act.length && lineMatches(exp[i], act[j]) && go(i + 1, j + 1)
    memo.set(key, r)
    return r
  }
  return go(0, 0)
}
