/**
 * The rest of the theme's UI strings (see ./i18n-text.ts for the rules): the ones only components
 * loaded on demand use — the embed view and embed action, the old-version banner, the
 * snippet-status page. A separate module so that they load with those
 * components, not with every page (issue #14, lean pages). Components get both tables merged
 * through `useUi(UI_ALL)` (./i18n.ts).
 */
import { UI, type Lang } from './i18n-text'

const zh = {
  bannerReading: (r: string) => `你正在阅读 ${r} 版`,
  bannerFrozen: (d?: string): string => (d ? `冻结于 ${d}` : '冻结版本'),
  bannerBody: '：内容和命令不再更新，站内搜索只搜索最新版。',
  bannerLatest: (exists: boolean): string => (exists ? '查看本页的最新版本 →' : '这一页已不在最新版中，前往最新版首页 →'),
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
  /** a code block by its place on the page (1-based; the Markdown source line means nothing to readers) */
  snippetOption: (n: number, first: string) => `第 ${n} 个代码块：${first}`,
  latestEdition: '最新版',
  /** the language switch left a frozen release for the latest page (lang-switch.ts releaseFallback) */
  langFromRelease: (r: string) => `${r} 版没有中文版，这里是本页最新版的中文页面。`,
  latestHint: '随本站更新',
  releaseEdition: (n: string) => `${n} 版`,
  fixedHint: '固定不变',
  copied: '已复制',
  copyCode: (label: string) => (/^\d/.test(label) ? `复制 ${label}代码` : `复制${label}代码`),
  notVersioned: '这一页还没有收入任何冻结版本，只能嵌入最新版。',
  /** the release page lacks the chosen section, term or code block (EmbedAction's check of the frozen page) */
  notInRelease: (n: string) => `${n} 版的这一页没有这一部分，只能嵌入最新版。`,
  /** the iframe title of a part: site and page title, then the part */
  partTitle: (title: string, part: string) => `${title}（${part}）`,
  hint: (h: string) => `（${h}）`,
  readInNewWindow: '（在新窗口中阅读）',
  codeBlockNo: (n: number) => `第 ${n} 个代码块`,
  verifiedOn: (engine: string, when?: string) => `命令验证于 Docker Engine ${engine}${when ? `（${when}）` : ''}`,
  embedMissing: (p: { term?: string; snippet?: number | string; section?: string }) =>
    `这一页上没有${p.term ? `术语“${p.term}”` : p.snippet ? `第 ${p.snippet} 行的代码块` : `小节“${p.section}”`}，下面显示整页。`,
  excerptOf: (title: string) => ` · 摘自《${title}》`,
  openOnSite: '在站点中打开',
  newTab: '（新标签页）',
  popupBlocked: '所在网页不允许打开新窗口。请复制这个地址，在浏览器中打开：',
  /** <SnippetStatus> (/about/snippets) */
  status: {
    stores: { containerd: 'containerd 镜像存储（全新安装的 Engine 29、Docker Desktop 的默认）', overlay2: 'overlay2 存储驱动（从旧版本升级的 Linux 主机）' } as Record<string, string>,
    none: ['还没有验证记录：运行 ', ' 后会生成。'],
    lastRun: '最近一次运行',
    store: '镜像存储',
    storeSep: '；',
    bothStores: '。每个片段在两种存储上各跑一遍，两边都通过才算通过',
    images: '镜像来源',
    standinsUsed: '离线替身镜像（见下表）',
    realImages: '真实镜像仓库',
    result: '结果',
    totals: (t: { passed: number; oneStore: number; failed: number; skipped: number; norun: number }, pages: number) =>
      `${t.passed} 个片段通过（其中 ${t.oneStore} 个只针对一种镜像存储），${t.failed} 个失败，${t.skipped} 个未执行；另有 ${t.norun} 个代码块标为“未自动验证”（${pages} 个页面）`,
    byPage: '各页面结果',
    cols: ['页面', '通过', '失败', '未自动验证'],
    standins: '离线替身镜像',
    standinsIntro: '验证环境不能访问 Docker Hub。下面这些镜像名在验证时由本地构建的替身提供，页面上写的仍是读者真正会输入的名字；替身只保证页面演示到的行为一致。',
    standinCols: ['镜像', '替身是什么'],
  },
}

const en: typeof zh = {
  bannerReading: (r: string) => `You are reading release ${r}`,
  bannerFrozen: (d?: string) => (d ? `frozen on ${d}` : 'frozen release'),
  bannerBody: ': its content and commands are no longer updated; site search covers the latest docs only.',
  bannerLatest: (exists: boolean) => (exists ? 'See the latest version of this page →' : 'This page is gone from the latest docs; go to the latest home page →'),
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
  snippetOption: (n: number, first: string) => `Code block ${n}: ${first}`,
  latestEdition: 'Latest',
  langFromRelease: (r: string) => `Release ${r} has no English edition, so this is the latest English version of the page.`,
  latestHint: 'follows the site',
  releaseEdition: (n: string) => `Release ${n}`,
  fixedHint: 'never changes',
  copied: 'Copied',
  copyCode: (label: string) => `Copy the ${label} code`,
  notVersioned: 'This page is not in any frozen release yet; only the latest version can be embedded.',
  notInRelease: (n: string) => `Release ${n} of this page does not have this part; only the latest version can be embedded.`,
  partTitle: (title: string, part: string) => `${title} — ${part}`,
  hint: (h: string) => ` (${h})`,
  readInNewWindow: ' (read in a new window)',
  codeBlockNo: (n: number) => `Code block ${n}`,
  verifiedOn: (engine: string, when?: string) => `commands verified on Docker Engine ${engine}${when ? ` (${when})` : ''}`,
  embedMissing: (p: { term?: string; snippet?: number | string; section?: string }) =>
    `This page has no ${p.term ? `term "${p.term}"` : p.snippet ? `code block at line ${p.snippet}` : `section "${p.section}"`}; the whole page is shown below.`,
  excerptOf: (title: string) => ` · from "${title}"`,
  openOnSite: 'Open on the site',
  newTab: ' (new tab)',
  popupBlocked: 'The embedding page does not allow new windows. Copy this address and open it in your browser: ',
  status: {
    stores: { containerd: 'containerd image store (default of a fresh Engine 29 and of Docker Desktop)', overlay2: 'overlay2 storage driver (Linux hosts upgraded from older versions)' },
    none: ['No verification run yet: it is written by ', '.'],
    lastRun: 'Last run',
    store: 'Image store',
    storeSep: '; ',
    bothStores: '. Every snippet runs on both stores and passes only when it passes on both',
    images: 'Images',
    standinsUsed: 'offline stand-in images (see the table below)',
    realImages: 'real registries',
    result: 'Result',
    totals: (t: { passed: number; oneStore: number; failed: number; skipped: number; norun: number }, pages: number) =>
      `${t.passed} snippets passed (${t.oneStore} of them for one image store only), ${t.failed} failed, ${t.skipped} not run; another ${t.norun} code blocks are marked "not verified automatically" (${pages} pages)`,
    byPage: 'Results by page',
    cols: ['Page', 'Passed', 'Failed', 'Not verified automatically'],
    standins: 'Offline stand-in images',
    standinsIntro: 'The verification environment cannot reach Docker Hub. The image names below are served by locally built stand-ins during verification; the pages still show the names readers really type. A stand-in only guarantees the behavior the page demonstrates.',
    standinCols: ['Image', 'What the stand-in is'],
  },
}

/** Only the on-demand strings, per language. */
export const UI_MORE: Record<Lang, typeof zh> = { zh, en }
/** Every theme string, per language: the core table plus UI_MORE. */
export const UI_ALL: Record<Lang, (typeof UI)['zh'] & typeof zh> = { zh: { ...UI.zh, ...zh }, en: { ...UI.en, ...en } }
