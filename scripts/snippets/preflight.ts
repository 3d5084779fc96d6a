/** Refuse to run, with a clear message, when the machine cannot host sandbox engines. */
import fs from 'node:fs'
import { DOCKER_REGISTRY, REAL_IMAGES, baseEnv } from './config'
import { run } from './proc'

export class PreflightError extends Error {}

export async function preflight(): Promise<void> {
  const problems: string[] = []
  if (process.platform !== 'linux') problems.push('the snippet runner needs Linux (network and mount namespaces)')
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    problems.push('the snippet runner must run as root: it creates network namespaces and starts its own dockerd (try: sudo npm run test:snippets)')
  }
  // the engine itself (dockerd, CLI, containerd, buildx, Compose) comes from engine.ts; it only
  // needs these host packages next to it
  const need: [string, string][] = [
    [DOCKER_REGISTRY, 'docker-registry (apt-get install docker-registry)'],
    ['/usr/bin/tini-static', 'tini-static, the sandbox engines\' docker-init (apt-get install tini)'],
  ]
  if (!['/usr/sbin/runc', '/usr/bin/runc'].some((p) => fs.existsSync(p))) problems.push('missing runc (apt-get install runc)')
  for (const p of ['/usr/sbin/iptables', '/sbin/iptables']) if (fs.existsSync(p)) need.push([p, 'iptables'])
  if (!['/usr/sbin/iptables', '/sbin/iptables'].some((p) => fs.existsSync(p))) problems.push('missing iptables (apt-get install iptables)')
  for (const tool of ['apt-get', 'dpkg-deb']) {
    const r = await run('sh', ['-c', `command -v ${tool}`], { env: baseEnv(), check: false, timeoutMs: 5_000 })
    if (r.code !== 0) problems.push(`missing ${tool}: the pinned engine is fetched from the Debian archive (engine.ts)`)
  }
  for (const [p, what] of need) if (!fs.existsSync(p)) problems.push(`missing ${what}: ${p}`)
  for (const tool of ['ip', 'nsenter', 'unshare', 'setpriv', 'mount', 'umount', 'bash']) {
    const r = await run('sh', ['-c', `command -v ${tool}`], { env: baseEnv(), check: false, timeoutMs: 5_000 })
    if (r.code !== 0) problems.push(`missing ${tool} (apt-get install iproute2 util-linux mount bash)`)
  }
  if (!REAL_IMAGES) {
    for (const tool of ['mmdebstrap', 'apt-get', 'npm']) {
      const r = await run('sh', ['-c', `command -v ${tool}`], { env: baseEnv({ PATH: `${process.env.PATH}:${baseEnv().PATH}` }), check: false, timeoutMs: 5_000 })
      if (r.code !== 0) problems.push(`missing ${tool} (needed to build stand-in images; see scripts/snippets/ci-setup.sh)`)
    }
    if (!fs.existsSync('/bin/busybox')) problems.push('missing /bin/busybox (apt-get install busybox-static)')
  }
  if (!problems.length) {
    // can we actually create a network namespace?
    const name = `dkbpf-${process.pid}`
    const r = await run('ip', ['netns', 'add', name], { env: baseEnv(), check: false, timeoutMs: 10_000 })
    if (r.code !== 0) problems.push(`cannot create a network namespace (ip netns add): ${r.stderr.trim()}`)
    else await run('ip', ['netns', 'del', name], { env: baseEnv(), check: false, timeoutMs: 10_000 })
  }
  if (problems.length) throw new PreflightError(`snippet runner cannot run here:\n  - ${problems.join('\n  - ')}`)
}
