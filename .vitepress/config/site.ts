/** Facts about the site used in several places (links, meta tags, sitemap). One place to change them. */
export const SITE = {
  title: 'Docker 知识库',
  titleEn: 'Docker Knowledge Base',
  description: '中文优先的 Docker 知识库：概念、命令、原理、网络、存储、构建与编排，每条命令都在真实 Docker 引擎上验证过。',
  /** public URL of the deployed site (GitHub Pages); used for sitemap, canonical and og:url */
  url: 'https://docker-kb.github.io',
  repo: 'https://github.com/docker-kb/docker-kb',
  branch: 'main',
} as const

export const editLinkPattern = `${SITE.repo}/edit/${SITE.branch}/docs/:path`

/** "报告问题" link, pre-filled with the page URL and source file. */
export function reportIssueUrl(pageUrl: string, relativePath: string): string {
  const title = `[页面问题] ${relativePath}`
  const body = `页面：${pageUrl}\n源文件：docs/${relativePath}\n\n问题描述：\n`
  return `${SITE.repo}/issues/new?labels=content&title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`
}
