// Promotion on merge: the next baseline file from the previous one, the merged PR's runs and the reviewers'
// decisions. Pure: data in, data out, no I/O and no clock (the merge date is an input).
import {
  BASELINE_VERSION,
  baselineExperiment,
  recordFromExperiment,
  type AcceptedRegression,
  type BaselineFile,
  type BaselineRecord,
  type RunSummary
} from './baseline.js'
import { chooseChampion, primaryMetric, rankExperiments } from './champion.js'
import { groupRuns, type Experiment } from './experiment.js'
import type { RecordedPlots } from './baseline.js'
import type { Run } from './run.js'
import type { Rules } from './rules.js'

/** What reviewers decided on a PR with slash commands (read from the PR's sticky comment by the caller). */
export interface ReviewDecisions {
  /** `/experiments champion <run>`: wins over the ranking when the run exists and did not fail. */
  championPick?: { name: string; by: string; at: string }
  /** `/experiments accept <metric> <reason>`: kept with the champion and shown in the living docs. */
  accepted: AcceptedRegression[]
}

/** What turning on auto-merge did: on, already on, merged at once (nothing blocked it), or refused with GitHub's reason. */
export type AutoMergeOutcome =
  | { state: 'enabled' }
  | { state: 'already' }
  | { state: 'merged'; sha: string }
  | { state: 'refused'; reason: string }

/** The promotion pull request a promote opened or added to, and what auto-merge said. */
export interface PromotionPullRequestOutcome {
  number: number
  url: string
  /** Opened by this promote (else a commit was added to the open one). */
  opened: boolean
  autoMerge: AutoMergeOutcome
}

/** The merged pull request as promotion records it. Every string is untrusted. */
export interface MergedPullRequest {
  number: number
  title?: string
  url?: string
  /** Login of who opened it. */
  author?: string
  /** Login of who merged it. */
  mergedBy?: string
}

/** Everything promotion needs; the caller reads files, the PR and the decisions. */
export interface PromotionInput {
  /** The review id (`default` unless several reviews share a repository). */
  id: string
  /** The baseline file on the default branch before this merge, when there is one. */
  previous?: BaselineFile
  /** The merged PR's runs. */
  runs: Run[]
  rules: Rules
  /** The merged PR; absent for a local promote of runs that came without one. */
  pr?: MergedPullRequest
  /** The merge commit on the default branch (the push event's `after`), or the local commit promoted. */
  commit: string
  /** ISO-8601 time of the merge. */
  date: string
  decisions?: ReviewDecisions
  /** The plots of experiments by name (their images already on the assets branch), recorded with the champion. */
  plots?: Record<string, RecordedPlots>
}

/** The outcome of a promotion: a new baseline file, or why nothing changes. */
export type PromotionResult =
  | {
      kind: 'promoted'
      baseline: BaselineFile
      /** The record of this merge (the new champion, or a history entry when an older merge arrives late). */
      record: BaselineRecord
      /** True when the record became the champion. */
      becameChampion: boolean
      /** Problems worth a warning (e.g. a champion pick that named no run). */
      warnings: string[]
    }
  | { kind: 'skipped'; reason: string }

/** True when a record stands for this merge (same merge commit, or the same PR number). */
export function recordsMerge(record: BaselineRecord, commit: string, prNumber: number | undefined): boolean {
  return (
    (!!record.commit && record.commit === commit) ||
    (prNumber !== undefined && record.pr?.number === prNumber)
  )
}

/** Finds where a merge is already recorded in a baseline file: `champion`, `history[i]`, or undefined. */
export function findMerge(
  file: BaselineFile | undefined,
  commit: string,
  prNumber: number | undefined
): string | undefined {
  if (!file) return undefined
  if (recordsMerge(file.champion, commit, prNumber)) return 'champion'
  const i = file.history.findIndex(r => recordsMerge(r, commit, prNumber))
  return i >= 0 ? `history[${i}]` : undefined
}

/** Computes the next baseline file; `skipped` when this merge is already recorded or no run finished. */
export function promote(input: PromotionInput): PromotionResult {
  const { previous, rules, commit, pr } = input
  const where = findMerge(previous, commit, pr?.number)
  if (where) {
    return {
      kind: 'skipped',
      reason: `${pr ? `PR #${pr.number}` : `commit ${commit.slice(0, 7)}`} is already recorded in the baseline (${where}); nothing to do`
    }
  }
  const experiments = groupRuns(input.runs, rules)
  if (!experiments.length) {
    return {
      kind: 'skipped',
      reason: `no experiment runs were found for ${mergeName(input)}; the baseline is unchanged`
    }
  }
  const previousExperiment = previous ? [baselineExperiment(previous.champion)] : []
  const primary = previous?.champion.primary ?? primaryMetric(rules, [...experiments, ...previousExperiment])
  const ranked = rankExperiments(experiments, primary, rules)
  const pick = input.decisions?.championPick
  const choice = chooseChampion(ranked, primary, pick ? { name: pick.name, by: pick.by } : undefined)
  const champion = choice.champion
  if (!champion) {
    return {
      kind: 'skipped',
      reason: `every run of ${mergeName(input)} failed (${ranked.length} run${ranked.length === 1 ? '' : 's'}); failed runs are never promoted, the baseline is unchanged`
    }
  }
  const warnings = choice.problem
    ? [`${choice.problem}; the best run on ${primary ?? 'the ranking'} was promoted instead`]
    : []
  const accepted = [...(input.decisions?.accepted ?? [])].sort(
    (a, b) => a.metric.localeCompare(b.metric) || a.at.localeCompare(b.at)
  )
  const reason = choice.problem ? `${choice.reason} (${choice.problem})` : choice.reason
  const record = mergeRecord(input, { champion, ranked, primary, reason, accepted })

  const same = previous && [previous.champion, previous.history[0]].find(r => r && sameRuns(r, record))
  if (same) {
    const at = same.pr
      ? `PR #${same.pr.number}`
      : same.commit
        ? `commit ${same.commit.slice(0, 7)}`
        : 'an earlier merge'
    return {
      kind: 'skipped',
      reason: `the runs of ${mergeName(input)} are the ones already recorded for ${at} (${same.name}); the baseline is unchanged`
    }
  }
  const reviewerChose = !!(pick && !choice.problem) || accepted.length > 0
  return { kind: 'promoted', warnings, ...placeRecord(input, record, champion, primary, reviewerChose) }
}

/** The baseline record of this merge: its champion with the PR, the commit, the reason and every run ranked. */
function mergeRecord(
  input: PromotionInput,
  chosen: {
    champion: Experiment
    ranked: Experiment[]
    primary: string | undefined
    reason: string
    accepted: AcceptedRegression[]
  }
): BaselineRecord {
  const { pr } = input
  const { champion, ranked, primary, reason, accepted } = chosen
  return recordFromExperiment(champion, {
    ...(pr
      ? {
          pr: {
            number: pr.number,
            ...(pr.title !== undefined ? { title: pr.title } : {}),
            ...(pr.url !== undefined ? { url: pr.url } : {}),
            ...(pr.author ? { author: pr.author } : {})
          }
        }
      : {}),
    commit: input.commit,
    date: input.date,
    ...(pr?.mergedBy ? { mergedBy: pr.mergedBy } : {}),
    reason,
    ...(accepted.length ? { acceptedRegressions: accepted } : {}),
    experiments: ranked.map(e => summarizeRun(e, e === champion)),
    ...(primary ? { primary } : {}),
    ...(input.plots && Object.hasOwn(input.plots, champion.name) ? { plots: input.plots[champion.name] } : {})
  })
}

/**
 * Where the record of this merge goes in the next baseline file: the champion (the first one, or a better one), the
 * history at its place in time (a late re-run of an older merge), or the history as not promoted (the previous
 * champion stays).
 */
function placeRecord(
  input: PromotionInput,
  record: BaselineRecord,
  champion: Experiment,
  primary: string | undefined,
  reviewerChose: boolean
): { baseline: BaselineFile; record: BaselineRecord; becameChampion: boolean } {
  const { previous } = input
  if (!previous) {
    return {
      becameChampion: true,
      record,
      baseline: {
        schema: 'experiment-review/baseline',
        version: BASELINE_VERSION,
        id: input.id,
        champion: record,
        history: []
      }
    }
  }
  const next = (champion: BaselineRecord, history: BaselineRecord[]): BaselineFile => ({
    ...previous,
    version: BASELINE_VERSION,
    id: previous.id ?? input.id,
    champion,
    history
  })
  // A merge older than the current champion (a re-run of an old push) goes into the history at its place in time;
  // the model on the branch is still the newer champion.
  if (previous.champion.date && previous.champion.date > input.date) {
    const history = [...previous.history]
    const at = history.findIndex(r => !r.date || r.date <= input.date)
    history.splice(at < 0 ? history.length : at, 0, record)
    return { becameChampion: false, record, baseline: next(previous.champion, history) }
  }
  const kept = keepsChampion(champion, previous.champion, primary, input.rules, reviewerChose)
  if (kept) {
    const notPromoted: BaselineRecord = { ...record, promoted: false, reason: kept }
    return {
      becameChampion: false,
      record: notPromoted,
      baseline: next(previous.champion, [notPromoted, ...previous.history])
    }
  }
  return { becameChampion: true, record, baseline: next(record, [previous.champion, ...previous.history]) }
}

/**
 * Why the previous champion stays, or undefined when the PR's champion replaces it: it does unless it ranks
 * below the previous champion on the primary metric and no reviewer picked it or accepted a regression.
 */
export function keepsChampion(
  candidate: Experiment,
  previous: BaselineRecord,
  primary: string | undefined,
  rules: Rules,
  decided: boolean
): string | undefined {
  if (decided || !primary) return undefined
  const before = baselineExperiment(previous)
  const [first] = rankExperiments([candidate, before], primary, rules)
  if (first === candidate) return undefined
  const value = (e: Experiment) =>
    e.metrics[primary] ? String(+e.metrics[primary].value.toPrecision(6)) : 'missing'
  return `Not promoted: its ${primary} (${value(candidate)}) ranks below the champion ${previous.name} (${value(before)}) and no reviewer accepted a regression or picked it; the champion stays.`
}

/** True when two records hold the same runs with the same results (a merge that brought no new runs). */
export function sameRuns(a: BaselineRecord, b: BaselineRecord): boolean {
  const key = (r: BaselineRecord) =>
    canonical({
      name: r.name,
      runs: r.runs,
      params: r.params,
      metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, m.samples.map(String)])),
      experiments: r.experiments
    })
  return key(a) === key(b)
}

/** JSON with sorted keys and non-finite numbers as text, so equal data gives equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
    return v
  })
}

/** One experiment as the living docs list it: mean values, status, and whether it was chosen. */
export function summarizeRun(e: Experiment, chosen: boolean): RunSummary {
  const metrics: Record<string, number> = {}
  for (const [k, m] of Object.entries(e.metrics)) metrics[k] = m.value
  const statusReason = e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason
  return {
    name: e.name,
    status: e.status,
    ...(statusReason ? { statusReason } : {}),
    metrics,
    ...(chosen ? { chosen: true } : {})
  }
}

function mergeName(input: PromotionInput): string {
  return input.pr ? `PR #${input.pr.number}` : `commit ${input.commit.slice(0, 7)}`
}
