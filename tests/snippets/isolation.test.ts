/**
 * The runner must never touch the reader's own Docker. A second "user" dockerd (own socket, own
 * netns, own data root) stands for it; the runner gets DOCKER_HOST and a DOCKER_CONFIG context
 * pointing at that daemon, and runs a page that wipes everything it can reach
 * (`docker system prune -af --volumes`, `docker rm -f $(docker ps -aq)`, the same through
 * /var/run/docker.sock). The user's container, volume, network and image must all survive.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, runCli, settledLeftovers, testStateDir, total } from './helpers'
import { ensureEngine, type Engine } from '../../scripts/snippets/engine'

const STATE = testStateDir('isolation')
const USER = `/tmp/dkbuser-${process.pid}`
const NETNS = `dkbuser${process.pid}`
const SOCK = `${USER}/docker.sock`
let daemon: ChildProcess | undefined
// the "reader's" Docker: the pinned engine's binaries (a fresh CI machine has no other Docker)
let eng: Engine
const userEnv = () => ({ PATH: eng.path, DOCKER_HOST: `unix://${SOCK}`, DOCKER_CONFIG: `${USER}/cli` })

function userDocker(...args: string[]): string {
  const r = spawnSync(eng.docker, args, { env: userEnv(), encoding: 'utf8', timeout: 120_000 })
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

function sh(cmd: string) {
  const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`)
  return r.stdout
}

beforeAll(async () => {
  eng = await ensureEngine()
  fs.rmSync(USER, { recursive: true, force: true })
  for (const d of ['data', 'exec', 'cli', 'rootfs/bin']) fs.mkdirSync(path.join(USER, d), { recursive: true })
  sh(`ip netns add ${NETNS} && ip -n ${NETNS} link set lo up`)
  // the "reader's" daemon: a plain dockerd on disk (own mount and PID namespace only so the test
  // cannot leave anything behind; it does not use any of the runner's code)
  daemon = spawn('setpriv', ['--pdeathsig', 'KILL', '--', 'nsenter', `--net=/run/netns/${NETNS}`, '--',
    'unshare', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'slave', '--mount-proc', '--',
    eng.dockerd, '-H', `unix://${SOCK}`, '--data-root', `${USER}/data`, '--exec-root', `${USER}/exec`,
    '--pidfile', `${USER}/docker.pid`, '--cgroup-parent', NETNS], { env: { ...process.env, PATH: eng.path }, stdio: ['ignore', fs.openSync(`${USER}/dockerd.log`, 'a'), fs.openSync(`${USER}/dockerd.log`, 'a')] })
  for (let i = 0; i < 300; i++) {
    if (spawnSync(eng.docker, ['version'], { env: userEnv() }).status === 0) break
    await new Promise((r) => setTimeout(r, 100))
  }
  // a context in the user's config pointing at it, too
  userDocker('context', 'create', 'reader', '--docker', `host=unix://${SOCK}`)
  userDocker('context', 'use', 'reader')
  // objects the reader owns: image, container (running and stopped), volume, network
  fs.copyFileSync('/bin/busybox', path.join(USER, 'rootfs/bin/busybox'))
  sh(`tar -C ${USER}/rootfs -c . | DOCKER_HOST=unix://${SOCK} ${eng.docker} import - reader/base:1`)
  userDocker('volume', 'create', 'reader-vol')
  userDocker('network', 'create', 'reader-net')
  userDocker('run', '-d', '--name', 'reader-box', '--network', 'reader-net', '-v', 'reader-vol:/data', 'reader/base:1', '/bin/busybox', 'sleep', '1000')
  userDocker('create', '--name', 'reader-stopped', 'reader/base:1', '/bin/busybox', 'true')
}, 120_000)

afterAll(async () => {
  if (daemon?.pid) {
    try { userDocker('rm', '-f', 'reader-box', 'reader-stopped') } catch { /* best effort */ }
    daemon.kill('SIGKILL')
    await new Promise((r) => setTimeout(r, 1000))
  }
  spawnSync('ip', ['netns', 'del', NETNS])
  spawnSync('sh', ['-c', `for d in $(find /sys/fs/cgroup -maxdepth 5 -type d -name '${NETNS}*' | sort -r); do find "$d" -depth -type d -exec rmdir {} + 2>/dev/null; done`])
  spawnSync('sh', ['-c', `grep -o ' ${USER}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`])
  fs.rmSync(USER, { recursive: true, force: true })
  expect(total(await settledLeftovers(STATE))).toBe(0)
})

describe('isolation from the reader\'s daemon', () => {
  it('a page that wipes everything only wipes the sandbox', async () => {
    const before = {
      containers: userDocker('ps', '-a', '--format', '{{.Names}} {{.State}}').split('\n').sort(),
      volumes: userDocker('volume', 'ls', '-q'),
      networks: userDocker('network', 'ls', '--format', '{{.Name}}').split('\n').sort(),
      images: userDocker('images', '--format', '{{.Repository}}:{{.Tag}}'),
    }
    expect(before.containers).toEqual(['reader-box running', 'reader-stopped created'])

    const r = await runCli(['--page', `${FIXTURES}/destructive.md`], {
      SNIPPETS_STATE_DIR: STATE,
      DOCKER_HOST: `unix://${SOCK}`,
      DOCKER_CONFIG: `${USER}/cli`,
      DOCKER_CONTEXT: 'reader',
    })
    expect(r.out.trimEnd().split('\n').pop(), r.out).toBe('6 passed, 0 failed, 0 skipped') // 3 snippets on each image store
    expect(r.code).toBe(0)

    expect(userDocker('ps', '-a', '--format', '{{.Names}} {{.State}}').split('\n').sort()).toEqual(before.containers)
    expect(userDocker('volume', 'ls', '-q')).toBe(before.volumes)
    expect(userDocker('network', 'ls', '--format', '{{.Name}}').split('\n').sort()).toEqual(before.networks)
    expect(userDocker('images', '--format', '{{.Repository}}:{{.Tag}}')).toBe(before.images)
    expect(before.volumes).toBe('reader-vol')
    expect(before.networks).toContain('reader-net')
    expect(before.images).toBe('reader/base:1')
  })
})
