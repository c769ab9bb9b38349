// The significance of a metric's change: which test fits the samples (paired by seed, corrected for folds,
// Welch, or a prediction interval for one run), its two-sided p and its interval. Pure: data in, data out.
import {
  confidenceInterval,
  correctedResampled,
  isNoTest,
  paired,
  prediction,
  pValue,
  standardized,
  welch,
  type DifferenceTest,
  type NoTest
} from './difference-tests.js'
import { isFoldKey, sampleKeyOf, type MetricStat } from './experiment.js'
import type { Goal } from './rules.js'

/**
 * A test of the PR's samples against the baseline's, set whenever either side has at least 2 samples. The test
 * fits the samples: runs matched by seed are paired (paired t-test), matched cross-validation folds use Nadeau and
 * Bengio's corrected resampled t-test, unmatched runs Welch's test, and one run against several the prediction
 * interval of a new observation. The label ("significant improvement", "significant drop") is judged by the
 * two-sided p at alpha; the gate judges its own one-sided question (see rule-checks.ts). `state`:
 * - `significant`: tested and the (two-sided) p < alpha; the change is larger than run-to-run noise explains.
 * - `within-noise`: tested and p ≥ alpha; the change could be noise.
 * - `exact`: no variance where the test needs it; the difference is exact. `significant` is true when it is not 0.
 * - `inconclusive`: too few finite samples on a side (NaN samples left out); noise cannot be judged, the raw change
 *   decides a rule and the check is labelled inconclusive.
 * - `uncomputable`: the arithmetic gave no p (e.g. values beyond the range of a double); a gate on it fails closed.
 */
export interface SignificanceResult {
  state: 'significant' | 'within-noise' | 'exact' | 'inconclusive' | 'uncomputable'
  /** Whether a test ran: states significant and within-noise. */
  tested: boolean
  /** The test (tested only): which, the estimate of PR − baseline, its standard error and df. */
  test?: DifferenceTest
  /** Which test was tried when none ran (inconclusive, uncomputable). */
  method?: DifferenceTest['method']
  /**
   * Why runs with seeds or folds were not paired: keys-differ (the seeds do not match one for one), folds-unmatched
   * (fold indices do not match; Welch's test does not correct for the training data folds share).
   */
  fallback?: 'keys-differ' | 'folds-unmatched'
  /** Two-sided p-value of "no difference" (tested only), as R and SciPy print it. */
  pTwoSided?: number
  /** The p the label is judged by: pTwoSided, or pTwoSided × k for an improvement of a champion picked as the best of k. */
  pLabel?: number
  /** k, when the label's p was adjusted for picking the champion as the best of k configurations (Bonferroni). */
  bestOf?: number
  /** t statistic of PR − baseline (tested only). */
  t?: number
  /** The test's two-sided (1 − alpha) confidence interval of PR − baseline (tested only). */
  interval?: { level: number; lower: number; upper: number }
  /** pLabel < alpha when tested; the difference is not 0 when exact; undefined otherwise. */
  significant?: boolean
  /** PR − baseline when exact (no variance). */
  exactDifference?: number
  /** Finite samples used from each side. */
  n: { baseline: number; current: number }
  /** Non-finite samples (NaN, ±Infinity) left out of the test on each side. */
  excluded: { baseline: number; current: number }
  /** The level the label was judged at. */
  alpha: number
}

/** How the champion was chosen, for the selection adjustment of its improvements. */
export interface SignificanceOptions {
  /** The metric's goal: an improvement is a change in its direction. */
  goal: Goal
  /** The champion was picked automatically as the best of this many finished configurations. */
  bestOf?: number
}

/** The significance of a change (see SignificanceResult); undefined for one run against one (no noise estimate). */
export function testSignificance(
  baseline: MetricStat,
  current: MetricStat,
  alpha: number,
  // Stryker disable next-line ObjectLiteral,StringLiteral: without bestOf the goal decides nothing (it only picks the change best of k adjusts)
  options: SignificanceOptions = { goal: 'maximize' }
): SignificanceResult | undefined {
  // Records written before samples were kept have none: their single value is the one sample.
  // Stryker disable next-line ArrayDeclaration: only "two samples or more" is asked of a and b (chooseTest reads the value itself), and none is fewer than two as one is
  const a = baseline.samples ?? [baseline.value]
  // Stryker disable next-line ArrayDeclaration: as for a
  const b = current.samples ?? [current.value]
  if (a.length < 2 && b.length < 2) return undefined
  const { test, fallback } = chooseTest(baseline, current)
  const n = { baseline: test.n[0], current: test.n[1] }
  const excluded = { baseline: test.nonFinite[0], current: test.nonFinite[1] }
  const common = { n, excluded, alpha, ...(fallback ? { fallback } : {}) }
  if (isNoTest(test)) {
    const method = test.method ? { method: test.method } : {}
    if (test.inconclusive === 'no-variance') {
      const d = test.exactDifference as number
      return { state: 'exact', tested: false, significant: d !== 0, exactDifference: d, ...method, ...common }
    }
    const state = test.inconclusive === 'uncomputable' ? 'uncomputable' : 'inconclusive'
    return { state, tested: false, ...method, ...common }
  }
  // Stryker disable next-line StringLiteral: pValue takes every alternative but greater and less as two-sided
  const pTwoSided = pValue(test, 'two-sided')
  // A test finiteOr let through has a finite se > 0, df > 0 and an estimate that is not NaN, so its p is a number;
  // the guard keeps a gate on it failing closed should that change.
  // Stryker disable next-line ObjectLiteral,StringLiteral,BooleanLiteral,ConditionalExpression: unreachable (see above)
  if (Number.isNaN(pTwoSided)) return { state: 'uncomputable', tested: false, method: test.method, ...common }
  const improvement = options.goal === 'maximize' ? test.estimate > 0 : test.estimate < 0
  const k = improvement && (options.bestOf ?? 1) > 1 ? options.bestOf : undefined
  const pLabel = k ? Math.min(1, pTwoSided * k) : pTwoSided
  const significant = pLabel < alpha
  const [lower, upper] = confidenceInterval(test, 1 - alpha)
  return {
    state: significant ? 'significant' : 'within-noise',
    tested: true,
    test,
    pTwoSided,
    pLabel,
    ...(k ? { bestOf: k } : {}),
    t: standardized(test),
    interval: { level: 1 - alpha, lower, upper },
    significant,
    ...common
  }
}

/**
 * The test that fits the samples: paired (or corrected-paired for folds) when both sides have the same seeds or
 * folds; else Welch with two samples a side; else the prediction interval of the single run.
 */
function chooseTest(
  baseline: MetricStat,
  current: MetricStat
): { test: DifferenceTest | NoTest; fallback?: SignificanceResult['fallback'] } {
  const a = baseline.samples ?? [baseline.value]
  const b = current.samples ?? [current.value]
  const nonFinite: [number, number] = [countNonFinite(a), countNonFinite(b)]
  const ka = keysOf(baseline, a.length)
  const kb = keysOf(current, b.length)
  let fallback: SignificanceResult['fallback']
  if (ka && kb) {
    const byKey = new Map(ka.map((k, i) => [k, a[i]]))
    if (ka.length === kb.length && kb.every(k => byKey.has(k))) {
      const pairs = kb
        .map((k, i): [number, number] => [byKey.get(k) as number, b[i]])
        .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      if (pairs.length >= 2) {
        const folds = kb.every(isFoldKey)
        const test = folds
          ? correctedResampled(pairs, current.testTrainRatio ?? baseline.testTrainRatio, nonFinite)
          : paired(pairs, nonFinite)
        return { test }
      }
    } else fallback = ka.every(isFoldKey) || kb.every(isFoldKey) ? 'folds-unmatched' : 'keys-differ'
  }
  const fa = a.filter(Number.isFinite)
  const fb = b.filter(Number.isFinite)
  if (fa.length >= 2 && fb.length === 1)
    return { test: prediction(a, fb[0], 'pr', [0, nonFinite[1]]), fallback }
  if (fa.length === 1 && fb.length >= 2)
    // Stryker disable next-line StringLiteral: prediction takes every side but 'pr' as the baseline's
    return { test: prediction(b, fa[0], 'baseline', [nonFinite[0], 0]), fallback }
  return { test: welch(a, b), fallback }
}

/** The seed or fold keys of a metric's samples: recorded, else read from the run names behind them. */
function keysOf(stat: MetricStat, count: number): string[] | undefined {
  if (stat.sampleKeys?.length === count) return stat.sampleKeys
  if (stat.sampleRuns?.length !== count) return undefined
  const keys = stat.sampleRuns.map(name => sampleKeyOf({ name }))
  if (keys.some(k => k === undefined) || new Set(keys).size !== keys.length) return undefined
  return keys as string[]
}

function countNonFinite(xs: number[]): number {
  return xs.filter(x => !Number.isFinite(x)).length
}
