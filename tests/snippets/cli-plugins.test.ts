/**
 * The page's CLI plugins (scripts/snippets/cli-plugins.ts): the pinned docker CLI runs the real
 * plugin for every command a snippet types, and its metadata probe is answered without starting
 * the plugin binary. Stand-in plugins log each start, so the test sees what the CLI executed.
 * Needs the engine cache (engine.test.ts downloads it).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { installCliPlugins, launcherScript, METADATA_SUBCOMMAND, pluginMetadata } from '../../scripts/snippets/cli-plugins'
import { ensureEngine } from '../../scripts/snippets/engine'

/** A stand-in plugin that appends its arguments to `log` and answers the metadata probe like a real one. */
function fakePlugin(dir: string, name: string, log: string, version: string): void {
  const meta = JSON.stringify({ SchemaVersion: '0.1.0', Vendor: 'Test\'s "Vendor"', Version: version, ShortDescription: `fake ${name}` }, null, 5)
  fs.writeFileSync(
    path.join(dir, name),
    `#!/bin/bash\nprintf '%s|%s\\n' "$0" "$*" >> '${log}'\n` +
      `if [[ $1 == ${METADATA_SUBCOMMAND} ]]; then cat <<'EOF'\n${meta}\nEOF\nexit 0; fi\necho "ran ${name}: $*"\n`,
    { mode: 0o755 },
  )
}

describe('page CLI plugins', () => {
  it('docker compose / docker build start the real plugin once each, with no metadata probe of it', async () => {
    const e = await ensureEngine()
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-plugins-'))
    const real = path.join(tmp, 'real')
    fs.mkdirSync(real)
    const log = path.join(tmp, 'log')
    fakePlugin(real, 'docker-compose', log, '2.99.0')
    fakePlugin(real, 'docker-buildx', log, '0.99.0')
    const cfg = path.join(tmp, 'config')
    installCliPlugins(path.join(cfg, 'cli-plugins'), real)
    fs.writeFileSync(path.join(cfg, 'config.json'), '{}\n')
    // the probes that built the launchers are the only metadata calls
    const probes = fs.readFileSync(log, 'utf8')
    expect(probes.split('\n').filter(Boolean).every((l) => l.endsWith(`|${METADATA_SUBCOMMAND}`))).toBe(true)
    fs.writeFileSync(log, '')
    const env = { PATH: e.path, DOCKER_CONFIG: cfg, DOCKER_HOST: 'unix:///nonexistent', HOME: tmp }
    const docker = (...args: string[]) => execFileSync(e.docker, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(docker('compose', 'up', '-d')).toBe('ran docker-compose: compose up -d\n')
    expect(docker('build', '.')).toBe('ran docker-buildx: buildx build .\n')
    // `docker info` lists the plugins from the probe's answer
    const info = (() => { try { return docker('info') } catch (err) { return String((err as { stdout?: string }).stdout) } })()
    expect(info).toMatch(/compose: fake docker-compose \(Test's "Vendor"\)\n\s+Version:\s+2\.99\.0/)
    expect(info).toMatch(/buildx: fake docker-buildx \(Test's "Vendor"\)\n\s+Version:\s+0\.99\.0/)
    // each command started its plugin exactly once (a script sees its own path as $0, not argv[0])
    const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
    expect(lines).toEqual([`${path.join(real, 'docker-compose')}|compose up -d`, `${path.join(real, 'docker-buildx')}|buildx build .`])
    fs.rmSync(tmp, { recursive: true, force: true })
  }, 120_000)

  it('a plugin that gives no metadata is linked as it is, so the CLI reports its fault', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-plugins-'))
    const real = path.join(tmp, 'real')
    fs.mkdirSync(real)
    for (const p of ['docker-compose', 'docker-buildx']) fs.writeFileSync(path.join(real, p), '#!/bin/sh\necho not json\n', { mode: 0o755 })
    expect(pluginMetadata(path.join(real, 'docker-compose'))).toBeNull()
    installCliPlugins(path.join(tmp, 'p'), real)
    expect(fs.readlinkSync(path.join(tmp, 'p', 'docker-compose'))).toBe(path.join(real, 'docker-compose'))
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('the launcher prints the metadata byte for byte, quotes and all, and passes other calls on', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-plugins-'))
    const meta = `{\n "SchemaVersion": "0.1.0", "Vendor": "it's $HOME \`x\` \\\\"\n}\n`
    const real = path.join(tmp, 'real plugin')
    fs.writeFileSync(real, '#!/bin/sh\nprintf "%s|" "$0" "$@"\n', { mode: 0o755 })
    const l = path.join(tmp, 'docker-x')
    fs.writeFileSync(l, launcherScript(real, meta), { mode: 0o755 })
    expect(execFileSync(l, [METADATA_SUBCOMMAND], { encoding: 'utf8' })).toBe(meta)
    // the metadata word with more arguments is an ordinary call
    expect(execFileSync(l, [METADATA_SUBCOMMAND, 'a b'], { encoding: 'utf8' })).toBe(`${real}|${METADATA_SUBCOMMAND}|a b|`)
    fs.rmSync(tmp, { recursive: true, force: true })
  })
})
