/**
 * Serves machine-readable exports (glossary, command reference) at stable URLs, in dev through
 * a middleware and in the build as emitted files — from the same data functions, so the two
 * never differ. URLs are documented on /about/api. Each export gets the site's base (Vite's
 * resolved `base`, which `vitepress build --base` sets) for the site paths inside it.
 */
import type { Plugin } from 'vite'

/** export path (from the site root) → maker; `base` is the site's base, e.g. `/` or `/docker-kb/` */
export type JsonExports = Record<string, (base: string) => unknown>

export function jsonExports(exports: JsonExports): Plugin {
  let base = '/'
  return {
    name: 'docker-kb:json-exports',
    configResolved(config) {
      base = config.base
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const make = req.url ? exports[req.url.split('?')[0]] : undefined
        if (!make) return next()
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.end(JSON.stringify(make(base), null, 2))
      })
    },
    generateBundle(options) {
      // the client and the SSR bundle both run this hook; emit once, into the client output
      if (options.format !== 'es' || String(options.dir ?? '').includes('.temp')) return
      for (const [url, make] of Object.entries(exports)) {
        this.emitFile({ type: 'asset', fileName: url.replace(/^\//, ''), source: JSON.stringify(make(base), null, 2) + '\n' })
      }
    },
  }
}
