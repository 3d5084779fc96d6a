/**
 * `npm run test:snippets [-- options]`: run every runnable snippet of the site against a real,
 * isolated Docker engine. See docs/contribute/snippets.md.
 *
 *   --page <file.md>   run only this page (repeatable)
 *   --jobs <n>         pages in parallel, each on its own sandbox engine (default: SNIPPETS_JOBS or 3;
 *                      pages mostly wait on containers, so on 2 cores 3-4 engines beat 1-2, see
 *                      docs/contribute/snippets.md)
 *   --shard <k>/<n>    run the k-th of n slices of the pages (CI)
 *   --lane <store>     run only on this image store: containerd | overlay2 (default: both, each page
 *                      on each store)
 *   --json <path>      full report (default reports/snippets.json)
 *   --status <path>    compact status (default reports/snippet-status.json; --no-status: none)
 *   --update-site      also write the site's tracked copy, docs/.snippet-status.json (badges, status
 *                      page); needs both lanes. Without it a run changes nothing tracked by git.
 *   --sweep            only clean up what killed runs left behind, then exit
 *
 * Exit status: 0 all passed, 1 a snippet failed or a page has a syntax error, 2 cannot run here.
 */
import path from 'node:path'
import { LANES, type Lane } from './config'
import { EngineError } from './engine'
import { PreflightError } from './preflight'
import { sweepStale } from './state'
import { runSuite } from './suite'

function usage(msg: string): never {
  console.error(`test:snippets: ${msg}\nusage: npm run test:snippets -- [--page docs/x.md]... [--jobs N] [--shard k/n] [--lane containerd|overlay2] [--json path] [--status path | --no-status] [--update-site] [--sweep]`)
  process.exit(2)
}

async function main() {
  const argv = process.argv.slice(2)
  const pages: string[] = []
  let jobs = Number(process.env.SNIPPETS_JOBS || 3)
  let shard: { k: number; n: number } | undefined
  let json = 'reports/snippets.json'
  let status: string | undefined = 'reports/snippet-status.json'
  let updateSite = false
  const lanes: Lane[] = []
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
    else if (name === '--update-site') updateSite = true
    else if (name === '--lane') {
      const l = val()
      if (!(LANES as readonly string[]).includes(l)) usage(`--lane must be one of ${LANES.join(', ')}`)
      if (!lanes.includes(l as Lane)) lanes.push(l as Lane)
    }
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
  if (updateSite && lanes.length && lanes.length < LANES.length) usage('--update-site needs both image stores (drop --lane)')
  const statusFiles = [status, updateSite ? 'docs/.snippet-status.json' : undefined].filter((f): f is string => !!f)
  const { exitCode } = await runSuite({ pages, jobs, shard, json, statusFiles, lanes, cwd: process.cwd(), log })
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof PreflightError || e instanceof EngineError) {
      console.error(e.message)
      process.exit(2)
    }
    console.error(e)
    process.exit(1)
  },
)
void path
