/**
 * Run one page: its snippets in order, in one shell, against one sandbox engine.
 *
 *  - `file=` fences are written (relative to the shell's current directory, inside the page's
 *    temporary directory) when reached; `*.k8s.yaml` files are also validated (validate-k8s.ts).
 *  - `sh`/`bash`/`shell` `run` fences run as one unit (session.ts explains the `set -e`-like rule)
 *    and must end with status `exit=` (default 0).
 *  - `console run` fences: every `$ ` command runs on its own, like a line typed at a prompt (no
 *    `set -e` inside the line: `a; b` runs b even when a fails); its combined stdout+stderr must
 *    match the lines shown under it (`outputMatches`: `...` and `[...]` wildcards). Every command
 *    but the last must succeed; the last must end with `exit=` (default 0).
 *  - `run` fences with `dist=PATH` first get a copy of the built site (DIST_DIR) at PATH, relative
 *    to the shell's current directory; without a build the snippet fails, naming page and line.
 *  - With `fillExamples`, a passing console command's result also carries `examples`: its
 *    expected lines with each in-line wildcard set to the text the run printed there
 *    (core/snippet-syntax.ts fillExamples); scripts/snippets/fill.ts writes them into the page.
 *  - `norun` fences are skipped with their reason.
 *  - After the first failure the rest of the page is skipped (later snippets usually depend on
 *    earlier ones); they are reported as skipped "after an earlier failure".
 */
import fs from 'node:fs'
import path from 'node:path'
import { fillExamples, outputMatches, parseConsole, WAIT_INTERVAL_S, waitLabel, waitScript, WILDCARD_LINES, type ConsoleStep, type SnippetWait } from '../../core/snippet-syntax'
import { DIST_DIR } from '../lib/static-server'
import { writeDockerConfig } from './cli-plugins'
import type { Lane } from './config'
import { currentEngine } from './engine'
import { addCpu, diffCpu, type CpuMs } from './cpu'
import { fenceWhere, type Fence } from './extract'
import type { Sandbox } from './sandbox'
import { Session } from './session'
import { referencedStandins, RegistryLogWatcher } from './standins/usage'
import { validateK8sYaml } from './validate-k8s'

export type SnippetStatus = 'passed' | 'failed' | 'skipped'

export interface SnippetResult {
  id: string
  page: string
  line: number
  lang: string
  kind: 'run' | 'norun' | 'file'
  status: SnippetStatus | 'written'
  reason?: string
  ms: number
  exit?: number
  expectedExit?: number
  /** stand-in images the snippet referenced or pulled */
  standins: string[]
  /** output (truncated) */
  output?: string
  /** expected-vs-actual for console mismatches, or what went wrong */
  detail?: string
  shellRestarted?: boolean
  /** image store the snippet ran on (pages without an engine: none) */
  lane?: Lane
  /** where the fence is written when that is not the page (a command example's YAML file and line) */
  source?: { file: string; line: number }
  /**
   * with `fillExamples`: the output lines of a passing console fence whose in-line wildcards get
   * the values this run printed; `at` is the 0-based line in the fence's content (so a covered
   * translation, re-addressed to its own fence, needs no mapping)
   */
  examples?: { at: number; from: string; to: string; kept?: string[] }[]
}

export interface PageResult {
  page: string
  status: SnippetStatus
  ms: number
  snippets: SnippetResult[]
  /** ms spent in snippets (inside docker and the shell) */
  snippetMs: number
  /** image store lane the page ran on (pages without run fences: none) */
  lane?: Lane
  /**
   * a translation that was not run: these are the results of this source page's run (same
   * executed fences, scripts/snippets/pairs.ts), re-addressed to the translation's fences
   */
  coveredBy?: string
  /**
   * the failed snippets of a first attempt when the page passed on its one retry (on a fresh
   * engine; scripts/snippets/suite.ts): the page counts as passed and the run lists it as flaky
   */
  flaky?: SnippetResult[]
  /**
   * CPU ms the page cost, by who spent it (scripts/snippets/cpu.ts): its shell with the docker
   * CLI, dockerd, containerd, the containers, the registry. Without the engine reset afterwards.
   */
  cpu?: CpuMs
  /** when the page started, ms after the run's start, and the 0-based job that ran it (suite.ts; the run's timeline) */
  startMs?: number
  job?: number
}

export interface PageContext {
  /** the engine; pages without `run` fences need none */
  sb?: Sandbox
  /** the page's own fresh directory (work dir, home, docker config, control files) */
  root: string
  onSnippet?: (r: SnippetResult) => void
  /** collect example values for in-line wildcards of passing console commands (SnippetResult.examples) */
  fillExamples?: boolean
}

const OUTPUT_LIMIT = 4000

export function truncate(s: string, n = OUTPUT_LIMIT): string {
  if (s.length <= n) return s
  const head = s.slice(0, Math.floor(n / 2))
  const tail = s.slice(-Math.floor(n / 2))
  return `${head}\n[... ${s.length - n} characters cut ...]\n${tail}`
}

/**
 * A readable expected-vs-actual diff: a minimal alignment where `...` lines absorb any number of
 * actual lines and `[...]` parts match within a line; unmatched lines are shown as - / +.
 */
export function diffLines(expected: string[], actual: string[]): string {
  const wild = (e: string) => e.trim() === WILDCARD_LINES
  const eq = (e: string, a: string) => outputMatches([e], [a])
  const n = expected.length
  const m = actual.length
  if ((n + 1) * (m + 1) > 250_000) return ['--- expected', ...expected.map((l) => '-' + l), '+++ actual', ...actual.map((l) => '+' + l)].join('\n')
  // C[i][j]: fewest -/+ lines to align expected[i..] with actual[j..]
  const C: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0))
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) { C[i][j] = m - j; continue }
      if (wild(expected[i])) { C[i][j] = Math.min(C[i + 1][j], j < m ? C[i][j + 1] : Infinity); continue }
      let best = C[i + 1][j] + 1
      if (j < m) best = Math.min(best, C[i][j + 1] + 1, eq(expected[i], actual[j]) ? C[i + 1][j + 1] : Infinity)
      C[i][j] = best
    }
  }
  const out = ['--- expected', '+++ actual']
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && wild(expected[i])) {
      if (C[i][j] === C[i + 1][j]) i++
      else out.push(' ' + actual[j++])
    } else if (i < n && j < m && eq(expected[i], actual[j]) && C[i][j] === C[i + 1][j + 1]) { out.push(' ' + actual[j]); i++; j++ }
    else if (j < m && C[i][j] === C[i][j + 1] + 1) out.push('+' + actual[j++])
    else out.push('-' + expected[i++])
  }
  return out.join('\n')
}

/**
 * The example values of one console step (core/snippet-syntax.ts fillExamples), addressed by the
 * 0-based line in the fence's content.
 * @param step the step as parseConsole returns it; `output` the command's actual combined output
 * @returns the output lines to rewrite; empty when none has an in-line wildcard or it does not match
 */
export function stepExamples(step: ConsoleStep, output: string): NonNullable<SnippetResult['examples']> {
  // the step's output starts after its command's lines (a command may continue with `\`)
  const first = step.offset + step.command.split('\n').length
  return (fillExamples(step.output, toLines(output)) ?? []).map((e) => ({ at: first + e.index, from: e.from, to: e.to, ...(e.kept ? { kept: e.kept } : {}) }))
}

function toLines(s: string): string[] {
  return s.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')
}

export async function runPage(page: string, fences: Fence[], ctx: PageContext): Promise<PageResult> {
  const t0 = Date.now()
  const work = path.join(ctx.root, 'work')
  const home = path.join(ctx.root, 'home')
  const dockerConfig = path.join(ctx.root, 'docker-config')
  const tmp = path.join(ctx.root, 'tmp')
  for (const d of [work, home, tmp]) fs.mkdirSync(d, { recursive: true })
  writeDockerConfig(dockerConfig)
  const env: NodeJS.ProcessEnv = {
    // the pinned engine's docker/containerd first (engine.ts), never a host Docker
    PATH: currentEngine().path,
    HOME: home,
    USER: 'root',
    LOGNAME: 'root',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    TZ: 'UTC',
    TMPDIR: tmp,
    DOCKER_HOST: ctx.sb?.host ?? 'unix:///nonexistent',
    DOCKER_CONFIG: dockerConfig,
    DOCKER_CLI_HINTS: 'false',
    BUILDKIT_PROGRESS: 'plain',
  }
  let session: Session | undefined
  const watcher = new RegistryLogWatcher(ctx.sb ? path.join(ctx.sb.dir, 'registry.log') : '/nonexistent')
  const results: SnippetResult[] = []
  let failedAt: Fence | undefined
  let snippetMs = 0
  const cpu0 = ctx.sb?.cpu() ?? {}
  let shellCpu = 0
  const push = (r: SnippetResult) => {
    results.push(r)
    ctx.onSnippet?.(r)
  }
  try {
    for (const f of fences) {
      const base = { id: f.id, page, line: f.line, ...(f.source ? { source: f.source } : {}), lang: f.meta.lang, standins: [] as string[], ms: 0, lane: ctx.sb?.lane }
      if (f.meta.kind === 'plain') continue
      if (f.meta.kind === 'run' && f.meta.store && ctx.sb && f.meta.store !== ctx.sb.lane) {
        // written for the other image store (the page shows which, in a code group tab)
        push({ ...base, kind: 'run', status: 'skipped', reason: `only for the ${f.meta.store} image store` })
        continue
      }
      if (f.meta.kind === 'norun') {
        push({ ...base, kind: 'norun', status: 'skipped', reason: f.meta.reason })
        continue
      }
      if (failedAt) {
        if (f.meta.kind === 'run') push({ ...base, kind: 'run', status: 'skipped', reason: `not run: the snippet at line ${failedAt.line} failed` })
        continue
      }
      if (f.meta.kind === 'file') {
        const r = writeFileFence(f, work, session?.pwd ?? work)
        const isK8s = f.meta.file!.endsWith('.k8s.yaml')
        if (r.error || isK8s) {
          const errors = r.error ? [r.error] : validateK8sYaml(f.content)
          const res: SnippetResult = { ...base, kind: 'file', status: errors.length ? 'failed' : 'passed', reason: isK8s ? 'Kubernetes manifest: validated, not applied' : undefined }
          if (errors.length) res.detail = errors.join('\n')
          push(res)
          if (errors.length) failedAt = f
        } else {
          push({ ...base, kind: 'file', status: 'written', reason: `written to ${r.path}` })
        }
        continue
      }
      // run
      if (!ctx.sb) throw new Error(`${fenceWhere(f)}: a run snippet needs a sandbox engine`)
      session ??= new Session(ctx.sb, work, path.join(ctx.root, 'ctl'), env)
      if (!session.alive) await session.start()
      if (f.meta.dist) {
        const c = copyBuiltSite(f.meta.dist, work, session.pwd)
        if (c.error) {
          push({ ...base, kind: 'run', status: 'failed', detail: `${fenceWhere(f)}: ${c.error}` })
          failedAt = f
          continue
        }
      }
      watcher.mark()
      const t = Date.now()
      const res = f.meta.lang === 'console' ? await runConsole(f, session, ctx.fillExamples) : await runShell(f, session)
      if (res.status === 'passed' && f.meta.wait) await runWait(f.meta.wait, session, res)
      res.ms = Date.now() - t
      snippetMs += res.ms
      res.standins = [...new Set([...referencedStandins(f.content), ...watcher.pulledSince()])].sort()
      res.lane = ctx.sb.lane
      push(res)
      if (res.status === 'failed') failedAt = f
    }
  } finally {
    shellCpu = session?.cpuMs() ?? 0
    await session?.close()
  }
  const cpu = ctx.sb && session ? diffCpu(addCpu(ctx.sb.cpu(), { shell: shellCpu }), cpu0) : undefined
  return { page, status: failedAt ? 'failed' : 'passed', ms: Date.now() - t0, snippets: results, snippetMs, lane: ctx.sb?.lane, ...(cpu ? { cpu } : {}) }
}

/** `rel` resolved against the shell's directory (the work dir when the shell has left it); undefined when it escapes the work dir */
function inWork(rel: string, work: string, pwd: string): string | undefined {
  const dir = pwd === work || pwd.startsWith(work + '/') ? pwd : work
  const target = path.resolve(dir, rel)
  return target === work || target.startsWith(work + '/') ? target : undefined
}

function writeFileFence(f: Fence, work: string, pwd: string): { path?: string; error?: string } {
  const target = inWork(f.meta.file!, work, pwd)
  if (!target) return { error: `file=${f.meta.file} would be written outside the page's working directory` }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, f.content)
  return { path: path.relative(work, target) || '.' }
}

/**
 * `dist=DEST`: copy the built site (`src`, default DIST_DIR: .vitepress/dist or KB_DIST, resolved
 * against the runner's directory, the repository root) to DEST, relative to the shell's directory
 * `pwd` inside the page's work dir `work`. A site counts as built when `src/index.html` exists.
 * @returns the copy's path relative to `work`, or an error (no build; DEST outside the work dir)
 */
export function copyBuiltSite(dest: string, work: string, pwd: string, src = path.resolve(DIST_DIR)): { path?: string; error?: string } {
  const target = inWork(dest, work, pwd)
  if (!target) return { error: `dist=${dest} would be copied outside the page's working directory` }
  if (!fs.existsSync(path.join(src, 'index.html'))) {
    return { error: `dist=${dest} needs the built site, but ${path.join(src, 'index.html')} does not exist: run \`npm run build\` first (or set KB_DIST to a built copy)` }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.cpSync(src, target, { recursive: true })
  return { path: path.relative(work, target) || '.' }
}

/**
 * The snippet's hidden readiness wait (`wait-http=` / `wait=`, core/snippet-syntax.ts waitScript),
 * run in the page's shell after the snippet passed; a wait that runs out fails the snippet.
 * @param res the snippet's result, changed in place (status, detail, exit)
 */
async function runWait(w: SnippetWait, session: Session, res: SnippetResult): Promise<void> {
  // waitScript stops itself after w.timeout s; the extra seconds only catch a try that hangs
  const r = await session.exec(waitScript(w), (w.timeout + 5) * 1000, { errexit: false })
  if (r.shellExited) res.shellRestarted = true
  if (r.code === 0 && !r.timedOut) return
  res.status = 'failed'
  res.detail = `${waitLabel(w)}: not ready after ${w.timeout} s (the snippet itself passed; it retried every ${WAIT_INTERVAL_S} s)`
}

async function runShell(f: Fence, session: Session): Promise<SnippetResult> {
  const r = await session.exec(f.content, f.meta.timeout * 1000)
  const res: SnippetResult = {
    id: f.id, page: f.file, line: f.line, ...(f.source ? { source: f.source } : {}), lang: f.meta.lang, kind: 'run', status: 'passed', ms: r.ms,
    exit: r.code, expectedExit: f.meta.exit, standins: [], output: truncate(r.output),
  }
  if (r.shellExited) res.shellRestarted = true
  if (r.timedOut) {
    res.status = 'failed'
    res.detail = `timed out after ${f.meta.timeout} s (killed; raise it with timeout=N if this is expected)`
  } else if (r.code !== f.meta.exit) {
    res.status = 'failed'
    res.detail = `exit status ${r.code}, expected ${f.meta.exit}`
  }
  return res
}

async function runConsole(f: Fence, session: Session, fill = false): Promise<SnippetResult> {
  const steps = parseConsole(f.content)
  const res: SnippetResult = { id: f.id, page: f.file, line: f.line, ...(f.source ? { source: f.source } : {}), lang: 'console', kind: 'run', status: 'passed', ms: 0, expectedExit: f.meta.exit, standins: [] }
  const outputs: string[] = []
  const examples: NonNullable<SnippetResult['examples']> = []
  if (!steps.length || steps[0].command === '') {
    res.status = 'failed'
    res.detail = 'a console block must start with a `$ ` command line'
    return res
  }
  const deadline = Date.now() + f.meta.timeout * 1000
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]
    const last = k === steps.length - 1
    const left = deadline - Date.now()
    // like a line typed at a prompt: `a; b` runs b even when a fails
    const r = left > 0 ? await session.exec(step.command, left, { errexit: false }) : { code: 124, output: '', timedOut: true, shellExited: false, ms: 0, pwd: '' }
    outputs.push(`$ ${step.command}\n${r.output}`)
    res.exit = r.code
    const where = `line ${f.line + 1 + step.offset}: $ ${step.command.split('\n')[0]}`
    if (r.shellExited) res.shellRestarted = true
    if (r.timedOut) {
      res.status = 'failed'
      res.detail = `${where}\ntimed out (block limit ${f.meta.timeout} s; killed)`
      break
    }
    if (!outputMatches(step.output, toLines(r.output))) {
      res.status = 'failed'
      res.detail = `${where}\noutput does not match what the page shows:\n${diffLines(trimBlank(step.output), trimBlank(toLines(r.output)))}`
      break
    }
    const want = last ? f.meta.exit : 0
    if (r.code !== want) {
      res.status = 'failed'
      res.detail = `${where}\nexit status ${r.code}, expected ${want}${last ? '' : ' (only the last command of a console block may fail, with exit=N)'}`
      break
    }
    if (fill) examples.push(...stepExamples(step, r.output))
  }
  res.output = truncate(outputs.join(''))
  if (fill && res.status === 'passed' && examples.length) res.examples = examples
  return res
}

function trimBlank(xs: string[]): string[] {
  let s = 0
  let e = xs.length
  while (s < e && !xs[s].trim()) s++
  while (e > s && !xs[e - 1].trim()) e--
  return xs.slice(s, e)
}
