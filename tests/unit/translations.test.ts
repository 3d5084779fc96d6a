/**
 * The English edition's checks (scripts/lib/translations.ts, scripts/check-translations.ts) on a
 * temporary docs tree, never on docs/ itself: parity, heading and runnable-fence structure, the
 * translation stamp and drift.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { checkTranslations, compareStructure, outline, sourceHash, stampPage, stampText } from '../../scripts/lib/translations'
import { main } from '../../scripts/check-translations'
import { readFrontmatter, validateFrontmatter, isEnglishPage } from '../../core/frontmatter'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-i18n-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const FM_ZH = '---\ntitle: 为什么用 Docker\ndescription: 一段足够长的页面描述文字。\nsources: []\norder: 1\n---\n'
const FM_EN = '---\ntitle: Why Docker\ndescription: A description that is long enough.\nsources: []\norder: 1\n---\n'
const ZH = `${FM_ZH}\n# 为什么\n\n## 问题 {#problem}\n\n\`\`\`sh run\ndocker version\n\`\`\`\n\n### 细节\n\n\`\`\`text\n## 不是标题\n\`\`\`\n\n## 小结\n`
const EN = `${FM_EN}\n# Why\n\n## The problem {#problem}\n\n\`\`\`sh run\ndocker version\n\`\`\`\n\n### Details\n\n\`\`\`text\n## not a heading\n\`\`\`\n\n## Summary\n`

function tree(name: string, files: Record<string, string>): string {
  const docs = path.join(tmp, name, 'docs')
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true })
    fs.writeFileSync(path.join(docs, rel), text)
  }
  return docs
}

describe('outline', () => {
  it('finds ##/### headings and runnable fences, not lines inside fences or frontmatter', () => {
    const o = outline(ZH)
    expect(o.headings.map((h) => [h.level, h.id ?? null, h.line])).toEqual([[2, 'problem', 10], [3, null, 16], [2, null, 22]])
    expect(o.fences).toEqual([{ info: 'sh run', line: 12 }])
    expect(outline('```dockerfile file=Dockerfile\nFROM x\n```\n```bash norun="仅 Windows"\nx\n```').fences.map((f) => f.info)).toEqual(['dockerfile file=Dockerfile'])
  })
})

describe('compareStructure', () => {
  it('accepts a faithful translation', () => {
    expect(compareStructure(ZH, EN, 'docs/a.md', 'docs/en/a.md')).toEqual([])
  })
  it('names the English line of a heading whose level differs', () => {
    const bad = EN.replace('### Details', '## Details')
    expect(compareStructure(ZH, bad, 'docs/a.md', 'docs/en/a.md')).toEqual([
      expect.stringMatching(/^docs\/en\/a\.md:16: heading 2 is level 2, docs\/a\.md:16 "细节" is level 3/),
    ])
  })
  it('reports a missing heading and a dropped explicit id', () => {
    expect(compareStructure(ZH, EN.replace('## Summary\n', ''), 'docs/a.md', 'docs/en/a.md')[0]).toMatch(/^docs\/en\/a\.md:1: missing heading 3: docs\/a\.md:22 has "## 小结"/)
    expect(compareStructure(ZH, EN.replace(' {#problem}', ''), 'docs/a.md', 'docs/en/a.md')[0]).toMatch(/^docs\/en\/a\.md:10: heading 1 must keep the explicit \{#problem\}/)
  })
  it('wants an English explicit id where the Chinese one is Chinese', () => {
    const zh = ZH.replace('{#problem}', '{#问题}')
    expect(compareStructure(zh, EN.replace('{#problem}', '{#the-problem}'), 'docs/a.md', 'docs/en/a.md')).toEqual([])
    expect(compareStructure(zh, EN.replace('{#problem}', '{#问题}'), 'docs/a.md', 'docs/en/a.md')[0]).toMatch(/^docs\/en\/a\.md:10: heading 1 needs an explicit English \{#id\}/)
    expect(compareStructure(zh, EN.replace(' {#problem}', ''), 'docs/a.md', 'docs/en/a.md')[0]).toMatch(/needs an explicit English/)
  })
  it('requires the same runnable fences with the same info strings (labels aside)', () => {
    expect(compareStructure(ZH, EN.replace('```sh run', '```bash run'), 'docs/a.md', 'docs/en/a.md')).toEqual([
      'docs/en/a.md:12: runnable fence 1 has info "bash run", docs/a.md:12 has "sh run" (only tab titles and norun reasons may differ)',
    ])
    expect(compareStructure(ZH, EN.replace('```sh run', '```sh'), 'docs/a.md', 'docs/en/a.md')[0]).toMatch(/missing runnable fence 1 "sh run"/)
    // a translated tab title is a label; a norun reason that says "run" is still not a runnable fence
    expect(compareStructure(ZH.replace('```sh run', '```sh run [经典存储]'), EN.replace('```sh run', '```sh run [classic store]'), 'docs/a.md', 'docs/en/a.md')).toEqual([])
    expect(outline('```sh norun="run it in your terminal"\nls\n```\n').fences).toEqual([])
  })
})

describe('stamp and drift', () => {
  it('writes one stamp line that the frontmatter schema accepts, and replaces an old one', () => {
    const once = stampText(EN, 'guide/why.md', ZH)
    const twice = stampText(stampText(EN.replace('order: 1', 'translation:\n  source: x.md\n  hash: 000000000000\norder: 1'), 'guide/why.md', 'old'), 'guide/why.md', ZH)
    expect(twice).toBe(once)
    expect(once).toContain(`translation: { source: guide/why.md, hash: '${sourceHash(ZH)}' }\n---\n`)
    expect(once.slice(once.indexOf('\n---\n'))).toBe(EN.slice(EN.indexOf('\n---\n')))
    const fm = readFrontmatter(once, 'docs/en/guide/why.md')
    expect(() => validateFrontmatter(fm, 'docs/en/guide/why.md')).not.toThrow()
    expect(fm.data.translation).toEqual({ source: 'guide/why.md', hash: sourceHash(ZH) })
  })
  it('writes a hash YAML would read as a number (digits only, or digits-e-digits) as text', () => {
    // found by trying '页面 0', '页面 1', …: their hashes are 399936853892 and 26e855285322
    for (const [zh, hash] of [['页面 72', '399936853892'], ['页面 712', '26e855285322']]) {
      expect(sourceHash(zh)).toBe(hash)
      const fm = readFrontmatter(stampText(EN, 'guide/why.md', zh), 'docs/en/guide/why.md')
      expect(() => validateFrontmatter(fm, 'docs/en/guide/why.md')).not.toThrow()
      expect(fm.data.translation).toEqual({ source: 'guide/why.md', hash })
    }
  })
  it('rejects a malformed stamp, and a stamp on a Chinese page, with the line', () => {
    const bad = readFrontmatter(EN.replace('order: 1', 'order: 1\ntranslation: { source: guide/why.md, hash: abc }'), 'docs/en/guide/why.md')
    expect(() => validateFrontmatter(bad, 'docs/en/guide/why.md')).toThrow('docs/en/guide/why.md:6: translation.hash: must be 12 lower-case hex digits')
    const zh = readFrontmatter(stampText(ZH, 'guide/why.md', ZH), 'docs/guide/why.md')
    expect(() => validateFrontmatter(zh, 'docs/guide/why.md')).toThrow('docs/guide/why.md:6: translation: only English pages')
    expect([isEnglishPage('docs/en/a.md'), isEnglishPage('docs/v/2027.05/en/a.md'), isEnglishPage('en/a.md'), isEnglishPage('docs/guide/en.md')]).toEqual([true, true, true, false])
  })
  it('finds missing, orphan, unstamped and stale pages, and a fresh stamp clears drift', () => {
    const docs = tree('drift', { 'index.md': ZH, 'guide/why.md': ZH, 'guide/more.md': ZH, 'en/guide/why.md': EN, 'en/guide/gone.md': EN, 'v/2026.11/guide/why.md': ZH, 'data/x.md': ZH })
    let r = checkTranslations(docs)
    expect(r.missing).toEqual(['docs/guide/more.md:1: no English page docs/en/guide/more.md', 'docs/index.md:1: no English page docs/en/index.md'])
    expect(r.orphans).toEqual([expect.stringMatching(/^docs\/en\/guide\/gone\.md:1: no Chinese source docs\/guide\/gone\.md/)])
    expect(r.drift.map((d) => [d.en, d.reason])).toEqual([['guide/why.md', 'unstamped']])
    stampPage(docs, 'guide/why.md')
    expect(checkTranslations(docs).drift).toEqual([])
    fs.appendFileSync(path.join(docs, 'guide/why.md'), '\n新的一段。\n')
    r = checkTranslations(docs)
    expect(r.drift.map((d) => [d.en, d.reason, d.line])).toEqual([['guide/why.md', 'stale', 6]])
    expect(r.drift[0].message).toMatch(/^docs\/en\/guide\/why\.md:6: stale: docs\/guide\/why\.md changed since the stamp/)
  })
})

describe('the stale hint says where the change is (outside contributor, round 14)', () => {
  it('a new, uncommitted Chinese page: compare with it, not "git log -p" (which shows nothing)', () => {
    const docs = tree('uncommitted', { 'guide/why.md': ZH, 'en/guide/why.md': EN })
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: docs, stdio: 'ignore' })
    git('init', '-q')
    stampPage(docs, 'guide/why.md')
    git('add', 'en')
    git('commit', '-qm', 'en only')
    fs.appendFileSync(path.join(docs, 'guide/why.md'), '\n新的一段。\n')
    expect(checkTranslations(docs).drift[0].message).toMatch(/stale: .*; docs\/guide\/why\.md is a new file, not committed yet: compare the English page with it/)
    git('add', 'guide')
    git('commit', '-qm', 'zh')
    fs.appendFileSync(path.join(docs, 'guide/why.md'), '\n又一段。\n')
    expect(checkTranslations(docs).drift[0].message).toMatch(/; see git diff HEAD -- docs\/guide\/why\.md \(uncommitted edits\) and git log -p docs\/guide\/why\.md,/)
    git('commit', '-qam', 'zh again')
    expect(checkTranslations(docs).drift[0].message).toMatch(/; see git log -p docs\/guide\/why\.md, update the translation/)
  })
})

describe('npm run i18n:check / i18n:stamp', () => {
  it('exits 1 and prints file:line problems, then 0 after --stamp --all on a complete tree', () => {
    const docs = tree('cli', { 'guide/why.md': ZH, 'en/guide/why.md': EN })
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(main([], docs)).toBe(1)
      expect(err.mock.calls.flat().join('\n')).toContain('docs/en/guide/why.md:1: no translation stamp')
      expect(main(['--stamp', '--all'], docs)).toBe(0)
      expect(main([], docs)).toBe(0)
      expect(log.mock.calls.flat().at(-1)).toBe('translations: 1 paired, 0 missing, 0 orphan, 0 structure, 0 stale, 0 unstamped')
    } finally {
      err.mockRestore()
      log.mockRestore()
    }
  })
})
