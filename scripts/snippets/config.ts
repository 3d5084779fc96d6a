/** Where the snippet runner keeps things, and which binaries it uses. All overridable by env. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Live state of runs (sandboxes, page work dirs, pid files). Swept at start when its owner died. */
export const DEFAULT_STATE_ROOT = '/tmp/dkb-snippets'
export const STATE_ROOT = process.env.SNIPPETS_STATE_DIR || DEFAULT_STATE_ROOT

/** Stand-in image cache (docker save tarballs, rootfs tarballs, debs, the seeded registry). */
export const CACHE_DIR = process.env.SNIPPETS_CACHE_DIR || path.join(os.homedir(), '.cache/docker-kb/standins')

/** Port of the local registry (docker.io mirror) inside every sandbox network namespace. */
export const REGISTRY_PORT = Number(process.env.SNIPPETS_REGISTRY_PORT || 45000)

/** SNIPPETS_REAL_IMAGES=1: a real registry is reachable; use real images, skip the stand-ins. */
export const REAL_IMAGES = process.env.SNIPPETS_REAL_IMAGES === '1'

function firstExisting(...paths: string[]): string {
  return paths.find((p) => fs.existsSync(p)) ?? paths[paths.length - 1]
}

// The Docker binaries (dockerd, docker, containerd, buildx, compose) are not the system's: see
// engine.ts, which unpacks the versions pinned in engine.json into the cache (`currentEngine()`).
export const DOCKER_REGISTRY = firstExisting('/usr/bin/docker-registry')

/** The two image stores every page runs on (see docs/contribute/snippets.md). */
export const LANES = ['containerd', 'overlay2'] as const
export type Lane = (typeof LANES)[number]

/** Minimal PATH for snippets and helper commands. */
export const SAFE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** Environment for helper commands the runner itself starts (never the user's DOCKER_*). */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: SAFE_PATH,
    HOME: process.env.HOME || '/root',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    ...extra,
  }
}
