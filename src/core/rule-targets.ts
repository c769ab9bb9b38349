// Rules that name nothing: a rule, `primary` or overfitting metric that no run and no baseline reports (a typo
// such as `acuracy`), found as facts with the closest name that exists; and rules whose metric may sit in a run that
// could not be read. Pure.
import type { Rules } from './rules.js'
import { mayHaveHeld, type Diagnostic, type Run } from './run.js'

/** A key of the rules file that names a metric nobody reports. */
export interface UnknownRuleMetric {
  /** The key's dotted path in the rules file: `primary`, `metrics.<name>`, `overfitting.train`, `overfitting.val`. */
  key: string
  /** The metric name it gives. */
  metric: string
  /** Its line in the rules file, when known. */
  line?: number
  /** The closest metric name that is reported, when one is close enough to be a likely typo. */
  suggestion?: string
}

/** The keys of the rules file that name a metric: `primary`, each `metrics.<name>`, and the overfitting pair. */
function ruleMetricKeys(rules: Rules): { key: string; metric: string }[] {
  return [
    ...(rules.primary ? [{ key: 'primary', metric: rules.primary }] : []),
    ...Object.keys(rules.metrics).map(metric => ({ key: `metrics.${metric}`, metric })),
    ...(rules.overfitting
      ? [
          { key: 'overfitting.train', metric: rules.overfitting.train },
          { key: 'overfitting.val', metric: rules.overfitting.val }
        ]
      : [])
  ]
}

/** A key of the rules file whose metric may be in runs that could not be read: the gate cannot judge it. */
export interface UnreadableRuleEvidence {
  /** The key's dotted path in the rules file, as in `UnknownRuleMetric`. */
  key: string
  metric: string
  line?: number
  /** The runs that may have reported the metric, with what of them could not be read. */
  runs: { name: string; path: string; errors: Diagnostic[] }[]
}

/**
 * The keys of the rules whose metric may be held by a PR run that could not be read (see `mayHaveHeld`): a run
 * with a truncated metrics file might be the champion or break the rule, so the gate fails closed on it. Runs that
 * failed are left out (they are never judged).
 */
export function unreadableRuleEvidence(rules: Rules, runs: Run[]): UnreadableRuleEvidence[] {
  const damaged = runs.filter(r => r.readErrors?.length && r.metadata.status !== 'failed')
  if (!damaged.length) return []
  const out: UnreadableRuleEvidence[] = []
  const seen = new Set<string>()
  for (const { key, metric } of ruleMetricKeys(rules)) {
    if (seen.has(metric)) continue
    const held = damaged.filter(r => mayHaveHeld(r, metric))
    if (!held.length) continue
    seen.add(metric)
    const line = rules.origin?.keys?.[key]
    out.push({
      key,
      metric,
      ...(line !== undefined ? { line } : {}),
      runs: held.map(r => ({ name: r.name, path: r.path, errors: r.readErrors ?? [] }))
    })
  }
  return out
}

/**
 * The keys of the rules that name a metric not among `reported` (every metric of every run and of the baseline).
 * A rule for a metric only the baseline reports is not here: that is a vanished metric, which the gate judges.
 */
export function unknownRuleMetrics(rules: Rules, reported: Iterable<string>): UnknownRuleMetric[] {
  const names = [...new Set(reported)]
  const known = new Set(names)
  return ruleMetricKeys(rules)
    .filter(n => !known.has(n.metric))
    .map(n => {
      const line = rules.origin?.keys?.[n.key]
      const suggestion = closestName(n.metric, names)
      return { ...n, ...(line !== undefined ? { line } : {}), ...(suggestion ? { suggestion } : {}) }
    })
}

/**
 * The candidate closest to `name` by edit distance (case-insensitive), when it is within a third of the name's
 * length (at least 2 edits): `acuracy` → `accuracy`, `f1score` → `f1_score`; undefined when nothing is that close.
 */
export function closestName(name: string, candidates: string[]): string | undefined {
  const target = name.toLowerCase()
  const limit = Math.max(2, Math.floor(target.length / 3))
  let best: { name: string; distance: number } | undefined
  for (const candidate of candidates) {
    const c = candidate.toLowerCase()
    if (Math.abs(c.length - target.length) > limit) continue
    const distance = editDistance(target, c, limit)
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name
}

/** Levenshtein distance with adjacent transpositions, stopping early once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1)
      current[j] = d
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > limit) return limit + 1
    before = previous
    previous = current
  }
  return previous[b.length]
}
