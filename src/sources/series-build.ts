// Finishing a metric series kept in columns: sorted by step, cleared of repeats, thinned to at most a given number
// of points, with the final value by the format's rule. A series may be kept in consecutive segments (a file read
// in two parts by two threads): joined here, they give exactly what one builder given every point in order gives.

/**
 * Which point gives a metric its final value:
 * - `mlflow`: the highest step, then the latest timestamp, then the highest value (NaN loses) — MLflow's rule;
 * - `max-step`: the last written of the points with the highest step;
 * - `last-written`: the last point written, whatever its step.
 */
export type FinalRule = 'mlflow' | 'max-step' | 'last-written'

/**
 * What to do with repeated points once sorted:
 * - `identical`: drop a point equal to the one before it (same step, timestamp and value);
 * - `same-step`: keep only the last written point of each step (a later row replaces an earlier one);
 * - `keep`: keep them all.
 */
export type RepeatRule = 'identical' | 'same-step' | 'keep'

/** How a series is ordered, de-duplicated, ended and thinned. */
export interface SeriesRules {
  final: FinalRule
  /** Order points of one step by timestamp (then as written); otherwise as written. */
  byTimestamp: boolean
  repeats: RepeatRule
  /** At least 2. */
  maxPoints: number
}

/** A finished series in typed columns: the kept (thinned) points, the final value and the full length. */
export interface BuiltColumns {
  value: number
  finalIndex: number
  total: number
  steps: Float64Array
  values: Float64Array
  /** NaN where the point has no timestamp. */
  times: Float64Array
}

/** One field of every point of a series, read by index (in written order). */
export interface PointColumn {
  get(i: number): number
}

/** A series as written: its points, whether they came in order, its last point and its final point so far. */
export interface SeriesView {
  n: number
  ordered: boolean
  /** The index of the final point by the rule (-1 when empty), and its fields. */
  best: number
  bestStep: number
  bestTime: number
  bestValue: number
  lastStep: number
  lastTime: number
  steps: PointColumn
  values: PointColumn
  /** Milliseconds; NaN when not known. */
  times: PointColumn
}

/** Whether a point (step, time) written after the point (lastStep, lastTime) puts the series out of order. */
export function outOfOrder(
  byTimestamp: boolean,
  step: number,
  t: number,
  lastStep: number,
  lastTime: number
): boolean {
  return step < lastStep || (byTimestamp && step === lastStep && (t || 0) < (lastTime || 0))
}

/**
 * Whether a point (step, time, value) written later replaces the final point so far (bestStep, bestTime,
 * bestValue) by the rule: each rule keeps the last written of the points it ranks highest.
 */
export function replacesBest(
  rule: FinalRule,
  step: number,
  t: number,
  value: number,
  bestStep: number,
  bestTime: number,
  bestValue: number
): boolean {
  if (rule === 'last-written') return true
  if (step !== bestStep) return step > bestStep
  if (rule === 'max-step') return true
  // MLflow: the later timestamp (missing counts as 0), then the higher value; NaN loses to any value.
  const ta = t || 0
  const tb = bestTime || 0
  if (ta !== tb) return ta > tb
  return bestValue !== bestValue || value >= bestValue
}

/** Consecutive segments of a column read as one. */
class JoinedColumn implements PointColumn {
  /** The segment read last, for reads in order. */
  private at = 0

  constructor(
    private readonly parts: PointColumn[],
    /** The index of each segment's first point, then the total. */
    private readonly starts: number[]
  ) {}

  get(i: number): number {
    let s = this.at
    if (i < this.starts[s] || i >= this.starts[s + 1]) {
      s = 0
      while (i >= this.starts[s + 1]) s++
      this.at = s
    }
    return this.parts[s].get(i - this.starts[s])
  }
}

/** Consecutive segments of one series as one series, exactly as if every point had been written to one builder. */
export function joinSeries(parts: SeriesView[], rules: SeriesRules): SeriesView {
  const filled = parts.filter(p => p.n > 0)
  if (filled.length < 2) return filled[0] ?? parts[0]
  const joined: SeriesView = { ...filled[0] }
  const starts = [0, filled[0].n]
  for (const p of filled.slice(1)) {
    const offset = starts[starts.length - 1]
    starts.push(offset + p.n)
    joined.ordered =
      joined.ordered &&
      p.ordered &&
      !outOfOrder(rules.byTimestamp, p.steps.get(0), p.times.get(0), joined.lastStep, joined.lastTime)
    if (
      replacesBest(
        rules.final,
        p.bestStep,
        p.bestTime,
        p.bestValue,
        joined.bestStep,
        joined.bestTime,
        joined.bestValue
      )
    ) {
      joined.best = offset + p.best
      joined.bestStep = p.bestStep
      joined.bestTime = p.bestTime
      joined.bestValue = p.bestValue
    }
    joined.lastStep = p.lastStep
    joined.lastTime = p.lastTime
  }
  joined.n = starts[starts.length - 1]
  joined.steps = new JoinedColumn(
    filled.map(p => p.steps),
    starts
  )
  joined.values = new JoinedColumn(
    filled.map(p => p.values),
    starts
  )
  joined.times = new JoinedColumn(
    filled.map(p => p.times),
    starts
  )
  return joined
}

/** Sorts, drops repeats and thins a series; undefined when it has no points. */
export function buildSeries(series: SeriesView, rules: SeriesRules): BuiltColumns | undefined {
  const n = series.n
  if (n === 0) return undefined
  const { steps: stepColumn, values: valueColumn, times: timeColumn } = series
  let order: Uint32Array | undefined
  if (!series.ordered) {
    const steps = new Float64Array(n)
    const times = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      steps[i] = stepColumn.get(i)
      times[i] = timeColumn.get(i)
    }
    const idx: number[] = new Array(n)
    for (let i = 0; i < n; i++) idx[i] = i
    // The index breaks ties, so the order is stable whatever the sort.
    if (rules.byTimestamp)
      idx.sort((a, b) => steps[a] - steps[b] || (times[a] || 0) - (times[b] || 0) || a - b)
    else idx.sort((a, b) => steps[a] - steps[b] || a - b)
    order = Uint32Array.from(idx)
  }
  // The kept indices (in sorted order), compacted into `keep`; none needed when every point in order is kept.
  let keep: Uint32Array | undefined
  let m = n
  const repeats = rules.repeats
  if (order || repeats !== 'keep') {
    keep = new Uint32Array(n)
    m = 0
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k
      if (m > 0 && repeats !== 'keep') {
        const j = keep[m - 1]
        if (repeats === 'identical') {
          const ti = timeColumn.get(i)
          const tj = timeColumn.get(j)
          if (
            stepColumn.get(i) === stepColumn.get(j) &&
            (ti === tj || (ti !== ti && tj !== tj)) &&
            Object.is(valueColumn.get(i), valueColumn.get(j))
          )
            continue
        } else if (stepColumn.get(i) === stepColumn.get(j)) {
          keep[m - 1] = i
          continue
        }
      }
      keep[m++] = i
    }
  }
  const max = rules.maxPoints
  const count = Math.min(m, max)
  const out = {
    value: series.bestValue,
    finalIndex: series.best,
    total: m,
    steps: new Float64Array(count),
    values: new Float64Array(count),
    times: new Float64Array(count)
  }
  // Evenly spaced over the full series when thinned; the first and the last point always kept.
  const stride = m <= max ? 1 : (m - 1) / (max - 1)
  for (let k = 0; k < count; k++) {
    const at = m <= max ? k : Math.round(k * stride)
    const i = keep ? keep[at] : at
    out.steps[k] = stepColumn.get(i)
    out.values[k] = valueColumn.get(i)
    out.times[k] = timeColumn.get(i)
  }
  return out
}
