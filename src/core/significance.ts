// The significance of a metric's change: the PR's samples tested against the baseline's. Pure: data in, data out.
import type { MetricStat } from './experiment.js'
import { bootstrapDifferenceCi, isInconclusive, welchTTest } from './stats.js'

/**
 * A significance test of the PR's samples against the baseline's: Welch's t-test, judged one-sided in the direction
 * the mean moved, at `alpha`. "Significantly worse" and "significantly better" are each claimed wrongly at most
 * alpha of the time, so a gate on drops fails a PR with no true change at most alpha of the time (the two-sided p
 * that R and SciPy print by default is `pTwoSided`, twice `p`).
 * Set on a MetricComparison whenever either side has at least 2 samples. `state` says what the numbers mean:
 * - `significant`: tested and p < alpha; the change is larger than run-to-run noise explains.
 * - `within-noise`: tested and p ≥ alpha; the change could be noise. A drop beyond max_drop that is within noise
 *   does not fail the gate (unless the rule sets require_significance: false).
 * - `exact`: at least 2 samples a side and no variance on either side; no test applies and none is needed, the
 *   difference is exact. `significant` is true when the means differ. A drop beyond max_drop fails.
 * - `inconclusive`: fewer than 2 finite samples on one side (e.g. a baseline kept as one value, or NaN samples left
 *   out); noise cannot be judged. The raw change decides the rule and the check is labelled inconclusive: this state
 *   never reads as a pass.
 */
export interface SignificanceResult {
  state: 'significant' | 'within-noise' | 'exact' | 'inconclusive'
  /** Whether a test could be run (n ≥ 2 finite samples a side, some variance): states significant and within-noise. */
  tested: boolean
  /** One-sided p-value for a change in the direction observed (tested only); compared with alpha. */
  p?: number
  /** Two-sided p-value (tested only), as R's t.test and SciPy's ttest_ind(equal_var=False) print it. */
  pTwoSided?: number
  /** t statistic of PR − baseline (tested only). */
  t?: number
  /** Welch–Satterthwaite degrees of freedom (tested only). */
  df?: number
  /** p < alpha when tested; the means differ when exact; undefined when inconclusive. */
  significant?: boolean
  /** Seeded bootstrap 95% interval of the difference of means (PR − baseline), reproducible run to run. */
  ci95?: [number, number]
  /** Welch 95% interval of the difference of means (PR − baseline). */
  welchCi95?: [number, number]
  /** Finite samples used from each side. */
  n: { baseline: number; current: number }
  /** Non-finite samples (NaN, ±Infinity) left out of the test on each side. */
  excluded: { baseline: number; current: number }
  /** The level the test was judged at. */
  alpha: number
}

/** Welch's test and a bootstrap interval; set whenever either side has ≥ 2 samples (see SignificanceResult). */
export function testSignificance(
  baseline: MetricStat,
  current: MetricStat,
  alpha: number
): SignificanceResult | undefined {
  // Records written before samples were kept have none: their single value is the one sample.
  const a = baseline.samples ?? [baseline.value]
  const b = current.samples ?? [current.value]
  if (a.length < 2 && b.length < 2) return undefined
  const result = welchTTest(a, b)
  const n = { baseline: result.n[0], current: result.n[1] }
  const excluded = { baseline: result.nonFinite[0], current: result.nonFinite[1] }
  if (isInconclusive(result)) {
    if (result.exactDifference !== undefined) {
      const d = result.exactDifference
      return { state: 'exact', tested: false, significant: d !== 0, ci95: [d, d], n, excluded, alpha }
    }
    return { state: 'inconclusive', tested: false, n, excluded, alpha }
  }
  const significant = result.pOneSided < alpha
  return {
    state: significant ? 'significant' : 'within-noise',
    tested: true,
    p: result.pOneSided,
    pTwoSided: result.p,
    t: result.t,
    df: result.df,
    significant,
    ci95: bootstrapDifferenceCi(a.filter(Number.isFinite), b.filter(Number.isFinite)),
    welchCi95: result.ci95,
    n,
    excluded,
    alpha
  }
}
