// One commit on a branch through the Git Data API, with compare-and-swap: read the head, let the caller compute
// the new files from the files at that head, write blobs, a tree on the head's tree and a commit (no custom
// author, so GitHub signs it), then move the ref without force. When another push won the race (422 "Update is
// not a fast forward") the whole thing is redone on the new head after a jittered exponential backoff.
import { GitHubApiError, explainGitHubError, isGitHubRequestError } from './client.js'
import { readFileAtRef, type RepositoryRef } from './pr.js'

/** Reads a file's text at the head being committed on; undefined when absent. */
export type ReadFileAtHead = (path: string) => Promise<string | undefined>

/** Options of commitFilesToBranch. */
export interface CommitFilesOptions extends RepositoryRef {
  branch: string
  message: string
  /** New contents by path, computed from the files at `headSha`; undefined or {} when there is nothing to do. */
  computeFiles: (readFile: ReadFileAtHead, headSha: string) => Promise<Record<string, string> | undefined>
  /** Attempts before giving up on a branch that keeps moving (default 5). */
  maxAttempts?: number
  /** First backoff in ms, doubled each retry and jittered ×[0.5, 1.5) (default 500). */
  backoffBaseMs?: number
  /** Random numbers in [0, 1) for the jitter (default Math.random). */
  random?: () => number
  /** Waits (default setTimeout); tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>
}

/** What commitFilesToBranch did: the new commit (none when nothing changed) and how many attempts it took. */
export interface CommitFilesResult {
  commitSha?: string
  attempts: number
  /** Paths whose contents changed in the commit (empty when no commit was made). */
  changedPaths: string[]
}

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

function isNotFastForward(error: unknown): boolean {
  if (!isGitHubRequestError(error) || error.status !== 422) return false
  const data = error.response?.data as { message?: string } | undefined
  return /not a fast.?forward/i.test(data?.message ?? error.message)
}

/** Commits computed files on top of `branch`, retrying on a race; never force-pushes. */
export async function commitFilesToBranch(options: CommitFilesOptions): Promise<CommitFilesResult> {
  const { client, owner, repo, branch, message, computeFiles } = options
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5)
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep
  const backoffBaseMs = options.backoffBaseMs ?? 500
  const where = `${owner}/${repo}@${branch}`

  for (let attempt = 1; ; attempt++) {
    const headSha = await readBranchHead(options, where)
    const readFile = cachedFileReader(options, headSha)
    const files = (await computeFiles(readFile, headSha)) ?? {}
    const changedPaths = await changedPathsOf(files, readFile)
    if (!changedPaths.length) return { attempts: attempt, changedPaths: [] }

    const commitSha = await writeCommit(options, { headSha, files, changedPaths, message, where })
    try {
      await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commitSha, force: false })
      return { commitSha, attempts: attempt, changedPaths }
    } catch (error) {
      if (!isNotFastForward(error))
        throw explainGitHubError(error, `moving ${where} to the new commit`, 'contents: write')
      if (attempt >= maxAttempts) throw branchKeptMoving(where, attempt, error)
      await sleep(backoffBaseMs * 2 ** (attempt - 1) * (0.5 + random()))
    }
  }
}

/** The sha `branch` points at now. */
async function readBranchHead(
  { client, owner, repo, branch }: CommitFilesOptions,
  where: string
): Promise<string> {
  try {
    const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
    return data.object.sha
  } catch (error) {
    throw explainGitHubError(error, `reading the head of ${where}`, 'contents: read')
  }
}

/** A reader of files at `headSha` that fetches each path (leading slashes dropped) at most once. */
function cachedFileReader({ client, owner, repo }: RepositoryRef, headSha: string): ReadFileAtHead {
  const cache = new Map<string, Promise<string | undefined>>()
  return path => {
    const clean = path.replace(/^\/+/, '')
    let pending = cache.get(clean)
    if (!pending) {
      pending = readFileAtRef({ client, owner, repo, path: clean, ref: headSha })
      cache.set(clean, pending)
    }
    return pending
  }
}

/** The paths (leading slashes dropped) whose new contents differ from those at the head. */
async function changedPathsOf(files: Record<string, string>, readFile: ReadFileAtHead): Promise<string[]> {
  const changedPaths: string[] = []
  for (const [path, content] of Object.entries(files)) {
    if ((await readFile(path)) !== content) changedPaths.push(path.replace(/^\/+/, ''))
  }
  return changedPaths
}

/** What writeCommit puts in the commit. */
interface CommitContents {
  headSha: string
  files: Record<string, string>
  changedPaths: string[]
  message: string
  where: string
}

/** Writes the changed files as blobs, a tree on the head's tree and a commit whose parent is the head; its sha. */
async function writeCommit(
  { client, owner, repo }: RepositoryRef,
  contents: CommitContents
): Promise<string> {
  const { headSha, files, changedPaths, message, where } = contents
  try {
    const { data: head } = await client.rest.git.getCommit({ owner, repo, commit_sha: headSha })
    const tree = await Promise.all(
      changedPaths.map(async path => {
        const { data: blob } = await client.rest.git.createBlob({
          owner,
          repo,
          content: files[path] ?? files[`/${path}`],
          encoding: 'utf-8'
        })
        return { path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha }
      })
    )
    const { data: newTree } = await client.rest.git.createTree({
      owner,
      repo,
      base_tree: head.tree.sha,
      tree
    })
    const { data: commit } = await client.rest.git.createCommit({
      owner,
      repo,
      message,
      tree: newTree.sha,
      parents: [headSha]
    })
    return commit.sha
  } catch (error) {
    throw explainGitHubError(error, `writing the commit for ${where}`, 'contents: write')
  }
}

/** The error when every attempt lost the race to another push. */
function branchKeptMoving(where: string, attempts: number, cause: unknown): GitHubApiError {
  const hint = 'Another push landed before each of them; re-run the job (this never force-pushes).'
  return new GitHubApiError(
    `Committing to ${where} failed: the branch moved during each of ${attempts} attempts (422 "Update is not a fast forward"). ${hint}`,
    422,
    `committing to ${where}`,
    hint,
    { cause }
  )
}
