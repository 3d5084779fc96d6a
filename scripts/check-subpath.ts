/**
 * The `subpath` step of `npm test`: the site as a fork's GitHub project site would deploy it.
 * Builds with `--base /docker-kb/` into a temporary folder, runs the link check on it under that
 * base (scripts/check-links.ts: links, raw URLs in HTML/JSON/sitemap/robots.txt, trailing-slash
 * addresses), then the browser test tests/subpath/ (favicon, credits link, a page, embed code),
 * and removes the folder. Self-contained: it never touches .vitepress/dist.
 *
 *   npx tsx scripts/check-subpath.ts                  # base /docker-kb/
 *   npx tsx scripts/check-subpath.ts --base /a/b/     # another base
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkLinks } from './check-links'
import { parseCli, parseOrExit } from './lib/cli-args'
import { SITE } from '../.vitepress/config/site'

const { values: { base: BASE } } = parseOrExit('check-subpath', 'npx tsx scripts/check-subpath.ts [--base /docker-kb/]', () =>
  parseCli(process.argv.slice(2), { options: { base: { type: 'string', default: SITE.projectBase } } }),
)

/** Run a command with inherited output; resolves to its exit code. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('close', (code) => resolve(code ?? 1))
    child.on('error', () => resolve(1))
  })
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-subpath-'))
const dist = path.join(tmp, 'dist')
const failures: string[] = []
try {
  console.log(`subpath: building with --base ${BASE} into ${dist}`)
  if ((await run('npx', ['vitepress', 'build', '--base', BASE, '--outDir', dist])) !== 0) {
    failures.push('build failed')
  } else {
    const r = await checkLinks(dist, BASE)
    for (const l of r.broken) console.error(`✗ broken: ${l.url} (${l.status}) on ${l.parent}`)
    for (const p of r.raw) console.error(`✗ raw URL: ${p}`)
    for (const p of r.trailingSlash.problems) console.error(`✗ trailing slash: ${p}`)
    for (const i of r.images) console.error(`✗ external image: ${i}`)
    console.log(`subpath links: ${r.ok} ok, ${r.broken.length} broken, ${r.raw.length} raw URL(s) outside ${BASE}, trailing-slash addresses ${r.trailingSlash.checked - r.trailingSlash.problems.length}/${r.trailingSlash.checked}`)
    if (r.broken.length || r.raw.length || r.trailingSlash.problems.length || r.images.length) failures.push('link check')
    const code = await run('npx', ['vitest', 'run', '--project', 'subpath'], { KB_SUBPATH_DIST: dist, KB_SUBPATH_BASE: BASE })
    if (code !== 0) failures.push('browser test')
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
console.log(failures.length ? `✗ subpath ${BASE}: failed (${failures.join(', ')})` : `✓ subpath ${BASE}: build, links and browser test passed`)
process.exit(failures.length ? 1 : 0)
