// Git's object store for the twin without a process per question: one long-lived `git cat-file --batch-command`
// reads objects and resolves names, and new objects are hashed and written as loose objects in this process.
// Starting a process from a large test process was most of a GitHub test's time; git reads loose objects written
// by anyone, so both halves see the same repository.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { deflateSync } from 'node:zlib'

/** The kinds of object git stores. */
export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag'

/** What `info` tells about an object. */
export interface GitObjectInfo {
  sha: string
  type: GitObjectType
  size: number
}

/** An object's header and bytes. */
export interface GitObject extends GitObjectInfo {
  content: Buffer
}

/** One entry of a tree object as stored (mode without a leading zero, as git writes it). */
export interface StoredTreeEntry {
  mode: string
  name: string
  sha: string
}

interface PendingRequest {
  withContent: boolean
  resolve: (found: GitObject | undefined) => void
  reject: (error: Error) => void
}

const HEADER = /^([0-9a-f]{40}) (blob|tree|commit|tag) (\d+)$/

/** Reads a repository's objects through one `git cat-file --batch-command` process, started on first use. */
export class BatchObjectReader {
  private child?: ChildProcessByStdio<Writable, Readable, null>
  private readonly pending: PendingRequest[] = []
  private buffered: Buffer = Buffer.alloc(0)
  private failure?: Error

  constructor(private readonly gitDir: string) {}

  /** The header of the object `name` (any revision expression), or undefined when it names none. */
  async info(name: string): Promise<GitObjectInfo | undefined> {
    const found = await this.ask(name, false)
    return found && { sha: found.sha, type: found.type, size: found.size }
  }

  /** The header and bytes of the object `name`, or undefined when it names none. */
  contents(name: string): Promise<GitObject | undefined> {
    return this.ask(name, true)
  }

  /** Ends the process. */
  close(): void {
    this.child?.stdin.end()
    this.child = undefined
  }

  private ask(name: string, withContent: boolean): Promise<GitObject | undefined> {
    if (/[\n\r]/.test(name)) return Promise.resolve(undefined)
    if (this.failure) return Promise.reject(this.failure)
    const child = this.start()
    return new Promise((resolve, reject) => {
      this.pending.push({ withContent, resolve, reject })
      if (this.pending.length === 1) this.hold(true)
      child.stdin.write(`${withContent ? 'contents' : 'info'} ${name}\n`)
    })
  }

  private start() {
    if (this.child) return this.child
    const child = spawn('git', ['cat-file', '--batch-command'], {
      env: { ...process.env, GIT_DIR: this.gitDir, GIT_CONFIG_NOSYSTEM: '1' },
      stdio: ['pipe', 'pipe', 'ignore']
    })
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk
      this.answer()
    })
    const fail = (error: Error) => {
      this.failure = error
      for (const request of this.pending.splice(0)) request.reject(error)
    }
    child.on('error', fail)
    child.on('exit', code => {
      if (this.pending.length)
        fail(new Error(`git cat-file --batch-command ended (exit ${code}) with questions open`))
      if (this.child === child) this.child = undefined
    })
    child.stdin.on('error', () => undefined)
    this.child = child
    this.hold(false)
    return child
  }

  /** Keeps the process (and so the program) alive while questions are open; an idle reader keeps nothing alive. */
  private hold(busy: boolean) {
    const child = this.child
    if (!child) return
    for (const handle of [child, child.stdin, child.stdout] as unknown as {
      ref?(): void
      unref?(): void
    }[]) {
      if (busy) handle.ref?.()
      else handle.unref?.()
    }
  }

  /** Settles the oldest questions whose answers are complete in the buffer. */
  private answer() {
    this.settleAnswered()
    if (!this.pending.length) this.hold(false)
  }

  private settleAnswered() {
    while (this.pending.length) {
      const newline = this.buffered.indexOf(10)
      if (newline < 0) return
      const line = this.buffered.subarray(0, newline).toString('utf8')
      const header = HEADER.exec(line)
      const request = this.pending[0]
      if (!header) {
        // "<name> missing" or "<name> ambiguous"
        this.buffered = this.buffered.subarray(newline + 1)
        this.pending.shift()
        request.resolve(undefined)
        continue
      }
      const size = Number(header[3])
      const end = request.withContent ? newline + 1 + size + 1 : newline + 1
      if (this.buffered.length < end) return
      const content = request.withContent
        ? Buffer.from(this.buffered.subarray(newline + 1, newline + 1 + size))
        : Buffer.alloc(0)
      this.buffered = this.buffered.subarray(end)
      this.pending.shift()
      request.resolve({ sha: header[1], type: header[2] as GitObjectType, size, content })
    }
  }
}

/** Writes `body` as a loose object of `type` (unless it exists) and returns its id, as `git hash-object -w` does. */
export async function writeLooseObject(gitDir: string, type: GitObjectType, body: Buffer): Promise<string> {
  const stored = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])
  const sha = createHash('sha1').update(stored).digest('hex')
  const folder = path.join(gitDir, 'objects', sha.slice(0, 2))
  const file = path.join(folder, sha.slice(2))
  if (
    await stat(file).then(
      () => true,
      () => false
    )
  )
    return sha
  await mkdir(folder, { recursive: true })
  const temporary = path.join(folder, `tmp_obj_${randomBytes(6).toString('hex')}`)
  await writeFile(temporary, deflateSync(stored), { mode: 0o444 })
  await rename(temporary, file)
  return sha
}

/** The bytes of a tree object holding `entries`, sorted as git sorts them (a tree's name as if it ended in /). */
export function treeObjectBody(entries: StoredTreeEntry[]): Buffer {
  const key = (e: StoredTreeEntry) => Buffer.from(e.mode === '40000' ? `${e.name}/` : e.name, 'utf8')
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)))
  return Buffer.concat(
    sorted.flatMap(e => [Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.sha, 'hex')])
  )
}

/** The entries of a tree object's bytes. */
export function parseTreeObject(body: Buffer): StoredTreeEntry[] {
  const entries: StoredTreeEntry[] = []
  let at = 0
  while (at < body.length) {
    const space = body.indexOf(32, at)
    const nul = body.indexOf(0, space)
    entries.push({
      mode: body.subarray(at, space).toString('latin1'),
      name: body.subarray(space + 1, nul).toString('utf8'),
      sha: body.subarray(nul + 1, nul + 21).toString('hex')
    })
    at = nul + 21
  }
  return entries
}
