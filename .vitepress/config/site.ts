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
  /**
   * the base path of a fork's GitHub project site (`https://<user>.github.io/docker-kb/`): CI builds
   * the site under it (scripts/check-subpath.ts, tests/subpath), and llms.txt must stay under its
   * size limit there too (every absolute link in it gains this prefix; .vitepress/plugins/llms.ts)
   */
  projectBase: '/docker-kb/',
  repo: 'https://github.com/docker-kb/docker-kb',
  branch: 'main',
} as const

/**
 * The GitHub mark of the nav bar's social link, as inline SVG (simple-icons "GitHub", CC0, the icon
 * VitePress itself would use for `icon: 'github'`). Inline rather than VitePress's icon name: for a
 * named icon, VPSocialLink reads getComputedStyle() of it once mounted (to fall back to a CDN icon),
 * which forces a style recalculation of the whole page inside the hydration's long task (issue #14,
 * blocking time; `npm run profile:load`). An inline <svg> is skipped by that check.
 */
export const GITHUB_ICON = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 .297c-6.63 0-12 5.373-12 12c0 5.303 3.438 9.8 8.205 11.385c.6.113.82-.258.82-.577c0-.285-.01-1.04-.015-2.04c-3.338.724-4.042-1.61-4.042-1.61C4.422 18.07 3.633 17.7 3.633 17.7c-1.087-.744.084-.729.084-.729c1.205.084 1.838 1.236 1.838 1.236c1.07 1.835 2.809 1.305 3.495.998c.108-.776.417-1.305.76-1.605c-2.665-.3-5.466-1.332-5.466-5.93c0-1.31.465-2.38 1.235-3.22c-.135-.303-.54-1.523.105-3.176c0 0 1.005-.322 3.3 1.23c.96-.267 1.98-.399 3-.405c1.02.006 2.04.138 3 .405c2.28-1.552 3.285-1.23 3.285-1.23c.645 1.653.24 2.873.12 3.176c.765.84 1.23 1.91 1.23 3.22c0 4.61-2.805 5.625-5.475 5.92c.42.36.81 1.096.81 2.22c0 1.606-.015 2.896-.015 3.286c0 .315.21.69.825.57C20.565 22.092 24 17.592 24 12.297c0-6.627-5.373-12-12-12"/></svg>',
}

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
