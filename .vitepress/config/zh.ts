/** zh-CN (root locale): nav, sidebar and UI labels. */
import path from 'node:path'
import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress'
import { GITHUB_ICON, SITE, editLinkPattern, footerMessage } from './site'
import { readSections } from '../../core/sections'
import { sidebarFor, navFor, versionSidebars, compactSidebar } from './sidebar'

export function zh(srcDir: string): LocaleSpecificConfig<DefaultTheme.Config> & { label: string; lang: string } {
  const sections = readSections(srcDir, '/')
  return {
    label: '简体中文',
    lang: 'zh-CN',
    title: SITE.title,
    description: SITE.description,
    themeConfig: {
      nav: navFor(sections),
      // + one tree per frozen release (/v/<name>/); one key per tree (compactSidebar: lean site data)
      sidebar: { ...compactSidebar(sidebarFor(sections), '/'), ...releaseSidebars(srcDir) },
      editLink: { pattern: editLinkPattern, text: '在 GitHub 上编辑此页' },
      footer: {
        message: footerMessage(),
        copyright: '© 2026 Docker 知识库贡献者 · Docker 是 Docker, Inc. 的商标，本站与其无关',
      },
      socialLinks: [{ icon: GITHUB_ICON, link: SITE.repo, ariaLabel: 'GitHub 仓库' }],
      docFooter: { prev: '上一页', next: '下一页' },
      outline: { label: '页面导航', level: [2, 3] },
      lastUpdated: { text: '最后更新于', formatOptions: { dateStyle: 'medium', timeStyle: 'short', forceLocale: true } },
      langMenuLabel: '切换语言',
      returnToTopLabel: '回到顶部',
      sidebarMenuLabel: '菜单',
      darkModeSwitchLabel: '外观',
      lightModeSwitchTitle: '切换到浅色模式',
      darkModeSwitchTitle: '切换到深色模式',
      skipToContentLabel: '跳到正文',
      notFound: {
        title: '页面未找到',
        quote: '这个地址没有页面。它可能已被移动，或者链接写错了。',
        linkLabel: '返回首页',
        linkText: '返回首页',
        code: '404',
      },
    },
  }
}

export const zhSrc = (root: string) => path.join(root, 'docs')

/** versionSidebars(), one compact key per release (/v/<name>/) and per release's English edition (/v/<name>/en/). */
function releaseSidebars(srcDir: string): DefaultTheme.SidebarMulti {
  const all = versionSidebars(srcDir)
  const releaseOf = (k: string) => /^\/v\/[^/]+\/(en\/)?/.exec(k)?.[0]
  const releases = [...new Set(Object.keys(all).map(releaseOf).filter((r): r is string => !!r))]
  return Object.assign({}, ...releases.map((r) => compactSidebar(Object.fromEntries(Object.entries(all).filter(([k]) => releaseOf(k) === r)), r)))
}
