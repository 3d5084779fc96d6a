/**
 * What the site reads about releases (issue #12: the release cutter, with git and child_process,
 * stays in scripts/lib/versions.ts): the registry versions.json (read, and written by the cut),
 * the snippet status as the version facts see it, the page and route lists of the latest docs and
 * of each frozen release, and the per-page version facts the build adds to every page
 * (`versionPageData`, used by transformPageData in .vitepress/config/shared.ts) and the switcher's
 * data (`versionsClientData`, bundled by .vitepress/theme/versions.data.ts).
 *
 * The English edition (docs/en/**) is not part of the Chinese page list (EN_DIR); a cut asks for it
 * with `listReleaseFiles(dir, { english: true })`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readStatus, STATUS_FILE, type StatusFile } from './snippet-status'
import { FROZEN_DIR, routeOf, splitVersion, versionNameProblem, type PageVersionFacts } from './version-paths'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DOCS_DIR = path.join(ROOT, 'docs')
export const VERSIONS_FILE = path.join(ROOT, 'versions.json')
export { STATUS_FILE }

/** Top-level folders of docs/ that are not part of a release. */
export const NOT_VERSIONED = new Set(['en', FROZEN_DIR, 'data', 'public', 'node_modules'])
/** The English edition's folder: not part of the Chinese page list, but frozen with a release. */
export const EN_DIR = 'en'
export const isEnglish = (rel: string) => rel.startsWith(`${EN_DIR}/`)
/** Files besides Markdown that a release copies (images next to pages). */
const ASSET_RE = /\.(png|jpe?g|gif|svg|webp|avif)$/i

// ---------------------------------------------------------------------------------------------
// Registry

export interface VersionEntry {
  name: string
  /** day the release was cut, YYYY-MM-DD */
  date: string
  /** git commit the docs were at (short hash), and whether docs/ had uncommitted changes */
  commit?: string
  dirty?: boolean
  pages: number
  /** English pages in the release (docs/v/<name>/en/; absent in releases cut before the English edition) */
  pagesEn?: number
  /** versions the snippets were verified against (from docs/.snippet-status.json at cut time) */
  engine?: string
  compose?: string
  /** date of that snippet run, and its image mode ("standins" or "real") */
  verified?: string
  mode?: string
  snippets: { runnable: number; passed: number }
}

export interface Registry {
  /** the newest release (the "versioned form" of embeds points here); null before the first cut */
  latest: string | null
  /** newest first */
  versions: VersionEntry[]
}

const cache = new Map<string, { sig: string; value: unknown }>()
function cached<T>(file: string, read: (text: string) => T, fallback: T): T {
  let sig: string
  try {
    const st = fs.statSync(file)
    sig = `${st.mtimeMs}:${st.size}`
  } catch {
    return fallback
  }
  const hit = cache.get(file)
  if (hit && hit.sig === sig) return hit.value as T
  const value = read(fs.readFileSync(file, 'utf8'))
  cache.set(file, { sig, value })
  return value
}

export function readRegistry(file = VERSIONS_FILE): Registry {
  return cached(
    file,
    (text) => {
      const data = JSON.parse(text) as Partial<Registry>
      if (!Array.isArray(data.versions)) throw new Error(`${path.relative(ROOT, file)}: "versions" must be a list`)
      for (const v of data.versions) {
        const problem = versionNameProblem(v?.name)
        if (problem) throw new Error(`${path.relative(ROOT, file)}: ${problem}`)
      }
      return { latest: data.latest ?? null, versions: data.versions }
    },
    { latest: null, versions: [] },
  )
}

export function writeRegistry(reg: Registry, file = VERSIONS_FILE): void {
  const sorted = [...reg.versions].sort((a, b) => b.date.localeCompare(a.date) || b.name.localeCompare(a.name, 'en', { numeric: true }))
  const out = { latest: sorted[0]?.name ?? null, versions: sorted }
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n')
}

// ---------------------------------------------------------------------------------------------
// Snippet status (written by the snippet harness)

/** The snippet harness's status (contract: core/snippet-status.ts). */
export type SnippetStatus = StatusFile

/** The status file, read (and validated) once per change of the file. A missing file: no results. */
export function readSnippetStatus(file = STATUS_FILE): SnippetStatus {
  return cached(file, () => readStatus(file), { pages: {} })
}

/** A result may be written as "passed" or as { status: "passed", … }. */
export function resultOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object' && typeof (v as { status?: unknown }).status === 'string') return (v as { status: string }).status
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Listing pages

/**
 * Pages (`guide/why.md`) and assets of the latest docs (or of a release folder). With
 * `english: true`, the English edition's pages and assets too (`en/guide/why.md`), as a cut needs.
 */
export function listReleaseFiles(docsDir: string, opts: { english?: boolean } = {}): { pages: string[]; assets: string[] } {
  const pages: string[] = []
  const assets: string[] = []
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || (!rel && NOT_VERSIONED.has(e.name) && !(opts.english && e.name === EN_DIR))) continue
      const r = rel + e.name
      if (e.isDirectory()) walk(path.join(dir, e.name), r + '/')
      else if (e.name.endsWith('.md') && e.name !== 'README.md') pages.push(r)
      else if (ASSET_RE.test(e.name)) assets.push(r)
    }
  }
  if (fs.existsSync(docsDir)) walk(docsDir, '')
  return { pages: pages.sort(), assets: assets.sort() }
}

/** Routes ("guide/why", "guide/", "") of the latest docs or of one release. */
export function listRoutes(docsDir: string, version: string | null = null): string[] {
  const dir = version ? path.join(docsDir, FROZEN_DIR, version) : docsDir
  return listReleaseFiles(dir).pages.map(routeOf)
}

export function listFrozen(docsDir = DOCS_DIR): string[] {
  const dir = path.join(docsDir, FROZEN_DIR)
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort()
}

// ---------------------------------------------------------------------------------------------
// Freezing one page
// ---------------------------------------------------------------------------------------------
// What the site needs at build time

export function versionPageData(relativePath: string, opts: { docsDir?: string; registryFile?: string; statusFile?: string } = {}): { versionFacts: PageVersionFacts } | undefined {
  // English pages get facts too: their snippets run (on overlay2, docs/en/… in the status file),
  // and versionFactsText() words them in English (outside reader: the English Markdown copies
  // lacked the line the Chinese ones carry).
  const { version } = splitVersion(relativePath)
  if (version) {
    const entry = readRegistry(opts.registryFile ?? VERSIONS_FILE).versions.find((v) => v.name === version)
    if (!entry) return { versionFacts: { release: version } }
    const facts: PageVersionFacts = { release: version, frozen: entry.date }
    if (entry.engine) facts.engine = entry.engine
    if (entry.compose) facts.compose = entry.compose
    if (entry.verified) facts.verified = entry.verified
    if (entry.mode) facts.mode = entry.mode
    return { versionFacts: facts }
  }
  const status = readSnippetStatus(opts.statusFile ?? STATUS_FILE)
  const results = Object.values(status.pages?.[`docs/${relativePath}`] ?? {}).map(resultOf)
  if (!status.engine || !results.length) return undefined
  const count = (state: string) => results.filter((r) => r === state).length
  const facts: PageVersionFacts = { engine: String(status.engine), total: results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), norun: count('norun') }
  if (status.compose) facts.compose = String(status.compose)
  if (status.date) facts.verified = String(status.date).slice(0, 10)
  if (status.mode) facts.mode = String(status.mode)
  return { versionFacts: facts }
}

/** What the version switcher needs (bundled by .vitepress/theme/versions.data.ts). */
export interface VersionsClientData {
  latest: string | null
  versions: { name: string; date: string; routes: string[] }[]
  latestRoutes: string[]
}

export function versionsClientData(docsDir = DOCS_DIR, registryFile = VERSIONS_FILE): VersionsClientData {
  const reg = readRegistry(registryFile)
  const onDisk = new Set(listFrozen(docsDir))
  return {
    latest: reg.latest,
    versions: reg.versions.filter((v) => onDisk.has(v.name)).map((v) => ({ name: v.name, date: v.date, routes: listRoutes(docsDir, v.name) })),
    latestRoutes: listRoutes(docsDir),
  }
}
