// The comparison: the PR's experiments against the baseline, with the gate's verdict. Pure: data in, data out.
// The parts live by concern: metric-comparison.ts (a metric against the baseline), significance.ts (its test),
// rule-checks.ts (its rule), violations.ts and warnings.ts (facts for the report), diff.ts (params, data, code)
// and reproducibility.ts (the checklist). The English of all of it is in src/report/.
import type { AcceptedRegression, BaselineRecord } from './baseline.js'
import { baselineExperiment } from './baseline.js'
import { chooseChampion, primaryMetric, rankExperiments } from './champion.js'
import {
  judgeHypotheses,
  overfittingGaps,
  successCriteriaByExperiment,
  type CriterionResult,
  type HypothesisResult,
  type OverfittingResult
} from './criteria.js'
import {
  diffContext,
  diffParams,
  notLikeForLike,
  type ContextChange,
  type NotLikeForLike,
  type ParamChange
} from './diff.js'
import { groupRuns, type Experiment, type MetricStat } from './experiment.js'
import { compareMetrics, type MetricComparison } from './metric-comparison.js'
import { isBookkeepingSeries } from './primary.js'
import type { RunSelection, SelectionOutcome } from './selection.js'
import { summarizeSweep, type SweepSummary } from './sweep.js'
import { reproducibility, type ChecklistItem } from './reproducibility.js'
import {
  unknownRuleMetrics,
  unreadableRuleEvidence,
  type UnknownRuleMetric,
  type UnreadableRuleEvidence
} from './rule-targets.js'
import { goalOf, type Rules } from './rules.js'
import type { Diagnostic, Run, RunStatus } from './run.js'
import { collectViolations, type Violation } from './violations.js'
import { collectWarnings, type ReviewWarning } from './warnings.js'

export type { ChecklistItem } from './reproducibility.js'
export type { ContextChange, NotLikeForLike, ParamChange } from './diff.js'
export type { MetricComparison, MetricStatus } from './metric-comparison.js'
export type { MoveCheck, MoveOutcome, RuleCheck } from './rule-checks.js'
export type { UnknownRuleMetric, UnreadableRuleEvidence } from './rule-targets.js'
export type { SignificanceResult } from './significance.js'
export type { Violation } from './violations.js'
export type { ReviewWarning, ShownValue } from './warnings.js'
export type { SweepSummary } from './sweep.js'

/** The verdict of a review. */
export type Verdict = 'pass' | 'fail' | 'no-baseline'

/** An experiment as the report lists it. */
export interface ExperimentSummary {
  name: string
  status: RunStatus
  statusReason?: string
  runs: string[]
  metrics: Record<string, MetricStat>
  /** Where the runs were read from. */
  paths: string[]
  source: Run['source']
  /** Runs of the experiment with files that could not be read, and the errors: shown as unreadable, never healthy. */
  unreadable?: { run: string; errors: Diagnostic[] }[]
}

/** Everything the report needs from one review. */
export interface Comparison {
  id: string
  verdict: Verdict
  primary?: string
  champion?: ExperimentSummary
  championReason: string
  baseline?: { name: string; pr?: number; commit?: string; samples: number }
  experiments: ExperimentSummary[]
  metrics: MetricComparison[]
  params: ParamChange[]
  context: ContextChange[]
  notLikeForLike: NotLikeForLike[]
  warnings: ReviewWarning[]
  reproducibility: { run: string; items: ChecklistItem[] }[]
  violations: Violation[]
  diagnostics: Diagnostic[]
  alpha: number
  /** How the gate's one-sided p-values were adjusted: the method and how many gated checks were tested together. */
  gate: { adjust: 'holm' | 'none'; family: number }
  /** The champion was picked automatically as the best of this many finished configurations (k > 1). */
  bestOf?: number
  /** Champion and baseline learning curves, per metric with a history on either side. */
  curves: { metric: string; baseline?: MetricStat['history']; current?: MetricStat['history'] }[]
  /** The rules file's absolute targets (min, max) as met or missed, for every experiment, keyed by experiment name. */
  criteria: Record<string, CriterionResult[]>
  /** Each experiment's stated hypothesis and success criteria with the verdict (see src/core/criteria.ts). */
  hypotheses: HypothesisResult[]
  /** The train/validation gap of every experiment that reports both metrics of the rules' `overfitting`. */
  overfitting: OverfittingResult[]
  /**
   * Set when the evidence is missing, which fails the review: no run was found (or none could be read), or a runs
   * path given explicitly does not exist.
   */
  missingEvidence?: MissingEvidence
  /** Keys of the rules file that name a metric no run and no baseline reports (a typo): they fail the review. */
  unknownMetrics?: UnknownRuleMetric[]
  /** Keys of the rules file whose metric may be held by a run that could not be read: they fail the review. */
  unreadableEvidence?: UnreadableRuleEvidence[]
  /**
   * Bookkeeping series among `metrics` (epoch, step, learning rate, grad norm, runtime, throughput, FLOPs …) that no
   * rule names and that are not the primary: shown apart, folded, as "other series".
   */
  otherSeries: string[]
  /** Parameter effects and the champion's neighbourhood, when several configurations vary their parameters. */
  sweep?: SweepSummary
  /**
   * What was selected in shared stores (`--experiment`, rules-file `select`), what that left out, and which
   * experiments the runs came from; set when runs were collected.
   */
  selection?: SelectionOutcome & { selected: RunSelection }
}

/** Why a review has no evidence to judge: where runs were looked for and which named paths do not exist. */
export interface MissingEvidence {
  /** True when not a single run was found. */
  noRuns: boolean
  /** Where runs were looked for (the runs paths and globs, or the workspace). */
  searched: string[]
  /** Runs paths given explicitly that do not exist. */
  missing: string[]
}

/** The inputs of a comparison. */
export interface CompareInput {
  id?: string
  runs: Run[]
  diagnostics?: Diagnostic[]
  baseline?: BaselineRecord
  rules: Rules
  accepted?: AcceptedRegression[]
  championPick?: { name: string; by?: string }
  /** Where the runs were looked for; with no runs, or a named path missing, the review fails (fail closed). */
  searched?: string[]
  /** Runs paths given explicitly that do not exist. */
  missingPaths?: string[]
  /** What the selection of shared stores left out, and the experiments the runs came from. */
  selection?: SelectionOutcome
}

/** Compares a PR's runs with the baseline and applies the rules. */
export function compareRuns(input: CompareInput): Comparison {
  const { rules, baseline } = input
  const experiments = groupRuns(input.runs, rules)
  const base = baseline ? baselineExperiment(baseline) : undefined
  const primary = primaryMetric(rules, base ? [...experiments, base] : experiments)
  const ranked = rankExperiments(experiments, primary, rules)
  const choice = chooseChampion(ranked, primary, input.championPick)
  const champion = choice.champion
  const finished = ranked.filter(e => e.status !== 'failed').length
  const picked = !!input.championPick && !choice.problem
  const bestOf = !picked && finished > 1 ? finished : undefined
  const metrics = champion ? compareMetrics(champion, base, rules, input.accepted ?? [], bestOf) : []
  const overfitting = overfittingGaps(ranked, rules, champion)
  const violations = collectViolations(metrics, overfitting, rules, input.accepted ?? [])
  const warnings = collectWarnings({
    championProblem: choice.problem,
    overfitting,
    experiments,
    withSamples: base ? [...ranked, base] : ranked,
    baseline: base,
    metrics,
    diagnostics: input.diagnostics ?? []
  })
  const context = champion && base ? diffContext(base, champion) : []
  const broken = violations.filter(v => !v.accepted)
  const missing = input.missingPaths ?? []
  const missingEvidence: MissingEvidence | undefined =
    input.runs.length === 0 || missing.length
      ? { noRuns: input.runs.length === 0, searched: input.searched ?? [], missing }
      : undefined
  const reported = [
    ...input.runs.flatMap(r => Object.keys(r.metrics)),
    ...Object.keys(baseline?.metrics ?? {})
  ]
  const unknownMetrics = input.runs.length ? unknownRuleMetrics(rules, reported) : []
  const unreadableEvidence = unreadableRuleEvidence(rules, input.runs)
  const sweep = primary ? summarizeSweep(ranked, primary, goalOf(primary, rules).goal, champion) : undefined
  const verdict: Verdict =
    missingEvidence || unknownMetrics.length || unreadableEvidence.length || broken.length
      ? 'fail'
      : !base
        ? 'no-baseline'
        : 'pass'
  return {
    id: input.id ?? 'default',
    verdict,
    primary,
    champion: champion ? summarizeExperiment(champion) : undefined,
    championReason: choice.reason,
    baseline: baseline ? baselineSummary(baseline) : undefined,
    experiments: ranked.map(summarizeExperiment),
    metrics,
    params: champion && base ? diffParams(base.lead.params, champion.lead.params) : [],
    context,
    notLikeForLike: notLikeForLike(context, metrics, !!base),
    warnings,
    reproducibility: ranked.map(e => ({ run: e.name, items: reproducibility(e, !!base) })),
    violations,
    diagnostics: input.diagnostics ?? [],
    alpha: rules.significance.alpha,
    gate: gateSummary(metrics, rules),
    ...(bestOf ? { bestOf } : {}),
    curves: metrics
      .filter(m => (m.current?.history?.length ?? 0) > 1 || (m.baseline?.history?.length ?? 0) > 1)
      .map(m => ({ metric: m.name, baseline: m.baseline?.history, current: m.current?.history })),
    criteria: successCriteriaByExperiment(ranked, rules),
    hypotheses: judgeHypotheses(ranked, base, rules),
    overfitting,
    ...(missingEvidence ? { missingEvidence } : {}),
    ...(unknownMetrics.length ? { unknownMetrics } : {}),
    ...(unreadableEvidence.length ? { unreadableEvidence } : {}),
    otherSeries: metrics
      .map(m => m.name)
      .filter(name => name !== primary && !rules.metrics[name] && isBookkeepingSeries(name)),
    ...(sweep ? { sweep } : {}),
    ...(input.selection ? { selection: { selected: rules.select, ...input.selection } } : {})
  }
}

function baselineSummary(baseline: BaselineRecord): NonNullable<Comparison['baseline']> {
  return {
    name: baseline.name,
    pr: baseline.pr?.number,
    commit: baseline.commit,
    samples: Math.max(0, ...Object.values(baseline.metrics).map(m => m.n))
  }
}

function gateSummary(metrics: MetricComparison[], rules: Rules): Comparison['gate'] {
  const family = metrics
    .flatMap(m => m.checks)
    .filter(c => 'pOneSided' in c && c.pOneSided !== undefined).length
  return { adjust: family > 1 ? rules.significance.adjust : 'none', family }
}

/** The report's view of an experiment. */
export function summarizeExperiment(e: Experiment): ExperimentSummary {
  const unreadable = e.runs
    .filter(r => r.readErrors?.length)
    .map(r => ({ run: r.name, errors: r.readErrors ?? [] }))
  return {
    name: e.name,
    status: e.status,
    statusReason: e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason,
    runs: e.runs.map(r => r.name),
    metrics: e.metrics,
    paths: e.runs.map(r => r.path),
    source: e.lead.source,
    ...(unreadable.length ? { unreadable } : {})
  }
}
