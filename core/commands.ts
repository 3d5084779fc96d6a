/**
 * Command reference, the data layer (shared by the site and scripts; the markdown-it plugin, the
 * finder index and the JSON export are in .vitepress/plugins/commands.ts): one data source
 * (docs/data/commands/*.yaml), three outputs.
 *
 *  1. Markdown. A page under docs/cli/ holds a marker line `<!-- commands:container -->`; a
 *     markdown-it core rule (and `expandCommandMarkers()`, for tools that read the .md source,
 *     such as the snippet harness) replaces it with real Markdown generated from the data:
 *     `##` section and `###` command headings with fixed anchors, usage, an options table,
 *     example fences in the runnable-snippet convention, glossary references and a keyword line
 *     (Chinese task words and flags) so the site search finds a command by what people type.
 *  2. The finder index (`finderIndex()`): a compact list (name, id, page, zh, en, flags,
 *     keywords) that docs/data/commands/commands.data.ts bundles with <CommandFinder>.
 *  3. JSON (`commandsJson()`), served at /api/commands.json.
 *
 * The data is validated when it is loaded (schemas/command-group.schema.json, then the checks
 * below that span fields and files); every problem names the YAML file and line
 * (`docs/data/commands/container.yaml:42: ...`), also for example fences, which are checked with
 * the same parser the snippet renderer and runner use.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isSeq } from 'yaml'
import { escapeHtml } from './html'
import { DataError, parseYaml, assertSchema, type YamlData } from './schema'
import { parseFenceInfo, SnippetSyntaxError, RUNNABLE_LANGS } from './snippet-syntax'
import { hasChinese, localePath, pageLang, type Lang } from './page-lang'
import { ORIGINAL_BLOCK, originalArticlesLine, SOURCES, type SourceId } from './frontmatter'
import { readCorrections } from './corrections'

// import.meta.url, not __dirname: this module is also imported by tsx/vitest as plain ESM
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DATA_DIR = path.join(ROOT, 'docs/data/commands')
const DOCS_DIR = path.join(ROOT, 'docs')
/** Paths are reported relative to the repository root, like every other checker here. */
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/')

export class CommandDataError extends DataError {
  constructor(file: string, line: number, detail: string) {
    super(file, line, detail)
    this.name = 'CommandDataError'
  }
}

// ---------------------------------------------------------------------------------------------
// The model

export interface CommandOption {
  /** as written in the data: `-p, --publish` */
  flags: string
  /** each flag on its own: ['-p', '--publish'] */
  flagList: string[]
  /** the option's value, shown after the flags: `宿主机端口:容器端口` */
  arg?: string
  desc: string
  keywords: string[]
  /** English twins (issue #17): `arg_en` only when `arg` contains Chinese */
  arg_en?: string
  desc_en?: string
  keywords_en?: string[]
  line: number
}

export interface CommandExample {
  title: string
  lang: string
  kind: 'run' | 'norun' | 'file'
  reason?: string
  file?: string
  exit?: number
  timeout?: number
  code: string
  /** the fence info string we generate: `sh run`, `sh norun="…"`, `yaml file=compose.yaml` */
  info: string
  title_en?: string
  /** English reason of a `norun` example; the English page's fence says `norun="<reason_en>"` */
  reason_en?: string
  /** the code with its Chinese text in English (only when `code` contains Chinese) */
  code_en?: string
  line: number
}

/** `original` quotes the Chinese article in both languages; `correction_en` is the English correction. */
export interface Correction { source: string; original: string; correction: string; correction_en?: string; line: number }

export interface Command {
  name: string
  id: string
  group: string
  /** site path of the group page: /cli/container */
  page: string
  section: string
  aliases: string[]
  zh: string
  en: string
  usage: string
  copy?: string
  keywords: string[]
  options: CommandOption[]
  examples: CommandExample[]
  note?: string
  warning?: string
  corrections: Correction[]
  related: string[]
  pages: string[]
  keywords_en?: string[]
  note_en?: string
  warning_en?: string
  file: string
  line: number
}

export interface CommandSection { title: string; intro?: string; title_en?: string; intro_en?: string; line: number; commands: Command[] }

export interface CommandGroup {
  id: string
  label: string
  title: string
  label_en?: string
  title_en?: string
  order: number
  page: string
  file: string
  sections: CommandSection[]
}

export interface CommandData { groups: CommandGroup[]; commands: Command[]; byId: Map<string, Command> }

// ---------------------------------------------------------------------------------------------
// What references may point to

/** The glossary's ids: one Markdown file per term, docs/data/glossary/<id>.md (falls back to the brief's list). */
export function glossaryIds(): Set<string> {
  const dir = path.join(ROOT, 'docs/data/glossary')
  const ids = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, '')) : []
  return ids.length ? new Set(ids) : GLOSSARY_IDS
}

/** Glossary ids listed in the content brief (used when docs/data/glossary is absent). */
export const GLOSSARY_IDS = new Set(
  `image container dockerfile registry docker-hub tag digest layer union-filesystem overlay2
  writable-layer namespace cgroup volume bind-mount tmpfs-mount bridge-network docker0 port-mapping
  host-network none-network user-defined-network embedded-dns daemon docker-cli docker-engine-api
  containerd runc oci docker-desktop wsl2 compose compose-file service swarm node manager-node
  worker-node task replica stack routing-mesh kubernetes pod deployment orchestration build-context
  build-cache multi-stage-build entrypoint cmd dockerignore restart-policy healthcheck virtual-machine
  hypervisor stateless dependency-hell registry-mirror platform detached-mode interactive-tty
  environment-variable container-id prune`.split(/\s+/),
)

/** The site map: pages that exist or are being written. `pages:` may point only to these. */
export const SITE_PAGES = new Set(
  `/guide/why /guide/install /guide/concepts /guide/first-container /guide/deploy-app
  /commands/images /commands/containers /commands/exec-logs-inspect /commands/volumes-networks /commands/cleanup
  /internals/namespaces /internals/cgroups /internals/layers /internals/stateless-data /internals/container-vs-vm /internals/architecture
  /network/bridge /network/port-mapping /network/host-none /network/user-defined /network/host-access
  /storage/volumes /storage/bind-mounts /storage/inspect-and-cleanup
  /build/dockerfile /build/instructions /build/cache-and-ignore /build/multi-stage /build/tags
  /orchestration/compose /orchestration/compose-astrbot /orchestration/swarm /orchestration/kubernetes /orchestration/comparison
  /help/faq /help/troubleshooting /help/when-not-to-use`.split(/\s+/),
)

/** The Markdown file behind a site path, if it exists yet. */
export function pageFile(sitePath: string): string | null {
  const base = path.join(DOCS_DIR, sitePath.replace(/^\//, ''))
  for (const f of [base + '.md', path.join(base, 'index.md')]) if (fs.existsSync(f)) return f
  return null
}

function pageTitle(sitePath: string): string | null {
  const file = pageFile(sitePath)
  if (!file) return null
  const m = /^---\r?\n[\s\S]*?^title:\s*(.+?)\s*$/m.exec(fs.readFileSync(file, 'utf8'))
  return m ? m[1].replace(/^(['"])(.*)\1$/, '$2') : sitePath
}

// ---------------------------------------------------------------------------------------------
// Loading and validation
//
// schemas/command-group.schema.json checks the shape first (keys, required fields, types, lengths,
// one-line texts without "{{" or raw "<…", name/id/flag patterns, source ids, English twins only
// next to their Chinese field); the reader below then only reads values and checks what needs more
// than one field, the snippet syntax or other files.

type Path = (string | number)[]

class Reader {
  readonly yaml: YamlData
  constructor(public file: string, text: string) {
    this.yaml = parseYaml(text, file, { error: CommandDataError })
    assertSchema('command-group', this.yaml, file, CommandDataError)
  }
  node(p: Path): unknown {
    return p.length ? this.yaml.doc.getIn(p, true) : this.yaml.doc.contents
  }
  /** 1-based line of the key (mapping member) or item (list member) at `p` */
  line(p: Path): number {
    return this.yaml.lineOf(p)
  }
  fail(p: Path, detail: string): never {
    throw new CommandDataError(this.file, this.line(p), detail)
  }
  has(p: Path): boolean {
    return this.yaml.doc.hasIn(p)
  }
  /** a text field (the schema made sure it is a string) */
  str(p: Path): string | undefined {
    const v = this.yaml.doc.getIn(p)
    return v === undefined || v === null ? undefined : String(v)
  }
  list(p: Path): number {
    const n = this.node(p)
    return isSeq(n) ? n.items.length : 0
  }
  strList(p: Path): string[] {
    return Array.from({ length: this.list(p) }, (_, i) => this.str([...p, i])!)
  }
  /** a list field that may be absent (undefined), e.g. an English twin not written yet */
  optStrList(p: Path): string[] | undefined {
    return this.has(p) ? this.strList(p) : undefined
  }
}

function readCommand(r: Reader, p: Path, group: string, section: string): Command {
  const name = r.str([...p, 'name'])!.trim()
  const id = r.str([...p, 'id'])!
  const aliases = r.strList([...p, 'aliases'])
  const cmd: Command = {
    name,
    id,
    group,
    page: `/cli/${group}`,
    section,
    aliases,
    zh: r.str([...p, 'zh'])!,
    en: r.str([...p, 'en'])!,
    usage: r.str([...p, 'usage'])!.trim(),
    copy: r.str([...p, 'copy']),
    keywords: r.strList([...p, 'keywords']),
    options: [],
    examples: [],
    note: r.str([...p, 'note'])?.trim(),
    warning: r.str([...p, 'warning'])?.trim(),
    corrections: [],
    related: r.strList([...p, 'related']),
    pages: r.strList([...p, 'pages']),
    keywords_en: r.optStrList([...p, 'keywords_en']),
    note_en: r.str([...p, 'note_en'])?.trim(),
    warning_en: r.str([...p, 'warning_en'])?.trim(),
    file: r.file,
    line: r.line(p),
  }
  if (!cmd.usage.startsWith(name) && !aliases.some((a) => cmd.usage.startsWith(a))) {
    r.fail([...p, 'usage'], `"usage" should start with the command ("${name} …")`)
  }

  const nOpts = r.list([...p, 'options'])
  for (let i = 0; i < nOpts; i++) {
    const op = [...p, 'options', i]
    const flags = r.str([...op, 'flags'])!
    const option: CommandOption = {
      flags,
      flagList: flags.split(',').map((f) => f.trim()),
      arg: r.str([...op, 'arg']),
      desc: r.str([...op, 'desc'])!,
      keywords: r.strList([...op, 'keywords']),
      arg_en: r.str([...op, 'arg_en']),
      desc_en: r.str([...op, 'desc_en']),
      keywords_en: r.optStrList([...op, 'keywords_en']),
      line: r.line(op),
    }
    // "arg_en ONLY when arg contains Chinese": `KEY=VALUE` needs no translation, `宿主机端口:容器端口` does
    // (that it needs an `arg` at all is the schema's `dependencies`)
    if (option.arg_en !== undefined && !(option.arg && hasChinese(option.arg))) {
      r.fail([...op, 'arg_en'], `"arg_en" only when "arg" contains Chinese ("${option.arg}" is shown as it is)`)
    }
    cmd.options.push(option)
  }

  const nEx = r.list([...p, 'examples'])
  for (let i = 0; i < nEx; i++) {
    const ep = [...p, 'examples', i]
    const title = r.str([...ep, 'title'])!
    const code = r.str([...ep, 'code'])!
    const run = r.has([...ep, 'run'])
    const norun = r.str([...ep, 'norun'])
    const title_en = r.str([...ep, 'title_en'])
    const norun_en = r.str([...ep, 'norun_en'])
    const code_en = r.str([...ep, 'code_en'])
    if (code_en !== undefined) {
      if (!hasChinese(code)) r.fail([...ep, 'code_en'], '"code_en" only when "code" contains Chinese text (otherwise both pages show "code")')
      if (/^\s*(```|~~~)/m.test(code_en)) r.fail([...ep, 'code_en'], 'example code must not contain a code fence line')
      if (/^\$ /m.test(code) && !/^\$ /m.test(code_en)) r.fail([...ep, 'code_en'], '"code_en" must keep the "$ " command lines of "code"')
    }
    const file = r.str([...ep, 'file'])
    const lang = r.str([...ep, 'lang']) ?? (file ? '' : 'sh')
    if (!lang) r.fail([...ep, 'file'], `"file" examples need a "lang" (yaml, dockerfile, …)`)
    if (norun !== undefined && run) r.fail([...ep, 'norun'], 'an example cannot have both "run" and "norun"')
    const kind: CommandExample['kind'] = file !== undefined ? 'file' : norun !== undefined ? 'norun' : 'run'
    const exit = r.yaml.doc.getIn([...ep, 'exit']) as number | undefined
    const timeout = r.yaml.doc.getIn([...ep, 'timeout']) as number | undefined
    const info =
      kind === 'file' ? `${lang} file=${file}` :
      kind === 'norun' ? `${lang} norun="${norun!.trim()}"` :
      [lang, 'run', exit !== undefined ? `exit=${exit}` : '', timeout !== undefined ? `timeout=${timeout}` : ''].filter(Boolean).join(' ')
    const codeLine = r.line([...ep, 'code'])
    try {
      const meta = parseFenceInfo(info, { file: r.file, line: codeLine })
      if (kind === 'run' && !RUNNABLE_LANGS.has(meta.lang)) r.fail([...ep, 'lang'], `"${lang}" examples cannot run; add norun: "reason"`)
    } catch (e) {
      if (e instanceof SnippetSyntaxError) throw new CommandDataError(r.file, codeLine, e.detail)
      throw e
    }
    if (/^\s*(```|~~~)/m.test(code)) r.fail([...ep, 'code'], 'example code must not contain a code fence line')
    if (lang === 'console' && kind === 'run' && !/^\$ /m.test(code)) r.fail([...ep, 'code'], 'a console example needs at least one "$ " command line')
    cmd.examples.push({
      title, lang, kind, reason: norun?.trim(), file, exit, timeout, code: code.replace(/\s+$/, '') + '\n', info, line: codeLine,
      ...(title_en !== undefined ? { title_en } : {}),
      ...(norun_en !== undefined ? { reason_en: norun_en.trim() } : {}),
      ...(code_en !== undefined ? { code_en: code_en.replace(/\s+$/, '') + '\n' } : {}),
    })
  }

  const nCor = r.list([...p, 'corrections'])
  for (let i = 0; i < nCor; i++) {
    const cp = [...p, 'corrections', i]
    const correction_en = r.str([...cp, 'correction_en'])
    cmd.corrections.push({
      source: r.str([...cp, 'source'])!,
      original: r.str([...cp, 'original'])!,
      correction: r.str([...cp, 'correction'])!,
      ...(correction_en !== undefined ? { correction_en } : {}),
      line: r.line(cp),
    })
  }
  const terms = glossaryIds()
  cmd.related.forEach((g, i) => {
    if (!terms.has(g)) r.fail([...p, 'related', i], `unknown glossary id "${g}" (no docs/data/glossary/${g}.md)`)
  })
  cmd.pages.forEach((pg, i) => {
    if (!SITE_PAGES.has(pg) && !pageFile(pg)) r.fail([...p, 'pages', i], `"${pg}" is not a page of the site map and no such file exists`)
  })
  return cmd
}

/**
 * Parse and validate one group file: schemas/command-group.schema.json, then the checks above
 * (group = file name, usage, English twins that need Chinese, examples' snippet syntax, glossary
 * ids and pages that exist).
 * @throws CommandDataError `file:line: problem`
 */
export function parseGroupFile(text: string, file: string): CommandGroup {
  const r = new Reader(file, text)
  const id = r.str(['group'])!
  const expected = path.basename(file).replace(/\.ya?ml$/, '')
  if (id !== expected) r.fail(['group'], `"group" must match the file name ("${expected}"), got "${id}"`)
  const group: CommandGroup = {
    id,
    label: r.str(['label'])!,
    title: r.str(['title'])!,
    label_en: r.str(['label_en']),
    title_en: r.str(['title_en']),
    order: r.yaml.doc.get('order') as number,
    page: `/cli/${id}`,
    file,
    sections: [],
  }
  const nSec = r.list(['sections'])
  for (let s = 0; s < nSec; s++) {
    const sp: Path = ['sections', s]
    const title = r.str([...sp, 'title'])!
    const section: CommandSection = {
      title,
      intro: r.str([...sp, 'intro'])?.trim(),
      title_en: r.str([...sp, 'title_en']),
      intro_en: r.str([...sp, 'intro_en'])?.trim(),
      line: r.line(sp),
      commands: [],
    }
    const nCmd = r.list([...sp, 'commands'])
    for (let c = 0; c < nCmd; c++) section.commands.push(readCommand(r, [...sp, 'commands', c], id, title))
    group.sections.push(section)
  }
  return group
}

/** Check what spans files: unique ids and names. */
function crossCheck(groups: CommandGroup[]): CommandData {
  const byId = new Map<string, Command>()
  const byName = new Map<string, Command>()
  const commands: Command[] = []
  for (const g of groups) {
    for (const s of g.sections) {
      for (const c of s.commands) {
        const dupId = byId.get(c.id)
        if (dupId) throw new CommandDataError(c.file, c.line, `id "${c.id}" is already used at ${dupId.file}:${dupId.line}`)
        for (const n of [c.name, ...c.aliases]) {
          const dup = byName.get(n)
          if (dup) throw new CommandDataError(c.file, c.line, `"${n}" is already described at ${dup.file}:${dup.line}`)
          byName.set(n, c)
        }
        byId.set(c.id, c)
        commands.push(c)
      }
    }
  }
  return { groups, commands, byId }
}

let cache: { key: string; data: CommandData } | null = null

/** Load every docs/data/commands/*.yaml (cached until a file changes). */
export function loadCommands(dir = DATA_DIR): CommandData {
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f))
  const key = dir + '|' + files.map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join('|')
  if (cache?.key === key) return cache.data
  const groups = files.map((f) => parseGroupFile(fs.readFileSync(f, 'utf8'), rel(f)))
  groups.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  const data = crossCheck(groups)
  cache = { key, data }
  return data
}

// ---------------------------------------------------------------------------------------------
// Markdown generation

/** Inside a table cell: keep it on one line and escape the column separator. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ')
const escHtml = escapeHtml
/** An inline code span that survives backticks in the content. */
const code = (s: string) => (s.includes('`') ? '`` ' + s + ' ``' : '`' + s + '`')

/** Flags people type, from the options. */
export function commandFlags(c: Command): string[] {
  return [...new Set(c.options.flatMap((o) => o.flagList))]
}

/** Chinese task words of the command and its options, deduplicated, command words first. */
export function commandKeywords(c: Command): string[] {
  return [...new Set([...c.keywords, ...c.options.flatMap((o) => o.keywords)])]
}

/** What the copy button of a command copies: its typical invocation, or its name. */
export function copyText(c: Pick<Command, 'name' | 'copy'>): string {
  return c.copy ?? c.name
}

/** English task words of the command and its options (`keywords_en`), command words first. */
export function commandKeywordsEn(c: Command): string[] {
  return [...new Set([...(c.keywords_en ?? []), ...c.options.flatMap((o) => o.keywords_en ?? [])])]
}

/** The fixed words of a generated command page, per language. */
const WORDS = {
  zh: { usage: '常用写法：', alias: '等价写法：', list: '、', warning: '::: warning 注意', option: '| 选项 | 说明 |', related: '相关概念：', pages: '详细讲解：', keywords: '关键词：', examples: '示例', colon: '：', original: (o: string) => `原文写作 ${o}。`, overview: '| 类别 | 命令 | 数量 |' },
  en: { usage: 'Typical use: ', alias: 'Same as: ', list: ', ', warning: '::: warning Warning', option: '| Option | Description |', related: 'Related concepts: ', pages: 'Explained in: ', keywords: 'Keywords: ', examples: 'examples', colon: ':', original: (o: string) => `the original article says ${o}. `, overview: '| Category | Commands | Count |' },
} as const

/**
 * A command's text in one language. English: the `_en` twins; a missing twin falls back to the
 * Chinese text (englishDataGaps() in scripts/lib/english-data.ts counts those), `code_en` to `code`.
 */
export function commandText(c: Command, lang: Lang) {
  const en = lang === 'en'
  return {
    summary: en ? c.en : c.zh,
    note: en ? (c.note_en ?? c.note) : c.note,
    warning: en ? (c.warning_en ?? c.warning) : c.warning,
    keywords: en ? commandKeywordsEn(c) : commandKeywords(c),
    option: (o: CommandOption) => ({ arg: en ? (o.arg_en ?? o.arg) : o.arg, desc: en ? (o.desc_en ?? o.desc) : o.desc }),
    example: (e: CommandExample) => ({
      title: en ? (e.title_en ?? e.title) : e.title,
      code: en ? (e.code_en ?? e.code) : e.code,
      // the English fence states the English reason; everything else on the info line is the same
      info: en && e.kind === 'norun' && e.reason_en ? `${e.lang} norun="${e.reason_en}"` : e.info,
    }),
    correction: (k: Correction) => (en ? (k.correction_en ?? k.correction) : k.correction),
  }
}
export const sectionTitle = (s: CommandSection, lang: Lang) => (lang === 'en' ? (s.title_en ?? s.title) : s.title)
const sectionIntro = (s: CommandSection, lang: Lang) => (lang === 'en' ? (s.intro_en ?? s.intro) : s.intro)
export const groupTitle = (g: CommandGroup, lang: Lang) => (lang === 'en' ? (g.title_en ?? g.title) : g.title)
export const groupLabel = (g: CommandGroup, lang: Lang) => (lang === 'en' ? (g.label_en ?? g.label) : g.label)

export interface GeneratedLine { text: string; file: string; line: number }

/**
 * Markdown lines for one command in one language; each line remembers the data line it comes
 * from. Anchors are the same in both languages; English pages link to /en/ pages.
 */
function commandMarkdown(c: Command, lang: Lang = 'zh'): GeneratedLine[] {
  const w = WORDS[lang]
  const tx = commandText(c, lang)
  const out: GeneratedLine[] = []
  const push = (text: string, line = c.line) => {
    for (const t of text.split('\n')) out.push({ text: t, file: c.file, line })
  }
  // VitePress derives "docker-run" from "docker run" itself; an explicit {#id} only when it differs
  push(`### ${c.name}${c.id === c.name.toLowerCase().replace(/\s+/g, '-') ? '' : ` {#${c.id}}`}`)
  push('')
  push(tx.summary)
  push('')
  // one summary, in the page's language: the Chinese page used to show the English one under it,
  // which readers took for an untranslated line (outside tester); /en/cli/ has the English
  push('```text')
  push(c.usage)
  push('```')
  push('')
  // the typical invocation, with a copy button (the button appears once JavaScript runs)
  // `{.cli-…}` classes (markdown-it-attrs, on in VitePress) mark the entry's fixed labels and links to
  // other pages, so the search index can leave them out (core/search/sections.ts, stripChrome)
  push(`${w.usage}${code(copyText(c))} <CommandCopy text="${escHtml(copyText(c))}" /> {.cli-usage}`)
  push('')
  if (c.aliases.length) {
    push(`${w.alias}${c.aliases.map(code).join(w.list)} {.cli-usage}`)
    push('')
  }
  if (tx.warning) {
    push(w.warning)
    push(tx.warning)
    push(':::')
    push('')
  }
  if (tx.note) {
    push(tx.note)
    push('')
  }
  if (c.options.length) {
    push(w.option)
    push('| --- | --- |')
    for (const o of c.options) {
      const ot = tx.option(o)
      push(`| ${cell(code(o.flagList.join(', ') + (ot.arg ? ` ${ot.arg}` : '')))} | ${cell(ot.desc)} |`, o.line)
    }
    push('')
  }
  const refs: string[] = []
  if (c.related.length) refs.push(`${w.related}${c.related.map((g) => `[[${g}]]`).join(w.list)}`)
  // a link only to a page that exists in the page's language (its title is the link text)
  const pages = c.pages.map((p) => localePath(p, lang)).map((p) => [p, pageTitle(p)] as const).filter(([, t]) => t)
  if (pages.length) refs.push(`${w.pages}${pages.map(([p, t]) => `[${t}](${p})`).join(w.list)}`)
  for (const r of refs) {
    push(`${r} {.cli-refs}`)
    push('')
  }
  // the words people search with, visible and indexed with this section: task words and flags
  const words = [...tx.keywords, ...commandFlags(c)]
  if (words.length) {
    push(`<p class="cli-keywords">${w.keywords}${words.map(escHtml).join(' · ')}</p>`)
    push('')
  }
  // examples under their own (h4, not in the outline) heading: the command's search section stays
  // short — description, options, keywords — so a flag or task word ranks it high
  push(`#### ${c.name} ${w.examples} {#${c.id}-examples .cli-examples}`)
  push('')
  for (const ex of c.examples) {
    const et = tx.example(ex)
    push(`${et.title}${w.colon}`, ex.line)
    push('', ex.line)
    // data line of the fence = the `code:` key; the code starts on the next line
    out.push({ text: '```' + et.info, file: c.file, line: ex.line })
    et.code.replace(/\n$/, '').split('\n').forEach((t, i) => out.push({ text: t, file: c.file, line: ex.line + 1 + i }))
    out.push({ text: '```', file: c.file, line: ex.line })
    push('', ex.line)
  }
  return out
}

function groupMarkdown(g: CommandGroup, lang: Lang = 'zh'): GeneratedLine[] {
  const out: GeneratedLine[] = []
  for (const s of g.sections) {
    const at = (text: string) => out.push({ text, file: g.file, line: s.line })
    at(`## ${sectionTitle(s, lang)}`)
    at('')
    const intro = sectionIntro(s, lang)
    if (intro) {
      for (const t of intro.split('\n')) at(t)
      at('')
    }
    for (const c of s.commands) out.push(...commandMarkdown(c, lang))
  }
  return out
}

/**
 * The corrections of the source articles for the commands of `groups`, as the one collapsible
 * "与原文的差异" block a page ends with (docs/contribute/writing.md); each paragraph names its
 * command and links to it. Empty when no command has a correction.
 */
function correctionsMarkdown(groups: CommandGroup[], lang: Lang = 'zh'): GeneratedLine[] {
  const out: GeneratedLine[] = []
  const w = WORDS[lang]
  const used = new Set<string>()
  for (const c of groups.flatMap((g) => g.sections.flatMap((s) => s.commands))) {
    const tx = commandText(c, lang)
    for (const cor of c.corrections) {
      used.add(cor.source)
      out.push({ text: '', file: c.file, line: cor.line })
      out.push({ text: `[${c.name}](#${c.id})${w.colon}${lang === 'en' ? ' ' : ''}${w.original(code(cor.original))}${tx.correction(cor)}`, file: c.file, line: cor.line })
    }
  }
  if (!out.length) return []
  out[0] = { ...out[1], text: ORIGINAL_BLOCK[lang].open }
  // what "原文" means, first (outside tester: the block never said which article): the sources
  // of this block's corrections (`used`), in the words the pages' blocks get too (core/frontmatter.ts)
  out.splice(1, 0, { ...out[1], text: originalArticlesLine(used, lang) }, { ...out[1], text: '' })
  out.push({ ...out[out.length - 1], text: ':::' })
  return [{ ...out[0], text: '' }, ...out]
}

/** A summary of all groups: for the section's overview page. */
function overviewMarkdown(data: CommandData, lang: Lang = 'zh'): GeneratedLine[] {
  const out: GeneratedLine[] = []
  const f = 'docs/data/commands'
  out.push({ text: WORDS[lang].overview, file: f, line: 1 }, { text: '| --- | --- | --- |', file: f, line: 1 })
  for (const g of data.groups) {
    const cmds = g.sections.flatMap((s) => s.commands)
    const page = localePath(g.page, lang)
    const names = cmds.map((c) => `[${c.name.replace(/^docker /, '')}](${page}#${c.id})`).join(' · ')
    out.push({ text: `| [${groupTitle(g, lang)}](${page}) | ${names} | ${cmds.length} |`, file: g.file, line: 1 })
  }
  out.push({ text: '', file: f, line: 1 })
  return out
}

export const MARKER_RE = /^<!--\s*commands:([a-z-]+)\s*-->\s*$/
/**
 * A line that starts like a marker (`<!-- commands…:`, `<!-- command:…`) but is not MARKER_RE
 * would stay an invisible HTML comment on the page: a missing section nobody notices. It fails.
 */
const LOOSE_MARKER_RE = /^\s{0,3}<!--\s*commands?\s*:/i
/** Does the source have anything expandCommandMarkersWithMap changes: a command marker or a "与原文的差异" block? */
export const mayHaveMarker = (source: string) => /<!--\s*commands?\s*:/i.test(source) || source.includes(ORIGINAL_BLOCK.zh.open) || source.includes(ORIGINAL_BLOCK.en.open)

/**
 * `<!-- original: id … -->` on the line after a "与原文的差异" block's opening: the source articles
 * of a block whose corrections are registered under another page (docs/data/corrections `page`).
 */
const ORIGINAL_MARKER_RE = /^<!--\s*original:\s*([a-z0-9 ,-]+?)\s*-->\s*$/
/** The first words of the sentence originalArticlesLine writes: a block that has it (a frozen release page) keeps it. */
const ORIGINAL_LINE_START = { zh: '这里的“原文”指', en: '"The original article" here means' } as const

let correctionSources: Map<string, Set<string>> | undefined
/**
 * The source articles each page's registered corrections correct (docs/data/corrections), by page
 * route without a trailing slash. Read once per process (a build; the dev server restarts to pick up edits).
 */
function sourcesByPage(): Map<string, Set<string>> {
  if (correctionSources) return correctionSources
  correctionSources = new Map()
  for (const c of readCorrections()) {
    const key = c.page.replace(/\/$/, '')
    if (!correctionSources.has(key)) correctionSources.set(key, new Set())
    correctionSources.get(key)!.add(c.source)
  }
  return correctionSources
}

/** A page file's route as docs/data/corrections writes it: docs/en/network/bridge.md → /network/bridge. */
const correctionsRoute = (file: string) => '/' + file.replace(/^docs\//, '').replace(/^en\//, '').replace(/\.md$/, '').replace(/(^|\/)index$/, '').replace(/\/$/, '')

/**
 * The sentence that opens a page's hand-written "与原文的差异" block (line `i` of `lines`, 0-based):
 * which source articles "原文" means, from the marker on the next line or else from the page's
 * registered corrections. Undefined when the block already has the sentence (frozen release pages).
 * @returns the sentence and whether the next line was the marker (which the sentence replaces)
 * @throws CommandDataError (file:line) on an unknown id in the marker, or a block whose page has
 *   no registered correction and no marker
 */
function originalLineFor(lines: string[], i: number, file: string, lang: Lang): { text: string; marker: boolean } | undefined {
  const next = lines[i + 1] ?? ''
  if (next.startsWith(ORIGINAL_LINE_START[lang])) return undefined
  const m = ORIGINAL_MARKER_RE.exec(next.trim())
  if (m) {
    const ids = m[1].split(/[\s,]+/).filter(Boolean)
    for (const id of ids) {
      if (!(id in SOURCES)) throw new CommandDataError(file, i + 2, `unknown source article "${id}" in <!-- original: … --> (known: ${Object.keys(SOURCES).join(', ')})`)
    }
    return { text: originalArticlesLine(ids as SourceId[], lang), marker: true }
  }
  if (/^\s*<!--\s*original/i.test(next)) throw new CommandDataError(file, i + 2, `malformed marker "${next.trim()}": write <!-- original: yama-2025 --> (source ids, space-separated)`)
  const ids = sourcesByPage().get(correctionsRoute(file))
  if (!ids?.size) {
    throw new CommandDataError(file, i + 1, `the "与原文的差异" block of a page with no correction in docs/data/corrections: register its corrections there, or name its source articles on the next line: <!-- original: yama-2025 -->`)
  }
  return { text: originalArticlesLine(ids, lang), marker: false }
}

export interface Expanded {
  text: string
  /** where a line of `text` comes from (1-based in, 1-based out): the .md file or a data file */
  origin(line: number): { file: string; line: number }
}

/**
 * Replace every marker line (`<!-- commands:container -->`, or `<!-- commands:overview -->`)
 * with the generated Markdown. `file` names the Markdown file in errors. Lines outside the
 * markers keep their text; `origin()` maps any output line back to its source.
 * `lang` defaults to the page's language from `file` (docs/en/… → English text, /en/ links).
 */
export function expandCommandMarkersWithMap(source: string, file: string, data?: CommandData, lang: Lang = pageLang(file)): Expanded {
  const lines = source.split('\n')
  const outText: string[] = []
  const outOrigin: { file: string; line: number }[] = []
  let loaded = data
  let fence: string | null = null
  const expandedGroups: CommandGroup[] = []
  let skip = -1
  lines.forEach((l, i) => {
    // markers inside a code block are shown, not expanded (e.g. on the contributor pages)
    const f = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(l)
    const wasInFence = fence !== null
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !f[2].trim()) fence = null
    } else if (f) fence = f[1]
    if (skip === i) return
    if (!wasInFence && !f && l.trimEnd() === ORIGINAL_BLOCK[lang].open) {
      // a page's own "与原文的差异" block opens with the sentence naming the source articles
      outText.push(l)
      outOrigin.push({ file, line: i + 1 })
      const o = originalLineFor(lines, i, file, lang)
      if (o) {
        outText.push(o.text, '')
        outOrigin.push({ file, line: i + 1 }, { file, line: i + 1 })
        if (o.marker) skip = i + 1
      }
      return
    }
    const m = wasInFence || f ? null : MARKER_RE.exec(l.trimEnd())
    if (!m && !wasInFence && !f && LOOSE_MARKER_RE.test(l)) {
      throw new CommandDataError(file, i + 1, `malformed command marker "${l.trim()}": write <!-- commands:<group> --> (lower-case group id) on a line of its own`)
    }
    if (!m) {
      outText.push(l)
      outOrigin.push({ file, line: i + 1 })
      return
    }
    loaded ??= loadCommands()
    let gen: GeneratedLine[]
    if (m[1] === 'overview') gen = overviewMarkdown(loaded, lang)
    else {
      const g = loaded.groups.find((x) => x.id === m[1])
      if (!g) throw new CommandDataError(file, i + 1, `unknown command group "${m[1]}" (known: overview, ${loaded.groups.map((x) => x.id).join(', ')})`)
      gen = groupMarkdown(g, lang)
      expandedGroups.push(g)
    }
    while (gen.length && !gen[gen.length - 1].text.trim()) gen.pop()
    for (const g2 of gen) {
      outText.push(g2.text)
      outOrigin.push({ file: g2.file, line: g2.line })
    }
  })
  // the page's corrections go last, after the page's own closing sections (docs/contribute/writing.md)
  const corrections = correctionsMarkdown(expandedGroups, lang)
  if (corrections.length) {
    while (outText.length && !outText[outText.length - 1].trim()) { outText.pop(); outOrigin.pop() }
    for (const g2 of corrections) {
      outText.push(g2.text)
      outOrigin.push({ file: g2.file, line: g2.line })
    }
    outText.push('')
    outOrigin.push({ file, line: lines.length })
  }
  return {
    text: outText.join('\n'),
    origin: (line) => outOrigin[line - 1] ?? { file, line },
  }
}

/**
 * For tools that read a page's .md source (the snippet harness): returns the source with every
 * `<!-- commands:… -->` marker replaced by the generated Markdown — the same text the site
 * renders. Sources without markers come back unchanged.
 */
export function expandCommandMarkers(source: string, file: string): string {
  if (!mayHaveMarker(source)) return source
  return expandCommandMarkersWithMap(source, file).text
}
