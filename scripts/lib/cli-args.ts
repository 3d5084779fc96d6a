/**
 * Command-line arguments for every script in scripts/: Node's own parser (`node:util` parseArgs,
 * https://nodejs.org/api/util.html#utilparseargsconfig), always strict, plus one behaviour for all
 * of them:
 *  - `--help` / `-h` prints the script's usage on stdout and exits 0;
 *  - an unknown option, a missing or bad value, or an unexpected argument prints one line naming it
 *    (`<tool>: Unknown option '--foo'`) and the usage line on stderr, and exits 2.
 *
 * A script keeps its parsing in an exported, side-effect-free function that throws UsageError (so
 * tests can call it) and calls it through parseOrExit() when run as a command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Bad command line: the message names the option or argument and what is wrong with it. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** `--help` or `-h` was given (before any `--`). */
export class HelpRequested extends Error {
  override name = 'HelpRequested'
}

/**
 * parseArgs with `strict: true`, on `argv` (the arguments after the script, e.g.
 * `process.argv.slice(2)`).
 * @param config parseArgs options, allowPositionals, allowNegative, tokens (strict is forced on)
 * @returns parseArgs' result ({ values, positionals, tokens? }), typed from `config`
 * @throws HelpRequested when `--help`/`-h` appears before `--`; UsageError for anything parseArgs
 *   rejects, with Node's first sentence ("Unknown option '--foo'", "Option '--jobs <value>'
 *   argument missing", "Unexpected argument 'x'")
 */
export function parseCli<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(argv: string[], config: T): ReturnType<typeof parseArgs<T & { strict: true }>> {
  const end = argv.indexOf('--')
  const head = end < 0 ? argv : argv.slice(0, end)
  if (head.includes('--help') || head.includes('-h')) throw new HelpRequested('help')
  try {
    return parseArgs({ ...config, args: argv, strict: true }) as ReturnType<typeof parseArgs<T & { strict: true }>>
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    // Node adds advice after the first sentence ("To specify a positional argument …"): one line is enough
    if (code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((e as Error).message.split(/\.\s/)[0])
    throw e
  }
}

/**
 * For a script's entry point: run its parse function; on `--help` print `usage` and exit 0, on a
 * UsageError print `<tool>: <message>` and the usage and exit 2. Other errors propagate.
 * @param tool the name shown before the message (the npm script name, e.g. `test:snippets`)
 * @param usage one or more lines, the first starting with the command (`npm run x -- …`)
 */
export function parseOrExit<R>(tool: string, usage: string, parse: () => R): R {
  try {
    return parse()
  } catch (e) {
    if (e instanceof HelpRequested) {
      console.log(`usage: ${usage}`)
      process.exit(0)
    }
    if (e instanceof UsageError) {
      console.error(`${tool}: ${e.message}\nusage: ${usage}`)
      process.exit(2)
    }
    throw e
  }
}

/**
 * A whole number option value, within min..max when they are given.
 * @throws UsageError naming the option (`--jobs must be a whole number 1..16, got "x"`)
 */
export function intOption(name: string, raw: string, min = -Infinity, max = Infinity): number {
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number${Number.isFinite(min) && Number.isFinite(max) ? ` ${min}..${max}` : ''}, got "${raw}"`)
  }
  return n
}
