/**
 * Command reference: one data source (docs/data/commands/*.yaml), three outputs.
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
 * The data is validated when it is loaded; every problem names the YAML file and line
 * (`docs/data/commands/container.yaml:42: ...`), also for example fences, which are checked with
 * the same parser the snippet renderer and runner use.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type MarkdownIt from 'markdown-it'
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode } from 'yaml'
import { parseFenceInfo, SnippetSyntaxError, RUNNABLE_LANGS } from '../../scripts/lib/snippet-syntax'
import { finderView, type FinderEntry, type FinderGroup, type FinderIndex } from '../../docs/data/commands/finder'
import { hasChinese, localePath, pageLang, type Lang } from './page-lang'

// import.meta.url, not __dirname: this module is also imported by tsx/vitest as plain ESM
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DATA_DIR = path.join(ROOT, 'docs/data/commands')
const DOCS_DIR = path.join(ROOT, 'docs')
/** Paths are reported relative to the repository root, like every other checker here. */
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/')

export class CommandDataError extends Error {
  constructor(public file: string, public line: number, public detail: string) {
    super(`${file}:${line}: ${detail}`)
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

/** The glossary's ids: one YAML file per term in docs/data/glossary (falls back to the brief's list). */
export function glossaryIds(): Set<string> {
  const dir = path.join(ROOT, 'docs/data/glossary')
  const ids = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')) : []
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

const SOURCE_IDS = new Set(['yama-2025', 'docker-resources-2025'])

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

type Path = (string | number)[]

class Reader {
  readonly counter = new LineCounter()
  readonly doc: Document
  constructor(public file: string, text: string) {
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true })
    const err = this.doc.errors[0]
    if (err) throw new CommandDataError(file, err.linePos?.[0]?.line ?? 1, `invalid YAML: ${err.message.split('\n')[0]}`)
  }
  node(p: Path): YamlNode | undefined {
    return (p.length ? this.doc.getIn(p, true) : this.doc.contents) as YamlNode | undefined
  }
  /** 1-based line of the value at `p` (or of the closest parent that exists). */
  line(p: Path): number {
    for (let i = p.length; i >= 0; i--) {
      const n = this.node(p.slice(0, i)) as { range?: [number, number, number] } | undefined
      if (n?.range) return this.counter.linePos(n.range[0]).line
    }
    return 1
  }
  fail(p: Path, detail: string): never {
    throw new CommandDataError(this.file, this.line(p), detail)
  }
  /** the line of a key inside a map (better than the value's line for block scalars) */
  keyLine(p: Path): number {
    const parent = this.node(p.slice(0, -1))
    if (isMap(parent)) {
      const key = p[p.length - 1]
      const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key)
      const r = (pair?.key as { range?: [number, number, number] } | undefined)?.range
      if (r) return this.counter.linePos(r[0]).line
    }
    return this.line(p)
  }
  map(p: Path, allowed: string[]): void {
    const n = this.node(p)
    if (!isMap(n)) this.fail(p, `expected a mapping of keys (${allowed.join(', ')})`)
    for (const it of n.items) {
      const k = isScalar(it.key) ? String(it.key.value) : '?'
      if (!allowed.includes(k)) {
        const r = (it.key as { range?: [number, number, number] }).range
        throw new CommandDataError(this.file, r ? this.counter.linePos(r[0]).line : this.line(p), `unknown key "${k}" (allowed: ${allowed.join(', ')})`)
      }
    }
  }
  has(p: Path): boolean {
    return this.node(p) !== undefined && this.node(p) !== null
  }
  str(p: Path, opts: { required?: boolean; min?: number; max?: number; inline?: boolean } = {}): string | undefined {
    const n = this.node(p)
    if (n === undefined || n === null || (isScalar(n) && n.value === null)) {
      if (opts.required) this.fail(p.slice(0, -1), `missing "${p[p.length - 1]}"`)
      return undefined
    }
    if (!isScalar(n) || (typeof n.value !== 'string' && typeof n.value !== 'number')) this.fail(p, `"${p[p.length - 1]}" must be text`)
    const v = String(n.value)
    const name = `"${p[p.length - 1]}"`
    if (!v.trim()) this.fail(p, `${name} is empty`)
    if (opts.min && v.trim().length < opts.min) this.fail(p, `${name} must have at least ${opts.min} characters`)
    if (opts.max && v.length > opts.max) this.fail(p, `${name} must have at most ${opts.max} characters (has ${v.length})`)
    if (opts.inline !== false) {
      if (/\n/.test(v.trim())) this.fail(p, `${name} must be one line`)
      // Vue compiles pages as templates: "{{" outside a code block would be read as an expression
      if (v.includes('{{')) this.fail(p, `${name} contains "{{" (Vue would read it as an expression); show templates in an example instead`)
      // Markdown passes HTML through: "<none>" would become an (unclosed) element
      if (/<[A-Za-z/!]/.test(v.replace(/`[^`]*`/g, ''))) this.fail(p, `${name} contains "<…" outside code: write it in backticks, e.g. \`<none>\``)
    }
    return v
  }
  list(p: Path): number {
    const n = this.node(p)
    if (n === undefined || n === null) return 0
    if (!isSeq(n)) this.fail(p, `"${p[p.length - 1]}" must be a list`)
    return n.items.length
  }
  /** a list field that may be absent (undefined), e.g. an English twin not written yet */
  optStrList(p: Path): string[] | undefined {
    return this.has(p) ? this.strList(p) : undefined
  }
  /** an English twin may only exist next to its Chinese field */
  twin(p: Path, of: string, present: boolean): void {
    if (this.has(p) && !present) this.fail(p, `"${p[p.length - 1]}" is the English twin of "${of}", which this entry does not have`)
  }
  strList(p: Path): string[] {
    const count = this.list(p)
    const out: string[] = []
    for (let i = 0; i < count; i++) out.push(this.str([...p, i], { required: true })!)
    return out
  }
}

// the `_en` keys are the English twins of the field scheme (docs/data/commands/README.md, issue #17)
const GROUP_KEYS = ['group', 'label', 'title', 'order', 'sections', 'label_en', 'title_en']
const SECTION_KEYS = ['title', 'intro', 'commands', 'title_en', 'intro_en']
const COMMAND_KEYS = ['name', 'id', 'aliases', 'zh', 'en', 'usage', 'copy', 'keywords', 'options', 'examples', 'note', 'warning', 'corrections', 'related', 'pages', 'keywords_en', 'note_en', 'warning_en']
const OPTION_KEYS = ['flags', 'arg', 'desc', 'keywords', 'arg_en', 'desc_en', 'keywords_en']
const EXAMPLE_KEYS = ['title', 'lang', 'run', 'norun', 'file', 'exit', 'timeout', 'code', 'title_en', 'norun_en', 'code_en']
const CORRECTION_KEYS = ['source', 'original', 'correction', 'correction_en']
const FLAG_RE = /^--?[A-Za-z0-9][\w-]*$/

function readCommand(r: Reader, p: Path, group: string, section: string): Command {
  r.map(p, COMMAND_KEYS)
  const name = r.str([...p, 'name'], { required: true })!.trim()
  if (!/^docker( [a-z][\w-]*)+$/.test(name)) r.fail([...p, 'name'], `"name" must be a docker command such as "docker run", got "${name}"`)
  const id = r.str([...p, 'id'], { required: true })!
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) r.fail([...p, 'id'], `"id" must be a lower-case anchor such as "docker-run", got "${id}"`)
  const aliases = r.strList([...p, 'aliases'])
  for (const [i, a] of aliases.entries()) if (!/^docker( [a-z][\w-]*)+$/.test(a)) r.fail([...p, 'aliases', i], `alias must be a docker command, got "${a}"`)
  const cmd: Command = {
    name,
    id,
    group,
    page: `/cli/${group}`,
    section,
    aliases,
    zh: r.str([...p, 'zh'], { required: true, min: 4, max: 80 })!,
    en: r.str([...p, 'en'], { required: true, min: 4, max: 100 })!,
    usage: r.str([...p, 'usage'], { required: true, inline: false })!.trim(),
    copy: r.str([...p, 'copy']),
    keywords: r.strList([...p, 'keywords']),
    options: [],
    examples: [],
    note: r.str([...p, 'note'], { inline: false })?.trim(),
    warning: r.str([...p, 'warning'], { inline: false })?.trim(),
    corrections: [],
    related: r.strList([...p, 'related']),
    pages: r.strList([...p, 'pages']),
    keywords_en: r.optStrList([...p, 'keywords_en']),
    note_en: r.str([...p, 'note_en'], { inline: false })?.trim(),
    warning_en: r.str([...p, 'warning_en'], { inline: false })?.trim(),
    file: r.file,
    line: r.line(p),
  }
  r.twin([...p, 'note_en'], 'note', cmd.note !== undefined)
  r.twin([...p, 'warning_en'], 'warning', cmd.warning !== undefined)
  if (!cmd.usage.startsWith(name) && !aliases.some((a) => cmd.usage.startsWith(a))) {
    r.fail([...p, 'usage'], `"usage" should start with the command ("${name} …")`)
  }
  for (const [field, text] of [['note', cmd.note], ['warning', cmd.warning], ['note_en', cmd.note_en], ['warning_en', cmd.warning_en]] as const) {
    if (text?.includes('{{')) r.fail([...p, field], `"${field}" contains "{{" (Vue would read it as an expression)`)
    if (text && /<[A-Za-z/!]/.test(text.replace(/`[^`]*`/g, ''))) r.fail([...p, field], `"${field}" contains "<…" outside code: write it in backticks`)
    if (text && /^(```|~~~|:::)/m.test(text)) r.fail([...p, field], `"${field}" is plain Markdown text; put code in "examples"`)
  }

  const nOpts = r.list([...p, 'options'])
  for (let i = 0; i < nOpts; i++) {
    const op = [...p, 'options', i]
    r.map(op, OPTION_KEYS)
    const flags = r.str([...op, 'flags'], { required: true })!
    const flagList = flags.split(',').map((f) => f.trim())
    for (const f of flagList) if (!FLAG_RE.test(f)) r.fail([...op, 'flags'], `bad flag "${f}" in "${flags}" (write "-p, --publish")`)
    const option: CommandOption = {
      flags,
      flagList,
      arg: r.str([...op, 'arg']),
      desc: r.str([...op, 'desc'], { required: true, min: 2, max: 160 })!,
      keywords: r.strList([...op, 'keywords']),
      arg_en: r.str([...op, 'arg_en']),
      // English takes about twice the characters of the same Chinese sentence
      desc_en: r.str([...op, 'desc_en'], { min: 2, max: 320 }),
      keywords_en: r.optStrList([...op, 'keywords_en']),
      line: r.line(op),
    }
    // "arg_en ONLY when arg contains Chinese": `KEY=VALUE` needs no translation, `宿主机端口:容器端口` does
    if (option.arg_en !== undefined && !(option.arg && hasChinese(option.arg))) {
      r.fail([...op, 'arg_en'], option.arg ? `"arg_en" only when "arg" contains Chinese ("${option.arg}" is shown as it is)` : '"arg_en" is the English twin of "arg", which this option does not have')
    }
    cmd.options.push(option)
  }

  const nEx = r.list([...p, 'examples'])
  if (!nEx) r.fail(p, `command "${name}" needs at least one example ("examples:")`)
  for (let i = 0; i < nEx; i++) {
    const ep = [...p, 'examples', i]
    r.map(ep, EXAMPLE_KEYS)
    const title = r.str([...ep, 'title'], { required: true, max: 80 })!
    const code = r.str([...ep, 'code'], { required: true, inline: false })!
    const run = r.node([...ep, 'run'])
    const norun = r.str([...ep, 'norun'])
    const title_en = r.str([...ep, 'title_en'], { max: 160 })
    const norun_en = r.str([...ep, 'norun_en'])
    const code_en = r.str([...ep, 'code_en'], { inline: false })
    r.twin([...ep, 'norun_en'], 'norun', norun !== undefined)
    if (norun_en?.includes('"')) r.fail([...ep, 'norun_en'], '"norun_en" reason must not contain a double quote')
    if (code_en !== undefined) {
      if (!hasChinese(code)) r.fail([...ep, 'code_en'], '"code_en" only when "code" contains Chinese text (otherwise both pages show "code")')
      if (/^\s*(```|~~~)/m.test(code_en)) r.fail([...ep, 'code_en'], 'example code must not contain a code fence line')
      if (/^\$ /m.test(code) && !/^\$ /m.test(code_en)) r.fail([...ep, 'code_en'], '"code_en" must keep the "$ " command lines of "code"')
    }
    const file = r.str([...ep, 'file'])
    const lang = r.str([...ep, 'lang']) ?? (file ? '' : 'sh')
    if (!lang) r.fail([...ep, 'file'], `"file" examples need a "lang" (yaml, dockerfile, …)`)
    if (run !== undefined && !(isScalar(run) && run.value === true)) r.fail([...ep, 'run'], `"run" can only be "true" (the default when neither "norun" nor "file" is given)`)
    if (norun !== undefined && run !== undefined) r.fail([...ep, 'norun'], 'an example cannot have both "run" and "norun"')
    if (norun?.includes('"')) r.fail([...ep, 'norun'], '"norun" reason must not contain a double quote')
    const kind: CommandExample['kind'] = file !== undefined ? 'file' : norun !== undefined ? 'norun' : 'run'
    const num = (k: 'exit' | 'timeout') => {
      const n = r.node([...ep, k])
      if (n === undefined) return undefined
      if (!isScalar(n) || typeof n.value !== 'number' || !Number.isInteger(n.value)) r.fail([...ep, k], `"${k}" must be a whole number`)
      return n.value as number
    }
    const exit = num('exit')
    const timeout = num('timeout')
    const info =
      kind === 'file' ? `${lang} file=${file}` :
      kind === 'norun' ? `${lang} norun="${norun!.trim()}"` :
      [lang, 'run', exit !== undefined ? `exit=${exit}` : '', timeout !== undefined ? `timeout=${timeout}` : ''].filter(Boolean).join(' ')
    const codeLine = r.keyLine([...ep, 'code'])
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
    r.map(cp, CORRECTION_KEYS)
    const source = r.str([...cp, 'source'], { required: true })!
    if (!SOURCE_IDS.has(source)) r.fail([...cp, 'source'], `unknown source "${source}" (known: ${[...SOURCE_IDS].join(', ')})`)
    cmd.corrections.push({
      source,
      original: r.str([...cp, 'original'], { required: true })!,
      correction: r.str([...cp, 'correction'], { required: true })!,
      ...(r.has([...cp, 'correction_en']) ? { correction_en: r.str([...cp, 'correction_en'])! } : {}),
      line: r.line(cp),
    })
  }
  const terms = glossaryIds()
  cmd.related.forEach((g, i) => {
    if (!terms.has(g)) r.fail([...p, 'related', i], `unknown glossary id "${g}" (no docs/data/glossary/${g}.yaml)`)
  })
  cmd.pages.forEach((pg, i) => {
    if (!SITE_PAGES.has(pg) && !pageFile(pg)) r.fail([...p, 'pages', i], `"${pg}" is not a page of the site map and no such file exists`)
  })
  return cmd
}

/** Parse and validate one group file. Throws CommandDataError (file:line). */
export function parseGroupFile(text: string, file: string): CommandGroup {
  const r = new Reader(file, text)
  r.map([], GROUP_KEYS)
  const id = r.str(['group'], { required: true })!
  const expected = path.basename(file).replace(/\.ya?ml$/, '')
  if (id !== expected) r.fail(['group'], `"group" must match the file name ("${expected}"), got "${id}"`)
  const orderNode = r.node(['order'])
  const order = isScalar(orderNode) && typeof orderNode.value === 'number' ? orderNode.value : r.fail(['order'], '"order" must be a number')
  const group: CommandGroup = {
    id,
    label: r.str(['label'], { required: true, max: 12 })!,
    title: r.str(['title'], { required: true, max: 40 })!,
    label_en: r.str(['label_en'], { max: 24 }),
    title_en: r.str(['title_en'], { max: 60 }),
    order,
    page: `/cli/${id}`,
    file,
    sections: [],
  }
  const nSec = r.list(['sections'])
  if (!nSec) r.fail(['sections'], 'a group needs "sections:" with commands')
  for (let s = 0; s < nSec; s++) {
    const sp: Path = ['sections', s]
    r.map(sp, SECTION_KEYS)
    const title = r.str([...sp, 'title'], { required: true, max: 30 })!
    const section: CommandSection = {
      title,
      intro: r.str([...sp, 'intro'], { inline: false })?.trim(),
      title_en: r.str([...sp, 'title_en'], { max: 60 }),
      intro_en: r.str([...sp, 'intro_en'], { inline: false })?.trim(),
      line: r.line(sp),
      commands: [],
    }
    r.twin([...sp, 'intro_en'], 'intro', section.intro !== undefined)
    const nCmd = r.list([...sp, 'commands'])
    if (!nCmd) r.fail(sp, `section "${title}" has no commands`)
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
const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
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
  zh: { usage: '常用写法：', alias: '等价写法：', list: '、', warning: '::: warning 注意', option: '| 选项 | 说明 |', related: '相关概念：', pages: '详细讲解：', keywords: '关键词：', examples: '示例', colon: '：', diff: '::: details 与原文的差异', original: (o: string) => `原文写作 ${o}。`, overview: '| 类别 | 命令 | 数量 |' },
  en: { usage: 'Typical use: ', alias: 'Same as: ', list: ', ', warning: '::: warning Warning', option: '| Option | Description |', related: 'Related concepts: ', pages: 'Explained in: ', keywords: 'Keywords: ', examples: 'examples', colon: ':', diff: '::: details Differences from the original article', original: (o: string) => `the original article says ${o}. `, overview: '| Category | Commands | Count |' },
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
const sectionTitle = (s: CommandSection, lang: Lang) => (lang === 'en' ? (s.title_en ?? s.title) : s.title)
const sectionIntro = (s: CommandSection, lang: Lang) => (lang === 'en' ? (s.intro_en ?? s.intro) : s.intro)
const groupTitle = (g: CommandGroup, lang: Lang) => (lang === 'en' ? (g.title_en ?? g.title) : g.title)
const groupLabel = (g: CommandGroup, lang: Lang) => (lang === 'en' ? (g.label_en ?? g.label) : g.label)

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
  // the Chinese page shows the English summary under the Chinese one; the English page needs no second line
  if (lang === 'zh') {
    push(`<p class="cli-en" lang="en">${escHtml(c.en)}</p>`)
    push('')
  }
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
  for (const c of groups.flatMap((g) => g.sections.flatMap((s) => s.commands))) {
    const tx = commandText(c, lang)
    for (const cor of c.corrections) {
      out.push({ text: '', file: c.file, line: cor.line })
      out.push({ text: `[${c.name}](#${c.id})${w.colon}${lang === 'en' ? ' ' : ''}${w.original(code(cor.original))}${tx.correction(cor)}`, file: c.file, line: cor.line })
    }
  }
  if (!out.length) return []
  out[0] = { ...out[1], text: w.diff }
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
const mayHaveMarker = (source: string) => /<!--\s*commands?\s*:/i.test(source)

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
  lines.forEach((l, i) => {
    // markers inside a code block are shown, not expanded (e.g. on the contributor pages)
    const f = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(l)
    const wasInFence = fence !== null
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !f[2].trim()) fence = null
    } else if (f) fence = f[1]
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

/**
 * markdown-it: expand markers before block parsing, so headings, tables and fences are real
 * Markdown for every later rule (anchors, snippet fences, glossary, local search).
 * VitePress strips the frontmatter before parsing; the markers sit in the body.
 */
export function commandsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'docker-kb-commands', (state) => {
    if (!mayHaveMarker(state.src)) return
    const file = state.env?.relativePath ? `docs/${state.env.relativePath}` : 'unknown.md'
    state.src = expandCommandMarkers(state.src, file)
  })
}

// ---------------------------------------------------------------------------------------------
// Finder index and JSON

/** The compact index bundled with <CommandFinder> (kept small: no options text, no examples). */
export function finderIndex(data: CommandData = loadCommands(), lang: 'zh' | 'en' | 'both' = 'both'): FinderIndex {
  const groups: FinderGroup[] = data.groups.map((g) => ({
    id: g.id,
    label: g.label,
    title: g.title,
    page: g.page,
    ...(g.label_en ? { label_en: g.label_en } : {}),
    ...(g.title_en ? { title_en: g.title_en } : {}),
  }))
  const commands: FinderEntry[] = data.commands.map((c) => {
    const e: FinderEntry = {
      name: c.name,
      id: c.id,
      group: c.group,
      page: c.page,
      zh: c.zh.replace(/`/g, ''),
      en: c.en,
      flags: commandFlags(c),
      keywords: c.keywords,
      optionKeywords: [...new Set(c.options.flatMap((o) => o.keywords))].filter((k) => !c.keywords.includes(k)),
    }
    if (c.aliases.length) e.aliases = c.aliases
    if (c.copy) e.copy = c.copy
    // English task words (the finder on /en/ pages searches these and `en`); only when written
    if (c.keywords_en?.length) e.keywords_en = c.keywords_en
    const optEn = [...new Set(c.options.flatMap((o) => o.keywords_en ?? []))].filter((k) => !c.keywords_en?.includes(k))
    if (optEn.length) e.optionKeywords_en = optEn
    return e
  })
  const both = { groups, commands }
  if (lang === 'both') return both
  // one language per bundle (the English view is finder.ts finderView); the other language's fields go
  const view = finderView(both, lang)
  return {
    groups: view.groups.map(({ label_en, title_en, ...g }) => g),
    commands: view.commands.map(({ keywords_en, optionKeywords_en, ...e }) => e),
  }
}

/**
 * The /api/commands.json export: the whole reference, for other tools (shape:
 * docs/data/commands/README.md). `base` (VitePress base, default `/`) prefixes every site path in
 * it (`groups[].page`, `page_en`, `commands[].url`, `url_en`), so the paths work
 * on a site deployed under a sub-path too. Every Chinese text has its English twin next to it
 * (`title_en`, `desc_en`, …); while a twin is missing it repeats the Chinese text (`code_en`,
 * `arg_en`: the code / argument itself when it needs no translation).
 */
export function commandsJson(base = '/'): unknown {
  const data = loadCommands()
  const at = (p: string) => base + p.replace(/^\//, '')
  return {
    version: 1,
    generated: new Date().toISOString(),
    count: data.commands.length,
    groups: data.groups.map((g) => ({
      id: g.id, label: g.label, title: g.title, page: at(g.page),
      label_en: groupLabel(g, 'en'), title_en: groupTitle(g, 'en'), page_en: at(localePath(g.page, 'en')),
    })),
    commands: data.commands.map((c) => {
      const en = commandText(c, 'en')
      const section = data.groups.find((g) => g.id === c.group)?.sections.find((s) => s.title === c.section)
      return {
        name: c.name,
        id: c.id,
        group: c.group,
        section: c.section,
        section_en: section ? sectionTitle(section, 'en') : c.section,
        url: at(`${c.page}#${c.id}`),
        url_en: at(`${localePath(c.page, 'en')}#${c.id}`),
        aliases: c.aliases,
        zh: c.zh,
        en: c.en,
        usage: c.usage,
        copy: copyText(c),
        keywords: c.keywords,
        keywords_en: c.keywords_en ?? [],
        ...(c.note ? { note: c.note, note_en: en.note } : {}),
        ...(c.warning ? { warning: c.warning, warning_en: en.warning } : {}),
        options: c.options.map((o) => {
          const ot = en.option(o)
          return {
            flags: o.flagList,
            ...(o.arg ? { arg: o.arg, arg_en: ot.arg } : {}),
            desc: o.desc,
            desc_en: ot.desc,
            keywords: o.keywords,
            keywords_en: o.keywords_en ?? [],
          }
        }),
        examples: c.examples.map((e) => {
          const et = en.example(e)
          return {
            title: e.title,
            title_en: et.title,
            lang: e.lang,
            runnable: e.kind === 'run',
            ...(e.reason ? { norun: e.reason, norun_en: e.reason_en ?? e.reason } : {}),
            ...(e.file ? { file: e.file } : {}),
            code: e.code,
            code_en: et.code,
          }
        }),
        ...(c.corrections.length
          ? { corrections: c.corrections.map((k) => ({ source: k.source, original: k.original, correction: k.correction, correction_en: en.correction(k) })) }
          : {}),
        related: c.related,
        // site paths as before (not prefixed with base), for compatibility
        pages: c.pages.filter((p) => pageFile(p)),
        pages_en: c.pages.map((p) => localePath(p, 'en')).filter((p) => pageFile(p)),
      }
    }),
  }
}
