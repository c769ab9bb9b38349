// A metric's rule applied to its values: min, max, max_drop, max_rise and required, as facts. Pure.
import type { MetricStat } from './experiment.js'
import { isGated, type MetricRule, type Threshold } from './rules.js'
import type { SignificanceResult } from './significance.js'

const EPSILON = 1e-12

/**
 * How a drop or rise rule came out:
 * - `within-limit` (passed): the change is within the limit.
 * - `significant` (failed): beyond the limit, and more than noise explains.
 * - `within-noise` (passed): beyond the limit, but within noise.
 * - `noise-not-required` (failed): beyond the limit and within noise, but the rule does not require significance.
 * - `exact` (failed): beyond the limit with no variance on either side.
 * - `inconclusive` (failed): beyond the limit with too few samples to judge noise; the raw change decides.
 * - `untested` (failed): beyond the limit, single values on both sides.
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
  | 'not-comparable'

/** One rule applied to one metric. */
export type RuleCheck =
  | {
      rule: 'min' | 'max'
      /** The floor (min) or ceiling (max). */
      limit: number
      passed: boolean
    }
  | {
      rule: 'max_drop' | 'max_rise'
      threshold: Threshold
      outcome: MoveOutcome
      passed: boolean
      /** True when it failed only because the result was inconclusive rather than significant. */
      inconclusive?: boolean
      /** The test's p-value, when a test ran. */
      p?: number
      /** The level the test was judged at. */
      alpha: number
    }
  | {
      rule: 'required'
      /** vanished: in the baseline, missing from the PR; not-reported: required and never reported. */
      missing: 'vanished' | 'not-reported'
      passed: false
    }

/** The limit of a threshold in the metric's unit. */
export function limitOf(t: Threshold, baseline: number): number {
  return t.relative ? t.amount * Math.abs(baseline) : t.amount
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
  const v = current.value
  if (rule.min !== undefined)
    checks.push({ rule: 'min', limit: rule.min, passed: !Number.isNaN(v) && v >= rule.min })
  if (rule.max !== undefined)
    checks.push({ rule: 'max', limit: rule.max, passed: !Number.isNaN(v) && v <= rule.max })
  if (baseline) {
    const demand = rule.requireSignificance !== false
    if (rule.maxDrop)
      checks.push(checkMove('max_drop', rule.maxDrop, baseline, current, significance, demand, alpha))
    if (rule.maxRise)
      checks.push(checkMove('max_rise', rule.maxRise, baseline, current, significance, demand, alpha))
  }
  return checks
}

/** A drop or rise rule: within the limit passes; beyond it, the significance decides (see MoveOutcome). */
function checkMove(
  rule: 'max_drop' | 'max_rise',
  threshold: Threshold,
  baseline: MetricStat,
  current: MetricStat,
  significance: SignificanceResult | undefined,
  demandSignificance: boolean,
  alpha: number
): RuleCheck {
  const v = current.value
  const p = significance?.tested ? significance.p : undefined
  const fact = (outcome: MoveOutcome, passed: boolean): RuleCheck => ({
    rule,
    threshold,
    outcome,
    passed,
    ...(outcome === 'inconclusive' ? { inconclusive: true } : {}),
    ...(p !== undefined ? { p } : {}),
    alpha
  })
  if (!Number.isFinite(v) || !Number.isFinite(baseline.value)) return fact('not-comparable', false)
  const move = rule === 'max_drop' ? baseline.value - v : v - baseline.value
  if (!(move > limitOf(threshold, baseline.value) + EPSILON)) return fact('within-limit', true)
  switch (significance?.state) {
    case 'significant':
      return fact('significant', false)
    case 'within-noise':
      return demandSignificance ? fact('within-noise', true) : fact('noise-not-required', false)
    case 'exact':
      return fact('exact', false)
    case 'inconclusive':
      return fact('inconclusive', false)
    default:
      return fact('untested', false)
  }
}
