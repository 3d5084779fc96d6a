/**
 * Where a page lives across versions. Pure functions (no Node, no DOM), shared by the cut script,
 * the build (transformPageData), the theme's version switcher / banner / embed action and tests.
 *
 *   docs/guide/why.md             → route "guide/why"   of the latest docs, URL /guide/why
 *   docs/v/2026.11/guide/why.md   → route "guide/why"   of release 2026.11, URL /v/2026.11/guide/why
 *   docs/guide/index.md           → route "guide/"      docs/index.md → route "" (the home page)
 */

/** Folder under docs/ holding frozen releases, one sub-folder per release. */
export const FROZEN_DIR = 'v'

/**
 * A release's glossary snapshot, relative to its folder docs/v/<name>/ (a dot folder, so never a
 * page): written by the cut (scripts/lib/versions.ts), read by the glossary plugin.
 */
export const RELEASE_GLOSSARY = '.data/glossary.json'

/** A release name: URL- and folder-safe, e.g. 2026.11, 2026.11.1, 2027.01-rc1. */
export const VERSION_NAME_RE = /^[0-9][0-9A-Za-z]*(?:[.-][0-9A-Za-z]+)*$/

/** Why a release name is unusable, or null when it is fine. */
export function versionNameProblem(name: string): string | null {
  if (!name) return 'a release name is required, e.g. 2026.11'
  if (!VERSION_NAME_RE.test(name)) return `"${name}" is not a release name: use digits, letters, "." and "-", starting with a digit (e.g. 2026.11)`
  if (name.length > 32) return `"${name}" is too long (at most 32 characters)`
  return null
}

/**
 * Split a page's path relative to docs/ (VitePress's `page.relativePath`) into its release
 * (null for the latest docs) and its path inside that release.
 */
export function splitVersion(relativePath: string): { version: string | null; rel: string } {
  const m = /^v\/([^/]+)\/(.*)$/.exec(relativePath)
  return m ? { version: m[1], rel: m[2] } : { version: null, rel: relativePath }
}

/** "guide/why.md" → "guide/why", "guide/index.md" → "guide/", "index.md" → "". */
export function routeOf(rel: string): string {
  return rel.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')
}

/**
 * Where the Markdown copy of a page lives (.vitepress/plugins/llms.ts), relative to the site root
 * and `base`: the page's source path. "guide/why.md" → "guide/why.md" (next to the clean URL
 * /guide/why), "guide/index.md" → "guide/index.md" (the page /guide/), "index.md" → "index.md".
 */
export function markdownPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/')
}

/** URL prefix of a release: "/" for the latest docs, "/v/<name>/" for a frozen one. */
export function versionBase(version: string | null): string {
  return version ? `/${FROZEN_DIR}/${version}/` : '/'
}

/** Site URL of a route in a release: ("guide/why", "2026.11") → "/v/2026.11/guide/why". */
export function versionUrl(route: string, version: string | null): string {
  return versionBase(version) + route
}

/**
 * The URL of "the same page" in another release: the page itself when that release has it,
 * else that release's home page. `routes` lists the routes the target release has.
 */
export function counterpartUrl(relativePath: string, target: string | null, routes: Iterable<string>): { url: string; exists: boolean } {
  const route = routeOf(splitVersion(relativePath).rel)
  const has = new Set(routes).has(route)
  return { url: versionUrl(has ? route : '', target), exists: has }
}

/**
 * The sentence <VersionFacts> shows under a page, as plain text (also the header of the page's
 * Markdown copy, .vitepress/plugins/page-markdown.ts). Input: the facts from versionPageData();
 * output: one sentence in `lang` (English pages: 'en'), or '' when there is nothing to say.
 */
export function versionFactsText(f: PageVersionFacts | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!f) return ''
  if (lang === 'en') {
    const envEn = [f.engine && `Docker Engine ${f.engine}`, f.compose && `Docker Compose ${f.compose}`].filter(Boolean).join(' and ')
    const whenEn = f.verified ? ` (${f.verified})` : ''
    if (f.release) {
      return `This page belongs to release ${f.release}${f.frozen ? `, frozen on ${f.frozen}` : ''}; its commands are no longer run${envEn ? `. Verified before the freeze on ${envEn}${whenEn}` : ''}.`
    }
    if (!envEn) return ''
    return `Commands verified on ${envEn}${whenEn}${f.mode === 'standins' ? ' with offline stand-in images' : ''}; ${countsText(f, 'en')}.`
  }
  const env = [f.engine && `Docker Engine ${f.engine}`, f.compose && `Docker Compose ${f.compose}`].filter(Boolean).join('、')
  const when = f.verified ? `（${f.verified}）` : ''
  if (f.release) {
    return `本页属于 ${f.release} 版${f.frozen ? `，冻结于 ${f.frozen}` : ''}，其中的命令此后不再运行${env ? `；冻结前的验证环境：${env}${when}` : ''}。`
  }
  if (!env) return ''
  return `命令验证环境：${env}${when}${f.mode === 'standins' ? '，使用离线替身镜像' : ''}；${countsText(f, 'zh')}。`
}

/**
 * "本页 37 个命令代码块：32 个通过，0 个失败，5 个只展示、不运行": every count said, so blocks that
 * were not run do not read as failures ("37 段可运行命令中 32 段通过" did; outside tester).
 */
function countsText(f: PageVersionFacts, lang: 'zh' | 'en'): string {
  const { total = 0, passed = 0, failed = 0, skipped = 0, norun = 0 } = f
  if (lang === 'en') {
    return `of the ${total} command blocks on this page, ${passed} passed, ${failed} failed${skipped ? `, ${skipped} were skipped after a failure` : ''}${norun ? `, ${norun} are shown only and not run` : ''}`
  }
  return `本页 ${total} 个命令代码块：${passed} 个通过，${failed} 个失败${skipped ? `，${skipped} 个因前面失败未执行` : ''}${norun ? `，${norun} 个只展示、不运行` : ''}`
}

/**
 * File name of a PDF book in the built site's /downloads/ (written by `npm run pdf`,
 * scripts/lib/pdf-book.ts): `docker-kb-latest.pdf`, `docker-kb-latest-<section>.pdf`,
 * `docker-kb-<release>.pdf`. Here because release changelog entries link to it too.
 */
export const pdfName = (release: string | null, section?: string) => `docker-kb-${release ?? 'latest'}${section ? `-${section}` : ''}.pdf`

/** Per-page facts shown by <VersionFacts>: added to each page's data by transformPageData. */
export interface PageVersionFacts {
  /** the release the page belongs to (absent: the latest docs) */
  release?: string
  /** the release's cut date */
  frozen?: string
  engine?: string
  compose?: string
  /** date of the snippet run and its image mode */
  verified?: string
  mode?: string
  /**
   * this page's code blocks in that run (latest docs only): all of them, how many passed, failed,
   * were skipped (not reached after a failure) and are shown only (`norun`, never run)
   */
  passed?: number
  total?: number
  failed?: number
  skipped?: number
  norun?: number
}

/**
 * The start of the reason `npm run version:cut` writes on each `run` snippet it freezes
 * (`norun="冻结版本 2026.11：… 验证通过，此后不再运行"`, frozenReason in scripts/lib/versions.ts); the
 * badge (.vitepress/plugins/snippet-fence.ts) recognises a frozen snippet by it and says "已冻结"
 * instead of "未自动验证", which read as a contradiction next to "验证通过" (outside tester).
 */
export const frozenReasonPrefix = (name: string, lang: 'zh' | 'en' = 'zh'): string => (lang === 'en' ? `Frozen release ${name}: ` : `冻结版本 ${name}：`)

/** A nav entry as VitePress's default theme writes it (DefaultTheme.NavItem and its children). */
export interface NavEntry {
  text?: string
  link?: string
  activeMatch?: string
  items?: NavEntry[]
}

/**
 * The top nav of a frozen release: every site link whose route the release has points into the
 * release (`/guide/` → `/v/2026.11/guide/`, `/en/guide/` → `/v/2026.11/en/guide/`), with its
 * activeMatch moved along, so a reader of an old release who clicks "原理" stays in that release
 * (/about/changelog promises links stay inside it). A link the release does not have (a section
 * added after the cut) and external links are kept. Input: the latest docs' nav, the release name,
 * and `has(route)` — whether the release has that route (routeOf() form). Output: a new nav.
 */
export function releaseNav<T extends object>(nav: T[], version: string, has: (route: string) => boolean): T[] {
  const base = versionBase(version)
  const move = (e: NavEntry): NavEntry => {
    const out: NavEntry = { ...e }
    if (e.items) out.items = e.items.map(move)
    const m = e.link ? /^\/(?!\/)([^#?]*)(.*)$/.exec(e.link) : null
    if (m && has(m[1])) {
      out.link = base + m[1] + m[2]
      if (e.activeMatch?.startsWith('^/')) out.activeMatch = '^' + base + e.activeMatch.slice(2)
    }
    return out
  }
  // entries of other shapes (a component entry) have no link or items: copied as they are
  return nav.map((e) => move(e as NavEntry) as T)
}
