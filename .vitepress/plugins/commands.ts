/**
 * Command reference, the site's side: the markdown-it rule that expands `<!-- commands:… -->`
 * markers, the finder index bundled with <CommandFinder>, and /api/commands.json. The data (types,
 * loading and validation, marker expansion with its origin map) is in core/commands.ts, which the
 * scripts (snippet harness, release cut, bench, English-data report) use too.
 */
import type MarkdownIt from 'markdown-it'
import { FINDER_CJK_RUN, finderView, type FinderEntry, type FinderGroup, type FinderIndex } from '../../docs/data/commands/finder'
import { localePath } from '../../core/page-lang'
import { createWordSplitter } from '../../core/search/index-tokenize'
import { searchSetup } from '../config/search'
import { UI, langOfPath } from '../theme/i18n-text'
import {
  type CommandData, commandFlags, commandText, copyText, expandCommandMarkers, groupLabel, groupTitle, loadCommands, mayHaveMarker, pageFile, sectionTitle,
} from '../../core/commands'

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
  const html = md.renderer.rules.html_inline ?? ((tokens, idx) => tokens[idx].content)
  md.renderer.rules.html_inline = (tokens, idx, options, env, self) =>
    commandCopyButton(tokens[idx].content, langOfPath(String(env?.relativePath ?? ''))) ?? html(tokens, idx, options, env, self)
}

/** `<CommandCopy text="docker run -d --name web -p 8080:80 nginx" />` (core/commands.ts writes it after the code; frozen releases keep it in their Markdown). */
const COMMAND_COPY = /^<CommandCopy\s+text="([^"]*)"\s*\/>$/

/**
 * The copy button of a command's typical invocation, as static HTML. Input: an inline HTML token's
 * text and the page's language; output: the button, or undefined when the token is not the
 * `<CommandCopy>` marker. The marker's text is already HTML-escaped (core/commands.ts escHtml).
 *
 * Why not a Vue component (it was CommandCopy.vue): /cli/container has 24 of them, each an async
 * component to load and hydrate, and each made its paragraph a dynamic vnode in the page chunk
 * instead of part of a static string (issue #14, lean pages). The button copies the `<code>` just
 * before it, which shows the same text; one delegated listener (theme/command-copy.ts) serves
 * every button, and styles.css hides them until the page is hydrated (without JavaScript there is
 * nothing to click; the command is on the page as text).
 */
export function commandCopyButton(content: string, lang: 'zh' | 'en'): string | undefined {
  const m = COMMAND_COPY.exec(content.trim())
  if (!m) return undefined
  const ui = UI[lang]
  return `<button type="button" class="cli-copy kb-btn" aria-label="${ui.copyCommandLabel(m[1])}">${ui.copyCommand}</button>`
}

// ---------------------------------------------------------------------------------------------
// Finder index and JSON

/**
 * The flags of a command line: `-d`, `--name`, `--restart=always` → `--restart`, and combined short
 * flags `-it` → `-i`, `-t` (and `-it` itself, which some options list as one flag).
 */
export function everydayFlags(line: string | undefined): Set<string> {
  const out = new Set<string>()
  for (const w of (line ?? '').split(/\s+/)) {
    const m = /^(--?[A-Za-z][\w-]*)/.exec(w)
    if (!m) continue
    out.add(m[1])
    if (/^-[A-Za-z]{2,}$/.test(m[1])) for (const ch of m[1].slice(1)) out.add('-' + ch)
  }
  return out
}

/** The compact index bundled with <CommandFinder> (kept small: no options text, no examples). */
let splitWords: ((run: string) => string[]) | undefined
/**
 * The word lengths of a summary's CJK runs as the site search segments them (finder.ts
 * FinderEntry.zhCuts): one base-36 digit per word, runs one after another; '' when no run has
 * two words. Throws on a word longer than 35 characters (cannot be written in one digit).
 */
export function zhCuts(zh: string): string {
  splitWords ??= createWordSplitter(searchSetup().words)
  let out = ''
  let split = false
  for (const run of zh.match(FINDER_CJK_RUN) ?? []) {
    const words = splitWords(run)
    if (words.length > 1) split = true
    for (const w of words) {
      if (w.length > 35) throw new Error(`finder index: word "${w}" of "${zh}" is longer than 35 characters`)
      out += w.length.toString(36)
    }
  }
  return split ? out : ''
}

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
    const cuts = zhCuts(e.zh)
    if (cuts) e.zhCuts = cuts
    if (c.aliases.length) e.aliases = c.aliases
    if (c.copy) e.copy = c.copy
    // the task words of the options in the typical invocation (`copy`: docker run -d --name web -p 8080:80 nginx)
    const everyday = c.options.filter((o) => o.flagList.some((f) => everydayFlags(c.copy).has(f)))
    const day = [...new Set(everyday.flatMap((o) => o.keywords))]
    if (day.length) e.everydayKeywords = day
    const dayEn = [...new Set(everyday.flatMap((o) => o.keywords_en ?? []))]
    if (dayEn.length) e.everydayKeywords_en = dayEn
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
    commands: view.commands.map(({ keywords_en, optionKeywords_en, everydayKeywords_en, ...e }) => e),
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
