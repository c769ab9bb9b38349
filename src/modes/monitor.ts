// Monitor mode: a scheduled evaluation of the production model against the baseline on the default branch →
// one retraining issue per id, opened on a breach, updated only when something changed, closed on recovery.
// The action (schedule, workflow_dispatch) and the CLI (`monitor`, `monitor --repo`) share runMonitor.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PhrasingContent } from 'mdast'
import type { ActionConfig } from '../config/inputs.js'
import { loadRules } from '../config/rules-file.js'
import { BaselineError, baselineOfId, type BaselineRecord } from '../core/baseline.js'
import type { Comparison } from '../core/compare.js'
import {
  evaluateRetraining,
  monitorRules,
  monitorStateFrom,
  needsBaseline,
  planMonitor,
  type KnownIssue,
  type MonitorEvaluation,
  type MonitorPlan
} from '../core/retraining.js'
import type { RetrainingRules, Rules } from '../core/rules.js'
import type { GitHubClient } from '../github/client.js'
import { commitFilesToBranch } from '../github/commit.js'
import {
  closeIssue,
  commentOnIssue,
  createIssue,
  ensureLabels,
  listIssuesByMarker,
  updateIssue,
  type IssueInfo
} from '../github/issues.js'
import { resolveTokenIdentity, type TokenIdentity } from '../github/sticky.js'
import { defaultBaselinePath, hiddenMarker, legacyBaselinePath } from '../core/conventions.js'
import { readHiddenState, replaceHiddenState } from '../report/hidden-state.js'
import {
  duplicateComment,
  MONITOR_STATE_KIND,
  recoveryComment,
  retrainingIssueBody,
  retrainingIssueTitle,
  retrainingUpdateComment,
  type IssueLinks
} from '../report/issue.js'
import { legacyBaselineText } from '../report/findings.js'
import { renderJsonReport } from '../report/json.js'
import { updateProductionLine, type ProductionStatus } from '../report/production.js'
import { checkedUrl, githubUrl, joinOwn, own, paragraph, text, untrusted, type Own } from '../report/mdast.js'
import { stringify } from '../report/markdown.js'
import { runPipeline } from './pipeline.js'
import { reportPathFor, serverUrlOf, workflowRunUrl } from './review-request.js'
import { repositoryOf, type ActionLog, type ModeContext, type ModeOutcome } from './types.js'

/** A monitor evaluation that cannot be judged: no retraining rules, no runs, no baseline, a metric not measured. */
export class MonitorInputError extends Error {}

/** What one evaluation found, before anything is written. */
export interface MonitorAssessment {
  retraining: RetrainingRules
  comparison: Comparison
  evaluation: MonitorEvaluation
  baseline?: BaselineRecord
  rulesFile?: string
  /** What the user should know about the inputs (a baseline read from the legacy shared path). */
  warnings: string[]
}

/**
 * Reads the baseline file of the checkout (the default branch's, in a scheduled run): the id's own file or, for an id
 * other than `default` whose own file is not there yet, the legacy shared file when it holds this id (with a
 * warning). Undefined when there is none at the default path; a baseline named explicitly must exist.
 */
export async function loadBaselineOfCheckout(
  config: Pick<ActionConfig, 'workspace' | 'baselinePath' | 'baselineNamed' | 'id'>,
  warn: (message: string) => void = () => undefined
): Promise<BaselineRecord | undefined> {
  const read = async (file: string): Promise<string | undefined> => {
    try {
      return await readFile(path.resolve(config.workspace, file), 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new BaselineError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`)
    }
  }
  const text = await read(config.baselinePath)
  const legacyPath = text === undefined ? legacyBaselinePath(config.id, config.baselinePath) : undefined
  const legacyText = legacyPath ? await read(legacyPath) : undefined
  const chosen = baselineOfId({ path: config.baselinePath, text, legacyPath, legacyText }, config.id)
  if (!chosen.file && config.baselineNamed)
    throw new BaselineError(
      config.baselinePath,
      `the baseline named does not exist in ${config.workspace}; a baseline named explicitly must exist. Check the path, or leave it unset (the default for id "${config.id}" is ${defaultBaselinePath(config.id)})`
    )
  if (chosen.legacy) warn(legacyBaselineText(config.id, chosen.legacy))
  return chosen.file?.champion
}

/** Collects the evaluation runs and judges them against the retraining conditions. Throws MonitorInputError. */
export async function assessEvaluation(
  config: Pick<ActionConfig, 'workspace' | 'runs' | 'configFile' | 'baselinePath' | 'baselineNamed' | 'id'>,
  loaded?: { rules: Rules; file?: string }
): Promise<MonitorAssessment> {
  const warnings: string[] = []
  const { rules, file } = loaded ?? (await loadRules(config.workspace, config.configFile))
  const retraining = rules.retraining
  if (!retraining || !Object.keys(retraining.when).length)
    throw new MonitorInputError(
      `${config.configFile} has no retraining.when conditions, so there is nothing to monitor; add e.g. ` +
        '"retraining: { when: { accuracy: { below: 0.85 } } }" to the rules file'
    )
  const baseline = await loadBaselineOfCheckout(config, w => warnings.push(w))
  if (!baseline && needsBaseline(retraining))
    throw new MonitorInputError(
      `no baseline at ${config.baselinePath} in ${config.workspace}: retraining.when has drop or rise conditions, ` +
        'which compare with it; check out the default branch (where promote writes it) or set the baseline input'
    )
  const { comparison, collection } = await runPipeline({
    workspace: config.workspace,
    patterns: config.runs,
    rules: monitorRules(rules, retraining),
    baseline,
    id: config.id
  })
  if (!collection.runs.length)
    throw new MonitorInputError(
      `no evaluation runs were found (looked in ${config.runs.length ? config.runs.join(', ') : `${config.workspace}, auto-detected`}); ` +
        'the monitor needs the runs of the evaluation it checks: set the runs input to where the evaluation writes them'
    )
  const evaluation = evaluateRetraining(comparison, retraining)
  if (evaluation.unmeasured.length)
    throw new MonitorInputError(
      `the evaluation cannot be judged: ${evaluation.unmeasured.map(u => `${u.metric}: ${u.why}`).join('; ')}. ` +
        'A monitored metric must be reported as a finite number by the evaluation runs'
    )
  return { retraining, comparison, evaluation, baseline, rulesFile: file, warnings }
}

/** The repository and links the issue needs. */
export interface MonitorTarget {
  client: GitHubClient
  owner: string
  repo: string
  /** Who the token writes as (resolveTokenIdentity): the issue is found by it, never a person's issue. */
  identity: TokenIdentity
  /** Where the issue's links point: the web root (GITHUB_SERVER_URL), the docs page, the run. */
  links: { serverUrl: string; docsPath: string; defaultBranch?: string; runUrl?: string }
}

/** What the monitor did on GitHub. */
export interface MonitorResult {
  plan: MonitorPlan
  issue?: { number: number; url: string }
  /** Writes made (issue create/update/close, comments, labels), for the summary and the tests. */
  writes: string[]
}

function knownIssue(issue: IssueInfo): KnownIssue {
  return {
    number: issue.number,
    state: issue.state,
    closedAt: issue.closedAt,
    memory: monitorStateFrom(readHiddenState(issue.body, MONITOR_STATE_KIND))
  }
}

/** Reads the retraining issues of the id and decides what to do, without writing. */
export async function planRetrainingIssue(
  assessment: MonitorAssessment,
  target: Omit<MonitorTarget, 'links'>,
  id: string,
  now: Date
): Promise<{ plan: MonitorPlan; open?: IssueInfo; closed?: IssueInfo }> {
  const marker = hiddenMarker(id, 'issue')
  const ref = {
    client: target.client,
    owner: target.owner,
    repo: target.repo,
    marker,
    identity: target.identity
  }
  const open = (await listIssuesByMarker({ ...ref, state: 'open' }))[0]
  let closed: IssueInfo | undefined
  if (!open && assessment.evaluation.breaches.length) {
    const all = await listIssuesByMarker({ ...ref, state: 'closed' })
    closed = all
      .filter(i => i.closedAt)
      .sort((a, b) => Date.parse(b.closedAt as string) - Date.parse(a.closedAt as string))[0]
  }
  const plan = planMonitor({
    breaches: assessment.evaluation.breaches,
    open: open ? knownIssue(open) : undefined,
    lastClosed: closed ? knownIssue(closed) : undefined,
    now,
    retraining: assessment.retraining
  })
  return { plan, open, closed }
}

/** Evaluates, plans and carries out the plan on GitHub: one issue per id, writes only when something changed. */
export async function runMonitor(
  assessment: MonitorAssessment,
  target: MonitorTarget,
  id: string,
  now: Date
): Promise<MonitorResult> {
  const { plan, open, closed } = await planRetrainingIssue(assessment, target, id, now)
  const writer: IssueWriter = { assessment, target, id, now, marker: hiddenMarker(id, 'issue'), writes: [] }
  const done = (issue: { number: number; htmlUrl: string } | undefined): MonitorResult => ({
    plan,
    writes: writer.writes,
    issue: issue ? { number: issue.number, url: issue.htmlUrl } : undefined
  })
  // The plan names its issue by number; it is always the open or the last closed issue it was planned from.
  const planned = (number: number): IssueInfo => {
    const issue = [open, closed].find(i => i?.number === number)
    if (!issue) throw new Error(`The retraining plan names issue #${number}, which the monitor did not read.`)
    return issue
  }
  switch (plan.action) {
    case 'nothing':
      return done(open)
    case 'open':
      return done(await openRetrainingIssue(writer, plan.state))
    case 'reopen':
      return done(await reopenRetrainingIssue(writer, planned(plan.issue), plan.state))
    case 'update':
      return done(await updateRetrainingIssue(writer, planned(plan.issue), plan))
    case 'record-healthy': {
      const issue = planned(plan.issue)
      // Keeps what the issue reports and only counts the healthy evaluation in its hidden state.
      const body = replaceHiddenState(issue.body, MONITOR_STATE_KIND, plan.state)
      const updated = await updateIssue({ ...issueRef(writer), issue, title: issue.title, body })
      writer.writes.push(
        `recorded a healthy evaluation on #${issue.number} (${plan.state.healthy} of ${assessment.retraining.recoverAfter})`
      )
      return done(updated)
    }
    case 'close': {
      const issue = planned(plan.issue)
      const healthy = (knownIssue(issue).memory?.healthy ?? 0) + 1
      const comment = recoveryComment(plan.recovered, assessment.evaluation, healthy)
      await closeIssue({ ...issueRef(writer), issueNumber: issue.number, comment })
      writer.writes.push(`closed #${issue.number}`)
      return done(issue)
    }
  }
}

/** What the monitor's writes share: the evaluation, where it writes, and the list of writes made so far. */
interface IssueWriter {
  assessment: MonitorAssessment
  target: MonitorTarget
  id: string
  now: Date
  marker: string
  writes: string[]
}

type IssueState = Parameters<typeof retrainingIssueBody>[0]['state']
type UpdatePlan = Extract<MonitorPlan, { action: 'update' }>

const issueRef = ({ target, marker }: IssueWriter) => ({
  client: target.client,
  owner: target.owner,
  repo: target.repo,
  marker
})

/** The retraining issue's title and body for `state`. */
function issueContent({ assessment, target, id, now }: IssueWriter, state: IssueState) {
  const { retraining, evaluation, baseline } = assessment
  return {
    title: retrainingIssueTitle(evaluation, retraining, id),
    body: retrainingIssueBody({
      id,
      evaluation,
      retraining,
      state,
      baseline,
      evaluatedAt: now,
      links: issueLinks(target.owner, target.repo, { ...target.links, baseline })
    })
  }
}

/** Creates the labels the issue carries when the repository lacks them. */
async function ensureIssueLabels(writer: IssueWriter): Promise<void> {
  const created = await ensureLabels({ ...issueRef(writer), labels: writer.assessment.retraining.labels })
  if (created.length) writer.writes.push(`created labels ${created.join(', ')}`)
}

/** Opens the issue; of two evaluations that opened one at once, the oldest issue is kept and the later closes itself. */
async function openRetrainingIssue(writer: IssueWriter, state: IssueState): Promise<IssueInfo> {
  const ref = issueRef(writer)
  await ensureIssueLabels(writer)
  const issue = await createIssue({
    ...ref,
    labels: writer.assessment.retraining.labels,
    author: writer.target.identity.login,
    ...issueContent(writer, state)
  })
  writer.writes.push(`opened #${issue.number}`)
  const openNow = await listIssuesByMarker({ ...ref, identity: writer.target.identity, state: 'open' })
  const oldest = openNow.reduce((a, b) => (b.number < a.number ? b : a), issue)
  if (oldest.number === issue.number) return issue
  await commentOnIssue({ ...ref, issueNumber: issue.number, body: duplicateComment(oldest.number) })
  await closeIssue({ ...ref, issueNumber: issue.number })
  writer.writes.push(`closed #${issue.number} as a duplicate of #${oldest.number}`)
  return oldest
}

/** Reopens the last closed issue with the new evaluation and a comment naming every breached condition. */
async function reopenRetrainingIssue(
  writer: IssueWriter,
  issue: IssueInfo,
  state: IssueState
): Promise<IssueInfo> {
  const { evaluation, retraining } = writer.assessment
  await ensureIssueLabels(writer)
  const updated = await updateIssue({
    ...issueRef(writer),
    issue,
    labels: retraining.labels,
    reopen: true,
    ...issueContent(writer, state)
  })
  const newly = evaluation.breaches.map(b => `${b.metric} ${b.condition}`)
  const body = retrainingUpdateComment(
    { newly, worse: [], eased: [], reopened: true },
    evaluation,
    retraining
  )
  await commentOnIssue({ ...issueRef(writer), issueNumber: issue.number, body })
  writer.writes.push(`reopened #${issue.number}`)
  return updated
}

/** Rewrites the open issue, and comments when a condition is new, worse or eased. */
async function updateRetrainingIssue(
  writer: IssueWriter,
  issue: IssueInfo,
  plan: UpdatePlan
): Promise<IssueInfo> {
  const { evaluation, retraining } = writer.assessment
  const updated = await updateIssue({
    ...issueRef(writer),
    issue,
    labels: retraining.labels,
    ...issueContent(writer, plan.state)
  })
  writer.writes.push(`updated #${issue.number}`)
  if (plan.newly.length || plan.worse.length || plan.eased.length) {
    const body = retrainingUpdateComment(plan, evaluation, retraining)
    await commentOnIssue({ ...issueRef(writer), issueNumber: issue.number, body })
    writer.writes.push(`commented on #${issue.number}`)
  }
  return updated
}

/**
 * Rewrites this id's Production line of the living docs on the default branch, in one commit, when its text changes
 * (so once per evaluation day at most). Never creates the page; returns what happened, in words. A failure here
 * (no contents: write, broken markers) is reported, not thrown: the retraining issue is what matters.
 */
export async function recordProduction(
  target: Omit<MonitorTarget, 'identity' | 'links'>,
  options: {
    branch: string
    docsPath: string
    id: string
    status: ProductionStatus
    sleep?: (ms: number) => Promise<void>
  }
): Promise<{ written: boolean; message: string }> {
  const { docsPath } = options
  try {
    const result = await commitFilesToBranch({
      client: target.client,
      owner: target.owner,
      repo: target.repo,
      branch: options.branch,
      message: `Experiment Review: production status in ${docsPath} [skip ci]`,
      sleep: options.sleep,
      computeFiles: async read => {
        const page = await read(docsPath)
        if (page === undefined) return undefined
        const next = updateProductionLine(page, options.status, { id: options.id, file: docsPath })
        return next === page ? undefined : { [docsPath]: next }
      }
    })
    return result.commitSha
      ? {
          written: true,
          message: `the Production line of ${docsPath} was updated in ${result.commitSha.slice(0, 7)}`
        }
      : {
          written: false,
          message: `the Production line of ${docsPath} is up to date (or the page does not exist)`
        }
  } catch (e) {
    const message = (e as Error).message
    const hint = /\b403\b/.test(message)
      ? ' The token cannot write contents: give the monitor job contents: write to keep the Production line, or ignore this.'
      : ''
    return {
      written: false,
      message: `the Production line of ${docsPath} was not written: ${message}${hint}`
    }
  }
}

/** The Production line's facts from an assessment and what the monitor did with the issue. */
export function productionStatus(
  assessment: MonitorAssessment,
  result: MonitorResult,
  now: Date
): ProductionStatus {
  const issue = result.issue
  const open = issue ? result.plan.action !== 'close' : false
  return {
    evaluatedAt: now.toISOString(),
    runs: assessment.comparison.experiments.flatMap(e => e.runs),
    breaches: assessment.evaluation.breaches.length,
    issue: issue ? { ...issue, open } : undefined
  }
}

/** The repository's default branch, from the event when it says, else from the API. */
export async function defaultBranchOf(
  target: Omit<MonitorTarget, 'identity' | 'links'>,
  fromEvent?: string
): Promise<string> {
  if (fromEvent) return fromEvent
  const { data } = await target.client.rest.repos.get({ owner: target.owner, repo: target.repo })
  return data.default_branch
}

/** The plan in words, for the log, the job summary and the CLI. */
export function describePlan(plan: MonitorPlan, breaches: number): Own {
  switch (plan.action) {
    case 'nothing':
      return plan.why === 'healthy'
        ? own`The production model meets every retraining condition; no issue is open, nothing to do.`
        : own`The production model still breaks ${breaches} retraining condition(s), as the open issue says; nothing changed, nothing written.`
    case 'open':
      return own`The production model breaks ${breaches} retraining condition(s): opening a retraining issue.`
    case 'reopen':
      return own`The production model breaks ${breaches} retraining condition(s) again: reopening issue #${plan.issue}, closed recently.`
    case 'update': {
      const counts = [
        plan.newly.length ? own`${plan.newly.length} newly breached` : undefined,
        plan.worse.length ? own`${plan.worse.length} worse` : undefined,
        plan.eased.length ? own`${plan.eased.length} recovered` : undefined
      ].filter((part): part is Own => part !== undefined)
      return own`The retraining issue #${plan.issue} is updated: ${counts.length ? joinOwn(counts, own`, `) : own`its record was restored`}.`
    }
    case 'record-healthy':
      return own`A healthy evaluation: issue #${plan.issue} stays open until ${plan.state.healthy} healthy evaluation(s) in a row reach the recover_after setting.`
    case 'close':
      return own`The production model recovered: closing issue #${plan.issue}.`
  }
}

/** The links of the issue: the living docs on the default branch, the run, the PR that promoted the baseline. */
export function issueLinks(
  owner: string,
  repo: string,
  options: MonitorTarget['links'] & { baseline?: BaselineRecord }
): IssueLinks {
  const branch = options.defaultBranch ?? 'HEAD'
  const pr = options.baseline?.pr?.number
  return {
    docs: githubUrl(options.serverUrl, owner, repo, 'blob', branch, ...options.docsPath.split('/')),
    run: checkedUrl(options.runUrl),
    baselinePr: Number.isInteger(pr)
      ? githubUrl(options.serverUrl, owner, repo, 'pull', pr as number)
      : undefined
  }
}

async function writeReport(
  config: ActionConfig,
  env: NodeJS.ProcessEnv,
  comparison: Comparison
): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises')
  const reportPath = reportPathFor(config, env)
  await mkdir(path.dirname(reportPath), { recursive: true })
  await writeFile(reportPath, renderJsonReport(comparison))
  return reportPath
}

async function summarize(log: ActionLog, line: PhrasingContent[], body?: string): Promise<void> {
  await log.summary(stringify([paragraph(...line)]) + (body ? `\n${body}` : ''))
}

/** Runs monitor mode for a schedule or workflow_dispatch event. */
export async function runMonitorMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { config, log } = ctx
  let assessment: MonitorAssessment
  try {
    assessment = await assessEvaluation(config)
  } catch (e) {
    if (e instanceof MonitorInputError || e instanceof BaselineError) {
      log.error((e as Error).message, { title: 'Experiment Review: monitor' })
      await summarize(log, [
        text`Experiment Review could not judge the evaluation: `,
        untrusted((e as Error).message, 2000)
      ])
      return { failure: `Experiment Review: ${(e as Error).message}` }
    }
    throw e
  }
  for (const w of assessment.warnings) log.warning(w, { title: 'Experiment Review: baseline' })
  const { owner, repo } = repositoryOf(ctx, 'monitor from a workflow')
  const client = await ctx.github(config.token)
  const identity = await resolveTokenIdentity({ client, configured: config.botLogin })
  const payload = ctx.payload as { repository?: { default_branch?: unknown } }
  const defaultBranch =
    typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined
  const links = {
    serverUrl: serverUrlOf(ctx.env),
    defaultBranch,
    docsPath: config.docsPath,
    runUrl: workflowRunUrl(ctx.env)
  }
  const reportPath = await writeReport(config, ctx.env, assessment.comparison)
  const result = await runMonitor(assessment, { client, owner, repo, identity, links }, config.id, ctx.now)
  const line = describePlan(result.plan, assessment.evaluation.breaches.length)
  log.notice(line)
  for (const w of result.writes) log.info(`Experiment Review ${w}.`)
  const docs = await recordProduction(
    { client, owner, repo },
    {
      branch: await defaultBranchOf({ client, owner, repo }, defaultBranch),
      docsPath: config.docsPath,
      id: config.id,
      status: productionStatus(assessment, result, ctx.now),
      sleep: ctx.sleep
    }
  )
  if (docs.written || !/was not written/.test(docs.message)) log.info(`Experiment Review: ${docs.message}.`)
  else log.warning(`Experiment Review: ${docs.message}`)
  await summarize(
    log,
    [text(line)],
    assessment.evaluation.breaches.length
      ? retrainingIssueBody({
          id: config.id,
          evaluation: assessment.evaluation,
          retraining: assessment.retraining,
          state: { since: ctx.now.toISOString(), changed: ctx.now.toISOString(), reported: {}, healthy: 0 },
          baseline: assessment.baseline,
          evaluatedAt: ctx.now,
          links: issueLinks(owner, repo, { ...links, baseline: assessment.baseline })
        })
      : undefined
  )
  return {
    verdict: assessment.evaluation.breaches.length ? 'fail' : 'pass',
    reportPath,
    issueUrl: result.issue?.url,
    champion: assessment.comparison.champion?.name
  }
}
