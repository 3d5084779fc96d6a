/**
 * Copy buttons of code blocks. Ours run first (capture phase) and stop the event, for two reasons:
 *  - `console` blocks: the button takes only the commands, no `$ ` prompts and no output (as
 *    docs.docker.com does);
 *  - every block: VitePress's own handler leaves the Clipboard API's rejection unhandled (an
 *    uncaught error where an embedding host blocks the clipboard) and says "copied" regardless.
 *    Here a failed copy selects the code and shows "按 Ctrl+C / ⌘C 复制" (clipboard.ts).
 *  - `sh`/`bash`/`shell` blocks: the text exactly as shown, which is the fence content the
 *    snippet harness ran. VitePress's handler strips a leading `$ ` or `> ` from every line of
 *    these blocks, which corrupts heredoc bodies and quoted output; prompts belong in `console`
 *    blocks (tests/browser/copy.test.ts checks every fence kind).
 * Other blocks copy like VitePress: without `.vp-copy-ignore` and removed diff lines.
 * This code and clipboard.ts stay in every page's JavaScript on purpose: copy buttons must work
 * offline once the page has loaded (an embedded page in a classroom without network;
 * tests/browser/embed.test.ts), so nothing may be fetched on the click.
 */
import { consoleCommands } from '../../core/snippet-syntax'
import { copyToClipboard, selectForManualCopy } from './clipboard'

function blockText(button: HTMLElement, pre: HTMLElement): string {
  const parent = button.parentElement!
  if (parent.matches('.language-console')) return consoleCommands(pre.textContent ?? '')
  const clone = pre.cloneNode(true) as HTMLElement
  clone.querySelectorAll('.vp-copy-ignore, .diff.remove').forEach((n) => n.remove())
  return clone.textContent ?? ''
}

export function installConsoleCopy(): void {
  window.addEventListener(
    'click',
    (e) => {
      const button = e.target as HTMLElement | null
      if (!button?.matches?.('div[class*="language-"] > button.copy')) return
      const pre = button.parentElement?.querySelector('pre')
      if (!pre) return
      e.stopImmediatePropagation()
      copyToClipboard(blockText(button, pre)).then((ok) => {
        if (!ok) {
          selectForManualCopy(pre.querySelector('code') ?? pre, button)
          return
        }
        button.classList.add('copied')
        setTimeout(() => {
          button.classList.remove('copied')
          button.blur()
        }, 2000)
      })
    },
    true,
  )
}
