// The production build must not even parse Mermaid (decisions.md, build time, twelfth round): the dev
// server's live render in MermaidDiagram.vue imports it behind `import.meta.env.DEV`, and Rollup used to
// load and parse Mermaid's whole module graph (1528 modules, 8.9 MB) before tree-shaking dropped the
// branch. This builds a tiny client bundle with the same shape of dead import through Vite, with and
// without mermaidBuildPlugin, and counts the modules Rollup parsed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build, type Plugin } from 'vite'
import { mermaidBuildPlugin, NO_MERMAID_ID } from '../../.vitepress/plugins/mermaid-render'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-no-mermaid-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const srcDir = path.join(dir, 'docs') // no pages: no diagram to render
fs.mkdirSync(srcDir)
// the project's node_modules, so that `mermaid` resolves from the temporary root as it does from the site
fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir')
fs.writeFileSync(
  path.join(dir, 'entry.js'),
  // the shape of MermaidDiagram.vue's devLive(): an early return in production, then the import
  `export async function live() {\n  if (!import.meta.env.DEV) return 'static'\n  const { default: mermaid } = await import('mermaid')\n  return mermaid\n}\n`,
)

/** Build entry.js for the client (production); the parsed module ids and the output's code. */
async function clientBuild(plugins: Plugin[], ssr = false): Promise<{ parsed: string[]; code: string }> {
  const parsed: string[] = []
  const spy: Plugin = { name: 'spy', moduleParsed: (info) => void parsed.push(info.id) }
  const out = (await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    // vitest sets NODE_ENV=test, which would make this a development build (DEV true)
    define: { 'import.meta.env.DEV': 'false' },
    plugins: [...plugins, spy],
    build: { write: false, ssr: ssr ? 'entry.js' : undefined, lib: ssr ? undefined : { entry: 'entry.js', formats: ['es'], fileName: 'out' }, minify: false },
  })) as { output: { code?: string }[] }[] | { output: { code?: string }[] }
  const bundles = Array.isArray(out) ? out : [out]
  return { parsed, code: bundles.flatMap((b) => b.output.map((o) => o.code ?? '')).join('\n') }
}

describe('the production build does not parse Mermaid', () => {
  it('without the plugin, Rollup parses Mermaid for the dead dev-only import (what this guards against)', async () => {
    const { parsed, code } = await clientBuild([])
    expect(parsed.filter((id) => id.includes('/node_modules/mermaid/')).length).toBeGreaterThan(0)
    expect(code).toContain('static')
    expect(code).not.toContain('import(')
  }, 120_000)
  it('with mermaidBuildPlugin, the client build resolves mermaid to the stub and parses none of it', async () => {
    const { parsed, code } = await clientBuild([mermaidBuildPlugin(srcDir, { startNow: false })])
    expect(parsed.filter((id) => id.includes('node_modules')).length).toBe(0)
    expect(parsed).toContain(NO_MERMAID_ID)
    // the dead branch is gone from the output, and so is the stub
    expect(code).not.toContain('mermaid is not bundled')
    expect(code).not.toContain('import(')
  }, 120_000)
  it('the stub throws if anything ever imports it', async () => {
    const plugin = mermaidBuildPlugin(srcDir, { startNow: false }) as Plugin & { load: (id: string) => Promise<string | undefined> }
    const code = await plugin.load(NO_MERMAID_ID)
    expect(code).toMatch(/^throw new Error\('mermaid is not bundled/)
  })
})
