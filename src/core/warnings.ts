// Things a reviewer should see that are not a metric row, as facts (report/ words them). Pure.
import type { OverfittingResult } from './criteria.js'
import type { Experiment, MetricStat } from './experiment.js'
import type { MetricComparison } from './metric-comparison.js'
import type { Diagnostic } from './run.js'

/** A metric value as shown: the number, and its exact text when a double cannot hold it. */
export type ShownValue = Pick<MetricStat, 'value' | 'exact'>

/** Something a reviewer should see that is not a metric row. */
export type ReviewWarning =
  | { kind: 'champion-pick'; /** Why the reviewer's pick was not used. */ problem: string }
  | { kind: 'overfitting'; run: string; gap: OverfittingResult }
  | {
      kind: 'mixed-repeats'
      run: string
      /** Runs in the group. */ runs: number
      /** Params that differ. */ params: string[]
    }
  | {
      kind: 'non-finite-sample'
      run: string
      metric: string
      /** Samples that are NaN or infinite. */
      nonFinite: number
      /** All samples. */
      samples: number
      /** True when the samples are the baseline's. */
      baseline: boolean
      /** The runs whose samples are not finite, when known. */
      runs?: string[]
    }
  | { kind: 'failed-run'; run: string; /** The run's own status reason, when it gave one. */ reason?: string }
  | { kind: 'vanished-metric'; metric: string }
  | { kind: 'not-comparable'; metric: string; baseline?: ShownValue; current?: ShownValue }
  | {
      kind: 'rounded'
      metric: string
      /** The exact decimal text. */ exact: string
      /** The double compared. */ value: number
    }
  | { kind: 'unreadable'; run?: string; file: string; /** The reader's message. */ message: string }
  | {
      kind: 'read-warning'
      run?: string
      file: string
      /** The reader's message: a folder skipped, a key given twice, a number rounded … */
      message: string
    }

/** The inputs of the warnings: the review's experiments, metrics, overfitting gaps and read diagnostics. */
export interface WarningInput {
  championProblem?: string
  overfitting: OverfittingResult[]
  experiments: Experiment[]
  /** The ranked experiments and the baseline's, for samples left out. */
  withSamples: Experiment[]
  baseline?: Experiment
  metrics: MetricComparison[]
  diagnostics: Diagnostic[]
}

/** Every warning of a review, in the order the report lists them. */
export function collectWarnings(input: WarningInput): ReviewWarning[] {
  const warnings: ReviewWarning[] = []
  if (input.championProblem) warnings.push({ kind: 'champion-pick', problem: input.championProblem })
  for (const o of input.overfitting)
    if (o.exceeded) warnings.push({ kind: 'overfitting', run: o.run, gap: o })
  for (const e of input.experiments)
    if (e.varyingParams.length)
      warnings.push({ kind: 'mixed-repeats', run: e.name, runs: e.runs.length, params: e.varyingParams })
  for (const e of input.withSamples) {
    for (const [metric, m] of Object.entries(e.metrics)) {
      if (!m.nonFinite) continue
      warnings.push({
        kind: 'non-finite-sample',
        run: e.name,
        metric,
        nonFinite: m.nonFinite,
        samples: m.samples.length,
        baseline: e === input.baseline,
        runs: (m.sampleRuns ?? []).filter((_, i) => !Number.isFinite(m.samples[i]))
      })
    }
  }
  for (const e of input.experiments)
    for (const r of e.failedRuns)
      warnings.push({ kind: 'failed-run', run: r.name, reason: r.metadata.statusReason })
  for (const m of input.metrics) {
    if (m.status === 'removed') warnings.push({ kind: 'vanished-metric', metric: m.name })
    if (m.status === 'not-comparable')
      warnings.push({
        kind: 'not-comparable',
        metric: m.name,
        baseline: shown(m.baseline),
        current: shown(m.current)
      })
    if (m.current?.exact)
      warnings.push({ kind: 'rounded', metric: m.name, exact: m.current.exact, value: m.current.value })
  }
  for (const d of input.diagnostics)
    warnings.push({
      kind: d.severity === 'error' ? 'unreadable' : 'read-warning',
      run: d.run,
      file: d.file,
      message: d.message
    })
  return warnings
}

/** The value and exact text of a metric, without its samples. */
export function shown(m: MetricStat | undefined): ShownValue | undefined {
  return m ? { value: m.value, ...(m.exact !== undefined ? { exact: m.exact } : {}) } : undefined
}
