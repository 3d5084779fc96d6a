/**
 * The site as a Docker image (Dockerfile, .dockerignore, deploy/nginx.conf at the repository root).
 *
 * Its page, docs/about/offline-image.md, shows those files as `file=` fences and its snippets
 * build the image from the built site (`dist=` fences, scripts/snippets/page-runner.ts), run it
 * and check it with curl; tests/unit/offline-image.test.ts keeps the page's copies and the
 * repository's files identical. The size is measured there too: `npm run bench` reads it from the
 * snippet report instead of building the image a second time.
 */
import fs from 'node:fs'
import type { Report } from '../snippets/report'

export const SITE_IMAGE_PAGE = 'docs/about/offline-image.md'
/** the repository files that make the image, each shown on the page as a `file=` fence */
export const SITE_IMAGE_FILES = ['Dockerfile', '.dockerignore', 'deploy/nginx.conf'] as const
/** the page tags the image `docker-kb` and prints `docker image ls docker-kb --format '{{.Repository}}:{{.Tag}}  {{.Size}}'` */
const SIZE_LINE = /^docker-kb:latest\s+(\d[\d.]*\s*[kMG]?B)\s*$/m

/**
 * The image's size per image store, as `docker image ls` printed it in a snippet run.
 * @param report a full snippet report (reports/snippets.json; shape in scripts/snippets/report.ts)
 * @returns e.g. { containerd: '93.1MB', overlay2: '91.4MB' }; a store is missing when the page
 *   did not run on it, failed before that snippet, or no longer prints that line
 */
export function siteImageSizes(report: Pick<Report, 'pages'>): Partial<Record<string, string>> {
  const sizes: Partial<Record<string, string>> = {}
  for (const p of report.pages ?? []) {
    if (p.page !== SITE_IMAGE_PAGE || !p.lane) continue
    for (const s of p.snippets) {
      if (s.status !== 'passed') continue
      const m = SIZE_LINE.exec(s.output ?? '')
      if (m) sizes[p.lane] = m[1].replace(/\s+/g, '')
    }
  }
  return sizes
}

export interface SiteImageMeasure {
  /** the snippet report it was read from */
  source: string
  /** when that snippet run happened (ISO time), null without a report */
  date: string | null
  /** 'standins': built on the nginx stand-in image; 'real-images': on Docker Hub's nginx */
  mode: string | null
  sizes: Partial<Record<string, string>>
  /** one line for the bench's output */
  text: string
}

/**
 * The image size for `npm run bench`, read from the snippet report at `source`; says so (and how
 * to get it) when the report is missing or holds no passing run of the page.
 */
export function measureSiteImage(source: string): SiteImageMeasure {
  const rep = fs.existsSync(source) ? JSON.parse(fs.readFileSync(source, 'utf8')) : undefined
  const sizes = rep ? siteImageSizes(rep) : {}
  const base = rep?.mode === 'standins' ? 'on the nginx stand-in image' : "on Docker Hub's nginx image"
  const text = Object.keys(sizes).length
    ? `site image docker-kb (${base}): ${Object.entries(sizes).map(([lane, size]) => `${lane} ${size}`).join(', ')} (${source}, ${rep.date})`
    : `site image docker-kb: not measured, ${rep ? `no passing result of ${SITE_IMAGE_PAGE} in` : 'no'} ${source} (run: npm run test:snippets -- --page ${SITE_IMAGE_PAGE})`
  return { source, date: rep?.date ?? null, mode: rep?.mode ?? null, sizes, text }
}
