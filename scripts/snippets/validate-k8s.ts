/**
 * Kubernetes manifests cannot run in the snippet sandbox (no cluster). Instead, every
 * ```yaml file=<name>.k8s.yaml fence is validated: YAML syntax, then the small JSON schema in
 * k8s-schema.json (apiVersion/kind/metadata.name for every object; the basic shape of
 * Deployment, Service and Pod), then a few cross-field checks the schema cannot express.
 *
 * CLI: `tsx scripts/snippets/validate-k8s.ts file.k8s.yaml ...` (exit 1 on errors).
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv, { type ErrorObject } from 'ajv'
import { parseAllDocuments } from 'yaml'
import { parseCli, parseOrExit } from '../lib/cli-args'

const schema = JSON.parse(fs.readFileSync(new URL('./k8s-schema.json', import.meta.url), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile(schema)

function fmt(e: ErrorObject): string {
  const where = e.instancePath || '/'
  if (e.keyword === 'const') return `${where}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
  if (e.keyword === 'required') return `${where}: missing "${(e.params as { missingProperty: string }).missingProperty}"`
  return `${where}: ${e.message}`
}

type Obj = Record<string, unknown>
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x)

function crossChecks(doc: Obj): string[] {
  const errors: string[] = []
  if (doc.kind === 'Deployment' && isObj(doc.spec)) {
    const sel = isObj(doc.spec.selector) && isObj(doc.spec.selector.matchLabels) ? doc.spec.selector.matchLabels : undefined
    const tpl = isObj(doc.spec.template) && isObj(doc.spec.template.metadata) && isObj(doc.spec.template.metadata.labels) ? doc.spec.template.metadata.labels : undefined
    if (sel && tpl) {
      for (const [k, v] of Object.entries(sel)) {
        if (tpl[k] !== v) errors.push(`/spec/selector/matchLabels/${k}: "${v}" does not match the pod template's labels (${JSON.stringify(tpl)})`)
      }
    }
  }
  const pod = doc.kind === 'Pod' ? doc.spec : isObj(doc.spec) && isObj(doc.spec.template) ? doc.spec.template.spec : undefined
  if (isObj(pod) && Array.isArray(pod.containers)) {
    const names = pod.containers.map((c) => (isObj(c) ? c.name : undefined))
    const dup = names.find((n, i) => n !== undefined && names.indexOf(n) !== i)
    if (dup) errors.push(`container name "${dup}" is used twice`)
  }
  return errors
}

/** Validate the text of a (multi-document) manifest. Returns error messages; empty = valid. */
export function validateK8sYaml(text: string): string[] {
  const errors: string[] = []
  const docs = parseAllDocuments(text)
  let n = 0
  for (const d of docs) {
    n++
    const tag = docs.length > 1 ? `document ${n}: ` : ''
    if (d.errors.length) {
      for (const e of d.errors) errors.push(`${tag}YAML: ${e.message.split('\n')[0]}`)
      continue
    }
    const value = d.toJS()
    if (value === null || value === undefined) continue
    if (!isObj(value)) {
      errors.push(`${tag}a manifest must be a mapping (apiVersion, kind, metadata, ...)`)
      continue
    }
    const name = `${value.kind ?? '?'}/${isObj(value.metadata) ? value.metadata.name ?? '?' : '?'}`
    if (!validate(value)) {
      const seen = new Set<string>()
      for (const e of validate.errors ?? []) {
        if (e.keyword === 'if') continue
        const m = `${tag}${name} ${fmt(e)}`
        if (!seen.has(m)) { seen.add(m); errors.push(m) }
      }
    }
    for (const e of crossChecks(value)) errors.push(`${tag}${name} ${e}`)
  }
  if (n === 0) errors.push('empty manifest')
  return errors
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const { positionals: files } = parseOrExit('validate-k8s', 'tsx scripts/snippets/validate-k8s.ts file.k8s.yaml…', () =>
    parseCli(process.argv.slice(2), { options: {}, allowPositionals: true }),
  )
  let bad = 0
  for (const f of files) {
    const errs = validateK8sYaml(fs.readFileSync(f, 'utf8'))
    for (const e of errs) console.log(`${f}: ${e}`)
    if (errs.length) bad++
    else console.log(`${f}: ok`)
  }
  process.exit(bad ? 1 : 0)
}
