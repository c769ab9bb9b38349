// Review mode: the PR's runs against the baseline at the PR's base → one sticky comment, the job summary, the JSON
// report, annotations and outputs, and the gate. The action (pull_request, workflow_run) and the CLI (`review
// --repo --pr`) run the same reviewPullRequest; they differ only in how they get the event, the log and the client.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RootContent } from 'mdast'
import type { ActionConfig } from '../config/inputs.js'
import { loadRules, RulesFileError, type LoadedRules } from '../config/rules-file.js'
import { BaselineError, parseBaseline, type BaselineRecord } from '../core/baseline.js'
import type { Comparison } from '../core/compare.js'
import { GITHUB_STEP_SUMMARY_LIMIT, hiddenMarker } from '../core/conventions.js'
import { GitHubApiError, type GitHubClient, type GitHubRuntime } from '../github/client.js'
import {
  findPullRequestForSha,
  getPullRequest,
  readFileAtRef,
  setCommitStatus,
  type PullRequestInfo
} from '../github/pr.js'
import { resolveTokenIdentity, upsertStickyComment, type StickyCommentResult } from '../github/sticky.js'
import { renderComment, type ReportContext } from '../report/comment.js'
import {
  missingEvidenceText,
  missingEvidenceTitle,
  unknownMetricsTitle,
  unreadableEvidenceText,
  unreadableEvidenceTitle,
  unknownMetricText,
  violationMessage
} from '../report/findings.js'
import { renderJsonReport } from '../report/json.js'
import {
  bulletList,
  heading,
  paragraph,
  root,
  stringify,
  text,
  untrusted,
  untrustedCode
} from '../report/mdast.js'
import { hasGitCommit, readFileAtGitRef } from '../sources/baseline.js'
import { runPipeline } from './pipeline.js'
import { parseReviewEvent, type WorkflowRunEventTarget } from './review-event.js'
import type { ActionLog, ModeContext, ModeOutcome } from './types.js'

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

/** A baseline read at the PR's base, with where it was read from. */
export interface BaselineAtBase {
  record?: BaselineRecord
  /** `<sha>:<path>` and how: the local checkout or the contents API. */
  from: string
}

/**
 * Reads the baseline file at the PR's base commit: from the local checkout when it has that commit (no API call),
 * else through the contents API. No file means no baseline yet. Throws BaselineError for a file that cannot be used.
 */
export async function loadBaselineAtBase(
  request: Pick<ReviewRequest, 'config' | 'owner' | 'repo' | 'client'> & { baseSha: string }
): Promise<BaselineAtBase> {
  const { config, baseSha } = request
  let textAtBase: string | undefined
  let from: string
  if (await hasGitCommit(config.workspace, baseSha)) {
    from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (local checkout)`
    textAtBase = await readFileAtGitRef(config.workspace, baseSha, config.baselinePath)
  } else {
    from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (${request.owner}/${request.repo} via the contents API)`
    textAtBase = await readFileAtRef({
      client: await request.client(),
      owner: request.owner,
      repo: request.repo,
      path: config.baselinePath,
      ref: baseSha
    })
  }
  if (textAtBase === undefined) return { from }
  const file = parseBaseline(textAtBase, config.baselinePath)
  if (file.id && file.id !== config.id) {
    throw new BaselineError(
      config.baselinePath,
      `belongs to review id "${file.id}", not "${config.id}"; give each id its own baseline input`
    )
  }
  return { record: file.champion, from }
}

const FORK_NOTE =
  'This is expected for pull requests from forks, whose workflow token is read-only: the job summary and the JSON report ' +
  'hold the review, and the fork-safe workflows (pull_request uploads the runs, workflow_run comments) post the comment; ' +
  'see docs/forks.md.'

function isReadOnlyRefusal(error: unknown): boolean {
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

/** Runs one review of a pull request: compare, comment, status, summary, report, annotations, outcome. */
export async function reviewPullRequest(request: ReviewRequest): Promise<ReviewResult> {
  const { config, log, pr } = request
  const where = `${request.owner}/${request.repo}#${pr.number}`

  let loaded: LoadedRules
  let baseline: BaselineAtBase
  try {
    loaded = await loadRules(config.workspace, config.configFile)
    if (config.experiments?.length) loaded.rules.select = { experiments: config.experiments }
    baseline = await loadBaselineAtBase({ ...request, baseSha: pr.baseSha })
  } catch (e) {
    if (e instanceof RulesFileError) {
      log.error(e.problem, {
        file: e.file,
        line: e.line,
        title: `Experiment Review: invalid rules file (column ${e.column})`
      })
      return { outcome: { failure: `Experiment Review: ${e.message}` }, failureKind: 'input' }
    }
    if (e instanceof BaselineError) {
      log.error(e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message, {
        file: e.file,
        title: 'Experiment Review: unusable baseline'
      })
      return { outcome: { failure: `Experiment Review: ${e.message}` }, failureKind: 'input' }
    }
    throw e
  }
  log.info(
    baseline.record
      ? `Baseline: ${baseline.record.name} from ${baseline.from}`
      : `No baseline yet: nothing at ${baseline.from}`
  )

  const { comparison } = await runPipeline({
    workspace: config.workspace,
    patterns: config.runs,
    commit: { kind: 'sha', sha: pr.headSha },
    env: request.env,
    rules: loaded.rules,
    baseline: baseline.record,
    id: config.id
  })
  const reportContext: ReportContext = {
    headSha: pr.headSha,
    baseSha: pr.baseSha,
    baseBranch: pr.baseRef,
    runUrl: request.serverUrl
      ? `${request.serverUrl.replace(/\/+$/, '')}/${request.owner}/${request.repo}/commit/${pr.headSha}/checks`
      : undefined,
    rulesFile: loaded.file,
    defaultRules: !loaded.file
  }
  const body = renderComment(comparison, reportContext)
  const reportPath = reportPathFor(config, request.env)
  await mkdir(path.dirname(reportPath), { recursive: true })
  await writeFile(reportPath, renderJsonReport(comparison))

  const broken = comparison.violations.filter(v => !v.accepted)
  for (const v of comparison.violations) {
    const place = loaded.file
      ? { file: loaded.file, line: v.line, title: `Experiment Review: ${v.metric} ${v.rule}` }
      : { title: `Experiment Review: ${v.metric} ${v.rule}` }
    const message = violationMessage(v)
    if (v.accepted) log.notice(`${message} (accepted by ${v.accepted.by}: ${v.accepted.reason})`, place)
    else log.error(message, place)
  }
  // Missing evidence fails the step whatever fail-on-regression says: it is bad input, not a regression.
  const badInput = comparison.missingEvidence
    ? missingEvidenceText(comparison.missingEvidence)
    : comparison.unknownMetrics
      ? comparison.unknownMetrics.map(u => unknownMetricText(u, loaded.file)).join('; ')
      : comparison.unreadableEvidence
        ? comparison.unreadableEvidence.map(u => unreadableEvidenceText(u, loaded.file)).join('; ')
        : undefined
  const gateFails = comparison.verdict === 'fail' && (config.failOnRegression || !!badInput)
  if (comparison.missingEvidence) log.error(missingEvidenceText(comparison.missingEvidence))
  for (const u of comparison.unknownMetrics ?? [])
    log.error(unknownMetricText(u), {
      ...(loaded.file ? { file: loaded.file, line: u.line } : {}),
      title: 'Experiment Review: a rule names a metric no run reports'
    })
  for (const u of comparison.unreadableEvidence ?? [])
    log.error(unreadableEvidenceText(u), {
      ...(loaded.file ? { file: loaded.file, line: u.line } : {}),
      title: 'Experiment Review: runs a rule needs could not be read'
    })
  const result: ReviewResult = {
    outcome: {
      verdict: comparison.verdict,
      reportPath,
      regressions: comparison.violations,
      champion: comparison.champion?.name
    },
    comparison
  }
  const githubProblems: string[] = []

  // The sticky comment.
  if (!config.comment) {
    result.commentSkipped = 'the comment input is false'
  } else if (request.stale) {
    result.commentSkipped = request.stale
    log.warning(`No comment was posted on ${where}: ${request.stale}`)
  } else {
    try {
      const client = await request.client()
      const identity = await resolveTokenIdentity({ client, configured: config.botLogin })
      result.comment = await upsertStickyComment({
        client,
        owner: request.owner,
        repo: request.repo,
        issueNumber: pr.number,
        marker: hiddenMarker(config.id),
        body,
        identity
      })
      result.outcome.commentUrl = result.comment.url
      log.info(`Comment ${result.comment.action} on ${where}: ${result.comment.url}`)
      if (result.comment.removedDuplicates.length)
        log.info(
          `Removed ${result.comment.removedDuplicates.length} duplicate comment(s) left by a concurrent run.`
        )
    } catch (e) {
      const message = (e as Error).message
      const refused = isReadOnlyRefusal(e)
      result.commentSkipped = refused
        ? explainRefusedWrite(e as GitHubApiError, pr.fromFork, 'pull-requests: write')
        : message
      log.warning(`No comment was posted on ${where}: ${result.commentSkipped}`)
      if (!refused || !pr.fromFork)
        githubProblems.push(`the comment could not be posted: ${result.commentSkipped}`)
    }
  }

  // The commit status that gates the merge when the review does not run as the PR's own check.
  if (request.commitStatus && !request.stale) {
    const state = gateFails ? 'failure' : 'success'
    const description = statusDescription(comparison, config.failOnRegression)
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
        targetUrl: result.outcome.commentUrl ?? request.runUrl
      })
      result.status = { context, state, description }
      log.info(`Status ${context}: ${state} on ${pr.headSha.slice(0, 12)} (${description})`)
    } catch (e) {
      const message = isReadOnlyRefusal(e)
        ? explainRefusedWrite(e as GitHubApiError, false, 'statuses: write')
        : (e as Error).message
      log.warning(`The ${context} status was not set on ${pr.headSha.slice(0, 12)}: ${message}`)
      githubProblems.push(`the commit status that gates the merge could not be set: ${message}`)
    }
  }

  await log.summary(renderSummary(comparison, body, result, reportPath))

  if (badInput && !request.stale) {
    result.outcome.failure = `Experiment Review: ${badInput}`
    result.failureKind = 'input'
  } else if (gateFails && !request.stale) {
    result.outcome.failure = `Experiment Review: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken: ${broken.map(violationMessage).join('; ')}`
    result.failureKind = 'gate'
  } else if (gateFails && request.stale) {
    log.warning(
      `The gate failed, but the review is stale (${request.stale}); the run on the PR's current head decides.`
    )
  } else if (comparison.verdict === 'fail') {
    log.warning(`${broken.length} rule(s) broken, but fail-on-regression is false: the step passes.`)
  }
  if (githubProblems.length && !result.outcome.failure) {
    result.outcome.failure = `Experiment Review: ${githubProblems.join('; ')}`
    result.failureKind = 'github'
  } else if (githubProblems.length && result.outcome.failure) {
    result.outcome.failure += `; and ${githubProblems.join('; ')}`
  }
  return result
}

/** The commit status description: the verdict in words, under GitHub's 140 characters. */
export function statusDescription(c: Comparison, failOnRegression = true): string {
  const broken = c.violations.filter(v => !v.accepted)
  if (c.missingEvidence) return `Fail: ${missingEvidenceTitle(c.missingEvidence)}; nothing was judged.`
  if (c.unknownMetrics) return `Fail: ${unknownMetricsTitle(c.unknownMetrics)}.`
  if (c.unreadableEvidence) return `Fail: ${unreadableEvidenceTitle(c.unreadableEvidence)}.`.slice(0, 140)
  if (c.verdict === 'no-baseline')
    return 'No baseline yet: nothing to gate on; the first merge with runs sets it.'
  if (c.verdict === 'pass')
    return `Pass: all rules met${c.champion ? ` (best run ${c.champion.name.slice(0, 60)})` : ''}.`
  const metrics = [...new Set(broken.map(v => v.metric))].join(', ')
  return `Fail: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken (${metrics})${failOnRegression ? '' : '; not gating'}.`.slice(
    0,
    140
  )
}

/** Diagnostics listed in the job summary; the count says how many there are, the JSON report holds them all. */
export const SUMMARY_DIAGNOSTICS_SHOWN = 50

/**
 * The job summary: the comment's content, what happened to the comment, and the diagnostics: their count and the
 * first SUMMARY_DIAGNOSTICS_SHOWN (all of them are in the JSON report), so that it stays under GitHub's 1 MiB.
 */
export function renderSummary(
  c: Comparison,
  commentBody: string,
  result: Pick<ReviewResult, 'comment' | 'commentSkipped' | 'status'>,
  reportPath?: string
): string {
  for (let shown = SUMMARY_DIAGNOSTICS_SHOWN; ; shown = Math.floor(shown / 2)) {
    const summary = summaryWith(c, commentBody, result, reportPath, shown)
    if (Buffer.byteLength(summary) < GITHUB_STEP_SUMMARY_LIMIT || shown === 0) return summary
  }
}

function summaryWith(
  c: Comparison,
  commentBody: string,
  result: Pick<ReviewResult, 'comment' | 'commentSkipped' | 'status'>,
  reportPath: string | undefined,
  shown: number
): string {
  const blocks: RootContent[] = []
  if (result.comment) {
    blocks.push(
      paragraph(
        text(
          `The PR comment was ${result.comment.action === 'unchanged' ? 'already up to date' : result.comment.action}: `
        ),
        untrusted(result.comment.url, 300)
      )
    )
  } else if (result.commentSkipped) {
    blocks.push(paragraph(text('No PR comment was posted: '), untrusted(result.commentSkipped, 2000)))
  }
  if (result.status)
    blocks.push(paragraph(text(`Commit status ${result.status.context}: ${result.status.state}.`)))
  blocks.push(heading(3, text(`Diagnostics (${c.diagnostics.length})`)))
  if (c.diagnostics.length) {
    blocks.push(
      bulletList(
        c.diagnostics
          .slice(0, shown)
          .map(d => [
            text(`${d.severity}: `),
            untrustedCode(`${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`, 300),
            ...(d.run ? [text(' (run '), untrustedCode(d.run), text(')')] : []),
            text(' '),
            untrusted(d.message, 1000)
          ])
      )
    )
    const more = c.diagnostics.length - Math.min(shown, c.diagnostics.length)
    if (more > 0)
      blocks.push(
        paragraph(
          text(
            `… and ${more} more, ${shown ? 'not listed here' : 'none listed here'} to keep the summary under GitHub's 1 MiB: `
          ),
          ...(reportPath
            ? [
                text('every diagnostic is in the JSON report '),
                untrustedCode(reportPath, 300),
                text(' (output report).')
              ]
            : [text('every diagnostic is in the JSON report (output report).')])
        )
      )
  } else {
    blocks.push(paragraph(text('Every run was read without a problem.')))
  }
  return `${commentBody.trimEnd()}\n\n${stringify(root(blocks))}`
}

/** A GitHub client factory that creates the client once, on first use. */
export function lazyClient(create: () => Promise<GitHubClient>): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  return () => (client ??= create())
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
    await ctx.log.summary(
      stringify(root([paragraph(text('Experiment Review did not run: '), untrusted(resolved.reason, 2000))]))
    )
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
