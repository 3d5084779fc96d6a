/**
 * A private DOCKER_CONFIG for every page: an empty config.json and `cli-plugins/` holding links to
 * the pinned engine's real plugins (docker-buildx, docker-compose v2; engine.ts). No adapters:
 * `docker compose` and `docker buildx` are exactly what readers run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { currentEngine } from './engine'

/**
 * Create `dir` as a fresh DOCKER_CONFIG (config.json + cli-plugins links).
 * Throws when the engine has not been prepared (ensureEngine) in this process.
 */
export function writeDockerConfig(dir: string): void {
  const plugins = path.join(dir, 'cli-plugins')
  fs.mkdirSync(plugins, { recursive: true })
  fs.writeFileSync(path.join(dir, 'config.json'), '{}\n')
  for (const p of ['docker-buildx', 'docker-compose']) {
    const link = path.join(plugins, p)
    fs.rmSync(link, { force: true })
    fs.symlinkSync(path.join(currentEngine().cliPlugins, p), link)
  }
}
