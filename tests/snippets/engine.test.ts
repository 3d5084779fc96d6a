/**
 * The pinned engine (engine.ts): the pin file is checked, the harness's docker/dockerd/plugins are
 * the unpacked Debian packages (never a host Docker) and report the pinned versions.
 * Needs the engine cache or network access to deb.debian.org (a first run downloads it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EngineError, engineVersions, ensureEngine, readPin } from '../../scripts/snippets/engine'

describe('pinned engine', () => {
  it('refuses a pin file without one of the five packages', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dkb-pin-')), 'engine.json')
    const pin = readPin()
    delete (pin.packages as Record<string, string>)['docker-compose']
    fs.writeFileSync(f, JSON.stringify(pin))
    expect(() => readPin(f)).toThrow(EngineError)
    expect(() => readPin(f)).toThrow(/no version pinned for docker-compose/)
  })

  it('pins Engine >= 28 and Compose v2 from one Debian suite', () => {
    const pin = readPin()
    expect(Number(pin.packages['docker.io'].split('.')[0])).toBeGreaterThanOrEqual(28)
    expect(pin.packages['docker-cli']).toBe(pin.packages['docker.io'])
    expect(pin.packages['docker-compose']).toMatch(/^2\./)
  })

  it('uses only the unpacked binaries, which report the pinned versions', async () => {
    const e = await ensureEngine()
    for (const f of [e.docker, e.dockerd, path.join(e.cliPlugins, 'docker-compose'), path.join(e.cliPlugins, 'docker-buildx')]) {
      expect(f.startsWith(e.dir + '/'), f).toBe(true)
      expect(fs.statSync(f).isFile(), f).toBe(true)
    }
    // the engine's folders come first on the PATH the daemons and snippets get
    expect(e.path.split(':').slice(0, 3).every((d) => d.startsWith(e.dir))).toBe(true)
    const v = await engineVersions(e)
    expect(v.cli).toBe(e.packages['docker-cli'].replace(/-[^-]+$/, ''))
    expect(v.compose.replace(/-\d+$/, '')).toBe(e.packages['docker-compose'].replace(/-\d+$/, ''))
    expect(v.buildx).toMatch(/^0\.\d+\.\d+/)
    // a warm second call needs no network and finds the same tree
    const again = await ensureEngine()
    expect(again.fetched).toBe(false)
    expect(again.dir).toBe(e.dir)
  }, 600_000)
})
