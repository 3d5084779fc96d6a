/**
 * The site's Docker image is verified through its page: docs/about/offline-image.md shows the
 * Dockerfile, .dockerignore and nginx configuration as `file=` fences, and its snippets build and
 * check the image from exactly those fences. So the repository's copies must be the same text.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractFences } from '../../scripts/snippets/extract'
import { measureSiteImage, SITE_IMAGE_FILES, SITE_IMAGE_PAGE, siteImageSizes } from '../../scripts/lib/site-image'

describe('the site image page', () => {
  const fences = extractFences(SITE_IMAGE_PAGE)
  for (const file of SITE_IMAGE_FILES) {
    it(`shows ${file} exactly as the repository has it`, () => {
      const shown = fences.filter((f) => f.meta.kind === 'file' && f.meta.file === file)
      expect(shown.length, `${SITE_IMAGE_PAGE} has no \`file=${file}\` fence`).toBe(1)
      expect(shown[0].content, `${SITE_IMAGE_PAGE}:${shown[0].line}: differs from ${file}`).toBe(fs.readFileSync(file, 'utf8'))
    })
  }

  it('runs its snippets on the built site', () => {
    expect(fences.some((f) => f.meta.kind === 'run' && f.meta.dist === '.vitepress/dist')).toBe(true)
  })
})

describe('siteImageSizes', () => {
  const snippet = (output: string, status = 'passed') => ({ status, output })
  it('reads the size docker image ls printed, per image store', () => {
    const report = {
      pages: [
        { page: SITE_IMAGE_PAGE, lane: 'containerd', snippets: [snippet('$ docker build -t docker-kb .\n'), snippet("$ docker image ls docker-kb --format '{{.Repository}}:{{.Tag}}  {{.Size}}'\ndocker-kb:latest  93.1MB\n")] },
        { page: SITE_IMAGE_PAGE, lane: 'overlay2', snippets: [snippet('$ docker image ls ...\ndocker-kb:latest  91.4MB\n')] },
        { page: 'docs/other.md', lane: 'overlay2', snippets: [snippet('docker-kb:latest  1GB\n')] },
      ],
    }
    expect(siteImageSizes(report as never)).toEqual({ containerd: '93.1MB', overlay2: '91.4MB' })
  })

  it('reports nothing for a failed snippet or a run without the page', () => {
    expect(siteImageSizes({ pages: [{ page: SITE_IMAGE_PAGE, lane: 'overlay2', snippets: [snippet('docker-kb:latest  91.4MB\n', 'failed')] }] } as never)).toEqual({})
    expect(siteImageSizes({ pages: [] } as never)).toEqual({})
  })
})

describe('measureSiteImage', () => {
  it('says the size was not measured, and how to measure it, when the report is missing', () => {
    const m = measureSiteImage('/nonexistent/snippets.json')
    expect(m.sizes).toEqual({})
    expect(m.text).toBe(`site image docker-kb: not measured, no /nonexistent/snippets.json (run: npm run test:snippets -- --page ${SITE_IMAGE_PAGE})`)
  })
})
