// Command mode (issue_comment on a pull request): `/experiments help|accept|champion|refresh` from people whose
// repository permission reaches commands.permission. Each command gets a reaction (+1 done, -1 refused, confused not
// understood); a refusal or the help text gets a short reply. Decisions are kept in the sticky comment's hidden state,
// which is read only from the comment the token itself wrote. After an accept the gate turns green without a push:
// the commit status experiment-review/<id> is set on the head, or the failed jobs of the review's workflow run are
// re-run, whichever the last review used.
import { loadRules, RulesFileError } from '../config/rules-file.js'
import { parseCommand, type ParsedCommand } from '../core/commands.js'
import { carriesProjectMarker, hiddenMarker } from '../core/conventions.js'
import { championPickProblem, regressedMetrics, type ReviewDecision } from '../core/decisions.js'
import type { Comparison } from '../core/compare.js'
import { rerunFailedJobs } from '../github/actions.js'
import { explainGitHubError, type GitHubClient } from '../github/client.js'
import {
  getRepositoryPermission,
  hasPermission,
  type RepositoryPermission,
  type RepositoryRole
} from '../github/permissions.js'
import { addReaction, getPullRequest, setCommitStatus, type ReactionContent } from '../github/pr.js'
import {
  listOwnStickyComments,
  resolveTokenIdentity,
  upsertStickyComment,
  type TokenIdentity
} from '../github/sticky.js'
import {
  gateNotUpdatedBlocks,
  helpBlocks,
  refusalBlocks,
  renderReply,
  type CommandRefusal
} from '../report/commands.js'
import { violationMessage } from '../report/findings.js'
import {
  judgedComparison,
  readDecisionsState,
  readReviewSnapshot,
  renderStickyComment,
  type ReviewSnapshot
} from '../report/review-state.js'
import { statusDescription } from '../report/summary.js'
import type { ActionLog, ModeContext, ModeOutcome } from './types.js'

/** The comment event a command comes from, or why it is not one to act on. */
export type CommentEventTarget =
  | {
      kind: 'command'
      owner: string
      repo: string
      /** The pull request number (issue number). */
      number: number
      commentId: number
      author: string
      body: string
    }
  | { kind: 'skip'; reason: string }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads an issue_comment payload (untrusted). Skipped, with the reason: other events and actions than `created`
 * (an edited comment is never acted on: its command was answered when it was written), comments on issues, comments
 * by bots (user.type Bot or a `[bot]` login), and comments holding the project's hidden marker (ours, or a copy).
 */
export function parseCommentEvent(
  eventName: string,
  payload: Json,
  env: NodeJS.ProcessEnv = {}
): CommentEventTarget {
  if (eventName !== 'issue_comment')
    return {
      kind: 'skip',
      reason: `commands come from issue_comment events, not "${eventName || 'unknown'}"`
    }
  if (payload.action !== 'created')
    return {
      kind: 'skip',
      reason: `the comment was ${typeof payload.action === 'string' ? payload.action : 'changed'}, not created; only new comments are read as commands`
    }
  const issue = payload.issue
  const comment = payload.comment
  if (!isObject(issue) || !isObject(comment))
    throw new Error(
      'the issue_comment event payload (GITHUB_EVENT_PATH) has no issue or comment object; run command mode on issue_comment events.'
    )
  if (!isObject(issue.pull_request))
    return { kind: 'skip', reason: 'the comment is on an issue, not on a pull request' }
  const user = isObject(comment.user) ? comment.user : {}
  const author = typeof user.login === 'string' ? user.login : ''
  if (user.type === 'Bot' || /\[bot\]$/i.test(author))
    return { kind: 'skip', reason: 'the comment was written by a bot' }
  const body = typeof comment.body === 'string' ? comment.body : ''
  if (carriesProjectMarker(body))
    return {
      kind: 'skip',
      reason: "the comment carries Experiment Review's hidden marker (its own text, or a copy)"
    }
  const number = issue.number
  const commentId = comment.id
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
    throw new Error(
      `the issue_comment payload has issue.number = ${JSON.stringify(number)}; expected a positive number.`
    )
  if (typeof commentId !== 'number' || !Number.isSafeInteger(commentId))
    throw new Error(
      `the issue_comment payload has comment.id = ${JSON.stringify(commentId)}; expected a number.`
    )
  if (!author)
    throw new Error('the issue_comment payload has no comment.user.login; expected the login of its author.')
  const repository = isObject(payload.repository) ? payload.repository.full_name : undefined
  const [owner, repo] = String(
    typeof repository === 'string' ? repository : (env.GITHUB_REPOSITORY ?? '')
  ).split('/')
  if (!owner || !repo)
    throw new Error('the issue_comment payload names no repository and GITHUB_REPOSITORY is empty.')
  return { kind: 'command', owner, repo, number, commentId, author, body }
}

/** What a command did, for tests and the mode's outcome. */
export interface CommandResult {
  command: ParsedCommand['kind']
  reaction?: ReactionContent
  refusal?: CommandRefusal
  /** The decision recorded, when one was. */
  decision?: ReviewDecision
  /** How the gate was brought up to date after an accept. */
  gate?:
    | { kind: 'status'; state: 'success' | 'failure' }
    | { kind: 'rerun'; runId: number }
    | { kind: 'unchanged' }
  commentUrl?: string
  /** Set when the command was taken but something GitHub refused makes the step fail. */
  failure?: string
}

/** Everything one command needs. */
export interface CommandRequest {
  target: Extract<CommentEventTarget, { kind: 'command' }>
  client: GitHubClient
  id: string
  /** commands.permission of the rules file (default write). */
  permission: RepositoryRole
  botLogin?: string
  now: Date
  log: Pick<ActionLog, 'info' | 'warning' | 'notice'>
}

/** Runs one slash command: permission, parse, act, react and reply. */
export async function runCommand(request: CommandRequest): Promise<CommandResult> {
  const { target, client, log } = request
  const { owner, repo } = target
  const parsed = parseCommand(target.body)
  if (parsed.kind === 'none') return { command: 'none' }
  const answer = commandAnswer(request, parsed.kind)
  const unpermitted = await permissionRefusal(request)
  if (unpermitted) return answer.refuse(unpermitted)

  if (parsed.kind === 'invalid' || parsed.kind === 'help') {
    const reaction: ReactionContent = parsed.kind === 'help' ? '+1' : 'confused'
    await answer.react(reaction)
    await answer.reply(helpBlocks(request.permission, parsed.kind === 'invalid' ? parsed.problem : undefined))
    return { command: parsed.kind, reaction }
  }

  const pr = await getPullRequest({ client, owner, repo, pullNumber: target.number })
  if (pr.state === 'closed') return answer.refuse({ kind: 'closed', merged: pr.merged })
  const identity: TokenIdentity = await resolveTokenIdentity({ client, configured: request.botLogin })
  const marker = hiddenMarker(request.id)
  const sticky = { client, owner, repo, issueNumber: target.number, marker, identity }
  const [comment] = await listOwnStickyComments(sticky)
  if (!comment) return answer.refuse({ kind: 'no-review' })
  const decisions = readDecisionsState(comment.body ?? '')
  const snapshot = readReviewSnapshot(comment.body ?? '')
  if (!snapshot) return answer.refuse({ kind: 'no-snapshot' })

  const judged = decideCommand(parsed, snapshot, { head: pr.headSha, by: target.author, at: request.now })
  if ('refusal' in judged) return answer.refuse(judged.refusal)
  const { decision } = judged
  // Written from the comment as it is right before the write: a review or a command that wrote in the meantime is
  // kept (its last review, its decisions), and this decision is added to them.
  const written = await upsertStickyComment({
    ...sticky,
    body: existing => {
      const current = existing?.body ?? ''
      const latest = existing ? readDecisionsState(current) : decisions
      return renderStickyComment({
        snapshot: (existing && readReviewSnapshot(current)) || snapshot,
        decisions: decision ? [...latest, decision] : latest,
        commandPermission: request.permission
      })
    }
  })
  log.info(`Comment ${written.action} on ${owner}/${repo}#${target.number}: ${written.url}`)

  const result: CommandResult = { command: parsed.kind, decision, commentUrl: written.url }
  if (decision?.kind === 'accept') {
    const after = [...decisions, decision]
    try {
      result.gate = await updateGate({ client, owner, repo, snapshot, before: decisions, after, log })
    } catch (e) {
      const message = (e as Error).message
      result.failure = `the acceptance is recorded, but the gate could not be brought up to date: ${message}`
      log.warning(result.failure)
      await answer.react('-1')
      await answer.reply(gateNotUpdatedBlocks(message))
      return { ...result, reaction: '-1' }
    }
  }
  await answer.react('+1')
  return { ...result, reaction: '+1' }
}

/** How a command is answered on its comment: a reaction, a reply, or both for a refusal. */
function commandAnswer(request: CommandRequest, command: ParsedCommand['kind']) {
  const { target, client, log } = request
  const { owner, repo } = target
  const react = async (content: ReactionContent) => {
    try {
      await addReaction({ client, owner, repo, commentId: target.commentId, content })
    } catch (e) {
      log.warning(`Could not react to the command: ${(e as Error).message}`)
    }
  }
  const reply = async (blocks: Parameters<typeof renderReply>[1]) => {
    try {
      const body = renderReply(request.id, blocks)
      await client.rest.issues.createComment({ owner, repo, issue_number: target.number, body })
    } catch (error) {
      throw explainGitHubError(
        error,
        `replying to the command on ${owner}/${repo}#${target.number}`,
        'pull-requests: write'
      )
    }
  }
  const refuse = async (refusal: CommandRefusal): Promise<CommandResult> => {
    log.notice(`Experiment Review refused the ${command} command of ${target.author}: ${refusal.kind}.`)
    await react('-1')
    await reply(refusalBlocks(refusal))
    return { command, reaction: '-1', refusal }
  }
  return { react, reply, refuse }
}

/**
 * Why the comment's author may not command, or undefined when they may: the collaborator permission API decides,
 * never author_association, and an error reading it means no.
 */
async function permissionRefusal(request: CommandRequest): Promise<CommandRefusal | undefined> {
  const { target, client, log } = request
  const login = target.author
  let has: RepositoryPermission
  try {
    has = await getRepositoryPermission({ client, owner: target.owner, repo: target.repo, user: login })
  } catch (e) {
    log.warning(
      `The permission of ${login} could not be read, so the command is refused: ${(e as Error).message}`
    )
    return { kind: 'permission-unreadable', login, needs: request.permission }
  }
  return hasPermission(has, request.permission)
    ? undefined
    : { kind: 'permission', login, has, needs: request.permission }
}

/**
 * The decision an accept or champion command makes on the reviewed snapshot, or why it is refused; `refresh` decides
 * nothing. An accept or a pick holds for the reviewed head only, so a head that moved on refuses both.
 */
function decideCommand(
  parsed: Exclude<ParsedCommand, { kind: 'none' | 'invalid' | 'help' }>,
  snapshot: ReviewSnapshot,
  on: { head: string; by: string; at: Date }
): { decision?: ReviewDecision } | { refusal: CommandRefusal } {
  if (parsed.kind !== 'accept' && parsed.kind !== 'champion') return {}
  const { head, by } = on
  if (snapshot.head !== head) return { refusal: { kind: 'stale', reviewed: snapshot.head, head } }
  const at = on.at.toISOString()
  if (parsed.kind === 'accept') {
    const regressed = regressedMetrics(snapshot.comparison)
    if (!regressed.includes(parsed.metric))
      return { refusal: { kind: 'not-regressed', metric: parsed.metric, regressed, head } }
    return { decision: { kind: 'accept', metric: parsed.metric, reason: parsed.reason, by, at, head } }
  }
  const problem = championPickProblem(snapshot.comparison, parsed.run)
  if (problem?.kind === 'unknown')
    return { refusal: { kind: 'unknown-run', run: parsed.run, finished: problem.finished } }
  if (problem?.kind === 'not-finished')
    return { refusal: { kind: 'run-not-finished', run: parsed.run, status: problem.status } }
  return { decision: { kind: 'champion', run: parsed.run, by, at, head } }
}

/** Whether a judged comparison fails the gate (as review mode decides it). */
function gateFails(c: Comparison, failOnRegression: boolean): boolean {
  const badInput = !!c.missingEvidence || !!c.unknownMetrics?.length
  return c.verdict === 'fail' && (failOnRegression || badInput)
}

/**
 * Brings the gate of the reviewed head up to date after an accept: sets the commit status when the review gates
 * through one, or re-runs the failed jobs of the review's workflow run when its own check failed and no broken rule
 * is left (the re-run review reads the acceptance from the comment and passes).
 */
async function updateGate(options: {
  client: GitHubClient
  owner: string
  repo: string
  snapshot: ReviewSnapshot
  before: ReviewDecision[]
  after: ReviewDecision[]
  log: Pick<ActionLog, 'info'>
}): Promise<NonNullable<CommandResult['gate']>> {
  const { client, owner, repo, snapshot, log } = options
  const judged = judgedComparison(snapshot, options.after)
  const failsNow = gateFails(judged, snapshot.failOnRegression)
  const failedBefore = gateFails(judgedComparison(snapshot, options.before), snapshot.failOnRegression)
  const gate = snapshot.gate
  if (gate.kind === 'status') {
    const state = failsNow ? 'failure' : 'success'
    const description = statusDescription(judged, snapshot.failOnRegression)
    await setCommitStatus({
      client,
      owner,
      repo,
      sha: snapshot.head,
      state,
      context: gate.context,
      description
    })
    log.info(`Status ${gate.context}: ${state} on ${snapshot.head.slice(0, 12)} (${description})`)
    return { kind: 'status', state }
  }
  if (gate.kind === 'check' && failedBefore && !failsNow) {
    await rerunFailedJobs({ client, owner, repo, runId: gate.runId })
    log.info(
      `Re-running the failed jobs of workflow run ${gate.runId}: the review reads the acceptance and passes.`
    )
    return { kind: 'rerun', runId: gate.runId }
  }
  if (failsNow)
    log.info(
      `Still broken after the acceptance: ${judged.violations
        .filter(v => !v.accepted)
        .map(violationMessage)
        .join('; ')}`
    )
  return { kind: 'unchanged' }
}

/** The action's command mode: reads the comment event, loads commands.permission and runs the command. */
export async function runCommandMode(ctx: ModeContext): Promise<ModeOutcome> {
  const target = parseCommentEvent(ctx.eventName, ctx.payload, ctx.env)
  if (target.kind === 'skip') {
    ctx.log.info(`Experiment Review: ${target.reason}; nothing to do.`)
    return {}
  }
  if (parseCommand(target.body).kind === 'none') {
    ctx.log.info('Experiment Review: the comment is not an /experiments command; nothing to do.')
    return {}
  }
  let permission: RepositoryRole
  try {
    permission = (await loadRules(ctx.config.workspace, ctx.config.configFile)).rules.commands.permission
  } catch (e) {
    if (e instanceof RulesFileError) {
      ctx.log.error(e.problem, { file: e.file, line: e.line, title: 'Experiment Review: invalid rules file' })
      return { failure: `Experiment Review: ${e.message}` }
    }
    throw e
  }
  const client = await ctx.github(ctx.config.token)
  const result = await runCommand({
    target,
    client,
    id: ctx.config.id,
    permission,
    botLogin: ctx.config.botLogin,
    now: ctx.now,
    log: ctx.log
  })
  return {
    ...(result.commentUrl ? { commentUrl: result.commentUrl } : {}),
    ...(result.failure ? { failure: `Experiment Review: ${result.failure}` } : {})
  }
}
