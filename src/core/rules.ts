// The rules a review applies, as pure data (parsed from the rules file by src/config/rules.ts).
import type { ArtifactRules } from './artifacts.js'
import { selectAll, type RunSelection } from './selection.js'

/** Whether larger or smaller values of a metric are better. */
export type Goal = 'maximize' | 'minimize'

/** A limit on a change: absolute (0.01) or relative to the baseline (`1%` → 0.01 relative). */
export interface Threshold {
  amount: number
  relative: boolean
}

/** The rule of one metric. A metric with any of min, max, maxDrop, maxRise or required gates the merge. */
export interface MetricRule {
  goal?: Goal
  /** Absolute floor. */
  min?: number
  /** Absolute ceiling. */
  max?: number
  /** How far the value may fall below the baseline. */
  maxDrop?: Threshold
  /** How far the value may rise above the baseline. */
  maxRise?: Threshold
  /** The metric must be present in the pull request's champion. */
  required?: boolean
  /** A drop or rise beyond its limit gates only when significant (where samples allow a test). Default true. */
  requireSignificance?: boolean
}

/** One metric's retraining condition (`retraining.when` in the rules file). */
export interface RetrainingCondition {
  /** Breached when the evaluation's value falls below this. */
  below?: number
  /** Breached when the evaluation's value rises above this. */
  above?: number
  /** Breached when the value falls below the baseline's by more than this (where samples allow, significantly). */
  maxDrop?: Threshold
  /** Breached when the value rises above the baseline's by more than this. */
  maxRise?: Threshold
}

/** The `retraining` section of the rules file, with defaults applied. */
export interface RetrainingRules {
  labels: string[]
  when: Record<string, RetrainingCondition>
  /** Consecutive healthy evaluations that close an open issue (default 1). */
  recoverAfter: number
  /** A breach within this many days of the closing reopens it instead of opening a new one (default 7). */
  reopenWithinDays: number
  /** How much worse than the value the issue reports a breached metric must get before the issue is updated. */
  tolerance: Threshold
}

/** The retraining defaults for the parts of the section a rules file leaves out. */
export const RETRAINING_DEFAULTS = {
  labels: ['retraining'],
  recoverAfter: 1,
  reopenWithinDays: 7,
  tolerance: { amount: 0.01, relative: true }
} as const satisfies Omit<RetrainingRules, 'when'>

/** Repository permission levels, weakest first. */
export const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'] as const
/** A repository permission level. */
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number]

/** The rules of a review. */
export interface Rules {
  /** The metric that ranks runs; the champion is the best on it. */
  primary?: string
  metrics: Record<string, MetricRule>
  /**
   * alpha: the level of every test. adjust: how the gate's one-sided p-values are adjusted across the gated
   * metrics of one review (holm by default).
   */
  significance: { alpha: number; adjust: 'holm' | 'none' }
  overfitting?: { train: string; val: string; maxGap: number; gate: boolean }
  retraining?: RetrainingRules
  commands: { permission: PermissionLevel }
  /** Run-name patterns that mark repeats of one configuration; `<N>` stands for a number. */
  grouping: { patterns: string[] }
  /** Which experiments of shared stores are reviewed (rules-file `select`, replaced by `--experiment`). */
  select: RunSelection
  /** Which images of the champion are shown (rules-file `artifacts`); DEFAULT_ARTIFACT_RULES without one. */
  artifacts?: ArtifactRules
  /** Where the rules came from, and the line of each metric's rule, for annotations. */
  origin?: {
    file: string
    lines: Record<string, number>
    /** Line of each key that names a metric, by its dotted path: `primary`, `metrics.<name>`, `overfitting.train`, `overfitting.val`. */
    keys?: Record<string, number>
  }
}

/** Rules when there is no rules file. */
export function defaultRules(): Rules {
  return {
    metrics: {},
    significance: { alpha: 0.05, adjust: 'holm' },
    commands: { permission: 'write' },
    grouping: { patterns: ['-seed<N>', '-fold<N>'] },
    select: selectAll()
  }
}

const MINIMIZE_WORDS = [
  'loss',
  'error',
  'err',
  'latency',
  'time',
  'duration',
  'size',
  'rmse',
  'mse',
  'mae',
  'mape',
  'perplexity',
  'ppl',
  'wer',
  'cer',
  'memory',
  'runtime'
]

/** The goal of a metric: its rule's, else guessed from its name (loss, error, latency … → minimize). */
export function goalOf(metric: string, rules: Rules): { goal: Goal; from: 'rule' | 'name' } {
  const rule = rules.metrics[metric]
  if (rule?.goal) return { goal: rule.goal, from: 'rule' }
  // Stryker disable next-line Regex: without the +, a run of separators gives empty words, which match no word either
  const words = metric.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/)
  return { goal: words.some(w => MINIMIZE_WORDS.includes(w)) ? 'minimize' : 'maximize', from: 'name' }
}

/** True when a metric's rule can fail the gate. */
export function isGated(rule: MetricRule | undefined): boolean {
  return (
    !!rule &&
    (rule.min !== undefined ||
      rule.max !== undefined ||
      !!rule.maxDrop ||
      !!rule.maxRise ||
      rule.required === true)
  )
}

/** A threshold as text: `1%` or `0.01`. */
export function thresholdText(t: Threshold): string {
  return t.relative ? `${+(t.amount * 100).toPrecision(6)}%` : String(t.amount)
}
