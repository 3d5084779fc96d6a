import { describe, expect, it } from 'vitest'
import { toStockMarkdown } from '../../scripts/lib/bench-stock'

// The stock baseline of `npm run bench` must build from every page: a page whose `<script setup>` imports our
// theme's data loaders (docs/about/embed.md) broke the stock build ("Could not resolve …/versions.data").
describe('toStockMarkdown', () => {
  const page = [
    '---', 'title: t', '---', '',
    '<script setup>', "import { data as versions } from '../../.vitepress/theme/versions.data'", '</script>', '',
    '# 标题', '', '<ul>',
    '  <li v-for="v in versions.versions" :key="v.name">{{ v.name }}</li>',
    '  <li><a :href="withBase(\'/x\')">x</a></li>', '</ul>', '',
    '正文引用 [[image]] 和 [[layer|分层]]。', '', '<CommandFinder />', '',
  ].join('\n')
  const out = toStockMarkdown(page, 'docs/about/x.md', () => '')

  it('drops <script setup> and the HTML lines that bind its data', () => {
    expect(out).not.toContain('<script')
    expect(out).not.toContain('versions.data')
    expect(out).not.toMatch(/v-for|:href|\{\{/)
    expect(out).toContain('<ul>')
  })
  it('keeps the text and turns glossary references and components into plain Markdown', () => {
    expect(out).toContain('# 标题')
    expect(out).toContain('正文引用 image 和 分层。')
    expect(out).not.toContain('CommandFinder')
  })
})
