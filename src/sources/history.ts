// Metric histories as the readers build them: points go into growable Float64Array columns (no object per
// point while reading), and only at the end are they sorted, cleared of repeats, given their final value by the
// format's rule over the full series, and thinned to at most MAX_HISTORY_POINTS HistoryPoint objects.
import type { HistoryPoint, Metric } from '../core/run.js'

/** The most points a metric's history keeps (charts draw ≤ 40, the baseline file keeps ≤ 1000). */
export const MAX_HISTORY_POINTS = 500

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

/** How a HistoryBuilder orders, de-duplicates and ends a series. */
export interface HistoryOptions {
  /** Default `max-step`. */
  final?: FinalRule
  /** Order points of one step by timestamp (then as written); otherwise as written. Default true. */
  byTimestamp?: boolean
  /** Default `identical`. */
  repeats?: RepeatRule
  /** Default MAX_HISTORY_POINTS (at least 2). */
  maxPoints?: number
}

/** A finished series: the final value (and the index, in written order, of the point that gave it) and the thinned history. */
export interface BuiltHistory {
  value: number
  /** The index of the final point among the points as they were added (0-based). */
  finalIndex: number
  history: HistoryPoint[]
  /** Points in the full series after repeats were dropped (before thinning). */
  total: number
}

/** Accumulates a metric's points in typed columns; see the file comment. A missing timestamp is stored as NaN. */
export class HistoryBuilder {
  private steps: Float64Array
  private values: Float64Array
  private times: Float64Array
  private n = 0
  private ordered = true
  private best = -1
  private readonly rule: FinalRule
  private readonly byTimestamp: boolean
  private readonly repeats: RepeatRule
  private readonly maxPoints: number

  constructor(options: HistoryOptions = {}, capacity = 64) {
    this.rule = options.final ?? 'max-step'
    this.byTimestamp = options.byTimestamp ?? true
    this.repeats = options.repeats ?? 'identical'
    this.maxPoints = Math.max(2, Math.floor(options.maxPoints ?? MAX_HISTORY_POINTS))
    const size = Math.max(4, capacity | 0)
    this.steps = new Float64Array(size)
    this.values = new Float64Array(size)
    this.times = new Float64Array(size)
  }

  /** Number of points added. */
  get length(): number {
    return this.n
  }

  /** True while the points came in order (of step, then timestamp when ordering by it). */
  get sorted(): boolean {
    return this.ordered
  }

  /** Adds one point; `timestamp` in milliseconds, undefined or NaN when not known. */
  add(step: number, value: number, timestamp?: number): void {
    const i = this.n
    if (i === this.steps.length) this.grow()
    const t = timestamp === undefined ? NaN : timestamp
    this.steps[i] = step
    this.values[i] = value
    this.times[i] = t
    this.n = i + 1
    const b = this.best
    if (b < 0) {
      this.best = i
      return
    }
    const prevStep = this.steps[i - 1]
    if (
      this.ordered &&
      (step < prevStep || (this.byTimestamp && step === prevStep && (t || 0) < (this.times[i - 1] || 0)))
    )
      this.ordered = false
    const rule = this.rule
    if (rule === 'last-written') this.best = i
    else {
      const bs = this.steps[b]
      if (step > bs) this.best = i
      else if (step === bs) {
        if (rule === 'max-step') this.best = i
        else {
          // MLflow: the later timestamp (missing counts as 0), then the higher value; NaN loses to any value.
          const ta = t || 0
          const tb = this.times[b] || 0
          if (ta > tb) this.best = i
          else if (ta === tb) {
            const bv = this.values[b]
            if (bv !== bv || value >= bv) this.best = i
          }
        }
      }
    }
  }

  private grow(): void {
    const size = this.steps.length * 2
    const steps = new Float64Array(size)
    const values = new Float64Array(size)
    const times = new Float64Array(size)
    steps.set(this.steps)
    values.set(this.values)
    times.set(this.times)
    this.steps = steps
    this.values = values
    this.times = times
  }

  /** Every point added, in written order, as objects (small series and tests). */
  points(): HistoryPoint[] {
    const out: HistoryPoint[] = new Array(this.n)
    for (let i = 0; i < this.n; i++) out[i] = this.point(i)
    return out
  }

  private point(i: number): HistoryPoint {
    return historyPoint(this.steps[i], this.values[i], this.times[i])
  }

  /** The final value by the rule, or undefined when there are no points. */
  finalValue(): number | undefined {
    return this.best < 0 ? undefined : this.values[this.best]
  }

  /** Sorts, drops repeats and thins; undefined when no point was added. The builder is spent afterwards. */
  build(): BuiltHistory | undefined {
    const columns = this.buildColumns()
    return columns && builtFromColumns(columns)
  }

  /** As build(), with the kept points in typed columns (for passing between threads); undefined when empty. */
  buildColumns(): BuiltColumns | undefined {
    const n = this.n
    if (n === 0) return undefined
    const value = this.values[this.best]
    const finalIndex = this.best
    let order: Uint32Array | undefined
    if (!this.ordered) {
      const steps = this.steps
      const times = this.times
      const idx: number[] = new Array(n)
      for (let i = 0; i < n; i++) idx[i] = i
      // The index breaks ties, so the order is stable whatever the sort.
      if (this.byTimestamp)
        idx.sort((a, b) => steps[a] - steps[b] || (times[a] || 0) - (times[b] || 0) || a - b)
      else idx.sort((a, b) => steps[a] - steps[b] || a - b)
      order = Uint32Array.from(idx)
    }
    // Compact the kept indices (in sorted order) into `keep`.
    const keep = new Uint32Array(n)
    let m = 0
    const { steps, values, times } = this
    const repeats = this.repeats
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k
      if (m > 0) {
        const j = keep[m - 1]
        if (repeats === 'identical') {
          const ti = times[i]
          const tj = times[j]
          if (
            steps[i] === steps[j] &&
            (ti === tj || (ti !== ti && tj !== tj)) &&
            Object.is(values[i], values[j])
          )
            continue
        } else if (repeats === 'same-step' && steps[i] === steps[j]) {
          keep[m - 1] = i
          continue
        }
      }
      keep[m++] = i
    }
    const max = this.maxPoints
    const count = Math.min(m, max)
    const out = {
      value,
      finalIndex,
      total: m,
      steps: new Float64Array(count),
      values: new Float64Array(count),
      times: new Float64Array(count)
    }
    // Evenly spaced over the full series when thinned; the first and the last point always kept.
    const stride = m <= max ? 1 : (m - 1) / (max - 1)
    for (let k = 0; k < count; k++) {
      const i = keep[m <= max ? k : Math.round(k * stride)]
      out.steps[k] = steps[i]
      out.values[k] = values[i]
      out.times[k] = times[i]
    }
    return out
  }
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

/** The history objects of a series built into columns. */
export function builtFromColumns(c: BuiltColumns): BuiltHistory {
  const count = c.steps.length
  const history: HistoryPoint[] = new Array(count)
  for (let k = 0; k < count; k++) history[k] = historyPoint(c.steps[k], c.values[k], c.times[k])
  return { value: c.value, finalIndex: c.finalIndex, history, total: c.total }
}

/** One point as an object; a NaN timestamp is left out. */
function historyPoint(s: number, value: number, t: number): HistoryPoint {
  // An integer step as a small integer: V8 then keeps the field unboxed (one allocation less per point).
  const si = s | 0
  const step = si === s && !Object.is(s, -0) ? si : s
  return t === t ? { step, value, timestamp: t } : { step, value }
}

/** A metric from a built series: its final value and thinned history, with the full length when it was thinned. */
export function metricFromBuilt(built: BuiltHistory): Metric {
  return {
    value: built.value,
    history: built.history,
    ...(built.total > built.history.length ? { historyPoints: built.total } : {})
  }
}
