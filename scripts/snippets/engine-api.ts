/**
 * A minimal Docker Engine API client over the sandbox's unix socket (node:http, no extra package).
 * The harness uses it where it used to spawn the docker CLI many times per page (engine start
 * polling, the reset between pages): one HTTP request costs ~1 ms, one CLI process 100-500 ms on a
 * loaded machine.
 */
import http from 'node:http'

export interface ApiResponse {
  status: number
  body: string
}

/**
 * `method path` against the engine at `sock`. Resolves with the status and body (also for 4xx/5xx);
 * rejects on connection errors and after `timeoutMs`.
 */
export function api(sock: string, method: string, path: string, timeoutMs = 30_000): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: sock, method, path, headers: { Host: 'docker' } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end()
  })
}

/** GET `path` and parse JSON; throws on a non-2xx status. */
export async function apiJson<T>(sock: string, path: string, timeoutMs?: number): Promise<T> {
  const r = await api(sock, 'GET', path, timeoutMs)
  if (r.status < 200 || r.status >= 300) throw new Error(`GET ${path}: HTTP ${r.status} ${r.body.slice(0, 200)}`)
  return JSON.parse(r.body) as T
}
