/**
 * The UI strings of our theme, per language (issue #17): plain data with no VitePress import, so
 * node-side code (the embed code generator, imported by the site config) can use it too.
 * Components use them through useUi() in ./i18n.ts. The language of a page follows its path:
 * docs/en/** and docs/v/<release>/en/** are English, everything else Chinese (frozen releases live
 * under /v/, outside the /en/ locale, so the locale alone would not tell).
 *
 * Size: this table ships with the theme on every page; keep entries short (issue #14 counts every
 * byte). Strings that only components loaded on demand use (embedding, the old-version banner, the
 * snippet-status page) are in ./i18n-text-more.ts, which loads with them.
 */
export type Lang = 'zh' | 'en'

/** Language of a page from its relativePath (`en/guide/why.md`, `v/2027.05/en/index.md`). */
export const langOfPath = (relativePath: string): Lang => (/^(v\/[^/]+\/)?en\//.test(relativePath) ? 'en' : 'zh')

/** Language of the current page in the browser (outside Vue components, e.g. clipboard.ts). */
export const langOfDocument = (): Lang => (typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh')

const zh = {
  reportIssue: '报告此页的问题',
  viewInGlossary: '查看术语表',
  copyMarkdown: '复制 Markdown',
  viewMarkdown: '查看 Markdown',
  markdownCopied: '已复制本页的 Markdown',
  markdownCopyFailed: '复制失败：请点“查看 Markdown”后手动复制',
  diagramError: '图表有语法错误',
  /** between a title and what follows (a diagram's title and its description) */
  colon: '：',
  copyHint: '按 Ctrl+C / ⌘C 复制',
  /** the "⋯" of a snippet's verified badge (badge-toggle.ts, plugins/snippet-fence.ts) */
  showDetails: '显示详情',
  hideDetails: '收起详情',
  latest: '最新',
  latestNote: '持续更新',
  frozenOn: (d: string) => `冻结于 ${d}`,
  versionsTitle: '文档版本',
  versionsAria: (l: string) => `文档版本：${l}，切换版本`,
  versionMissing: '该版本没有这一页，前往该版本首页',
  versionHome: ' · 首页',
  versionsAll: '全部版本与更新记录',
  // VitePress's own components, which hard-code these in English (.vitepress/plugins/vp-labels.ts)
  mainNav: '主导航',
  sidebarNav: '侧栏导航',
  navMenu: '导航菜单',
  moreNav: '更多选项',
  toggleSection: '展开或折叠本组',
  pager: '上一页和下一页',
  darkTheme: '深色模式',
  copyCodeBlock: '复制代码',
  /** the copy button of a command's typical invocation (plugins/commands.ts, command-copy.ts) */
  copyCommand: '复制',
  copyCommandLabel: (command: string) => `复制命令：${command}`,
  commandCopied: '已复制',
  permalink: (heading: string) => `“${heading}”的永久链接`,
}

const en: typeof zh = {
  viewInGlossary: 'View in glossary',
  reportIssue: 'Report a problem with this page',
  copyMarkdown: 'Copy Markdown',
  viewMarkdown: 'View Markdown',
  markdownCopied: 'Copied this page as Markdown',
  markdownCopyFailed: 'Copying failed: open "View Markdown" and copy it by hand',
  diagramError: 'Diagram syntax error',
  colon: ': ',
  copyHint: 'Press Ctrl+C / ⌘C to copy',
  showDetails: 'Show details',
  hideDetails: 'Hide details',
  latest: 'Latest',
  latestNote: 'continuously updated',
  frozenOn: (d: string) => `frozen on ${d}`,
  versionsTitle: 'Docs version',
  versionsAria: (l: string) => `Docs version: ${l}, change version`,
  versionMissing: 'This release does not have this page; go to its home page',
  versionHome: ' · home',
  versionsAll: 'All releases and changelog',
  mainNav: 'Main navigation',
  sidebarNav: 'Sidebar navigation',
  navMenu: 'Navigation menu',
  moreNav: 'More options',
  toggleSection: 'Expand or collapse section',
  pager: 'Previous and next page',
  darkTheme: 'Dark theme',
  copyCodeBlock: 'Copy code',
  copyCommand: 'Copy',
  copyCommandLabel: (command: string) => `Copy command: ${command}`,
  commandCopied: 'Copied',
  permalink: (heading: string) => `Permalink to "${heading}"`,
}

export const UI: Record<Lang, typeof zh> = { zh, en }

