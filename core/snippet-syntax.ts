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
 *   ```sh run wait-http=URL           after it passes, the runner polls URL (`curl -fs`) until it
 *                                     answers, at most wait-timeout=S seconds (default 30): the
 *                                     readiness wait a reader never types stays off the page
 *   ```sh run wait="docker exec x …"  the same with a shell command, retried until it exits 0
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
  /** run snippets: a hidden readiness wait the runner does after the snippet passed (waitScript) */
  wait?: SnippetWait
  /** what VitePress should still see after the language: `[title]` and `{1,3}` tokens */
  passthrough: string
}

/**
 * A readiness wait: after a run snippet passed, the runner retries `target` every
 * WAIT_INTERVAL_S until it succeeds, at most `timeout` seconds and `timeout / WAIT_INTERVAL_S`
 * tries; still failing then fails the snippet. Not shown on the page: a reader typing the commands
 * by hand is slower than the service starting, the harness is not.
 */
export interface SnippetWait {
  /** http: `target` is a URL that must answer (curl -fs: a 2xx/3xx status); command: a shell command that must exit 0 */
  kind: 'http' | 'command'
  /** the URL or the command, run in the page's shell (its variables expand: "http://localhost:$PORT") */
  target: string
  /** seconds */
  timeout: number
}
export const WAIT_INTERVAL_S = 0.5
export const DEFAULT_WAIT_S = 30
export const MAX_WAIT_S = 120
/** What one HTTP try may take (curl --max-time), so a hung connection cannot eat the whole wait. */
const WAIT_HTTP_TRY_S = 2

const KNOWN_KEYS = new Set(['run', 'norun', 'exit', 'timeout', 'file', 'store', 'dist', 'wait-http', 'wait', 'wait-timeout'])
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
  const wait = parseWait(attrs, !!run, fail)
  if (wait) {
    if (wait.timeout >= meta.timeout) fail(`"wait-timeout" (${wait.timeout} s) must be shorter than the snippet's timeout (${meta.timeout} s)`)
    meta.wait = wait
  }
  if (typeof norun === 'string') meta.reason = norun.trim()
  if (typeof file === 'string') meta.file = file
  if (typeof dist === 'string') meta.dist = dist
  return meta
}

/** `wait-http=URL` / `wait="command"` / `wait-timeout=S` of one fence (see SnippetWait); fail() on a bad value. */
function parseWait(attrs: Map<string, string | true>, run: boolean, fail: (m: string) => never): SnippetWait | undefined {
  const http = attrs.get('wait-http')
  const cmd = attrs.get('wait')
  const secs = attrs.get('wait-timeout')
  if (http === undefined && cmd === undefined) {
    if (secs !== undefined) fail('"wait-timeout" needs a wait: wait-http=URL or wait="command"')
    return undefined
  }
  if (!run) fail('"wait-http"/"wait" only apply to "run" snippets')
  if (http !== undefined && cmd !== undefined) fail('one wait per snippet: "wait-http" or "wait", not both')
  let timeout = DEFAULT_WAIT_S
  if (secs !== undefined) {
    if (secs === true || !/^\d+$/.test(secs)) fail(`"wait-timeout" must be a whole number of seconds, got "${secs === true ? '' : secs}"`)
    timeout = Number(secs)
    if (timeout < 1 || timeout > MAX_WAIT_S) fail(`"wait-timeout" must be between 1 and ${MAX_WAIT_S}, got ${timeout}`)
  }
  if (http !== undefined) {
    // the URL goes into the shell in double quotes: "$PORT" expands, nothing else may break out
    if (http === true || !/^https?:\/\/[^\s"`\\]+$/.test(http)) {
      fail(`"wait-http" must be an http:// or https:// URL without spaces, quotes, backticks or backslashes, got "${http === true ? '' : http}"`)
    }
    return { kind: 'http', target: http, timeout }
  }
  if (cmd === undefined || cmd === true || !cmd.trim()) fail('"wait" needs a command: wait="docker exec db redis-cli ping"')
  // fenceInfoKey (core/fence-id.ts) drops [bracketed] text as tab titles, so a `[ … ]` test would
  // not count in the fence's content id: editing it would keep a stale badge
  if (/[[\]]/.test(cmd)) fail(`"wait" cannot contain "[" or "]" (write \`test …\` instead of \`[ … ]\`), got "${cmd}"`)
  return { kind: 'command', target: cmd.trim(), timeout }
}

/**
 * The bash text the runner executes for a wait, in the page's shell after the snippet: one try
 * every WAIT_INTERVAL_S, its output dropped, until one succeeds; at most timeout / WAIT_INTERVAL_S
 * tries and `timeout` seconds (bash's SECONDS). Exits 0 when ready, 1 when not.
 * The command runs in a subshell, so an `exit` or `cd` in it cannot change the page's shell.
 */
export function waitScript(w: SnippetWait): string {
  const check = w.kind === 'http' ? `curl -fs --max-time ${WAIT_HTTP_TRY_S} -o /dev/null "${w.target}"` : w.target
  const tries = Math.ceil(w.timeout / WAIT_INTERVAL_S)
  return [
    `__dkb_ok=1; __dkb_end=$((SECONDS + ${w.timeout}))`,
    `for ((__dkb_w = 0; __dkb_w < ${tries} && SECONDS < __dkb_end; __dkb_w++)); do`,
    `  if ( ${check} ) >/dev/null 2>&1 </dev/null; then __dkb_ok=0; break; fi`,
    `  sleep ${WAIT_INTERVAL_S}`,
    'done',
    '__dkb_wr=$__dkb_ok; unset __dkb_ok __dkb_end __dkb_w; (exit $__dkb_wr)',
  ].join('\n')
}

/** How a wait reads in reports: the attribute as written. */
export function waitLabel(w: SnippetWait): string {
  return (w.kind === 'http' ? `wait-http=${w.target}` : `wait="${w.target}"`) + (w.timeout !== DEFAULT_WAIT_S ? ` wait-timeout=${w.timeout}` : '')
}

/** One `$ command` of a console block and the output shown under it. */
export interface ConsoleStep {
  command: string
  /** expected output lines, with `...` lines and `[...]` / `[...=example]` parts as wildcards */
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

/**
 * The in-line wildcard with an example value: `[...=3f1c9a7e2b4d]`. For checking it is exactly
 * `[...]` (any text on the line); for reading it is the value, the text one real run printed there
 * (`npm run test:snippets -- --fill-examples` writes it). Why this spelling: it starts with
 * `[...]`'s own `[...`, so a writer reads both as one idea; `[...=` does not occur in Docker's
 * output (Go's fmt prints `[...]` nowhere, slices as `[a b]`, and `...=` is no CLI syntax), and
 * the value ends at the first `]`, so a value cannot contain `]` or a line break (the fill keeps
 * a bare `[...]` where the real text has one). The opening alone (`[...=` with no `]` after it on
 * the line) and an empty value (`[...=]`) are errors (checkWildcards).
 */
export const EXAMPLE_OPEN = '[...='
/** Every in-line wildcard, bare or with its example value in group 1. */
const WILDCARD_RE = /\[\.\.\.(?:=([^\]\n]+))?\]/g

/** The in-line wildcards of one output line, in order: where each is and its example value (if any). */
export function wildcardParts(line: string): { start: number; end: number; example?: string }[] {
  return [...line.matchAll(WILDCARD_RE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, ...(m[1] !== undefined ? { example: m[1] } : {}) }))
}

/**
 * Check the in-line wildcards of a console block's text.
 * @param text the fence content (its first line is the line after the opening fence)
 * @param where the page and the 1-based line of the opening fence
 * @throws SnippetSyntaxError naming the line of a malformed `[...=` (no closing `]` on its line,
 *   or an empty value)
 */
export function checkWildcards(text: string, where: { file: string; line: number }): void {
  text.split('\n').forEach((line, k) => {
    const rest = line.replace(WILDCARD_RE, '')
    const at = rest.indexOf(EXAMPLE_OPEN)
    if (at < 0) return
    const fail = (m: string): never => { throw new SnippetSyntaxError(where.file, where.line + 1 + k, m) }
    if (rest.startsWith(EXAMPLE_OPEN + ']', at)) fail('empty example value "[...=]": write the value a run printed there, or a bare [...]')
    fail(`"[...=" without a closing "]" on the same line: an example value is one line of text without "]" (${line.trim()})`)
  })
}

/**
 * A console block's text as readers see it: each `[...=value]` becomes its value; bare `[...]`
 * stays (a writer's way to hide a truly irrelevant part; the fill replaces nearly all of them).
 * Used by the page renderer, the Markdown export and llms-full.txt.
 * @param mark what an example value becomes (default: the value itself); the page renderer wraps
 *   it in markers for its `.snippet-example` spans (snippet-fence.ts)
 */
export function renderExamples(text: string, mark: (value: string) => string = (v) => v): string {
  return text.includes(EXAMPLE_OPEN) ? text.replace(WILDCARD_RE, (m, v: string | undefined) => (v === undefined ? m : mark(v))) : text
}

/** The text with every example value dropped (`[...=v]` → `[...]`): what is checked and run. */
export function stripExamples(text: string): string {
  return text.includes(EXAMPLE_OPEN) ? text.replace(WILDCARD_RE, WILDCARD_PART) : text
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The regex of one expected line: its literal text, each in-line wildcard a lazy capture. */
function lineRegex(pattern: string): RegExp | undefined {
  const p = pattern.trimEnd()
  const parts = wildcardParts(p)
  if (!parts.length) return undefined
  let src = '^'
  let pos = 0
  for (const w of parts) {
    src += escapeRe(p.slice(pos, w.start)) + '(.*?)'
    pos = w.end
  }
  return new RegExp(src + escapeRe(p.slice(pos)) + '$', 's')
}

function lineMatches(pattern: string, actual: string): boolean {
  const re = lineRegex(pattern)
  return re ? re.test(actual.trimEnd()) : pattern.trimEnd() === actual.trimEnd()
}

/** Blank lines at either end dropped: [first kept index, end]. */
function trimRange(xs: string[]): [number, number] {
  let s = 0
  let e = xs.length
  while (s < e && !xs[s].trim()) s++
  while (e > s && !xs[e - 1].trim()) e--
  return [s, e]
}

/**
 * Align expected with actual lines: for each expected line (of the trimmed ranges), the actual
 * line it matched, or -1 for a `...` line; undefined when they do not match. The same lazy
 * preference as always: a `...` line absorbs as few lines as it can.
 */
function align(exp: string[], act: string[]): number[] | undefined {
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
  if (!go(0, 0)) return undefined
  const at: number[] = []
  let i = 0
  let j = 0
  while (i < exp.length) {
    if (exp[i].trim() === WILDCARD_LINES) {
      if (go(i + 1, j)) { at.push(-1); i++ } else j++
    } else { at.push(j); i++; j++ }
  }
  return at
}

/**
 * Does the actual output match the shown output? Blank lines at either end are ignored;
 * everything else must match line by line (with the two wildcards above; `[...=value]` is `[...]`).
 */
export function outputMatches(expected: string[], actual: string[]): boolean {
  const [es, ee] = trimRange(expected)
  const [as, ae] = trimRange(actual)
  return align(expected.slice(es, ee), actual.slice(as, ae)) !== undefined
}

/** One expected line the fill rewrote, or one wildcard it had to leave bare. */
export interface ExampleFill {
  /** 0-based index in the expected lines */
  index: number
  from: string
  to: string
  /** wildcards left bare, and why (the real text was empty, or had a `]`) */
  kept?: string[]
}

/**
 * The expected lines with each in-line wildcard's example value set to the text the actual
 * output has there (`[...]` and `[...=old]` both become `[...=actual]`). Only lines with in-line
 * wildcards change; nothing when the output does not match.
 * A value that cannot be written (empty, or containing `]`) leaves a bare `[...]`, noted in `kept`.
 * @returns the changed lines (by index), or undefined when expected does not match actual
 */
export function fillExamples(expected: string[], actual: string[]): ExampleFill[] | undefined {
  const [es, ee] = trimRange(expected)
  const [as, ae] = trimRange(actual)
  const act = actual.slice(as, ae)
  const at = align(expected.slice(es, ee), act)
  if (!at) return undefined
  const fills: ExampleFill[] = []
  at.forEach((j, k) => {
    const line = expected[es + k]
    const re = j < 0 ? undefined : lineRegex(line)
    if (!re) return
    const values = re.exec(act[j].trimEnd())!.slice(1)
    const kept: string[] = []
    let out = ''
    let pos = 0
    wildcardParts(line).forEach((w, n) => {
      const v = values[n]
      let part = `${EXAMPLE_OPEN}${v}]`
      if (!v) { part = WILDCARD_PART; kept.push(`wildcard ${n + 1}: the output has no text there`) }
      else if (v.includes(']') || v.includes('\n')) { part = WILDCARD_PART; kept.push(`wildcard ${n + 1}: the text there has "]" (${v})`) }
      out += line.slice(pos, w.start) + part
      pos = w.end
    })
    out += line.slice(pos)
    if (out !== line || kept.length) fills.push({ index: es + k, from: line, to: out, ...(kept.length ? { kept } : {}) })
  })
  return fills
}
