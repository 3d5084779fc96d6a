/**
 * A private DOCKER_CONFIG for every page: an empty config.json and `cli-plugins/` holding the
 * pinned engine's real plugins (docker-buildx, docker-compose v2; engine.ts). `docker compose` and
 * `docker buildx` are exactly what readers run.
 *
 * Why the plugins are small bash launchers and not symlinks: before it runs a plugin, the docker
 * CLI asks it for its metadata (`docker-compose docker-cli-plugin-metadata`; `docker build` asks
 * docker-buildx twice), each a full start of a 50-70 MB Go binary: measured 150-220 ms CPU
 * per probe, 0.4-0.6 s of CPU for every `docker compose …` and `docker build …` line of a page.
 * The launcher answers exactly that probe with the bytes the real plugin printed for it at
 * the start of this run, and `exec`s the real plugin (same argv[0], arguments and environment)
 * for everything else, so every command a snippet types still runs the real plugin.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { currentEngine } from './engine'

/** The plugins a page's DOCKER_CONFIG offers. */
export const CLI_PLUGINS = ['docker-buildx', 'docker-compose'] as const

/** The subcommand the docker CLI probes plugins with (docker/cli cli-plugins/manager). */
export const METADATA_SUBCOMMAND = 'docker-cli-plugin-metadata'

const metadataCache = new Map<string, string | null>()

/**
 * What `real docker-cli-plugin-metadata` prints, once per process and binary.
 * @returns the exact output, or null when the binary does not answer with a JSON object that has
 *   a SchemaVersion (then the caller links the real binary and the CLI sees whatever it does)
 */
export function pluginMetadata(real: string): string | null {
  if (metadataCache.has(real)) return metadataCache.get(real)!
  let out: string | null = null
  try {
    const s = execFileSync(real, [METADATA_SUBCOMMAND], { encoding: 'utf8', timeout: 30_000, env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'ignore'] })
    const j = JSON.parse(s) as { SchemaVersion?: unknown }
    if (j && typeof j === 'object' && typeof j.SchemaVersion === 'string') out = s
  } catch {
    /* out stays null: a plain symlink */
  }
  metadataCache.set(real, out)
  return out
}

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * The launcher script for one plugin. `bash -p` reads no $BASH_ENV/$ENV and imports no
 * functions, so nothing a snippet exports can change what it does.
 * @param real absolute path of the real plugin binary
 * @param metadata its metadata output (pluginMetadata)
 */
export function launcherScript(real: string, metadata: string): string {
  return [
    '#!/bin/bash -p',
    `# written by scripts/snippets/cli-plugins.ts: the docker CLI's metadata probe gets the answer`,
    `# ${real} gave at the start of the run; every other call is that binary itself.`,
    `if [[ $# -eq 1 && $1 == ${METADATA_SUBCOMMAND} ]]; then printf '%s' ${q(metadata)}; exit 0; fi`,
    `exec -a "$0" ${q(real)} "$@"`,
    '',
  ].join('\n')
}

/**
 * Fill `dir` (a DOCKER_CONFIG's `cli-plugins/`) with the engine's plugins: launchers, or links
 * to the real binaries when their metadata could not be read.
 * @param realDir the folder holding the real plugins (default: the current engine's)
 */
export function installCliPlugins(dir: string, realDir: string = currentEngine().cliPlugins): void {
  fs.mkdirSync(dir, { recursive: true })
  for (const p of CLI_PLUGINS) {
    const target = path.join(dir, p)
    const real = path.join(realDir, p)
    fs.rmSync(target, { force: true })
    const meta = pluginMetadata(real)
    if (meta === null) fs.symlinkSync(real, target)
    else fs.writeFileSync(target, launcherScript(real, meta), { mode: 0o755 })
  }
}

/**
 * Create `dir` as a fresh DOCKER_CONFIG (config.json + cli-plugins).
 * Throws when the engine has not been prepared (ensureEngine) in this process.
 */
export function writeDockerConfig(dir: string): void {
  installCliPlugins(path.join(dir, 'cli-plugins'))
  fs.writeFileSync(path.join(dir, 'config.json'), '{}\n')
}
