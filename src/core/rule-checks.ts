// A metric's rule applied to its values: min, max, max_drop, max_rise and required, as facts. A drop or rise rule
// asks its own question of the test: H0 "the drop is at most max_drop" against H1 "it is larger", one-sided in
// the harmful direction (max_rise likewise), with the p-values of all gated metrics of a review adjusted together
// (Holm by default). Pure.
import { confidenceBound, holm, holmLevels, pValue, type DifferenceTest } from './difference-tests.js'
import type { MetricStat } from './experiment.js'
import { isGated, type MetricRule, type Rules, type Threshold } from './rules.js'
import type { SignificanceResult } from './significance.js'

/**
 * How a drop or rise rule came out:
 * - `within-limit` (passed): the observed change is within the limit.
 * - `significant` (failed): the change is beyond the limit by more than noise explains (adjusted p < alpha).
 * - `within-noise` (passed): the observed change is beyond the limit, but could be noise.
 * - `noise-not-required` (failed): beyond the limit and within noise, but the rule does not require significance.
 * - `exact` (failed): beyond the limit with no variance; the difference is exact.
 * - `inconclusive` (failed): beyond the limit with too few samples to judge noise; the raw change decides.
 * - `untested` (failed): beyond the limit, one run a side: no noise estimate; the raw change decides.
 * - `uncomputable` (failed): the test's p could not be computed; a gate fails closed.
 * - `not-comparable` (failed): a side is not a finite number.
 */
export type MoveOutcome =
  | 'within-limit'
  | 'significant'
  | 'within-noise'
  | 'noise-not-required'
  | 'exact'
  | 'inconclusive'
  | 'untested'
  | 'uncomputable'
  | 'not-comparable'

/** A drop or rise rule applied to one metric. */
export interface MoveCheck {
  rule: 'max_drop' | 'max_rise'
  threshold: Threshold
  /** The limit in the metric's unit (a relative threshold times |baseline|). */
  limit: number
  /** The observed drop (baseline − PR) or rise (PR − baseline). */
  move?: number
  /** The observed move is beyond the limit (with a relative tolerance of 1e-12). */
  crossed?: boolean
  outcome: MoveOutcome
  passed: boolean
  /** True when it failed only because the result was inconclusive rather than significant. */
  inconclusive?: boolean
  /** One-sided p of H0 "move ≤ limit" (tested only). */
  pOneSided?: number
  /** pOneSided adjusted across the review's gated metrics (Holm), compared with alpha. */
  pAdjusted?: number
  /** How many gated p-values were adjusted together, and how. */
  adjustment?: { method: 'holm'; family: number }
  /** The lower confidence bound of the move at `level`: the gate fails when it is above the limit. */
  bound?: { level: number; value: number }
  /** The rule's require_significance (default true). */
  requireSignificance: boolean
  alpha: number
}

/** One rule applied to one metric. */
export type RuleCheck =
  | {
      rule: 'min' | 'max'
      /** The floor (min) or ceiling (max). */
      limit: number
      passed: boolean
    }
  | MoveCheck
  | {
      rule: 'required'
      /** vanished: in the baseline, missing from the PR; not-reported: required and never reported. */
      missing: 'vanished' | 'not-reported'
      passed: false
    }
  | {
      /** At least half of the PR's samples of a gated metric are NaN or infinite: the seeds diverged. */
      rule: 'diverged'
      /** Samples that are not finite. */
      nonFinite: number
      /** All samples. */
      samples: number
      /** The runs whose samples are not finite, when known. */
      runs: string[]
      passed: false
    }

/** The limit of a threshold in the metric's unit. */
export function limitOf(t: Threshold, baseline: number): number {
  return t.relative ? t.amount * Math.abs(baseline) : t.amount
}

/** A tolerance for comparing values of this size: 1e-12 relative, so tiny metrics keep their meaning. */
export function toleranceFor(...values: number[]): number {
  return 1e-12 * Math.max(0, ...values.filter(Number.isFinite).map(Math.abs))
}

/** Applies one metric rule to the values; a non-finite value never passes a bound. */
export function checkRule(
  rule: MetricRule,
  baseline: MetricStat | undefined,
  current: MetricStat | undefined,
  significance: SignificanceResult | undefined,
  alpha: number
): RuleCheck[] {
  const checks: RuleCheck[] = []
  if (!current) {
    if (rule.required || (baseline && isGated(rule)))
      checks.push({ rule: 'required', missing: baseline ? 'vanished' : 'not-reported', passed: false })
    return checks
  }
  // Seeds that diverged count against the PR: when at least half of the samples are not finite, the rule fails
  // rather than being judged on the few finite ones (fewer are left out of the test and named in the warnings).
  const nonFinite = current.samples.filter(x => !Number.isFinite(x)).length
  if (current.samples.length >= 2 && isGated(rule) && nonFinite * 2 >= current.samples.length) {
    const runs = (current.sampleRuns ?? []).filter((_, i) => !Number.isFinite(current.samples[i]))
    checks.push({ rule: 'diverged', nonFinite, samples: current.samples.length, runs, passed: false })
    return checks
  }
  const v = current.value
  if (rule.min !== undefined)
    checks.push({ rule: 'min', limit: rule.min, passed: !Number.isNaN(v) && v >= rule.min })
  if (rule.max !== undefined)
    checks.push({ rule: 'max', limit: rule.max, passed: !Number.isNaN(v) && v <= rule.max })
  if (baseline) {
    const demand = rule.requireSignificance !== false
    for (const [kind, threshold] of [
      ['max_drop', rule.maxDrop],
      ['max_rise', rule.maxRise]
    ] as const) {
      if (threshold) checks.push(checkMove(kind, threshold, baseline, current, significance, demand, alpha))
    }
  }
  return checks
}

/** A drop or rise rule, judged alone (a family of one); adjustGate re-judges it with the review's other gates. */
function checkMove(
  rule: 'max_drop' | 'max_rise',
  threshold: Threshold,
  baseline: MetricStat,
  current: MetricStat,
  significance: SignificanceResult | undefined,
  requireSignificance: boolean,
  alpha: number
): MoveCheck {
  const v = current.value
  const limit = limitOf(threshold, baseline.value)
  const base = { rule, threshold, limit, requireSignificance, alpha }
  if (!Number.isFinite(v) || !Number.isFinite(baseline.value) || !Number.isFinite(limit))
    return { ...base, outcome: 'not-comparable', passed: false }
  const move = rule === 'max_drop' ? baseline.value - v : v - baseline.value
  const crossed = move > limit + toleranceFor(baseline.value, v, limit)
  const fact = (outcome: MoveOutcome, passed: boolean): MoveCheck => ({
    ...base,
    move,
    crossed,
    outcome,
    passed,
    ...(outcome === 'inconclusive' ? { inconclusive: true } : {})
  })
  if (significance?.state === 'uncomputable') return fact('uncomputable', false)
  if (significance?.test) {
    // H0: move ≤ limit. A drop is PR − baseline < −limit; a rise is PR − baseline > limit.
    const pOneSided =
      rule === 'max_drop'
        ? pValue(significance.test, 'less', -limit)
        : pValue(significance.test, 'greater', limit)
    // A test that finiteOr let through has a finite estimate, se > 0 and df > 0, so its p is a number today; the
    // guard keeps the gate failing closed should that change.
    // Stryker disable next-line ConditionalExpression,StringLiteral,BooleanLiteral: unreachable for a test finiteOr returns (see above)
    if (Number.isNaN(pOneSided)) return fact('uncomputable', false)
    // Stryker disable next-line StringLiteral,BooleanLiteral: decideMove replaces the outcome and passed of this fact
    return decideMove({ ...fact('within-limit', true), pOneSided }, pOneSided, alpha, significance)
  }
  if (!crossed) return fact('within-limit', true)
  switch (significance?.state) {
    case 'exact':
      return fact('exact', false)
    case 'inconclusive':
      return fact('inconclusive', false)
    default:
      return fact('untested', false)
  }
}

/** Decides a tested move check at the level it is judged at (alpha, or Holm's step for its rank). */
function decideMove(
  check: MoveCheck,
  pAdjusted: number,
  level: number,
  significance: SignificanceResult | undefined
): MoveCheck {
  const bound = significance?.test ? moveBound(check.rule, significance.test, 1 - level) : undefined
  const crossed = check.crossed === true
  const significant = pAdjusted < check.alpha
  const outcome: MoveOutcome = !check.requireSignificance
    ? crossed
      ? significant
        ? 'significant'
        : 'noise-not-required'
      : 'within-limit'
    : significant
      ? 'significant'
      : crossed
        ? 'within-noise'
        : 'within-limit'
  const passed = outcome === 'within-limit' || outcome === 'within-noise'
  return { ...check, outcome, passed, ...(bound ? { bound } : {}) }
}

/** The lower confidence bound of the move at `level`: of −(PR − baseline) for a drop, of PR − baseline for a rise. */
function moveBound(rule: MoveCheck['rule'], test: DifferenceTest, level: number): MoveCheck['bound'] {
  const value =
    // Stryker disable next-line StringLiteral: confidenceBound takes every side but 'lower' as the upper bound
    rule === 'max_drop' ? -confidenceBound(test, level, 'upper') : confidenceBound(test, level, 'lower')
  return { level, value }
}

/**
 * Adjusts the one-sided p-values of every tested drop and rise check of a review together (Holm's step-down
 * method unless the rules say `adjust: none`) and re-judges each check at its adjusted p. Returns the checks in
 * place of the given ones, keyed by their position.
 */
export function adjustGate(
  entries: { check: MoveCheck; significance?: SignificanceResult }[],
  rules: Pick<Rules, 'significance'>
): MoveCheck[] {
  const tested = entries.filter(e => e.check.pOneSided !== undefined)
  const holmOn = rules.significance.adjust !== 'none' && tested.length > 1
  const ps = tested.map(e => e.check.pOneSided as number)
  const adjusted = holmOn ? holm(ps) : ps
  const levels = holmOn ? holmLevels(ps, rules.significance.alpha) : ps.map(() => rules.significance.alpha)
  return entries.map(e => {
    const i = tested.indexOf(e)
    if (i < 0) return e.check
    const decided = decideMove(e.check, adjusted[i], levels[i], e.significance)
    return holmOn
      ? { ...decided, pAdjusted: adjusted[i], adjustment: { method: 'holm', family: tested.length } }
      : decided
  })
}
