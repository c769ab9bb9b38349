// A real bare git repository behind the twin's Git Data and contents endpoints, driven only by git's
// plumbing commands (rev-parse, cat-file, hash-object, ls-tree, mktree, commit-tree, update-ref).
// Git objects never change, so what a command says about a full object id (a commit, a tree listing, a blob, an
// ancestry) and the id of written content are remembered: each `git` is a process, and under a loaded machine
// starting processes from a large test process was most of a GitHub test's time. Refs are always read afresh.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

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

/** A short key for written content. */
const digest = (content: Buffer | string) => createHash('sha256').update(content).digest('base64')

/** A bare repository in a temporary folder, with the plumbing the twin needs. */
export class TwinGitRepository {
  private constructor(readonly dir: string) {}

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

  /** Creates a bare repository whose `branch` holds one commit with `files` (none: an empty tree). */
  static async create(branch: string, files: Record<string, string> = {}): Promise<TwinGitRepository> {
    const dir = await mkdtemp(path.join(tmpdir(), 'github-twin-'))
    const repository = new TwinGitRepository(dir)
    await repository.git(['init', '--bare', '--quiet', `--initial-branch=${branch}`])
    await repository.commitFiles(branch, files, 'Initial commit')
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
    try {
      return await this.gitText(['rev-parse', '--verify', '--quiet', rev])
    } catch {
      return undefined
    }
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
    try {
      return await this.remember(`type ${sha}`, () => this.gitText(['cat-file', '-t', sha]))
    } catch {
      return undefined
    }
  }

  /** A commit object parsed from cat-file. */
  async readCommit(sha: string): Promise<GitCommitObject> {
    const read = () => this.git(['cat-file', 'commit', sha])
    const text = (await (FULL_ID.test(sha) ? this.remember(`commit ${sha}`, read) : read())).toString('utf8')
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
    const read = () => this.git(['cat-file', 'blob', sha])
    return FULL_ID.test(sha) ? this.remember(`blob ${sha}`, read) : read()
  }

  /** Writes a blob and returns its id. */
  async writeBlob(content: Buffer | string): Promise<string> {
    return this.remember(`write-blob ${digest(content)}`, () =>
      this.gitText(['hash-object', '-w', '--stdin'], { input: content })
    )
  }

  /** Entries of a tree: one level, or every blob and submodule with its full path when `recursive`. */
  async listTree(treeSha: string, recursive = false): Promise<GitTreeEntry[]> {
    const list = () => this.git(['ls-tree', '-z', '--long', ...(recursive ? ['-r'] : []), treeSha])
    const listed = FULL_ID.test(treeSha) ? this.remember(`ls-tree ${recursive} ${treeSha}`, list) : list()
    const out = (await listed).toString('utf8')
    return out
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const tab = line.indexOf('\t')
        const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/)
        const entry: GitTreeEntry = {
          mode,
          type: type as GitTreeEntry['type'],
          sha,
          path: line.slice(tab + 1)
        }
        if (size !== '-') entry.size = Number(size)
        return entry
      })
  }

  /** The entry at `filePath` in a commit's tree, or undefined when the path is absent. */
  async entryAt(commitSha: string, filePath: string): Promise<GitTreeEntry | undefined> {
    const clean = filePath.replace(/^\/+|\/+$/g, '')
    if (clean === '') {
      const commit = await this.readCommit(commitSha)
      return { mode: '040000', type: 'tree', sha: commit.tree, path: '' }
    }
    const list = () => this.git(['ls-tree', '-z', '--long', commitSha, '--', clean])
    const listed = FULL_ID.test(commitSha) ? this.remember(`entry ${commitSha} ${clean}`, list) : list()
    const out = (await listed).toString('utf8')
    const line = out.split('\0').find(Boolean)
    if (!line) return undefined
    const tab = line.indexOf('\t')
    const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/)
    if (line.slice(tab + 1) !== clean) return undefined
    return {
      mode,
      type: type as GitTreeEntry['type'],
      sha,
      path: clean,
      ...(size !== '-' ? { size: Number(size) } : {})
    }
  }

  /** Builds nested trees with mktree from a flat map of full paths to blob (or submodule) entries. */
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
      const lines: string[] = []
      for (const [name, sub] of dir.dirs) lines.push(`040000 tree ${await write(sub)}\t${name}`)
      for (const [name, e] of dir.files) lines.push(`${e.mode} ${e.type} ${e.sha}\t${name}`)
      const input = lines.map(l => l + '\0').join('')
      return this.remember(`mktree ${digest(input)}`, () => this.gitText(['mktree', '-z'], { input }))
    }
    return write(root)
  }

  /** Writes a commit object with commit-tree; person dates are ISO strings. */
  async writeCommit(options: {
    tree: string
    parents: string[]
    message: string
    author: GitPerson
    committer: GitPerson
  }): Promise<string> {
    const epoch = (iso: string) => `${Math.floor(new Date(iso).getTime() / 1000)} +0000`
    return this.gitText(
      ['commit-tree', '--no-gpg-sign', options.tree, ...options.parents.flatMap(p => ['-p', p])],
      {
        input: options.message,
        env: {
          GIT_AUTHOR_NAME: options.author.name,
          GIT_AUTHOR_EMAIL: options.author.email,
          GIT_AUTHOR_DATE: epoch(options.author.date),
          GIT_COMMITTER_NAME: options.committer.name,
          GIT_COMMITTER_EMAIL: options.committer.email,
          GIT_COMMITTER_DATE: epoch(options.committer.date)
        }
      }
    )
  }

  /** Moves a ref from `expectedOld` (compare-and-swap; '' creates it) to `sha`; false when it had moved. */
  async updateRef(ref: string, sha: string, expectedOld: string): Promise<boolean> {
    try {
      await this.git(['update-ref', ref, sha, expectedOld])
      return true
    } catch {
      return false
    }
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    // Exit 1 is "not an ancestor"; any other failure (an unknown object) is not remembered.
    const ask = () =>
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]).then(
        () => true,
        (e: unknown) => {
          if (e instanceof GitCommandError && e.exitCode === 1) return false
          throw e
        }
      )
    try {
      const fixed = FULL_ID.test(ancestor) && FULL_ID.test(descendant)
      return await (fixed ? this.remember(`is-ancestor ${ancestor} ${descendant}`, ask) : ask())
    } catch {
      return false
    }
  }

  /** Commits files on top of a branch (creating it), as another pusher would; returns the new commit id. */
  async commitFiles(branch: string, files: Record<string, string>, message: string): Promise<string> {
    const old = (await this.revParse(`refs/heads/${branch}`)) ?? ''
    const entries = new Map<string, { mode: string; type: string; sha: string }>()
    if (old) {
      for (const e of await this.listTree(old, true)) entries.set(e.path, e)
    }
    for (const [filePath, content] of Object.entries(files)) {
      entries.set(filePath, { mode: '100644', type: 'blob', sha: await this.writeBlob(content) })
    }
    const tree = await this.writeTreeFromPaths(entries)
    const person = { ...FIXED_PERSON, date: new Date().toISOString() }
    const sha = await this.writeCommit({
      tree,
      parents: old ? [old] : [],
      message,
      author: person,
      committer: person
    })
    if (!(await this.updateRef(`refs/heads/${branch}`, sha, old))) {
      throw new Error(`refs/heads/${branch} moved while committing ${message}; retry the seed`)
    }
    return sha
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
    await rm(this.dir, { recursive: true, force: true })
  }
}
