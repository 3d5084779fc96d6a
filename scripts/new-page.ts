/**
 * Scaffold a page in both languages: `npm run new -- <section>/<slug> [--title 标题] [--title-en Title]`.
 *
 * Writes docs/<section>/<slug>.md from templates/page.md with valid frontmatter: a title
 * (placeholder unless --title is given), a placeholder description, `sources: []` and the next
 * free `order` in the section. The sidebar, nav and prev/next links come from the file tree, so
 * there is nothing to register. The section must exist (a folder with an index.md).
 * Also writes its English page docs/en/<section>/<slug>.md from templates/page.en.md (same order,
 * same headings and runnable fences), stamped against the new Chinese page
 * (scripts/lib/translations.ts), so the English edition's parity and drift checks stay green.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFrontmatter } from '../core/frontmatter'
import { EN_DIR, stampText } from './lib/translations'
import { parseCli, parseOrExit, UsageError } from './lib/cli-args'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const TEMPLATE = path.join(ROOT, 'templates', 'page.md')
export const TEMPLATE_EN = path.join(ROOT, 'templates', 'page.en.md')
const NOT_SECTIONS = new Set(['public', 'data', 'en', 'v'])
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export interface NewPageOptions {
  /** "network/port-mapping" */
  spec: string
  title?: string
  /** title of the English page (default: a placeholder) */
  titleEn?: string
  docsDir?: string
  template?: string
  templateEn?: string
}

/** The next free `order` in a section folder: one more than the highest page order (index.md excluded). */
export function nextOrder(sectionDir: string): number {
  let max = 0
  for (const f of fs.readdirSync(sectionDir)) {
    if (!f.endsWith('.md') || f === 'index.md') continue
    const file = path.join(sectionDir, f)
    const order = readFrontmatter(fs.readFileSync(file, 'utf8'), file).data.order
    if (typeof order === 'number' && Number.isInteger(order) && order > max) max = order
  }
  return max + 1
}

/** Output: the Chinese page `file`, its English page `enFile` (stamped), the order, the Chinese title. */
export function scaffoldPage(opts: NewPageOptions): { file: string; enFile: string; order: number; title: string } {
  const docsDir = path.resolve(opts.docsDir ?? path.join(ROOT, 'docs'))
  const m = /^([a-z0-9][a-z0-9-]*)\/([^/]+?)(?:\.md)?$/.exec(opts.spec.trim())
  if (!m) throw new Error(`expected <section>/<slug>, e.g. network/port-mapping (got "${opts.spec}")`)
  const [, section, slug] = m
  const sections = fs.existsSync(docsDir)
    ? fs.readdirSync(docsDir).filter((d) => !NOT_SECTIONS.has(d) && fs.existsSync(path.join(docsDir, d, 'index.md'))).sort()
    : []
  if (NOT_SECTIONS.has(section) || !sections.includes(section)) {
    throw new Error(`unknown section "${section}" (sections: ${sections.join(', ')}); a new section is a folder with an index.md`)
  }
  if (!SLUG_RE.test(slug) || slug === 'index') throw new Error(`slug "${slug}" must be lower-case words joined by "-", e.g. port-mapping`)
  const file = path.join(docsDir, section, `${slug}.md`)
  if (fs.existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} exists already`)
  const enFile = path.join(docsDir, EN_DIR, section, `${slug}.md`)
  if (fs.existsSync(enFile)) throw new Error(`${path.relative(process.cwd(), enFile)} exists already`)
  const title = (opts.title ?? `新页面：${slug}`).trim()
  const titleEn = (opts.titleEn ?? `New page: ${slug}`).trim()
  for (const [flag, t] of [['--title', title], ['--title-en', titleEn]]) {
    if (t.length < 2 || t.length > 60 || /["\n]/.test(t)) throw new Error(`${flag} must be 2 to 60 characters on one line, without double quotes`)
  }
  const order = nextOrder(path.join(docsDir, section))
  const values: Record<string, string> = {
    title: /^[\w\u3400-\u9fff]/.test(title) && !/[:#\[\]{},&*!|>'%@`]/.test(title) ? title : JSON.stringify(title),
    description: '一两句话说明这一页讲什么、读完能做到什么，用于搜索结果和分享卡片（请改写）。',
    order: String(order),
    section,
    slug,
  }
  const fill = (templateFile: string, v: Record<string, string>, plainTitle: string) => {
    const text = fs.readFileSync(templateFile, 'utf8').replace(/\{\{(title|description|order|section|slug)\}\}/g, (_all, k: string) =>
      // the H1 gets the plain title, frontmatter the YAML-safe one
      k === 'title' ? '\u0000' : v[k],
    )
    return text.replace(/^title: \u0000$/m, `title: ${v.title}`).replace(/\u0000/g, plainTitle)
  }
  const out = fill(opts.template ?? TEMPLATE, values, title)
  const valuesEn = {
    ...values,
    title: /^[\w]/.test(titleEn) && !/[:#\[\]{},&*!|>'%@`]/.test(titleEn) ? titleEn : JSON.stringify(titleEn),
    description: 'One or two sentences on what this page covers and what readers can do after reading it (rewrite this).',
  }
  const outEn = stampText(fill(opts.templateEn ?? TEMPLATE_EN, valuesEn, titleEn), `${section}/${slug}.md`, out, enFile)
  fs.writeFileSync(file, out)
  fs.mkdirSync(path.dirname(enFile), { recursive: true })
  fs.writeFileSync(enFile, outEn)
  return { file, enFile, order, title }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'npm run new -- <section>/<slug> [--title 标题] [--title-en Title]\n  e.g. npm run new -- network/port-mapping --title 端口映射 --title-en "Port publishing"'
  const { spec, title, titleEn } = parseOrExit('new', usage, () => {
    const { values, positionals } = parseCli(process.argv.slice(2), {
      options: { title: { type: 'string' }, 'title-en': { type: 'string' } },
      allowPositionals: true,
    })
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `one page at a time, got ${positionals.join(' ')}` : 'name the page: <section>/<slug>')
    return { spec: positionals[0], title: values.title, titleEn: values['title-en'] }
  })
  try {
    const r = scaffoldPage({ spec, title, titleEn })
    const rel = path.relative(process.cwd(), r.file)
    const relEn = path.relative(process.cwd(), r.enFile)
    console.log(`created ${rel} (order ${r.order}) and its English page ${relEn} (stamped); they appear in the sidebar and nav automatically`)
    console.log(`next: edit them, then npm run check -- ${rel} ${relEn} && npm run lint -- ${rel} ${relEn}`)
    console.log(`after changing ${rel} again: update ${relEn}, then npm run i18n:stamp -- ${relEn}`)
  } catch (e) {
    console.error(`new: ${(e as Error).message}`)
    process.exit(1)
  }
}
