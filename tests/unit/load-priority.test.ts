import { describe, expect, it } from 'vitest'
import { lowPriorityScripts } from '../../.vitepress/config/load-priority'

// the shape of VitePress 1.6's page head (its renderPage), abridged
const HEAD =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<link rel="preload stylesheet" href="/assets/style.a.css" as="style">' +
  '<script type="module" src="/assets/app.a.js"></script>' +
  '<link rel="modulepreload" href="/assets/chunks/theme.a.js">' +
  '<link rel="modulepreload" href="/assets/chunks/framework.a.js">' +
  '<script id="check-dark-mode">(()=>{})()</script></head>'

describe('lowPriorityScripts', () => {
  it('marks the module entry and every modulepreload in the head, nothing else', () => {
    const out = lowPriorityScripts(HEAD + '<body><div id="app"></div></body></html>')
    expect(out.match(/<[^>]*fetchpriority="low"[^>]*>/g)).toEqual([
      '<script fetchpriority="low" type="module" src="/assets/app.a.js">',
      '<link fetchpriority="low" rel="modulepreload" href="/assets/chunks/theme.a.js">',
      '<link fetchpriority="low" rel="modulepreload" href="/assets/chunks/framework.a.js">',
    ])
    // the render-blocking stylesheet and the classic inline scripts keep their priority
    expect(out).toContain('<link rel="preload stylesheet" href="/assets/style.a.css" as="style">')
    expect(out).toContain('<script id="check-dark-mode">')
  })

  it('leaves the body alone, keeps an explicit fetchpriority, and is idempotent', () => {
    const body = '<body><pre><code><script type="module" src="x.js"></script></code></pre></body></html>'
    const once = lowPriorityScripts(HEAD.replace('<link rel="modulepreload" href="/assets/chunks/theme.a.js">', '<link rel="modulepreload" fetchpriority="high" href="/assets/chunks/theme.a.js">') + body)
    expect(once.endsWith(body)).toBe(true)
    expect(once).toContain('<link rel="modulepreload" fetchpriority="high" href="/assets/chunks/theme.a.js">')
    expect(lowPriorityScripts(once)).toBe(once)
  })

  it('returns a page without a head unchanged', () => {
    expect(lowPriorityScripts('<script type="module" src="/a.js"></script>')).toBe('<script type="module" src="/a.js"></script>')
  })
})
