// Retraining issues: one open issue per marker (per review id), found by its hidden marker, updated when its
// text or labels change, closed with a comment on recovery. Never a duplicate.
import { GITHUB_BODY_LIMIT } from '../core/conventions.js'
import { explainGitHubError } from './client.js'
import type { RepositoryRef } from './pr.js'
import { withMarker } from './sticky.js'

/** An issue as the modes see it. */
export interface IssueInfo {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  htmlUrl: string
  author: string
}

interface IssueLike {
  number: number
  title: string
  body?: string | null
  state: string
  html_url: string
  user: { login: string } | null
  labels: (string | { name?: string })[]
  pull_request?: unknown
}

function toIssueInfo(issue: IssueLike): IssueInfo {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    htmlUrl: issue.html_url,
    author: issue.user?.login ?? ''
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
  /** Only issues opened by this login (the token's); a user pasting the marker into an issue is then ignored. */
  creator?: string
  /** Which issues to look at (default 'open'). */
  state?: 'open' | 'closed' | 'all'
}

/** The oldest issue (not pull request) whose body holds the marker, or undefined. Reads 100 issues a page. */
export async function findIssueByMarker(options: FindIssueOptions): Promise<IssueInfo | undefined> {
  const { client, owner, repo, marker, creator } = options
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
      const match = (page.data as IssueLike[]).find(
        i =>
          !i.pull_request &&
          (i.body ?? '').includes(marker) &&
          (!creator || i.user?.login.toLowerCase() === creator.toLowerCase())
      )
      if (match) return toIssueInfo(match)
    }
  } catch (error) {
    throw explainGitHubError(error, `listing the issues of ${owner}/${repo}`, 'issues: read')
  }
  return undefined
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
