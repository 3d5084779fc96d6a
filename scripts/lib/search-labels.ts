/**
 * The labelling rule of the search query sets (header of tests/search/queries.yaml,
 * docs/contribute/decisions.md "查询集的标注规则"), as code, so that a set is relabelled by the
 * rule for EVERY query of a class, never by looking at what the engine returns:
 *  - a whole command line: the query is the full name (or an alias) of a command-reference entry
 *    (`docker …`, docs/data/commands), followed only by flags and arguments (no CJK word):
 *    `best` is that entry on /cli/ (/en/cli/), the targets already listed stay acceptable;
 *  - a bare term: the whole query is a glossary term's name or alias (and no command line):
 *    its entry /glossary/#id is acceptable; `best` is the concept's page (conceptHomes) when it
 *    has one, otherwise `best` is unset;
 *  - a task or question in words (neither of the above, and no flag) whose acceptable targets include both a
 *    command-reference entry (/cli/) and a teaching page (pageKind 'teaching'): `best` is unset when
 *    it was one of the two kinds. Readers split about evenly on which should come first (the
 *    held-out sets, docs/contribute/decisions.md 2026-12-02 search19), so neither is "the" answer.
 * Every other query keeps its targets.
 */
import { normalize, hasCjk } from '../../core/search/text'
import { pageKind } from '../../core/search/query'

/** A command entry as the rule needs it: names people type and where its entry is. */
export interface LabelCommand { name: string; aliases: string[]; page: string; id: string }
/** A glossary term as the rule needs it. */
export interface LabelTerm { id: string; zh: string; en: string; aliases: string[] }
export interface LabelData {
  commands: LabelCommand[]
  terms: LabelTerm[]
  /** normalized phrase → locale-free site path of its concept page (core/search/lexicon.ts conceptHomes) */
  homes: Record<string, string>
  /** 'en': targets under /en/ */
  locale: 'root' | 'en'
}
/** a query's targets; `kind` as in the query file (a pasted `error` is never a bare term) */
export interface Labels { expect: string[]; best?: string; kind?: string }
export type LabelClass = 'command' | 'term' | 'task' | 'other'

const words = (s: string) => normalize(s).trim().split(/\s+/).filter(Boolean)

/**
 * Which class of the rule a query belongs to, and its labels under the rule.
 * @param q the query as typed
 * @param labels the query's current targets (`expect`, `best`)
 * @returns the class and the new labels (for 'other' the labels unchanged); `expect` keeps the
 *   given order and appends new targets; no duplicates
 */
export function labelQuery(q: string, labels: Labels, data: LabelData): { cls: LabelClass; labels: Labels } {
  const loc = (p: string) => (data.locale === 'en' ? '/en' + p : p)
  const add = (list: string[], t: string) => (list.includes(t) ? list : [...list, t])
  const qw = words(q)
  // the longest command name the query starts with, then only flags and arguments
  let cmd: LabelCommand | undefined
  let len = 0
  for (const c of data.commands) {
    for (const name of [c.name, ...c.aliases]) {
      const nw = words(name)
      if (nw[0] !== 'docker' || nw.length <= len || nw.length > qw.length) continue
      if (nw.every((w, i) => qw[i] === w)) { cmd = c; len = nw.length }
    }
  }
  if (cmd && !qw.slice(len).some(hasCjk)) {
    const best = loc(`${cmd.page}#${cmd.id}`)
    return { cls: 'command', labels: { ...labels, expect: add(labels.expect, best), best } }
  }
  const phrase = normalize(q).trim().replace(/\s+/g, ' ')
  // a flag ("-p", "--restart") or a pasted error ("exec format error") is not a bare term, even
  // where a glossary alias spells it
  const term = /^-/.test(phrase) || labels.kind === 'error' ? undefined : data.terms.find((t) => [t.zh, t.en, ...t.aliases].some((n) => normalize(n).trim().replace(/\s+/g, ' ') === phrase))
  if (term) {
    let expect = add(labels.expect, loc(`/glossary/#${term.id}`))
    const home = data.homes[phrase]
    if (home) expect = add(expect, loc(home))
    return { cls: 'term', labels: { ...labels, expect, best: home ? loc(home) : undefined } }
  }
  const cli = (t: string) => pageKind(t) === 'reference'
  const teaching = (t: string) => pageKind(t) === 'teaching'
  // a question about a flag ("-p 参数怎么用", "--name option") asks for the flag's own section
  if (!qw.some((w) => /^-/.test(w)) && labels.best && (cli(labels.best) || teaching(labels.best)) && labels.expect.some(cli) && labels.expect.some(teaching)) {
    return { cls: 'task', labels: { expect: labels.expect, ...(labels.kind ? { kind: labels.kind } : {}) } }
  }
  return { cls: 'other', labels }
}
