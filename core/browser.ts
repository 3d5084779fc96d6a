/**
 * Launch Debian's chromium through playwright-core, the one way every script and test does it:
 * headless, fresh profile, and every request to a host other than 127.0.0.1 blocked (and recorded,
 * so tests can assert there were none). A missing browser is an error, never a skip.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
]

export interface Browser {
  context: BrowserContext
  /** URLs the pages tried to load from anywhere but 127.0.0.1 (blocked) */
  blocked: string[]
  close(): Promise<void>
}

export async function launchBrowser(opts: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`)
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-kb-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: 'zh-CN',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  })
  const blocked: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:'
    if (local) return route.continue()
    blocked.push(url.href)
    return route.abort('blockedbyclient')
  })
  return {
    context,
    blocked,
    async close() {
      await context.close().catch(() => {})
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}
