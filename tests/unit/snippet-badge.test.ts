/**
 * Issue #12's first "done when": a snippet's verified badge follows the snippet, not its line.
 * The status file is keyed by the fence's content id (core/snippet-status.ts, core/fence-id.ts);
 * the site's fence renderer (.vitepress/plugins/snippet-fence.ts) looks the result up by that id.
 * Here a status file records one passed snippet of a page; the page is then edited in two ways.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, describe, expect, it } from 'vitest'
import { fenceHash } from '../../core/fence-id'
import { writeStatus } from '../../core/snippet-status'
import { snippetFencePlugin } from '../../.vitepress/plugins/snippet-fence'
import { snippetBadges } from './lib/snippet-badges'

const FENCE_INFO = 'console run'
const FENCE_BODY = '$ docker run --rm busybox echo hi\nhi\n'
const page = (above: string, body = FENCE_BODY) => `# 页面\n\n${above}\`\`\`${FENCE_INFO}\n${body}\`\`\`\n`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-badge-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const statusFile = path.join(dir, 'status.json')
// the run recorded the snippet at line 3 of the original page, keyed by its content id
writeStatus(statusFile, { engine: '28.5.2', compose: '2.40.3', date: '2026-11-29', pages: { 'docs/guide/x.md': { [fenceHash(FENCE_INFO, FENCE_BODY)]: { line: 3, status: 'passed' } } } })

function badge(source: string): string {
  const md = new MarkdownIt()
  snippetFencePlugin(md, { statusFile })
  const html = md.render(source, { relativePath: 'guide/x.md' })
  const b = snippetBadges(html)[0]
  if (!b) throw new Error(`no snippet badge in ${html}`)
  return b[1]
}

describe('verified badge follows the snippet, not its line', () => {
  it('shows the recorded result on the page as it was run', () => {
    expect(badge(page(''))).toMatch(/^已验证 · Docker Engine 28\.5\.2/)
  })
  it('keeps it when text is inserted above the fence (the fence moves from line 3 to line 7)', () => {
    expect(badge(page('新加的一段说明。\n\n又一段。\n\n'))).toMatch(/^已验证 · Docker Engine 28\.5\.2/)
  })
  it('drops it when the command is edited in place (same line, new content)', () => {
    const edited = badge(page('', '$ docker run --rm busybox echo hello\nhello\n'))
    expect(edited).not.toMatch(/已验证/)
  })
})

describe('a snippet a release cut froze', () => {
  const frozen = (relativePath: string, reason: string) => {
    const md = new MarkdownIt()
    snippetFencePlugin(md, { statusFile })
    return md.render(`\`\`\`sh norun="${reason}"\ndocker ps\n\`\`\`\n`, { relativePath })
  }
  const cut = '冻结版本 2026.11：2026-11-23 在 Docker Engine 20.10.24 上验证通过，此后不再运行'
  it('says "已冻结" (not "未自动验证" beside "验证通过") on that release\'s pages', () => {
    expect(frozen('v/2026.11/guide/x.md', cut)).toContain('<span class="snippet-badge">已冻结</span>')
  })
  it('keeps "未自动验证" for a snippet that was never run, and on pages outside the release', () => {
    expect(frozen('v/2026.11/guide/x.md', '仅 Windows')).toContain('<span class="snippet-badge">未自动验证</span>')
    expect(frozen('guide/x.md', cut)).toContain('<span class="snippet-badge">未自动验证</span>')
  })
})
