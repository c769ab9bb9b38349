// Broken rules as facts: which metric, which rule, the values and the check (report/ words them). Pure.
import type { AcceptedRegression } from './baseline.js'
import type { OverfittingResult } from './criteria.js'
import type { MetricComparison } from './metric-comparison.js'
import type { RuleCheck } from './rule-checks.js'
import type { Rules } from './rules.js'
import { shown, type ShownValue } from './warnings.js'

/** A broken rule: a metric's check, or the champion's train/validation gap. */
export type Violation =
  | {
      rule: RuleCheck['rule']
      metric: string
      check: RuleCheck
      baseline?: ShownValue
      current?: ShownValue
      accepted?: AcceptedRegression
      /** Line of the rule in the rules file, for annotations. */
      line?: number
    }
  | {
      rule: 'overfitting'
      /** The validation metric. */
      metric: string
      gap: OverfittingResult
      /** A reviewer accepted the validation metric's regression (the gap included). */
      accepted?: AcceptedRegression
      line?: number
    }

/** The broken rules of the metrics, then the champion's gating overfitting gap. */
export function collectViolations(
  metrics: MetricComparison[],
  overfitting: OverfittingResult[],
  rules: Rules,
  // Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
  accepted: AcceptedRegression[] = []
): Violation[] {
  const violations: Violation[] = []
  for (const m of metrics) {
    for (const check of m.checks) {
      if (check.passed) continue
      violations.push({
        rule: check.rule,
        metric: m.name,
        check,
        baseline: shown(m.baseline),
        current: shown(m.current),
        accepted: m.accepted,
        line: rules.origin?.lines[m.name]
      })
    }
  }
  for (const o of overfitting) {
    if (o.exceeded && o.gates)
      violations.push({
        rule: 'overfitting',
        metric: o.val,
        gap: o,
        accepted: accepted.find(a => a.metric === o.val),
        line: rules.origin?.lines['overfitting']
      })
  }
  return violations
}
