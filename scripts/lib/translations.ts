/**
 * The English edition's contract with its Chinese source (issue #17), in one place:
 *
 *  - where a page's translation lives: docs/<rel>.md -> docs/en/<rel>.md (same relative path);
 *  - parity: the same pages, the same `##`/`###` heading levels in the same order (the language
 *    switch maps section k to section k, .vitepress/theme/lang-switch.ts), the same ASCII explicit
 *    `{#id}`s (a Chinese explicit id becomes an English one), and the same runnable fences (`run`
 *    or `file=`) with the same info strings apart from labels;
 *  - drift: the translation stamp in an English page's frontmatter (shape and validation:
 *    TRANSLATION_FIELD in core/frontmatter.ts) records the hash of the Chinese file it
 *    translates; a page is stale when the Chinese file's hash differs (the idea of Kubernetes'
 *    `lsync`).
 *
 * Used by scripts/check-translations.ts (the CLI and the `translations` step of npm test) and by
 * scripts/new-page.ts (which stamps the English page it scaffolds). Every problem names a file and
 * a 1-based line: `docs/en/guide/why.md:12: ...`.
 */
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { listLatestPages, listPages } from '../../core/pages'
import { readFrontmatter, type TranslationStamp } from '../../core/frontmatter'
import { fenceInfoKey } from '../../core/fence-id'
import { parseFenceInfo } from '../../core/snippet-syntax'

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

/** The English locale's folder under docs/ (VitePress locale `en`, URL prefix /en/). */
export const EN_DIR = 'en'

/** Length of the stamp's hash: the first 12 hex digits of the SHA-256 of the Chinese file's bytes. */
export const STAMP_HASH_LENGTH = 12

/** The stamp hash of a Chinese source file's text (its exact bytes as UTF-8; no normalisation). */
export function sourceHash(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, STAMP_HASH_LENGTH)
}

/**
 * Relative paths (posix, under docs/, e.g. `guide/why.md`) of the Chinese latest pages and of the
 * English pages. Chinese = listLatestPages(docs) minus docs/en; English = every page under docs/en.
 */
export function listEditions(docsDir: string): { zh: string[]; en: string[] } {
  const rel = (f: string, base: string) => path.relative(base, f).split(path.sep).join('/')
  const enDir = path.join(docsDir, EN_DIR)
  const zh = listLatestPages(docsDir).map((f) => rel(f, docsDir)).filter((r) => !r.startsWith(`${EN_DIR}/`))
  const en = fs.existsSync(enDir) ? listPages(enDir).map((f) => rel(f, enDir)) : []
  return { zh, en }
}

export interface Heading { level: number; text: string; id?: string; line: number }
export interface Fence { info: string; line: number }

/**
 * The `##`/`###` headings and the runnable fences of a Markdown page, outside code fences.
 * Lines are 1-based in the file. A fence is runnable when its info string has the word `run` or
 * a `file=` attribute (core/snippet-syntax.ts: both change what the snippet runner does);
 * they are compared without their labels (core/fence-id.ts fenceInfoKey).
 */
export function outline(text: string): { headings: Heading[]; fences: Fence[] } {
  const headings: Heading[] = []
  const fences: Fence[] = []
  const lines = text.split(/\r?\n/)
  let open: { char: string; len: number } | null = null
  let i = 0
  // skip the frontmatter: its lines are YAML, not Markdown
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    if (end > 0) i = end + 1
  }
  for (; i < lines.length; i++) {
    const line = lines[i]
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (open) {
      if (fence && fence[1][0] === open.char && fence[1].length >= open.len && !fence[2].trim()) open = null
      continue
    }
    if (fence) {
      open = { char: fence[1][0], len: fence[1].length }
      const info = fence[2].trim()
      // the snippet syntax's own parser decides (a `norun` reason may contain the word "run");
      // a malformed info string is check-pages' error, not this check's
      let kind = 'plain'
      try { kind = parseFenceInfo(info, { file: '', line: i + 1 }).kind } catch {}
      if (kind === 'run' || kind === 'file') fences.push({ info, line: i + 1 })
      continue
    }
    const h = /^ {0,3}(#{2,3})\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) {
      const id = /\{#([^}]+)\}\s*$/.exec(h[2])?.[1]
      headings.push({ level: h[1].length, text: h[2], id, line: i + 1 })
    }
  }
  return { headings, fences }
}

/**
 * Structural differences between a Chinese page and its English page (texts, not files; `zhFile`
 * and `enFile` only name them in the messages). Empty when they agree. Reports the first
 * heading mismatch (later ones usually follow from it) and the first fence mismatch.
 */
export function compareStructure(zhText: string, enText: string, zhFile: string, enFile: string): string[] {
  const zh = outline(zhText)
  const en = outline(enText)
  const problems: string[] = []
  const hs = (list: Heading[]) => list.map((h) => '#'.repeat(h.level)).join(' ')
  for (let k = 0; k < Math.max(zh.headings.length, en.headings.length); k++) {
    const a = zh.headings[k]
    const b = en.headings[k]
    if (a && b && a.level === b.level) {
      // an ASCII id is a stable cross-language anchor (#lifecycle, #platform) and is kept; a Chinese
      // one gets an English id of its own (English URLs and screen readers should not carry Chinese)
      if (a.id && !CJK.test(a.id) && a.id !== b.id) {
        problems.push(`${enFile}:${b.line}: heading ${k + 1} must keep the explicit {#${a.id}} of ${zhFile}:${a.line}`)
        break
      }
      if (a.id && CJK.test(a.id) && (!b.id || CJK.test(b.id))) {
        problems.push(`${enFile}:${b.line}: heading ${k + 1} needs an explicit English {#id} (${zhFile}:${a.line} has {#${a.id}}), e.g. the heading's slug`)
        break
      }
      continue
    }
    const where = b ? `${enFile}:${b.line}` : `${enFile}:1`
    const what = !b
      ? `missing heading ${k + 1}: ${zhFile}:${a.line} has "${'#'.repeat(a.level)} ${a.text}"`
      : !a
        ? `extra heading ${k + 1} "${'#'.repeat(b.level)} ${b.text}" (${zhFile} has ${zh.headings.length})`
        : `heading ${k + 1} is level ${b.level}, ${zhFile}:${a.line} "${a.text}" is level ${a.level}`
    problems.push(`${where}: ${what} — the ##/### sequence must equal the Chinese page's (zh: ${hs(zh.headings) || 'none'}; en: ${hs(en.headings) || 'none'})`)
    break
  }
  for (let k = 0; k < Math.max(zh.fences.length, en.fences.length); k++) {
    const a = zh.fences[k]
    const b = en.fences[k]
    // labels (tab titles, norun reasons) are translated; everything else must be identical
    if (a && b && fenceInfoKey(a.info) === fenceInfoKey(b.info)) continue
    problems.push(
      !b
        ? `${enFile}:1: missing runnable fence ${k + 1} "${a.info}" (${zhFile}:${a.line}); runnable fences must match the Chinese page in number, order and info string`
        : !a
          ? `${enFile}:${b.line}: extra runnable fence ${k + 1} "${b.info}" (${zhFile} has ${zh.fences.length})`
          : `${enFile}:${b.line}: runnable fence ${k + 1} has info "${b.info}", ${zhFile}:${a.line} has "${a.info}" (only tab titles and norun reasons may differ)`,
    )
    break
  }
  return problems
}

/** An English page whose stamp is missing, wrong or out of date. */
export interface Drift { en: string; source: string; reason: 'unstamped' | 'stale' | 'wrong-source'; line: number; message: string }

/** Reads the stamp of an English page (validated by validateFrontmatter) and its line. */
export function readStamp(text: string, file: string): { stamp?: TranslationStamp; line: number } {
  const fm = readFrontmatter(text, file)
  const t = fm.data.translation as TranslationStamp | undefined
  return { stamp: t && typeof t === 'object' ? t : undefined, line: fm.lineOf('translation') }
}

/**
 * Where a writer sees what changed in `docs/<rel>`: `git log -p` only shows committed changes, so a
 * new page that is not committed yet (or uncommitted edits) gets its own hint. Outside a git work
 * tree (test fixtures, an unpacked archive) the log hint stays.
 */
function whatChanged(docsDir: string, rel: string): string {
  const zh = `docs/${rel}`
  let status = ''
  try {
    status = execFileSync('git', ['status', '--porcelain', '--', path.join(docsDir, rel)], { cwd: docsDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return `see git log -p ${zh}`
  }
  if (status.startsWith('??') || status.startsWith('A')) return `${zh} is a new file, not committed yet: compare the English page with it paragraph by paragraph`
  if (status.trim()) return `see git diff HEAD -- ${zh} (uncommitted edits) and git log -p ${zh}`
  return `see git log -p ${zh}`
}

/** Drift of one English page `docs/en/<rel>` against `docs/<rel>` (which must exist). */
export function driftOf(docsDir: string, rel: string): Drift | null {
  const enFile = `docs/${EN_DIR}/${rel}`
  const { stamp, line } = readStamp(fs.readFileSync(path.join(docsDir, EN_DIR, rel), 'utf8'), enFile)
  const hash = sourceHash(fs.readFileSync(path.join(docsDir, rel), 'utf8'))
  if (!stamp) return { en: rel, source: rel, reason: 'unstamped', line, message: `${enFile}:${line}: no translation stamp (run: npm run i18n:stamp -- ${enFile})` }
  if (stamp.source !== rel) return { en: rel, source: rel, reason: 'wrong-source', line, message: `${enFile}:${line}: translation.source is "${stamp.source}", expected "${rel}"` }
  if (stamp.hash !== hash) {
    return { en: rel, source: rel, reason: 'stale', line, message: `${enFile}:${line}: stale: docs/${rel} changed since the stamp (${stamp.hash} -> ${hash}); ${whatChanged(docsDir, rel)}, update the translation, then npm run i18n:stamp -- ${enFile}` }
  }
  return null
}

export interface TranslationReport {
  /** Chinese pages without an English page (`docs/<rel>`), and English pages without a Chinese source */
  missing: string[]
  orphans: string[]
  /** heading/fence problems, file:line */
  structure: string[]
  drift: Drift[]
  /** pages present in both languages */
  paired: number
}

/** The whole check over docs/: parity, structure and drift. Never throws for page content. */
export function checkTranslations(docsDir: string): TranslationReport {
  const { zh, en } = listEditions(docsDir)
  const enSet = new Set(en)
  const zhSet = new Set(zh)
  const report: TranslationReport = { missing: [], orphans: [], structure: [], drift: [], paired: 0 }
  for (const rel of zh) if (!enSet.has(rel)) report.missing.push(`docs/${rel}:1: no English page docs/${EN_DIR}/${rel}`)
  for (const rel of en) {
    if (!zhSet.has(rel)) { report.orphans.push(`docs/${EN_DIR}/${rel}:1: no Chinese source docs/${rel} (the English edition mirrors the Chinese tree)`); continue }
    report.paired++
    const zhText = fs.readFileSync(path.join(docsDir, rel), 'utf8')
    const enText = fs.readFileSync(path.join(docsDir, EN_DIR, rel), 'utf8')
    report.structure.push(...compareStructure(zhText, enText, `docs/${rel}`, `docs/${EN_DIR}/${rel}`))
    try {
      const d = driftOf(docsDir, rel)
      if (d) report.drift.push(d)
    } catch (e) {
      report.structure.push((e as Error).message)
    }
  }
  return report
}

/**
 * Write (or replace) the stamp of English page `docs/en/<rel>` from the current Chinese source.
 * The stamp is one flow-mapping line after the last frontmatter key:
 * `translation: { source: guide/why.md, hash: '0123456789ab' }`. Returns the new hash.
 * The hash is quoted: unquoted, YAML reads a hash of digits only (`399936853892`) as an integer and one
 * like `26e855285322` as a float, and the frontmatter schema then rejects the page's stamp.
 * Throws when the page has no frontmatter or its Chinese source is missing.
 */
export function stampText(enText: string, rel: string, zhText: string, file = `docs/${EN_DIR}/${rel}`): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(enText)
  if (!m) throw new Error(`${file}:1: no frontmatter to stamp`)
  // drop an existing stamp: its line and any indented lines under it (block style)
  const kept: string[] = []
  let inStamp = false
  for (const line of m[1].split(/\r?\n/)) {
    if (/^translation\s*:/.test(line)) { inStamp = true; continue }
    if (inStamp && /^\s+\S/.test(line)) continue
    inStamp = false
    kept.push(line)
  }
  kept.push(`translation: { source: ${rel}, hash: '${sourceHash(zhText)}' }`)
  return `---\n${kept.join('\n')}\n---${m[2]}${enText.slice(m[0].length)}`
}

/** Stamp `docs/en/<rel>` in place; returns the hash written. */
export function stampPage(docsDir: string, rel: string): string {
  const zhPath = path.join(docsDir, rel)
  const enPath = path.join(docsDir, EN_DIR, rel)
  if (!fs.existsSync(zhPath)) throw new Error(`docs/${EN_DIR}/${rel}:1: no Chinese source docs/${rel} to stamp against`)
  const zhText = fs.readFileSync(zhPath, 'utf8')
  fs.writeFileSync(enPath, stampText(fs.readFileSync(enPath, 'utf8'), rel, zhText))
  return sourceHash(zhText)
}
