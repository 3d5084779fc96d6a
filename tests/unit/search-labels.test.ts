import { describe, expect, it } from 'vitest'
import { labelQuery, type LabelData } from '../../scripts/lib/search-labels'

const data: LabelData = {
  commands: [
    { name: 'docker run', aliases: ['docker container run'], page: '/cli/container', id: 'docker-run' },
    { name: 'docker compose up', aliases: [], page: '/cli/compose', id: 'docker-compose-up' },
    { name: 'docker compose', aliases: [], page: '/cli/compose', id: 'docker-compose' },
  ],
  terms: [
    { id: 'volume', zh: '数据卷', en: 'volume', aliases: ['卷', '-v'] },
    { id: 'dependency-hell', zh: '依赖地狱', en: 'dependency hell', aliases: [] },
    { id: 'qemu-binfmt', zh: 'QEMU 模拟', en: 'QEMU', aliases: ['exec format error'] },
  ],
  homes: { 数据卷: '/storage/volumes', 卷: '/storage/volumes', volume: '/storage/volumes' },
  locale: 'root',
}

describe('query-set labelling rule', () => {
  it('a whole command line: the longest command entry is best, listed targets stay', () => {
    const r = labelQuery('docker compose up -d', { expect: ['/orchestration/compose'] }, data)
    expect(r).toEqual({ cls: 'command', labels: { expect: ['/orchestration/compose', '/cli/compose#docker-compose-up'], best: '/cli/compose#docker-compose-up' } })
    expect(labelQuery('Docker container run nginx', { expect: ['/cli/container'] }, data).labels.best).toBe('/cli/container#docker-run')
  })
  it('a command followed by other words is not a command line', () => {
    expect(labelQuery('docker run 后台运行', { expect: ['/cli/container'] }, data).cls).toBe('other')
  })
  it('a bare term: its glossary entry acceptable, its concept page best; no concept page → no best', () => {
    expect(labelQuery('数据卷', { expect: ['/commands/volumes-networks'] }, data).labels)
      .toEqual({ expect: ['/commands/volumes-networks', '/glossary/#volume', '/storage/volumes'], best: '/storage/volumes' })
    const hell = labelQuery('依赖地狱', { expect: ['/glossary/', '/guide/why'], best: '/guide/why' }, data)
    expect(hell).toEqual({ cls: 'term', labels: { expect: ['/glossary/', '/guide/why', '/glossary/#dependency-hell'], best: undefined } })
  })
  it('a task answered by both a command entry and a teaching page has no best; a flag question or another best keeps it (search19)', () => {
    expect(labelQuery('停止所有容器', { expect: ['/commands/containers', '/cli/container#docker-stop'], best: '/cli/container#docker-stop', kind: 'task' }, data))
      .toEqual({ cls: 'task', labels: { expect: ['/commands/containers', '/cli/container#docker-stop'], kind: 'task' } })
    expect(labelQuery('推送镜像到仓库', { expect: ['/build/registry', '/cli/image#docker-push'], best: '/build/registry' }, data).labels.best).toBeUndefined()
    expect(labelQuery('-p 参数怎么用', { expect: ['/commands/containers#p', '/cli/container#docker-run'], best: '/commands/containers#p' }, data).cls).toBe('other')
    expect(labelQuery('docker 是什么', { expect: ['/help/faq', '/cli/container#docker-run', '/guide/why'], best: '/help/faq' }, data).cls).toBe('other')
    expect(labelQuery('停止所有容器', { expect: ['/commands/containers'], best: '/commands/containers' }, data).cls).toBe('other')
  })
  it('flags and pasted errors are not bare terms; English targets live under /en/', () => {
    expect(labelQuery('-v', { expect: ['/cli/container'] }, data).cls).toBe('other')
    expect(labelQuery('exec format error', { expect: ['/help/troubleshooting'], kind: 'error' }, data).cls).toBe('other')
    expect(labelQuery('volume', { expect: ['/en/storage/volumes'] }, { ...data, locale: 'en' }).labels)
      .toEqual({ expect: ['/en/storage/volumes', '/en/glossary/#volume'], best: '/en/storage/volumes' })
  })
})
