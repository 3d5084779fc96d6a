/** Helpers for the snippet runner tests: run the CLI, count what a run may leave behind. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { procsInSandboxMountNs } from '../../scripts/snippets/proc'
import { prefixFor } from '../../scripts/snippets/state'

/** Fixture pages put this in the command line of every process they start (containers too). */
export const MARKER = 'leftover-marker-7f3a'

export const ROOT = path.resolve(__dirname, '../..')
export const FIXTURES = 'tests/snippets/fixtures'
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  report?: any
}

/** A private state directory per test file, so counts are not disturbed by other runs on the machine. */
export function testStateDir(name: string): string {
  return path.join(os.tmpdir(), `dkb-test-${name}-${process.pid}`)
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, wrap: string[] = []): { child: ChildProcess; output: () => string; done: Promise<CliRun>; json: string } {
  const json = path.join(os.tmpdir(), `dkb-report-${process.pid}-${Math.random().toString(36).slice(2)}.json`)
  // run node directly (not through the tsx wrapper) so signals reach the runner itself
  const argv = [process.execPath, '--import', 'tsx', 'scripts/snippets/cli.ts', '--no-status', '--json', json, ...args]
  const cmd = [...wrap, ...argv]
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => {
      let report
      try { report = JSON.parse(fs.readFileSync(json, 'utf8')) } catch { /* none */ }
      fs.rmSync(json, { force: true })
      resolve({ code, signal, out, report })
    })
  })
  return { child, output: () => out, done, json }
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, wrap: string[] = []): Promise<CliRun> {
  return startCli(args, env, wrap).done
}

export async function waitForOutput(get: () => string, re: RegExp, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (re.test(get())) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

export interface Leftovers {
  mounts: string[]
  netns: string[]
  procs: string[]
  dirs: string[]
  cgroups: string[]
}

/** Everything of runs under `stateDir` that still exists on the host. */
export function leftovers(stateDir: string): Leftovers {
  const prefix = prefixFor(stateDir)
  const mounts = fs.readFileSync('/proc/mounts', 'utf8').split('\n').filter((l) => l.includes(stateDir) || l.includes(`/run/netns/${prefix}`))
  const netns = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(prefix))
  // processes: by command line (dockerd, registry, page shells, marked snippet processes),
  // by cgroup (containers) and by mount namespace (containerd, shims)
  const procs: string[] = []
  const inNs = new Set(procsInSandboxMountNs(prefix))
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ')
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
      if (state === 'Z') continue
      const cg = fs.readFileSync(`/proc/${name}/cgroup`, 'utf8')
      if (cmd.includes(stateDir) || cmd.includes(prefix) || cmd.includes(MARKER) || cg.includes(prefix) || inNs.has(Number(name))) {
        procs.push(`${name} ${cmd.slice(0, 160)}`)
      }
    } catch { /* gone */ }
  }
  let dirs: string[] = []
  try { dirs = fs.readdirSync(stateDir) } catch { /* none */ }
  const cgroups = spawnSync('find', ['/sys/fs/cgroup', '-maxdepth', '5', '-type', 'd', '-name', `${prefix}*`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)
  return { mounts, netns, procs, dirs, cgroups }
}

export const total = (l: Leftovers) => l.mounts.length + l.netns.length + l.procs.length + l.dirs.length + l.cgroups.length

/** Leftovers often take a moment to disappear (kernel tears namespaces down asynchronously). */
export async function settledLeftovers(stateDir: string, ms = 5_000): Promise<Leftovers> {
  const end = Date.now() + ms
  let l = leftovers(stateDir)
  while (total(l) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200))
    l = leftovers(stateDir)
  }
  return l
}

void TSX
