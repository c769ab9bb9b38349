// What one review of a pull request takes and gives back, and where its outputs go: shared by the review's
// parts (inputs, GitHub writes, the composition in review.ts), by the action and by the CLI.
import path from 'node:path'
import type { ActionConfig } from '../config/inputs.js'
import type { Comparison } from '../core/compare.js'
import type { GitHubClient, GitHubRuntime } from '../github/client.js'
import type { PullRequestInfo } from '../github/pr.js'
import type { StickyCommentResult } from '../github/sticky.js'
import type { ActionLog, ModeOutcome } from './types.js'

/** The pull request a review is about: what reviewPullRequest needs of it. */
export type ReviewPullRequest = Pick<
  PullRequestInfo,
  'number' | 'headSha' | 'headRef' | 'baseSha' | 'baseRef' | 'fromFork'
> & {
  htmlUrl?: string
}

/** Everything one review needs; the action and the CLI build it differently. */
export interface ReviewRequest {
  config: ActionConfig
  log: ActionLog
  env: NodeJS.ProcessEnv
  owner: string
  repo: string
  pr: ReviewPullRequest
  /** The GitHub client, created on first use (a review with comment: false and a local baseline needs none). */
  client: () => Promise<GitHubClient>
  runtime: GitHubRuntime
  /** Set a commit status `experiment-review/<id>` on the PR head (the gate outside a pull_request check). */
  commitStatus?: boolean
  /** Why the PR has moved on since the runs were made: the comment and status are skipped. */
  stale?: string
  /** Link to the workflow run, for the status and the job summary. */
  runUrl?: string
  /**
   * The web root (GITHUB_SERVER_URL): the comment links to the head commit's checks there rather than to this run,
   * so that a re-run with the same results leaves the comment untouched.
   */
  serverUrl?: string
}

/** What a review did, for the CLI's exit code and output. */
export interface ReviewResult {
  outcome: ModeOutcome
  comparison?: Comparison
  comment?: StickyCommentResult
  /** Why no comment was posted, when none was. */
  commentSkipped?: string
  /** The commit status set, when one was. */
  status?: { context: string; state: 'success' | 'failure'; description: string }
  /** What `outcome.failure` is about: the gate, a bad input (rules or baseline file), or GitHub refusing a write. */
  failureKind?: 'gate' | 'input' | 'github'
}

/** The commit status context of a review id. */
export function statusContext(id: string): string {
  return `experiment-review/${id}`
}

/** The path of the JSON report: `${RUNNER_TEMP or workspace}/experiment-review-${id}.json`. */
export function reportPathFor(
  config: Pick<ActionConfig, 'workspace' | 'id'>,
  env: NodeJS.ProcessEnv
): string {
  return path.join(env.RUNNER_TEMP || config.workspace, `experiment-review-${config.id}.json`)
}

/** The web root of the GitHub server the workflow runs on (GITHUB_SERVER_URL, default https://github.com). */
export function serverUrlOf(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
}

/** The link to the current workflow run, from the runner's environment; undefined outside Actions. */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return undefined
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

/** A GitHub client factory that creates the client once, on first use. */
export function lazyClient(create: () => Promise<GitHubClient>): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  return () => (client ??= create())
}
