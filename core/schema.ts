/**
 * Data files checked against JSON Schemas, with errors at `file:line`.
 *
 * The schemas live in schemas/ at the repository root (draft-07, the draft Ajv's default class
 * implements, as in core/snippet-status.ts); editors get the same files for the YAML data files
 * through `.vscode/settings.json` "yaml.schemas" (yaml-language-server, which does not read the
 * frontmatter of Markdown files: page and glossary-term frontmatter is checked here only). This module is in core/ because
 * both sides use it: the site and the scripts (through core/glossary.ts, core/commands.ts), and the
 * other core modules (core/frontmatter.ts, corrections.ts); core/ imports neither .vitepress nor scripts.
 *
 * What a schema says is checked here once; what spans fields in ways a schema cannot say well
 * (an id equal to the file name, names unique across files, references, the line inside a text
 * block) stays in the module that owns the data.
 *
 * Messages: `<file>:<line>: <field path>: <problem>`, e.g.
 *   docs/data/glossary/foo.md:8: tags[1]: must be one of 基础, 原理, … (got "杂项")
 * The line is the line of the YAML key (mapping member) or item (list member) the error is about;
 * a missing field is reported at the line of the mapping that lacks it.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { closestName } from './edit-distance'
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode, type Pair } from 'yaml'

/** Folder of the schema files (repository root /schemas). */
export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url))

/** The schemas, by file name without `.schema.json`. `common` holds shared definitions (source ids). */
export const SCHEMA_NAMES = ['frontmatter', 'glossary-term', 'glossary-term-en', 'command-group', 'corrections'] as const
export type SchemaName = (typeof SCHEMA_NAMES)[number]

/** A problem in a data file: `file:line: detail`. The owners' error classes extend it. */
export class DataError extends Error {
  constructor(
    public file: string,
    /** 1-based line in `file` */
    public line: number,
    public detail: string,
  ) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'DataError'
  }
}
type ErrorClass = new (file: string, line: number, detail: string) => Error

/** Read a schema file (parsed JSON). */
export function readSchema(name: SchemaName | 'common'): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8'))
}

let ajv: Ajv | null = null
const compiled = new Map<SchemaName, ValidateFunction>()
function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name)
  if (v) return v
  if (!ajv) {
    // verbose: errors carry their parent schema (its `properties`, `description`, `patternErrorMessage`)
    // allowUnionTypes: `type: ["string", "number"]` (frontmatter keywords) is plain draft-07
    ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true })
    // yaml-language-server's (and VS Code's) message for a failed `pattern`; we show it too
    ajv.addVocabulary(['patternErrorMessage'])
    // `alsoCalled` on a property: names writers use for that field elsewhere (Hugo's `tags` for
    // `keywords`), so an unknown key that is one of them gets "did you mean …?" (unknownKeyHint)
    ajv.addVocabulary(['alsoCalled'])
    // relative `$ref`s ("common.schema.json#/…") resolve by file name, as editors resolve them next to the file
    ajv.addSchema(readSchema('common'), 'common.schema.json')
  }
  v = ajv.compile(readSchema(name))
  compiled.set(name, v)
  return v
}

export type YamlPath = (string | number)[]

/** A parsed YAML text and where its nodes are. */
export interface YamlData {
  doc: Document
  /** the plain value (`doc.toJS()`), `null` for an empty text */
  data: unknown
  /**
   * 1-based line, in the file, of the node at `path`: a mapping member's key line, a list item's
   * first line; for a path that does not exist, the line of its deepest existing ancestor.
   */
  lineOf(path: YamlPath): number
}

/**
 * Parse YAML keeping positions.
 * @param text YAML text
 * @param file path shown in messages
 * @param opts.firstLine line of the file where `text` starts (2 for frontmatter after the opening `---`)
 * @param opts.error the error class to throw (the owner's, e.g. GlossaryError); DataError by default
 * @throws opts.error `file:line: invalid YAML: …` on a syntax error or a duplicate key
 */
export function parseYaml(text: string, file: string, opts: { firstLine?: number; error?: ErrorClass } = {}): YamlData {
  const first = opts.firstLine ?? 1
  const Err = opts.error ?? DataError
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length) {
    const e = doc.errors[0]
    // e.pos: character offsets of the error (linePos is only filled with prettyErrors)
    throw new Err(file, counter.linePos(e.pos[0]).line + first - 1, `invalid YAML: ${e.message.split('\n')[0]}`)
  }
  const at = (n: unknown): number | undefined => {
    const r = (n as { range?: [number, number, number] } | null)?.range
    return r ? counter.linePos(r[0]).line + first - 1 : undefined
  }
  const lineOf = (path: YamlPath): number => {
    let node: unknown = doc.contents
    let line = at(node) ?? first
    for (const seg of path) {
      if (isMap(node)) {
        const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(seg))
        if (!pair) break
        line = at(pair.key) ?? line
        node = pair.value
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as YamlNode | undefined
        if (item === undefined) break
        line = at(item) ?? line
        node = item
      } else break
    }
    return line
  }
  return { doc, data: doc.toJS() ?? null, lineOf }
}

/** One schema violation, located. */
export interface SchemaProblem {
  line: number
  /** the field, e.g. `sections[0].commands[2].zh` ('' for the whole document) */
  field: string
  /** e.g. `tags[1]: must be one of 基础, 原理 (got "x")` */
  detail: string
}

/** JSON pointer (`/sections/0/name`) → path segments */
const segments = (pointer: string): YamlPath =>
  pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : []
/** path segments → `sections[0].name` */
export const fieldName = (path: YamlPath): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('')

const TYPE_NAMES: Record<string, string> = {
  string: 'text', array: 'a list', object: 'a mapping', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'empty',
}
function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`
}
const got = (v: unknown) => (typeof v === 'string' && [...v].length > 40 ? '' : ` (got ${describe(v)})`)
const quoteList = (xs: unknown[]) => xs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ')

type PropertySchemas = Record<string, { description?: string; alsoCalled?: string[] }>

/**
 * The allowed key an unknown `key` most likely meant: one whose `alsoCalled` names it, else the
 * closest by edit distance (core/edit-distance.ts closestName); undefined when none is close.
 */
export function unknownKeyHint(key: string, properties: PropertySchemas): string | undefined {
  const named = Object.entries(properties).find(([, s]) => s.alsoCalled?.some((a) => a.toLowerCase() === key.toLowerCase()))
  return named?.[0] ?? closestName(key, Object.keys(properties))
}

/** A problem before it is merged with its neighbours: what schemaProblems needs to pair a typo with the field it misses. */
interface Explained extends SchemaProblem {
  /** an unknown key and the allowed key it probably meant; a missing required key */
  pair?: { kind: 'unknown'; key: string; hint?: string; at: string } | { kind: 'missing'; key: string; help?: string; at: string }
}

/** Turn one Ajv error into a located message. Keywords the schemas use get a readable sentence. */
function explain(e: ErrorObject, y: YamlData): Explained {
  const path = segments(e.instancePath)
  const parent = (e.parentSchema ?? {}) as { description?: string; properties?: PropertySchemas; patternErrorMessage?: string }
  const help = parent.description ? ` — ${parent.description}` : ''
  const p = e.params as Record<string, unknown>
  let at = path
  let text: string
  switch (e.keyword) {
    case 'type':
      text = `must be ${String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ')}${got(e.data)}${help}`
      break
    case 'required': {
      const key = String(p.missingProperty)
      const h = parent.properties?.[key]?.description
      text = `missing field "${key}"${h ? ` (${h})` : ''}`
      const field = fieldName(path)
      return { line: y.lineOf(path), field, detail: field ? `${field}: ${text}` : text, pair: { kind: 'missing', key, help: h, at: e.instancePath } }
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty)
      at = [...path, key]
      const hint = unknownKeyHint(key, parent.properties ?? {})
      text = `unknown field "${key}"${hint ? `: did you mean "${hint}"?` : ''} (allowed: ${Object.keys(parent.properties ?? {}).join(', ')})`
      return { line: y.lineOf(at), field: fieldName(path), detail: (path.length ? `${fieldName(path)}: ` : '') + text, pair: { kind: 'unknown', key, hint, at: e.instancePath } }
    }
    case 'enum':
      text = `must be one of ${quoteList(p.allowedValues as unknown[])}${got(e.data)}`
      break
    case 'const':
      text = `must be ${JSON.stringify(p.allowedValue)}${got(e.data)}`
      break
    case 'pattern':
      text = parent.patternErrorMessage ? `${parent.patternErrorMessage}${got(e.data)}` : `must match /${String(p.pattern)}/${got(e.data)}`
      break
    case 'minLength':
      text = `must have at least ${String(p.limit)} characters`
      break
    case 'maxLength':
      text = `must have at most ${String(p.limit)} characters (has ${[...String(e.data)].length})`
      break
    case 'minItems':
      text = `must list at least ${String(p.limit)} item(s)${help}`
      break
    case 'uniqueItems': {
      const dup = Math.max(Number(p.i), Number(p.j))
      at = [...path, dup]
      text = `${JSON.stringify((e.data as unknown[])[dup])} is listed twice`
      break
    }
    case 'minimum': case 'maximum':
      text = `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}${got(e.data)}`
      break
    case 'dependencies': {
      // an English twin (`note_en`) next to a missing Chinese field (`note`)
      at = [...path, String(p.property)]
      text = `"${String(p.property)}" is only allowed next to "${String(p.missingProperty)}", which this entry does not have`
      return { line: y.lineOf(at), field: fieldName(at), detail: `${fieldName(at)}: ${text}` }
    }
    default:
      text = e.message ?? e.keyword
  }
  const field = fieldName(at)
  return { line: y.lineOf(at), field, detail: field ? `${field}: ${text}` : text }
}

/**
 * Every violation of schema `name` in `y`, in file order.
 * Collapses Ajv's follow-up errors: one problem per line and field.
 */
export function schemaProblems(name: SchemaName, y: YamlData): SchemaProblem[] {
  const validate = validator(name)
  if (validate(y.data)) return []
  const seen = new Set<string>()
  const explained = (validate.errors ?? []).map((e) => ({ e, x: explain(e, y) }))
  // a typo'd required key (`descripton:`) is one mistake, not two: say it once, at the typo's line,
  // as "did you mean …?", and drop "missing field" for the key it meant
  const merged = new Set<string>()
  for (const { x } of explained) {
    if (x.pair?.kind !== 'unknown' || !x.pair.hint) continue
    const { key, hint, at } = x.pair
    const missing = explained.find(({ x: m }) => m.pair?.kind === 'missing' && m.pair.at === at && m.pair.key === hint)?.x.pair
    if (missing?.kind !== 'missing' || merged.has(`${at}/${hint}`)) continue
    merged.add(`${at}/${hint}`)
    x.detail = `${x.field ? `${x.field}: ` : ''}unknown field "${key}": did you mean "${hint}"? (a required field, missing${missing.help ? `: ${missing.help}` : ''})`
  }
  return explained
    .filter(({ x }) => !(x.pair?.kind === 'missing' && merged.has(`${x.pair.at}/${x.pair.key}`)))
    // on one line and field, prefer an error from the field's own schema (it has the description:
    // the hint) over the same error from a shared definition it refers to
    .map(({ e, x }, i) => ({ line: x.line, field: x.field, detail: x.detail, i, own: (e.parentSchema as { description?: string } | undefined)?.description ? 0 : 1 }))
    .sort((a, b) => a.line - b.line || a.own - b.own || a.i - b.i)
    .filter((p) => !seen.has(`${p.line}|${p.field}`) && seen.add(`${p.line}|${p.field}`))
    .map(({ line, field, detail }) => ({ line, field, detail }))
}

/**
 * Check `y` against schema `name`.
 * @throws opts.error (DataError by default) for the first problem in file order, as `file:line: field: problem`
 */
export function assertSchema(name: SchemaName, y: YamlData, file: string, error: ErrorClass = DataError): void {
  const [first] = schemaProblems(name, y)
  if (first) throw new error(file, first.line, first.detail)
}
