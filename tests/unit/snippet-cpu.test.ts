/**
 * scripts/snippets/cpu.ts: CPU time of a process tree from /proc, counting exited children in
 * the parent that reaped them (the page report's `cpu` relies on it).
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { diffCpu, procCpu, treeCpu } from '../../scripts/snippets/cpu'
import { waitFor } from '../../scripts/snippets/proc'

describe('snippet CPU accounting', () => {
  it('reads comm and times of a process whose name has spaces and parentheses', () => {
    const me = procCpu(process.pid)
    expect(me).toBeDefined()
    expect(me!.comm.length).toBeGreaterThan(0)
    expect(me!.self).toBeGreaterThanOrEqual(0)
    expect(procCpu(2 ** 22 + 7)).toBeUndefined()
  })

  it('counts a child that already exited in the live parent that waited for it', async () => {
    // the shell burns CPU in a child (a busy awk), waits for it, then sleeps: at that moment the
    // only trace of the child's CPU is the shell's cutime
    const sh = spawn('sh', ['-c', 'awk "BEGIN { for (i = 0; i < 3e7; i++) s += i }"; echo done; sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] })
    try {
      let out = ''
      sh.stdout.on('data', (d) => (out += d))
      expect(await waitFor(() => out.includes('done'), 30_000, 20)).toBe(true)
      const cpu = treeCpu(sh.pid, 'shell')
      expect(Object.keys(cpu)).toEqual(['shell'])
      // 3e7 awk iterations take well over 50 ms of CPU on any machine
      expect(cpu.shell).toBeGreaterThan(50)
      const parent = procCpu(sh.pid!)!
      expect(parent.children).toBeGreaterThan(0)
    } finally {
      sh.kill('SIGKILL')
    }
  })

  it('classifies by process name and subtracts per class, never below zero', () => {
    expect(diffCpu({ dockerd: 500, shell: 100 }, { dockerd: 200, shell: 300 })).toEqual({ dockerd: 300, shell: 0 })
    expect(treeCpu(undefined)).toEqual({})
    const mine = treeCpu(process.pid)
    // vitest's worker is neither dockerd, containerd nor the registry
    expect(Object.keys(mine)).toEqual(['containers'])
  })
})
