// What a promotion writes: the new baseline file, the living docs page and the commit message, computed from
// their texts at a head. Pure, so the promote mode (Git Data API) and the local promote (a checkout) share it.
import { baselineOfId, serializeBaseline, type RecordedPlots } from '../core/baseline.js'
import { legacyBaselinePath } from '../core/conventions.js'
import { promote, type MergedPullRequest, type ReviewDecisions } from '../core/promotion.js'
import type { Run } from '../core/run.js'
import type { Rules } from '../core/rules.js'
import { updateDocsPage } from './docs.js'
import { legacyBaselineText } from './findings.js'
import { neutralize, paragraph, text, untrustedCode, type OwnUrl } from './mdast.js'
import { stringify } from './markdown.js'

/** Everything a promotion computes from, besides the two files at the head it is applied to. */
export interface PromotionPlanInput {
  id: string
  rules: Rules
  baselinePath: string
  docsPath: string
  runs: Run[]
  pr?: MergedPullRequest
  /** The merge commit (push `after`), or the local commit promoted. */
  commit: string
  /** ISO-8601 time of the merge. */
  date: string
  decisions?: ReviewDecisions
  /** The repository's web page: the docs link PRs and commits into it. */
  repositoryUrl?: OwnUrl
  /** The plots of experiments by name, recorded with the champion (see PromotionInput.plots). */
  plots?: Record<string, RecordedPlots>
}

/** The files to write (only those whose text changes) and what the promotion did. */
export interface PromotionPlan {
  /** New texts by path; empty when nothing changes. */
  files: Record<string, string>
  /** The champion after the promotion (unchanged when the PR's best did not replace it). */
  champion?: string
  /** Why nothing is written, when nothing is. */
  skipped?: string
  /** True when the PR's best run became the champion. */
  becameChampion?: boolean
  /** A commit message for these files, ending in [skip ci]. */
  message: string
  warnings: string[]
}

/** The texts at a head a promotion starts from; `legacyBaseline` is the legacy shared file's (see below). */
export interface PromotionTexts {
  baseline?: string
  docs?: string
  /** The text at `legacyBaselinePath(id, baselinePath)`, read when the id's own baseline file does not exist. */
  legacyBaseline?: string
}

/** The paths a promotion reads at a head: the baseline, the docs page, and the legacy shared baseline if any. */
export function promotionPaths(input: Pick<PromotionPlanInput, 'id' | 'baselinePath' | 'docsPath'>): {
  baseline: string
  docs: string
  legacyBaseline?: string
} {
  const legacy = legacyBaselinePath(input.id, input.baselinePath)
  return { baseline: input.baselinePath, docs: input.docsPath, ...(legacy ? { legacyBaseline: legacy } : {}) }
}

/**
 * The new baseline file and docs page from their texts at a head: a pure function of its inputs, so a commit
 * retried on a newer head computes the same change on top of whatever landed meanwhile. Throws BaselineError for
 * an unusable baseline file or one that belongs to another id, and DocsMarkerError for broken markers (then nothing
 * is written). An id whose own file does not exist yet starts from the legacy shared file when that holds this id.
 */
export function planPromotion(current: PromotionTexts, input: PromotionPlanInput): PromotionPlan {
  const paths = promotionPaths(input)
  const chosen = baselineOfId(
    {
      path: input.baselinePath,
      text: current.baseline,
      legacyPath: paths.legacyBaseline,
      legacyText: current.legacyBaseline
    },
    input.id
  )
  const previous = chosen.file
  const moved = chosen.legacy ? [legacyBaselineText(input.id, chosen.legacy, true)] : []
  const result = promote({
    id: input.id,
    previous,
    runs: input.runs,
    rules: input.rules,
    pr: input.pr,
    commit: input.commit,
    date: input.date,
    decisions: input.decisions,
    ...(input.plots ? { plots: input.plots } : {})
  })
  const subject = promotionSubject(input)
  if (result.kind === 'skipped')
    return {
      files: {},
      skipped: result.reason,
      champion: previous?.champion.name,
      message: subject,
      warnings: moved
    }
  const baselineText = serializeBaseline(result.baseline)
  const docsText = updateDocsPage(current.docs, result.baseline, {
    id: input.id,
    rules: input.rules,
    baselinePath: input.baselinePath,
    file: input.docsPath,
    repositoryUrl: input.repositoryUrl
  })
  const files: Record<string, string> = {}
  if (baselineText !== current.baseline) files[input.baselinePath] = baselineText
  if (docsText !== current.docs) files[input.docsPath] = docsText
  const champion = result.baseline.champion.name
  const body = result.becameChampion
    ? `New champion: ${neutralize(champion)}. ${neutralize(result.record.reason ?? '', 300)}`
    : `The champion ${neutralize(champion)} stays; the runs of this merge are recorded in the history.`
  return {
    files,
    champion,
    becameChampion: result.becameChampion,
    message: `${subject}\n\n${body}\nUpdated by Experiment Review: ${input.baselinePath} and ${input.docsPath}.`,
    warnings: [...moved, ...result.warnings]
  }
}

/**
 * The first line of a promotion commit: what was promoted, and `[skip ci]` so that a push to the default branch
 * starts no workflow. A commit on the promotion branch leaves it out (`skipCi: false`): the pull request's
 * required checks must run for it to merge.
 */
export function promotionSubject(
  input: Pick<PromotionPlanInput, 'pr' | 'commit' | 'id'>,
  options: { skipCi?: boolean } = {}
): string {
  const what = input.pr ? `PR #${input.pr.number}` : `commit ${input.commit.slice(0, 7)}`
  const id = input.id === 'default' ? '' : ` (${neutralize(input.id, 40)})`
  const skip = options.skipCi === false ? '' : ' [skip ci]'
  return `Experiment Review${id}: promote the runs of ${what} to the baseline${skip}`
}

/** The title of the promotion pull request of a review id. */
export function promotionPullRequestTitle(id: string): string {
  const which = id === 'default' ? '' : ` (${neutralize(id, 40)})`
  return `Experiment Review${which}: record the new baseline`
}

/** The body of the promotion pull request: what it carries, why it exists, and how it merges. */
export function promotionPullRequestBody(input: {
  id: string
  baselinePath: string
  docsPath: string
  branch: string
  defaultBranch: string
}): string {
  return stringify([
    paragraph(
      text`Experiment Review opened this pull request to record promotions on `,
      untrustedCode(input.defaultBranch),
      text`, which refuses direct pushes. Each commit promotes the champion of one merged pull request; it changes only `,
      untrustedCode(input.baselinePath),
      text` and `,
      untrustedCode(input.docsPath),
      text`.`
    ),
    paragraph(
      text`It merges itself once the branch rules are met (auto-merge). Until then, later merges add their promotions to `,
      untrustedCode(input.branch),
      text`, so this stays the one open promotion pull request. Closing it unmerged drops these promotions; the next merge opens a new one.`
    )
  ])
}
