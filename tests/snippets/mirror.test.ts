/**
 * SNIPPETS_REAL_IMAGES=1 plumbing: a registry on the host's unix socket, reached from inside a
 * sandbox's network namespace through the forwarder. Docker Hub is not reachable here, so the
 * host registry serves the seeded stand-in storage instead of proxying; the path the engine's
 * pulls take is the same.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CACHE_DIR } from '../../scripts/snippets/config'
import { startHostRegistry } from '../../scripts/snippets/mirror'
import { Sandbox } from '../../scripts/snippets/sandbox'
import { ensureEngine } from '../../scripts/snippets/engine'
import { RunState } from '../../scripts/snippets/state'

describe('registry through a unix socket (real-images mode plumbing)', () => {
  const state = RunState.create()
  afterAll(async () => {
    await state.sweep()
  })

  it('pulls through the forwarder', async () => {
    const root = path.join(CACHE_DIR, 'registry')
    // npm test runs the suite (which seeds it) before the harness tests; a missing registry fails
    expect(fs.existsSync(path.join(root, 'seeded.json')), 'no seeded stand-in registry: run npm run test:snippets once').toBe(true)
    await ensureEngine()
    const reg = await startHostRegistry(state, { root, readOnly: true })
    const sb = new Sandbox(state, 0, { registrySocket: reg.sock, lane: 'containerd' })
    try {
      await sb.start()
      const pull = await sb.docker(['pull', 'busybox'], { timeoutMs: 120_000 })
      expect(pull.stdout).toContain('Status: Downloaded newer image for busybox:latest')
      expect(sb.driver).toBe('overlayfs')
      const out = await sb.docker(['run', '--rm', 'busybox', 'echo', 'via socket'])
      expect(out.stdout.trim()).toBe('via socket')
    } finally {
      await sb.stop()
      await reg.stop()
    }
  })
})
