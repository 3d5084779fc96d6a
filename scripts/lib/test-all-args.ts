/**
 * The command line of `npm test` (scripts/test-all.ts), apart from the runner so it can be tested
 * without running any step.
 */
import { intOption, parseCli, UsageError } from './cli-args'

export const TEST_ALL_USAGE = 'npm test -- [--only step,step…] [--jobs N]'

/** What `npm test -- …` asks for. */
export interface TestAllArgs {
  /** steps run at a time, 1..8 (default 1) */
  jobs: number
  /** the steps named by `--only a,b` (repeatable: `--only a --only b`), in order, or undefined for the default set */
  only?: string[]
}

/**
 * @param argv the arguments after the script (`npm test -- --only unit,build` gives ['--only', 'unit,build'])
 * @param stepNames every step the runner knows; a name outside it is an error
 * @throws HelpRequested / UsageError (scripts/lib/cli-args.ts) naming the option or step
 */
export function parseTestAllArgs(argv: string[], stepNames: readonly string[]): TestAllArgs {
  const { values } = parseCli(argv, {
    options: { only: { type: 'string', multiple: true }, jobs: { type: 'string', default: '1' } },
  })
  const jobs = intOption('--jobs', values.jobs, 1, 8)
  if (!values.only) return { jobs }
  const only = [...new Set(values.only.flatMap((o) => o.split(',')))]
  for (const w of only) if (!stepNames.includes(w)) throw new UsageError(`--only: unknown step "${w}" (steps: ${stepNames.join(', ')})`)
  return { jobs, only }
}
