/**
 * `npm run preview`: serve the built site on http://127.0.0.1:4173 (build first with `npm run build`).
 * Another port: `npm run preview -- --port 4199` (or `PORT=4199 npm run preview`; the option wins).
 * A sub-path build (`vitepress build --base /docker-kb/`) is served under its base:
 * `npm run preview -- --base /docker-kb/`.
 */
import fs from 'node:fs'
import { DIST_DIR, serveStatic } from './lib/static-server'
import { intOption, parseCli, parseOrExit } from './lib/cli-args'

const USAGE = 'npm run preview -- [--base /docker-kb/] [--port 4173]'
const DEFAULT_PORT = 4173

/**
 * The preview's command line, without side effects (tests call it).
 * @param argv the arguments after the script (`process.argv.slice(2)`)
 * @param env the environment; `PORT` is used when `--port` is not given
 * @returns the base path to serve under and the TCP port (1..65535)
 * @throws UsageError for an unknown option, a missing value, or a port that is not a whole number
 *   1..65535 — naming `--port` or `PORT`, whichever it came from
 */
export function parsePreviewArgs(argv: string[], env: NodeJS.ProcessEnv): { base: string, port: number } {
  const { values } = parseCli(argv, { options: { base: { type: 'string', default: '/' }, port: { type: 'string' } } })
  // intOption names its first argument in the message, so a bad PORT is reported as PORT
  const port = values.port !== undefined
    ? intOption('--port', values.port, 1, 65535)
    : env.PORT !== undefined ? intOption('PORT', env.PORT, 1, 65535) : DEFAULT_PORT
  return { base: values.base, port }
}

async function main() {
  const { base, port } = parseOrExit('preview', USAGE, () => parsePreviewArgs(process.argv.slice(2), process.env))
  const dist = DIST_DIR
  if (!fs.existsSync(`${dist}/index.html`)) {
    console.error('No built site in .vitepress/dist — run `npm run build` first.')
    process.exit(1)
  }
  const s = await serveStatic(dist, port, '127.0.0.1', { base })
  console.log(`Serving ${dist} at ${s.url}${base} (Ctrl-C to stop)`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
