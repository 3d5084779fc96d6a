/**
 * Temporary directories for a unit test file: `const tmp = tmpDirs('kb-x-')` at the top level
 * registers an afterEach that removes every directory `tmp()` made during the test.
 * @param prefix the directory name's prefix under os.tmpdir()
 * @returns a function making a fresh empty directory and returning its absolute path
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

export function tmpDirs(prefix: string): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    dirs.push(d)
    return d
  }
}
