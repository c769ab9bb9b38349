// Images hosted in the repository itself: blobs committed to a dedicated branch (experiment-review/assets by default)
// through the Git Data API, one commit per review, at content-addressed paths, so a rerun with the same images
// writes nothing. The branch starts as a commit of its own (no parent: it never carries the default branch's files)
// and only ever moves forward; it is never force-pushed, and the default branch is never written.
import { GitHubApiError, explainGitHubError, isGitHubRequestError } from './client.js'
import type { RepositoryRef } from './pr.js'

/** One file to host: its path on the branch and its bytes. */
export interface AssetFile {
  path: string
  content: Buffer
}

/** Options of uploadAssets. */
export interface UploadAssetsOptions extends RepositoryRef {
  branch: string
  /** The repository's default branch: refused as the assets branch. */
  defaultBranch?: string
  files: AssetFile[]
  message: string
  /** Attempts when another upload moves the branch at the same time (default 4). */
  maxAttempts?: number
}

/** What uploadAssets did: the commit (none when every file was there already) and the paths it wrote. */
export interface UploadAssetsResult {
  commitSha?: string
  written: string[]
  /** The branch was created by this upload. */
  created: boolean
}

/** Whether a GitHub error says the ref moved under us or already exists (a concurrent upload won the race). */
function lostRace(error: unknown): boolean {
  if (!isGitHubRequestError(error) || error.status !== 422) return false
  const data = error.response?.data as { message?: string } | undefined
  return /not a fast.?forward|already exists/i.test(data?.message ?? error.message)
}

/** The paths of the tree of `commitSha` (recursive), or undefined when GitHub truncated the listing. */
async function pathsAt(
  ref: RepositoryRef,
  commitSha: string
): Promise<{ paths: Set<string>; tree: string } | undefined> {
  const { client, owner, repo } = ref
  const { data: commit } = await client.rest.git.getCommit({ owner, repo, commit_sha: commitSha })
  const { data: tree } = await client.rest.git.getTree({
    owner,
    repo,
    tree_sha: commit.tree.sha,
    recursive: 'true'
  })
  if (tree.truncated) return undefined
  return { paths: new Set(tree.tree.filter(e => e.type === 'blob').map(e => e.path!)), tree: commit.tree.sha }
}

/** Whether `path` exists at `commitSha` (used when a tree is too large to list). */
async function existsAt(ref: RepositoryRef, commitSha: string, path: string): Promise<boolean> {
  try {
    await ref.client.rest.repos.getContent({ owner: ref.owner, repo: ref.repo, path, ref: commitSha })
    return true
  } catch (error) {
    if (isGitHubRequestError(error) && error.status === 404) return false
    throw error
  }
}

/**
 * Commits the files that are not on `branch` yet in one commit; creates the branch (a commit without parent) when
 * it does not exist. Never force-pushes: a branch moved by a concurrent upload is re-read and the commit redone.
 * Throws a GitHubApiError saying what failed and which permission is needed (contents: write).
 */
export async function uploadAssets(options: UploadAssetsOptions): Promise<UploadAssetsResult> {
  const { client, owner, repo, branch, files, message } = options
  const where = `${owner}/${repo}@${branch}`
  if (options.defaultBranch && branch === options.defaultBranch) {
    throw new GitHubApiError(
      `The assets branch ${branch} is the default branch of ${owner}/${repo}; images are never committed there.`,
      undefined,
      `uploading images to ${where}`,
      'Set assets-branch to a branch of its own (the default is experiment-review/assets).'
    )
  }
  const unique = [...new Map(files.map(f => [f.path, f])).values()]
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4)
  for (let attempt = 1; ; attempt++) {
    try {
      let head: string | undefined
      try {
        const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
        head = data.object.sha
      } catch (error) {
        if (!isGitHubRequestError(error) || error.status !== 404) throw error
      }
      const listing = head ? await pathsAt(options, head) : { paths: new Set<string>(), tree: undefined }
      const missing: AssetFile[] = []
      for (const f of unique) {
        const there = listing ? listing.paths.has(f.path) : await existsAt(options, head!, f.path)
        if (!there) missing.push(f)
      }
      if (!missing.length) return { written: [], created: false }

      const entries = []
      for (const f of missing) {
        const { data: blob } = await client.rest.git.createBlob({
          owner,
          repo,
          content: f.content.toString('base64'),
          encoding: 'base64'
        })
        entries.push({ path: f.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha })
      }
      const baseTree = head
        ? (listing?.tree ??
          (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha)
        : undefined
      const { data: tree } = await client.rest.git.createTree({
        owner,
        repo,
        tree: entries,
        ...(baseTree ? { base_tree: baseTree } : {})
      })
      const { data: commit } = await client.rest.git.createCommit({
        owner,
        repo,
        message,
        tree: tree.sha,
        parents: head ? [head] : []
      })
      if (head)
        await client.rest.git.updateRef({
          owner,
          repo,
          ref: `heads/${branch}`,
          sha: commit.sha,
          force: false
        })
      else await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha })
      return { commitSha: commit.sha, written: missing.map(f => f.path), created: !head }
    } catch (error) {
      if (lostRace(error) && attempt < maxAttempts) continue
      throw explainGitHubError(error, `uploading images to ${where}`, 'contents: write')
    }
  }
}
