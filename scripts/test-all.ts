/**
 * `npm test`: every check, in the order CI runs them, each one timed, ending with one summary
 * line. Steps run even after a failure (so one run shows everything that is wrong), but the exit
 * code is non-zero if any step failed. Nothing is skipped silently: a step that cannot run fails.
 *
 *   npm test                       # everything
 *   npm test -- --only unit,build  # some steps (by name)
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

interface Step { name: string; cmd: string; args: string[]; counts?: (out: string) => string }

const vitestCounts = (out: string) => {
  const tests = /Tests\s+(.*?)\s*\(\d+\)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]
  return tests ? `tests: ${tests}` : ''
}
const lastLine = (re: RegExp) => (out: string) => re.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? ''

const STEPS: Step[] = [
  { name: 'typecheck', cmd: 'npx', args: ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'pages', cmd: 'npx', args: ['tsx', 'scripts/check-pages.ts'], counts: lastLine(/✓ pages ok|✗ \d+ problem\(s\)/) },
  { name: 'lint', cmd: 'npx', args: ['tsx', 'scripts/lint-docs.ts'], counts: lastLine(/lint: .*/) },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--project', 'unit'], counts: vitestCounts },
  { name: 'diagrams', cmd: 'npx', args: ['tsx', 'scripts/check-diagrams.ts'], counts: lastLine(/\d+ diagrams rendered.*failed/) },
  { name: 'snippets', cmd: 'npx', args: ['tsx', 'scripts/snippets/cli.ts'], counts: lastLine(/\d+ passed, \d+ failed, \d+ skipped/) },
  { name: 'build', cmd: 'npx', args: ['vitepress', 'build'], counts: lastLine(/build complete in [\d.]+s/) },
  { name: 'links', cmd: 'npx', args: ['tsx', 'scripts/check-links.ts'], counts: lastLine(/links: .*/) },
  { name: 'browser', cmd: 'npx', args: ['vitest', 'run', '--project', 'browser'], counts: vitestCounts },
  { name: 'pdf', cmd: 'npx', args: ['vitest', 'run', '--project', 'pdf'], counts: vitestCounts },
  { name: 'harness', cmd: 'npx', args: ['vitest', 'run', '--project', 'snippets'], counts: vitestCounts },
]

function run(step: Step): Promise<{ ok: boolean; out: string; seconds: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } })
    let out = ''
    const onData = (d: Buffer) => { out += d; process.stdout.write(d) }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => resolve({ ok: code === 0, out, seconds: (Date.now() - started) / 1000 }))
    child.on('error', (e) => resolve({ ok: false, out: String(e), seconds: 0 }))
  })
}

const onlyAt = process.argv.indexOf('--only')
const wanted = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined
if (wanted) for (const w of wanted) if (!STEPS.some((s) => s.name === w)) throw new Error(`unknown step "${w}" (steps: ${STEPS.map((s) => s.name).join(', ')})`)
const steps = STEPS.filter((s) => !wanted || wanted.has(s.name))
const results: { name: string; ok: boolean; seconds: number; counts: string }[] = []
for (const step of steps) {
  console.log(`\n━━ ${step.name}: ${step.cmd} ${step.args.join(' ')}`)
  const r = await run(step)
  results.push({ name: step.name, ok: r.ok, seconds: r.seconds, counts: step.counts?.(r.out) ?? '' })
}
console.log('\n━━ summary')
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.counts}`)
const failed = results.filter((r) => !r.ok)
fs.mkdirSync('reports', { recursive: true })
fs.writeFileSync('reports/test-summary.json', JSON.stringify(results, null, 2))
console.log(`${failed.length ? 'FAILED' : 'PASSED'}: ${results.length - failed.length}/${results.length} steps passed${failed.length ? ` (failed: ${failed.map((f) => f.name).join(', ')})` : ''}`)
process.exit(failed.length ? 1 : 0)
