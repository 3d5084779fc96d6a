/**
 * IMS Common Cartridge packages (.imscc) of the site: one web link per page, grouped by section
 * like the sidebar, so a teacher imports a whole chapter into Moodle, Canvas or Open edX at once.
 * One package for the latest docs and one per frozen release (docs/v/<name>/), written into the
 * built site at /downloads/ by the build (buildEnd in .vitepress/config/shared.ts).
 *
 * Format: Common Cartridge 1.1, the version with the widest importer support (Moodle's importer
 * reads 1.0/1.1; Canvas reads 1.0–1.3). Shape as in the CC 1.1 profile and the packages real
 * exporters write (e.g. instructure/moodle2cc's web links):
 *   imsmanifest.xml   <manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
 *                       <metadata> schema "IMS Common Cartridge", schemaversion "1.1.0", LOM title
 *                       <organizations><organization structure="rooted-hierarchy"><item> (root)
 *                         one <item> per section (a folder) → one <item identifierref> per page
 *                       <resources> one <resource type="imswl_xmlv1p1"> per page, with its <file>
 *   weblinks/*.xml    <webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1">
 *                       <title/> <url href="…" target="_blank"/>
 * The zip is written with fflate; entries carry a fixed date, so the same docs give the same bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { readSections, type Section } from './sections'
import { readRegistry, DOCS_DIR } from './versions'
import { FROZEN_DIR } from './version-paths'
import { escapeHtml } from './html'

export const CC_NS = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1'
export const WL_NS = 'http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1'
export const LOM_MANIFEST_NS = 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest'
export const WEBLINK_TYPE = 'imswl_xmlv1p1'
/** where the packages go inside the built site */
export const CARTRIDGE_DIR = 'downloads'

export interface CartridgeInput {
  /** package title (LOM general/title) */
  title: string
  /** identifier of the manifest (letters, digits, `_`, `-`, `.`) */
  id: string
  /** public URL of the site root the web links point to (siteRoot(base)), e.g. https://docker-kb.github.io or …/docker-kb */
  origin: string
  sections: Section[]
  lang?: string
}

/** Page URL of a sidebar link: site root + path (a base in the root is kept), Chinese path segments percent-encoded. */
export function linkUrl(origin: string, link: string): string {
  return new URL(link.replace(/^\//, ''), origin.replace(/\/$/, '') + '/').href
}

/**
 * The files of a cartridge, path → text.
 * @returns `imsmanifest.xml` and one `weblinks/L<n>.xml` per page (section overviews included)
 * @throws Error when there are no sections (an empty package would import as nothing)
 */
export function cartridgeFiles(input: CartridgeInput): Map<string, string> {
  if (!input.sections.length) throw new Error(`cartridge ${input.id}: no sections to package`)
  const lang = input.lang ?? 'zh-CN'
  const files = new Map<string, string>()
  const items: string[] = []
  const resources: string[] = []
  let n = 0
  input.sections.forEach((s, si) => {
    const pages = [{ text: `${s.text}：概览`, link: s.link }, ...s.items]
    const children = pages.map((p) => {
      n++
      const res = `R${n}`
      const file = `weblinks/L${n}.xml`
      files.set(
        file,
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
          `<webLink xmlns="${WL_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${WL_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd">\n` +
          `  <title>${escapeHtml(p.text)}</title>\n` +
          `  <url href="${escapeHtml(linkUrl(input.origin, p.link))}" target="_blank"/>\n` +
          `</webLink>\n`,
      )
      resources.push(`    <resource identifier="${res}" type="${WEBLINK_TYPE}">\n      <file href="${file}"/>\n    </resource>`)
      return `        <item identifier="I${n}" identifierref="${res}">\n          <title>${escapeHtml(p.text)}</title>\n        </item>`
    })
    items.push(`      <item identifier="S${si + 1}">\n        <title>${escapeHtml(s.text)}</title>\n${children.join('\n')}\n      </item>`)
  })
  files.set(
    'imsmanifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeHtml(input.id)}" xmlns="${CC_NS}" xmlns:lomimscc="${LOM_MANIFEST_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CC_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd ${LOM_MANIFEST_NS} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd">
  <metadata>
    <schema>IMS Common Cartridge</schema>
    <schemaversion>1.1.0</schemaversion>
    <lomimscc:lom>
      <lomimscc:general>
        <lomimscc:title>
          <lomimscc:string language="${lang}">${escapeHtml(input.title)}</lomimscc:string>
        </lomimscc:title>
      </lomimscc:general>
    </lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="O1" structure="rooted-hierarchy">
      <item identifier="ROOT">
${items.join('\n')}
      </item>
    </organization>
  </organizations>
  <resources>
${resources.join('\n')}
  </resources>
</manifest>
`,
  )
  return files
}

/** Zip the files (manifest first, fixed timestamps). */
export function zipCartridge(files: Map<string, string>): Uint8Array {
  const mtime = new Date('2000-01-01T00:00:00Z')
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {}
  const names = ['imsmanifest.xml', ...[...files.keys()].filter((k) => k !== 'imsmanifest.xml').sort()]
  for (const name of names) entries[name] = [strToU8(files.get(name)!), { mtime }]
  return zipSync(entries, { level: 9 })
}

export interface WrittenCartridge { file: string; url: string; title: string; release: string | null; links: number }

/** File name of a package: `docker-kb-latest.imscc`, `docker-kb-<release>.imscc`. */
export const cartridgeName = (release: string | null) => `docker-kb-${release ?? 'latest'}.imscc`

/**
 * Write the latest package and one per frozen release on disk into `<outDir>/downloads/`.
 * @param outDir  the built site (VitePress's outDir)
 * @param origin  the site origin the links point to
 * @param siteTitle used in package titles
 * @returns what was written
 */
export function writeCartridges(outDir: string, origin: string, siteTitle: string, docsDir = DOCS_DIR): WrittenCartridge[] {
  const dir = path.join(outDir, CARTRIDGE_DIR)
  fs.mkdirSync(dir, { recursive: true })
  const frozenRoot = path.join(docsDir, FROZEN_DIR)
  const frozen = fs.existsSync(frozenRoot) ? fs.readdirSync(frozenRoot).filter((n) => fs.statSync(path.join(frozenRoot, n)).isDirectory()) : []
  const known = new Set(readRegistry().versions.map((v) => v.name))
  const targets: { release: string | null; sections: Section[] }[] = [{ release: null, sections: readSections(docsDir, '/') }]
  for (const name of frozen.sort()) {
    if (!known.has(name)) continue
    targets.push({ release: name, sections: readSections(path.join(frozenRoot, name), `/${FROZEN_DIR}/${name}/`) })
  }
  return targets.map(({ release, sections }) => {
    const title = release ? `${siteTitle}（${release} 版）` : `${siteTitle}（最新版）`
    const files = cartridgeFiles({ title, id: `docker-kb-${release ?? 'latest'}`, origin, sections })
    const name = cartridgeName(release)
    fs.writeFileSync(path.join(dir, name), zipCartridge(files))
    return { file: path.join(dir, name), url: `/${CARTRIDGE_DIR}/${name}`, title, release, links: files.size - 1 }
  })
}
