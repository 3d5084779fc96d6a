import MarkdownIt from 'markdown-it'
import { expect, it } from 'vitest'
import { compileTemplate } from 'vue/compiler-sfc'
import { inlineCodePlugin } from '../../.vitepress/plugins/inline-code'
import { vueTemplateErrors } from '../../scripts/check-pages'

it('inline code with Go templates compiles as a Vue template', () => {
  const src = "用 `docker inspect --format '{{.State.Pid}}'` 查看 PID"
  const plain = new MarkdownIt().render(src)
  expect(vueTemplateErrors(plain, 'x.md').length).toBeGreaterThan(0)
  const html = new MarkdownIt().use(inlineCodePlugin).render(src)
  expect(html).toContain('<code v-pre="">')
  expect(compileTemplate({ source: `<div>${html}</div>`, filename: 'x.md', id: 'x' }).errors).toEqual([])
})
