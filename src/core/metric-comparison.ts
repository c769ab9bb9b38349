// One metric of the champion against the baseline: which way it moved, its significance and its rule's checks. Pure.
import type { AcceptedRegression } from './baseline.js'
import type { Experiment, MetricStat } from './experiment.js'
import { adjustGate, checkRule, toleranceFor, type MoveCheck, type RuleCheck } from './rule-checks.js'
import { goalOf, isGated, type Goal, type Rules } from './rules.js'
import { testSignificance, type SignificanceResult } from './significance.js'

/** Which way a metric moved, judged by its goal. */
export type MetricStatus = 'improved' | 'regressed' | 'unchanged' | 'added' | 'removed' | 'not-comparable'

/** A metric of the champion against the baseline. */
export interface MetricComparison {
  name: string
  goal: Goal
  goalFrom: 'rule' | 'name'
  baseline?: MetricStat
  current?: MetricStat
  status: MetricStatus
  /** current − baseline, when both are finite. */
  change?: number
  /** change / |baseline|, when defined. */
  relativeChange?: number
  significance?: SignificanceResult
  checks: RuleCheck[]
  /** True when a rule on this metric can fail the gate. */
  gated: boolean
  /** True when a check failed and no acceptance covers it. */
  broken: boolean
  accepted?: AcceptedRegression
}

/** Compares every metric of the champion and the baseline (their union), applying each metric's rule. */
export function compareMetrics(
  champion: Experiment,
  base: Experiment | undefined,
  rules: Rules,
  accepted: AcceptedRegression[],
  bestOf?: number
): MetricComparison[] {
  const names = new Set([...Object.keys(champion.metrics), ...Object.keys(base?.metrics ?? {})])
  for (const [name, rule] of Object.entries(rules.metrics)) if (rule.required) names.add(name)
  const ordered = [...names].sort((a, b) => rank(a, rules) - rank(b, rules) || a.localeCompare(b))
  const metrics = ordered.map(name =>
    compareMetric(name, base?.metrics[name], champion.metrics[name], rules, accepted, bestOf)
  )
  return adjustAcrossMetrics(metrics, rules, accepted)
}

/** Re-judges every drop and rise check with the review's other gated p-values (Holm), then who is broken. */
export function adjustAcrossMetrics(
  metrics: MetricComparison[],
  rules: Rules,
  // Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
  accepted: AcceptedRegression[] = []
): MetricComparison[] {
  const entries = metrics.flatMap(m =>
    // Stryker disable next-line MethodExpression: other checks carry no pOneSided, so adjustGate hands them back unchanged
    m.checks
      .filter((c): c is MoveCheck => c.rule === 'max_drop' || c.rule === 'max_rise')
      .map(check => ({ check, significance: m.significance, metric: m }))
  )
  const judged = adjustGate(entries, rules)
  return metrics.map(m => {
    const checks = m.checks.map(c => {
      const i = entries.findIndex(e => e.check === c)
      return i < 0 ? c : judged[i]
    })
    return withAcceptance({ ...m, checks }, accepted)
  })
}

/** Sets broken and accepted from the checks: broken when a check failed and no acceptance covers it. */
export function withAcceptance(m: MetricComparison, accepted: AcceptedRegression[]): MetricComparison {
  const acceptance = accepted.find(a => a.metric === m.name)
  const failed = m.checks.some(c => !c.passed)
  return { ...m, broken: failed && !acceptance, accepted: failed ? acceptance : undefined }
}

function rank(name: string, rules: Rules): number {
  if (name === rules.primary) return 0
  if (isGated(rules.metrics[name])) return 1
  if (rules.metrics[name]) return 2
  return 3
}

/** Compares one metric and applies its rule. */
export function compareMetric(
  name: string,
  baseline: MetricStat | undefined,
  current: MetricStat | undefined,
  rules: Rules,
  // Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
  accepted: AcceptedRegression[] = [],
  bestOf?: number
): MetricComparison {
  const { goal, from } = goalOf(name, rules)
  const rule = rules.metrics[name]
  let status: MetricStatus
  let change: number | undefined
  let relativeChange: number | undefined
  if (!current) status = 'removed'
  else if (!baseline) status = 'added'
  else if (!Number.isFinite(current.value) || !Number.isFinite(baseline.value)) status = 'not-comparable'
  else {
    change = current.value - baseline.value
    relativeChange = baseline.value !== 0 ? change / Math.abs(baseline.value) : undefined
    // "Unchanged" within a relative tolerance, so a metric around 1e-12 is judged on its own scale.
    const tolerance = toleranceFor(current.value, baseline.value)
    const better = goal === 'maximize' ? change > tolerance : change < -tolerance
    const worse = goal === 'maximize' ? change < -tolerance : change > tolerance
    status = better ? 'improved' : worse ? 'regressed' : 'unchanged'
  }
  const significance =
    baseline && current && status !== 'not-comparable'
      ? testSignificance(baseline, current, rules.significance.alpha, { goal, bestOf })
      : undefined
  const checks = rule ? checkRule(rule, baseline, current, significance, rules.significance.alpha) : []
  return withAcceptance(
    {
      name,
      goal,
      goalFrom: from,
      baseline,
      current,
      status,
      change,
      relativeChange,
      significance,
      checks,
      gated: isGated(rule),
      // Stryker disable next-line BooleanLiteral: withAcceptance sets broken from the checks right away
      broken: false
    },
    accepted
  )
}
