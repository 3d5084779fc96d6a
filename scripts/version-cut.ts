/**
 * Freeze the current docs as a release: `npm run version:cut -- <name> [--force] [--date YYYY-MM-DD]`.
 *
 * Copies every page of the latest docs (all sections and the home page; not docs/en, not docs/v)
 * into docs/v/<name>/ with links kept inside the release, runnable snippets turned into
 * shown-only ones that say what was verified at cut time, and search/edit links switched off;
 * command markers expanded and the glossary snapshotted into docs/v/<name>/.data/glossary.json (a
 * marker or `[[id]]` that cannot be resolved fails the cut with file:line);
 * adds the release to versions.json and its generated summary to docs/about/changelog.md.
 * Details: scripts/lib/versions.ts. Re-runnable: `--force` replaces a release of the same name.
 *
 * After a cut: `npx tsx scripts/check-pages.ts docs/v/<name>`, `npm run build`, `npm run test:links`,
 * then commit docs/v/<name>, versions.json and the changelog together.
 */
import path from 'node:path'
import { DOCS_DIR } from '../core/versions'
import { cutVersion } from './lib/versions'
import { parseCli, parseOrExit, UsageError } from './lib/cli-args'

const { name, force, date } = parseOrExit('version:cut', 'npm run version:cut -- <name> [--force] [--date YYYY-MM-DD]\n  e.g. npm run version:cut -- 2026.11', () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    options: { force: { type: 'boolean', default: false }, date: { type: 'string' } },
    allowPositionals: true,
  })
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one release name, got ${positionals.join(' ')}` : 'name the release (e.g. 2026.11)')
  return { name: positionals[0], force: values.force, date: values.date }
})

// The data-driven parts of the pages are frozen too: command markers are expanded into the pages,
// the glossary is snapshotted into the release (why: core/glossary-refs.ts, "Frozen
// releases"). Loading either must succeed: a release that still depends on today's data is not frozen.
const { expandCommandMarkers: expand } = await import('../core/commands')
const { releaseGlossary } = await import('../core/glossary-refs')

try {
  const r = cutVersion({ name, force, date, expand, glossary: releaseGlossary(), log: (m) => console.log(m) })
  const rel = path.relative(process.cwd(), r.dir)
  console.log(
    `version-cut: ${r.replaced ? 'replaced' : 'created'} ${rel}: ${r.pages} pages, ${r.assets} assets, ${r.links} links kept inside the release, ` +
      `${r.snippets.runnable} runnable snippets frozen (${r.snippets.passed} verified at cut time)`,
  )
  if (r.entry.dirty) console.log(`version-cut: note: ${path.relative(process.cwd(), DOCS_DIR)}/ had uncommitted changes; they are part of the release`)
  console.log(`next: npm run check && npm run build && npm run test:links, then commit ${rel}, versions.json and docs/about/changelog.md`)
} catch (e) {
  console.error(`version-cut: ${(e as Error).message}`)
  process.exit(1)
}
