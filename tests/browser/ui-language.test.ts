/**
 * Every accessible name, title, aria-label and visually hidden text of the page's interface is in
 * the page's language (outside tester: Chinese pages carried VitePress's English "mobile
 * navigation", "Copy Code", "Pager"…; .vitepress/plugins/vp-labels.ts). Not a list of known
 * strings: the whole document is scanned, so a newly added English label on a Chinese page (or a
 * Chinese one on an English page) fails here. Checked in the built HTML (JavaScript off), after
 * hydration, with the search dialog open, at desktop and phone widths.
 */
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { inPool, painted, session, type Session } from './helpers'

const PAGES = ['/', '/guide/why', '/cli/container', '/glossary/', '/en/', '/en/guide/why', '/en/cli/container', '/en/glossary/']
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }]

interface Label { kind: string; text: string; ui: string; where: string }

/**
 * The interface strings a screen reader can announce, read from the live document: aria-label and
 * similar attributes, a title that differs from the element's own text (a title equal to the text,
 * as on outline links, is content), visually hidden text and whatever aria-labelledby /
 * aria-describedby point at. Elements inside another language's `lang` (the language menu's
 * "English" / "简体中文") belong to that language, and the inside of a `role="img"` (a diagram's
 * SVG, named by its box) is not in the accessibility tree: both are left out. `ui` is the label
 * without its content part — quoted text and the text of the element or of its heading — so that
 * `Permalink to "容器"` counts as English.
 */
const labels = (page: Page): Promise<Label[]> =>
  page.evaluate(() => {
    const docLang = document.documentElement.lang.slice(0, 2)
    const out: { kind: string; text: string; ui: string; where: string }[] = []
    const where = (el: Element) => {
      const parts: string[] = []
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) parts.unshift(e.tagName.toLowerCase() + (e.classList[0] ? `.${e.classList[0]}` : ''))
      return parts.join(' > ')
    }
    const foreign = (el: Element) => {
      const l = el.closest('[lang]')
      return (!!l && l !== document.documentElement && l.getAttribute('lang')!.slice(0, 2) !== docLang) || !!el.parentElement?.closest('[role="img"]')
    }
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()
    const push = (kind: string, text: string | null | undefined, el: Element) => {
      const t = squash(text)
      if (!t || foreign(el)) return
      let ui = t.replace(/"[^"]*"|“[^”]*”|《[^》]*》|「[^」]*」/g, ' ')
      for (const c of [el.textContent, el.closest('h1, h2, h3, h4, h5, h6')?.textContent].map(squash)) if (c && c !== t) ui = ui.split(c).join(' ')
      out.push({ kind, text: t, ui, where: where(el) })
    }
    // a Markdown table is named after the heading of its section (plugins/narrow-text.ts): that name is
    // the author's words ("docker run" on a Chinese page), content rather than an interface string
    const headings = [...document.querySelectorAll('.vp-doc :is(h1, h2, h3, h4, h5, h6)')]
    const sectionHeading = (el: Element) => headings.filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop()
    const namedByHeading = (el: Element) => el.matches('.vp-doc table') && squash(sectionHeading(el)?.textContent?.replace(/\u200b/g, '')) === squash(el.getAttribute('aria-label'))
    for (const el of document.body.querySelectorAll('*')) {
      for (const a of ['aria-label', 'aria-roledescription', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'placeholder']) {
        if (a === 'aria-label' && namedByHeading(el)) continue
        push(a, el.getAttribute(a), el)
      }
      // a title equal to the element's text, or repeating part of its aria-label (a command the
      // button copies), is content; the aria-label itself is checked
      const title = el.getAttribute('title')
      if (title && title.trim() !== (el.textContent ?? '').trim() && !(el.getAttribute('aria-label') ?? '').includes(title.trim())) push('title', title, el)
      if (el.matches('.visually-hidden, .sr-only')) push('hidden text', el.textContent, el)
      for (const a of ['aria-labelledby', 'aria-describedby']) {
        for (const id of (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean)) push(a, document.getElementById(id)?.textContent, el)
      }
    }
    return out
  })

/** A Chinese page's label is wrong when it has Latin words and no Chinese; an English page's, when it has Chinese. */
const HAN = /[\u3400-\u9fff]/
const wrongLanguage = (route: string, l: Label) => (route.startsWith('/en/') ? HAN.test(l.ui) : /[A-Za-z]{2,}/.test(l.ui) && !HAN.test(l.ui))

const sessions: Session[] = []
afterAll(async () => { await Promise.all(sessions.map((s) => s.close())) })

describe('interface language', () => {
  for (const viewport of VIEWPORTS) {
    for (const js of [false, true]) {
      it(`${js ? 'hydrated pages' : 'built HTML'} at ${viewport.width} px: every accessible name is in the page's language`, async () => {
        const s = await session({ viewport, javaScriptEnabled: js })
        sessions.push(s)
        const found = await inPool(PAGES, async (route) => {
          const page = await s.open(route)
          try {
            const all: Label[] = []
            if (js) {
              await page.waitForFunction(() => document.documentElement.classList.contains('kb-hydrated'))
              // bring the lazily hydrated parts in (doc footer at the bottom; the phone's menu)
              await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
              await painted(page)
              await page.evaluate(() => window.scrollTo(0, 0))
              const hamburger = page.locator('.VPNavBarHamburger')
              if (await hamburger.isVisible()) { await hamburger.click(); await painted(page) }
              const menu = page.locator('.VPLocalNav .menu')
              if (await menu.isVisible()) { await menu.click(); await painted(page) }
              all.push(...(await labels(page)))
              await page.keyboard.press('Escape')
              // the search dialog
              await page.locator('.VPNavBar .DocSearch-Button').first().click()
              await page.waitForSelector('.VPLocalSearchBox input')
              await page.keyboard.type('docker')
              await page.waitForSelector('.VPLocalSearchBox .result')
            }
            all.push(...(await labels(page)))
            return all.filter((l) => wrongLanguage(route, l)).map((l) => `${route} ${l.kind} "${l.text}" at ${l.where}`)
          } finally {
            await page.close()
          }
        })
        expect([...new Set(found.flat())]).toEqual([])
        expect(s.errors).toEqual([])
      })
    }
  }
})
