/**
 * Validates a Common Cartridge package (.imscc) the way an importer reads it: a zip with
 * imsmanifest.xml at its root; the manifest well-formed XML in the CC 1.1 or 1.3 content-packaging
 * namespace, with the elements and references the CC profile requires (metadata schema and
 * version, one rooted-hierarchy organization with a single root item, unique identifiers, every
 * identifierref pointing at a resource, every resource file present in the zip); and every web
 * link file well-formed, in the web-link namespace of the same CC version, with a title and an
 * absolute URL. Used by the unit test (a package built from fixtures) and the browser project's
 * check of the packages in the built site. The XML schema files themselves are not fetched (no
 * network here); the checks follow their structure.
 */
import { unzipSync, strFromU8 } from 'fflate'
import { DOMParser, type Element as XElement } from '@xmldom/xmldom'

const CP_NS: Record<string, string> = {
  '1.1.0': 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
  '1.3.0': 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1',
}
const WL: Record<string, { ns: string; type: string }> = {
  '1.1.0': { ns: 'http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1', type: 'imswl_xmlv1p1' },
  '1.3.0': { ns: 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3', type: 'imswl_xmlv1p3' },
}

export interface CartridgeReport {
  /** problems found; empty = valid */
  errors: string[]
  version?: string
  title?: string
  /** web links in organization order: section title, item title, URL */
  links: { section: string; title: string; url: string }[]
  sections: string[]
}

/** Parse XML strictly: any warning or error is a problem. @returns the document element or a message */
function parse(xml: string, name: string): XElement | string {
  const problems: string[] = []
  try {
    const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml')
    if (problems.length) return `${name}: not well-formed XML (${problems[0]})`
    return doc.documentElement as unknown as XElement
  } catch (e) {
    return `${name}: not well-formed XML (${(e as Error).message})`
  }
}

const kids = (el: XElement, ns: string, local: string): XElement[] =>
  Array.from(el.childNodes as unknown as ArrayLike<XElement>).filter((n) => n.nodeType === 1 && n.namespaceURI === ns && n.localName === local)
const text = (el: XElement | undefined) => (el?.textContent ?? '').trim()

/**
 * @param bytes the .imscc file
 * @returns the report; never throws for a bad package (that is an error in the report)
 */
export function checkCartridge(bytes: Uint8Array): CartridgeReport {
  const r: CartridgeReport = { errors: [], links: [], sections: [] }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch (e) {
    r.errors.push(`not a zip file (${(e as Error).message})`)
    return r
  }
  if (!files['imsmanifest.xml']) {
    r.errors.push('no imsmanifest.xml at the root of the zip')
    return r
  }
  const root = parse(strFromU8(files['imsmanifest.xml']), 'imsmanifest.xml')
  if (typeof root === 'string') {
    r.errors.push(root)
    return r
  }
  const version = Object.entries(CP_NS).find(([, ns]) => ns === root.namespaceURI)?.[0]
  if (root.localName !== 'manifest' || !version) {
    r.errors.push(`root element is {${root.namespaceURI}}${root.localName}, expected manifest in a CC 1.1/1.3 namespace`)
    return r
  }
  const ns = CP_NS[version]
  r.version = version
  if (!root.getAttribute('identifier')) r.errors.push('manifest has no identifier')
  const metadata = kids(root, ns, 'metadata')[0]
  if (text(kids(metadata ?? root, ns, 'schema')[0]) !== 'IMS Common Cartridge') r.errors.push('metadata/schema is not "IMS Common Cartridge"')
  const schemaversion = text(kids(metadata ?? root, ns, 'schemaversion')[0])
  if (schemaversion !== version) r.errors.push(`metadata/schemaversion is "${schemaversion}", the namespace says ${version}`)
  r.title = metadata ? text(Array.from(metadata.getElementsByTagNameNS('*', 'string'))[0] as XElement | undefined) : undefined

  // identifiers are XML IDs: unique across the manifest
  const ids = new Map<string, number>()
  for (const el of Array.from(root.getElementsByTagNameNS(ns, '*'))) {
    const id = el.getAttribute('identifier')
    if (id) ids.set(id, (ids.get(id) ?? 0) + 1)
    if (id && !/^[A-Za-z_][\w.-]*$/.test(id)) r.errors.push(`identifier "${id}" is not an XML ID`)
  }
  for (const [id, n] of ids) if (n > 1) r.errors.push(`identifier "${id}" is used ${n} times`)

  const resources = new Map<string, XElement>()
  const resourcesEl = kids(root, ns, 'resources')
  if (resourcesEl.length !== 1) r.errors.push('manifest needs exactly one <resources>')
  for (const res of resourcesEl[0] ? kids(resourcesEl[0], ns, 'resource') : []) resources.set(res.getAttribute('identifier') ?? '', res)

  const orgs = kids(root, ns, 'organizations')
  const org = orgs[0] ? kids(orgs[0], ns, 'organization') : []
  if (orgs.length !== 1 || org.length !== 1) {
    r.errors.push('manifest needs exactly one <organizations> with one <organization>')
    return r
  }
  if (org[0].getAttribute('structure') !== 'rooted-hierarchy') r.errors.push('organization structure is not "rooted-hierarchy"')
  const rootItems = kids(org[0], ns, 'item')
  if (rootItems.length !== 1 || rootItems[0].getAttribute('identifierref')) r.errors.push('organization needs exactly one root <item> without identifierref')
  const used = new Set<string>()
  const wl = WL[version]
  for (const section of rootItems[0] ? kids(rootItems[0], ns, 'item') : []) {
    const sectionTitle = text(kids(section, ns, 'title')[0])
    r.sections.push(sectionTitle)
    if (!sectionTitle) r.errors.push(`item ${section.getAttribute('identifier')} has no title`)
    const leaves = kids(section, ns, 'item')
    if (!leaves.length) r.errors.push(`section "${sectionTitle}" has no items`)
    for (const item of leaves) {
      const ref = item.getAttribute('identifierref') ?? ''
      const res = resources.get(ref)
      const title = text(kids(item, ns, 'title')[0])
      if (!title) r.errors.push(`item ${item.getAttribute('identifier')} has no title`)
      if (!res) {
        r.errors.push(`item ${item.getAttribute('identifier')} refers to missing resource "${ref}"`)
        continue
      }
      used.add(ref)
      if (res.getAttribute('type') !== wl.type) {
        r.errors.push(`resource ${ref} has type "${res.getAttribute('type')}", expected ${wl.type}`)
        continue
      }
      const href = kids(res, ns, 'file')[0]?.getAttribute('href') ?? ''
      if (!files[href]) {
        r.errors.push(`resource ${ref}: file "${href}" is not in the zip`)
        continue
      }
      const link = parse(strFromU8(files[href]), href)
      if (typeof link === 'string') {
        r.errors.push(link)
        continue
      }
      if (link.localName !== 'webLink' || link.namespaceURI !== wl.ns) {
        r.errors.push(`${href}: root is {${link.namespaceURI}}${link.localName}, expected webLink in ${wl.ns}`)
        continue
      }
      const url = kids(link, wl.ns, 'url')[0]?.getAttribute('href') ?? ''
      if (!text(kids(link, wl.ns, 'title')[0])) r.errors.push(`${href}: no title`)
      if (!/^https?:\/\/[^/]+\//.test(url)) r.errors.push(`${href}: url "${url}" is not absolute`)
      r.links.push({ section: sectionTitle, title, url })
    }
  }
  for (const id of resources.keys()) if (!used.has(id)) r.errors.push(`resource ${id} is not used by any item`)
  return r
}
