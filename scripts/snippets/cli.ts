/**
 * `npm run test:snippets [-- options]`: run every runnable snippet of the site against a real,
 * isolated Docker engine. See docs/contribute/snippets.md.
 *
 *   --page <file.md>   run only this page (repeatable; a bare `docs/x.md` argument is the same)
 *   --jobs, -j <n>     pages in parallel, each on its own sandbox engine (default: SNIPPETS_JOBS or 3;
 *                      pages mostly wait on containers, so on 2 cores 3-4 engines beat 1-2, see
 *                      docs/contribute/snippets.md)
 *   --shard <k>/<n>    run the k-th of n slices of the pages (CI)
 *   --lane <store>     run only on this image store: containerd | overlay2 (default: both, each page
 *                      on each store; repeatable)
 *   --json <path>      full report (default reports/snippets.json)
 *   --status <path>    compact status (default reports/snippet-status.json; --no-status: none)
 *   --update-site      also write the site's tracked copy, docs/.snippet-status.json (badges, status
 *                      page); needs both lanes. Without it a run changes nothing tracked by git.
 *   --fill-examples    also write, for every in-line wildcard of a passing console command, the text
 *                      the engine printed there into the page (`[...=value]`, scripts/snippets/fill.ts);
 *                      pages that fail are not written; prints each change as file:line
 *   --sweep            only clean up what killed runs left behind, then exit
 *   --help, -h         print the usage line
 *
 * Exit status: 0 all passed, 1 a snippet failed or a page has a syntax error, 2 cannot run here or a
 * bad command line (one line naming the option, then the usage).
 */
import { LANES, type Lane } from './config'
import { EngineError } from './engine'
import { PreflightError } from './preflight'
import { sweepStale } from './state'
import { runSuite } from './suite'
import { intOption, parseCli, parseOrExit, UsageError } from '../lib/cli-args'

const USAGE = 'npm run test:snippets -- [--page docs/x.md]... [--jobs N] [--shard k/n] [--lane containerd|overlay2]... [--json path] [--status path | --no-status] [--update-site] [--fill-examples] [--sweep]'

/** What a command line asks the snippet suite to do (see the options above). */
export interface CliArgs {
  pages: string[]
  jobs: number
  shard?: { k: number; n: number }
  json: string
  /** status files to write: --status (or its default) and, with --update-site, the site's copy */
  statusFiles: string[]
  /** image stores in the order first named, no duplicates; empty = all */
  lanes: Lane[]
  sweepOnly: boolean
  /** write example values into the pages (--fill-examples) */
  fillExamples: boolean
}

/**
 * Parse the arguments after the script name. Pages are `--page x.md` or bare `x.md` arguments, in
 * the order given; of `--status` and `--no-status` the last one wins.
 * @param env the environment (SNIPPETS_JOBS: default for --jobs, unchecked as before)
 * @throws HelpRequested / UsageError (scripts/lib/cli-args.ts) naming the bad option
 */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const { values, positionals, tokens } = parseCli(argv, {
    options: {
      page: { type: 'string', multiple: true },
      jobs: { type: 'string', short: 'j' },
      shard: { type: 'string' },
      lane: { type: 'string', multiple: true },
      json: { type: 'string', default: 'reports/snippets.json' },
      status: { type: 'string' },
      'no-status': { type: 'boolean' },
      'update-site': { type: 'boolean', default: false },
      sweep: { type: 'boolean', default: false },
      'fill-examples': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    tokens: true,
  })
  for (const p of positionals) if (p.startsWith('-') || !p.endsWith('.md')) throw new UsageError(`unknown argument ${p}`)
  // pages keep command-line order whether given as --page or bare
  const pages = tokens.flatMap((t) => (t.kind === 'option' && t.name === 'page' ? [t.value!] : t.kind === 'positional' ? [t.value] : []))
  const jobs = values.jobs === undefined ? Number(env.SNIPPETS_JOBS || 3) : intOption('--jobs', values.jobs, 1, 16)
  let shard: CliArgs['shard']
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard)
    if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new UsageError(`--shard must look like 1/4, got "${values.shard}"`)
    shard = { k: +m[1], n: +m[2] }
  }
  const lanes: Lane[] = []
  for (const l of values.lane ?? []) {
    if (!(LANES as readonly string[]).includes(l)) throw new UsageError(`--lane must be one of ${LANES.join(', ')}, got "${l}"`)
    if (!lanes.includes(l as Lane)) lanes.push(l as Lane)
  }
  const lastStatus = [...tokens].reverse().find((t) => t.kind === 'option' && (t.name === 'status' || t.name === 'no-status'))
  const status = lastStatus?.kind === 'option' && lastStatus.name === 'no-status' ? undefined : (values.status ?? 'reports/snippet-status.json')
  const updateSite = values['update-site']
  if (!values.sweep && updateSite && lanes.length && lanes.length < LANES.length) throw new UsageError('--update-site needs both image stores (drop --lane)')
  const statusFiles = [status, updateSite ? 'docs/.snippet-status.json' : undefined].filter((f): f is string => !!f)
  return { pages, jobs, shard, json: values.json, statusFiles, lanes, sweepOnly: values.sweep, fillExamples: values['fill-examples'] }
}

async function main() {
  const { pages, jobs, shard, json, statusFiles, lanes, sweepOnly, fillExamples } = parseOrExit('test:snippets', USAGE, () => parseCliArgs(process.argv.slice(2)))
  const log = (m: string) => console.log(m)
  if (sweepOnly) {
    const r = await sweepStale(log)
    log(`swept ${r.runs.length} stale run(s): ${JSON.stringify(r.result)}`)
    return 0
  }
  const { exitCode } = await runSuite({ pages, jobs, shard, json, statusFiles, lanes, cwd: process.cwd(), log, fillExamples })
  return exitCode
}

if (import.meta.url === `file://${process.argv[1]}`) {
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
}
