// Review mode: the PR's runs against the baseline at the PR's base → one sticky comment, the job summary, the JSON
// report, annotations and outputs, and the gate. The action (pull_request, workflow_run) and the CLI (`review
// --repo --pr`) run the same reviewPullRequest; they differ only in how they get the event, the log and the client.
// The parts: review-inputs.ts (rules, baseline), review-github.ts (comment, status, the PR of a workflow_run),
// report/ (every text); this module composes them.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Comparison } from '../core/compare.js'
import type { LoadedRules } from '../config/rules-file.js'
import { renderComment, type ReportContext } from '../report/comment.js'
import { violationMessage } from '../report/findings.js'
import { renderJsonReport } from '../report/json.js'
import { gateFailureMessage, renderNotRunSummary, renderReviewSummary } from '../report/summary.js'
import { runPipeline } from './pipeline.js'
import { parseReviewEvent } from './review-event.js'
import { postReviewComment, resolveWorkflowRunPullRequest, setReviewStatus } from './review-github.js'
import { loadReviewInputs } from './review-inputs.js'
import {
  lazyClient,
  reportPathFor,
  serverUrlOf,
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

/** Runs one review of a pull request: compare, comment, status, summary, report, annotations, outcome. */
export async function reviewPullRequest(request: ReviewRequest): Promise<ReviewResult> {
  const { config, log } = request
  const inputs = await loadReviewInputs(request)
  if ('failure' in inputs) return { outcome: { failure: inputs.failure }, failureKind: 'input' }

  const { comparison } = await runPipeline({
    workspace: config.workspace,
    patterns: config.runs,
    commit: { kind: 'sha', sha: request.pr.headSha },
    env: request.env,
    rules: inputs.rules.rules,
    baseline: inputs.baseline.record,
    id: config.id
  })
  const body = renderComment(comparison, reportContextOf(request, inputs.rules))
  const reportPath = reportPathFor(config, request.env)
  await mkdir(path.dirname(reportPath), { recursive: true })
  await writeFile(reportPath, renderJsonReport(comparison))
  annotateViolations(log, comparison, inputs.rules.file)

  const result: ReviewResult = {
    outcome: {
      verdict: comparison.verdict,
      reportPath,
      regressions: comparison.violations,
      champion: comparison.champion?.name
    },
    comparison
  }
  const posted = await postReviewComment(request, body)
  if (posted.comment) {
    result.comment = posted.comment
    result.outcome.commentUrl = posted.comment.url
  }
  if (posted.skipped) result.commentSkipped = posted.skipped
  const problems = posted.problem ? [posted.problem] : []
  // The commit status gates the merge when the review does not run as the PR's own check.
  if (request.commitStatus && !request.stale) {
    const set = await setReviewStatus(request, comparison, result.outcome.commentUrl ?? request.runUrl)
    if (set.status) result.status = set.status
    if (set.problem) problems.push(set.problem)
  }
  await log.summary(renderReviewSummary(comparison, body, result))
  const failed = decideFailure(request, comparison, problems)
  if (failed) {
    result.outcome.failure = failed.failure
    result.failureKind = failed.kind
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
    runUrl: request.serverUrl
      ? `${request.serverUrl.replace(/\/+$/, '')}/${request.owner}/${request.repo}/commit/${pr.headSha}/checks`
      : undefined,
    rulesFile: rules.file,
    defaultRules: !rules.file
  }
}

/** One annotation per rule result: an error for a broken rule, a notice for an accepted one, at its line. */
function annotateViolations(log: ActionLog, comparison: Comparison, rulesFile: string | undefined): void {
  for (const v of comparison.violations) {
    const title = `Experiment Review: ${v.metric} ${v.rule}`
    const place = rulesFile ? { file: rulesFile, line: v.line, title } : { title }
    const message = violationMessage(v)
    if (v.accepted) log.notice(`${message} (accepted by ${v.accepted.by}: ${v.accepted.reason})`, place)
    else log.error(message, place)
  }
}

/** Whether the step fails, and why: the gate first (unless the review is stale), then GitHub's refusals. */
function decideFailure(
  request: ReviewRequest,
  comparison: Comparison,
  githubProblems: string[]
): { failure: string; kind: NonNullable<ReviewResult['failureKind']> } | undefined {
  const { config, log } = request
  const broken = comparison.violations.filter(v => !v.accepted)
  const gateFails = comparison.verdict === 'fail' && config.failOnRegression
  if (gateFails && !request.stale) return { failure: gateFailureMessage(broken), kind: 'gate' }
  if (gateFails) {
    log.warning(
      `The gate failed, but the review is stale (${request.stale}); the run on the PR's current head decides.`
    )
  } else if (comparison.verdict === 'fail') {
    log.warning(`${broken.length} rule(s) broken, but fail-on-regression is false: the step passes.`)
  }
  if (githubProblems.length)
    return { failure: `Experiment Review: ${githubProblems.join('; ')}`, kind: 'github' }
  return undefined
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
