import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { serveStatic } from '../../scripts/lib/static-server'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-serve-'))
fs.mkdirSync(path.join(root, 'guide'))
fs.writeFileSync(path.join(root, 'index.html'), 'home')
fs.writeFileSync(path.join(root, 'guide/why.html'), 'why')
fs.writeFileSync(path.join(root, 'guide/index.html'), 'guide')
fs.writeFileSync(path.join(root, '404.html'), 'missing')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('static server for the built site', () => {
  it('serves clean URLs on 127.0.0.1 and 404s the rest', async () => {
    const s = await serveStatic(root)
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const get = async (p: string) => { const r = await fetch(s.url + p); return [r.status, await r.text()] }
      expect(await get('/')).toEqual([200, 'home'])
      expect(await get('/guide/why')).toEqual([200, 'why'])
      expect(await get('/guide/')).toEqual([200, 'guide'])
      expect(await get('/nope')).toEqual([404, 'missing'])
      expect((await get('/../../etc/passwd'))[0]).toBe(404)
    } finally {
      await s.close()
    }
  })
})

describe('headers for embedding', () => {
  it('sends Access-Control-Allow-Origin: * for pages, scripts, styles and fonts, and nothing that blocks framing', async () => {
    for (const f of ['app.js', 'style.css', 'font.woff2']) fs.writeFileSync(path.join(root, f), 'x')
    const s = await serveStatic(root)
    try {
      for (const p of ['/guide/why', '/app.js', '/style.css', '/font.woff2', '/nope']) {
        const r = await fetch(s.url + p)
        expect(r.headers.get('access-control-allow-origin'), p).toBe('*')
        expect(r.headers.get('x-frame-options'), p).toBeNull()
        expect(r.headers.get('content-security-policy'), p).toBeNull()
      }
      expect((await fetch(s.url + '/font.woff2')).headers.get('content-type')).toBe('font/woff2')
    } finally {
      await s.close()
    }
  })
  it('can serve like a host without CORS headers (nginx default), for the tests of that case', async () => {
    const s = await serveStatic(root, 0, '127.0.0.1', { cors: false })
    try {
      expect((await fetch(s.url + '/app.js')).headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await s.close()
    }
  })
})

describe('compression as deploy/nginx.conf serves (the bench)', () => {
  /** a raw GET (fetch would decompress silently): status headers and the bytes on the wire */
  const raw = (url: string, acceptEncoding?: string) => new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http.get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
  it('gzips text of 256 bytes or more when asked, leaves the rest and every response without the option alone', async () => {
    const big = 'docker '.repeat(200)
    fs.writeFileSync(path.join(root, 'big.css'), big)
    fs.writeFileSync(path.join(root, 'big.png'), big)
    fs.writeFileSync(path.join(root, 'small.js'), 'x'.repeat(255))
    const s = await serveStatic(root, 0, '127.0.0.1', { gzip: true })
    const plain = await serveStatic(root)
    try {
      const css = await raw(s.url + '/big.css', 'gzip, deflate, br')
      expect(css.headers['content-encoding']).toBe('gzip')
      expect(css.headers.vary).toBe('Accept-Encoding')
      expect(css.body.length).toBeLessThan(big.length)
      expect(zlib.gunzipSync(css.body).toString()).toBe(big)
      // the client does not accept gzip; not a text type; below gzip_min_length; the option off
      expect((await raw(s.url + '/big.css')).headers['content-encoding']).toBeUndefined()
      expect((await raw(s.url + '/big.png', 'gzip')).headers['content-encoding']).toBeUndefined()
      expect((await raw(s.url + '/small.js', 'gzip')).headers['content-encoding']).toBeUndefined()
      expect((await raw(plain.url + '/big.css', 'gzip')).headers['content-encoding']).toBeUndefined()
    } finally {
      await s.close()
      await plain.close()
    }
  })
})

describe('GitHub Pages resolution', () => {
  it('answers a trailing-slash address of a page with the 404 page, as GitHub Pages does', async () => {
    const s = await serveStatic(root)
    try {
      const r = await fetch(s.url + '/guide/why/')
      expect([r.status, await r.text()]).toEqual([404, 'missing'])
    } finally {
      await s.close()
    }
  })

  it('serves a sub-path build under its base only', async () => {
    const s = await serveStatic(root, 0, '127.0.0.1', { base: '/docker-kb/' })
    try {
      const get = async (p: string) => { const r = await fetch(s.url + p, { redirect: 'manual' }); return [r.status, r.status === 301 ? r.headers.get('location') : await r.text()] }
      expect(await get('/docker-kb/')).toEqual([200, 'home'])
      expect(await get('/docker-kb/guide/why?x=1')).toEqual([200, 'why'])
      expect(await get('/docker-kb?x=1')).toEqual([301, '/docker-kb/?x=1'])
      expect(await get('/docker-kb/nope')).toEqual([404, 'missing'])
      expect((await get('/guide/why'))[0]).toBe(404)
    } finally {
      await s.close()
    }
    await expect(serveStatic(root, 0, '127.0.0.1', { base: 'docker-kb' })).rejects.toThrow(/base must start and end/)
  })
})
