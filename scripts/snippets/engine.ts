/**
 * The Docker the harness runs: Debian packages named in scripts/snippets/engine.json (suite and
 * exact versions), downloaded with a PRIVATE apt configuration and unpacked with `dpkg-deb -x`
 * into a folder of the harness cache keyed by the exact versions:
 *
 *   <cache>/engine/debs/<pkg>_<version>_amd64.deb       downloaded packages (kept)
 *   <cache>/engine/<suite>-<hash of pkg=version list>/  unpacked tree + manifest.json
 *   <cache>/engine/pin-<hash of engine.json>.json       which unpacked tree serves this pin
 *
 * The system's apt sources, lists, dpkg database and any Docker installed on the host are never
 * read or changed: apt runs with its own sources.list, lists, cache and an empty dpkg status.
 * Only these binaries are used, for the sandbox daemons and for the `docker` snippets call (PATH
 * and DOCKER_CONFIG/cli-plugins); nothing falls back to a host Docker.
 *
 * Two things come from the host's Debian 12 packages instead (the newer suites' builds need a
 * newer libc): `runc` (package runc) and docker-init (tini-static from package tini).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CACHE_DIR, SAFE_PATH, baseEnv } from './config'
import { run } from './proc'

export const PIN_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'engine.json')

export interface EnginePin {
  archive: string
  suite: string
  /** Debian package name -> exact version */
  packages: Record<string, string>
}

/** A pinned version the archive no longer had, and what was taken instead. */
export interface Substitution {
  pkg: string
  pinned: string
  used: string
}

export interface Engine {
  /** unpacked tree (contains usr/bin/docker, usr/sbin/dockerd, ...) */
  dir: string
  suite: string
  /** package -> version actually unpacked */
  packages: Record<string, string>
  substituted: Substitution[]
  dockerd: string
  docker: string
  dockerProxy: string
  /** folder with docker-buildx and docker-compose (the real plugins of the packages) */
  cliPlugins: string
  /** docker-init for `--init` and the daemon's `init: true` (host tini-static) */
  dockerInit: string
  runc: string
  /** PATH for the daemons and the snippets: the engine's binaries first, then the system's */
  path: string
  /** true when this call downloaded or unpacked something (first run) */
  fetched: boolean
  ms: number
}

export class EngineError extends Error {}

let current: Engine | undefined

/** The engine `ensureEngine()` prepared in this process. Throws when it has not run yet. */
export function currentEngine(): Engine {
  if (!current) throw new EngineError('the pinned engine is not ready: call ensureEngine() first')
  return current
}

const ENGINE_CACHE = path.join(CACHE_DIR, '..', 'engine')
const REQUIRED = ['docker.io', 'docker-cli', 'containerd', 'docker-buildx', 'docker-compose']

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 12)

/** Read and check engine.json. Throws EngineError when a required package is missing. */
export function readPin(file = PIN_FILE): EnginePin {
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as EnginePin
  for (const p of REQUIRED) if (!j.packages?.[p]) throw new EngineError(`${file}: no version pinned for ${p}`)
  if (!/^[a-z-]+$/.test(j.suite)) throw new EngineError(`${file}: bad suite ${j.suite}`)
  return j
}

function firstExisting(...paths: string[]): string | undefined {
  return paths.find((p) => fs.existsSync(p))
}

function treeKey(suite: string, pkgs: Record<string, string>): string {
  return `${suite}-${sha(Object.entries(pkgs).sort().map(([k, v]) => `${k}=${v}`).join('\n'))}`
}

function describe(dir: string, manifest: { suite: string; packages: Record<string, string>; substituted: Substitution[] }, fetched: boolean, t0: number): Engine {
  const runc = firstExisting('/usr/sbin/runc', '/usr/bin/runc')
  const init = firstExisting('/usr/bin/tini-static', '/usr/bin/docker-init')
  if (!runc) throw new EngineError('missing runc (apt-get install runc; see scripts/snippets/ci-setup.sh)')
  if (!init) throw new EngineError('missing tini-static (apt-get install tini; see scripts/snippets/ci-setup.sh)')
  const bin = path.join(dir, 'dkb-bin')
  const e: Engine = {
    dir,
    suite: manifest.suite,
    packages: manifest.packages,
    substituted: manifest.substituted,
    dockerd: path.join(dir, 'usr/sbin/dockerd'),
    docker: path.join(dir, 'usr/bin/docker'),
    dockerProxy: path.join(dir, 'usr/sbin/docker-proxy'),
    cliPlugins: path.join(dir, 'usr/libexec/docker/cli-plugins'),
    dockerInit: path.join(bin, 'docker-init'),
    runc,
    // dkb-bin first: its docker-init/runc links replace the packages' (which need a newer libc)
    path: [bin, path.join(dir, 'usr/bin'), path.join(dir, 'usr/sbin'), SAFE_PATH].join(':'),
    fetched,
    ms: Date.now() - t0,
  }
  fs.mkdirSync(bin, { recursive: true })
  for (const [name, target] of [['docker-init', init], ['runc', runc]] as const) {
    const link = path.join(bin, name)
    if (fs.existsSync(link) && fs.readlinkSync(link) === target) continue
    fs.rmSync(link, { force: true })
    fs.symlinkSync(target, link)
  }
  for (const f of [e.dockerd, e.docker, e.dockerProxy, path.join(e.cliPlugins, 'docker-buildx'), path.join(e.cliPlugins, 'docker-compose'), path.join(dir, 'usr/bin/containerd'), path.join(dir, 'usr/bin/containerd-shim-runc-v2')]) {
    if (!fs.existsSync(f)) throw new EngineError(`engine tree ${dir} lacks ${path.relative(dir, f)}; delete the folder and rerun`)
  }
  return e
}

/** apt-get/apt-cache with a private configuration under `apt` (never the system's state). */
function aptArgs(aptDir: string): string[] {
  return [
    '-o', `Dir::Etc::sourcelist=${path.join(aptDir, 'sources.list')}`,
    '-o', 'Dir::Etc::sourceparts=/dev/null',
    '-o', `Dir::Etc::preferences=${path.join(aptDir, 'preferences')}`,
    '-o', 'Dir::Etc::preferencesparts=/dev/null',
    '-o', `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
    '-o', `Dir::State::status=${path.join(aptDir, 'status')}`,
    '-o', `Dir::Cache=${path.join(aptDir, 'cache')}`,
    '-o', 'Debug::NoLocking=1',
    '-o', 'APT::Sandbox::User=root',
    '-o', 'Acquire::Languages=none',
    '-q',
  ]
}

/**
 * Make sure the pinned engine is unpacked in the cache and return where its binaries are.
 * Warm: no network, a few stat calls. Cold: `apt-get update` of the pinned suite (private lists),
 * `apt-get download` of the five packages (cached .debs are reused), `dpkg-deb -x`.
 * A pinned version missing from the archive is replaced by the suite's newest and reported via
 * `log` (loudly) and `Engine.substituted`. Throws EngineError when the packages cannot be had.
 */
export async function ensureEngine(log: (m: string) => void = () => {}, pinFile = PIN_FILE): Promise<Engine> {
  const t0 = Date.now()
  const pin = readPin(pinFile)
  const pinKey = sha(JSON.stringify({ a: pin.archive, s: pin.suite, p: pin.packages }))
  const pointer = path.join(ENGINE_CACHE, `pin-${pinKey}.json`)
  const announce = (e: Engine) => {
    for (const s of e.substituted) log(`!!! ENGINE PIN NOT AVAILABLE: ${s.pkg} ${s.pinned} is gone from Debian ${e.suite}; using ${s.used} (update scripts/snippets/engine.json)`)
    return e
  }
  try {
    // the pointer (one per pin) records the substitutions; a tree can serve several pins
    const ptr = JSON.parse(fs.readFileSync(pointer, 'utf8')) as { tree: string; substituted?: Substitution[] }
    const dir = path.join(ENGINE_CACHE, ptr.tree)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    current = announce(describe(dir, { ...manifest, substituted: ptr.substituted ?? [] }, false, t0))
    return current
  } catch (e) {
    if (e instanceof EngineError) throw e
    /* not unpacked yet */
  }

  log(`engine: fetching Debian ${pin.suite} packages (${Object.entries(pin.packages).map(([k, v]) => `${k} ${v}`).join(', ')})`)
  fs.mkdirSync(ENGINE_CACHE, { recursive: true })
  const debDir = path.join(ENGINE_CACHE, 'debs')
  fs.mkdirSync(debDir, { recursive: true })
  const debName = (p: string, v: string) => `${p}_${v.replace(/:/g, '%3a')}_amd64.deb`
  const wanted = { ...pin.packages }
  const substituted: Substitution[] = []
  const missing = Object.entries(wanted).filter(([p, v]) => !fs.existsSync(path.join(debDir, debName(p, v))))
  // a private apt state per process: concurrent first runs do not share lists or locks
  const aptDir = fs.mkdtempSync(path.join(ENGINE_CACHE, 'apt-'))
  try {
    if (missing.length) {
      for (const d of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(aptDir, d), { recursive: true })
      fs.writeFileSync(path.join(aptDir, 'status'), '')
      fs.writeFileSync(path.join(aptDir, 'preferences'), '')
      fs.writeFileSync(path.join(aptDir, 'sources.list'), `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${pin.archive} ${pin.suite} main\n`)
      const A = aptArgs(aptDir)
      const env = baseEnv({ DEBIAN_FRONTEND: 'noninteractive' })
      const upd = await run('apt-get', [...A, 'update'], { env, check: false, timeoutMs: 300_000 })
      if (upd.code !== 0) throw new EngineError(`engine: apt-get update of Debian ${pin.suite} failed (private apt config; network?):\n${upd.stderr.trim().slice(-2000)}`)
      for (const [p, v] of missing) {
        const m = await run('apt-cache', [...A, 'madison', p], { env, check: false, timeoutMs: 60_000 })
        const versions = m.stdout.split('\n').map((l) => l.split('|')[1]?.trim()).filter(Boolean) as string[]
        if (!versions.length) throw new EngineError(`engine: Debian ${pin.suite} has no package ${p}`)
        if (!versions.includes(v)) {
          // madison lists the newest first
          substituted.push({ pkg: p, pinned: v, used: versions[0] })
          wanted[p] = versions[0]
        }
      }
      const toGet = Object.entries(wanted).filter(([p, v]) => !fs.existsSync(path.join(debDir, debName(p, v))))
      if (toGet.length) {
        const dl = await run('apt-get', [...A, 'download', ...toGet.map(([p, v]) => `${p}=${v}`)], { env, cwd: debDir, check: false, timeoutMs: 600_000 })
        if (dl.code !== 0) throw new EngineError(`engine: apt-get download failed:\n${dl.stderr.trim().slice(-2000)}`)
      }
    }
    const key = treeKey(pin.suite, wanted)
    const dir = path.join(ENGINE_CACHE, key)
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      const tmp = fs.mkdtempSync(path.join(ENGINE_CACHE, `${key}.tmp-`))
      for (const [p, v] of Object.entries(wanted)) {
        const deb = path.join(debDir, debName(p, v))
        if (!fs.existsSync(deb)) throw new EngineError(`engine: ${deb} was not downloaded`)
        await run('dpkg-deb', ['-x', deb, tmp], { env: baseEnv(), timeoutMs: 300_000 })
      }
      fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify({ suite: pin.suite, archive: pin.archive, packages: wanted }, null, 2) + '\n')
      try {
        fs.renameSync(tmp, dir)
      } catch {
        // another run unpacked the same versions meanwhile: use theirs
        fs.rmSync(tmp, { recursive: true, force: true })
      }
    }
    fs.writeFileSync(pointer, JSON.stringify({ tree: key, substituted }) + '\n')
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    const e = announce(describe(dir, { ...manifest, substituted }, true, t0))
    log(`engine: unpacked into ${dir} in ${(e.ms / 1000).toFixed(1)} s`)
    current = e
    return e
  } finally {
    fs.rmSync(aptDir, { recursive: true, force: true })
  }
}

/** Versions the engine's own binaries report (what the report records). */
export async function engineVersions(e: Engine): Promise<{ cli: string; compose: string; buildx: string; containerd: string }> {
  const cfg = path.join(e.dir, 'dkb-config')
  fs.mkdirSync(path.join(cfg, 'cli-plugins'), { recursive: true })
  for (const p of ['docker-buildx', 'docker-compose']) {
    const link = path.join(cfg, 'cli-plugins', p)
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(e.cliPlugins, p), link)
  }
  const env = baseEnv({ PATH: e.path, DOCKER_HOST: 'unix:///nonexistent', DOCKER_CONFIG: cfg })
  const first = (s: string) => s.trim().split('\n')[0] ?? ''
  const [cli, compose, buildx, containerd] = await Promise.all([
    run(e.docker, ['version', '--format', '{{.Client.Version}}'], { env, check: false, timeoutMs: 20_000 }),
    run(e.docker, ['compose', 'version', '--short'], { env, check: false, timeoutMs: 20_000 }),
    run(e.docker, ['buildx', 'version'], { env, check: false, timeoutMs: 20_000 }),
    run(path.join(e.dir, 'usr/bin/containerd'), ['--version'], { env, check: false, timeoutMs: 20_000 }),
  ])
  return {
    cli: first(cli.stdout),
    compose: first(compose.stdout).replace(/^v/, ''),
    buildx: (/v?(\d+\.\d+\.\d+\S*)/.exec(buildx.stdout) ?? ['', ''])[1],
    containerd: (/\s(v?\d+\.\d+\.\d+\S*)/.exec(containerd.stdout) ?? ['', ''])[1].replace(/^v/, ''),
  }
}
