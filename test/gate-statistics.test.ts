// What the gate tests, through compareRuns: the limit-shifted one-sided question, paired seeds, corrected folds,
// one run against several, Holm across gated metrics, best-of-k, numerically extreme values, and every rule
// boundary. Reference p-values from SciPy 1.17.1 (scipy.stats.ttest_ind), stored here.
import { recordFromExperiment, type BaselineRecord } from '../src/core/baseline.js'
import { compareRuns, type Comparison, type MetricComparison, type MoveCheck } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { checkRule } from '../src/core/rule-checks.js'
import { defaultRules, type MetricRule, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import type { SignificanceResult } from '../src/core/significance.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { statisticsSentence, violationMessage } from '../src/report/findings.js'
import { checkNote, testName } from '../src/report/significance.js'

/** Runs of one experiment; `repeat` names them `<name>-seed<i>`, `<name>-fold<i>`, or `<name>-r<i>` (no key). */
function runs(
  name: string,
  metrics: Record<string, number[]>,
  repeat: 'seed' | 'fold' | 'none' = 'seed',
  params: Run['params'] = {},
  offset = 0
): Run[] {
  const count = Math.max(...Object.values(metrics).map(v => v.length))
  return Array.from({ length: count }, (_, i) => {
    const suffix = repeat === 'none' ? `r${String.fromCharCode(97 + i + offset)}` : `${repeat}${i + offset}`
    return makeRun({
      id: `builtin:experiments/${name}-${suffix}`,
      name: count > 1 ? `${name}-${suffix}` : name,
      source: 'builtin',
      path: `experiments/${name}-${suffix}`,
      params,
      metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: v[i] }])),
      ...(repeat === 'none' && count > 1
        ? { metadata: { group: name, tags: [], status: 'finished', environment: {} } }
        : {})
    })
  })
}

function baselineOf(r: Run[]): BaselineRecord {
  return recordFromExperiment(makeExperiment('main', r))
}

function rulesWith(metrics: Record<string, MetricRule>, adjust: 'holm' | 'none' = 'holm'): Rules {
  const r = defaultRules()
  r.metrics = metrics
  r.significance = { alpha: 0.05, adjust }
  return r
}

const drop = (amount: number, relative = false, extra: Partial<MetricRule> = {}): MetricRule => ({
  goal: 'maximize',
  maxDrop: { amount, relative },
  ...extra
})

function metric(c: Comparison, name = 'accuracy'): MetricComparison {
  return c.metrics.find(m => m.name === name) as MetricComparison
}

function move(m: MetricComparison): MoveCheck {
  return m.checks.find(c => c.rule === 'max_drop' || c.rule === 'max_rise') as MoveCheck
}

describe('labels: two-sided p, named as such', () => {
  it('baseline [0.90, 0.91] vs PR [0.88, 0.885], unpaired: p = 0.0917 two-sided as R and SciPy print it', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: [0.88, 0.885] }, 'none'),
      baseline: baselineOf(runs('main', { accuracy: [0.9, 0.91] }, 'none')),
      rules: rulesWith({ accuracy: drop(0) })
    })
    const m = metric(c)
    expect(m.significance?.test?.method).toBe('welch')
    expect(Math.abs((m.significance?.pTwoSided as number) / 0.09171033896595471 - 1)).toBeLessThan(1e-9)
    expect(m.significance?.state).toBe('within-noise')
    // The gate's own question with max_drop 0 is the one-sided test: p = 0.0459 < 0.05 fails.
    expect(Math.abs((move(m).pOneSided as number) / (0.09171033896595471 / 2) - 1)).toBeLessThan(1e-9)
    expect(move(m)).toMatchObject({ outcome: 'significant', passed: false })
    expect(violationMessage(c.violations[0])).toMatch(/\(one-sided p = 0\.046, significant\)$/)
  })

  it('the gate tests against the limit: with max_drop 0.01 the same data gives p = 0.0994 and passes', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: [0.88, 0.885] }, 'none'),
      baseline: baselineOf(runs('main', { accuracy: [0.9, 0.91] }, 'none')),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    const check = move(metric(c))
    expect(Math.abs((check.pOneSided as number) / 0.09936369446726358 - 1)).toBeLessThan(1e-9)
    expect(check).toMatchObject({ outcome: 'within-noise', passed: true, crossed: true })
    expect(c.verdict).toBe('pass')
  })

  it('a true drop just beyond max_drop with 30 seeds a side is not "significant" (tested against the limit)', () => {
    const base = Array.from({ length: 30 }, (_, i) => 0.9 + 0.002 * Math.sin(i * 1.7))
    const pr = base.map((x, i) => x - 0.0051 + 0.002 * Math.cos(i * 2.3))
    const c = compareRuns({
      runs: runs('pr', { accuracy: pr }, 'none'),
      baseline: baselineOf(runs('main', { accuracy: base }, 'none')),
      rules: rulesWith({ accuracy: drop(0.005) })
    })
    const check = move(metric(c))
    expect(check.pOneSided).toBeGreaterThan(0.3)
    expect(check.passed).toBe(true)
    expect(metric(c).significance?.state).toBe('significant') // the drop itself is real; beyond the limit it is not
  })
})

describe('paired when the seeds match, Welch when they do not, said so', () => {
  const base = [0.9, 0.95, 0.85, 0.92, 0.88]
  const pr = base.map(x => x - 0.02) // every seed a little worse: clear when paired, lost in the spread when not

  it('the same seeds: the paired t-test sees a consistent drop that Welch cannot', () => {
    const noise = [0.001, -0.001, 0.002, 0, -0.002]
    const prNoisy = pr.map((x, i) => x + noise[i])
    const pairedReview = compareRuns({
      runs: runs('pr', { accuracy: prNoisy }),
      baseline: baselineOf(runs('main', { accuracy: base })),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    expect(metric(pairedReview).significance?.test?.method).toBe('paired')
    expect(metric(pairedReview).significance?.test?.pairs).toBe(5)
    expect(pairedReview.verdict).toBe('fail')
    const unpaired = compareRuns({
      runs: runs('pr', { accuracy: prNoisy }, 'seed', {}, 10),
      baseline: baselineOf(runs('main', { accuracy: base })),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    const s = metric(unpaired).significance as SignificanceResult
    expect(s.test?.method).toBe('welch')
    expect(s.fallback).toBe('keys-differ')
    expect(testName(s)).toBe("Welch's t-test; the seeds do not match, so runs are not paired")
    expect(unpaired.verdict).toBe('pass')
  })

  it('the seed from metadata pairs runs whose names say nothing', () => {
    const withSeeds = (name: string, values: number[]) =>
      runs(name, { accuracy: values }, 'none').map((r, i) => ({
        ...r,
        metadata: { ...r.metadata, seed: 7 + i }
      }))
    const c = compareRuns({
      runs: withSeeds('pr', [0.88, 0.93, 0.83]),
      baseline: baselineOf(withSeeds('main', [0.9, 0.95, 0.85])),
      rules: rulesWith({ accuracy: drop(0) })
    })
    expect(metric(c).significance?.test).toMatchObject({ method: 'paired', pairs: 3 })
    expect(c.verdict).toBe('fail')
  })
})

describe('folds: the corrected resampled t-test', () => {
  const A = [0.81, 0.79, 0.83, 0.8, 0.82]
  const B = [0.83, 0.8, 0.86, 0.81, 0.85]

  it('-fold<N> runs with matching indices use Nadeau–Bengio with ratio 1/(k − 1) (p = 0.0407 two-sided)', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: B }, 'fold'),
      baseline: baselineOf(runs('main', { accuracy: A }, 'fold')),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    const s = metric(c).significance as SignificanceResult
    expect(s.test).toMatchObject({ method: 'corrected-paired', testTrainRatio: 0.25 })
    expect(Math.abs((s.pTwoSided as number) / 0.04068152582748671 - 1)).toBeLessThan(1e-9)
    expect(testName(s)).toBe('Nadeau–Bengio corrected t-test over folds')
  })

  it('the ratio comes from the params (test_size 0.2 → 0.25; test_train_ratio 0.1)', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: B }, 'fold', { test_train_ratio: 0.1 }),
      baseline: baselineOf(runs('main', { accuracy: A }, 'fold')),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    const s = metric(c).significance as SignificanceResult
    expect(s.test?.testTrainRatio).toBe(0.1)
    expect(Math.abs((s.pTwoSided as number) / 0.021742978465236727 - 1)).toBeLessThan(1e-9)
  })

  it('fold indices that do not match fall back to Welch and say the folds are not corrected', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: B }, 'fold', {}, 5),
      baseline: baselineOf(runs('main', { accuracy: A }, 'fold')),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    const s = metric(c).significance as SignificanceResult
    expect(s).toMatchObject({ fallback: 'folds-unmatched' })
    expect(testName(s)).toMatch(/not corrected for shared training data/)
  })
})

describe('several gated metrics: Holm across them', () => {
  const names = ['a', 'b', 'c', 'd']
  const base = Object.fromEntries(names.map(n => [n, [0.9, 0.91, 0.905, 0.9]]))
  const pr = {
    a: [0.893, 0.903, 0.898, 0.891],
    b: [0.9, 0.91, 0.905, 0.9],
    c: [0.9, 0.91, 0.905, 0.9],
    d: [0.9, 0.91, 0.905, 0.9]
  }
  const gated = Object.fromEntries(names.map(n => [n, drop(0)]))

  it('adjusts the one-sided p-values of 4 gated metrics and says so', () => {
    const c = compareRuns({
      runs: runs('pr', pr, 'none'),
      baseline: baselineOf(runs('main', base, 'none')),
      rules: rulesWith(gated)
    })
    expect(c.gate).toEqual({ adjust: 'holm', family: 4 })
    const a = move(metric(c, 'a'))
    expect(a.adjustment).toEqual({ method: 'holm', family: 4 })
    expect(a.pAdjusted).toBeCloseTo(Math.min(1, 4 * (a.pOneSided as number)), 12)
    expect(statisticsSentence(c)).toMatch(/one-sided, adjusted for 4 gated metrics \(Holm\)/)
    expect(checkNote(a, metric(c, 'a').significance)).toMatch(/Holm-adjusted for 4 gated metrics/)
  })

  it('a drop significant alone (p < 0.05) but not after adjustment passes; adjust: none fails it', () => {
    const withHolm = compareRuns({
      runs: runs('pr', pr, 'none'),
      baseline: baselineOf(runs('main', base, 'none')),
      rules: rulesWith(gated)
    })
    const a = move(metric(withHolm, 'a'))
    expect(a.pOneSided).toBeLessThan(0.05)
    expect(a.pAdjusted).toBeGreaterThanOrEqual(0.05)
    expect(withHolm.verdict).toBe('pass')
    const without = compareRuns({
      runs: runs('pr', pr, 'none'),
      baseline: baselineOf(runs('main', base, 'none')),
      rules: rulesWith(gated, 'none')
    })
    expect(without.verdict).toBe('fail')
    expect(without.gate).toEqual({ adjust: 'none', family: 4 })
    expect(statisticsSentence(without)).toMatch(/not adjusted for the other gated metrics/)
  })

  it('significance.adjust is read from the rules file, holm by default', () => {
    expect(parseRulesFile('significance: { adjust: none }\n', 'r.yml').significance).toEqual({
      alpha: 0.05,
      adjust: 'none'
    })
    expect(parseRulesFile('significance: { alpha: 0.01 }\n', 'r.yml').significance).toEqual({
      alpha: 0.01,
      adjust: 'holm'
    })
    expect(() => parseRulesFile('significance: { adjust: bonferroni }\n', 'r.yml')).toThrow(/adjust/)
  })
})

describe('best of k: the champion is optimistic by selection', () => {
  it('an improvement of the best of 3 is judged with p × 3 and the comment says so', () => {
    const base = [0.9, 0.905, 0.895, 0.9]
    const c = compareRuns({
      runs: [
        ...runs('x', { accuracy: [0.906, 0.91, 0.903, 0.908] }, 'none'),
        ...runs('y', { accuracy: [0.9, 0.9, 0.9, 0.901] }, 'none'),
        ...runs('z', { accuracy: [0.899, 0.9, 0.898, 0.9] }, 'none')
      ],
      baseline: baselineOf(runs('main', { accuracy: base }, 'none')),
      rules: rulesWith({ accuracy: drop(0.01) })
    })
    expect(c.bestOf).toBe(3)
    const s = metric(c).significance as SignificanceResult
    expect(s.bestOf).toBe(3)
    expect(s.pLabel).toBeCloseTo(Math.min(1, 3 * (s.pTwoSided as number)), 15)
    expect(statisticsSentence(c)).toMatch(/best of 3 configurations, so its improvements are optimistic/)
  })

  it('a reviewer-picked champion is not adjusted', () => {
    const c = compareRuns({
      runs: [
        ...runs('x', { accuracy: [0.91, 0.92] }, 'none'),
        ...runs('y', { accuracy: [0.9, 0.91] }, 'none')
      ],
      baseline: baselineOf(runs('main', { accuracy: [0.9, 0.905] }, 'none')),
      rules: rulesWith({ accuracy: drop(0.01) }),
      championPick: { name: 'x' }
    })
    expect(c.bestOf).toBeUndefined()
    expect(metric(c).significance?.bestOf).toBeUndefined()
  })
})

describe('numerically safe', () => {
  it('values near 1e200: a 44% drop is significant and fails (no overflow, no NaN reading as noise)', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: [0.5, 0.52, 0.51].map(x => x * 1e200) }, 'none'),
      baseline: baselineOf(runs('main', { accuracy: [0.9, 0.91, 0.905].map(x => x * 1e200) }, 'none')),
      rules: rulesWith({ accuracy: drop(0.01, true) })
    })
    expect(metric(c).significance?.state).toBe('significant')
    expect(c.verdict).toBe('fail')
  })

  it('a metric around 1e-12 is judged on its own scale: a 40% change is not "unchanged"', () => {
    const c = compareRuns({
      runs: runs('pr', { accuracy: [0.5e-12, 0.52e-12, 0.51e-12] }, 'none'),
      baseline: baselineOf(runs('main', { accuracy: [0.9e-12, 0.91e-12, 0.905e-12] }, 'none')),
      rules: rulesWith({})
    })
    expect(metric(c).status).toBe('regressed')
    expect(metric(c).significance?.state).toBe('significant')
  })

  it('a p that cannot be computed is stated and fails a gated metric closed, even within the limit', () => {
    const stat = (value: number) => ({ value, samples: [value, value], n: 2 })
    const uncomputable: SignificanceResult = {
      state: 'uncomputable',
      tested: false,
      n: { baseline: 2, current: 2 },
      excluded: { baseline: 0, current: 0 },
      alpha: 0.05
    }
    const [check] = checkRule(drop(0.01), stat(0.9), stat(0.9), uncomputable, 0.05)
    expect(check).toMatchObject({ outcome: 'uncomputable', passed: false })
    expect(checkNote(check, uncomputable)).toBe('the p-value could not be computed, so the gate fails closed')
  })
})

describe('every rule boundary', () => {
  const one = (base: number, pr: number, rule: MetricRule) =>
    compareRuns({
      runs: runs('pr', { accuracy: [pr] }),
      baseline: baselineOf(runs('main', { accuracy: [base] })),
      rules: rulesWith({ accuracy: rule })
    })

  it('one run a side: a drop exactly at max_drop passes, a hair beyond fails as untested (no noise estimate)', () => {
    expect(move(metric(one(0.9, 0.89, drop(0.01)))).outcome).toBe('within-limit')
    const beyond = one(0.9, 0.889, drop(0.01))
    expect(move(metric(beyond))).toMatchObject({ outcome: 'untested', passed: false })
    expect(checkNote(move(metric(beyond)), undefined)).toBe(
      'one run a side: no noise estimate; the raw change decides'
    )
    expect(violationMessage(beyond.violations[0])).toMatch(/\(one run a side: no noise estimate\)$/)
  })

  it('relative limits scale with |baseline|; a rise is the mirror of a drop', () => {
    expect(move(metric(one(-2, -2.019, drop(0.01, true)))).passed).toBe(true)
    expect(move(metric(one(-2, -2.021, drop(0.01, true)))).passed).toBe(false)
    const rise: MetricRule = { goal: 'minimize', maxRise: { amount: 5, relative: false } }
    expect(move(metric(one(40, 45, rise))).passed).toBe(true)
    expect(move(metric(one(40, 45.01, rise)))).toMatchObject({ rule: 'max_rise', passed: false })
    expect(move(metric(one(40, 10, rise))).passed).toBe(true) // a fall is never a rise
  })

  it('min and max are inclusive; NaN never passes', () => {
    const bound = (value: number, rule: MetricRule) =>
      metric(compareRuns({ runs: runs('pr', { accuracy: [value] }), rules: rulesWith({ accuracy: rule }) }))
        .checks[0]
    expect(bound(0.8, { min: 0.8 }).passed).toBe(true)
    expect(bound(0.7999, { min: 0.8 }).passed).toBe(false)
    expect(bound(50, { max: 50 }).passed).toBe(true)
    expect(bound(50.001, { max: 50 }).passed).toBe(false)
    expect(bound(NaN, { min: 0 }).passed).toBe(false)
    expect(bound(NaN, { max: 1 }).passed).toBe(false)
  })

  it('require_significance: false fails on the observed change alone, and passes within the limit', () => {
    const base = [0.9, 0.95, 0.85, 0.92, 0.88]
    const noisy = [0.82, 0.9, 0.93, 0.86, 0.87]
    const strict = (pr: number[]) =>
      compareRuns({
        runs: runs('pr', { accuracy: pr }),
        baseline: baselineOf(runs('main', { accuracy: base })),
        rules: rulesWith({ accuracy: drop(0.01, false, { requireSignificance: false }) })
      })
    expect(move(metric(strict(noisy)))).toMatchObject({ outcome: 'noise-not-required', passed: false })
    expect(move(metric(strict(base.map(x => x - 0.005))))).toMatchObject({
      outcome: 'within-limit',
      passed: true
    })
  })

  it('the bound of the drop is on the side of the verdict: above the limit exactly when the gate fails', () => {
    const base = [0.9, 0.905, 0.895, 0.9, 0.902]
    for (const shift of [0.005, 0.012, 0.02, 0.04]) {
      const c = compareRuns({
        runs: runs('pr', { accuracy: base.map((x, i) => x - shift + [0.002, -0.001, 0, 0.001, -0.002][i]) }),
        baseline: baselineOf(runs('main', { accuracy: base })),
        rules: rulesWith({ accuracy: drop(0.01) })
      })
      const check = move(metric(c))
      expect(check.bound?.level).toBeCloseTo(0.95, 15)
      expect((check.bound?.value as number) > 0.01).toBe(!check.passed)
    }
  })
})
