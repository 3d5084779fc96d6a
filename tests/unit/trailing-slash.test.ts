/** The 404 page's trailing-slash redirect (.vitepress/config/trailing-slash.ts): the function and the inlined script agree. */
import { describe, expect, it } from 'vitest'
import { addRedirectScript, cleanPath, redirectScript, REDIRECT_SCRIPT_ID } from '../../.vitepress/config/trailing-slash'

/** Run the inline script against a fake `location`; returns the address it replaced, if any. */
function runScript(base: string, pathname: string, search = '', hash = ''): string | null {
  let replaced: string | null = null
  const location = { pathname, search, hash, replace: (u: string) => { replaced = u } }
  new Function('location', redirectScript(base))(location)
  return replaced
}

const CASES: [base: string, path: string, clean: string | null][] = [
  ['/', '/network/port-mapping/', '/network/port-mapping'],
  ['/', '/network/port-mapping//', '/network/port-mapping'],
  ['/', '/network/port-mapping', null],
  ['/', '/', null],
  ['/', '//', null],
  ['/docker-kb/', '/docker-kb/build/instructions/', '/docker-kb/build/instructions'],
  ['/docker-kb/', '/docker-kb/', null],
  ['/docker-kb/', '/docker-kb//', null],
  ['/docker-kb/', '/other/x/', null],
]

describe('trailing-slash redirect', () => {
  it.each(CASES)('base %s: %s → %s', (base, path, clean) => {
    expect(cleanPath(path, base)).toBe(clean)
    expect(runScript(base, path)).toBe(clean)
  })

  it('keeps the query and the fragment (embed links)', () => {
    expect(runScript('/', '/guide/why/', '?embed=1', '#kb-embed')).toBe('/guide/why?embed=1#kb-embed')
  })

  it('goes first in the 404 page head, and fails loudly without a head', () => {
    const out = addRedirectScript('<!DOCTYPE html><html><head><meta charset="utf-8"><script type="module" src="/a.js"></script></head></html>', '/')
    expect(out.indexOf(`id="${REDIRECT_SCRIPT_ID}"`)).toBeLessThan(out.indexOf('type="module"'))
    expect(out.indexOf(`id="${REDIRECT_SCRIPT_ID}"`)).toBeGreaterThan(out.indexOf('<head>'))
    expect(() => addRedirectScript('<html></html>', '/')).toThrow(/no <head>/)
  })
})
