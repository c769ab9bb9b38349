// What a review writes to GitHub, and how it finds its pull request on workflow_run: the sticky comment, the
// commit status that gates the merge, each reporting what it did or the problem that must fail the step.
import type { Comparison } from '../core/compare.js'
import { hiddenMarker, promotionBranchOf } from '../core/conventions.js'
import { GitHubApiError, type GitHubClient } from '../github/client.js'
import {
  findPullRequestForSha,
  getPullRequest,
  listPullRequestFiles,
  setCommitStatus,
  type PullRequestInfo
} from '../github/pr.js'
import {
  listOwnStickyComments,
  resolveTokenIdentity,
  upsertStickyComment,
  type CommentLike,
  type StickyCommentResult,
  type TokenIdentity
} from '../github/sticky.js'
import type { ReviewDecision } from '../core/decisions.js'
import { readDecisionsState } from '../report/review-state.js'
import { statusDescription } from '../report/summary.js'
import type { WorkflowRunEventTarget } from './review-event.js'
import { statusContext, type ReviewRequest, type ReviewResult } from './review-request.js'
import type { ActionLog } from './types.js'

const FORK_NOTE =
  'This is expected for pull requests from forks, whose workflow token is read-only: the job summary and the JSON report ' +
  'hold the review, and the fork-safe workflows (pull_request uploads the runs, workflow_run comments) post the comment; ' +
  'see docs/forks.md.'

function isReadOnlyRefusal(error: unknown): error is GitHubApiError {
  return error instanceof GitHubApiError && error.status === 403
}

/**
 * A write refused with 403, explained for where the pull request comes from: from a fork the token is read-only by
 * design; from the repository itself the job lacks a permission (`needed`), which is a setup error to fix.
 */
export function explainRefusedWrite(error: GitHubApiError, fromFork: boolean, needed: string): string {
  const said = error.message.endsWith(error.hint)
    ? error.message.slice(0, -error.hint.length).trim()
    : error.message
  if (fromFork) return `${said} ${FORK_NOTE}`
  return (
    `${said} The pull request is from this repository, so this is not the read-only token of a fork: the job's ` +
    `token lacks \`${needed}\`. Add \`permissions: { ${needed} }\` to the job (a repository or organisation ` +
    'setting may make the workflow token read-only by default), or pass a token that has it.'
  )
}

const identities = new WeakMap<ReviewRequest, Promise<TokenIdentity>>()

/** Who the review's token posts as, asked once per review (GET /user). */
function tokenIdentity(request: ReviewRequest): Promise<TokenIdentity> {
  let identity = identities.get(request)
  if (!identity) {
    identity = request
      .client()
      .then(client => resolveTokenIdentity({ client, configured: request.config.botLogin }))
    identities.set(request, identity)
  }
  return identity
}

/**
 * The reviewers' decisions kept in the PR's sticky comment, read only from the comment the token itself wrote (a
 * copy pasted by anyone else is never taken). None when the comment input is false or the comments cannot be read:
 * then no acceptance applies, which can only make the gate stricter.
 */
export async function readReviewDecisions(request: ReviewRequest): Promise<ReviewDecision[]> {
  if (!request.config.comment) return []
  try {
    const client = await request.client()
    const identity = await tokenIdentity(request)
    const [sticky] = await listOwnStickyComments({
      client,
      owner: request.owner,
      repo: request.repo,
      issueNumber: request.pr.number,
      marker: hiddenMarker(request.config.id),
      identity
    })
    return sticky ? readDecisionsState(sticky.body ?? '') : []
  } catch (e) {
    request.log.warning(
      `The reviewers' decisions could not be read from the review comment, so no acceptance applies: ${(e as Error).message}`
    )
    return []
  }
}

/** What a GitHub write of a review did: `problem` is set when it failed in a way that must fail the step. */
interface WriteReport {
  problem?: string
}

/**
 * Creates or updates the sticky comment (or says why not: the comment input, a stale review, a refused write).
 * A fork's read-only token is expected and explained; any other failure, or a refusal on a same-repository PR (a
 * missing permission), is a problem.
 */
export async function postReviewComment(
  request: ReviewRequest,
  body: string | ((existing: CommentLike | undefined) => string)
): Promise<WriteReport & { comment?: StickyCommentResult; skipped?: string }> {
  const { config, log, pr } = request
  const where = `${request.owner}/${request.repo}#${pr.number}`
  if (!config.comment) return { skipped: 'the comment input is false' }
  if (request.stale) {
    log.warning(`No comment was posted on ${where}: ${request.stale}`)
    return { skipped: request.stale }
  }
  try {
    const client = await request.client()
    const identity = await tokenIdentity(request)
    const comment = await upsertStickyComment({
      client,
      owner: request.owner,
      repo: request.repo,
      issueNumber: pr.number,
      marker: hiddenMarker(config.id),
      body,
      identity
    })
    log.info(`Comment ${comment.action} on ${where}: ${comment.url}`)
    if (comment.removedDuplicates.length)
      log.info(`Removed ${comment.removedDuplicates.length} duplicate comment(s) left by a concurrent run.`)
    return { comment }
  } catch (e) {
    const refused = isReadOnlyRefusal(e)
    const skipped = refused
      ? explainRefusedWrite(e, pr.fromFork, 'pull-requests: write')
      : (e as Error).message
    log.warning(`No comment was posted on ${where}: ${skipped}`)
    return {
      skipped,
      ...(refused && pr.fromFork ? {} : { problem: `the comment could not be posted: ${skipped}` })
    }
  }
}

/**
 * Whether the pull request is the review id's own promotion pull request (promote-via: pull-request): from the
 * promotion branch of this repository, changing nothing but the baseline and the docs page. It has no runs to
 * review, and its gate must not block the promotion. Anything else on that branch is reviewed like any PR.
 */
export async function isOwnPromotionPullRequest(request: ReviewRequest): Promise<boolean> {
  const { config, pr } = request
  if (pr.fromFork || pr.headRef !== promotionBranchOf(config.id)) return false
  const files = await listPullRequestFiles({
    client: await request.client(),
    owner: request.owner,
    repo: request.repo,
    pullNumber: pr.number
  })
  const own = new Set([config.baselinePath, config.docsPath].map(p => p.replace(/^\/+/, '')))
  return files.length > 0 && files.every(f => own.has(f))
}

/** Sets the commit status `experiment-review/<id>` on the PR head: failure when the step fails, else success. */
export function setReviewStatus(
  request: ReviewRequest,
  comparison: Comparison,
  gateFails: boolean,
  targetUrl: string | undefined
): Promise<WriteReport & { status?: ReviewResult['status'] }> {
  const description = statusDescription(comparison, request.config.failOnRegression)
  return setCommitStatusTo(request, gateFails ? 'failure' : 'success', description, targetUrl)
}

/** Sets the commit status `experiment-review/<id>` on the PR head to `state`, or reports the problem. */
export async function setCommitStatusTo(
  request: ReviewRequest,
  state: 'success' | 'failure',
  description: string,
  targetUrl: string | undefined
): Promise<WriteReport & { status?: ReviewResult['status'] }> {
  const { config, log, pr } = request
  const context = statusContext(config.id)
  try {
    await setCommitStatus({
      client: await request.client(),
      owner: request.owner,
      repo: request.repo,
      sha: pr.headSha,
      state,
      context,
      description,
      targetUrl
    })
    log.info(`Status ${context}: ${state} on ${pr.headSha.slice(0, 12)} (${description})`)
    return { status: { context, state, description } }
  } catch (e) {
    const message = isReadOnlyRefusal(e)
      ? explainRefusedWrite(e, false, 'statuses: write')
      : (e as Error).message
    log.warning(`The ${context} status was not set on ${pr.headSha.slice(0, 12)}: ${message}`)
    return { problem: `the commit status that gates the merge could not be set: ${message}` }
  }
}

/** The PR of a workflow_run, or why there is none; `stale` when the PR's head has moved past the run's commit. */
export async function resolveWorkflowRunPullRequest(
  client: GitHubClient,
  target: WorkflowRunEventTarget,
  log: Pick<ActionLog, 'info' | 'warning'>
): Promise<{ pr?: PullRequestInfo; stale?: string; reason: string }> {
  const { owner, repo, headSha } = target
  const short = headSha.slice(0, 12)
  const staleReason = (pr: PullRequestInfo) =>
    `the review is stale: the runs were made on ${short}, but PR #${pr.number} has moved on to ${pr.headSha.slice(0, 12)}; the workflow run on the new head will post the review`
  // A number GitHub listed, or one the workflow passed on (untrusted: it must match the run's head).
  for (const number of [
    ...target.listedPullRequests,
    ...(target.hintedPullRequest ? [target.hintedPullRequest] : [])
  ]) {
    const pr = await getPullRequest({ client, owner, repo, pullNumber: number })
    if (pr.headSha === headSha) return { pr, reason: `PR #${pr.number}` }
    const sameHead =
      (!target.headBranch || pr.headRef === target.headBranch) &&
      (!target.headRepository || pr.headRepository.toLowerCase() === target.headRepository.toLowerCase())
    if (sameHead) return { pr, stale: staleReason(pr), reason: staleReason(pr) }
    log.warning(
      `PR #${number} does not come from the run's head (${target.headRepository ?? '?'}:${target.headBranch ?? '?'} @ ${short}); ignoring it.`
    )
  }
  const found = await findPullRequestForSha({ client, owner, repo, sha: headSha, headRef: target.headBranch })
  if (!found) {
    return {
      reason: `no open pull request of ${owner}/${repo} has the head ${short} that the "${target.workflowName ?? 'PR'}" run was made on: the PR was closed or has moved on (a newer run will review it)`
    }
  }
  log.info(`The workflow run's commit ${short} is the head of PR #${found.number}.`)
  if (found.headSha !== headSha) return { pr: found, stale: staleReason(found), reason: staleReason(found) }
  return { pr: found, reason: `PR #${found.number}` }
}
