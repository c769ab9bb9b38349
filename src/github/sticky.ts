// The one sticky comment per pull request and review id: found by its hidden marker AND by the token's own
// login (a user who pastes the marker is never mistaken for it), edited in place, left alone when its text
// would not change, and a duplicate left by a race of two runs removed (the oldest is kept).
import { GITHUB_BODY_LIMIT } from '../core/conventions.js'
import { explainGitHubError, isGitHubRequestError, type GitHubClient, type GitHubRuntime } from './client.js'
import type { RepositoryRef } from './pr.js'

/** The login a workflow's GITHUB_TOKEN posts as. */
export const GITHUB_ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/** What upsertStickyComment did. */
export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged'
  id: number
  url: string
  /** Ids of duplicates (ours, same marker, left by a race) that were deleted. */
  removedDuplicates: number[]
}

/** Options of upsertStickyComment. */
export interface StickyCommentOptions extends RepositoryRef {
  issueNumber: number
  /** The hidden marker; added at the top of the body when the body does not contain it. */
  marker: string
  body: string
  /** The login the token posts as (see resolveTokenLogin). */
  login: string
}

interface CommentLike {
  id: number
  body?: string | null
  html_url: string
  created_at: string
  user: { login: string } | null
}

const sameText = (a: string, b: string) =>
  a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd()

/** The body with the marker at its top (unchanged when it already holds the marker). */
export function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`
}

/**
 * Creates, updates or leaves alone the sticky comment. Reads every page of comments (100 a page, following the
 * Link headers as given), so a pull request with 250 comments costs 3 reads and at most 1 write (0 when the text
 * is unchanged), plus one delete per duplicate found.
 */
export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { client, owner, repo, issueNumber, marker, login } = options
  const where = `${owner}/${repo}#${issueNumber}`
  if (!marker.trim())
    throw new Error(`upsertStickyComment on ${where}: the marker is empty; pass hiddenMarker(id).`)
  if (!login.trim())
    throw new Error(
      `upsertStickyComment on ${where}: the login is empty; resolve it with resolveTokenLogin first.`
    )
  const body = withMarker(options.body, marker)
  const length = Array.from(body).length
  if (length > GITHUB_BODY_LIMIT) {
    throw new Error(
      `The comment for ${where} is ${length} characters, more than GitHub's ${GITHUB_BODY_LIMIT}: ` +
        'the report must fold sections to fit (this is a bug in the report, please report it).'
    )
  }

  const ours: CommentLike[] = []
  try {
    for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    })) {
      for (const comment of page.data as CommentLike[]) {
        if (comment.user?.login.toLowerCase() === login.toLowerCase() && comment.body?.includes(marker))
          ours.push(comment)
      }
    }
  } catch (error) {
    throw explainGitHubError(error, `reading the comments of ${where}`, 'pull-requests: read')
  }
  ours.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
  const [kept, ...duplicates] = ours

  const removedDuplicates: number[] = []
  for (const duplicate of duplicates) {
    try {
      await client.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id })
      removedDuplicates.push(duplicate.id)
    } catch (error) {
      // Another run may have removed it already.
      if (!isGitHubRequestError(error) || error.status !== 404) {
        throw explainGitHubError(
          error,
          `deleting the duplicate comment ${duplicate.id} on ${where}`,
          'pull-requests: write'
        )
      }
    }
  }

  if (kept && sameText(kept.body ?? '', body)) {
    return { action: 'unchanged', id: kept.id, url: kept.html_url, removedDuplicates }
  }
  try {
    if (kept) {
      const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: kept.id, body })
      return { action: 'updated', id: data.id, url: data.html_url, removedDuplicates }
    }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
    return { action: 'created', id: data.id, url: data.html_url, removedDuplicates }
  } catch (error) {
    throw explainGitHubError(
      error,
      `${kept ? 'editing' : 'posting'} the review comment on ${where}`,
      'pull-requests: write'
    )
  }
}

/** Options of resolveTokenLogin. */
export interface TokenLoginOptions {
  client: GitHubClient
  /** The login configured by the user (the bot-login input); wins when set. */
  configured?: string
  runtime: GitHubRuntime
  /** The token, only to tell a personal token (ghp_, github_pat_, gho_, ghu_) from an installation token. */
  token?: string
  /**
   * Whether the token is the workflow's GITHUB_TOKEN. Default inside Actions: yes unless the token looks like a
   * personal token. A GitHub App installation token also posts as a bot: set `configured` to its `<app>[bot]`.
   */
  defaultToken?: boolean
}

const PERSONAL_TOKEN = /^(ghp_|github_pat_|gho_|ghu_)/

/**
 * The login the token posts as: the configured one; in Actions with the default token github-actions[bot]
 * (GET /user refuses that token); otherwise GET /user. Never guessed from a failed call: when GET /user fails,
 * this throws and says to set the login.
 */
export async function resolveTokenLogin(options: TokenLoginOptions): Promise<string> {
  const configured = options.configured?.trim()
  if (configured) return configured
  const isDefaultToken =
    options.defaultToken ??
    (options.runtime === 'actions' && !(options.token && PERSONAL_TOKEN.test(options.token)))
  if (options.runtime === 'actions' && isDefaultToken) return GITHUB_ACTIONS_BOT_LOGIN
  try {
    const { data } = await options.client.rest.users.getAuthenticated()
    if (!data.login) throw new Error('GET /user answered without a login')
    return data.login
  } catch (error) {
    const said = isGitHubRequestError(error)
      ? `${error.status} "${error.message.split(' - ')[0]}"`
      : (error as Error).message
    throw new Error(
      `Could not find out which account the token posts as: GET /user answered ${said}. ` +
        'This happens with GitHub App installation tokens, which may not read /user. Set the bot-login input ' +
        '(CLI: --bot-login) to the login its comments show, e.g. my-app[bot]; the sticky comment is found by it.',
      { cause: error }
    )
  }
}
