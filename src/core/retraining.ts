// Monitor mode's decisions, pure: which retraining conditions a scheduled evaluation breaks, and what to do with the
// retraining issue (open, update, reopen, record a healthy run, close, or nothing) given what the issue already says.
// The conditions are applied by the same gate as a review (compareRuns), so drops and rises are judged with the same
// statistics; this module only turns that comparison into breaches and the breaches into a plan.
import type { Comparison, MetricComparison, RuleCheck } from './compare.js'
import { goalOf, type MetricRule, type RetrainingRules, type Rules, type Threshold } from './rules.js'

/** The rules a monitor evaluation is compared under: each monitored metric gets its conditions as gate rules. */
export function monitorRules(rules: Rules, retraining: RetrainingRules): Rules {
  const metrics: Record<string, MetricRule> = {}
  for (const [metric, condition] of Object.entries(retraining.when)) {
    const rule: MetricRule = { goal: goalOf(metric, rules).goal, required: true }
    if (condition.below !== undefined) rule.min = condition.below
    if (condition.above !== undefined) rule.max = condition.above
    if (condition.maxDrop) rule.maxDrop = condition.maxDrop
    if (condition.maxRise) rule.maxRise = condition.maxRise
    const reviewed = rules.metrics[metric]
    if (reviewed?.requireSignificance !== undefined) rule.requireSignificance = reviewed.requireSignificance
    metrics[metric] = rule
  }
  return { ...rules, metrics, overfitting: undefined }
}

/** True when some condition needs the baseline (a drop or a rise). */
export function needsBaseline(retraining: RetrainingRules): boolean {
  return Object.values(retraining.when).some(c => c.maxDrop || c.maxRise)
}

/** A breached retraining condition: the metric, which condition, and the numbers. */
export interface Breach {
  metric: string
  condition: 'below' | 'above' | 'max_drop' | 'max_rise'
  /** The evaluation's value (the mean over its samples). */
  value: number
  baseline?: number
  check: RuleCheck
  comparison: MetricComparison
}

/** What one evaluation shows: the breaches, the metrics it could not judge, and every monitored metric's row. */
export interface MonitorEvaluation {
  breaches: Breach[]
  /** Monitored metrics the evaluation does not report as a finite number: the evaluation itself is broken. */
  unmeasured: { metric: string; why: string }[]
  monitored: MetricComparison[]
}

const CONDITION_OF: Partial<Record<RuleCheck['rule'], Breach['condition']>> = {
  min: 'below',
  max: 'above',
  max_drop: 'max_drop',
  max_rise: 'max_rise'
}

/** Turns a comparison made under monitorRules into breaches; a monitored metric that is missing is unmeasured. */
export function evaluateRetraining(comparison: Comparison, retraining: RetrainingRules): MonitorEvaluation {
  const monitored = comparison.metrics.filter(m => m.name in retraining.when)
  const breaches: Breach[] = []
  const unmeasured: MonitorEvaluation['unmeasured'] = []
  for (const metric of Object.keys(retraining.when)) {
    const m = monitored.find(x => x.name === metric)
    const value = m?.current?.value
    if (!m || value === undefined) {
      unmeasured.push({ metric, why: 'the evaluation does not report it' })
      continue
    }
    if (!Number.isFinite(value)) {
      unmeasured.push({ metric, why: `the evaluation reports ${String(value)}, not a finite number` })
      continue
    }
    for (const check of m.checks) {
      const condition = CONDITION_OF[check.rule]
      if (check.passed || !condition) continue
      breaches.push({ metric, condition, value, baseline: m.baseline?.value, check, comparison: m })
    }
  }
  return { breaches, unmeasured, monitored }
}

/** What the retraining issue remembers between evaluations (kept in a hidden block of its body). */
export interface MonitorState {
  /** ISO time of the first breach of this episode. */
  since: string
  /** ISO time the body last changed because of a new or worse breach. */
  changed: string
  /** The breached conditions as last reported, keyed `metric condition`, with the value then. */
  reported: Record<string, number>
  /** Healthy evaluations in a row since the last breach (closes the issue at recoverAfter). */
  healthy: number
}

/** The retraining issue as the planner sees it. */
export interface KnownIssue {
  number: number
  state: 'open' | 'closed'
  /** ISO time it was closed, for closed issues. */
  closedAt?: string
  /** Its hidden state; undefined when missing or unreadable (then this episode starts now). */
  memory?: MonitorState
}

/** What to do with the retraining issue. */
export type MonitorPlan =
  | { action: 'nothing'; why: 'healthy' | 'unchanged' }
  | { action: 'open'; state: MonitorState }
  | { action: 'reopen'; issue: number; state: MonitorState }
  | {
      action: 'update'
      issue: number
      state: MonitorState
      /** Conditions breached now that the issue did not report. */
      newly: string[]
      /** Reported conditions whose value got worse beyond the tolerance. */
      worse: string[]
      /** Reported conditions no longer breached (others still are). */
      eased: string[]
    }
  | { action: 'record-healthy'; issue: number; state: MonitorState }
  | { action: 'close'; issue: number; recovered: string[] }

/** Key of a breached condition in the issue's memory. */
export function breachKey(b: Pick<Breach, 'metric' | 'condition'>): string {
  return `${b.metric} ${b.condition}`
}

function reportedValues(breaches: Breach[]): Record<string, number> {
  return Object.fromEntries(breaches.map(b => [breachKey(b), b.value]))
}

function worseBeyond(b: Breach, before: number, tolerance: Threshold): boolean {
  const slack = tolerance.relative ? tolerance.amount * Math.abs(before) : tolerance.amount
  const worse = b.comparison.goal === 'maximize' ? before - b.value : b.value - before
  // A change exactly on the tolerance (up to rounding of the subtraction) is not beyond it.
  return worse - slack > 1e-12 * Math.max(1, Math.abs(before))
}

/** The inputs of planMonitor. */
export interface PlanInput {
  breaches: Breach[]
  /** The open retraining issue of this id, if any. */
  open?: KnownIssue
  /** The most recently closed retraining issue of this id, if any. */
  lastClosed?: KnownIssue
  now: Date
  retraining: RetrainingRules
}

/**
 * Decides what to do: a new breach opens (or, within reopenWithinDays of its closing, reopens) the issue; a breach of
 * a new condition or a value worse than reported beyond the tolerance updates it; the same state writes nothing;
 * recoverAfter healthy evaluations in a row close it.
 */
export function planMonitor(input: PlanInput): MonitorPlan {
  const { breaches, open, now, retraining } = input
  const at = now.toISOString()
  if (!breaches.length) {
    if (!open) return { action: 'nothing', why: 'healthy' }
    const healthy = (open.memory?.healthy ?? 0) + 1
    const recovered = Object.keys(open.memory?.reported ?? {})
    if (healthy >= retraining.recoverAfter) return { action: 'close', issue: open.number, recovered }
    const memory = open.memory ?? { since: at, changed: at, reported: {}, healthy: 0 }
    return { action: 'record-healthy', issue: open.number, state: { ...memory, healthy } }
  }
  if (!open) {
    const state: MonitorState = { since: at, changed: at, reported: reportedValues(breaches), healthy: 0 }
    const closed = input.lastClosed
    const closedAt = closed?.closedAt ? Date.parse(closed.closedAt) : NaN
    const withinDays = (now.getTime() - closedAt) / 86_400_000
    if (closed && withinDays >= 0 && withinDays <= retraining.reopenWithinDays)
      return { action: 'reopen', issue: closed.number, state }
    return { action: 'open', state }
  }
  const before = open.memory?.reported ?? {}
  const newly = breaches.filter(b => !(breachKey(b) in before)).map(breachKey)
  const worse = breaches
    .filter(b => breachKey(b) in before && worseBeyond(b, before[breachKey(b)], retraining.tolerance))
    .map(breachKey)
  const eased = Object.keys(before).filter(key => !breaches.some(b => breachKey(b) === key))
  const since = open.memory?.since ?? at
  if (newly.length || worse.length || eased.length || !open.memory) {
    const reported = { ...before, ...reportedValues(breaches) }
    for (const key of eased) delete reported[key]
    const state = { since, changed: at, reported, healthy: 0 }
    return { action: 'update', issue: open.number, state, newly, worse, eased }
  }
  if (open.memory.healthy)
    return { action: 'record-healthy', issue: open.number, state: { ...open.memory, healthy: 0 } }
  return { action: 'nothing', why: 'unchanged' }
}

/** Reads a MonitorState from parsed JSON, or undefined when it does not have that shape. */
export function monitorStateFrom(value: unknown): MonitorState | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const isTime = (t: unknown) => typeof t === 'string' && !Number.isNaN(Date.parse(t))
  if (!isTime(v.since) || !isTime(v.changed)) return undefined
  if (typeof v.healthy !== 'number' || !Number.isInteger(v.healthy) || v.healthy < 0) return undefined
  if (!v.reported || typeof v.reported !== 'object' || Array.isArray(v.reported)) return undefined
  const reported: Record<string, number> = {}
  for (const [k, x] of Object.entries(v.reported as Record<string, unknown>)) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return undefined
    reported[k] = x
  }
  return { since: v.since as string, changed: v.changed as string, reported, healthy: v.healthy }
}
