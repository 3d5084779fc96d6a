/**
 * Merge the compact status files of several snippet runs over different pages (the CI shards of
 * .github/workflows/snippets.yml) into one, with the contract's own reader and writer
 * (core/snippet-status.ts), so the workflow has no status code of its own.
 *
 *   npx tsx scripts/snippets/merge-status.ts --out docs/.snippet-status.json reports/snippet-status-1.json reports/snippet-status-2.json
 *   --expect <n>   fail unless exactly n files are given (a shard that wrote nothing is an error)
 *
 * Exit status: 0 written, 1 a file is missing or broken or the runs used different engines, 2 usage.
 */
import { parseArgs } from 'node:util'
import { mergeStatus, readStatus, writeStatus } from '../../core/snippet-status'

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({ options: { out: { type: 'string' }, expect: { type: 'string' } }, allowPositionals: true, strict: true })
}
try {
  args = parse()
  if (!args.values.out || !args.positionals.length) throw new Error('needs --out <file> and at least one status file')
} catch (e) {
  console.error(`merge-status: ${(e as Error).message}\nusage: merge-status.ts --out <file> [--expect n] <status.json>...`)
  process.exit(2)
}
const files = args.positionals
if (args.values.expect && files.length !== Number(args.values.expect)) {
  console.error(`merge-status: expected ${args.values.expect} status files, got ${files.length}: ${files.join(' ') || '(none)'}`)
  process.exit(1)
}
try {
  const parts = files.map((file) => {
    const status = readStatus(file)
    if (!Object.keys(status.pages).length) throw new Error(`${file}: missing or without pages`)
    return { file, status }
  })
  const merged = mergeStatus(parts)
  writeStatus(args.values.out!, merged)
  console.log(`merge-status: ${Object.keys(merged.pages).length} pages from ${files.length} files, engine ${merged.engine} → ${args.values.out}`)
} catch (e) {
  console.error(`merge-status: ${(e as Error).message}`)
  process.exit(1)
}
