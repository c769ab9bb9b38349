// The statistics against reference values computed independently (SciPy 1.17: scipy.stats.t, scipy.special
// gammaln and betainc; mulberry32 and Box–Muller written out in Python), on every branch and edge of the code:
// the limits of the t distribution, the reflection of ln Γ, both sides of the incomplete beta's continued
// fraction, the power-of-two scale's clamps, and which side a single run of the prediction test is on.
import { pValue, prediction, isNoTest, type DifferenceTest } from '../src/core/difference-tests.js'
import { testSignificance } from '../src/core/significance.js'
import {
  logGamma,
  MAX_FRACTION_TERMS,
  powerOfTwoScale,
  regularizedIncompleteBeta,
  seededNormal,
  seededRandom,
  studentTDensity,
  studentTQuantile,
  studentTSurvival,
  summarize
} from '../src/core/stats.js'

describe("Student's t distribution at its edges", () => {
  it('survival: 0 at +∞, 1 at −∞, NaN for NaN or df ≤ 0, and 1 − S(t) below 0', () => {
    expect(studentTSurvival(Infinity, 3)).toBe(0)
    expect(studentTSurvival(-Infinity, 3)).toBe(1)
    expect(studentTSurvival(NaN, 3)).toBeNaN()
    expect(studentTSurvival(1, 0)).toBeNaN()
    expect(studentTSurvival(1, -2)).toBeNaN()
    expect(studentTSurvival(1.5, 3)).toBeCloseTo(0.11529193262241147, 12)
    expect(studentTSurvival(-1.5, 3)).toBeCloseTo(0.8847080673775886, 12)
  })

  it('survival keeps its digits for small t (the complement branch)', () => {
    expect(studentTSurvival(0.1, 10)).toBeCloseTo(0.4611603592822041, 12)
    expect(0.5 - studentTSurvival(1e-8, 5)).toBeCloseTo(0.5 - 0.4999999962039331, 15)
    expect(studentTSurvival(0, 7)).toBe(0.5)
  })

  it('quantile: 0 at ½, NaN outside (0, 1) or for df ≤ 0, negative below ½, and far tails', () => {
    expect(studentTQuantile(0.5, 5)).toBe(0)
    for (const q of [0, 1, -0.1, 1.1, NaN]) expect(studentTQuantile(q, 5)).toBeNaN()
    expect(studentTQuantile(0.975, 0)).toBeNaN()
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356363155, 10)
    expect(studentTQuantile(0.9, 2.5)).toBeCloseTo(1.7302509288071766, 10)
    expect(studentTQuantile(0.9999999, 1) / 3183098.8635132452).toBeCloseTo(1, 9)
  })

  it.each([
    [0.975, 4, 2.7764451051977934],
    [0.995, 10, 3.16927267261695],
    [0.9, 2.5, 1.7302509288071766],
    [0.999, 30, 3.3851848668293045],
    [0.6, 1, 0.32491969623290634]
  ])(
    'quantile qt(%p, %p) = %p (SciPy t.ppf) to 1e-14: the bracket is polished by Newton steps',
    (q, df, expected) => {
      expect(Math.abs(studentTQuantile(q, df) / expected - 1)).toBeLessThan(1e-14)
    }
  )

  it('density at the centre of Cauchy is 1/π, and matches SciPy off the centre', () => {
    expect(studentTDensity(0, 1)).toBeCloseTo(1 / Math.PI, 14)
    expect(studentTDensity(1.5, 3)).toBeCloseTo(0.12001717451358736, 14)
    expect(studentTDensity(-1.5, 3)).toBeCloseTo(0.12001717451358736, 14)
  })
})

describe('special functions', () => {
  it('ln Γ on both sides of ½ (the reflection formula below)', () => {
    expect(logGamma(10)).toBeCloseTo(12.801827480081469, 12)
    expect(logGamma(3.7)).toBeCloseTo(1.428072326665388, 12)
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980774, 12)
    expect(logGamma(-0.5)).toBeCloseTo(1.2655121234846454, 12)
    expect(logGamma(1)).toBeCloseTo(0, 13)
  })

  it('the regularized incomplete beta: 0 and 1 at the ends, either side of its switch point', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0)
    expect(regularizedIncompleteBeta(-1, 2, 3)).toBe(0)
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1)
    expect(regularizedIncompleteBeta(2, 2, 3)).toBe(1)
    expect(regularizedIncompleteBeta(0.2, 2, 3)).toBeCloseTo(0.1808, 13)
    expect(regularizedIncompleteBeta(0.9, 2, 3)).toBeCloseTo(0.9963, 13)
    expect(regularizedIncompleteBeta(0.3, 0.5, 4)).toBeCloseTo(0.8987784842061337, 12)
  })

  it('the continued fraction gives its value within MAX_FRACTION_TERMS terms and NaN, never a partial sum, beyond', () => {
    expect(MAX_FRACTION_TERMS).toBe(300)
    // Where Student's t needs the most terms (102, at df ≈ 1,800): SciPy's t.sf.
    expect(studentTSurvival(1.7378008287490412, 1819.700858610003)).toBeCloseTo(0.041207543273512635, 13)
    // I_0.5(a, a) for a ≈ 21,000 converges at its 299th term (the last but one allowed) for this a, at its 301st
    // for this slightly smaller one; SciPy's betainc gives 0.5 (to 6e-16) for both.
    expect(regularizedIncompleteBeta(0.5, 21071.023021365538, 21071.023021365538)).toBeCloseTo(0.5, 11)
    expect(regularizedIncompleteBeta(0.5, 21060.49277497805, 21060.49277497805)).toBeNaN()
    // Far beyond: a = b = 5e8 would need 7,624 terms.
    expect(regularizedIncompleteBeta(0.5, 5e8, 5e8)).toBeNaN()
    expect(studentTSurvival(1e150, 1e300)).toBeNaN()
  })
})

describe('summaries and scaling', () => {
  it('mean, sd and the 95% interval of 1, 2, 3, 4', () => {
    const s = summarize([1, 2, 3, 4])
    expect(s.n).toBe(4)
    expect(s.nonFinite).toBe(0)
    expect(s.mean).toBe(2.5)
    expect(s.sd).toBeCloseTo(1.2909944487358056, 14)
    expect(s.ci95?.[0]).toBeCloseTo(0.4457397432394794, 12)
    expect(s.ci95?.[1]).toBeCloseTo(4.554260256760521, 12)
  })

  it('no finite value: no mean; one: no spread', () => {
    expect(summarize([NaN, Infinity])).toEqual({ n: 0, nonFinite: 2, mean: NaN })
    expect(summarize([5, -Infinity])).toEqual({ n: 1, nonFinite: 1, mean: 5 })
  })

  it('the mean of a constant sample is the constant, even where sums round', () => {
    expect(summarize([0.1, 0.1, 0.1]).mean).toBe(0.1)
    expect(summarize([0.1, 0.1, 0.1]).sd).toBe(0)
  })

  it('the power-of-two scale: the largest magnitude rounded down, 1 for none or zeros, clamped to doubles', () => {
    expect(powerOfTwoScale([3, -5])).toBe(4)
    expect(powerOfTwoScale([-9, 3])).toBe(8)
    expect(powerOfTwoScale([0.3])).toBe(0.25)
    expect(powerOfTwoScale([])).toBe(1)
    expect(powerOfTwoScale([0, -0])).toBe(1)
    expect(powerOfTwoScale([Infinity])).toBe(1)
    expect(powerOfTwoScale([1.7e308])).toBe(2 ** 1023)
    expect(powerOfTwoScale([5e-324])).toBe(2 ** -1022)
  })
})

describe('seeded randomness (mulberry32 and Box–Muller, written out in Python)', () => {
  it('the first draws of seed 42', () => {
    const random = seededRandom(42)
    expect(random()).toBeCloseTo(0.6011037519201636, 15)
    expect(random()).toBeCloseTo(0.44829055899754167, 15)
    expect(random()).toBeCloseTo(0.8524657934904099, 15)
  })

  it('the first pair of normals of seed 42: the cosine first, then the sine of the same draw', () => {
    const normal = seededNormal(42)
    expect(normal()).toBeCloseTo(-0.956162229384149, 12)
    expect(normal()).toBeCloseTo(0.3220702493215296, 12)
    expect(normal()).not.toBeCloseTo(0.3220702493215296, 3)
  })
})

describe('p-values of a shifted null', () => {
  const test: DifferenceTest = { method: 'welch', estimate: 0, se: 1, df: 4, n: [3, 3], nonFinite: [0, 0] }

  it('two-sided p is 1 at no difference, never more; one-sided ps of both directions add up to 1', () => {
    expect(pValue(test, 'two-sided')).toBe(1)
    const shifted = { ...test, estimate: 1.5 }
    expect(pValue(shifted, 'greater') + pValue(shifted, 'less')).toBeCloseTo(1, 14)
    expect(pValue(shifted, 'greater')).toBeCloseTo(0.104, 12)
    expect(pValue(shifted, 'greater', 1.5)).toBe(0.5)
    expect(pValue(shifted, 'two-sided')).toBeCloseTo(2 * 0.104, 12)
  })
})

describe('the prediction test names its sides', () => {
  it('one PR run against baseline runs: n and left-out values per side', () => {
    const r = prediction([1, 2, 3, NaN], 5, 'pr', [0, 2])
    if (isNoTest(r)) throw new Error('expected a test')
    expect(r.n).toEqual([3, 1])
    expect(r.nonFinite).toEqual([1, 2])
    expect(r.estimate).toBe(3)
    expect(r.df).toBe(2)
  })

  it('one baseline run against PR runs: the estimate stays PR − baseline', () => {
    const r = prediction([1, 2, 3, NaN], 5, 'baseline', [2, 0])
    if (isNoTest(r)) throw new Error('expected a test')
    expect(r.n).toEqual([1, 3])
    expect(r.nonFinite).toEqual([2, 1])
    expect(r.estimate).toBe(-3)
  })

  it('a non-finite single run or one value on the other side is too few', () => {
    expect(prediction([1, 2, 3], NaN, 'pr')).toMatchObject({ inconclusive: 'too-few-samples' })
    expect(prediction([1], 5, 'pr')).toMatchObject({ inconclusive: 'too-few-samples', n: [1, 1] })
  })
})

describe('significance labels', () => {
  const stat = (samples: number[]) => ({
    value: samples.reduce((s, x) => s + x, 0) / samples.length,
    n: samples.length,
    samples
  })

  it('an exact difference of 0 is not significant; any other exact difference is', () => {
    expect(testSignificance(stat([0.9, 0.9]), stat([0.9, 0.9]), 0.05)).toMatchObject({
      state: 'exact',
      significant: false,
      exactDifference: 0
    })
    expect(testSignificance(stat([0.9, 0.9]), stat([0.8, 0.8]), 0.05)?.significant).toBe(true)
  })

  it('one run a side has no test at all', () => {
    expect(testSignificance(stat([0.9]), stat([0.8]), 0.05)).toBeUndefined()
  })

  it('the best-of-k adjustment applies to an improvement by the goal, never to a drop, and not for k = 1', () => {
    const base = stat([0.9, 0.91, 0.89])
    const better = stat([0.93, 0.94, 0.92])
    const plain = testSignificance(base, better, 0.05)?.pTwoSided ?? NaN
    expect(testSignificance(base, better, 0.05, { goal: 'maximize', bestOf: 3 })).toMatchObject({
      pLabel: Math.min(1, plain * 3),
      bestOf: 3
    })
    const one = testSignificance(base, better, 0.05, { goal: 'maximize', bestOf: 1 })
    expect(one?.pLabel).toBe(plain)
    expect(one?.bestOf).toBeUndefined()
    // For a loss the same rise is a regression: no adjustment.
    expect(testSignificance(base, better, 0.05, { goal: 'minimize', bestOf: 3 })?.pLabel).toBe(plain)
    // And a fall of a loss is the improvement that is adjusted.
    expect(testSignificance(better, base, 0.05, { goal: 'minimize', bestOf: 3 })?.bestOf).toBe(3)
  })
})
