// Promote mode (push to the default branch): find the merged PR, collect its runs, choose the champion, and
// commit the new baseline and the living docs in one commit through the Git Data API, retried on a race.
import type { MergedPullRequest, PromotionPullRequestOutcome, ReviewDecisions } from '../core/promotion.js'
import { hiddenMarker, promotionBranchOf } from '../core/conventions.js'
import { formatDiagnostic } from '../core/run.js'
import type { Rules } from '../core/rules.js'
import type { RecordedPlots } from '../core/baseline.js'
import type { GitHubClient } from '../github/client.js'
import type { PullRequestInfo, RepositoryRef } from '../github/pr.js'
import type { PromotionPullRequest } from '../github/promotion-pr.js'
import { githubUrl } from '../report/mdast.js'
import { promoteOutcomeLine, promotionPullRequestLine, renderPromoteSummary } from '../report/summary.js'
import {
  planPromotion,
  promotionPaths,
  promotionPullRequestBody,
  promotionPullRequestTitle,
  promotionSubject,
  type PromotionPlan,
  type PromotionPlanInput
} from '../report/promotion.js'
import { collectRuns } from '../sources/detect.js'
import { promotedPlots } from './review-plots.js'
import { serverUrlOf } from './review-request.js'
import { repositoryOf, type ModeContext, type ModeOutcome } from './types.js'

/** The config a promote needs (a subset of the action's inputs). */
export interface PromoteConfig {
  workspace: string
  /** Paths or globs of run outputs; empty means auto-detect. */
  runs: string[]
  baselinePath: string
  docsPath: string
  id: string
  rules: Rules
  /** The branch the champion's images are committed to (see the assets-branch input); none recorded without it. */
  assetsBranch?: string
}

/** Inputs of runPromote: config, the push event's facts, a client, the clock. */
export interface RunPromoteOptions {
  config: PromoteConfig
  /** The push event's `after` sha (the merge commit). */
  after: string
  /** The pushed ref (`refs/heads/main`) or branch name; the commit goes on top of it. */
  ref: string
  repository: { owner: string; repo: string }
  client: GitHubClient
  now: Date
  /** The web root (GITHUB_SERVER_URL) the docs link PRs and commits under; no links without it. */
  serverUrl?: string
  /** The reviewers' decisions on the merged PR, or how to read them once the PR is known (the caller parses the sticky comment). */
  decisions?: ReviewDecisions | ((pr: PullRequestInfo) => Promise<ReviewDecisions | undefined>)
  /** Who pushed (the event's pusher.name), recorded as who merged when the PR does not say. */
  pusher?: string
  /**
   * How the promotion reaches the branch: `push` commits on it (default); `pull-request` commits on the promotion
   * branch of the id and keeps one pull request open from it, with auto-merge on (for a branch that refuses pushes).
   */
  via?: PromoteVia
  /** Retry knobs of the commit (tests pass a fast sleep). */
  commit?: {
    maxAttempts?: number
    backoffBaseMs?: number
    sleep?: (ms: number) => Promise<void>
    random?: () => number
  }
  log?: (message: string) => void
}

/** How a promotion reaches the default branch: a direct push, or a pull request that merges itself. */
export type PromoteVia = 'push' | 'pull-request'

/** What runPromote did. */
export interface RunPromoteResult {
  /** The commit made on the branch (the promotion branch, when promoting through a pull request), when one was. */
  commitSha?: string
  /** The promotion pull request, when promoting through one. */
  pullRequest?: PromotionPullRequestOutcome
  /** The champion after the promote. */
  champion?: string
  /** Why no commit was made. */
  skipped?: string
  /** The merged PR, when one was found. */
  pr?: number
  /** Paths the commit changed. */
  changedPaths: string[]
  /** Runs that could not be read, champion picks that named no run … */
  warnings: string[]
}

/** Promote mode: one commit with the new baseline and docs on the pushed branch, or a reason for none. */
export async function runPromote(options: RunPromoteOptions): Promise<RunPromoteResult> {
  const { config, client, after, repository } = options
  const { owner, repo } = repository
  const log = options.log ?? (() => undefined)
  const branch = options.ref.replace(/^refs\/heads\//, '')
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(after)) {
    throw new Error(
      `The push event's after sha ${JSON.stringify(after)} is not a commit id; promote runs on a push event to the default branch.`
    )
  }
  const [{ findMergedPullRequest }, { commitFilesToBranch }] = await Promise.all([
    import('../github/pr.js'),
    import('../github/commit.js')
  ])

  const merged = await findMergedPullRequest({ client, owner, repo, sha: after })
  const via = options.via ?? 'push'
  const promotionBranch = promotionBranchOf(config.id)
  if (merged && !merged.fromFork && merged.headRef === promotionBranch) {
    const skipped = `the push merged Experiment Review's own promotion pull request #${merged.number}; its baseline and docs are already on ${branch}`
    log(`No commit: ${skipped}.`)
    return { skipped, pr: merged.number, changedPaths: [], warnings: [] }
  }
  const mergedBy = merged?.mergedBy || options.pusher
  const pr: MergedPullRequest | undefined = merged
    ? {
        number: merged.number,
        title: merged.title,
        url: merged.htmlUrl,
        ...(merged.author ? { author: merged.author } : {}),
        ...(mergedBy ? { mergedBy } : {})
      }
    : undefined
  log(
    merged
      ? `The push ${after.slice(0, 7)} merged PR #${merged.number}${merged.mergedBy ? ` (merged by ${merged.mergedBy})` : ''}.`
      : `No merged pull request introduced ${after.slice(0, 7)}; promoting the runs of the commit itself.`
  )

  const collection = await collectRuns({
    workspace: config.workspace,
    patterns: config.runs,
    selection: config.rules.select,
    commit: { kind: 'sha', sha: after }
  })
  const warnings = collection.diagnostics.map(formatDiagnostic)
  const decisions =
    typeof options.decisions === 'function'
      ? merged
        ? await options.decisions(merged)
        : undefined
      : options.decisions
  const input: PromotionPlanInput = {
    id: config.id,
    rules: config.rules,
    baselinePath: config.baselinePath,
    docsPath: config.docsPath,
    runs: collection.runs,
    pr,
    commit: after,
    date: merged?.mergedAt ?? options.now.toISOString(),
    decisions,
    repositoryUrl: githubUrl(options.serverUrl, owner, repo)
  }
  let plan: PromotionPlan | undefined
  const plots = new Map<string, RecordedPlots | undefined>()
  const promotion =
    via === 'pull-request'
      ? await preparePromotionBranch({ client, owner, repo, branch: promotionBranch, base: branch })
      : undefined
  const target = promotion ? promotionBranch : branch
  const result = await commitFilesToBranch({
    client,
    owner,
    repo,
    branch: target,
    message: `${promotionSubject(input, { skipCi: !promotion })}\n\nUpdated by Experiment Review: ${config.baselinePath} and ${config.docsPath}.`,
    maxAttempts: options.commit?.maxAttempts ?? 10,
    backoffBaseMs: options.commit?.backoffBaseMs,
    sleep: options.commit?.sleep,
    random: options.commit?.random,
    computeFiles: async readFile => {
      const [baseline, docs] = await Promise.all([readFile(config.baselinePath), readFile(config.docsPath)])
      const legacy = promotionPaths(input).legacyBaseline
      const legacyBaseline = baseline === undefined && legacy ? await readFile(legacy) : undefined
      const texts = { baseline, docs, legacyBaseline }
      plan = planPromotion(texts, input)
      // A new champion records its plots: found once per champion (a retry on a moved head reuses them).
      const champion = plan.becameChampion ? plan.champion : undefined
      if (champion && !plots.has(champion)) {
        plots.set(
          champion,
          await promotedPlots({
            ref: { client, owner, repo },
            branch: config.assetsBranch,
            defaultBranch: branch,
            workspace: config.workspace,
            rules: config.rules,
            runs: collection.runs,
            champion,
            warnings
          })
        )
      }
      const recorded = champion ? plots.get(champion) : undefined
      if (champion && recorded) plan = planPromotion(texts, { ...input, plots: { [champion]: recorded } })
      return plan.files
    }
  })
  const last = plan as PromotionPlan | undefined
  warnings.push(...(last?.warnings ?? []))
  const skipped = result.commitSha
    ? undefined
    : (last?.skipped ??
      `${config.baselinePath} and ${config.docsPath} on ${target} already say this; no commit was made`)
  if (result.commitSha)
    log(
      `Committed ${result.changedPaths.join(' and ')} to ${target} as ${result.commitSha.slice(0, 7)} (attempt ${result.attempts}).`
    )
  else log(`No commit: ${skipped}`)
  const pullRequest =
    promotion && (result.commitSha || promotion.open)
      ? await promotionPullRequest({
          client,
          owner,
          repo,
          branch: promotionBranch,
          base: branch,
          open: promotion.open,
          config
        })
      : undefined
  if (pullRequest) log(promotionPullRequestLine(pullRequest))
  return {
    ...(result.commitSha ? { commitSha: result.commitSha } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    champion: last?.champion,
    ...(skipped ? { skipped } : {}),
    ...(pr ? { pr: pr.number } : {}),
    changedPaths: result.changedPaths,
    warnings
  }
}

/**
 * The reviewers' decisions on a merged PR, read from its sticky comment (only the one the token itself wrote): the
 * acceptances made on the head that merged, and the champion pick. Undefined when there is no such comment.
 */
export async function readMergedDecisions(options: {
  client: GitHubClient
  owner: string
  repo: string
  pr: PullRequestInfo
  ctx: Pick<ModeContext, 'config' | 'log'>
}): Promise<ReviewDecisions | undefined> {
  const { client, owner, repo, pr, ctx } = options
  const [{ listOwnStickyComments, resolveTokenIdentity }, { readDecisionsState }, { decisionsForMerge }] =
    await Promise.all([
      import('../github/sticky.js'),
      import('../report/review-state.js'),
      import('../core/decisions.js')
    ])
  const identity = await resolveTokenIdentity({ client, configured: ctx.config.botLogin })
  const [sticky] = await listOwnStickyComments({
    client,
    owner,
    repo,
    issueNumber: pr.number,
    marker: hiddenMarker(ctx.config.id),
    identity
  })
  if (!sticky) return undefined
  const decisions = decisionsForMerge(readDecisionsState(sticky.body ?? ''), pr.headSha)
  if (decisions.accepted.length || decisions.championPick)
    ctx.log.info(
      `Reviewer decisions on PR #${pr.number}: ${decisions.accepted.length} accepted regression(s)${decisions.championPick ? `, champion picked: ${decisions.championPick.name}` : ''}.`
    )
  return decisions
}

/** The open promotion pull request, or the promotion branch started again from the tip of `base` when none is open. */
async function preparePromotionBranch(
  options: RepositoryRef & { branch: string; base: string }
): Promise<{ open?: PromotionPullRequest }> {
  const { findOpenPullRequestFrom, resetBranchTo } = await import('../github/promotion-pr.js')
  const open = await findOpenPullRequestFrom(options)
  if (!open) await resetBranchTo(options)
  return { open }
}

/** Opens the promotion pull request when none is open, and turns on its auto-merge. */
async function promotionPullRequest(
  options: RepositoryRef & {
    branch: string
    base: string
    open?: PromotionPullRequest
    config: Pick<PromoteConfig, 'id' | 'baselinePath' | 'docsPath'>
  }
): Promise<PromotionPullRequestOutcome> {
  const { openPullRequest, enableAutoMerge } = await import('../github/promotion-pr.js')
  const { config, branch, base } = options
  const pull =
    options.open ??
    (await openPullRequest({
      ...options,
      title: promotionPullRequestTitle(config.id),
      body: promotionPullRequestBody({ ...config, branch, defaultBranch: base })
    }))
  const autoMerge = await enableAutoMerge({ ...options, pull })
  return { number: pull.number, url: pull.htmlUrl, opened: pull.opened, autoMerge }
}

/** The action's promote mode: reads the push event, loads the rules, runs runPromote and reports what it did. */
export async function runPromoteMode(ctx: ModeContext): Promise<ModeOutcome> {
  const payload = ctx.payload as {
    after?: unknown
    ref?: unknown
    deleted?: unknown
    pusher?: { name?: unknown }
    repository?: { name?: unknown; owner?: { login?: unknown; name?: unknown }; default_branch?: unknown }
  }
  const ref = typeof payload.ref === 'string' ? payload.ref : (ctx.env.GITHUB_REF ?? '')
  const after = typeof payload.after === 'string' ? payload.after : (ctx.env.GITHUB_SHA ?? '')
  const defaultBranch =
    typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined
  if (payload.deleted === true || /^0+$/.test(after)) {
    ctx.log.notice('Experiment Review: the push deleted a branch; nothing to promote.')
    return {}
  }
  if (!ref.startsWith('refs/heads/') || (defaultBranch && ref !== `refs/heads/${defaultBranch}`)) {
    ctx.log.notice(
      `Experiment Review: promote runs on pushes to the default branch${defaultBranch ? ` (${defaultBranch})` : ''}; this push is to ${ref || 'an unknown ref'}, so nothing was promoted.`
    )
    return {}
  }
  const repository = repositoryOf(ctx, 'promote from a push workflow')
  const { loadRules } = await import('../config/rules-file.js')
  const { rules } = await loadRules(ctx.config.workspace, ctx.config.configFile)
  const client = await ctx.github(ctx.config.token)
  const result = await runPromote({
    config: {
      workspace: ctx.config.workspace,
      runs: ctx.config.runs,
      baselinePath: ctx.config.baselinePath,
      docsPath: ctx.config.docsPath,
      id: ctx.config.id,
      rules,
      assetsBranch: ctx.config.assetsBranch
    },
    after,
    ref,
    repository,
    client,
    now: ctx.now,
    decisions: pr => readMergedDecisions({ client, owner: repository.owner, repo: repository.repo, pr, ctx }),
    serverUrl: serverUrlOf(ctx.env),
    commit: { sleep: ctx.sleep },
    via: ctx.config.promoteVia,
    pusher: typeof payload.pusher?.name === 'string' ? payload.pusher.name : undefined,
    log: m => ctx.log.info(m)
  })
  for (const w of result.warnings) ctx.log.warning(w)
  if (result.pullRequest?.autoMerge.state === 'refused') ctx.log.warning(promoteOutcomeLine(result))
  else ctx.log.notice(promoteOutcomeLine(result))
  const commitUrl = result.commitSha
    ? githubUrl(serverUrlOf(ctx.env), repository.owner, repository.repo, 'commit', result.commitSha)
    : undefined
  await ctx.log.summary(renderPromoteSummary({ ...result, commitUrl }))
  return result.champion ? { champion: result.champion } : {}
}
