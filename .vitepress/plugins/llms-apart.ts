/**
 * The build's Markdown exports (`<page>.md`, llms.txt, llms-full.txt: markdownExports in ./llms.ts),
 * made in a child process while the main process bundles and renders pages; buildEnd only writes them.
 *
 * Why: they are a pure function of docs/, the base and the page list, and took ≈ 10 % of the main
 * process's samples of a cold build's end (2026-12-02, decisions.md, build time, eighth round), run
 * after every page was rendered, one core busy and the other idle. A child process (like the diagram
 * renderer, core/diagrams/apart.ts) makes them on the other core; the main process waits only if the
 * child is not finished when buildEnd comes.
 *
 * Protocol (IPC): the parent sends the MarkdownExportInput; the child answers { exports } or
 * { error } (the message of markdownExports' error: file:line), then exits.
 */
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Plugin } from 'vite'
import type { SiteConfig } from 'vitepress'
import { markdownExports, type MarkdownExportInput, type MarkdownExports } from './llms'

const require = createRequire(import.meta.url)

type ToParent = { exports: MarkdownExports } | { error: string }

/** The runs started in this process, by input (as JSON): the build starts one. */
const started = new Map<string, Promise<MarkdownExports>>()

/**
 * Start making the exports for `input` in a child process (once per input; a second call is
 * ignored). The answer is kept for markdownExportsFor. If the child cannot start or dies, that
 * answer rejects and markdownExportsFor makes the exports in this process instead.
 */
export function startMarkdownExports(input: MarkdownExportInput): void {
  const key = JSON.stringify(input)
  if (started.has(key)) return
  const result = new Promise<MarkdownExports>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let settled = false
    child.on('message', (m: ToParent) => {
      settled = true
      if ('exports' in m) resolve(m.exports)
      else reject(new ExportError(m.error))
    })
    child.on('error', (e) => {
      if (!settled) reject(new Error(`markdown exports: cannot start their process (${e.message})`))
      settled = true
    })
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`markdown exports: their process ended early (${signal ?? `exit ${code}`})`))
      settled = true
    })
    // a build that fails elsewhere exits, which disconnects the child: it then exits too (below)
    child.send(input)
  })
  result.catch(() => {}) // reported where it is awaited (markdownExportsFor)
  started.set(key, result)
}

/** A conversion error reported by the child (file:line), thrown again as the build's error. */
class ExportError extends Error {}

/**
 * The exports for `input` (same result and errors as markdownExports in ./llms.ts): the early
 * child's answer when it was started with the same input, else made here. A child that could not
 * run (no process, crash) costs only time: the exports are then made here.
 */
export async function markdownExportsFor(input: MarkdownExportInput): Promise<MarkdownExports & { apart: boolean }> {
  const result = started.get(JSON.stringify(input))
  if (result) {
    try {
      return { ...(await result), apart: true }
    } catch (e) {
      if (e instanceof ExportError) throw new Error(e.message)
      console.warn(`  ${(e as Error).message}; making them in the build process`)
    }
  }
  return { ...markdownExports(input), apart: false }
}

/** The exports' input as buildEnd (config/shared.ts) passes it, from VitePress's resolved site config. */
export function exportInput(siteConfig: Pick<SiteConfig, 'srcDir' | 'pages'> & { site: { base: string } }): MarkdownExportInput {
  return { srcDir: siteConfig.srcDir, base: siteConfig.site.base, pages: siteConfig.pages }
}

/**
 * Vite plugin (production client build only): starts the child once `after` settles (the build
 * passes the diagram renders: until then chromium has the other core), with VitePress's resolved
 * site config (`config.vitepress`: the base of `vitepress build --base` and the page list are final
 * there). buildEnd calls markdownExportsFor with the same input.
 */
export function markdownExportsEarlyPlugin(after: () => Promise<unknown>): Plugin {
  return {
    name: 'kb-markdown-exports-early',
    apply: 'build',
    configResolved(config) {
      const siteConfig = (config as { vitepress?: SiteConfig }).vitepress
      if (config.build.ssr || !siteConfig) return
      const input = exportInput(siteConfig)
      void after().catch(() => {}).then(() => startMarkdownExports(input))
    },
  }
}

// the child: one request, one answer, then exit
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  let answered = false
  process.on('disconnect', () => {
    if (!answered) process.exit(1)
  })
  process.once('message', (input: MarkdownExportInput) => {
    let m: ToParent
    try {
      m = { exports: markdownExports(input) }
    } catch (e) {
      m = { error: (e as Error)?.message ?? String(e) }
    }
    answered = true
    process.send!(m, undefined, undefined, () => process.disconnect())
  })
}
