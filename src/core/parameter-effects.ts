// Parameter effects of a sweep: for each hyperparameter that varies across the configurations, the primary metric
// per value (how many configurations, their mean, the best), numeric parameters with many values binned by
// quantile, and the parameters ordered by how much of the primary's variance their values explain. Each
// configuration (an experiment: one run, or repeats averaged) counts once. Pure: experiments in, tables out.
import { isSeedLikeParam, type Experiment } from './experiment.js'
import { paramText, type ParamValue } from './run.js'
import type { Goal } from './rules.js'
import { powerOfTwoScale } from './stats.js'

/** A numeric parameter with more distinct values than this is binned. */
export const MAX_UNBINNED_VALUES = 10
/** How many quantile bins a numeric parameter with many values gets (fewer when equal values cannot be split). */
export const NUMERIC_BINS = 5

/** One row of a parameter's table: a logged value, a range of numeric values (both ends included), or not set. */
export type ParameterLevel =
  { kind: 'value'; value: ParamValue } | { kind: 'range'; low: number; high: number } | { kind: 'unset' }

/** The primary metric over the configurations that share one level of a parameter. */
export interface ParameterLevelStat {
  level: ParameterLevel
  /** Configurations with this level (each counted once, whatever its repeats). */
  count: number
  /** Runs behind those configurations (repeats counted). */
  runs: number
  /** Mean of the configurations' primary values. */
  mean: number
  /** The best primary value among them (highest or lowest by the goal). */
  best: number
  /** The configuration with that best value. */
  bestRun: string
}

/** How the primary metric moves with one parameter. */
export interface ParameterEffect {
  name: string
  /** True when every value set is a number (or a string that reads as one, as MLflow logs them). */
  numeric: boolean
  /** True when the numeric values were grouped into ranges. */
  binned: boolean
  /** Distinct values set (before binning). */
  distinct: number
  /** Numeric levels ascending; other levels best mean first; "not set" last. */
  levels: ParameterLevelStat[]
  /** Best level mean minus worst level mean, as a size (≥ 0) in the primary's units. */
  spread: number
  /**
   * The share of the primary's variance across configurations that the levels explain, corrected for their number
   * (epsilon squared, clipped at 0): (SS_between − (k − 1) · MS_within) / SS_total. Undefined when no level holds
   * two configurations (nothing to estimate the noise from).
   */
  varianceShare?: number
}

/** The parameter effects of a set of configurations on one primary metric. */
export interface ParameterEffects {
  primary: string
  goal: Goal
  /** Configurations summarised: not failed, with a finite primary value. */
  configurations: number
  /** Runs behind them. */
  runs: number
  /** Configurations left out: failed, or with no finite primary value. */
  leftOut: number
  /** Parameters that vary, the one that matters most first (largest variance share, then spread, then name). */
  effects: ParameterEffect[]
  /** Parameters with the same value in every configuration. */
  constant: string[]
  /** Parameters left out as identifiers: seed, fold or run-id names, or text that differs in every configuration. */
  identifiers: string[]
}

interface Point {
  experiment: Experiment
  /** The primary value divided by a power of two, so that sums of squares cannot overflow. */
  scaled: number
  value: number
}

/** Computes the parameter effects of experiments on `primary` (see ParameterEffects). */
export function parameterEffects(experiments: Experiment[], primary: string, goal: Goal): ParameterEffects {
  const kept = experiments.filter(e => e.status !== 'failed' && Number.isFinite(e.metrics[primary]?.value))
  const values = kept.map(e => e.metrics[primary].value)
  const scale = powerOfTwoScale(values)
  const points: Point[] = kept.map((experiment, i) => ({
    experiment,
    value: values[i],
    scaled: values[i] / scale
  }))
  const names = [...new Set(kept.flatMap(e => Object.keys(e.lead.params)))].sort()
  const effects: ParameterEffect[] = []
  const constant: string[] = []
  const identifiers: string[] = []
  for (const name of names) {
    const texts = new Set(kept.map(e => keyOf(e.lead.params[name])))
    if (texts.size < 2) {
      constant.push(name)
      continue
    }
    const numeric = kept.every(
      e => isUnset(e.lead.params[name]) || numberOf(e.lead.params[name]) !== undefined
    )
    const setTexts = [...texts].filter(t => t !== UNSET_KEY)
    if (isSeedLikeParam(name) || (!numeric && kept.length >= 3 && setTexts.length === kept.length)) {
      identifiers.push(name)
      continue
    }
    effects.push(effectOf(name, points, numeric, goal, scale))
  }
  effects.sort(
    (a, b) =>
      (b.varianceShare ?? -1) - (a.varianceShare ?? -1) || b.spread - a.spread || (a.name < b.name ? -1 : 1)
  )
  return {
    primary,
    goal,
    configurations: kept.length,
    runs: kept.reduce((n, e) => n + e.runs.length, 0),
    leftOut: experiments.length - kept.length,
    effects,
    constant,
    identifiers
  }
}

const UNSET_KEY = '\0unset'

function isUnset(value: ParamValue | undefined): boolean {
  return value === undefined || value === null || value === ''
}

function keyOf(value: ParamValue | undefined): string {
  return isUnset(value) ? UNSET_KEY : paramText(value)
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** A param value as a finite number: numbers, and strings that read as one ("0.001", "1e-3"); else undefined. */
export function numberOf(value: ParamValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) {
    const n = Number(value.trim())
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** Groups the points by level and summarises each. */
function effectOf(
  name: string,
  points: Point[],
  numeric: boolean,
  goal: Goal,
  scale: number
): ParameterEffect {
  const unset = points.filter(p => isUnset(p.experiment.lead.params[name]))
  const set = points.filter(p => !isUnset(p.experiment.lead.params[name]))
  let groups: { level: ParameterLevel; points: Point[] }[]
  let distinct: number
  let binned = false
  if (numeric) {
    const byNumber = new Map<number, Point[]>()
    for (const p of set) {
      const n = numberOf(p.experiment.lead.params[name]) as number
      const list = byNumber.get(n) ?? []
      list.push(p)
      byNumber.set(n, list)
    }
    const ordered = [...byNumber].sort((a, b) => a[0] - b[0])
    distinct = ordered.length
    binned = distinct > MAX_UNBINNED_VALUES
    groups = binned
      ? quantileBins(ordered)
      : ordered.map(([value, list]) => ({ level: { kind: 'value', value }, points: list }))
  } else {
    const byText = new Map<string, { value: ParamValue; points: Point[] }>()
    for (const p of set) {
      const value = p.experiment.lead.params[name] as ParamValue
      const entry = byText.get(paramText(value)) ?? { value, points: [] }
      entry.points.push(p)
      byText.set(paramText(value), entry)
    }
    distinct = byText.size
    groups = [...byText.values()].map(g => ({ level: { kind: 'value', value: g.value }, points: g.points }))
  }
  if (unset.length) groups.push({ level: { kind: 'unset' }, points: unset })
  const levels = groups.map(g => levelStat(g.level, g.points, goal, scale))
  if (!numeric) {
    const sign = goal === 'maximize' ? -1 : 1
    levels.sort((a, b) =>
      a.level.kind === 'unset' ? 1 : b.level.kind === 'unset' ? -1 : sign * (a.mean - b.mean)
    )
  }
  const means = levels.map(l => l.mean / scale)
  const spread = (Math.max(...means) - Math.min(...means)) * scale
  return {
    name,
    numeric,
    binned,
    distinct,
    levels,
    spread,
    ...varianceShareOf(groups.map(g => g.points.map(p => p.scaled)))
  }
}

/**
 * Splits numeric values (ascending, each with its points) into about NUMERIC_BINS bins of equal counts; equal
 * values always share a bin. Each bin is labelled with the lowest and highest value in it.
 */
function quantileBins(ordered: [number, Point[]][]): { level: ParameterLevel; points: Point[] }[] {
  const total = ordered.reduce((n, [, list]) => n + list.length, 0)
  const bins: { level: ParameterLevel; points: Point[] }[] = []
  let current: Point[] = []
  let low = ordered[0][0]
  let seen = 0
  let target = 0
  for (const [value, list] of ordered) {
    if (!current.length) {
      low = value
      // The next quantile boundary past what earlier bins hold (a large tie may have passed several).
      target = ((Math.floor((seen * NUMERIC_BINS) / total + 1e-9) + 1) * total) / NUMERIC_BINS
    }
    current.push(...list)
    seen += list.length
    if (seen >= target - 1e-9) {
      bins.push({ level: { kind: 'range', low, high: value }, points: current })
      current = []
    }
  }
  return bins
}

function levelStat(level: ParameterLevel, points: Point[], goal: Goal, scale: number): ParameterLevelStat {
  let best = points[0]
  for (const p of points) {
    if (goal === 'maximize' ? p.value > best.value : p.value < best.value) best = p
  }
  return {
    level,
    count: points.length,
    runs: points.reduce((n, p) => n + p.experiment.runs.length, 0),
    mean: meanOf(points.map(p => p.scaled)) * scale,
    best: best.value,
    bestRun: best.experiment.name
  }
}

function meanOf(xs: number[]): number {
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

/** Epsilon squared of a one-way layout (groups of scaled values); undefined with no within-group freedom. */
function varianceShareOf(groups: number[][]): { varianceShare?: number } {
  const all = groups.flat()
  const n = all.length
  const k = groups.length
  if (n - k < 1) return {}
  const grand = meanOf(all)
  let total = 0
  for (const x of all) total += (x - grand) ** 2
  if (total === 0) return { varianceShare: 0 }
  let between = 0
  for (const g of groups) between += g.length * (meanOf(g) - grand) ** 2
  const within = Math.max(0, total - between) / (n - k)
  return { varianceShare: Math.max(0, Math.min(1, (between - (k - 1) * within) / total)) }
}
