/** Facts about the site used in several places (links, meta tags, sitemap). One place to change them. */
export const SITE = {
  title: 'Docker 知识库',
  titleEn: 'Docker Knowledge Base',
  description: '中文优先的 Docker 知识库：概念、命令、原理、网络、存储、构建与编排，每条命令都在真实 Docker 引擎上验证过。',
  /**
   * public origin of the deployed site (GitHub Pages), without the base path; used for sitemap,
   * canonical, og:url, embed code and course packages, always through siteRoot(base). A fork
   * deployed at https://me.github.io/docker-kb/ sets `url: 'https://me.github.io'` here and builds
   * with `--base /docker-kb/` (docs/contribute/decisions.md, "部署").
   */
  url: 'https://docker-kb.github.io',
  repo: 'https://github.com/docker-kb/docker-kb',
  branch: 'main',
} as const

/**
 * Public URL of the site root for a VitePress `base` (`/` or `/docker-kb/`), without trailing
 * slash: `https://docker-kb.github.io` or `https://docker-kb.github.io/docker-kb`. Append a site
 * path (`/guide/why`) to get a page's public URL.
 */
export function siteRoot(base = '/'): string {
  return SITE.url.replace(/\/$/, '') + base.replace(/\/$/, '')
}

/**
 * The credits sentence of the zh-CN footer. The footer is raw HTML (VitePress puts it in with
 * v-html, no base applied), so the link carries the base itself; see applyBase in shared.ts.
 */
export function footerMessage(base = '/'): string {
  return `代码以 <a href="https://opensource.org/license/mit">MIT</a> 许可发布，内容以 <a href="https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans">CC BY-SA 4.0</a> 许可发布。内容改编自两篇中文 Docker 文章，见<a href="${base}about/credits">致谢</a>。`
}

export const editLinkPattern = `${SITE.repo}/edit/${SITE.branch}/docs/:path`

/** "报告问题" link, pre-filled with the page URL and source file. */
export function reportIssueUrl(pageUrl: string, relativePath: string): string {
  const title = `[页面问题] ${relativePath}`
  const body = `页面：${pageUrl}\n源文件：docs/${relativePath}\n\n问题描述：\n`
  return `${SITE.repo}/issues/new?labels=content&title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`
}
