/**
 * One persistent bash shell per page: `cd`, variables and functions carry over from snippet to
 * snippet, like a reader's terminal.
 *
 * The shell runs in the sandbox's network namespace (so `curl localhost:8080` reaches published
 * ports) and in a copy of the engine's mount namespace (so /var/run/docker.sock and
 * /var/lib/docker are the sandbox's), inside its own PID namespace: killing it (timeout, end of
 * page, runner death via pdeathsig) kills every process the snippets started.
 *
 * Each snippet is written to a file and `source`d at the shell's top level with
 *   stdin </dev/null, stdout+stderr -> one output file,
 *   an ERR trap that `return`s from the sourced file: the snippet stops at the first failing
 *   command, with that command's status, exactly where `set -e` would stop it (same rules:
 *   not in `if`/`while` tests, not left of `&&`/`||`, not in `!`, pipelines report the last
 *   command). Otherwise its status is the last command's. The shell itself survives, so the
 *   next snippet still runs (also after an expected failure, `exit=N`).
 * A RETURN trap turns `set -e` off again if the snippet turned it on. A snippet that calls `exit`
 * ends the shell: the status is its exit code and the page continues in a fresh shell in the same
 * directory (variables are lost; the report says so).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { treeCpu } from './cpu'
import { GUARD, isAlive, kill, waitFor } from './proc'
import type { Sandbox } from './sandbox'

export interface ExecResult {
  code: number
  output: string
  timedOut: boolean
  /** the shell ended during the snippet (`exit`), a fresh one was started */
  shellExited: boolean
  ms: number
  /** shell's working directory afterwards */
  pwd: string
}

const MAX_OUTPUT = 1024 * 1024

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

export class Session {
  private proc?: ChildProcess
  private buf = ''
  private waiters: ((line: string) => void)[] = []
  private counter = 0
  pwd: string
  restarts = 0

  constructor(
    private sb: Sandbox,
    readonly workDir: string,
    private ctlDir: string,
    private env: NodeJS.ProcessEnv,
  ) {
    this.pwd = workDir
    fs.mkdirSync(ctlDir, { recursive: true })
  }

  get alive(): boolean {
    return !!this.proc?.pid && this.proc.exitCode === null && this.proc.signalCode === null
  }

  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.ctlDir, 'shell.log'), 'a')
    this.buf = ''
    this.waiters = []
    const p = spawn(
      GUARD[0],
      [...GUARD.slice(1), 'nsenter', `--net=/run/netns/${this.sb.netns}`, `--mount=/proc/${this.sb.mountNsPid}/ns/mnt`, '--',
        'unshare', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'slave', '--mount-proc', '--',
        'bash', '--noprofile', '--norc'],
      { env: this.env, stdio: ['pipe', log, log, 'pipe'], detached: true },
    )
    fs.closeSync(log)
    this.proc = p
    p.on('error', () => {})
    p.stdin!.on('error', () => {})
    const ctl = p.stdio[3] as NodeJS.ReadableStream
    ctl.setEncoding('utf8')
    ctl.on('data', (d: string) => {
      this.buf += d
      let i: number
      while ((i = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, i)
        this.buf = this.buf.slice(i + 1)
        this.waiters.shift()?.(line)
      }
    })
    p.on('exit', () => {
      // wake everybody waiting for a line that will never come
      for (const w of this.waiters.splice(0)) w('')
    })
    const init = [
      `cd ${q(this.pwd)} || cd ${q(this.workDir)} || exit 99`,
      'umask 022',
      // a runaway snippet (`yes > file`) cannot fill the disk: 2 GiB per file
      'ulimit -f 4194304',
      `__dkb_trap='__dkb_e=$?; if [[ \${#FUNCNAME[@]} -gt 0 || -n \${BASH_SOURCE[0]-} ]]; then return $__dkb_e; fi'`,
      `printf 'READY %s\\n' "$PWD" >&3`,
      '',
    ].join('\n')
    const ready = this.nextLine()
    p.stdin!.write(init)
    const line = await Promise.race([ready, new Promise<string>((r) => setTimeout(() => r('TIMEOUT'), 20_000))])
    if (!line.startsWith('READY')) throw new Error(`page shell did not start (${line || 'exited'}); see ${path.join(this.ctlDir, 'shell.log')}`)
  }

  private nextLine(): Promise<string> {
    return new Promise((r) => this.waiters.push(r))
  }

  /**
   * Run one snippet text in the shell. `errexit: false` runs it like a line typed at a prompt
   * (console blocks): no stop at the first failure, the status is the last command's.
   */
  async exec(text: string, timeoutMs: number, opts: { errexit?: boolean } = {}): Promise<ExecResult> {
    const errexit = opts.errexit ?? true
    if (!this.alive) {
      await this.start()
    }
    const n = ++this.counter
    const file = path.join(this.ctlDir, `snippet-${n}.sh`)
    const out = path.join(this.ctlDir, `snippet-${n}.out`)
    fs.writeFileSync(file, text.endsWith('\n') ? text : text + '\n')
    fs.writeFileSync(out, '')
    const cmd =
      (errexit ? `trap "$__dkb_trap" ERR; set -E; ` : '') +
      `trap 'set +e; trap - RETURN' RETURN; ` +
      `source ${q(file)} </dev/null >${q(out)} 2>&1 3>&-; __dkb_rc=$?; ` +
      `trap - ERR RETURN; set +E; printf 'DONE %s %s %s\\n' ${n} "$__dkb_rc" "$PWD" >&3\n`
    const t0 = Date.now()
    const done = this.nextLine()
    this.proc!.stdin!.write(cmd)
    let timer: NodeJS.Timeout | undefined
    const line = await Promise.race([done, new Promise<string>((r) => { timer = setTimeout(() => r('TIMEOUT'), timeoutMs) })])
    clearTimeout(timer)
    const ms = Date.now() - t0
    const res: ExecResult = { code: 0, output: '', timedOut: false, shellExited: false, ms, pwd: this.pwd }
    if (line === 'TIMEOUT') {
      res.timedOut = true
      res.code = 124
      await this.kill()
    } else if (!line) {
      // the shell ended: `exit N` in the snippet (or it was killed)
      await waitFor(() => !this.alive, 5_000, 20)
      res.shellExited = true
      res.code = this.proc?.exitCode ?? 128 + 9
      this.restarts++
    } else {
      const m = /^DONE (\d+) (\d+) (.*)$/.exec(line)
      if (!m || Number(m[1]) !== n) throw new Error(`page shell protocol error: ${line}`)
      res.code = Number(m[2])
      res.pwd = this.pwd = m[3]
    }
    res.output = readCapped(out)
    return res
  }

  /**
   * CPU ms of the current shell and every command it has run and waited for (docker CLI,
   * plugins, …; cpu.ts). A shell that ended (`exit` in a snippet) took its count with it.
   */
  cpuMs(): number {
    return this.alive ? Math.round(treeCpu(this.proc!.pid, 'shell').shell ?? 0) : 0
  }

  /** Kill the shell and everything it started (its PID namespace). */
  async kill(): Promise<void> {
    const p = this.proc
    if (!p?.pid) return
    kill(p.pid, 'SIGKILL')
    await waitFor(() => !isAlive(p.pid!), 5_000, 20)
  }

  async close(): Promise<void> {
    if (this.alive) {
      this.proc!.stdin!.end('exit 0\n')
      if (!(await waitFor(() => !this.alive, 2_000, 20))) await this.kill()
    }
    this.proc = undefined
  }
}

function readCapped(file: string): string {
  try {
    const size = fs.statSync(file).size
    const fd = fs.openSync(file, 'r')
    try {
      const len = Math.min(size, MAX_OUTPUT)
      const b = Buffer.alloc(len)
      fs.readSync(fd, b, 0, len, size - len)
      return (size > len ? `[... ${size - len} bytes cut ...]\n` : '') + b.toString('utf8')
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    return ''
  }
}
