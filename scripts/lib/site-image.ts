/**
 * The site as a Docker image (Dockerfile, .dockerignore, deploy/nginx.conf at the repository root).
 *
 * Its page, docs/about/offline-image.md, shows those files as `file=` fences and its snippets
 * build the image from the built site (`dist=` fences, scripts/snippets/page-runner.ts), run it
 * and check it with curl; tests/unit/offline-image.test.ts keeps the page's copies and the
 * repository's files identical. The size is measured there too: `npm run bench` reads it from the
 * snippet report instead of building the image a second time.
 */
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
