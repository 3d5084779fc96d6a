import { describe, expect, it } from 'vitest'
import { tokenize, processTerm } from '../../.vitepress/plugins/search-tokenize'

describe('search tokenizer', () => {
  it('splits Chinese runs into overlapping bigrams', () => {
    expect(tokenize('容器镜像')).toEqual(['容器', '器镜', '镜像'])
  })
  it('finds a two-character query inside a longer Chinese word', () => {
    const doc = new Set(tokenize('使用端口映射把容器端口发布到宿主机'))
    for (const q of tokenize('端口映射')) expect(doc.has(q)).toBe(true)
    for (const q of tokenize('数据卷')) expect(doc.has(q)).toBe(false)
  })
  it('keeps flags whole and also indexes their bare names', () => {
    const t = tokenize('docker run -p 8080:80 --restart always -v data:/app')
    expect(t).toEqual(expect.arrayContaining(['docker', 'run', '-p', '--restart', 'restart', '-v', 'always']))
  })
  it('indexes image references and their parts', () => {
    expect(tokenize('node:22-alpine')).toEqual(expect.arrayContaining(['node:22-alpine', 'node', '22', 'alpine']))
  })
  it('handles mixed Chinese and commands', () => {
    expect(tokenize('docker 端口')).toEqual(['docker', '端口'])
  })
  it('is self-contained (VitePress serializes its source into the client)', () => {
    // a closure over module scope would break once serialized; re-create it from its source
    const rebuilt = new Function(`return (${tokenize.toString()})`)() as typeof tokenize
    expect(rebuilt('镜像 -p')).toEqual(tokenize('镜像 -p'))
    expect(processTerm('Docker')).toBe('docker')
  })
})
