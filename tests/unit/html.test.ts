/** The one HTML escape (core/html.ts, escape-html) that plugins, theme and scripts share. */
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../core/html'

describe('escapeHtml', () => {
  it('replaces the five characters that end text or a quoted attribute, in element text and attributes alike', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;')
  })
  it('leaves everything else as it is (Chinese text, entities are escaped again, not decoded)', () => {
    expect(escapeHtml('容器与镜像：docker run -p 8080:80')).toBe('容器与镜像：docker run -p 8080:80')
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })
})
