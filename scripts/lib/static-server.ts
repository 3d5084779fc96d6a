/**
 * A tiny static server for the built site, bound to 127.0.0.1 only (vitepress preview listens on
 * every interface and caches its file list). Resolves clean URLs like VitePress hosting does:
 * /a/b → a/b.html, /a/ → a/index.html; unknown paths get 404.html with status 404.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

export function resolveFile(root: string, urlPath: string): string | undefined {
  let p = decodeURIComponent(urlPath.split('?')[0].split('#')[0])
  if (p.includes('\0')) return undefined
  p = path.posix.normalize(p)
  const candidates = p.endsWith('/') ? [p + 'index.html'] : [p, p + '.html', p + '/index.html']
  for (const c of candidates) {
    const file = path.join(root, c)
    if (!file.startsWith(root)) return undefined
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file
  }
  return undefined
}

export interface Served { url: string; port: number; close(): Promise<void> }

export function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<Served> {
  const abs = path.resolve(root)
  const server = http.createServer((req, res) => {
    const file = resolveFile(abs, req.url ?? '/')
    const status = file ? 200 : 404
    const body = file ?? path.join(abs, '404.html')
    res.writeHead(status, {
      'Content-Type': TYPES[path.extname(body)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    })
    fs.createReadStream(body).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: p } = server.address() as AddressInfo
      resolve({
        url: `http://${host}:${p}`,
        port: p,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
      })
    })
  })
}

/** Where the built site is: VitePress's default, or KB_DIST (to build and test a copy elsewhere). */
export const DIST_DIR = process.env.KB_DIST ?? '.vitepress/dist'
