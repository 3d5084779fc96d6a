/**
 * A registry on the host, listening on a unix socket, for sandboxes that must not run their own:
 * with SNIPPETS_REAL_IMAGES=1 it is a pull-through cache of Docker Hub (the sandboxes' network
 * namespaces have no route out; each sandbox forwards its 127.0.0.1:PORT to this socket).
 * Only docker.io images can be mirrored this way; containers still have no network.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { DOCKER_REGISTRY, baseEnv } from './config'
import { GUARD, isAlive, kill, waitFor } from './proc'
import type { RunState } from './state'

export interface HostRegistry {
  sock: string
  stop(): Promise<void>
}

export async function startHostRegistry(state: RunState, opts: { root: string; proxy?: string; readOnly?: boolean }): Promise<HostRegistry> {
  const sock = path.join(state.dir, 'mirror.sock')
  fs.mkdirSync(opts.root, { recursive: true })
  const cfg = [
    'version: 0.1',
    'log: {level: error, accesslog: {disabled: true}}',
    `storage: {filesystem: {rootdirectory: ${JSON.stringify(opts.root)}}${opts.readOnly ? ', maintenance: {uploadpurging: {enabled: false}, readonly: {enabled: true}}' : ''}}`,
    `http: {net: unix, addr: ${JSON.stringify(sock)}, secret: "dkb-${state.id}"}`,
    ...(opts.proxy ? [`proxy: {remoteurl: ${JSON.stringify(opts.proxy)}}`] : []),
    '',
  ].join('\n')
  const cfgPath = path.join(state.dir, 'mirror.yml')
  fs.writeFileSync(cfgPath, cfg)
  const log = fs.openSync(path.join(state.dir, 'mirror.log'), 'a')
  const child: ChildProcess = spawn(GUARD[0], [...GUARD.slice(1), DOCKER_REGISTRY, 'serve', cfgPath], { env: baseEnv(), stdio: ['ignore', log, log], detached: true })
  fs.closeSync(log)
  child.on('error', () => {})
  const up = await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        if (child.exitCode !== null) return resolve(false)
        const c = net.connect(sock)
        c.on('connect', () => { c.destroy(); resolve(true) })
        c.on('error', () => resolve(false))
      }),
    20_000,
    50,
  )
  if (!up) {
    kill(child.pid!, 'SIGKILL')
    throw new Error(`host registry did not start: ${fs.readFileSync(path.join(state.dir, 'mirror.log'), 'utf8').slice(-2000)}`)
  }
  return {
    sock,
    async stop() {
      if (child.pid && isAlive(child.pid)) {
        kill(child.pid, 'SIGTERM')
        if (!(await waitFor(() => !isAlive(child.pid!), 3_000, 50))) kill(child.pid, 'SIGKILL')
      }
    },
  }
}
