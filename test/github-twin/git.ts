// A real bare git repository behind the twin's Git Data and contents endpoints. Objects are read and names resolved
// through one long-lived `git cat-file --batch-command` and written as loose objects in this process (see
// object-store.ts); refs move by compare-and-swap under git's own lock protocol (`<ref>.lock` created exclusively,
// then renamed over the ref, as `git update-ref` does), so a git process beside the twin sees and respects them.
// Git objects never change, so answers about full object ids (a commit, a tree listing, a blob, an ancestry) are
// remembered; refs are always read afresh.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, open, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  BatchObjectReader,
  parseTreeObject,
  treeObjectBody,
  writeLooseObject,
  type GitObject,
  type StoredTreeEntry
} from './object-store.js'

/** A person line of a commit (author or committer). */
export interface GitPerson {
  name: string
  email: string
  date: string
}

/** A commit read back with cat-file. */
export interface GitCommitObject {
  sha: string
  tree: string
  parents: string[]
  author: GitPerson
  committer: GitPerson
  message: string
}

/** One entry of a tree (full path when listed recursively). */
export interface GitTreeEntry {
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
  path: string
  size?: number
}

/** The error git reports when a plumbing command fails. */
export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim()}`)
  }
}

const FIXED_PERSON = { name: 'Twin Seed', email: 'seed@twin.invalid' }

const FULL_ID = /^[0-9a-f]{40}$/i

/** The type an entry of `mode` names in a tree. */
const typeOfMode = (mode: string): GitTreeEntry['type'] =>
  mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob'

/** A bare repository in a temporary folder, with the plumbing the twin needs. */
export class TwinGitRepository {
  private constructor(readonly dir: string) {
    this.objects = new BatchObjectReader(dir)
  }

  /** The seed commit `create` made: the first head of its branch. */
  initialHead = ''

  private readonly objects: BatchObjectReader

  /** Answers that cannot change, by a key naming the question and the full object ids it is about. */
  private readonly known = new Map<string, Promise<unknown>>()

  /** The remembered answer of `key`, computed once; a failure is not remembered. */
  private remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.known.get(key) as Promise<T> | undefined
    if (known) return known
    const answer = compute()
    this.known.set(key, answer)
    answer.catch(() => this.known.delete(key))
    return answer
  }

  /**
   * Creates a bare repository whose `branch` holds one commit with `files` (none: an empty tree). Written in this
   * process, as `git init --bare` lays it out, so a twin that never touches git starts no git process.
   */
  static async create(branch: string, files: Record<string, string> = {}): Promise<TwinGitRepository> {
    const dir = await mkdtemp(path.join(tmpdir(), 'github-twin-'))
    for (const folder of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
      await mkdir(path.join(dir, folder), { recursive: true })
    await writeFile(path.join(dir, 'HEAD'), `ref: refs/heads/${branch}\n`)
    await writeFile(
      path.join(dir, 'config'),
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n'
    )
    const repository = new TwinGitRepository(dir)
    const sha = await repository.writeFilesCommit(new Map(), files, undefined, 'Initial commit')
    // Nobody else holds the repository yet, so the first ref needs no compare-and-swap.
    const ref = path.join(dir, 'refs', 'heads', ...branch.split('/'))
    await mkdir(path.dirname(ref), { recursive: true })
    await writeFile(ref, `${sha}\n`)
    repository.initialHead = sha
    return repository
  }

  /** Runs git in the repository; resolves with stdout, rejects with GitCommandError. */
  git(
    args: string[],
    options: { input?: string | Buffer; env?: Record<string, string> } = {}
  ): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        cwd: this.dir,
        env: { ...process.env, GIT_DIR: this.dir, GIT_CONFIG_NOSYSTEM: '1', ...options.env },
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
      })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
      child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
      child.on('error', reject)
      child.on('close', code => {
        if (code === 0) resolve(Buffer.concat(out))
        else reject(new GitCommandError(args, code, Buffer.concat(err).toString('utf8')))
      })
      if (child.stdin) {
        child.stdin.on('error', () => undefined)
        child.stdin.end(options.input)
      }
    })
  }

  private async gitText(
    args: string[],
    options: { input?: string | Buffer; env?: Record<string, string> } = {}
  ) {
    return (await this.git(args, options)).toString('utf8').trim()
  }

  /** The object id `rev` names (verified to exist), or undefined. */
  async revParse(rev: string): Promise<string | undefined> {
    return (await this.objects.info(rev))?.sha
  }

  /** The commit a branch name, full ref or commit id points at, or undefined. */
  async resolveCommit(ref: string): Promise<string | undefined> {
    if (FULL_ID.test(ref)) {
      const found = await this.revParse(`${ref}^{commit}`)
      return found ? this.remember(`commit-of ${ref}`, async () => found) : undefined
    }
    for (const candidate of [`refs/heads/${ref}`, `refs/tags/${ref}`, ref]) {
      if (candidate === ref && !/^[0-9a-f]{4,40}$/i.test(ref) && !ref.startsWith('refs/')) continue
      const sha = await this.revParse(`${candidate}^{commit}`)
      if (sha) return sha
    }
    return undefined
  }

  /** The type of an object, or undefined when it does not exist. */
  async objectType(sha: string): Promise<string | undefined> {
    if (!FULL_ID.test(sha)) return undefined
    const info = await this.remember(`type ${sha}`, () => this.objects.info(sha))
    return info?.type
  }

  /** The object `name` peeled to `type`; rejects as the git command `args` would when there is none. */
  private async objectOf(name: string, type: GitObject['type'], args: string[]): Promise<GitObject> {
    const read = async () => {
      const direct = await this.objects.contents(name)
      const found = direct?.type === type ? direct : await this.objects.contents(`${name}^{${type}}`)
      if (!found) throw new GitCommandError(args, 128, `fatal: Not a valid object name ${name}`)
      return found
    }
    return FULL_ID.test(name) ? this.remember(`${type} ${name}`, read) : read()
  }

  /** A commit object parsed from cat-file. */
  async readCommit(sha: string): Promise<GitCommitObject> {
    const text = (await this.objectOf(sha, 'commit', ['cat-file', 'commit', sha])).content.toString('utf8')
    const split = text.indexOf('\n\n')
    const headers = text.slice(0, split).split('\n')
    const message = text.slice(split + 2)
    const person = (line: string): GitPerson => {
      const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line)
      if (!m) return { name: line, email: '', date: '' }
      return {
        name: m[1],
        email: m[2],
        date: new Date(Number(m[3]) * 1000).toISOString().replace('.000Z', 'Z')
      }
    }
    const commit: GitCommitObject = {
      sha,
      tree: '',
      parents: [],
      author: person(''),
      committer: person(''),
      message
    }
    for (const line of headers) {
      const [key, ...rest] = line.split(' ')
      const value = rest.join(' ')
      if (key === 'tree') commit.tree = value
      else if (key === 'parent') commit.parents.push(value)
      else if (key === 'author') commit.author = person(value)
      else if (key === 'committer') commit.committer = person(value)
    }
    return commit
  }

  /** The bytes of a blob. */
  async readBlob(sha: string): Promise<Buffer> {
    const blob = await this.objects.contents(sha)
    if (blob?.type !== 'blob')
      throw new GitCommandError(['cat-file', 'blob', sha], 128, `fatal: ${sha} is not a blob`)
    return blob.content
  }

  /** Writes a blob and returns its id. */
  async writeBlob(content: Buffer | string): Promise<string> {
    return this.writeObject('blob', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'))
  }

  /** Entries of a tree: one level, or every blob and submodule with its full path when `recursive`. */
  async listTree(treeSha: string, recursive = false): Promise<GitTreeEntry[]> {
    const list = async (): Promise<GitTreeEntry[]> => {
      const args = ['ls-tree', '-z', '--long', ...(recursive ? ['-r'] : []), treeSha]
      return this.treeEntries(await this.objectOf(treeSha, 'tree', args), '', recursive)
    }
    return FULL_ID.test(treeSha) ? this.remember(`ls-tree ${recursive} ${treeSha}`, list) : list()
  }

  /** The entries of a tree object as `git ls-tree --long` lists them, under `prefix`. */
  private async treeEntries(tree: GitObject, prefix: string, recursive: boolean): Promise<GitTreeEntry[]> {
    const listed = await Promise.all(
      parseTreeObject(tree.content).map(async ({ mode, name, sha }): Promise<GitTreeEntry[]> => {
        const type = typeOfMode(mode)
        const entryPath = prefix + name
        if (type === 'tree' && recursive) {
          return this.treeEntries(await this.objectOf(sha, 'tree', ['ls-tree', sha]), `${entryPath}/`, true)
        }
        const entry: GitTreeEntry = { mode: mode.padStart(6, '0'), type, sha, path: entryPath }
        if (type === 'blob') entry.size = (await this.objects.info(sha))?.size
        return [entry]
      })
    )
    return listed.flat()
  }

  /** The entry at `filePath` in a commit's tree, or undefined when the path is absent. */
  async entryAt(commitSha: string, filePath: string): Promise<GitTreeEntry | undefined> {
    const clean = filePath.replace(/^\/+|\/+$/g, '')
    const find = async (): Promise<GitTreeEntry | undefined> => {
      const root = await this.objectOf(commitSha, 'tree', ['ls-tree', commitSha, '--', clean])
      if (clean === '') return { mode: '040000', type: 'tree', sha: root.sha, path: '' }
      let tree: GitObject | undefined = root
      let found: GitTreeEntry | undefined
      for (const name of clean.split('/')) {
        const stored: StoredTreeEntry | undefined =
          tree && parseTreeObject(tree.content).find(e => e.name === name)
        if (!stored) return undefined
        const type = typeOfMode(stored.mode)
        found = { mode: stored.mode.padStart(6, '0'), type, sha: stored.sha, path: clean }
        tree = type === 'tree' ? await this.objectOf(stored.sha, 'tree', ['ls-tree', stored.sha]) : undefined
      }
      if (found?.type === 'blob') found.size = (await this.objects.info(found.sha))?.size
      return found
    }
    return FULL_ID.test(commitSha) ? this.remember(`entry ${commitSha} ${clean}`, find) : find()
  }

  /** Builds nested trees from a flat map of full paths to blob (or submodule) entries, as mktree would. */
  async writeTreeFromPaths(
    entries: Map<string, { mode: string; type: string; sha: string }>
  ): Promise<string> {
    interface Dir {
      files: Map<string, { mode: string; type: string; sha: string }>
      dirs: Map<string, Dir>
    }
    const root: Dir = { files: new Map(), dirs: new Map() }
    for (const [fullPath, entry] of entries) {
      const parts = fullPath.split('/')
      let dir = root
      for (const part of parts.slice(0, -1)) {
        let next = dir.dirs.get(part)
        if (!next) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }))
        dir = next
      }
      dir.files.set(parts[parts.length - 1], entry)
    }
    const write = async (dir: Dir): Promise<string> => {
      const stored = [
        ...(await Promise.all(
          [...dir.dirs].map(async ([name, sub]) => ({ mode: '40000', name, sha: await write(sub) }))
        )),
        ...[...dir.files].map(([name, e]) => ({ mode: e.mode.replace(/^0+/, ''), name, sha: e.sha }))
      ]
      return this.writeObject('tree', treeObjectBody(stored))
    }
    return write(root)
  }

  /** Writes a commit object as commit-tree does; person dates are ISO strings. */
  async writeCommit(options: {
    tree: string
    parents: string[]
    message: string
    author: GitPerson
    committer: GitPerson
  }): Promise<string> {
    const person = (p: GitPerson) =>
      `${p.name} <${p.email}> ${Math.floor(new Date(p.date).getTime() / 1000)} +0000`
    const headers = [
      `tree ${options.tree}`,
      ...options.parents.map(p => `parent ${p}`),
      `author ${person(options.author)}`,
      `committer ${person(options.committer)}`
    ]
    for (const sha of [options.tree, ...options.parents]) {
      const expected = sha === options.tree ? 'tree' : 'commit'
      if ((await this.objectType(sha)) !== expected)
        throw new GitCommandError(['commit-tree', options.tree], 128, `fatal: not a valid ${expected} ${sha}`)
    }
    return this.writeObject('commit', Buffer.from(`${headers.join('\n')}\n\n${options.message}`, 'utf8'))
  }

  /**
   * Writes a loose object and remembers its type, so that a commit of a tree written here asks no git process
   * (objects never change, so the answer is the one cat-file would give).
   */
  private async writeObject(type: 'blob' | 'tree' | 'commit', body: Buffer): Promise<string> {
    const sha = await writeLooseObject(this.dir, type, body)
    if (!this.known.has(`type ${sha}`))
      this.known.set(`type ${sha}`, Promise.resolve({ sha, type, size: body.length }))
    return sha
  }

  /**
   * Moves a ref from `expectedOld` (compare-and-swap; '' creates it) to `sha`; false when it had moved, when another
   * writer holds its lock, or when `sha` is no object. Git's protocol without a git process: the ref's `.lock` file
   * is created exclusively, the ref is read under it (loose, else packed), and the lock is renamed over the ref.
   */
  async updateRef(ref: string, sha: string, expectedOld: string): Promise<boolean> {
    if (
      !/^refs\/[^\0\s]+$/.test(ref) ||
      ref.split('/').some(part => part === '' || part === '.' || part === '..')
    )
      return false
    if (!FULL_ID.test(sha) || !(await this.objectType(sha))) return false
    const file = path.join(this.dir, ...ref.split('/'))
    const lock = `${file}.lock`
    try {
      await mkdir(path.dirname(file), { recursive: true })
    } catch {
      return false
    }
    const handle = await open(lock, 'wx').catch(() => undefined)
    if (!handle) return false
    let renamed = false
    try {
      if (((await this.readRefValue(ref, file)) ?? '') !== expectedOld) return false
      await handle.writeFile(`${sha.toLowerCase()}\n`)
      await handle.close()
      await rename(lock, file)
      renamed = true
      return true
    } catch {
      return false
    } finally {
      if (!renamed) {
        await handle.close().catch(() => undefined)
        await unlink(lock).catch(() => undefined)
      }
    }
  }

  /** The id a ref holds: its loose file, else its line in packed-refs, else undefined. */
  private async readRefValue(ref: string, file: string): Promise<string | undefined> {
    const loose = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined
      throw e
    })
    if (loose !== undefined) return loose.trim()
    const packed = await readFile(path.join(this.dir, 'packed-refs'), 'utf8').catch(() => '')
    for (const line of packed.split('\n')) {
      const [id, name] = line.split(' ')
      if (name === ref && FULL_ID.test(id)) return id
    }
    return undefined
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors (false when either is unknown). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const ask = async () => {
      const target = (await this.objects.info(`${ancestor}^{commit}`))?.sha
      const start = (await this.objects.info(`${descendant}^{commit}`))?.sha
      if (!target || !start) return false
      const seen = new Set<string>()
      const queue = [start]
      while (queue.length) {
        const sha = queue.pop() as string
        if (sha === target) return true
        if (seen.has(sha)) continue
        seen.add(sha)
        queue.push(...(await this.readCommit(sha)).parents)
      }
      return false
    }
    const fixed = FULL_ID.test(ancestor) && FULL_ID.test(descendant)
    return fixed ? this.remember(`is-ancestor ${ancestor} ${descendant}`, ask) : ask()
  }

  /** Commits files on top of a branch (creating it), as another pusher would; returns the new commit id. */
  async commitFiles(branch: string, files: Record<string, string>, message: string): Promise<string> {
    const old = (await this.revParse(`refs/heads/${branch}`)) ?? ''
    const entries = new Map<string, { mode: string; type: string; sha: string }>()
    if (old) {
      for (const e of await this.listTree(old, true)) entries.set(e.path, e)
    }
    const sha = await this.writeFilesCommit(entries, files, old || undefined, message)
    if (!(await this.updateRef(`refs/heads/${branch}`, sha, old))) {
      throw new Error(`refs/heads/${branch} moved while committing ${message}; retry the seed`)
    }
    return sha
  }

  /** Writes `files` as blobs over `entries`, their tree, and a commit of it (on `parent`, if any) by the seed person. */
  private async writeFilesCommit(
    entries: Map<string, { mode: string; type: string; sha: string }>,
    files: Record<string, string>,
    parent: string | undefined,
    message: string
  ): Promise<string> {
    for (const [filePath, content] of Object.entries(files)) {
      entries.set(filePath, { mode: '100644', type: 'blob', sha: await this.writeBlob(content) })
    }
    const person = { ...FIXED_PERSON, date: new Date().toISOString() }
    return this.writeCommit({
      tree: await this.writeTreeFromPaths(entries),
      parents: parent ? [parent] : [],
      message,
      author: person,
      committer: person
    })
  }

  /** A file's text at a ref, or undefined when absent. */
  async readFileAt(ref: string, filePath: string): Promise<string | undefined> {
    const commit = await this.resolveCommit(ref)
    if (!commit) return undefined
    const entry = await this.entryAt(commit, filePath)
    if (!entry || entry.type !== 'blob') return undefined
    return (await this.readBlob(entry.sha)).toString('utf8')
  }

  /** The first-parent history of a branch, newest first, each with its parents. */
  async log(branch: string): Promise<{ sha: string; parents: string[]; message: string }[]> {
    const out = await this.gitText(['rev-list', '--parents', '--format=%s', `refs/heads/${branch}`])
    const result: { sha: string; parents: string[]; message: string }[] = []
    const lines = out.split('\n')
    for (let i = 0; i < lines.length; i += 2) {
      const [, sha, ...parents] = lines[i].split(' ')
      result.push({ sha, parents, message: lines[i + 1] ?? '' })
    }
    return result
  }

  /** Deletes the repository folder. */
  async remove(): Promise<void> {
    this.objects.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}
