/**
 * Build the stand-in images once, cache them, and seed the local registry the sandboxes mirror.
 *
 * Cache (CACHE_DIR, default ~/.cache/docker-kb/standins):
 *   images/<name>-<hash>.tar    `docker save` of each stand-in, keyed by its recipe hash
 *                               (recipe text + content hashes of every input file + parent hash)
 *   rootfs/<name>-<hash>.tar    mmdebstrap output (the slow part, ~25 s)
 *   debs/                       downloaded .deb files (mmdebstrap and the derived images share it)
 *   npm/                        `npm pack` tarballs (node, npm)
 *   registry/                   registry storage seeded with every stand-in; seeded.json holds
 *                               the combined hash it was seeded for
 *
 * Warm run: seeded.json matches -> nothing to do (no daemon needed). Otherwise a builder sandbox
 * loads cached tarballs or builds what is missing, and pushes everything (unchanged layers are
 * not uploaded again).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CACHE_DIR, REGISTRY_PORT, baseEnv } from '../config'
import { run } from '../proc'
import { Sandbox } from '../sandbox'
import type { RunState } from '../state'
import { RECIPES, RECIPE_VERSION, type Recipe } from '../../../core/standins/recipes'

const HERE = path.dirname(fileURLToPath(import.meta.url))
/** where Debian's mmdebstrap package installs its hook directories (RootfsSpec.hooks) */
const MMDEBSTRAP_HOOKS = '/usr/share/mmdebstrap/hooks'

export interface StandinsResult {
  registryRoot: string
  hash: string
  built: string[]
  loaded: string[]
  seeded: boolean
  ms: number
}

const dirs = {
  images: path.join(CACHE_DIR, 'images'),
  rootfs: path.join(CACHE_DIR, 'rootfs'),
  debs: path.join(CACHE_DIR, 'debs'),
  npm: path.join(CACHE_DIR, 'npm'),
  registry: path.join(CACHE_DIR, 'registry'),
}

const sha256 = (b: string | Buffer) => crypto.createHash('sha256').update(b).digest('hex')

function sourcePath(src: string): string {
  return path.isAbsolute(src) ? src : path.join(HERE, src)
}

const fileHashes = new Map<string, string>()
function hashFile(p: string): string {
  let h = fileHashes.get(p)
  if (!h) {
    if (!fs.existsSync(p)) throw new Error(`stand-in input missing: ${p} (run scripts/snippets/ci-setup.sh)`)
    h = sha256(fs.readFileSync(p))
    fileHashes.set(p, h)
  }
  return h
}

const byName = new Map(RECIPES.map((r) => [r.name, r]))

export function recipeHash(r: Recipe, memo = new Map<string, string>()): string {
  const hit = memo.get(r.name)
  if (hit) return hit
  const files: Record<string, string> = {}
  for (const [ctx, src] of Object.entries(r.files ?? {})) files[ctx] = hashFile(sourcePath(src))
  const parent = r.parent ? recipeHash(byName.get(r.parent)!, memo) : ''
  const h = sha256(JSON.stringify({ v: RECIPE_VERSION, r: { ...r, note: undefined, files }, parent })).slice(0, 16)
  memo.set(r.name, h)
  return h
}

export function rootfsHash(r: Recipe): string {
  return sha256(JSON.stringify({ v: RECIPE_VERSION, rootfs: r.rootfs })).slice(0, 16)
}

/** Combined hash of all recipes: what the seeded registry must match. */
export function standinsHash(): string {
  const memo = new Map<string, string>()
  return sha256(RECIPES.map((r) => `${r.name}:${recipeHash(r, memo)}`).join('\n')).slice(0, 16)
}

export const shortRef = (r: Recipe, tag = r.tags[0]) => `${r.repo.replace(/^library\//, '')}:${tag}`

interface SeededRecord {
  hash: string
  date: string
  images: { repo: string; tags: string[]; hash: string }[]
}

function readSeeded(): SeededRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dirs.registry, 'seeded.json'), 'utf8'))
  } catch {
    return undefined
  }
}

function isSeeded(hash: string): boolean {
  return readSeeded()?.hash === hash
}

/** Limit concurrent heavy steps (2 cores). */
class Gate {
  private active = 0
  private queue: (() => void)[] = []
  constructor(private max: number) {}
  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.queue.push(r))
    this.active++
    try {
      return await fn()
    } finally {
      this.active--
      this.queue.shift()?.()
    }
  }
}

export async function ensureStandins(state: RunState, log: (m: string) => void, opts: { force?: boolean } = {}): Promise<StandinsResult> {
  const t0 = Date.now()
  const hash = standinsHash()
  const res: StandinsResult = { registryRoot: dirs.registry, hash, built: [], loaded: [], seeded: false, ms: 0 }
  if (!opts.force && isSeeded(hash)) {
    res.ms = Date.now() - t0
    return res
  }
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true })
  fs.mkdirSync(path.join(dirs.debs, 'partial'), { recursive: true })
  log(`stand-ins: seeding registry ${dirs.registry} (hash ${hash})`)
  const sb = new Sandbox(state, 'b', { registryRoot: dirs.registry, registryWritable: true, log })
  const gate = new Gate(2)
  try {
    await sb.start()
    const memo = new Map<string, string>()
    const done = new Map<string, Promise<void>>()
    const buildOne = (r: Recipe): Promise<void> => {
      let p = done.get(r.name)
      if (p) return p
      p = (async () => {
        const h = recipeHash(r, memo)
        const tar = path.join(dirs.images, `${r.name}-${h}.tar`)
        // independent slow preparation (mmdebstrap, npm pack) starts before the parent is ready
        const rootfsTar = r.rootfs ? gate.use(() => ensureRootfs(r, log)) : undefined
        const npmReady = fs.existsSync(tar) ? undefined : prefetchNpm(r, log)
        if (r.parent) await buildOne(byName.get(r.parent)!)
        if (fs.existsSync(tar)) {
          await gate.use(() => sb.docker(['load', '-q', '-i', tar], { timeoutMs: 300_000 }))
          res.loaded.push(r.name)
          return
        }
        const tb = Date.now()
        if (r.rootfs) {
          const rf = await rootfsTar!
          const changes = r.rootfs.changes.flatMap((c) => ['--change', c])
          await gate.use(() => sb.docker(['import', ...changes, rf, shortRef(r)], { timeoutMs: 300_000 }))
        } else {
          await npmReady
          await gate.use(() => buildImage(sb, state, r, log))
        }
        for (const t of r.tags.slice(1)) await sb.docker(['tag', shortRef(r), shortRef(r, t)])
        const partialTar = `${tar}.${process.pid}.partial`
        await gate.use(() => sb.docker(['save', '-o', partialTar, ...r.tags.map((t) => shortRef(r, t))], { timeoutMs: 300_000 }))
        fs.renameSync(partialTar, tar)
        res.built.push(r.name)
        log(`stand-ins: built ${r.name} in ${((Date.now() - tb) / 1000).toFixed(1)} s`)
      })()
      done.set(r.name, p)
      return p
    }
    // only images whose recipe changed since the registry was seeded need to be (re)pushed;
    // their parents are loaded on demand by buildOne
    const prev = opts.force ? undefined : readSeeded()
    const upToDate = (r: Recipe) => prev?.images.some((i) => i.repo === r.repo && i.hash === recipeHash(r, memo) && r.tags.every((t) => i.tags.includes(t)))
    const todo = RECIPES.filter((r) => !upToDate(r))
    log(`stand-ins: ${todo.length} of ${RECIPES.length} images to (re)build or load and push: ${todo.map((r) => r.name).join(', ')}`)
    const results = await Promise.allSettled(todo.map(buildOne))
    const failed = results.find((x) => x.status === 'rejected') as PromiseRejectedResult | undefined
    if (failed) throw failed.reason

    // seed: push every tag under its docker.io repository name
    const tp = Date.now()
    await Promise.all(
      todo.map((r) =>
        gate.use(async () => {
          for (const t of r.tags) {
            const target = `127.0.0.1:${REGISTRY_PORT}/${r.repo}:${t}`
            await sb.docker(['tag', shortRef(r, t), target])
            await sb.docker(['push', '-q', target], { timeoutMs: 600_000 })
          }
        }),
      ),
    )
    log(`stand-ins: pushed ${todo.length} images in ${((Date.now() - tp) / 1000).toFixed(1)} s`)
    fs.writeFileSync(
      path.join(dirs.registry, 'seeded.json'),
      JSON.stringify({ hash, date: new Date().toISOString(), images: RECIPES.map((r) => ({ repo: r.repo, tags: r.tags, hash: recipeHash(r, memo) })) }, null, 2),
    )
    res.seeded = true
    pruneCache(memo)
  } finally {
    await sb.stop()
  }
  res.ms = Date.now() - t0
  return res
}

/** Remove cached image tarballs that no current recipe uses. */
function pruneCache(memo: Map<string, string>): void {
  const keep = new Set(RECIPES.map((r) => `${r.name}-${recipeHash(r, memo)}.tar`))
  for (const f of fs.readdirSync(dirs.images)) if (!keep.has(f) && !f.endsWith('.partial')) fs.rmSync(path.join(dirs.images, f), { force: true })
  const keepRootfs = new Set(RECIPES.filter((r) => r.rootfs).map((r) => `${r.name}-${rootfsHash(r)}.tar`))
  for (const f of fs.readdirSync(dirs.rootfs)) if (!keepRootfs.has(f) && !f.includes('.partial')) fs.rmSync(path.join(dirs.rootfs, f), { recursive: true, force: true })
}

async function ensureRootfs(r: Recipe, log: (m: string) => void): Promise<string> {
  const out = path.join(dirs.rootfs, `${r.name}-${rootfsHash(r)}.tar`)
  if (fs.existsSync(out)) return out
  const spec = r.rootfs!
  const t0 = Date.now()
  const partial = out.replace(/\.tar$/, `.${process.pid}.partial.tar`)
  const args = [
    `--variant=${spec.variant}`,
    '--quiet',
    ...spec.dpkgopts.map((o) => `--dpkgopt=${o}`),
    ...(spec.hooks ?? []).map((h) => `--hook-dir=${MMDEBSTRAP_HOOKS}/${h}`),
    '--setup-hook=mkdir -p "$1"/var/cache/apt/archives/',
    `--setup-hook=sync-in ${dirs.debs} /var/cache/apt/archives/`,
    `--customize-hook=sync-out /var/cache/apt/archives ${dirs.debs}`,
    '--skip=download/empty',
    spec.suite,
    partial,
    ...spec.sources,
  ]
  // mmdebstrap picks the output format from the file name: keep the .tar suffix
  fs.rmSync(partial, { recursive: true, force: true })
  await run('mmdebstrap', args, { env: baseEnv(), timeoutMs: 900_000 })
  fs.renameSync(partial, out)
  log(`stand-ins: mmdebstrap ${r.name} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return out
}

async function prefetchNpm(r: Recipe, log: (m: string) => void): Promise<void> {
  for (const n of r.npm ?? []) {
    const file = path.join(dirs.npm, n.spec.replace(/[@/]/g, '_') + '.tgz')
    if (fs.existsSync(file)) continue
    const tmp = fs.mkdtempSync(path.join(dirs.npm, 'tmp-'))
    try {
      const res = await run('npm', ['pack', n.spec, '--silent', '--pack-destination', tmp], { env: { ...process.env, npm_config_update_notifier: 'false' }, timeoutMs: 600_000 })
      const name = res.stdout.trim().split('\n').pop()!
      fs.renameSync(path.join(tmp, name), file)
      log(`stand-ins: fetched ${n.spec}`)
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  }
}

/** The Debian root filesystem tarball an apt-based recipe ultimately derives from. */
function rootfsOf(r: Recipe): Recipe {
  let cur: Recipe | undefined = r
  while (cur && !cur.rootfs) cur = cur.parent ? byName.get(cur.parent) : undefined
  if (!cur) throw new Error(`stand-in ${r.name}: apt packages need a Debian parent`)
  return cur
}

/** Download the closure of `pkgs` missing from the rootfs; return the .deb paths. */
async function fetchDebs(r: Recipe, log: (m: string) => void): Promise<string[]> {
  const base = rootfsOf(r)
  const tar = path.join(dirs.rootfs, `${base.name}-${rootfsHash(base)}.tar`)
  const status = path.join(dirs.debs, `status-${rootfsHash(base)}`)
  if (!fs.existsSync(status)) {
    const st = await run('tar', ['-xOf', tar, './var/lib/dpkg/status'], { env: baseEnv(), timeoutMs: 120_000 })
    fs.writeFileSync(status, st.stdout)
  }
  const aptOpts = ['-o', `Dir::State::status=${status}`, '-o', `Dir::Cache::archives=${dirs.debs}`, '-o', 'Debug::NoLocking=1', '-o', 'APT::Sandbox::User=root']
  const sim = await run('apt-get', ['install', '-s', '-q', '--no-install-recommends', ...aptOpts, ...r.apt!], { env: baseEnv(), timeoutMs: 120_000 })
  const pkgs: string[] = []
  for (const line of sim.stdout.split('\n')) {
    const m = /^Inst (\S+) (?:\[[^\]]*\] )?\((\S+) .*\[(\S+)\]\)/.exec(line)
    if (m) pkgs.push(`${m[1].replace(/:.*/, '')}_${m[2].replace(/:/g, '%3a')}_${m[3]}.deb`)
  }
  if (!pkgs.length) throw new Error(`stand-in ${r.name}: apt found nothing to install for ${r.apt!.join(' ')}:\n${sim.stdout}${sim.stderr}`)
  const missing = () => pkgs.filter((p) => !fs.existsSync(path.join(dirs.debs, p)))
  for (let attempt = 0; attempt < 2 && missing().length; attempt++) {
    const dl = await run('apt-get', ['install', '-d', '-y', '-q', '--no-install-recommends', ...aptOpts, ...r.apt!], { env: baseEnv(), timeoutMs: 600_000, check: false })
    if (missing().length && attempt === 0) {
      log(`stand-ins: apt download for ${r.name} incomplete (${dl.stderr.trim().split('\n').pop()}); running apt-get update`)
      await run('apt-get', ['update', '-q'], { env: baseEnv(), timeoutMs: 600_000, check: false })
    }
  }
  const still = missing()
  if (still.length) throw new Error(`stand-in ${r.name}: could not download ${still.join(', ')}`)
  return pkgs.map((p) => path.join(dirs.debs, p))
}

async function buildImage(sb: Sandbox, state: RunState, r: Recipe, log: (m: string) => void): Promise<void> {
  const ctx = path.join(state.dir, 'build', r.name)
  fs.rmSync(ctx, { recursive: true, force: true })
  fs.mkdirSync(ctx, { recursive: true })
  for (const [dest, src] of Object.entries(r.files ?? {})) {
    const to = path.join(ctx, dest)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.copyFileSync(sourcePath(src), to)
    fs.chmodSync(to, fs.statSync(sourcePath(src)).mode & 0o777)
  }
  for (const n of r.npm ?? []) {
    const file = path.join(dirs.npm, n.spec.replace(/[@/]/g, '_') + '.tgz')
    const to = path.join(ctx, n.to)
    fs.mkdirSync(to, { recursive: true })
    await run('tar', ['-xzf', file, '-C', to, '--strip-components=1', '--no-same-owner', ...n.members], { env: baseEnv(), timeoutMs: 300_000 })
  }
  const parentRef = r.parent ? shortRef(byName.get(r.parent)!) : ''
  let dockerfile = (r.dockerfile ?? '').replace(/@parent\b/g, parentRef)
  let stageRef = ''
  if (r.apt) {
    const debs = await fetchDebs(r, log)
    const debDir = path.join(ctx, '..', `${r.name}-debs`)
    fs.rmSync(debDir, { recursive: true, force: true })
    fs.mkdirSync(debDir, { recursive: true })
    for (const d of debs) fs.copyFileSync(d, path.join(debDir, path.basename(d)))
    const script = [
      'set -e',
      'printf "#!/bin/sh\\nexit 101\\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d',
      'apt-get install -y -q --no-install-recommends /var/cache/dkb-debs/*.deb',
      'rm -f /usr/sbin/policy-rc.d',
      r.aptPost ?? ':',
      'rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/debconf/*-old /var/log/dpkg.log /var/log/apt/* /var/log/alternatives.log /tmp/*',
    ].join('\n')
    const cname = `dkb-stage-${r.name}`
    stageRef = `dkb-stage/${r.name}:latest`
    await sb.docker(['rm', '-f', cname], { check: false })
    await sb.docker(['run', '--name', cname, '--network', 'none', '-e', 'DEBIAN_FRONTEND=noninteractive', '-v', `${debDir}:/var/cache/dkb-debs:ro`, parentRef, 'sh', '-c', script], { timeoutMs: 600_000 })
    await sb.docker(['commit', cname, stageRef], { timeoutMs: 300_000 })
    await sb.docker(['rm', '-f', cname])
    fs.rmSync(debDir, { recursive: true, force: true })
    dockerfile = dockerfile.replace(/@stage\b/g, stageRef)
  }
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), dockerfile)
  // the legacy builder: the stand-ins' Dockerfiles only COPY/RUN on local images, and it needs
  // no BuildKit state in the seeding engine
  await sb.docker(['build', '-q', '-t', shortRef(r), ctx], { env: { DOCKER_BUILDKIT: '0' }, timeoutMs: 600_000 })
  if (stageRef) await sb.docker(['rmi', stageRef], { check: false })
  fs.rmSync(ctx, { recursive: true, force: true })
}
