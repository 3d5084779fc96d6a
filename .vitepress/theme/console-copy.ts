/**
 * For `console` blocks the copy button takes only the commands: no `$ ` prompts, no output
 * (as docs.docker.com does). VitePress's own handler copies the whole text, so ours runs first
 * (capture phase) for console blocks and stops the event there.
 */
import { consoleCommands } from '../../scripts/lib/snippet-syntax'
import { copyToClipboard } from './clipboard'

export function installConsoleCopy(): void {
  window.addEventListener(
    'click',
    (e) => {
      const button = e.target as HTMLElement | null
      if (!button?.matches?.('div.language-console > button.copy')) return
      const pre = button.parentElement?.querySelector('pre')
      if (!pre) return
      e.stopImmediatePropagation()
      const text = consoleCommands(pre.textContent ?? '')
      copyToClipboard(text).then(() => {
        button.classList.add('copied')
        setTimeout(() => {
          button.classList.remove('copied')
          button.blur()
        }, 2000)
      }, () => {})
    },
    true,
  )
}
