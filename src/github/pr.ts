// Pull requests, files at a ref, commit statuses and reactions.
import { GitHubApiError, explainGitHubError, isGitHubRequestError, type GitHubClient } from './client.js'

/** Which repository a call is about. */
export interface RepositoryRef {
  client: GitHubClient
  owner: string
  repo: string
}

/** What the modes need to know about a pull request. */
export interface PullRequestInfo {
  number: number
  title: string
  state: 'open' | 'closed'
  merged: boolean
  draft: boolean
  htmlUrl: string
  author: string
  headSha: string
  headRef: string
  /** owner/name of the head repository (a fork's, for pull requests from forks). */
  headRepository: string
  baseRef: string
  baseSha: string
  /** The head is in another repository (a fork): the workflow token is read-only there. */
  fromFork: boolean
  /** When it was merged (ISO 8601); undefined while it is not. */
  mergedAt?: string
  /** Once merged: the merge commit, the squashed commit or the last rebased commit on the base branch. */
  mergeCommitSha?: string
  /** Who merged it; only GET /pulls/{number} says (list endpoints answer pull-request-simple, without it). */
  mergedBy?: string
}

/**
 * The fields read from a pull request. List endpoints (pulls.list, GET /commits/{sha}/pulls) answer
 * `pull-request-simple`, which has `merged_at` and `merge_commit_sha` but no `merged` and no `merged_by`;
 * GET /pulls/{number} answers `pull-request`, which has them all.
 */
interface PullLike {
  number: number
  title: string
  state: string
  merged?: boolean | null
  merged_at?: string | null
  merge_commit_sha?: string | null
  merged_by?: { login: string } | null
  draft?: boolean
  html_url: string
  user: { login: string } | null
  head: { sha: string; ref: string; repo: { full_name: string } | null }
  base: { sha: string; ref: string; repo?: { full_name: string } | null }
}

function toPullRequestInfo(pull: PullLike, owner: string, repo: string): PullRequestInfo {
  const headRepository = pull.head.repo?.full_name ?? ''
  const mergedAt = pull.merged_at ?? undefined
  return {
    number: pull.number,
    title: pull.title,
    state: pull.state === 'closed' ? 'closed' : 'open',
    merged: Boolean(pull.merged ?? mergedAt),
    draft: Boolean(pull.draft),
    htmlUrl: pull.html_url,
    author: pull.user?.login ?? '',
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    headRepository,
    baseRef: pull.base.ref,
    baseSha: pull.base.sha,
    fromFork: headRepository.toLowerCase() !== `${owner}/${repo}`.toLowerCase(),
    ...(mergedAt ? { mergedAt } : {}),
    ...(mergedAt && pull.merge_commit_sha ? { mergeCommitSha: pull.merge_commit_sha } : {}),
    ...(pull.merged_by?.login ? { mergedBy: pull.merged_by.login } : {})
  }
}

/** Reads one pull request; rejects with an explained error when it does not exist or cannot be read. */
export async function getPullRequest(
  options: RepositoryRef & { pullNumber: number }
): Promise<PullRequestInfo> {
  const { client, owner, repo, pullNumber } = options
  try {
    const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pullNumber })
    return toPullRequestInfo(data as PullLike, owner, repo)
  } catch (error) {
    throw explainGitHubError(
      error,
      `reading pull request ${owner}/${repo}#${pullNumber}`,
      'pull-requests: read'
    )
  }
}

/**
 * The pull request whose head is `sha`: first GET commits/{sha}/pulls (open pull requests with that head
 * first), then, because that finds nothing for heads in forks (a workflow_run from a fork carries an empty
 * `pull_requests` list too), the open pull requests of the repository matched on head.sha. Undefined when none.
 */
export async function findPullRequestForSha(
  options: RepositoryRef & { sha: string; /** Narrows the fallback to this head branch. */ headRef?: string }
): Promise<PullRequestInfo | undefined> {
  const { client, owner, repo, sha, headRef } = options
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: sha,
      per_page: 100
    })
    const pulls = (data as PullLike[]).map(p => toPullRequestInfo(p, owner, repo))
    const best =
      pulls.find(p => p.state === 'open' && p.headSha === sha) ??
      pulls.find(p => p.state === 'open') ??
      pulls[0]
    if (best) return best
  } catch (error) {
    // 422 answers commits that GitHub does not have (e.g. only in a fork): fall through to the listing.
    if (!isGitHubRequestError(error) || (error.status !== 404 && error.status !== 422)) {
      throw explainGitHubError(
        error,
        `finding the pull request of commit ${sha} in ${owner}/${repo}`,
        'pull-requests: read'
      )
    }
  }
  try {
    for await (const page of client.paginate.iterator(client.rest.pulls.list, {
      owner,
      repo,
      state: 'open',
      per_page: 100
    })) {
      const match = (page.data as PullLike[]).find(
        p => p.head.sha === sha && (!headRef || p.head.ref === headRef)
      )
      if (match) return toPullRequestInfo(match, owner, repo)
    }
  } catch (error) {
    throw explainGitHubError(
      error,
      `listing open pull requests of ${owner}/${repo} to find head ${sha}`,
      'pull-requests: read'
    )
  }
  return undefined
}

/**
 * The merged pull request that a push of `sha` to the default branch landed, on every merge method: GET
 * /commits/{sha}/pulls lists, for a commit on the default branch, the merged pull request that introduced it.
 * The one whose merge_commit_sha is `sha` wins (a merge commit, a squashed commit, the last rebased commit); then
 * one whose head is `sha` (a fast-forward). It is read once more with GET /pulls/{number} for merged_by, which
 * list answers lack. Undefined when the push merged no pull request (a direct push).
 */
export async function findMergedPullRequest(
  options: RepositoryRef & { sha: string }
): Promise<PullRequestInfo | undefined> {
  const { client, owner, repo, sha } = options
  let merged: PullRequestInfo[]
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: sha,
      per_page: 100
    })
    merged = (data as PullLike[]).map(p => toPullRequestInfo(p, owner, repo)).filter(p => p.merged)
  } catch (error) {
    if (isGitHubRequestError(error) && (error.status === 404 || error.status === 422)) return undefined
    throw explainGitHubError(
      error,
      `finding the pull request merged as ${sha.slice(0, 12)} in ${owner}/${repo}`,
      'pull-requests: read'
    )
  }
  const found = merged.find(p => p.mergeCommitSha === sha) ?? merged.find(p => p.headSha === sha) ?? merged[0]
  if (!found) return undefined
  try {
    const full = await getPullRequest({ client, owner, repo, pullNumber: found.number })
    return { ...found, ...full }
  } catch (error) {
    // merged_by is a detail: the list answer already names the PR, its author and when it merged.
    if (error instanceof GitHubApiError) return found
    throw error
  }
}

/** The paths a pull request changes (a rename counts both names); at most 3,000, as GitHub lists them. */
export async function listPullRequestFiles(
  options: RepositoryRef & { pullNumber: number }
): Promise<string[]> {
  const { client, owner, repo, pullNumber } = options
  try {
    const files = await client.paginate(client.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100
    })
    return files.flatMap(f => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]))
  } catch (error) {
    throw explainGitHubError(
      error,
      `listing the files of pull request ${owner}/${repo}#${pullNumber}`,
      'pull-requests: read'
    )
  }
}

/** The text of a file at a ref (branch, tag or commit) via the contents API; undefined when it is absent. */
export async function readFileAtRef(
  options: RepositoryRef & { path: string; ref: string }
): Promise<string | undefined> {
  const { client, owner, repo, path, ref } = options
  try {
    const { data } = await client.rest.repos.getContent({
      owner,
      repo,
      path,
      ref,
      mediaType: { format: 'raw' }
    })
    if (typeof data === 'string') return data
    if ((data as unknown) instanceof ArrayBuffer)
      return Buffer.from(data as unknown as ArrayBuffer).toString('utf8')
    if (Array.isArray(data)) {
      throw new Error(
        `${path} at ${ref} in ${owner}/${repo} is a directory, not a file: point the input at a file inside it.`
      )
    }
    const file = data as { content?: string; encoding?: string }
    if (file.encoding === 'base64' && typeof file.content === 'string')
      return Buffer.from(file.content, 'base64').toString('utf8')
    throw new Error(
      `${path} at ${ref} in ${owner}/${repo} is not a regular file (a symlink or submodule?): point the input at a file.`
    )
  } catch (error) {
    if (isGitHubRequestError(error) && error.status === 404) return undefined
    if (!isGitHubRequestError(error)) throw error
    throw explainGitHubError(error, `reading ${path} at ${ref} in ${owner}/${repo}`, 'contents: read')
  }
}

/** State of a commit status as GitHub names it. */
export type CommitStatusState = 'pending' | 'success' | 'failure' | 'error'

/** GitHub's maximum length of a commit status description. */
export const COMMIT_STATUS_DESCRIPTION_LIMIT = 140

/** Sets a commit status (the check that gates a merge when the review runs outside Actions). */
export async function setCommitStatus(
  options: RepositoryRef & {
    sha: string
    state: CommitStatusState
    context: string
    description?: string
    targetUrl?: string
  }
): Promise<void> {
  const { client, owner, repo, sha, state, context, targetUrl } = options
  let description = options.description
  if (description && description.length > COMMIT_STATUS_DESCRIPTION_LIMIT) {
    description = `${description.slice(0, COMMIT_STATUS_DESCRIPTION_LIMIT - 1)}…`
  }
  try {
    await client.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state,
      context,
      ...(description ? { description } : {}),
      ...(targetUrl ? { target_url: targetUrl } : {})
    })
  } catch (error) {
    throw explainGitHubError(
      error,
      `setting the ${context} status on ${sha.slice(0, 12)} in ${owner}/${repo}`,
      'statuses: write'
    )
  }
}

/** A reaction GitHub accepts on a comment. */
export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

/** Adds a reaction to an issue or pull request comment (a second identical reaction is a no-op on GitHub). */
export async function addReaction(
  options: RepositoryRef & { commentId: number; content: ReactionContent }
): Promise<void> {
  const { client, owner, repo, commentId, content } = options
  try {
    await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content })
  } catch (error) {
    throw explainGitHubError(
      error,
      `reacting ${content} to comment ${commentId} in ${owner}/${repo}`,
      'pull-requests: write'
    )
  }
}
