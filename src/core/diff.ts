// What changed between the baseline and the champion besides the metrics: params, data, code, environment. Pure.
import type { Experiment } from './experiment.js'
import type { MetricComparison } from './metric-comparison.js'
import { paramText, type ParamValue } from './run.js'

/** A changed, added or removed parameter. */
export interface ParamChange {
  name: string
  baseline?: ParamValue
  current?: ParamValue
  kind: 'changed' | 'added' | 'removed'
}

/** A change in what the run was trained or evaluated on. */
export interface ContextChange {
  what: 'data version' | 'evaluation set' | 'code commit' | 'environment'
  key?: string
  baseline?: string
  current?: string
}

/** A reason the comparison is not like for like: the data, the evaluation set or the metric set changed. */
export type NotLikeForLike =
  | { what: 'data version' | 'evaluation set'; baseline?: string; current?: string }
  | { what: 'metric set'; added: string[]; removed: string[] }

/** Parameters that changed, were added, or were removed (by their text). */
export function diffParams(
  baseline: Record<string, ParamValue>,
  current: Record<string, ParamValue>
): ParamChange[] {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort()
  const out: ParamChange[] = []
  for (const name of names) {
    const inBase = Object.prototype.hasOwnProperty.call(baseline, name)
    const inCur = Object.prototype.hasOwnProperty.call(current, name)
    if (inBase && !inCur) out.push({ name, baseline: baseline[name], kind: 'removed' })
    else if (!inBase && inCur) out.push({ name, current: current[name], kind: 'added' })
    else if (paramText(baseline[name]) !== paramText(current[name]))
      out.push({ name, baseline: baseline[name], current: current[name], kind: 'changed' })
  }
  return out
}

/** Data version, evaluation set, code commit and environment changes between baseline and champion. */
export function diffContext(base: Experiment, champion: Experiment): ContextChange[] {
  const a = base.lead.metadata
  const b = champion.lead.metadata
  const out: ContextChange[] = []
  if ((a.dataVersion ?? '') !== (b.dataVersion ?? '') && (a.dataVersion || b.dataVersion))
    out.push({ what: 'data version', baseline: a.dataVersion, current: b.dataVersion })
  if ((a.evalSet ?? '') !== (b.evalSet ?? '') && (a.evalSet || b.evalSet))
    out.push({ what: 'evaluation set', baseline: a.evalSet, current: b.evalSet })
  if (a.gitCommit !== b.gitCommit && (a.gitCommit || b.gitCommit))
    out.push({ what: 'code commit', baseline: a.gitCommit, current: b.gitCommit })
  const keys = [...new Set([...Object.keys(a.environment), ...Object.keys(b.environment)])].sort()
  for (const key of keys) {
    if (a.environment[key] !== b.environment[key])
      out.push({ what: 'environment', key, baseline: a.environment[key], current: b.environment[key] })
  }
  return out
}

/** Why the comparison is not like for like: a changed data version or evaluation set, a changed metric set. */
export function notLikeForLike(
  context: ContextChange[],
  metrics: MetricComparison[],
  baselinePresent: boolean
): NotLikeForLike[] {
  const out: NotLikeForLike[] = []
  for (const c of context) {
    if (c.what === 'data version' || c.what === 'evaluation set')
      out.push({ what: c.what, baseline: c.baseline, current: c.current })
  }
  const added = metrics.filter(m => m.status === 'added').map(m => m.name)
  const removed = metrics.filter(m => m.status === 'removed').map(m => m.name)
  if (baselinePresent && (added.length || removed.length)) out.push({ what: 'metric set', added, removed })
  return out
}
