// Retraining issues: one open issue per marker (per review id), found by its hidden marker and by who opened it
// (as the sticky comment is: the token's login when GitHub tells it, else a bot whose login the marker names), updated
// when its text or labels change, closed with a comment on recovery. Never a duplicate.
import { GITHUB_BODY_LIMIT, stampMarker } from '../core/conventions.js'
import { explainGitHubError, isGitHubRequestError } from './client.js'
import type { RepositoryRef } from './pr.js'
import { isOwnMarkedItem, type TokenIdentity } from './sticky.js'

/** An issue as the modes see it. */
export interface IssueInfo {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  htmlUrl: string
  author: string
  /** ISO time the issue was closed, for closed issues. */
  closedAt?: string
}

interface IssueLike {
  number: number
  title: string
  body?: string | null
  state: string
  html_url: string
  user: { login: string; type?: string } | null
  labels: (string | { name?: string })[]
  pull_request?: unknown
  closed_at?: string | null
}

function toIssueInfo(issue: IssueLike): IssueInfo {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    htmlUrl: issue.html_url,
    author: issue.user?.login ?? '',
    ...(issue.closed_at ? { closedAt: issue.closed_at } : {})
  }
}

function checkLength(body: string, where: string): void {
  const length = Array.from(body).length
  if (length > GITHUB_BODY_LIMIT) {
    throw new Error(
      `The issue text for ${where} is ${length} characters, more than GitHub's ${GITHUB_BODY_LIMIT}: ` +
        'the report must fold its tables to fit (this is a bug in the report, please report it).'
    )
  }
}

/** Options of listIssuesByMarker. */
export interface FindIssueOptions extends RepositoryRef {
  marker: string
  /**
   * Only issues opened by the token of this identity (resolveTokenIdentity): by its login when known, else by a bot
   * whose login the marker names (or a marker naming none). A person's issue holding the marker is never taken.
   */
  identity: TokenIdentity
  /** Which issues to look at (default 'open'). */
  state?: 'open' | 'closed' | 'all'
}

/** Every issue (not pull request) the token opened whose body holds the marker, oldest first; 100 issues a page. */
export async function listIssuesByMarker(options: FindIssueOptions): Promise<IssueInfo[]> {
  const { client, owner, repo, marker, identity } = options
  const creator = identity.login
  const found: IssueInfo[] = []
  try {
    for await (const page of client.paginate.iterator(client.rest.issues.listForRepo, {
      owner,
      repo,
      state: options.state ?? 'open',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      ...(creator ? { creator } : {})
    })) {
      for (const i of page.data as IssueLike[])
        if (!i.pull_request && isOwnMarkedItem(i, marker, identity)) found.push(toIssueInfo(i))
    }
  } catch (error) {
    throw explainGitHubError(error, `listing the issues of ${owner}/${repo}`, 'issues: read')
  }
  return found
}

/** Creates the labels of `labels` that the repository does not have yet (names compare case-insensitively). */
export async function ensureLabels(options: RepositoryRef & { labels: string[] }): Promise<string[]> {
  const { client, owner, repo } = options
  try {
    const existing = new Set<string>()
    for await (const page of client.paginate.iterator(client.rest.issues.listLabelsForRepo, {
      owner,
      repo,
      per_page: 100
    }))
      for (const l of page.data) existing.add(l.name.toLowerCase())
    const created: string[] = []
    for (const name of options.labels) {
      if (existing.has(name.toLowerCase())) continue
      try {
        await client.rest.issues.createLabel({
          owner,
          repo,
          name,
          color: 'd93f0b',
          description: 'Opened by Experiment Review when the production model degrades'
        })
      } catch (error) {
        // Another run created it in the meantime: what was wanted is there.
        if (!(
          isGitHubRequestError(error) &&
          error.status === 422 &&
          /already_exists/.test(JSON.stringify(error.response?.data))
        ))
          throw error
        continue
      }
      existing.add(name.toLowerCase())
      created.push(name)
    }
    return created
  } catch (error) {
    throw explainGitHubError(
      error,
      `creating the labels ${options.labels.join(', ')} in ${owner}/${repo}`,
      'issues: write'
    )
  }
}

/** Opens an issue with the marker in its body, naming `author` (the token's login, when known) as who opens it. */
export async function createIssue(
  options: RepositoryRef & { marker: string; title: string; body: string; labels: string[]; author?: string }
): Promise<IssueInfo> {
  const { client, owner, repo, title, labels } = options
  const body = stampMarker(options.body, options.marker, options.author)
  checkLength(body, `${owner}/${repo}`)
  try {
    const { data } = await client.rest.issues.create({ owner, repo, title, body, labels })
    return toIssueInfo(data as IssueLike)
  } catch (error) {
    throw explainGitHubError(error, `opening an issue in ${owner}/${repo}`, 'issues: write')
  }
}

/**
 * Rewrites an issue's title and body (the marker kept, naming the issue's author), adds missing labels, and reopens
 * it when asked.
 */
export async function updateIssue(
  options: RepositoryRef & {
    issue: IssueInfo
    marker: string
    title: string
    body: string
    labels?: string[]
    reopen?: boolean
  }
): Promise<IssueInfo> {
  const { client, owner, repo, issue, title } = options
  const body = stampMarker(options.body, options.marker, issue.author || undefined)
  checkLength(body, `${owner}/${repo}#${issue.number}`)
  const missing = (options.labels ?? []).filter(
    l => !issue.labels.some(e => e.toLowerCase() === l.toLowerCase())
  )
  try {
    const { data } = await client.rest.issues.update({
      owner,
      repo,
      issue_number: issue.number,
      title,
      body,
      ...(missing.length ? { labels: [...issue.labels, ...missing] } : {}),
      ...(options.reopen ? { state: 'open' as const } : {})
    })
    return toIssueInfo(data as IssueLike)
  } catch (error) {
    throw explainGitHubError(error, `updating issue ${owner}/${repo}#${issue.number}`, 'issues: write')
  }
}

/** Adds a comment to an issue. */
export async function commentOnIssue(
  options: RepositoryRef & { issueNumber: number; body: string }
): Promise<void> {
  const { client, owner, repo, issueNumber, body } = options
  checkLength(body, `${owner}/${repo}#${issueNumber}`)
  try {
    await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
  } catch (error) {
    throw explainGitHubError(error, `commenting on issue ${owner}/${repo}#${issueNumber}`, 'issues: write')
  }
}

/** Closes an issue as completed, first commenting `comment` when given. */
export async function closeIssue(
  options: RepositoryRef & { issueNumber: number; comment?: string }
): Promise<void> {
  const { client, owner, repo, issueNumber, comment } = options
  try {
    if (comment) {
      checkLength(comment, `${owner}/${repo}#${issueNumber}`)
      await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: comment })
    }
    await client.rest.issues.update({
      owner,
      repo,
      issue_number: issueNumber,
      state: 'closed',
      state_reason: 'completed'
    })
  } catch (error) {
    throw explainGitHubError(error, `closing issue ${owner}/${repo}#${issueNumber}`, 'issues: write')
  }
}
