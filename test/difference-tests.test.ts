// The tests behind the gate against reference values computed once with SciPy 1.17.1 (scipy.stats.ttest_ind,
// ttest_rel, t.sf, t.ppf) and stored here; Holm by its definition (R's p.adjust(p, "holm")) written out in
// Python beside them. Relative agreement 1e-9 unless the reference is exact.
import {
  confidenceBound,
  confidenceInterval,
  correctedResampled,
  holm,
  holmLevels,
  isNoTest,
  paired,
  prediction,
  pValue,
  standardized,
  welch,
  type DifferenceTest,
  type NoTest
} from '../src/core/difference-tests.js'
import { summarize } from '../src/core/stats.js'

// R's built-in `sleep` data set: extra hours of sleep for two drugs, the same 10 patients (pairs by position).
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
const PAIRS = SLEEP_1.map((a, i): [number, number] => [a, SLEEP_2[i]])

function ok(r: DifferenceTest | NoTest): DifferenceTest {
  if (isNoTest(r)) throw new Error(`expected a test, got ${r.inconclusive}`)
  return r
}

function close(actual: number, expected: number, relative = 1e-9): void {
  const scale = Math.max(Math.abs(expected), 1e-300)
  if (!(Math.abs(actual - expected) / scale <= relative))
    throw new Error(
      `expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / scale})`
    )
}

describe('paired t-test (same seeds)', () => {
  it('matches scipy.stats.ttest_rel(sleep2, sleep1) and R: t = 4.0621, df = 9, p = 0.002833', () => {
    const r = ok(paired(PAIRS))
    expect(r.method).toBe('paired')
    expect(r.df).toBe(9)
    close(standardized(r), 4.062127683382037)
    close(pValue(r, 'two-sided'), 0.002832890197384273)
    const [lo, hi] = confidenceInterval(r, 0.95)
    close(lo, 0.7001142367230175)
    close(hi, 2.459885763276983)
    close(confidenceBound(r, 0.95, 'lower'), 0.8669947329707163)
  })

  it('tests a shifted null: H0 "difference ≤ 1" (SciPy ttest_rel(sleep2 − 1, sleep1, alternative="greater"))', () => {
    const r = ok(paired(PAIRS))
    close(pValue(r, 'greater', 1), 0.08505588544871145)
    close(standardized(r, 1), 1.4911607951655577)
    close(pValue(r, 'less', -1), 0.9999522140430446)
  })

  it('no variance in the differences: exact, no test', () => {
    const r = paired([
      [1, 2],
      [3, 4],
      [5, 6]
    ])
    expect(r).toMatchObject({ inconclusive: 'no-variance', exactDifference: 1 })
    expect(paired([[1, 2]])).toMatchObject({ inconclusive: 'too-few-samples' })
  })
})

describe("Welch's t-test, shifted and bounded", () => {
  it('matches SciPy ttest_ind(sleep2 − 0.5, sleep1, equal_var=False, alternative="greater")', () => {
    const r = ok(welch(SLEEP_1, SLEEP_2))
    close(r.df, 17.776473516178495)
    close(pValue(r, 'greater', 0.5), 0.10989003874855215)
    close(standardized(r, 0.5), 1.271948446130254)
  })

  it('its own intervals: the 90% two-sided interval and the 95% one-sided upper bound (SciPy confidence_interval)', () => {
    const r = ok(welch(SLEEP_1, SLEEP_2))
    const [lo, hi] = confidenceInterval(r, 0.9)
    close(lo, 0.10661850266839235)
    close(hi, 3.053381497331606)
    close(confidenceBound(r, 0.95, 'upper'), 3.053381497331606)
  })
})

describe('prediction interval: one run against several', () => {
  // t = (y − mean) / (sd·√(1 + 1/n)), n − 1 df; SciPy t.sf for the tails.
  it('a PR run of 4.2 against the ten sleep-1 values', () => {
    const r = ok(prediction(SLEEP_1, 4.2, 'pr'))
    expect(r).toMatchObject({ method: 'prediction', df: 9, n: [10, 1] })
    close(standardized(r), 1.8386965764162022)
    close(pValue(r, 'two-sided'), 0.09911674177913674)
    close(pValue(r, 'greater', 1), 0.11201417844549356)
  })

  it('several PR runs against one baseline value: the estimate stays PR − baseline', () => {
    const r = ok(prediction(SLEEP_2, 0.5, 'baseline'))
    expect(r.n).toEqual([1, 10])
    close(standardized(r), 0.8714384517391371)
    close(pValue(r, 'two-sided'), 0.4061602346032615)
  })

  it('a constant side gives an exact difference; one value is too few', () => {
    expect(prediction([2, 2, 2], 1, 'pr')).toMatchObject({
      inconclusive: 'no-variance',
      exactDifference: -1,
      method: 'prediction'
    })
    expect(prediction([2], 1, 'pr')).toMatchObject({ inconclusive: 'too-few-samples' })
  })
})

describe('corrected resampled t-test (Nadeau and Bengio 2003) for folds', () => {
  const A = [0.81, 0.79, 0.83, 0.8, 0.82]
  const B = [0.83, 0.8, 0.86, 0.81, 0.85]
  const folds = A.map((a, i): [number, number] => [a, B[i]])

  it('defaults the test/train ratio to 1/(k − 1): t = d̄ / √((1/k + 1/(k−1))·s²)', () => {
    const r = ok(correctedResampled(folds))
    expect(r).toMatchObject({ method: 'corrected-paired', df: 4, pairs: 5, testTrainRatio: 0.25 })
    close(standardized(r), 2.981423969999716)
    close(pValue(r, 'two-sided'), 0.04068152582748671)
    close(pValue(r, 'greater', 0.01), 0.10514769155917375)
  })

  it('takes the ratio it is given (0.1): wider than the uncorrected paired test, narrower than the default', () => {
    const r = ok(correctedResampled(folds, 0.1))
    close(standardized(r), 3.651483716701103)
    close(pValue(r, 'two-sided'), 0.021742978465236727)
    close(confidenceBound(r, 0.95, 'lower'), 0.008323394259839967)
    const plain = ok(paired(folds))
    expect(plain.se).toBeLessThan(r.se)
  })
})

describe("Holm's step-down adjustment", () => {
  it('matches p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02', () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005])
    ;[0.03, 0.06, 0.06, 0.02].forEach((expected, i) => close(adjusted[i], expected, 1e-12))
  })

  it('caps at 1, keeps one p as it is, and counts NaN without ever rejecting it', () => {
    expect(holm([0.5, 0.6])).toEqual([1, 1])
    expect(holm([0.02])).toEqual([0.02])
    const withNaN = holm([0.01, NaN])
    expect(withNaN[0]).toBeCloseTo(0.02, 15)
    expect(withNaN[1]).toBeNaN()
  })

  it('judges the i-th smallest p at alpha / (m − i + 1)', () => {
    expect(holmLevels([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([0.05 / 3, 0.05, 0.05 / 2, 0.05 / 4])
  })
})

describe('numerically safe for any finite input', () => {
  // Scale invariance: t of 1e200·x against 1e200·y is t of x against y. SciPy itself overflows here (t = −0,
  // p = 1); the reference is SciPy's ttest_ind([0.5, 0.52, 0.51], [0.9, 0.91, 0.905], equal_var=False).
  const T = -61.19313687007711
  const P = 1.1614302831235776e-5
  const DF = 2.9411764705882355

  it.each([1e200, 1e-12, 1e-300, 1e300])('values scaled by %p give the same t, df and p', scale => {
    const r = ok(
      welch(
        [0.9, 0.91, 0.905].map(x => x * scale),
        [0.5, 0.52, 0.51].map(x => x * scale)
      )
    )
    close(standardized(r), T, 1e-9)
    close(r.df, DF, 1e-9)
    close(pValue(r, 'two-sided'), P, 1e-9)
  })

  it('the variance of values near the largest double does not overflow', () => {
    const s = summarize([1.7e308, 1.6e308, 1.5e308])
    close(s.mean, 1.6e308)
    close(s.sd as number, 1e307)
    const huge = ok(
      paired([
        [1.7e308, -1.7e308],
        [1.6e308, -1.6e308],
        [1.5e308, -1.55e308]
      ])
    )
    expect(Number.isFinite(huge.estimate)).toBe(false) // −3.2e308 is beyond a double: the estimate says so
    expect(pValue(huge, 'less')).toBe(0)
  })

  it('an estimate beyond the range of a double still gives the p of its direction, never NaN', () => {
    const r = ok(welch([1e308, 0.9e308, 1.1e308], [-1e308, -0.9e308, -1.1e308]))
    expect(r.estimate).toBe(-Infinity)
    expect(pValue(r, 'less', -1e308)).toBe(0)
    expect(pValue(r, 'greater', 1e308)).toBe(1)
    expect(pValue(r, 'two-sided')).toBe(0)
  })
})

describe('what each test reports at its edges', () => {
  it('isNoTest tells a result without a test from a test', () => {
    expect(isNoTest(welch([1], [2, 3]))).toBe(true)
    expect(isNoTest(paired([[1, 1]]))).toBe(true)
    expect(isNoTest(welch([1, 2], [3, 5]))).toBe(false)
  })

  it("Welch's test needs two finite values a side, and calls a result exact only when both sides are constant", () => {
    expect(welch([1], [1, 2, 3])).toEqual({
      inconclusive: 'too-few-samples',
      method: 'welch',
      n: [1, 3],
      nonFinite: [0, 0]
    })
    expect(welch([1, 2, 3], [2, NaN])).toEqual({
      inconclusive: 'too-few-samples',
      method: 'welch',
      n: [3, 1],
      nonFinite: [0, 1]
    })
    expect(welch([1, 1], [2, 2])).toEqual({
      inconclusive: 'no-variance',
      exactDifference: 1,
      method: 'welch',
      n: [2, 2],
      nonFinite: [0, 0]
    })
    // One constant side still has noise from the other: a test runs (SciPy ttest_ind([2, 3], [1, 1], equal_var=False)).
    const oneSided = ok(welch([1, 1], [2, 3]))
    expect(oneSided).toMatchObject({ method: 'welch', df: 1 })
    close(pValue(oneSided, 'two-sided'), 0.20483276469913345)
    // And the other way round: the PR constant, the baseline varying.
    const otherSide = ok(welch([2, 3], [1, 1]))
    expect(otherSide).toMatchObject({ method: 'welch', df: 1 })
    close(pValue(otherSide, 'two-sided'), 0.20483276469913345)
  })

  it('a spread beyond the range of a double is uncomputable, not a test', () => {
    expect(welch([-1.7e308, 1.7e308], [0, 1])).toEqual({
      inconclusive: 'uncomputable',
      method: 'welch',
      n: [2, 2],
      nonFinite: [0, 0]
    })
  })

  it('a paired spread beyond the range of a double is uncomputable, though its df is 1', () => {
    expect(
      paired([
        [-1.7e308, 1.7e308],
        [1.7e308, -1.7e308]
      ])
    ).toEqual({ inconclusive: 'uncomputable', method: 'paired', n: [2, 2], nonFinite: [0, 0] })
  })

  it('two pairs are enough for the paired test; it counts pairs on both sides and has no test/train ratio', () => {
    const r = ok(
      paired([
        [1, 2],
        [3, 5]
      ])
    )
    expect(r).toMatchObject({ method: 'paired', df: 1, pairs: 2, n: [2, 2], nonFinite: [0, 0] })
    expect(r).not.toHaveProperty('testTrainRatio')
    expect(ok(correctedResampled(PAIRS)).nonFinite).toEqual([0, 0])
  })

  it('the prediction test needs two values on the many side and adds their NaNs to the ones given', () => {
    expect(ok(prediction([1, 2], 4, 'pr'))).toMatchObject({ method: 'prediction', df: 1, nonFinite: [0, 0] })
    expect(prediction([1, NaN], 4, 'pr', [1, 2])).toEqual({
      inconclusive: 'too-few-samples',
      method: 'prediction',
      n: [1, 1],
      nonFinite: [2, 2]
    })
    expect(ok(prediction([1, 2, NaN], 4, 'baseline', [1, 2])).nonFinite).toEqual([1, 3])
    expect(ok(prediction([1, 2, NaN], 4, 'pr', [1, 2])).nonFinite).toEqual([2, 2])
  })

  it('standardizes a huge estimate against a huge opposite shift without overflowing', () => {
    const r: DifferenceTest = {
      method: 'welch',
      estimate: 1.5e308,
      se: 1e308,
      df: 3,
      n: [2, 2],
      nonFinite: [0, 0]
    }
    expect(standardized(r, -1.5e308)).toBe(3)
  })
})
