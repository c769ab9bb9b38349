// One metric of the champion against the baseline: which way it moved, its significance and its rule's checks. Pure.
import type { AcceptedRegression } from './baseline.js'
import type { Experiment, MetricStat } from './experiment.js'
import { checkRule, type RuleCheck } from './rule-checks.js'
import { goalOf, isGated, type Goal, type Rules } from './rules.js'
import { testSignificance, type SignificanceResult } from './significance.js'

const EPSILON = 1e-12

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
  accepted: AcceptedRegression[]
): MetricComparison[] {
  const names = new Set([...Object.keys(champion.metrics), ...Object.keys(base?.metrics ?? {})])
  for (const [name, rule] of Object.entries(rules.metrics)) if (rule.required) names.add(name)
  const ordered = [...names].sort((a, b) => rank(a, rules) - rank(b, rules) || a.localeCompare(b))
  return ordered.map(name =>
    compareMetric(name, base?.metrics[name], champion.metrics[name], rules, accepted)
  )
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
  accepted: AcceptedRegression[] = []
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
    const better = goal === 'maximize' ? change > EPSILON : change < -EPSILON
    const worse = goal === 'maximize' ? change < -EPSILON : change > EPSILON
    status = better ? 'improved' : worse ? 'regressed' : 'unchanged'
  }
  const significance =
    baseline && current && status !== 'not-comparable'
      ? testSignificance(baseline, current, rules.significance.alpha)
      : undefined
  const checks = rule ? checkRule(rule, baseline, current, significance, rules.significance.alpha) : []
  const acceptance = accepted.find(a => a.metric === name)
  const failed = checks.some(c => !c.passed)
  return {
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
    broken: failed && !acceptance,
    accepted: failed ? acceptance : undefined
  }
}
