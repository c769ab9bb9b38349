// Tests of a difference PR − baseline: Welch's t-test, the paired t-test, the prediction interval of one new run,
// Nadeau and Bengio's corrected resampled t-test for cross-validation folds; p-values against a shifted null,
// confidence bounds, and Holm's step-down adjustment. Every standard error is computed on power-of-two-scaled
// values, so no finite input overflows. Pure functions.
import { powerOfTwoScale, studentTQuantile, studentTSurvival, summarize } from './stats.js'

/**
 * Which test estimated the difference:
 * - `welch`: Welch's unequal-variance t-test of two independent samples (R's `t.test(b, a)`).
 * - `paired`: Student's paired t-test over runs matched by seed (R's `t.test(b, a, paired = TRUE)`).
 * - `prediction`: one run against several on the other side: is it outside the prediction interval of a new
 *   observation? t = (y − mean) / (sd·√(1 + 1/n)), n − 1 degrees of freedom.
 * - `corrected-paired`: Nadeau and Bengio's (2003) corrected resampled t-test over matched cross-validation
 *   folds: the variance of the mean difference is sd²·(1/k + test/train), k − 1 degrees of freedom.
 */
export type TestMethod = 'welch' | 'paired' | 'prediction' | 'corrected-paired'

/** A difference estimated with its standard error and degrees of freedom, ready for p-values and bounds. */
export interface DifferenceTest {
  method: TestMethod
  /** PR − baseline: the difference of means, the mean paired difference, or a single run against a mean. */
  estimate: number
  /** Standard error of the estimate (> 0). */
  se: number
  df: number
  /** Finite values used from the baseline and the PR. */
  n: [number, number]
  /** Non-finite values left out of the baseline and the PR. */
  nonFinite: [number, number]
  /** Matched pairs (paired and corrected-paired). */
  pairs?: number
  /** The test/train size ratio of the folds (corrected-paired). */
  testTrainRatio?: number
}

/** Why no test could be run. */
export interface NoTest {
  /**
   * too-few-samples: fewer than 2 finite values where the test needs them; no-variance: nothing varies, the
   * difference is exact; uncomputable: the arithmetic did not give a finite standard error.
   */
  inconclusive: 'too-few-samples' | 'no-variance' | 'uncomputable'
  /** The exact difference, when nothing varies. */
  exactDifference?: number
  method?: TestMethod
  n: [number, number]
  nonFinite: [number, number]
}

/** True when no test could be run. */
export function isNoTest(r: DifferenceTest | NoTest): r is NoTest {
  return 'inconclusive' in r
}

/** Welch's t-test of b (PR) against a (baseline); non-finite values are left out and counted. */
export function welch(a: number[], b: number[]): DifferenceTest | NoTest {
  const sa = summarize(a)
  const sb = summarize(b)
  const n: [number, number] = [sa.n, sb.n]
  const nonFinite: [number, number] = [sa.nonFinite, sb.nonFinite]
  if (sa.n < 2 || sb.n < 2) return { inconclusive: 'too-few-samples', method: 'welch', n, nonFinite }
  const estimate = sb.mean - sa.mean
  const sdA = sa.sd as number
  const sdB = sb.sd as number
  if (sdA === 0 && sdB === 0)
    return { inconclusive: 'no-variance', exactDifference: estimate, method: 'welch', n, nonFinite }
  // Variances of the means on a scale where the larger sd is about 1: no overflow, no underflow to 0.
  const scale = powerOfTwoScale([sdA, sdB])
  const va = (sdA / scale) ** 2 / sa.n
  const vb = (sdB / scale) ** 2 / sb.n
  const se = Math.sqrt(va + vb) * scale
  const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1))
  return finiteOr({ method: 'welch', estimate, se, df, n, nonFinite })
}

/** Student's paired t-test of the differences b − a of matched runs (both finite). */
export function paired(
  pairs: [number, number][],
  nonFinite: [number, number] = [0, 0]
): DifferenceTest | NoTest {
  return pairedTest('paired', pairs, nonFinite)
}

/**
 * Nadeau and Bengio's corrected resampled t-test over k matched folds: the mean difference over the folds, with
 * the variance sd²·(1/k + testTrainRatio) in place of sd²/k, because folds share training data.
 * testTrainRatio defaults to 1/(k − 1), the ratio of k-fold cross-validation.
 */
export function correctedResampled(
  pairs: [number, number][],
  testTrainRatio?: number,
  nonFinite: [number, number] = [0, 0]
): DifferenceTest | NoTest {
  return pairedTest('corrected-paired', pairs, nonFinite, testTrainRatio)
}

function pairedTest(
  method: 'paired' | 'corrected-paired',
  pairs: [number, number][],
  nonFinite: [number, number],
  ratio?: number
): DifferenceTest | NoTest {
  const k = pairs.length
  const n: [number, number] = [k, k]
  if (k < 2) return { inconclusive: 'too-few-samples', method, n, nonFinite }
  // Differences of scaled values: b − a cannot overflow after both are divided by the same power of two.
  const scale = powerOfTwoScale(pairs.flat())
  const d = pairs.map(([a, b]) => b / scale - a / scale)
  const s = summarize(d)
  const estimate = s.mean * scale
  if (s.sd === 0) return { inconclusive: 'no-variance', exactDifference: estimate, method, n, nonFinite }
  const testTrainRatio = method === 'corrected-paired' ? (ratio ?? 1 / (k - 1)) : undefined
  const factor = testTrainRatio !== undefined ? 1 / k + testTrainRatio : 1 / k
  const se = (s.sd as number) * Math.sqrt(factor) * scale
  return finiteOr({
    method,
    estimate,
    se,
    df: k - 1,
    n,
    nonFinite,
    pairs: k,
    ...(testTrainRatio !== undefined ? { testTrainRatio } : {})
  })
}

/**
 * One run against several on the other side, by the prediction interval of a new observation:
 * t = (single − mean(many)) / (sd(many)·√(1 + 1/n)), n − 1 degrees of freedom. `singleSide` says which side has
 * the single run; the estimate is always PR − baseline.
 */
export function prediction(
  many: number[],
  single: number,
  singleSide: 'baseline' | 'pr',
  nonFinite: [number, number] = [0, 0]
): DifferenceTest | NoTest {
  const s = summarize(many)
  const n: [number, number] = singleSide === 'pr' ? [s.n, 1] : [1, s.n]
  const left: [number, number] =
    singleSide === 'pr'
      ? [s.nonFinite + nonFinite[0], nonFinite[1]]
      : [nonFinite[0], s.nonFinite + nonFinite[1]]
  if (s.n < 2 || !Number.isFinite(single))
    return { inconclusive: 'too-few-samples', method: 'prediction', n, nonFinite: left }
  // Stryker disable next-line ArrayDeclaration: (x/s − y/s)·s for a power of two s is the correctly rounded x − y whatever s is (an operand that underflows is below half an ulp of the other)
  const scale = powerOfTwoScale([s.mean, single])
  const estimate =
    (singleSide === 'pr' ? single / scale - s.mean / scale : s.mean / scale - single / scale) * scale
  if (s.sd === 0)
    return {
      inconclusive: 'no-variance',
      exactDifference: estimate,
      method: 'prediction',
      n,
      nonFinite: left
    }
  const se = (s.sd as number) * Math.sqrt(1 + 1 / s.n)
  return finiteOr({ method: 'prediction', estimate, se, df: s.n - 1, n, nonFinite: left })
}

function finiteOr(test: DifferenceTest): DifferenceTest | NoTest {
  if (Number.isFinite(test.se) && test.se > 0 && test.df > 0 && !Number.isNaN(test.estimate)) return test
  return { inconclusive: 'uncomputable', method: test.method, n: test.n, nonFinite: test.nonFinite }
}

/**
 * The p-value of a test against a shifted null: `greater` tests H0 "difference ≤ shift" against "difference >
 * shift"; `less` tests H0 "difference ≥ shift" against "< shift"; `two-sided` tests "difference = shift".
 * NaN when it cannot be computed.
 */
export function pValue(
  test: DifferenceTest,
  alternative: 'greater' | 'less' | 'two-sided',
  shift = 0
): number {
  const t = standardized(test, shift)
  // Stryker disable next-line ConditionalExpression: studentTSurvival gives NaN for a NaN t, so every branch below returns NaN too
  if (Number.isNaN(t)) return NaN
  if (alternative === 'greater') return studentTSurvival(t, test.df)
  if (alternative === 'less') return studentTSurvival(-t, test.df)
  return Math.min(1, 2 * studentTSurvival(Math.abs(t), test.df))
}

/** (estimate − shift) / se, computed so that a huge estimate and shift do not overflow on the way. */
export function standardized(test: DifferenceTest, shift = 0): number {
  const scale = powerOfTwoScale([test.estimate, shift, test.se])
  return (test.estimate / scale - shift / scale) / (test.se / scale)
}

/** The two-sided confidence interval of the difference at `level` (e.g. 0.95), the test's own. */
export function confidenceInterval(test: DifferenceTest, level: number): [number, number] {
  const half = studentTQuantile(1 - (1 - level) / 2, test.df) * test.se
  return [test.estimate - half, test.estimate + half]
}

/**
 * A one-sided confidence bound of the difference at `level`: `lower` says "difference ≥ bound", `upper` says
 * "difference ≤ bound". A gate on a drop fails exactly when the upper bound of PR − baseline is below −max_drop
 * at the level the gate is judged at.
 */
export function confidenceBound(test: DifferenceTest, level: number, side: 'lower' | 'upper'): number {
  const half = studentTQuantile(level, test.df) * test.se
  return side === 'lower' ? test.estimate - half : test.estimate + half
}

/**
 * Holm's step-down adjustment of p-values (R's `p.adjust(p, "holm")`): the i-th smallest of m is multiplied by
 * m − i + 1, then made monotone. NaN stays NaN and counts in m (it can never be rejected).
 */
export function holm(ps: number[]): number[] {
  const m = ps.length
  const order = ps.map((p, i) => i).sort((i, j) => key(ps[i]) - key(ps[j]))
  // Stryker disable next-line ArrayDeclaration: every index below m is assigned below, so a preallocated and a growing array end equal
  const out = new Array<number>(m)
  let running = 0
  order.forEach((index, rank) => {
    const p = ps[index]
    // Stryker disable next-line BlockStatement,ConditionalExpression: NaN p-values sort last, where Math.max(running, NaN) makes each of them NaN all the same
    if (Number.isNaN(p)) {
      out[index] = NaN
      return
    }
    running = Math.max(running, Math.min(1, (m - rank) * p))
    out[index] = running
  })
  return out
}

function key(p: number): number {
  return Number.isNaN(p) ? Infinity : p
}

/** The level each hypothesis is judged at under Holm: alpha / (m − rank), rank 0 for the smallest p. */
export function holmLevels(ps: number[], alpha: number): number[] {
  const m = ps.length
  const order = ps.map((p, i) => i).sort((i, j) => key(ps[i]) - key(ps[j]))
  // Stryker disable next-line ArrayDeclaration: every index below m is assigned below, so a preallocated and a growing array end equal
  const out = new Array<number>(m)
  order.forEach((index, rank) => (out[index] = alpha / (m - rank)))
  return out
}
