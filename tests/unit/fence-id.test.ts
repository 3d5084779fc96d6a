/** Fence content ids (core/fence-id.ts): what keys a snippet's result. */
import { describe, expect, it } from 'vitest'
import { fenceHash } from '../../core/fence-id'

describe('fenceHash', () => {
  it('changes with the command and with attributes that change how it runs', () => {
    const base = fenceHash('console run', '$ docker ps\n')
    expect(fenceHash('console run', '$ docker ps -a\n')).not.toBe(base)
    expect(fenceHash('console run store=containerd', '$ docker ps\n')).not.toBe(base)
  })
  it('ignores labels, so a translated page keeps its source ids', () => {
    expect(fenceHash('console run store=containerd [containerd 镜像存储]', 'x\n')).toBe(fenceHash('console run store=containerd [containerd image store]', 'x\n'))
    expect(fenceHash('console run [a] active', 'x\n')).toBe(fenceHash('console run', 'x\n'))
    expect(fenceHash('powershell norun="仅 Windows"', 'wsl --install\n')).toBe(fenceHash('powershell norun="Windows only"', 'wsl --install\n'))
    expect(fenceHash('powershell norun="仅 Windows"', 'wsl --install\n')).not.toBe(fenceHash('powershell run', 'wsl --install\n'))
  })
})
