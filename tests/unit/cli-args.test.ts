/**
 * Command lines of the scripts (scripts/lib/cli-args.ts, node:util parseArgs): the parse functions
 * of the CLIs with the most options, and the exit path (one line naming the option, the usage, exit 2).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HelpRequested, intOption, parseCli, UsageError } from '../../scripts/lib/cli-args'
import { parseTestAllArgs } from '../../scripts/lib/test-all-args'
import { parseCliArgs as parseSnippetArgs } from '../../scripts/snippets/cli'
import { parseCliArgs as parseSearchEvalArgs } from '../../scripts/search-eval'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('parseCli', () => {
  it('is strict: an unknown option, a missing value, an unexpected argument each name what is wrong in one line', () => {
    const options = { jobs: { type: 'string' as const } }
    expect(() => parseCli(['--bogus'], { options, allowPositionals: true })).toThrow(new UsageError("Unknown option '--bogus'"))
    expect(() => parseCli(['--jobs'], { options })).toThrow(new UsageError("Option '--jobs <value>' argument missing"))
    expect(() => parseCli(['x.md'], { options })).toThrow(UsageError)
    expect(() => parseCli(['x.md'], { options })).toThrow(/'x\.md'/)
  })
  it('--help and -h ask for the usage, unless they come after --', () => {
    expect(() => parseCli(['--help'], { options: {} })).toThrow(HelpRequested)
    expect(() => parseCli(['x', '-h'], { options: {}, allowPositionals: true })).toThrow(HelpRequested)
    expect(parseCli(['--', '--help'], { options: {}, allowPositionals: true }).positionals).toEqual(['--help'])
  })
  it('intOption checks whole numbers and bounds', () => {
    expect(intOption('--jobs', '4', 1, 16)).toBe(4)
    for (const bad of ['0', '17', '2.5', 'x', '']) expect(() => intOption('--jobs', bad, 1, 16)).toThrow(/--jobs must be a whole number 1\.\.16/)
  })
})

describe('npm run test:snippets (scripts/snippets/cli.ts)', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseSnippetArgs(argv, env)
  it('defaults: every page, both image stores, SNIPPETS_JOBS or 3 engines, the report and status under reports/', () => {
    expect(parse([])).toEqual({ pages: [], jobs: 3, shard: undefined, json: 'reports/snippets.json', statusFiles: ['reports/snippet-status.json'], lanes: [], sweepOnly: false, fillExamples: false })
    expect(parse([], { SNIPPETS_JOBS: '5' }).jobs).toBe(5)
  })
  it('pages: --page repeated and bare .md arguments, in command-line order', () => {
    expect(parse(['--page', 'docs/a.md', 'docs/b.md', '--page=docs/c.md']).pages).toEqual(['docs/a.md', 'docs/b.md', 'docs/c.md'])
  })
  it('--jobs / -j, --shard, --json', () => {
    expect(parse(['-j', '2']).jobs).toBe(2)
    expect(parse(['--jobs=16']).jobs).toBe(16)
    expect(parse(['--shard', '2/4']).shard).toEqual({ k: 2, n: 4 })
    expect(parse(['--json', '/tmp/r.json']).json).toBe('/tmp/r.json')
    expect(() => parse(['--jobs', '17'])).toThrow(/--jobs must be a whole number 1\.\.16, got "17"/)
    expect(() => parse(['--shard', '5/4'])).toThrow(/--shard must look like 1\/4/)
  })
  it('--lane is repeatable, first-named order, duplicates dropped; an unknown store is an error', () => {
    expect(parse(['--lane', 'overlay2']).lanes).toEqual(['overlay2'])
    expect(parse(['--lane', 'overlay2', '--lane', 'containerd', '--lane', 'overlay2']).lanes).toEqual(['overlay2', 'containerd'])
    expect(() => parse(['--lane', 'zfs'])).toThrow(/--lane must be one of containerd, overlay2, got "zfs"/)
  })
  it('status files: --status, --no-status (the last of the two wins), --update-site adds the site copy and needs both stores', () => {
    expect(parse(['--status', 's.json']).statusFiles).toEqual(['s.json'])
    expect(parse(['--no-status']).statusFiles).toEqual([])
    expect(parse(['--status', 's.json', '--no-status']).statusFiles).toEqual([])
    expect(parse(['--no-status', '--status', 's.json']).statusFiles).toEqual(['s.json'])
    expect(parse(['--update-site']).statusFiles).toEqual(['reports/snippet-status.json', 'docs/.snippet-status.json'])
    expect(() => parse(['--update-site', '--lane', 'containerd'])).toThrow(/--update-site needs both image stores/)
    expect(parse(['--update-site', '--lane', 'containerd', '--lane', 'overlay2']).lanes).toHaveLength(2)
  })
  it('--sweep; anything else is an error naming it', () => {
    expect(parse(['--sweep']).sweepOnly).toBe(true)
    expect(() => parse(['--pages', 'docs/a.md'])).toThrow(new UsageError("Unknown option '--pages'"))
    expect(() => parse(['docs/a.txt'])).toThrow(/unknown argument docs\/a\.txt/)
    expect(() => parse(['--page'])).toThrow(/--page <value>' argument missing/)
  })
})

describe('npm test (scripts/test-all.ts)', () => {
  const steps = ['build', 'unit', 'lint', 'translations']
  it('no options: the default steps, one at a time', () => {
    expect(parseTestAllArgs([], steps)).toEqual({ jobs: 1 })
  })
  it('--only takes a comma list and may be repeated (npm test -- --only unit,build --only lint)', () => {
    expect(parseTestAllArgs(['--only', 'unit,build'], steps)).toEqual({ jobs: 1, only: ['unit', 'build'] })
    expect(parseTestAllArgs(['--only', 'unit,build', '--only', 'lint', '--only=unit'], steps).only).toEqual(['unit', 'build', 'lint'])
  })
  it('--jobs 1..8; an unknown step or option is an error naming it', () => {
    expect(parseTestAllArgs(['--jobs', '2'], steps).jobs).toBe(2)
    expect(() => parseTestAllArgs(['--jobs', '9'], steps)).toThrow(/--jobs must be a whole number 1\.\.8, got "9"/)
    expect(() => parseTestAllArgs(['--only', 'unit,nope'], steps)).toThrow(/--only: unknown step "nope" \(steps: build, unit, lint, translations\)/)
    expect(() => parseTestAllArgs(['--onl', 'unit'], steps)).toThrow(new UsageError("Unknown option '--onl'"))
    expect(() => parseTestAllArgs(['unit'], steps)).toThrow(/Unexpected argument 'unit'/)
  })
})

describe('scripts/search-eval.ts', () => {
  it('defaults', () => {
    expect(parseSearchEvalArgs([])).toEqual({ queries: 'tests/search/queries.yaml', candidate: 'jieba', misses: false, grid: [], prune: true, locale: 'root', stem: 'porter' })
  })
  it('options, --no-prune, and the grid as axes', () => {
    const a = parseSearchEvalArgs(['--locale', 'en', '--queries', 'tests/search/en/queries.yaml', '--candidate', 'bigram', '--misses', '--no-prune', '--stem', 'none'])
    expect(a).toMatchObject({ locale: 'en', queries: 'tests/search/en/queries.yaml', candidate: 'bigram', misses: true, prune: false, stem: 'none' })
    expect(parseSearchEvalArgs(['--grid', 'synonym=0.4,0.6;glossary=0.3']).grid).toEqual([{ k: 'synonym', vs: [0.4, 0.6] }, { k: 'glossary', vs: [0.3] }])
    expect(() => parseSearchEvalArgs(['--grid', 'synonym=a'])).toThrow(/--grid: synonym needs numbers, got "a"/)
  })
  it('bad values name the option', () => {
    expect(() => parseSearchEvalArgs(['--candidate', 'bm25'])).toThrow(/--candidate must be one of bigram, intl, jieba, jieba-cut, got "bm25"/)
    expect(() => parseSearchEvalArgs(['--locale', 'fr'])).toThrow(/--locale must be one of root, en/)
    expect(() => parseSearchEvalArgs(['--stem', 'snowball'])).toThrow(/--stem must be one of porter, none/)
    expect(() => parseSearchEvalArgs(['--grid', 'nosuchweight=1,2'])).toThrow(/--grid: unknown weight "nosuchweight"/)
    expect(() => parseSearchEvalArgs(['--queries', 'tests/search/holdout.yaml', '--grid', 'x=1'])).toThrow(/never on the held-out set/)
    expect(() => parseSearchEvalArgs(['--misses=yes'])).toThrow(new UsageError("Option '--misses' does not take an argument"))
  })
})

describe('a bad command line as a command (scripts/lib/cli-args.ts parseOrExit)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-all.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  it('prints one line naming the option, then the usage, and exits 2 without running a step', () => {
    const r = run(['--only', 'unit', '--bogus'])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual(["test: Unknown option '--bogus'", 'usage: npm test -- [--only step,step…] [--jobs N]'])
    expect(r.stdout).toBe('')
  })
  it('--help prints the usage and exits 0', () => {
    const r = run(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe('usage: npm test -- [--only step,step…] [--jobs N]')
  })
})
