/**
 * After every page: bring the sandbox engine back to its empty baseline.
 *
 * The sandbox engine is ours alone (own socket, own data root), so "what the page created" is
 * simply everything: swarm mode is left, all containers, volumes, non-default networks, images
 * and the BuildKit cache are removed. Pages therefore start like a fresh install: the first
 * `docker run nginx` pulls `nginx` (from the local stand-in mirror) and `docker images` shows only
 * what the page itself pulled or built. If anything is left after that (or the engine is
 * unhealthy), the caller restarts the engine, which starts from an empty tmpfs.
 */
import type { Sandbox } from './sandbox'

const DEFAULT_NETWORKS = new Set(['bridge', 'host', 'none'])

export interface EngineInventory {
  containers: string[]
  volumes: string[]
  networks: string[]
  images: string[]
  swarm: string
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean)

export async function inventory(sb: Sandbox): Promise<EngineInventory> {
  const [c, v, n, i, s] = await Promise.all([
    sb.docker(['ps', '-aq', '--no-trunc'], { timeoutMs: 30_000 }),
    sb.docker(['volume', 'ls', '-q'], { timeoutMs: 30_000 }),
    sb.docker(['network', 'ls', '--format', '{{.Name}}'], { timeoutMs: 30_000 }),
    sb.docker(['images', '-aq', '--no-trunc'], { timeoutMs: 30_000 }),
    sb.docker(['info', '--format', '{{.Swarm.LocalNodeState}}'], { timeoutMs: 30_000 }),
  ])
  return {
    containers: lines(c.stdout),
    volumes: lines(v.stdout),
    networks: lines(n.stdout).filter((x) => !DEFAULT_NETWORKS.has(x)),
    images: [...new Set(lines(i.stdout))],
    swarm: s.stdout.trim(),
  }
}

export const isEmpty = (inv: EngineInventory) =>
  !inv.containers.length && !inv.volumes.length && !inv.networks.length && !inv.images.length && (inv.swarm === 'inactive' || inv.swarm === '')

/** Remove everything from the sandbox engine. Returns what was left afterwards (empty = clean). */
export async function resetEngine(sb: Sandbox): Promise<EngineInventory> {
  let inv = await inventory(sb)
  if (inv.swarm && inv.swarm !== 'inactive') await sb.docker(['swarm', 'leave', '--force'], { check: false, timeoutMs: 60_000 })
  for (let round = 0; round < 3; round++) {
    if (round > 0) inv = await inventory(sb)
    if (isEmpty(inv)) break
    if (inv.containers.length) await sb.docker(['rm', '-f', '-v', ...inv.containers], { check: false, timeoutMs: 120_000 })
    const after = round > 0 || inv.containers.length ? await inventory(sb) : inv
    if (after.volumes.length) await sb.docker(['volume', 'rm', '-f', ...after.volumes], { check: false, timeoutMs: 60_000 })
    if (after.networks.length) await sb.docker(['network', 'rm', ...after.networks], { check: false, timeoutMs: 60_000 })
    if (after.images.length) await sb.docker(['rmi', '-f', ...after.images], { check: false, timeoutMs: 120_000 })
  }
  await sb.docker(['builder', 'prune', '-af'], { check: false, timeoutMs: 60_000 })
  return inventory(sb)
}
