/**
 * English locale (/en/, issue #17): nav, sidebar, footer and every UI label of VitePress's default
 * theme. The sidebar and nav come from docs/en the same way zh.ts builds them from docs/
 * (./sidebar.ts); while docs/en has no section folder yet, a one-page sidebar keeps the locale
 * working. Our own components take their strings from .vitepress/theme/i18n.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress'
import { GITHUB_ICON, SITE, editLinkPattern } from './site'
import { readSections } from '../../core/sections'
import { sidebarFor, navFor, compactSidebar } from './sidebar'

/** Folder and URL prefix of the English edition (scripts/lib/translations.ts EN_DIR). */
export const EN_BASE = '/en/'

/**
 * Nav menu labels for the sections' `group` values. Translators keep `group` unchanged (it must
 * match across languages), so the English label comes from here; an unknown group shows as is
 * and the unit test (tests/unit/sidebar.test.ts) lists it.
 */
export const GROUPS_EN: Record<string, string> = {
  // short, as docs.docker.com and vitepress.dev label their nav: the whole bar must fit at 1280 px
  // (.vitepress/theme/styles.css, "The nav bar's menu must fit"); "How it works" and "Build &
  // orchestrate" pushed it off-screen below 1440 px
  原理: 'Internals',
  命令: 'Commands',
  构建与编排: 'Build & deploy',
  关于: 'About',
}

/**
 * The credits sentence of the English footer (raw HTML: VitePress puts it in with v-html and
 * applies no base, so the link carries it; applyBase in shared.ts refills it). Links to the English
 * credits page once it exists, else to the Chinese one.
 */
export function footerMessageEn(base = '/', srcDir?: string): string {
  const credits = srcDir && !fs.existsSync(path.join(srcDir, 'en', 'about', 'credits.md')) ? 'about/credits' : 'en/about/credits'
  return `Code under <a href="https://opensource.org/license/mit">MIT</a>, content under <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>. Adapted from two Chinese articles on Docker; see <a href="${base}${credits}">Credits</a>.`
}

export function en(srcDir: string): LocaleSpecificConfig<DefaultTheme.Config> & { label: string; lang: string; link: string } {
  const sections = readSections(path.join(srcDir, 'en'), EN_BASE)
  const sidebar: DefaultTheme.SidebarMulti = sections.length
    ? compactSidebar(sidebarFor(sections, 'Overview'), EN_BASE)
    : { [EN_BASE]: [{ text: 'English edition', items: [{ text: 'Home', link: EN_BASE }] }] }
  return {
    label: 'English',
    lang: 'en-US',
    link: EN_BASE,
    title: SITE.titleEn,
    description: 'A Docker knowledge base whose every command is verified against a real Docker Engine: concepts, commands, internals, networking, storage, build and orchestration.',
    themeConfig: {
      nav: sections.length ? navFor(sections, (g) => GROUPS_EN[g] ?? g) : [{ text: 'Home', link: EN_BASE }],
      sidebar,
      editLink: { pattern: editLinkPattern, text: 'Edit this page on GitHub' },
      footer: {
        message: footerMessageEn('/', srcDir),
        copyright: '© 2026 Docker KB contributors · Docker is a trademark of Docker, Inc.; this site is not affiliated with it.',
      },
      socialLinks: [{ icon: GITHUB_ICON, link: SITE.repo, ariaLabel: 'GitHub repository' }],
      docFooter: { prev: 'Previous page', next: 'Next page' },
      outline: { label: 'On this page', level: [2, 3] },
      lastUpdated: { text: 'Last updated', formatOptions: { dateStyle: 'medium', timeStyle: 'short', forceLocale: true } },
      langMenuLabel: 'Change language',
      returnToTopLabel: 'Return to top',
      sidebarMenuLabel: 'Menu',
      darkModeSwitchLabel: 'Appearance',
      lightModeSwitchTitle: 'Switch to light theme',
      darkModeSwitchTitle: 'Switch to dark theme',
      skipToContentLabel: 'Skip to content',
      notFound: {
        title: 'Page not found',
        quote: 'There is no page at this address. It may have moved, or the link is mistyped.',
        linkLabel: 'Go to the home page',
        linkText: 'Go to the home page',
        code: '404',
      },
    },
  }
}
