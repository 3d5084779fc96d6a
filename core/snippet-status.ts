/**
 * The snippet-status contract: the compact file the snippet harness writes and the site renders
 * badges, the status page and release facts from (`docs/.snippet-status.json`, tracked; a run's own
 * copy goes to `reports/snippet-status.json`). One module owns its shape, reading, writing and
 * merging; the harness (scripts/snippets/report.ts), the site (.vitepress/plugins/snippet-fence.ts,
 * docs/about/snippet-status.data.ts), the release cutter (scripts/lib/versions.ts) and the CI workflow
 * (scripts/snippets/merge-status.ts) all go through it.
 *
 * Shape (JSON):
 *   { engine, compose, buildx, containerd: version strings of the run,
 *     stores: image stores the run covered ("containerd" | "overlay2"),
 *     date: "YYYY-MM-DD", mode: "standins" | "real-images",
 *     pages: { "docs/guide/x.md": { "<fence content id>": { line, status, stores?, from? } } } }
 * The key of a snippet is its fence's content id (core/fence-id.ts): editing text above a
 * fence keeps its result, editing the fence drops it. `line` (1-based, in the page source) is only
 * for display. `stores`: the stores the snippet passed on (absent for norun/skipped).
 * `from`: on a translation (docs/en/…, core/translation.ts) whose executed fences equal its
 * source's, the source page whose run this result is (scripts/snippets/pairs.ts); the entry is
 * recorded under the translation too, so every reader (badges, status page, frozen releases)
 * looks a page's results up under its own path and needs to know nothing about pairs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'

/** Absolute path of the site's tracked status file. */
export const STATUS_FILE = fileURLToPath(new URL('../docs/.snippet-status.json', import.meta.url))

export const SNIPPET_STATES = ['passed', 'failed', 'skipped', 'norun'] as const
export type SnippetState = (typeof SNIPPET_STATES)[number]

export interface StatusEntry {
  /** 1-based line of the fence in the page source (display only) */
  line: number
  status: SnippetState
  /** image stores the snippet passed on */
  stores?: string[]
  /** the page whose run produced this result, when it is not this page (a translation's source) */
  from?: string
}

export interface StatusFile {
  engine?: string
  compose?: string
  buildx?: string
  containerd?: string
  stores?: string[]
  date?: string
  mode?: string
  /** page (repo path, `docs/…/x.md`) → fence content id key → result */
  pages: Record<string, Record<string, StatusEntry>>
}

const schema = {
  type: 'object',
  required: ['pages'],
  properties: {
    engine: { type: 'string' }, compose: { type: 'string' }, buildx: { type: 'string' }, containerd: { type: 'string' },
    stores: { type: 'array', items: { type: 'string' } },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    mode: { type: 'string' },
    pages: {
      type: 'object',
      propertyNames: { pattern: '^docs/.+\\.md$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['line', 'status'],
          additionalProperties: false,
          properties: {
            line: { type: 'integer', minimum: 1 },
            status: { enum: [...SNIPPET_STATES] },
            stores: { type: 'array', items: { type: 'string' } },
            from: { type: 'string', pattern: '^docs/.+\\.md$' },
          },
        },
      },
    },
  },
} as const
const validate = new Ajv({ allErrors: true }).compile(schema)

/** The key of a fence's result: the content-id part of a snippet id (`docs/x.md#3f2a9c1d` → `3f2a9c1d`). */
export const statusKey = (snippetId: string) => snippetId.slice(snippetId.lastIndexOf('#') + 1)

/**
 * Read a status file. A missing file is an empty status (no run yet: pages show no badges).
 * @throws Error naming the file (and the JSON path) when it is not JSON or not of the shape above
 */
export function readStatus(file: string = STATUS_FILE): StatusFile {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { pages: {} }
    throw e
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`)
  }
  if (!validate(data)) {
    const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
    throw new Error(`${file}: not a snippet status file: ${errs} (shape: core/snippet-status.ts)`)
  }
  return data as StatusFile
}

/** Write a status file with pages sorted by path and each page's snippets by line (stable diffs). */
export function writeStatus(file: string, status: StatusFile): void {
  const pages = Object.fromEntries(Object.entries(status.pages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([page, snippets]) => [page, Object.fromEntries(Object.entries(snippets).sort(([, a], [, b]) => a.line - b.line))]))
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ ...status, pages }, null, 2) + '\n')
}

/**
 * Combine status files of runs over different pages (CI shards, partial local runs): later files
 * replace earlier ones page by page; the run facts (versions, stores, date, mode) come from the last.
 * @throws Error when the runs used different engine or Compose versions or modes (their badges
 *   would claim one engine for results of two)
 */
export function mergeStatus(parts: { file: string; status: StatusFile }[]): StatusFile {
  if (!parts.length) throw new Error('mergeStatus: no status files')
  const last = parts[parts.length - 1].status
  for (const { file, status } of parts) {
    for (const k of ['engine', 'compose', 'mode'] as const) {
      if (status[k] !== last[k]) throw new Error(`${file}: ${k} ${status[k]} differs from ${parts[parts.length - 1].file}'s ${last[k]}; merge runs of one engine only`)
    }
  }
  const pages: StatusFile['pages'] = {}
  for (const { status } of parts) Object.assign(pages, status.pages)
  return { ...last, pages }
}

/** Site path of a page file: `docs/guide/x.md` → `/guide/x`, `docs/guide/index.md` → `/guide/`. */
export function pageLink(page: string): string {
  let p = page.replace(/^docs\//, '').replace(/\.md$/, '')
  if (p === 'index') return '/'
  if (p.endsWith('/index')) p = p.slice(0, -'index'.length)
  return '/' + p
}
