/**
 * The two languages of the site and how a page's language is found: the English edition lives
 * under docs/en/ (the `en` locale in .vitepress/config/index.ts), every other page is Chinese.
 * Shared by the data plugins (glossary, commands) so `[[id]]`, command markers and the data
 * exports agree on which text a page gets.
 */
export type Lang = 'zh' | 'en'

/** Language of a page from its path relative to docs/ (`en/guide/why.md` → en, `guide/why.md` → zh). */
export function pageLang(relativePath: string | undefined): Lang {
  return /^en(\/|$)/.test((relativePath ?? '').replace(/\\/g, '/').replace(/^docs\//, '')) ? 'en' : 'zh'
}

/** A site path in the given language: `/cli/run` → `/en/cli/run` for en; unchanged for zh. */
export function localePath(sitePath: string, lang: Lang): string {
  if (lang === 'zh' || /^\/en(\/|$)/.test(sitePath)) return sitePath
  return '/en' + (sitePath.startsWith('/') ? sitePath : '/' + sitePath)
}

/** Does a text contain Chinese (CJK) characters? (used for the "only when the Chinese has Chinese" rules) */
export const hasChinese = (s: string) => /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/.test(s)
