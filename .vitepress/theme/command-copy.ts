/**
 * The copy buttons of the command reference ("常用写法：`docker run …` [复制]"): static HTML from
 * .vitepress/plugins/commands.ts (commandCopyButton), one listener here for all of them (issue #14,
 * lean pages: they were one hydrated Vue component each). A button copies the `<code>` just before
 * it; the `span.nw` markup inside it adds no text (plugins/narrow-text.ts). styles.css shows the
 * buttons only once the page is hydrated (`kb-hydrated`, Layout.vue): before that no listener runs.
 * Like the code blocks' buttons (console-copy.ts), a failed copy selects the command and says
 * "按 Ctrl+C / ⌘C 复制" instead of claiming success.
 */
import { copyToClipboard, selectForManualCopy } from './clipboard'
import { UI, langOfDocument } from './i18n-text'

/** How long the button says "已复制" (ms), as VitePress's code-block buttons. */
const DONE_MS = 2000

export function installCommandCopy(): void {
  window.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement | null)?.closest?.<HTMLButtonElement>('button.cli-copy')
    const code = button?.previousElementSibling
    if (!button || code?.tagName !== 'CODE') return
    copyToClipboard(code.textContent ?? '').then((ok) => {
      if (!ok) {
        selectForManualCopy(code as HTMLElement, button)
        return
      }
      const ui = UI[langOfDocument()]
      button.textContent = ui.commandCopied
      // a second click within the 2 s restarts the timer
      clearTimeout(Number(button.dataset.timer))
      button.dataset.timer = String(setTimeout(() => { button.textContent = ui.copyCommand }, DONE_MS))
    })
  })
}
