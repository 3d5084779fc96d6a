/**
 * `npm test`: every check CI runs, each one timed, ending with one summary line.
 *
 *   npm test                       # everything
 *   npm test -- --only unit,build  # some steps (by name)
 *   npm test -- --jobs 2           # two steps at a time (default: 1, see below)
 *
 * Steps form a small dependency graph (`needs`) and run up to `--jobs` at a time. Measured on the
 * 2-core CI machine (fresh clone, 2026-11-29): with 2 at a time the snippet step took 1155 s instead
 * of ~700 s and the browser step 1108 s instead of ~450 s, and the whole run (1654 s) was no faster
 * than one step at a time — both steps need the CPU more than it looked. So the default is 1;
 * `--jobs 2` pays off on machines with more cores.
 *
 * Steps run even after a failure (one run shows everything that is wrong), but the exit code is
 * non-zero if any step failed. Nothing is skipped silently: a step that cannot run fails.
 * Each step's output goes live to reports/steps/<name>.log and is printed whole when the step ends,
 * so parallel steps never interleave their lines.
 *
 * A step that needs the built site while the `build` step is not selected rebuilds first when the
 * build is missing or older than its sources (never tests a stale build).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DIST_DIR } from './lib/static-server'
import { parseOrExit } from './lib/cli-args'
import { parseTestAllArgs, TEST_ALL_USAGE } from './lib/test-all-args'
import { failureLines, lastLine, stripAnsi } from './lib/step-output'

interface Step {
  name: string
  cmd: string
  args: string[]
  /** steps that must have finished first (when they are selected) */
  needs?: string[]
  /** this step reads .vitepress/dist */
  usesBuild?: boolean
  /** the figure shown in the summary, read from the step's output */
  counts?: (out: string) => string
  /** run only when named in --only (not part of a plain `npm test`) */
  optIn?: boolean
}

/**
 * The English edition's parity and drift check (scripts/check-translations.ts, issue #17) fails
 * until every Chinese page has its stamped English page. Until the translations are merged it
 * runs only on request (`npm test -- --only translations`); set this to true to make it part of
 * every `npm test`.
 */
const TRANSLATIONS_IN_DEFAULT_RUN = true

const vitestCounts = (out: string) => {
  const tests = /Tests\s+(.*?)\s*\(\d+\)/.exec(stripAnsi(out))?.[1]
  return tests ? `tests: ${tests}` : ''
}

/** Listed in priority order: when a slot frees, the first ready step starts (critical path first). */
const STEPS: Step[] = [
  // `npm run build`, not `npx vitepress build`: the developer's command with its node flags (package.json)
  { name: 'build', cmd: 'npm', args: ['run', 'build'], counts: lastLine(/build complete in [\d.]+s/) },
  { name: 'snippets', cmd: 'npx', args: ['tsx', 'scripts/snippets/cli.ts'], needs: ['build'], usesBuild: true, counts: lastLine(/\d+ passed, \d+ failed, \d+ skipped/) },
  { name: 'typecheck', cmd: 'npx', args: ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'pages', cmd: 'npx', args: ['tsx', 'scripts/check-pages.ts'], counts: lastLine(/✓ pages ok|✗ \d+ problem\(s\)/) },
  { name: 'lint', cmd: 'npx', args: ['tsx', 'scripts/lint-docs.ts'], counts: lastLine(/lint: .*/) },
  // both unit projects (vitest.config.ts: files that write into docs/ run alone, after the others)
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--project', 'unit', '--project', 'unit-alone'], counts: vitestCounts },
  { name: 'diagrams', cmd: 'npx', args: ['tsx', 'scripts/check-diagrams.ts'], counts: lastLine(/\d+ diagrams rendered.*failed/) },
  { name: 'links', cmd: 'npx', args: ['tsx', 'scripts/check-links.ts'], needs: ['build'], usesBuild: true, counts: lastLine(/links: .*/) },
  { name: 'browser', cmd: 'npx', args: ['vitest', 'run', '--project', 'browser'], needs: ['build'], usesBuild: true, counts: vitestCounts },
  // `npm run pdf` for the book and the smallest section, checked against the built site (tests/pdf)
  { name: 'pdf', cmd: 'npx', args: ['vitest', 'run', '--project', 'pdf'], needs: ['build'], usesBuild: true, counts: vitestCounts },
  // the site under --base /docker-kb/ (a fork's project site): its own build in a temp folder, then
  // links and a browser test; after `build` because two VitePress builds share .vitepress/.temp
  { name: 'subpath', cmd: 'npx', args: ['tsx', 'scripts/check-subpath.ts'], needs: ['build'], counts: lastLine(/subpath links: .*/) },
  { name: 'harness', cmd: 'npx', args: ['vitest', 'run', '--project', 'snippets'], counts: vitestCounts },
  // every Chinese page has its English page, same headings and runnable fences, stamps up to date
  { name: 'translations', cmd: 'npx', args: ['tsx', 'scripts/check-translations.ts'], optIn: !TRANSLATIONS_IN_DEFAULT_RUN, counts: lastLine(/translations: .*/) },
]

interface Result { name: string; ok: boolean; seconds: number; counts: string; failures?: string[] }

const { jobs, only } = parseOrExit('test', TEST_ALL_USAGE, () => parseTestAllArgs(process.argv.slice(2), STEPS.map((s) => s.name)))
const wanted = only ? new Set(only) : undefined
const steps = STEPS.filter((s) => (wanted ? wanted.has(s.name) : !s.optIn))
const selected = new Set(steps.map((s) => s.name))

const LOG_DIR = 'reports/steps'
fs.mkdirSync(LOG_DIR, { recursive: true })

function run(step: Step): Promise<{ ok: boolean; out: string; seconds: number }> {
  const started = Date.now()
  const log = fs.createWriteStream(path.join(LOG_DIR, `${step.name}.log`))
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } })
    let out = ''
    const onData = (d: Buffer) => { out += d; log.write(d) }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    const done = (ok: boolean, extra = '') => { log.end(); resolve({ ok, out: out + extra, seconds: (Date.now() - started) / 1000 }) }
    child.on('close', (code) => done(code === 0))
    child.on('error', (e) => done(false, String(e)))
  })
}

/** Newest modification time (ms) of the files the site is built from. */
function newestSource(): number {
  let newest = 0
  const skip = new Set(['dist', 'cache', '.temp', 'node_modules'])
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(e.name)) continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else newest = Math.max(newest, fs.statSync(p).mtimeMs)
    }
  }
  for (const dir of ['docs', '.vitepress', 'core', 'public', 'scripts/lib']) if (fs.existsSync(dir)) walk(dir)
  for (const f of ['package-lock.json', 'versions.json']) if (fs.existsSync(f)) newest = Math.max(newest, fs.statSync(f).mtimeMs)
  return newest
}

/** When the build step is not selected but a selected step reads the build: rebuild if stale. */
async function ensureFreshBuild(results: Result[]): Promise<boolean> {
  const index = path.join(DIST_DIR, 'index.html')
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  if (builtAt > newestSource()) return true
  console.log(`\n━━ build (${builtAt ? 'older than its sources' : 'missing'}; needed by ${steps.filter((s) => s.usesBuild).map((s) => s.name).join(', ')})`)
  const build = STEPS.find((s) => s.name === 'build')!
  const r = await run(build)
  process.stdout.write(r.out)
  results.push({ name: 'build', ok: r.ok, seconds: r.seconds, counts: build.counts?.(r.out) ?? '' })
  return r.ok
}

const results: Result[] = []
const started = Date.now()
if (!selected.has('build') && steps.some((s) => s.usesBuild) && !(await ensureFreshBuild(results))) {
  for (const s of steps.filter((s) => s.usesBuild)) results.push({ name: s.name, ok: false, seconds: 0, counts: 'not run: the build failed' })
  steps.splice(0, steps.length, ...steps.filter((s) => !s.usesBuild))
}

const finished = new Set<string>()
const failed = new Set<string>()
const pending = [...steps]
const running = new Map<string, Promise<void>>()
const clock = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`
while (pending.length || running.size) {
  // start every ready step while a slot is free; a step whose prerequisite failed is reported, not run
  for (let i = 0; i < pending.length && running.size < jobs;) {
    const step = pending[i]
    const needs = (step.needs ?? []).filter((n) => selected.has(n))
    if (!needs.every((n) => finished.has(n))) { i++; continue }
    pending.splice(i, 1)
    const broken = needs.filter((n) => failed.has(n))
    if (broken.length) {
      results.push({ name: step.name, ok: false, seconds: 0, counts: `not run: ${broken.join(', ')} failed` })
      finished.add(step.name); failed.add(step.name)
      continue
    }
    console.log(`[${clock()}] ▶ ${step.name}: ${step.cmd} ${step.args.join(' ')}`)
    running.set(step.name, run(step).then((r) => {
      console.log(`\n━━ ${step.name} (${r.ok ? 'ok' : 'FAILED'}, ${r.seconds.toFixed(1)} s, log: ${LOG_DIR}/${step.name}.log)`)
      process.stdout.write(r.out.endsWith('\n') ? r.out : `${r.out}\n`)
      console.log(`[${clock()}] ■ ${step.name}`)
      results.push({ name: step.name, ok: r.ok, seconds: r.seconds, counts: step.counts?.(r.out) ?? '', failures: r.ok ? undefined : failureLines(r.out) })
      finished.add(step.name)
      if (!r.ok) failed.add(step.name)
      running.delete(step.name)
    }))
  }
  if (running.size) await Promise.race(running.values())
  else if (pending.length) throw new Error(`steps that can never start: ${pending.map((s) => s.name).join(', ')}`)
}

const order = (n: string) => STEPS.findIndex((s) => s.name === n)
results.sort((a, b) => order(a.name) - order(b.name))
console.log(`\n━━ summary (${jobs} at a time, wall ${((Date.now() - started) / 1000).toFixed(1)} s)`)
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.counts}`)
const bad = results.filter((r) => !r.ok)
for (const r of bad) {
  if (!r.failures?.length) continue
  console.log(`\n${r.name}: what failed (whole output: ${LOG_DIR}/${r.name}.log)`)
  for (const l of r.failures) console.log(`  ${l}`)
}
fs.writeFileSync('reports/test-summary.json', JSON.stringify(results, null, 2))
console.log(`${bad.length ? 'FAILED' : 'PASSED'}: ${results.length - bad.length}/${results.length} steps passed${bad.length ? ` (failed: ${bad.map((f) => f.name).join(', ')})` : ''}`)
process.exit(bad.length ? 1 : 0)
