/**
 * `npm run test:snippets [-- options]`: run every runnable snippet of the site against a real,
 * isolated Docker engine. See docs/contribute/snippets.md.
 *
 *   --page <file.md>   run only this page (repeatable)
 *   --jobs <n>         pages in parallel, each on its own sandbox engine (default: SNIPPETS_JOBS or 3;
 *                      pages mostly wait on containers, so on 2 cores 3-4 engines beat 1-2, see
 *                      docs/contribute/snippets.md)
 *   --shard <k>/<n>    run the k-th of n slices of the pages (CI)
 *   --json <path>      full report (default reports/snippets.json)
 *   --status <path>    compact status for the site (default docs/.snippet-status.json; --no-status: none)
 *   --sweep            only clean up what killed runs left behind, then exit
 *
 * Exit status: 0 all passed, 1 a snippet failed or a page has a syntax error, 2 cannot run here.
 */
import path from 'node:path'
import { PreflightError } from './preflight'
import { sweepStale } from './state'
import { runSuite } from './suite'

function usage(msg: string): never {
  console.error(`test:snippets: ${msg}\nusage: npm run test:snippets -- [--page docs/x.md]... [--jobs N] [--shard k/n] [--json path] [--status path | --no-status] [--sweep]`)
  process.exit(2)
}

async function main() {
  const argv = process.argv.slice(2)
  const pages: string[] = []
  let jobs = Number(process.env.SNIPPETS_JOBS || 3)
  let shard: { k: number; n: number } | undefined
  let json = 'reports/snippets.json'
  let status: string | undefined = 'docs/.snippet-status.json'
  let sweepOnly = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const val = () => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      if (i + 1 >= argv.length) usage(`${a} needs a value`)
      return argv[++i]
    }
    const name = a.split('=')[0]
    if (name === '--page') pages.push(val())
    else if (name === '--jobs' || name === '-j') {
      jobs = Number(val())
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) usage('--jobs must be 1..16')
    } else if (name === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(val())
      if (!m || +m[1] < 1 || +m[1] > +m[2]) usage('--shard must look like 1/4')
      shard = { k: +m![1], n: +m![2] }
    } else if (name === '--json') json = val()
    else if (name === '--status') status = val()
    else if (name === '--no-status') status = undefined
    else if (name === '--sweep') sweepOnly = true
    else if (!a.startsWith('-') && a.endsWith('.md')) pages.push(a)
    else usage(`unknown argument ${a}`)
  }
  const log = (m: string) => console.log(m)
  if (sweepOnly) {
    const r = await sweepStale(log)
    log(`swept ${r.runs.length} stale run(s): ${JSON.stringify(r.result)}`)
    return 0
  }
  const { exitCode } = await runSuite({ pages, jobs, shard, json, statusFile: status, cwd: process.cwd(), log })
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof PreflightError) {
      console.error(e.message)
      process.exit(2)
    }
    console.error(e)
    process.exit(1)
  },
)
void path
