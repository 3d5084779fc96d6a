/**
 * UI strings of our own theme components, per language (issue #17). VitePress's default theme
 * gets its labels from the locale configs (.vitepress/config/zh.ts, en.ts); the components in this
 * folder get theirs from here, so no component hard-codes Chinese. The language of a page follows
 * its path: docs/en/** and docs/v/<release>/en/** are English, everything else Chinese (frozen
 * releases live under /v/, outside the /en/ locale, so the locale alone would not tell).
 *
 * Size: the whole table ships with the theme; keep entries short (issue #14 counts every byte).
 */
import { computed, type ComputedRef } from 'vue'
import { useData } from 'vitepress'

export type Lang = 'zh' | 'en'

/** Language of a page from its relativePath (`en/guide/why.md`, `v/2027.05/en/index.md`). */
export const langOfPath = (relativePath: string): Lang => (/^(v\/[^/]+\/)?en\//.test(relativePath) ? 'en' : 'zh')

/** Language of the current page in the browser (outside Vue components, e.g. clipboard.ts). */
export const langOfDocument = (): Lang => (typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh')

const zh = {
  reportIssue: '报告此页的问题',
  copyMarkdown: '复制 Markdown',
  viewMarkdown: '查看 Markdown',
  markdownCopied: '已复制本页的 Markdown',
  markdownCopyFailed: '复制失败：请点“查看 Markdown”后手动复制',
  copyHint: '按 Ctrl+C / ⌘C 复制',
  diagramError: '图表有语法错误',
  bannerReading: (r: string) => `你正在阅读 ${r} 版`,
  bannerFrozen: (d?: string): string => (d ? `冻结于 ${d}` : '冻结版本'),
  bannerBody: '：内容和命令不再更新，站内搜索只搜索最新版。',
  bannerLatest: (exists: boolean): string => (exists ? '查看本页的最新版本 →' : '这一页已不在最新版中，前往最新版首页 →'),
  latest: '最新',
  latestNote: '持续更新',
  frozenOn: (d: string) => `冻结于 ${d}`,
  versionsTitle: '文档版本',
  versionsAria: (l: string) => `文档版本：${l}，切换版本`,
  versionMissing: '该版本没有这一页，前往该版本首页',
  versionHome: ' · 首页',
  versionsAll: '全部版本与更新记录',
  embedSummary: '嵌入本页',
  /** before and after the <code><iframe></code> of the help sentence */
  embedHelp: ['把下面的代码贴进你的网页，就能在 ', ' 里显示这一页（没有导航栏和侧栏，高度自动适应）。代码末尾附有一个普通链接，供会删除 iframe 的平台使用。'],
  embedHowTo: '各平台的嵌入方法',
  embedWhat: '嵌入内容',
  embedTheme: '配色',
  themeAuto: '跟随读者系统',
  themeLight: '浅色',
  themeDark: '深色',
  wholePage: '整页',
  termOption: (t: string) => `术语：${t}`,
  sectionOption: (t: string, h3: boolean) => `${h3 ? '　' : ''}小节：${t}`,
  snippetOption: (line: string, first: string) => `代码块（第 ${line} 行）：${first}`,
  latestEdition: '最新版',
  latestHint: '随本站更新',
  releaseEdition: (n: string) => `${n} 版`,
  fixedHint: '固定不变',
  copied: '已复制',
  copyCode: (label: string) => (/^\d/.test(label) ? `复制 ${label}代码` : `复制${label}代码`),
  notVersioned: '这一页还没有收入任何冻结版本，只能嵌入最新版。',
  hint: (h: string) => `（${h}）`,
}

const en: typeof zh = {
  reportIssue: 'Report a problem with this page',
  copyMarkdown: 'Copy Markdown',
  viewMarkdown: 'View Markdown',
  markdownCopied: 'Copied this page as Markdown',
  markdownCopyFailed: 'Copying failed: open "View Markdown" and copy it by hand',
  copyHint: 'Press Ctrl+C / ⌘C to copy',
  diagramError: 'Diagram syntax error',
  bannerReading: (r: string) => `You are reading release ${r}`,
  bannerFrozen: (d?: string) => (d ? `frozen on ${d}` : 'frozen release'),
  bannerBody: ': its content and commands are no longer updated; site search covers the latest docs only.',
  bannerLatest: (exists: boolean) => (exists ? 'See the latest version of this page →' : 'This page is gone from the latest docs; go to the latest home page →'),
  latest: 'Latest',
  latestNote: 'continuously updated',
  frozenOn: (d: string) => `frozen on ${d}`,
  versionsTitle: 'Docs version',
  versionsAria: (l: string) => `Docs version: ${l}, change version`,
  versionMissing: 'This release does not have this page; go to its home page',
  versionHome: ' · home',
  versionsAll: 'All releases and changelog',
  embedSummary: 'Embed this page',
  embedHelp: ['Paste this code into your web page to show this page in an ', ' (no nav bar or sidebar; the height adapts). The code ends with a plain link for platforms that strip iframes.'],
  embedHowTo: 'How to embed on each platform',
  embedWhat: 'Content',
  embedTheme: 'Color scheme',
  themeAuto: "Follow the reader's system",
  themeLight: 'Light',
  themeDark: 'Dark',
  wholePage: 'Whole page',
  termOption: (t: string) => `Term: ${t}`,
  sectionOption: (t: string, h3: boolean) => `${h3 ? '\u2003' : ''}Section: ${t}`,
  snippetOption: (line: string, first: string) => `Code block (line ${line}): ${first}`,
  latestEdition: 'Latest',
  latestHint: 'follows the site',
  releaseEdition: (n: string) => `Release ${n}`,
  fixedHint: 'never changes',
  copied: 'Copied',
  copyCode: (label: string) => `Copy the ${label} code`,
  notVersioned: 'This page is not in any frozen release yet; only the latest version can be embedded.',
  hint: (h: string) => ` (${h})`,
}

export const UI: Record<Lang, typeof zh> = { zh, en }

/** The current page's language and its string table, reactive (changes when the route does). */
export function useUi(): { lang: ComputedRef<Lang>; ui: ComputedRef<typeof zh> } {
  const { page } = useData()
  const lang = computed(() => langOfPath(page.value.relativePath))
  return { lang, ui: computed(() => UI[lang.value]) }
}
