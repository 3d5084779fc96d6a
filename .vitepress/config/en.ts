/** English locale: prepared, with a landing page; pages arrive as they are translated. */
import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress'
import { SITE, editLinkPattern } from './site'

export const en: LocaleSpecificConfig<DefaultTheme.Config> & { label: string; lang: string; link: string } = {
  label: 'English',
  lang: 'en-US',
  link: '/en/',
  title: SITE.titleEn,
  description: 'A Chinese-first Docker knowledge base whose every command is verified against a real Docker engine. English edition in preparation.',
  themeConfig: {
    nav: [{ text: 'Home', link: '/en/' }, { text: '中文版', link: '/' }],
    sidebar: { '/en/': [{ text: 'English edition', items: [{ text: 'About this edition', link: '/en/' }] }] },
    editLink: { pattern: editLinkPattern, text: 'Edit this page on GitHub' },
    footer: {
      message: 'Code: MIT. Content: CC BY-SA 4.0. Adapted from two Chinese articles on Docker.',
      copyright: '© 2026 Docker KB contributors · Docker is a trademark of Docker, Inc.; this site is not affiliated.',
    },
  },
}
