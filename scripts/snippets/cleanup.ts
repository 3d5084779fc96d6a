/**
 * After every page: bring the sandbox engine back to its empty baseline.
 *
 * The sandbox engine is ours alone (own socket, own data root), so "what the page created" is
 * simply everything: swarm mode is left, all containers, volumes, non-default networks, images
 * and the BuildKit cache are removed. Pages therefore start like a fresh install: the first
 * `docker run nginx` pulls `nginx` (from the local stand-in mirror) and `docker images` shows only
 * what the page itself pulled or built. If anything is left after that (or the engine is
 * unhealthy), the caller restarts the engine, which starts from an empty tmpfs.
 *
 * Everything goes through the Engine API on the sandbox socket (engine-api.ts): a reset used to
 * spawn ~25 docker CLI processes, which dominated the reset time on a loaded machine.
 */
import { api, apiJson } from './engine-api'
import type { Sandbox } from './sandbox'

const DEFAULT_NETWORKS = new Set(['bridge', 'host', 'none'])

export interface EngineInventory {
  containers: string[]
  volumes: string[]
  networks: string[]
  images: string[]
  swarm: string
}

/** What the engine holds now (ids/names); throws when the engine does not answer. */
export async function inventory(sb: Sandbox): Promise<EngineInventory> {
  const [c, v, n, i, info] = await Promise.all([
    apiJson<{ Id: string }[]>(sb.sock, '/containers/json?all=1'),
    apiJson<{ Volumes: { Name: string }[] | null }>(sb.sock, '/volumes'),
    apiJson<{ Name: string; Id: string }[]>(sb.sock, '/networks'),
    apiJson<{ Id: string }[]>(sb.sock, '/images/json?all=1'),
    apiJson<{ Swarm?: { LocalNodeState?: string } }>(sb.sock, '/info'),
  ])
  return {
    containers: c.map((x) => x.Id),
    volumes: (v.Volumes ?? []).map((x) => x.Name),
    // swarm's ingress / docker_gwbridge go away with `swarm leave`; anything else non-default is the page's
    networks: n.filter((x) => !DEFAULT_NETWORKS.has(x.Name)).map((x) => x.Name),
    images: [...new Set(i.map((x) => x.Id))],
    swarm: info.Swarm?.LocalNodeState ?? '',
  }
}

export const isEmpty = (inv: EngineInventory) =>
  !inv.containers.length && !inv.volumes.length && !inv.networks.length && !inv.images.length && (inv.swarm === 'inactive' || inv.swarm === '')

const enc = encodeURIComponent

/** Remove everything from the sandbox engine. Returns what was left afterwards (empty = clean). */
export async function resetEngine(sb: Sandbox): Promise<EngineInventory> {
  let inv = await inventory(sb)
  if (inv.swarm && inv.swarm !== 'inactive') await api(sb.sock, 'POST', '/swarm/leave?force=1', 60_000)
  for (let round = 0; round < 3; round++) {
    if (round > 0) inv = await inventory(sb)
    if (isEmpty(inv)) break
    await Promise.all(inv.containers.map((id) => api(sb.sock, 'DELETE', `/containers/${enc(id)}?force=1&v=1`, 120_000).catch(() => undefined)))
    const after = inv.containers.length ? await inventory(sb) : inv
    await Promise.all([
      ...after.volumes.map((v) => api(sb.sock, 'DELETE', `/volumes/${enc(v)}?force=1`, 60_000).catch(() => undefined)),
      ...after.networks.map((n) => api(sb.sock, 'DELETE', `/networks/${enc(n)}`, 60_000).catch(() => undefined)),
    ])
    // images one by one (parents and children share layers; parallel deletes only conflict)
    for (const id of after.images) await api(sb.sock, 'DELETE', `/images/${enc(id)}?force=1`, 120_000).catch(() => undefined)
  }
  await api(sb.sock, 'POST', '/build/prune?all=1', 60_000).catch(() => undefined)
  return inventory(sb)
}
