/**
 * One sandbox Docker engine, isolated from the reader's own daemon.
 *
 * Layout (all named after the run id, all removed by `stop()` or by the stale sweep):
 *
 *   netns  dkb-<run>-<n>      own network namespace, only loopback; dockerd makes its own docker0
 *                             and iptables rules in it. A local registry listens on 127.0.0.1:PORT
 *                             inside it and is the engine's `registry-mirrors` entry.
 *   dockerd                   started as `setpriv --pdeathsig KILL nsenter --net=<netns> unshare
 *                             --pid --fork --kill-child --mount --propagation slave --mount-proc`
 *                             -> docker-init (tini) -> dockerd. In that private mount namespace
 *                             a fresh tmpfs is mounted on /run and on /var/lib/docker, so the
 *                             engine's --exec-root (/run/docker), --data-root (/var/lib/docker),
 *                             --pidfile and its /var/run/docker.sock are private: a snippet that
 *                             bind-mounts /var/run/docker.sock gets the sandbox, not the reader's
 *                             daemon. tmpfs also makes image pulls/loads ~5x faster than ext4.
 *                             If the runner dies (even SIGKILL), pdeathsig kills unshare, which
 *                             kills the namespace's init: the kernel then kills every process of
 *                             the engine (containerd, shims, containers) and drops its mounts.
 *   <run dir>/sb<n>/docker.sock  the same engine, reachable from the host (DOCKER_HOST).
 *   cgroup dkb-<run>-<n>      --cgroup-parent, so container cgroups are easy to find and remove.
 *
 * The engine binaries are the pinned ones of engine.ts (never a host Docker). `lane` picks the
 * image store: `containerd` (the containerd snapshotter, default of fresh Engine 29 installs and
 * Docker Desktop; `docker info` shows driver `overlayfs`) or `overlay2` (the classic store of
 * upgraded Linux hosts). Both keep everything in the sandbox's tmpfs data root.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DOCKER_REGISTRY, REGISTRY_PORT, baseEnv, type Lane } from './config'
import { currentEngine } from './engine'
import { installCliPlugins } from './cli-plugins'
import { apiJson } from './engine-api'
import { addCpu, treeCpu, type CpuMs } from './cpu'
import { GUARD, childrenOf, isAlive, kill, run, sleep, waitFor, type RunOptions } from './proc'
import { findCgroups, type RunState } from './state'

export interface SandboxOptions {
  /** registry storage root (a seeded stand-in registry); undefined = no local registry */
  registryRoot?: string
  /** registry may be written (seeding); otherwise it is only read */
  registryWritable?: boolean
  /**
   * Instead of a registry inside the netns: forward 127.0.0.1:PORT inside the netns to this unix
   * socket of a registry running on the host (SNIPPETS_REAL_IMAGES=1: a pull-through cache of
   * Docker Hub, which the netns itself cannot reach). See mirror.ts.
   */
  registrySocket?: string
  /** image store (default overlay2) */
  lane?: Lane
  log?: (m: string) => void
}

export class Sandbox {
  readonly dir: string
  readonly netns: string
  readonly sock: string
  readonly cliConfig: string
  private daemon?: ChildProcess
  private registry?: ChildProcess
  private initPid?: number
  engineVersion = ''
  /** `docker info` storage driver (overlayfs on the containerd store, overlay2 on the classic one) */
  driver = ''
  startedAt = 0

  constructor(
    readonly state: RunState,
    readonly n: number | string,
    readonly opts: SandboxOptions = {},
  ) {
    this.dir = path.join(state.dir, `sb${n}`)
    this.netns = state.name(n)
    this.sock = path.join(this.dir, 'docker.sock')
    this.cliConfig = path.join(this.dir, 'cli')
  }

  get name(): string {
    return this.netns
  }

  get lane(): Lane {
    return this.opts.lane ?? 'overlay2'
  }

  get host(): string {
    return `unix://${this.sock}`
  }

  /** Environment for the docker CLI talking to this engine (never the user's config or socket). */
  cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return baseEnv({ PATH: currentEngine().path, DOCKER_HOST: this.host, DOCKER_CONFIG: this.cliConfig, ...extra })
  }

  /** Run the docker CLI against this engine. */
  docker(args: string[], opts: RunOptions = {}) {
    return run(currentEngine().docker, args, { timeoutMs: 120_000, ...opts, env: { ...this.cliEnv(), ...(opts.env ?? {}) } })
  }

  /** The pid whose mount namespace is the engine's (docker-init inside the private namespaces). */
  get mountNsPid(): number {
    if (!this.initPid) throw new Error('sandbox not started')
    return this.initPid
  }

  private logFile(name: string): number {
    return fs.openSync(path.join(this.dir, name), 'a')
  }

  async start(): Promise<void> {
    const t0 = Date.now()
    const eng = currentEngine()
    installCliPlugins(path.join(this.cliConfig, 'cli-plugins'), eng.cliPlugins)
    await run('ip', ['netns', 'add', this.netns], { env: baseEnv(), timeoutMs: 10_000 })
    await run('ip', ['-n', this.netns, 'link', 'set', 'lo', 'up'], { env: baseEnv(), timeoutMs: 10_000 })
    if (this.opts.registrySocket) await this.startForwarder(this.opts.registrySocket)
    else if (this.opts.registryRoot) await this.startRegistry()

    const mirror = this.opts.registryRoot || this.opts.registrySocket ? [`http://127.0.0.1:${REGISTRY_PORT}`] : []
    const daemonJson = {
      init: true,
      'registry-mirrors': mirror,
      'log-level': 'warn',
      'shutdown-timeout': 5,
      // the classic store names its graph driver; the containerd store uses containerd's
      // overlayfs snapshotter instead
      ...(this.lane === 'overlay2' ? { 'storage-driver': 'overlay2' } : {}),
      features: { buildkit: true, 'containerd-snapshotter': this.lane === 'containerd' },
      'userland-proxy-path': eng.dockerProxy,
      'init-path': eng.dockerInit,
    }
    fs.writeFileSync(path.join(this.dir, 'daemon.json'), JSON.stringify(daemonJson, null, 2))
    const script = [
      '#!/bin/sh',
      'set -e',
      'RC="$(cat /etc/resolv.conf 2>/dev/null || true)"',
      // private /run and /var/lib/docker for this engine only
      // the tmpfs names carry the sandbox name: /proc/PID/mounts then shows which processes
      // (containerd, shims, page shells) live in this sandbox's mount namespace
      `mount -t tmpfs -o mode=755,size=50% ${this.netns}-run /run`,
      'mkdir -p /var/lib/docker',
      `mount -t tmpfs -o mode=711 ${this.netns}-data /var/lib/docker`,
      // keep a resolv.conf that pointed into the old /run readable
      'if [ ! -e /etc/resolv.conf ]; then t="$(readlink -m /etc/resolv.conf)"; mkdir -p "$(dirname "$t")"; printf "%s\\n" "$RC" > "$t"; fi',
      `exec ${eng.dockerInit} -s -- ${eng.dockerd} --config-file ${path.join(this.dir, 'daemon.json')}` +
        ` -H unix:///var/run/docker.sock -H ${this.host}` +
        ` --data-root /var/lib/docker --exec-root /var/run/docker --pidfile /var/run/docker.pid` +
        ` --cgroup-parent ${this.netns}`,
      '',
    ].join('\n')
    fs.writeFileSync(path.join(this.dir, 'start-dockerd.sh'), script, { mode: 0o755 })
    try { fs.unlinkSync(this.sock) } catch { /* none */ }
    const out = this.logFile('dockerd.log')
    this.daemon = spawn(
      GUARD[0],
      [...GUARD.slice(1), 'nsenter', `--net=/run/netns/${this.netns}`, '--',
        'unshare', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'slave', '--mount-proc', '--',
        '/bin/sh', path.join(this.dir, 'start-dockerd.sh')],
      // PATH: dockerd finds the engine's containerd, shim and the host runc (engine.ts)
      { env: baseEnv({ PATH: eng.path }), stdio: ['ignore', out, out], detached: true },
    )
    fs.closeSync(out)
    this.daemon.on('error', () => {})
    const ok = await waitFor(async () => {
      if (this.daemon!.exitCode !== null || this.daemon!.signalCode) throw new Error(`dockerd exited early:\n${this.tail('dockerd.log')}`)
      if (!fs.existsSync(this.sock)) return false
      // the Engine API directly: polling with the CLI spawned a process every 50 ms
      try {
        const info = await apiJson<{ ServerVersion?: string; Driver?: string }>(this.sock, '/info', 10_000)
        return info.ServerVersion ? `${info.ServerVersion} ${info.Driver}` : false
      } catch {
        return false
      }
    }, 60_000, 50)
    if (!ok) throw new Error(`sandbox dockerd did not come up within 60 s:\n${this.tail('dockerd.log')}`)
    ;[this.engineVersion, this.driver] = ok.split(' ')
    const wantDriver = this.lane === 'containerd' ? 'overlayfs' : 'overlay2'
    if (this.driver !== wantDriver) throw new Error(`sandbox ${this.netns}: lane ${this.lane} expects storage driver ${wantDriver}, engine reports ${this.driver}`)
    this.initPid = childrenOf(this.daemon.pid!)[0]
    this.startedAt = Date.now()
    this.opts.log?.(`sandbox ${this.netns}: engine ${this.engineVersion} (${this.lane} store) up in ${Date.now() - t0} ms`)
  }

  private async startRegistry(): Promise<void> {
    const root = this.opts.registryRoot!
    fs.mkdirSync(root, { recursive: true })
    const cfg = [
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: false}}',
      `storage: {filesystem: {rootdirectory: ${JSON.stringify(root)}}, delete: {enabled: ${this.opts.registryWritable ? 'true' : 'false'}}${this.opts.registryWritable ? '' : ', maintenance: {uploadpurging: {enabled: false}, readonly: {enabled: true}}'}}`,
      `http: {addr: "127.0.0.1:${REGISTRY_PORT}", secret: "dkb-${this.state.id}"}`,
      '',
    ].join('\n')
    const cfgPath = path.join(this.dir, 'registry.yml')
    fs.writeFileSync(cfgPath, cfg)
    const out = this.logFile('registry.log')
    this.registry = spawn(
      GUARD[0],
      [...GUARD.slice(1), 'nsenter', `--net=/run/netns/${this.netns}`, '--', DOCKER_REGISTRY, 'serve', cfgPath],
      { env: baseEnv(), stdio: ['ignore', out, out], detached: true },
    )
    fs.closeSync(out)
    this.registry.on('error', () => {})
    // (bash --norc: with stdin on a socket, as node's pipes are, bash would read ~/.bashrc)
    const up = await waitFor(async () => {
      if (this.registry!.exitCode !== null) throw new Error(`registry exited early:\n${this.tail('registry.log')}`)
      const r = await run('nsenter', [`--net=/run/netns/${this.netns}`, '--', 'bash', '--norc', '--noprofile', '-c', `exec 3<>/dev/tcp/127.0.0.1/${REGISTRY_PORT}`], { env: baseEnv(), check: false, timeoutMs: 5_000 })
      return r.code === 0
    }, 60_000, 50)
    if (!up) throw new Error(`registry did not come up within 60 s:\n${this.tail('registry.log')}`)
  }

  /** A tiny TCP -> unix socket forwarder inside the netns (node, no extra package). */
  private async startForwarder(sock: string): Promise<void> {
    const code =
      "const net=require('net');const [host,port,sock]=process.argv.slice(-3);" +
      'net.createServer((c)=>{const u=net.connect(sock);c.pipe(u);u.pipe(c);' +
      "c.on('error',()=>u.destroy());u.on('error',()=>c.destroy());c.on('close',()=>u.destroy());u.on('close',()=>c.destroy())})" +
      '.listen(Number(port),host)'
    const out = this.logFile('registry.log')
    this.registry = spawn(
      GUARD[0],
      [...GUARD.slice(1), 'nsenter', `--net=/run/netns/${this.netns}`, '--', process.execPath, '-e', code, '--', '127.0.0.1', String(REGISTRY_PORT), sock],
      { env: baseEnv(), stdio: ['ignore', out, out], detached: true },
    )
    fs.closeSync(out)
    this.registry.on('error', () => {})
    const up = await waitFor(async () => {
      if (this.registry!.exitCode !== null) throw new Error(`registry forwarder exited early:\n${this.tail('registry.log')}`)
      const r = await run('nsenter', [`--net=/run/netns/${this.netns}`, '--', 'bash', '--norc', '--noprofile', '-c', `exec 3<>/dev/tcp/127.0.0.1/${REGISTRY_PORT}`], { env: baseEnv(), check: false, timeoutMs: 5_000 })
      return r.code === 0
    }, 20_000, 50)
    if (!up) throw new Error(`registry forwarder did not come up:\n${this.tail('registry.log')}`)
  }

  tail(file: string, lines = 20): string {
    try {
      return fs.readFileSync(path.join(this.dir, file), 'utf8').trim().split('\n').slice(-lines).join('\n')
    } catch {
      return ''
    }
  }

  get alive(): boolean {
    return !!this.daemon?.pid && isAlive(this.daemon.pid)
  }

  /** CPU ms spent so far by this engine's processes (dockerd, containerd, containers) and its registry (cpu.ts). */
  cpu(): CpuMs {
    return addCpu(treeCpu(this.daemon?.pid), treeCpu(this.registry?.pid, 'registry'))
  }

  /** Stop the engine (graceful, then forced), the registry, and remove netns and cgroups. */
  async stop(): Promise<void> {
    const d = this.daemon
    if (d?.pid && isAlive(d.pid)) {
      if (this.initPid) kill(this.initPid, 'SIGTERM')
      const gone = await waitFor(() => !isAlive(d.pid!), 15_000, 50)
      if (!gone) kill(d.pid, 'SIGKILL')
      await waitFor(() => !isAlive(d.pid!), 5_000, 50)
    }
    const r = this.registry
    if (r?.pid && isAlive(r.pid)) {
      kill(r.pid, 'SIGTERM')
      if (!(await waitFor(() => !isAlive(r.pid!), 3_000, 50))) kill(r.pid, 'SIGKILL')
      await waitFor(() => !isAlive(r.pid!), 3_000, 50)
    }
    this.daemon = undefined
    this.registry = undefined
    this.initPid = undefined
    await run('ip', ['netns', 'del', this.netns], { env: baseEnv(), check: false, timeoutMs: 10_000 })
    for (const cg of findCgroups(this.netns)) {
      for (let i = 0; i < 20 && !rmdirDeep(cg); i++) await sleep(50)
    }
  }
}

function rmdirDeep(dir: string): boolean {
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmdirDeep(path.join(dir, e.name))
    fs.rmdirSync(dir)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
  }
}
