// Retraining issues: one open issue per marker (per review id), found by its hidden marker and by who opened it
// (as the sticky comment is: the token's login when GitHub tells it, else a bot whose login the marker names), updated
// when its text or labels change, closed with a comment on recovery. Never a duplicate.
import { findMarker, GITHUB_BODY_LIMIT, stampMarker } from '../core/conventions.js'
import { explainGitHubError, isGitHubRequestError } from './client.js'
import type { RepositoryRef } from './pr.js'
import { isOwnMarkedItem, withMarker, type TokenIdentity } from './sticky.js'

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

/** Options of findIssueByMarker. */
export interface FindIssueOptions extends RepositoryRef {
  marker: string
  /** Only issues opened by this login; a user pasting the marker into an issue is then ignored. */
  creator?: string
  /**
   * Only issues opened by the token of this identity (resolveTokenIdentity): by its login when known, else by a bot
   * whose login the marker names (or a marker naming none). A person's issue holding the marker is never taken.
   */
  identity?: TokenIdentity
  /** Which issues to look at (default 'open'). */
  state?: 'open' | 'closed' | 'all'
}

async function* issuesWithMarker(options: FindIssueOptions): AsyncGenerator<IssueInfo> {
  const { client, owner, repo, marker, identity } = options
  const creator = options.creator ?? identity?.login
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
      for (const i of page.data as IssueLike[]) {
        if (i.pull_request) continue
        const ours = identity
          ? isOwnMarkedItem(i, marker, identity)
          : findMarker(i.body ?? '', marker) !== undefined &&
            (!creator || i.user?.login.toLowerCase() === creator.toLowerCase())
        if (ours) yield toIssueInfo(i)
      }
    }
  } catch (error) {
    throw explainGitHubError(error, `listing the issues of ${owner}/${repo}`, 'issues: read')
  }
}

/** The oldest issue (not pull request) whose body holds the marker, or undefined. Reads 100 issues a page. */
export async function findIssueByMarker(options: FindIssueOptions): Promise<IssueInfo | undefined> {
  for await (const issue of issuesWithMarker(options)) return issue
  return undefined
}

/** Every issue (not pull request) whose body holds the marker, oldest first. */
export async function listIssuesByMarker(options: FindIssueOptions): Promise<IssueInfo[]> {
  const found: IssueInfo[] = []
  for await (const issue of issuesWithMarker(options)) found.push(issue)
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

/** Options of upsertIssue. */
export interface UpsertIssueOptions extends RepositoryRef {
  marker: string
  title: string
  body: string
  labels?: string[]
  creator?: string
}

/** What upsertIssue did. */
export interface UpsertIssueResult {
  action: 'created' | 'updated' | 'unchanged'
  number: number
  url: string
}

/**
 * Opens the issue of this marker, or updates the open one when its title, body or labels differ (labels people
 * added are kept). One open issue per marker, never a duplicate.
 */
export async function upsertIssue(options: UpsertIssueOptions): Promise<UpsertIssueResult> {
  const { client, owner, repo, marker, title } = options
  const body = withMarker(options.body, marker)
  const labels = [...new Set(options.labels ?? [])]
  checkLength(body, `${owner}/${repo}`)
  const existing = await findIssueByMarker({ client, owner, repo, marker, creator: options.creator })
  try {
    if (!existing) {
      const { data } = await client.rest.issues.create({ owner, repo, title, body, labels })
      return { action: 'created', number: data.number, url: data.html_url }
    }
    const missingLabels = labels.filter(l => !existing.labels.some(e => e.toLowerCase() === l.toLowerCase()))
    const same = existing.title === title && existing.body.replace(/\r\n/g, '\n').trimEnd() === body.trimEnd()
    if (same && !missingLabels.length)
      return { action: 'unchanged', number: existing.number, url: existing.htmlUrl }
    const { data } = await client.rest.issues.update({
      owner,
      repo,
      issue_number: existing.number,
      title,
      body,
      ...(missingLabels.length ? { labels: [...existing.labels, ...missingLabels] } : {})
    })
    return { action: 'updated', number: data.number, url: data.html_url }
  } catch (error) {
    throw explainGitHubError(
      error,
      `${existing ? `updating issue #${existing.number}` : 'opening the retraining issue'} in ${owner}/${repo}`,
      'issues: write'
    )
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

/** Closes the open issue of a marker with a comment; returns its number, or undefined when none was open. */
export async function closeIssueByMarker(
  options: RepositoryRef & { marker: string; comment?: string; creator?: string }
): Promise<number | undefined> {
  const existing = await findIssueByMarker(options)
  if (!existing) return undefined
  await closeIssue({ ...options, issueNumber: existing.number })
  return existing.number
}
