/**
 * renderDiagrams (./render.ts) in a child process of its own, for the build.
 *
 * Why: playwright drives chromium from the Node event loop of the process that launched it — every
 * protocol message, and every one of the ≈ 30 Mermaid module files the render page loads (served by a
 * route handler), waits for that loop. In the build's main process the loop is busy with Rollup and
 * synchronous Markdown renders, so chromium waited with it: traced 2026-12-02 (seventh round,
 * docs/contribute/decisions.md, build time), with pages no longer waiting for every diagram, the first
 * of 98 diagrams came 132 s after chromium was started and the other 97 in the next 18 s. A child
 * process has its own event loop (and can run on the other core).
 *
 * Protocol (IPC): the parent sends { diagrams, options }; the child answers one { rendered } per
 * diagram as soon as it is in the cache, then { done } with the counts and errors, or { fatal } when
 * chromium cannot be started; then it exits.
 */
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DiagramError, type Diagram } from './source'
import { renderDiagrams, takeCached, type RenderOptions, type RenderReport, type RenderedDiagram } from './render'

const require = createRequire(import.meta.url)

type ToParent =
  | { rendered: RenderedDiagram }
  | { done: { fromCache: number; fresh: number; errors: { file: string; line: number; detail: string }[] } }
  | { fatal: string }

/**
 * Same as renderDiagrams (input, output, errors), run in a child process (`node --import tsx` on this
 * file). The cache is read here first: when every diagram is cached (a warm build) no process is
 * started. `onRendered` is called in this process for each cached diagram and when the child reports
 * one as rendered. Rejects if the child cannot start chromium or exits before it reports the end.
 */
export async function renderDiagramsApart(diagrams: Diagram[], options: RenderOptions = {}): Promise<RenderReport> {
  const { onRendered, ...childOptions } = options
  const { rendered: cached, todo } = takeCached(diagrams, options.cache !== false, onRendered)
  if (!todo.length) return { rendered: cached, fromCache: cached.size, fresh: 0, errors: [] }
  const report = await renderInChild(todo, childOptions, onRendered)
  for (const [key, d] of cached) report.rendered.set(key, d)
  return { ...report, fromCache: report.fromCache + cached.size }
}

function renderInChild(diagrams: Diagram[], childOptions: Omit<RenderOptions, 'onRendered'>, onRendered: RenderOptions['onRendered']): Promise<RenderReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const rendered = new Map<string, RenderedDiagram>()
    let settled = false
    child.on('message', (m: ToParent) => {
      if ('rendered' in m) {
        rendered.set(m.rendered.key, m.rendered)
        onRendered?.(m.rendered)
      } else if ('done' in m) {
        settled = true
        resolve({ rendered, fromCache: m.done.fromCache, fresh: m.done.fresh, errors: m.done.errors.map((e) => new DiagramError(e.file, e.line, e.detail)) })
      } else if ('fatal' in m) {
        settled = true
        reject(new Error(`diagram renderer: ${m.fatal}`))
      }
    })
    child.on('error', (e) => {
      if (!settled) reject(new Error(`diagram renderer: cannot start its process (${e.message})`))
      settled = true
    })
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`diagram renderer: its process ended early (${signal ?? `exit ${code}`})`))
      settled = true
    })
    child.send({ diagrams, options: childOptions })
  })
}

// the child: one request, then exit
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  let finished = false
  // the build ended (failed elsewhere, or was stopped) before the renders: stop, and chromium with us
  process.on('disconnect', () => {
    if (!finished) process.exit(1)
  })
  const send = (m: ToParent) => new Promise<void>((done) => process.send!(m, undefined, undefined, () => done()))
  process.once('message', async ({ diagrams, options }: { diagrams: Diagram[]; options: RenderOptions }) => {
    try {
      const sends: Promise<void>[] = []
      const report = await renderDiagrams(diagrams, { ...options, onRendered: (d) => void sends.push(send({ rendered: d })) })
      await Promise.all(sends)
      await send({ done: { fromCache: report.fromCache, fresh: report.fresh, errors: report.errors.map((e) => ({ file: e.file, line: e.line, detail: e.detail })) } })
    } catch (e) {
      await send({ fatal: String((e as Error)?.stack ?? e) })
    }
    finished = true
    process.disconnect()
  })
}
