// Review mode: the PR's runs against the baseline at the PR's base → one sticky comment, the job summary, the JSON
// report, annotations and outputs, and the gate. The action (pull_request, workflow_run) and the CLI (`review
// --repo --pr`) run the same reviewPullRequest; they differ only in how they get the event, the log and the client.
// The parts: review-inputs.ts (rules, baseline), review-github.ts (comment, status, the PR of a workflow_run),
// report/ (every text); this module composes them.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Comparison } from '../core/compare.js'
import type { LoadedRules } from '../config/rules-file.js'
import type { ReportContext } from '../report/comment.js'
import { acceptedForHead, championPickOf } from '../core/decisions.js'
import {
  buildStickyComment,
  readDecisionsState,
  renderStickyComment,
  type GateChannel,
  type ReviewSnapshot
} from '../report/review-state.js'
import type { Violation } from '../core/violations.js'
import type { Rules } from '../core/rules.js'
import type { RepositoryRole } from '../github/permissions.js'
import {
  missingEvidenceText,
  unknownMetricText,
  unreadableEvidenceText,
  verdictWords,
  violationMessage
} from '../report/findings.js'
import { renderJsonReport } from '../report/json.js'
import type { RulesChangeView } from '../report/rules-change.js'
import { githubUrl } from '../report/mdast.js'
import {
  gateFailureMessage,
  OWN_PROMOTION_STATUS,
  ownPromotionLine,
  renderNotRunSummary,
  renderOwnPromotionSummary,
  renderReviewSummary
} from '../report/summary.js'
import { compareCollection, runPipeline } from './pipeline.js'
import { parseReviewEvent } from './review-event.js'
import {
  isOwnPromotionPullRequest,
  postReviewComment,
  readReviewDecisions,
  resolveWorkflowRunPullRequest,
  setCommitStatusTo,
  setReviewStatus
} from './review-github.js'
import { loadReviewInputs, type ReviewRules } from './review-inputs.js'
import { reviewPlots } from './review-plots.js'
import {
  lazyClient,
  reportPathFor,
  serverUrlOf,
  statusContext,
  workflowRunUrl,
  type ReviewRequest,
  type ReviewResult
} from './review-request.js'
import type { ActionLog, ModeContext, ModeOutcome } from './types.js'

export {
  lazyClient,
  type ReviewPullRequest,
  type ReviewRequest,
  type ReviewResult
} from './review-request.js'
export { SUMMARY_DIAGNOSTICS_SHOWN } from '../report/summary.js'

/** Runs one review of a pull request: compare, comment, status, summary, report, annotations, outcome. */
export async function reviewPullRequest(request: ReviewRequest): Promise<ReviewResult> {
  const { config, log } = request
  if (await isOwnPromotionPullRequest(request)) return passOwnPromotion(request)
  const inputs = await loadReviewInputs(request)
  if ('failure' in inputs) return { outcome: { failure: inputs.failure }, failureKind: 'input' }

  const decisions = await readReviewDecisions(request)
  const championPick = championPickOf(decisions)
  const pipeline = {
    workspace: config.workspace,
    patterns: config.runs,
    commit: { kind: 'sha', sha: request.pr.headSha } as const,
    env: request.env,
    baseline: inputs.baseline.record,
    id: config.id,
    accepted: acceptedForHead(decisions, request.pr.headSha),
    ...(championPick ? { championPick } : {})
  }
  const { comparison, collection } = await runPipeline({ ...pipeline, rules: inputs.rules.rules })
  const rulesChange = await rulesChangeOf(inputs.rules, async proposed =>
    sameSelection(proposed, inputs.rules.rules)
      ? compareCollection(collection, { ...pipeline, rules: proposed })
      : (await runPipeline({ ...pipeline, rules: proposed })).comparison
  )
  if (rulesChange) logRulesChange(log, rulesChange)
  const plots = await reviewPlots(request, comparison, collection, inputs.rules.rules, inputs.baseline.record)
  const snapshot: ReviewSnapshot = {
    version: 1,
    head: request.pr.headSha,
    comparison,
    context: { ...reportContextOf(request, inputs.rules), rulesChange, ...(plots ? { plots } : {}) },
    gate: gateChannel(request),
    failOnRegression: config.failOnRegression
  }
  const commandPermission = inputs.rules.rules.commands.permission
  // The job summary shows the comment as posted, not the state the commands keep.
  const { body, shown } = buildStickyComment({ snapshot, decisions, commandPermission })
  const reportPath = reportPathFor(config, request.env)
  await mkdir(path.dirname(reportPath), { recursive: true })
  await writeFile(reportPath, renderJsonReport(comparison))
  // Lines of a rules file the PR changes are lines of its base version: the annotations name no line then.
  annotateFindings(log, comparison, rulesChange?.proposed ? undefined : inputs.rules.file)
  const gate = judgeGate(comparison, config.failOnRegression, inputs.rules.file)

  const result: ReviewResult = {
    outcome: {
      verdict: comparison.verdict,
      reportPath,
      regressions: comparison.violations,
      champion: comparison.champion?.name
    },
    comparison
  }
  const problems = await publishReview(request, result, snapshot, {
    body,
    commandPermission,
    gateFails: gate.fails
  })
  await log.summary(renderReviewSummary(comparison, shown, result, reportPath))
  const failed = decideFailure(request, comparison, gate, problems)
  if (failed) {
    result.outcome.failure = failed.failure
    result.failureKind = failed.kind
  }
  return result
}

/** Posts the sticky comment and, when the review gates through one, the commit status; returns the problems met. */
async function publishReview(
  request: ReviewRequest,
  result: ReviewResult,
  snapshot: ReviewSnapshot,
  rendered: { body: string; commandPermission: RepositoryRole; gateFails: boolean }
): Promise<string[]> {
  const { body, commandPermission } = rendered
  // Written from the decisions as the comment holds them right before the write: a command taken while this
  // review ran is kept (and shown), not overwritten by what was read before the runs.
  const posted = await postReviewComment(request, existing =>
    existing
      ? renderStickyComment({
          snapshot,
          decisions: readDecisionsState(existing.body ?? ''),
          commandPermission
        })
      : body
  )
  if (posted.comment) {
    result.comment = posted.comment
    result.outcome.commentUrl = posted.comment.url
  }
  if (posted.skipped) result.commentSkipped = posted.skipped
  const problems = posted.problem ? [posted.problem] : []
  // The commit status gates the merge when the review does not run as the PR's own check.
  if (request.commitStatus && !request.stale) {
    const targetUrl = result.outcome.commentUrl ?? request.runUrl
    const set = await setReviewStatus(request, snapshot.comparison, rendered.gateFails, targetUrl)
    if (set.status) result.status = set.status
    if (set.problem) problems.push(set.problem)
  }
  return problems
}

/** Whether two rules select the same runs (then the runs collected for one serve the other). */
function sameSelection(a: Rules, b: Rules): boolean {
  return JSON.stringify(a.select) === JSON.stringify(b.select)
}

/** How the PR touches the rules file, for the comment: with the review under the proposed rules, when any. */
async function rulesChangeOf(
  rules: ReviewRules,
  compareUnder: (proposed: Rules) => Promise<Comparison>
): Promise<RulesChangeView | undefined> {
  const change = rules.change
  if (!change || !rules.file) return undefined
  if (change.kind === 'added') return { file: rules.file, kind: 'added' }
  return {
    file: rules.file,
    baseSha: rules.baseSha,
    kind: change.kind,
    settings: change.settings,
    proposed: await compareUnder(change.proposed.rules)
  }
}

/** The log line of a PR that touches its rules file: what judges it, and the verdict under the proposed rules. */
function logRulesChange(log: ActionLog, view: RulesChangeView): void {
  if (!view.proposed) {
    log.info(`The pull request adds ${view.file}: it is judged by it.`)
    return
  }
  const { words } = verdictWords(view.proposed)
  log.notice(
    `The pull request ${view.kind === 'deleted' ? 'deletes' : 'changes'} ${view.file} (${view.settings?.length ?? 0} setting(s)): ` +
      `it is judged by the rules at the base; under the proposed rules, which apply once it merges: ${words}.`,
    { title: 'Experiment Review: the rules file changes in this PR' }
  )
}

/**
 * The review of the id's own promotion pull request: nothing to compare (it changes only the baseline and the docs),
 * so no comment; the summary says why, and the commit status, when the review sets one, lets it merge.
 */
async function passOwnPromotion(request: ReviewRequest): Promise<ReviewResult> {
  const { log, config } = request
  const line = ownPromotionLine(config.baselinePath, config.docsPath)
  log.notice(`Experiment Review: ${line}`)
  await log.summary(renderOwnPromotionSummary(config.baselinePath, config.docsPath))
  const result: ReviewResult = { outcome: {}, commentSkipped: line }
  if (request.commitStatus && !request.stale) {
    const set = await setCommitStatusTo(request, 'success', OWN_PROMOTION_STATUS, request.runUrl)
    if (set.status) result.status = set.status
    if (set.problem)
      return { ...result, outcome: { failure: `Experiment Review: ${set.problem}` }, failureKind: 'github' }
  }
  return result
}

/** Where the comment links and what it says of the rules: the head commit's checks, the rules file. */
function reportContextOf(request: ReviewRequest, rules: LoadedRules): ReportContext {
  const { pr } = request
  return {
    headSha: pr.headSha,
    baseSha: pr.baseSha,
    baseBranch: pr.baseRef,
    runUrl: githubUrl(request.serverUrl, request.owner, request.repo, 'commit', pr.headSha, 'checks'),
    repositoryUrl: githubUrl(request.serverUrl, request.owner, request.repo),
    rulesFile: rules.file,
    defaultRules: !rules.file
  }
}

/**
 * How this review's gate reaches the PR, kept for the slash commands: the commit status when it sets one, else the
 * failing check of this workflow run (GITHUB_RUN_ID), whose failed jobs a command re-runs after an accept.
 */
function gateChannel(request: ReviewRequest): GateChannel {
  if (request.commitStatus) return { kind: 'status', context: statusContext(request.config.id) }
  const runId = Number(request.env.GITHUB_RUN_ID)
  if (request.runtime === 'actions' && Number.isSafeInteger(runId) && runId > 0)
    return { kind: 'check', runId, ...(request.runUrl ? { runUrl: request.runUrl } : {}) }
  return { kind: 'none' }
}

/**
 * The annotations of a review: an error for each broken rule, a notice for an accepted one (at its line of the
 * rules file), an error for missing evidence, for each rule that names a metric no run reports and for each rule
 * whose metric may sit in a run that could not be read.
 */
function annotateFindings(log: ActionLog, comparison: Comparison, rulesFile: string | undefined): void {
  for (const v of comparison.violations) {
    const title = `Experiment Review: ${v.metric} ${v.rule}`
    const place = rulesFile ? { file: rulesFile, line: v.line, title } : { title }
    const message = violationMessage(v)
    if (v.accepted) log.notice(`${message} (accepted by ${v.accepted.by}: ${v.accepted.reason})`, place)
    else log.error(message, place)
  }
  if (comparison.missingEvidence) log.error(missingEvidenceText(comparison.missingEvidence))
  for (const u of comparison.unknownMetrics ?? [])
    log.error(unknownMetricText(u), {
      ...(rulesFile ? { file: rulesFile, line: u.line } : {}),
      title: 'Experiment Review: a rule names a metric no run reports'
    })
  for (const u of comparison.unreadableEvidence ?? [])
    log.error(unreadableEvidenceText(u), {
      ...(rulesFile ? { file: rulesFile, line: u.line } : {}),
      title: 'Experiment Review: runs a rule needs could not be read'
    })
}

/**
 * What the verdict means for the step: bad input (no evidence, a rule naming nothing, a rule's runs unreadable) and
 * whether the gate fails.
 */
interface GateJudgement {
  /** Why the review could not judge: fails the step whatever fail-on-regression says. */
  badInput?: string
  fails: boolean
  broken: Violation[]
}

function judgeGate(
  comparison: Comparison,
  failOnRegression: boolean,
  rulesFile: string | undefined
): GateJudgement {
  const badInput = comparison.missingEvidence
    ? missingEvidenceText(comparison.missingEvidence)
    : comparison.unknownMetrics
      ? comparison.unknownMetrics.map(u => unknownMetricText(u, rulesFile)).join('; ')
      : comparison.unreadableEvidence
        ? comparison.unreadableEvidence.map(u => unreadableEvidenceText(u, rulesFile)).join('; ')
        : undefined
  return {
    badInput,
    fails: comparison.verdict === 'fail' && (failOnRegression || !!badInput),
    broken: comparison.violations.filter(v => !v.accepted)
  }
}

/**
 * Whether the step fails, and why: bad input or the gate first (unless the review is stale), then GitHub's
 * refusals, added to the first reason when there is one.
 */
function decideFailure(
  request: ReviewRequest,
  comparison: Comparison,
  gate: GateJudgement,
  githubProblems: string[]
): { failure: string; kind: NonNullable<ReviewResult['failureKind']> } | undefined {
  const { log } = request
  let failed: { failure: string; kind: NonNullable<ReviewResult['failureKind']> } | undefined
  if (gate.badInput && !request.stale)
    failed = { failure: `Experiment Review: ${gate.badInput}`, kind: 'input' }
  else if (gate.fails && !request.stale) failed = { failure: gateFailureMessage(gate.broken), kind: 'gate' }
  else if (gate.fails) {
    log.warning(
      `The gate failed, but the review is stale (${request.stale}); the run on the PR's current head decides.`
    )
  } else if (comparison.verdict === 'fail') {
    log.warning(`${gate.broken.length} rule(s) broken, but fail-on-regression is false: the step passes.`)
  }
  if (!githubProblems.length) return failed
  if (failed) return { ...failed, failure: `${failed.failure}; and ${githubProblems.join('; ')}` }
  return { failure: `Experiment Review: ${githubProblems.join('; ')}`, kind: 'github' }
}

/** The action's review mode: reads the event, resolves the PR, and runs reviewPullRequest. */
export async function runReviewMode(ctx: ModeContext): Promise<ModeOutcome> {
  const target = parseReviewEvent(ctx.eventName, ctx.payload, ctx.env)
  if (target.kind === 'skip') {
    ctx.log.notice(`Experiment Review: ${target.reason}.`)
    return {}
  }
  const client = lazyClient(() => ctx.github(ctx.config.token))
  const common = {
    config: ctx.config,
    log: ctx.log,
    env: ctx.env,
    owner: target.owner,
    repo: target.repo,
    client,
    runtime: 'actions' as const,
    serverUrl: serverUrlOf(ctx.env)
  }
  if (target.kind === 'pull_request') {
    return (await reviewPullRequest({ ...common, pr: target, runUrl: workflowRunUrl(ctx.env) })).outcome
  }
  const resolved = await resolveWorkflowRunPullRequest(await client(), target, ctx.log)
  if (!resolved.pr) {
    ctx.log.warning(`Experiment Review: ${resolved.reason}`)
    await ctx.log.summary(renderNotRunSummary(resolved.reason))
    return {}
  }
  const result = await reviewPullRequest({
    ...common,
    pr: resolved.pr,
    commitStatus: true,
    stale: resolved.stale,
    runUrl: target.workflowRunUrl ?? workflowRunUrl(ctx.env)
  })
  return result.outcome
}
