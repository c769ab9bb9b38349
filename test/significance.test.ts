// Which test judges a metric's change, and its p and interval, against SciPy 1.17: runs matched by seed are paired
// (ttest_rel), matched folds use the corrected resampled t-test (its formula over SciPy's t.sf), everything else
// Welch (ttest_ind, equal_var=False), and one run against several the prediction interval of a new observation.
// Also why runs with seeds or folds were not paired, and what happens to NaN samples on the way.
import type { MetricStat } from '../src/core/experiment.js'
import { testSignificance } from '../src/core/significance.js'

const BASE = [0.9, 0.92, 0.88, 0.91]
const PR = [0.885, 0.9, 0.87, 0.895]

/** A metric's samples, with keys (seed or fold) or run names when given. */
function stat(samples: number[], extra: Partial<MetricStat> = {}): MetricStat {
  const finite = samples.filter(Number.isFinite)
  return {
    value: finite.reduce((s, x) => s + x, 0) / finite.length,
    n: finite.length,
    samples,
    ...extra
  }
}
const keys = (word: string, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${word}${from + i}`)

/** |actual − expected| within 1e-12 of |expected|. */
function near(actual: number | undefined, expected: number) {
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected))
}

describe('runs matched by seed are paired', () => {
  // SciPy: ttest_rel(PR, BASE) → t = −7.348469228349535, p = 0.005207858944662818, df 3;
  // confidence_interval(0.95) = (−0.02149614131812557, −0.008503858681874454).
  it('the paired t-test on seeds 1–4 of both sides', () => {
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 1, 4) }),
      stat(PR, { sampleKeys: keys('seed', 1, 4) }),
      0.05
    )
    expect(s).toMatchObject({
      state: 'significant',
      tested: true,
      significant: true,
      test: { method: 'paired', df: 3 }
    })
    expect(s).not.toHaveProperty('fallback')
    near(s?.pTwoSided, 0.005207858944662818)
    near(s?.t, -7.348469228349535)
    near(s?.interval?.lower, -0.02149614131812557)
    near(s?.interval?.upper, -0.008503858681874454)
    expect(s?.interval?.level).toBe(0.95)
  })

  it('pairs by seed, not by position', () => {
    const order = [2, 0, 3, 1]
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 1, 4) }),
      stat(
        order.map(i => PR[i]),
        { sampleKeys: order.map(i => `seed${i + 1}`) }
      ),
      0.05
    )
    expect(s?.test?.method).toBe('paired')
    near(s?.pTwoSided, 0.005207858944662818)
  })

  it('reads the seeds from the run names when no keys were recorded', () => {
    const s = testSignificance(
      stat(BASE, { sampleRuns: keys('main-seed', 1, 4) }),
      stat(PR, { sampleRuns: keys('pr-seed', 1, 4) }),
      0.05
    )
    expect(s?.test?.method).toBe('paired')
    near(s?.pTwoSided, 0.005207858944662818)
  })

  it('leaves a pair with a NaN out of the test and counts it', () => {
    const s = testSignificance(
      stat([...BASE, NaN], { sampleKeys: keys('seed', 1, 5) }),
      stat([...PR, 0.5], { sampleKeys: keys('seed', 1, 5) }),
      0.05
    )
    expect(s).toMatchObject({ test: { method: 'paired' }, excluded: { baseline: 1, current: 0 } })
    near(s?.pTwoSided, 0.005207858944662818)
  })

  it('fewer than two finite pairs: the unpaired test of what is left, inconclusive with one value a side', () => {
    const s = testSignificance(
      stat([0.9, NaN], { sampleKeys: keys('seed', 1, 2) }),
      stat([NaN, 0.8], { sampleKeys: keys('seed', 1, 2) }),
      0.05
    )
    expect(s).toMatchObject({ state: 'inconclusive', tested: false, method: 'welch' })
  })
})

describe("runs that cannot be paired: Welch's test, and why", () => {
  // SciPy: ttest_ind(PR, BASE, equal_var=False) → p = 0.2172056909416439, df = 5.647058823529412;
  // confidence_interval(0.95) = (−0.04183529428939335, 0.011835294289393328).
  it('different seeds: Welch, said to be because the seeds differ', () => {
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 1, 4) }),
      stat(PR, { sampleKeys: keys('seed', 5, 4) }),
      0.05
    )
    expect(s).toMatchObject({
      state: 'within-noise',
      significant: false,
      fallback: 'keys-differ',
      test: { method: 'welch' }
    })
    near(s?.pTwoSided, 0.2172056909416439)
    near(s?.test?.df, 5.647058823529412)
    near(s?.interval?.lower, -0.04183529428939335)
    near(s?.interval?.upper, 0.011835294289393328)
  })

  it('a seed missing on one side is a mismatch too', () => {
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 1, 4) }),
      stat(PR.slice(0, 3), { sampleKeys: keys('seed', 1, 3) }),
      0.05
    )
    expect(s).toMatchObject({ fallback: 'keys-differ', test: { method: 'welch' } })
  })

  it('run names without a seed, or with one seed twice, give no keys: Welch without a reason', () => {
    for (const names of [
      ['main-a', 'main-b', 'main-c', 'main-d'],
      ['main-seed1', 'main-seed1', 'main-seed2', 'main-seed3']
    ]) {
      const s = testSignificance(
        stat(BASE, { sampleRuns: names }),
        stat(PR, { sampleRuns: keys('pr-seed', 1, 4) }),
        0.05
      )
      expect(s?.test?.method).toBe('welch')
      expect(s).not.toHaveProperty('fallback')
      near(s?.pTwoSided, 0.2172056909416439)
    }
  })

  it('run names that do not match the number of samples are not used', () => {
    const s = testSignificance(
      stat(BASE, { sampleRuns: keys('main-seed', 1, 3) }),
      stat(PR, { sampleRuns: keys('pr-seed', 1, 4) }),
      0.05
    )
    expect(s?.test?.method).toBe('welch')
    expect(s).not.toHaveProperty('fallback')
  })
})

describe('matched folds: the corrected resampled t-test', () => {
  // t = mean(d) / √((1/k + ratio)·var(d)), df k − 1, p = 2·t.sf(|t|, 3) with SciPy.
  it('uses the recorded test/train ratio of either side (0.25: t = −5.196152422706631, p = 0.013846832988859047)', () => {
    for (const [base, pr] of [
      [{}, { testTrainRatio: 0.25 }],
      [{ testTrainRatio: 0.25 }, {}]
    ]) {
      const s = testSignificance(
        stat(BASE, { sampleKeys: keys('fold', 0, 4), ...base }),
        stat(PR, { sampleKeys: keys('fold', 0, 4), ...pr }),
        0.05
      )
      expect(s?.test?.method).toBe('corrected-paired')
      near(s?.t, -5.196152422706631)
      near(s?.pTwoSided, 0.013846832988859047)
    }
  })

  it('takes 1/(k − 1) without a ratio (t = −4.810702354423639, p = 0.01710409937367728)', () => {
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('fold', 0, 4) }),
      stat(PR, { sampleKeys: keys('fold', 0, 4) }),
      0.05
    )
    near(s?.t, -4.810702354423639)
    near(s?.pTwoSided, 0.01710409937367728)
  })

  it('folds that do not match, on either side, fall back to Welch and say the folds are not corrected', () => {
    for (const [a, b] of [
      [keys('fold', 0, 4), keys('fold', 4, 4)],
      [keys('fold', 0, 4), keys('seed', 1, 4)],
      [keys('seed', 1, 4), keys('fold', 0, 4)]
    ]) {
      const s = testSignificance(stat(BASE, { sampleKeys: a }), stat(PR, { sampleKeys: b }), 0.05)
      expect(s).toMatchObject({ fallback: 'folds-unmatched', test: { method: 'welch' } })
    }
  })
})

describe('one run against several: the prediction interval of a new observation', () => {
  // t = (x − mean)/(sd·√(1 + 1/n)), p = 2·t.sf(|t|, n − 1) with SciPy.
  it('one PR run of 0.86 against the baseline (t = −2.2258224804071247, p = 0.11243236601804396)', () => {
    const s = testSignificance(stat(BASE), stat([0.86]), 0.05)
    expect(s).toMatchObject({ test: { method: 'prediction', n: [4, 1] }, n: { baseline: 4, current: 1 } })
    near(s?.t, -2.2258224804071247)
    near(s?.pTwoSided, 0.11243236601804396)
  })

  it('one baseline run of 0.93 against the PR (t = −2.873524466076952, p = 0.06386598287726561)', () => {
    const s = testSignificance(stat([0.93]), stat(PR), 0.05)
    expect(s).toMatchObject({ test: { method: 'prediction' }, n: { baseline: 1, current: 4 } })
    near(s?.t, -2.873524466076952)
    near(s?.pTwoSided, 0.06386598287726561)
  })

  it('a value recorded without samples (a baseline.json written before samples were kept) is one sample', () => {
    const unsampled = (value: number) => ({ value, n: 1 }) as MetricStat
    const s = testSignificance(unsampled(0.93), stat(PR), 0.05)
    near(s?.pTwoSided, 0.06386598287726561)
    const t = testSignificance(stat(BASE), unsampled(0.86), 0.05)
    near(t?.pTwoSided, 0.11243236601804396)
  })

  it('counts the NaN samples it left out, on the side they were', () => {
    const s = testSignificance(stat([...BASE, NaN]), stat([0.86, NaN]), 0.05)
    expect(s).toMatchObject({ test: { method: 'prediction' }, excluded: { baseline: 1, current: 1 } })
    near(s?.pTwoSided, 0.11243236601804396)
    const t = testSignificance(stat([0.93, NaN]), stat([...PR, NaN]), 0.05)
    expect(t).toMatchObject({ test: { method: 'prediction' }, excluded: { baseline: 1, current: 1 } })
    near(t?.pTwoSided, 0.06386598287726561)
  })
})

describe('the edges of choosing a test', () => {
  it('two values on one side and one on the other are enough for the prediction test, either way round', () => {
    expect(testSignificance(stat([0.9, 0.92]), stat([0.86]), 0.05)?.test?.method).toBe('prediction')
    expect(testSignificance(stat([0.93]), stat([0.885, 0.9]), 0.05)?.test?.method).toBe('prediction')
  })

  it('two matched seeds a side are enough for the paired test', () => {
    const s = testSignificance(
      stat([0.9, 0.92], { sampleKeys: keys('seed', 1, 2) }),
      stat([0.885, 0.9], { sampleKeys: keys('seed', 1, 2) }),
      0.05
    )
    expect(s?.test).toMatchObject({ method: 'paired', pairs: 2 })
  })

  it('every seed must match: three of four in common is a mismatch', () => {
    const s = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 1, 4) }),
      stat(PR, { sampleKeys: ['seed1', 'seed2', 'seed3', 'seed5'] }),
      0.05
    )
    expect(s).toMatchObject({ fallback: 'keys-differ', test: { method: 'welch' } })
  })

  it('keys that are not all folds are paired plainly, and a mismatch of them is not about folds', () => {
    const mixed = ['fold0', 'seed1', 'seed2', 'seed3']
    const paired = testSignificance(stat(BASE, { sampleKeys: mixed }), stat(PR, { sampleKeys: mixed }), 0.05)
    expect(paired?.test?.method).toBe('paired')
    near(paired?.pTwoSided, 0.005207858944662818)
    const mismatch = testSignificance(
      stat(BASE, { sampleKeys: mixed }),
      stat(PR, { sampleKeys: keys('seed', 5, 4) }),
      0.05
    )
    expect(mismatch).toMatchObject({ fallback: 'keys-differ' })
    const mismatchPr = testSignificance(
      stat(BASE, { sampleKeys: keys('seed', 5, 4) }),
      stat(PR, { sampleKeys: mixed }),
      0.05
    )
    expect(mismatchPr).toMatchObject({ fallback: 'keys-differ' })
  })

  it('one run name without a seed among several leaves the runs unpaired without a reason', () => {
    const s = testSignificance(
      stat(BASE, { sampleRuns: ['main-seed1', 'main-seed2', 'main-a', 'main-seed4'] }),
      stat(PR, { sampleRuns: keys('pr-seed', 1, 4) }),
      0.05
    )
    expect(s?.test?.method).toBe('welch')
    expect(s).not.toHaveProperty('fallback')
  })
})

describe('the states that are not a test', () => {
  it('an exact difference ran no test', () => {
    expect(testSignificance(stat([0.9, 0.9]), stat([0.8, 0.8]), 0.05)).toMatchObject({
      state: 'exact',
      tested: false,
      significant: true
    })
  })

  it('a spread beyond the range of a double is uncomputable, which is not inconclusive', () => {
    expect(testSignificance(stat([-1.7e308, 1.7e308]), stat([0, 1]), 0.05)).toMatchObject({
      state: 'uncomputable',
      tested: false,
      method: 'welch'
    })
  })
})

describe('significance labels', () => {
  it('an exact difference of 0 is not significant; any other exact difference is', () => {
    expect(testSignificance(stat([0.9, 0.9]), stat([0.9, 0.9]), 0.05)).toMatchObject({
      state: 'exact',
      significant: false,
      exactDifference: 0
    })
    expect(testSignificance(stat([0.9, 0.9]), stat([0.8, 0.8]), 0.05)?.significant).toBe(true)
  })

  it('a p equal to alpha is not significant: significant means p < alpha', () => {
    const base = stat([0.9, 0.91, 0.89])
    const pr = stat([0.93, 0.94, 0.92])
    const p = testSignificance(base, pr, 0.05)?.pLabel as number
    expect(p).toBeGreaterThan(0)
    expect(testSignificance(base, pr, p)).toMatchObject({ state: 'within-noise', significant: false })
    expect(testSignificance(base, pr, p * (1 + 1e-12))).toMatchObject({
      state: 'significant',
      significant: true
    })
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

describe('best of k', () => {
  const base = stat([0.9, 0.91, 0.89])

  it('adjusts no drop of a maximized metric and no rise of a minimized one', () => {
    const worse = stat([0.87, 0.88, 0.86])
    expect(testSignificance(base, worse, 0.05, { goal: 'maximize', bestOf: 3 })?.bestOf).toBeUndefined()
    expect(testSignificance(worse, base, 0.05, { goal: 'minimize', bestOf: 3 })?.bestOf).toBeUndefined()
  })

  it('adjusts no change of exactly 0, whatever the goal', () => {
    // Means of 0.9 on both sides, with noise on one: the estimate is exactly 0.
    for (const goal of ['maximize', 'minimize'] as const) {
      const s = testSignificance(stat([0.8, 1]), stat([0.9, 0.9]), 0.05, { goal, bestOf: 3 })
      expect(s?.test?.estimate).toBe(0)
      expect(s?.bestOf).toBeUndefined()
      expect(s?.pTwoSided).toEqual(expect.any(Number))
      expect(s?.pLabel).toBe(s?.pTwoSided)
    }
  })
})
