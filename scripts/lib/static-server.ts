/**
 * A tiny static server for the built site, bound to 127.0.0.1 only (vitepress preview listens on
 * every interface and caches its file list). Resolves URLs the way GitHub Pages does:
 * /a/b → a/b.html, /a/ → a/index.html only; unknown paths get 404.html with status 404. So
 * /a/b/ is a 404 even when a/b.html exists, as on GitHub Pages; the 404 page sends the reader on
 * to /a/b (.vitepress/config/trailing-slash.ts). With `base` (a sub-path build, `--base /docker-kb/`)
 * the site is served under that path only, like a GitHub project site.
 *
 * Headers for embedding (docs/about/embed.md tells self-hosters the same):
 *  - `Access-Control-Allow-Origin: *` on every response. A page in a sandboxed iframe without
 *    allow-same-origin has the opaque origin "null"; module scripts, modulepreloads and web fonts
 *    are always fetched in CORS mode, so without this header the browser blocks the whole bundle
 *    and the font (GitHub Pages sends it too). The site has no cookies or private data, so `*` is safe.
 *  - no `X-Frame-Options` and no CSP `frame-ancestors`: any site may frame the pages.
 * `cors: false` serves like nginx's default configuration (used by the tests of that case).
 * `gzip: true` compresses text responses as the site's own nginx (deploy/nginx.conf) and GitHub Pages
 * do — for the bench, whose Lighthouse runs would otherwise load every HTML, CSS and JS file
 * uncompressed, which no reader's browser does.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
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
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.imscc': 'application/zip',
  '.zip': 'application/zip',
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

export interface ServeOptions {
  /** send `Access-Control-Allow-Origin: *` (default true) */
  cors?: boolean
  /** the site's base, `/` (default) or e.g. `/docker-kb/`: the URL path the site is served under */
  base?: string
  /**
   * gzip text responses when the client accepts it (default false), with deploy/nginx.conf's settings:
   * `text/html` and its `gzip_types`, `gzip_min_length 256`, `gzip_vary on`, and nginx's default
   * `gzip_comp_level` 1 (the config does not set one)
   */
  gzip?: boolean
}

/** deploy/nginx.conf's gzip_types, plus text/html (nginx always compresses it) */
const GZIP_TYPES = /^(text\/(html|css|plain|markdown|xml|javascript)|application\/(javascript|json|xml)|image\/svg\+xml)\b/
/** nginx: gzip_min_length 256 (bytes) */
const GZIP_MIN_LENGTH = 256

/**
 * Serve `root` on http://host:port (port 0: any free port).
 * @returns the URL and a close() that ends open connections too
 * @throws (rejects) when the port cannot be bound or `base` does not start and end with `/`
 */
export function serveStatic(root: string, port = 0, host = '127.0.0.1', opts: ServeOptions = {}): Promise<Served> {
  const cors = opts.cors ?? true
  const base = opts.base ?? '/'
  if (!base.startsWith('/') || !base.endsWith('/')) return Promise.reject(new Error(`serveStatic: base must start and end with "/", got "${base}"`))
  const abs = path.resolve(root)
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0]
    if (base !== '/' && pathname === base.slice(0, -1)) {
      // GitHub Pages: the project site's root without its slash redirects to it
      res.writeHead(301, { Location: base + url.slice(pathname.length) })
      res.end()
      return
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`not under the site's base ${base}\n`)
      return
    }
    const file = resolveFile(abs, url.slice(base.length - 1))
    const status = file ? 200 : 404
    const body = file ?? path.join(abs, '404.html')
    const type = TYPES[path.extname(body)] ?? 'application/octet-stream'
    const compressible = opts.gzip && GZIP_TYPES.test(type) && fs.statSync(body).size >= GZIP_MIN_LENGTH
    const gzip = compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
    const stream = fs.createReadStream(body)
    if (gzip) stream.pipe(zlib.createGzip({ level: 1 })).pipe(res)
    else stream.pipe(res)
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
