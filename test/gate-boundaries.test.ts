// The gate on the edge of every rule: values exactly on a floor, ceiling or limit, a metric that vanished or
// was never reported, an acceptance that covers one metric only, and "unchanged" around the tolerance.
// Single runs on both sides, so no noise test blurs the boundary.
import { recordFromExperiment, type AcceptedRegression } from '../src/core/baseline.js'
import { compareRuns, type Comparison } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { compareMetric } from '../src/core/metric-comparison.js'
import { adjustGate, checkRule, limitOf, toleranceFor } from '../src/core/rule-checks.js'
import { collectViolations } from '../src/core/violations.js'
import type { OverfittingResult } from '../src/core/criteria.js'
import {
  defaultRules,
  goalOf,
  isGated,
  thresholdText,
  type MetricRule,
  type Rules
} from '../src/core/rules.js'
import type { MetricStat } from '../src/core/experiment.js'
import type { MoveCheck } from '../src/core/compare.js'
import type { SignificanceResult } from '../src/core/significance.js'
import { run } from './helpers/runs.js'

function rulesOf(metrics: Record<string, MetricRule>): Rules {
  return { ...defaultRules(), metrics }
}

/** Reviews one PR run against one baseline run (or none) under the given rules. */
function gate(
  pr: Record<string, number>,
  base: Record<string, number> | undefined,
  metrics: Record<string, MetricRule>,
  accepted: AcceptedRegression[] = []
): Comparison {
  return compareRuns({
    runs: [run('pr', pr)],
    baseline: base ? recordFromExperiment(makeExperiment('main', [run('main', base)])) : undefined,
    rules: rulesOf(metrics),
    accepted
  })
}

const broken = (c: Comparison) => c.violations.filter(v => !v.accepted).map(v => `${v.metric}:${v.rule}`)
/** A single-run value. */
const one = (value: number): MetricStat => ({ value, n: 1, samples: [value] })
const abs = (amount: number) => ({ amount, relative: false })
const rel = (amount: number) => ({ amount, relative: true })
const acceptance = (metric: string): AcceptedRegression => ({
  metric,
  reason: 'known trade-off',
  by: 'alice',
  at: '2026-11-19T10:00:00Z'
})

describe('min and max', () => {
  it('a champion below its min floor fails the gate', () => {
    const c = gate({ accuracy: 0.84 }, { accuracy: 0.9 }, { accuracy: { min: 0.85 } })
    expect(broken(c)).toEqual(['accuracy:min'])
    expect(c.verdict).toBe('fail')
  })

  it('a champion exactly on its min floor passes', () => {
    const c = gate({ accuracy: 0.85 }, { accuracy: 0.9 }, { accuracy: { min: 0.85 } })
    expect(c.violations).toEqual([])
    expect(c.verdict).toBe('pass')
  })

  it('a champion above its max ceiling fails; exactly on it passes', () => {
    expect(broken(gate({ latency: 50.5 }, { latency: 40 }, { latency: { max: 50 } }))).toEqual([
      'latency:max'
    ])
    const onLimit = gate({ latency: 50 }, { latency: 40 }, { latency: { max: 50 } })
    expect(onLimit.violations).toEqual([])
    expect(onLimit.verdict).toBe('pass')
  })

  it('a NaN value passes neither a floor nor a ceiling', () => {
    const c = gate({ score: NaN }, { score: 1 }, { score: { min: 0, max: 2 } })
    expect(broken(c)).toEqual(['score:min', 'score:max'])
  })

  it('records the floor or ceiling it checked', () => {
    const c = gate({ a: 1, b: 9 }, { a: 1, b: 9 }, { a: { min: 0.5 }, b: { max: 10 } })
    expect(c.metrics.find(m => m.name === 'a')?.checks).toEqual([{ rule: 'min', limit: 0.5, passed: true }])
    expect(c.metrics.find(m => m.name === 'b')?.checks).toEqual([{ rule: 'max', limit: 10, passed: true }])
  })

  it('floors and ceilings apply without a baseline, and then fail the review', () => {
    const c = gate({ accuracy: 0.5 }, undefined, { accuracy: { min: 0.85 } })
    expect(broken(c)).toEqual(['accuracy:min'])
    expect(c.verdict).toBe('fail')
    expect(gate({ accuracy: 0.9 }, undefined, { accuracy: { min: 0.85 } }).verdict).toBe('no-baseline')
  })
})

describe('max_drop and max_rise on the limit', () => {
  it('a drop exactly equal to max_drop passes; a drop just beyond it fails', () => {
    const rule = { accuracy: { maxDrop: abs(0.25) } }
    const onLimit = gate({ accuracy: 0.5 }, { accuracy: 0.75 }, rule)
    expect(onLimit.metrics[0].checks).toEqual([
      expect.objectContaining({ rule: 'max_drop', outcome: 'within-limit', passed: true })
    ])
    expect(onLimit.verdict).toBe('pass')
    const beyond = gate({ accuracy: 0.4999 }, { accuracy: 0.75 }, rule)
    expect(beyond.metrics[0].checks).toEqual([
      expect.objectContaining({ rule: 'max_drop', outcome: 'untested', passed: false })
    ])
    expect(beyond.verdict).toBe('fail')
  })

  it('a relative max_drop is measured against the size of the baseline, also when it is negative', () => {
    const rule = { reward: { maxDrop: rel(0.1) } }
    expect(gate({ reward: -110 }, { reward: -100 }, rule).verdict).toBe('pass')
    expect(gate({ reward: -110.5 }, { reward: -100 }, rule).verdict).toBe('fail')
    expect(limitOf(rel(0.1), -100)).toBeCloseTo(10, 12)
    expect(limitOf(abs(0.1), -100)).toBe(0.1)
  })

  it('a rise exactly equal to max_rise passes; beyond it fails; a drop never breaks max_rise', () => {
    const rule = { latency: { goal: 'minimize' as const, maxRise: abs(10) } }
    expect(gate({ latency: 50 }, { latency: 40 }, rule).verdict).toBe('pass')
    expect(broken(gate({ latency: 50.01 }, { latency: 40 }, rule))).toEqual(['latency:max_rise'])
    expect(gate({ latency: 10 }, { latency: 40 }, rule).verdict).toBe('pass')
  })

  it('a rise never breaks max_drop', () => {
    expect(gate({ accuracy: 0.99 }, { accuracy: 0.5 }, { accuracy: { maxDrop: abs(0.01) } }).verdict).toBe(
      'pass'
    )
  })

  it('an infinite value is not comparable and fails a drop rule', () => {
    const c = gate({ accuracy: Infinity }, { accuracy: 0.5 }, { accuracy: { maxDrop: abs(0.01) } })
    expect(c.metrics[0].checks).toEqual([
      expect.objectContaining({ rule: 'max_drop', outcome: 'not-comparable', passed: false })
    ])
    expect(c.verdict).toBe('fail')
  })

  it('drop and rise rules wait for a baseline', () => {
    const c = gate({ accuracy: 0.1 }, undefined, { accuracy: { maxDrop: abs(0.01), maxRise: abs(0.01) } })
    expect(c.metrics[0].checks).toEqual([])
    expect(c.verdict).toBe('no-baseline')
  })
})

describe('required and vanished metrics', () => {
  it('a required metric reported on neither side fails the gate', () => {
    const c = gate({ accuracy: 0.9 }, { accuracy: 0.9 }, { recall: { required: true } })
    expect(c.violations).toEqual([
      expect.objectContaining({
        metric: 'recall',
        rule: 'required',
        check: { rule: 'required', missing: 'not-reported', passed: false }
      })
    ])
    expect(c.verdict).toBe('fail')
  })

  it('a required metric the champion reports passes', () => {
    const c = gate({ recall: 0.7 }, { recall: 0.7 }, { recall: { required: true } })
    expect(c.verdict).toBe('pass')
  })

  it.each<[string, MetricRule]>([
    ['min', { min: 0 }],
    ['max', { max: 1 }],
    ['required', { required: true }],
    ['max_drop', { maxDrop: abs(0.01) }],
    ['max_rise', { maxRise: abs(0.01) }]
  ])('a metric gated only by %s that vanishes fails the gate', (_, rule) => {
    const c = gate({ other: 1 }, { other: 1, recall: 0.5 }, { recall: rule })
    expect(c.violations).toEqual([
      expect.objectContaining({
        metric: 'recall',
        check: { rule: 'required', missing: 'vanished', passed: false }
      })
    ])
    expect(c.verdict).toBe('fail')
  })

  it('a metric with only a goal may vanish: it warns, it does not gate', () => {
    const c = gate({ other: 1 }, { other: 1, recall: 0.5 }, { recall: { goal: 'maximize' } })
    expect(c.violations).toEqual([])
    expect(c.verdict).toBe('pass')
    expect(c.warnings.map(w => w.kind)).toContain('vanished-metric')
  })

  it('isGated names exactly the rules that can fail the gate', () => {
    expect(isGated(undefined)).toBe(false)
    expect(isGated({})).toBe(false)
    expect(isGated({ goal: 'minimize', requireSignificance: false })).toBe(false)
    expect(isGated({ required: false })).toBe(false)
    for (const rule of [{ min: 0 }, { max: 0 }, { maxDrop: abs(0) }, { maxRise: abs(0) }, { required: true }])
      expect(isGated(rule)).toBe(true)
  })

  it('gated metrics are listed after the primary and before the others', () => {
    const rules = rulesOf({ zeta: { min: 0 }, alpha: { goal: 'maximize' } })
    rules.primary = 'omega'
    const c = compareRuns({
      runs: [run('pr', { alpha: 1, beta: 1, omega: 1, zeta: 1 })],
      rules
    })
    expect(c.metrics.map(m => m.name)).toEqual(['omega', 'zeta', 'alpha', 'beta'])
  })
})

describe('accepted regressions', () => {
  it("accepting one metric's regression does not excuse another metric's broken rule", () => {
    const c = gate(
      { accuracy: 0.8, latency: 70 },
      { accuracy: 0.9, latency: 40 },
      { accuracy: { maxDrop: abs(0.01) }, latency: { goal: 'minimize', max: 50 } },
      [acceptance('accuracy')]
    )
    expect(broken(c)).toEqual(['latency:max'])
    expect(c.verdict).toBe('fail')
    const latency = c.metrics.find(m => m.name === 'latency')
    expect(latency).toMatchObject({ broken: true })
    expect(latency?.accepted).toBeUndefined()
    expect(c.metrics.find(m => m.name === 'accuracy')).toMatchObject({ broken: false })
  })

  it('an acceptance attaches only to a metric whose rule failed', () => {
    const c = gate({ accuracy: 0.95 }, { accuracy: 0.9 }, { accuracy: { maxDrop: abs(0.01) } }, [
      acceptance('accuracy')
    ])
    expect(c.metrics[0].accepted).toBeUndefined()
    expect(c.metrics[0].broken).toBe(false)
  })
})

describe('which way a metric moved', () => {
  const rules = rulesOf({ loss: { goal: 'minimize' }, accuracy: { goal: 'maximize' } })
  const status = (name: string, base: number, current: number) =>
    compareMetric(name, one(base), one(current), rules).status

  it('changes inside the tolerance are unchanged, just beyond it improved or regressed', () => {
    expect(status('accuracy', 0.5, 0.5)).toBe('unchanged')
    expect(status('accuracy', 0.5, 0.5 + 1e-13)).toBe('unchanged')
    expect(status('accuracy', 0.5, 0.5 - 1e-13)).toBe('unchanged')
    expect(status('accuracy', 0.5, 0.5 + 1e-9)).toBe('improved')
    expect(status('accuracy', 0.5, 0.5 - 1e-9)).toBe('regressed')
    expect(status('loss', 0.5, 0.5 - 1e-9)).toBe('improved')
    expect(status('loss', 0.5, 0.5 + 1e-9)).toBe('regressed')
    expect(status('loss', 0.5, 0.5 + 1e-13)).toBe('unchanged')
  })

  it('reports the absolute and relative change; no relative change against a zero baseline', () => {
    const m = compareMetric('accuracy', one(-0.5), one(-0.25), rules)
    expect(m.change).toBeCloseTo(0.25, 12)
    expect(m.relativeChange).toBeCloseTo(0.5, 12)
    const fromZero = compareMetric('accuracy', one(0), one(1), rules)
    expect(fromZero.change).toBe(1)
    expect(fromZero.relativeChange).toBeUndefined()
  })

  it('added, removed and not-comparable metrics carry no change and no test', () => {
    const added = compareMetric('accuracy', undefined, one(1), rules)
    expect(added).toMatchObject({ status: 'added', change: undefined, significance: undefined })
    const removed = compareMetric('accuracy', one(1), undefined, rules)
    expect(removed).toMatchObject({ status: 'removed', change: undefined, significance: undefined })
    const nan = compareMetric('accuracy', one(NaN), one(1), rules)
    expect(nan).toMatchObject({ status: 'not-comparable', change: undefined, significance: undefined })
  })
})

describe('thresholdText', () => {
  it('shows a relative threshold as a percentage and an absolute one as the number', () => {
    expect(thresholdText(rel(0.01))).toBe('1%')
    expect(thresholdText(rel(0.125))).toBe('12.5%')
    expect(thresholdText(abs(0.01))).toBe('0.01')
  })
})

/** A metric's samples as the experiment grouping makes them: the mean of the finite ones, all of them kept. */
function samplesOf(samples: number[], runs?: string[]): MetricStat {
  const finite = samples.filter(Number.isFinite)
  const value = finite.length ? finite.reduce((s, x) => s + x, 0) / finite.length : samples[0]
  return {
    value,
    n: Math.max(1, finite.length),
    samples,
    nonFinite: samples.length - finite.length,
    ...(runs ? { sampleRuns: runs } : {})
  }
}

/** One metric, `accuracy`, of samples on both sides under one rule. */
function judge(base: number[] | undefined, pr: number[], rule: MetricRule, adjust: 'holm' | 'none' = 'holm') {
  const rules = rulesOf({ accuracy: rule })
  rules.significance = { alpha: 0.05, adjust }
  return compareMetric(
    'accuracy',
    base && samplesOf(base),
    samplesOf(
      pr,
      pr.map((_, i) => `pr-seed${i}`)
    ),
    rules
  )
}

describe('diverged seeds', () => {
  it('half or more of the PR samples not finite fails a gated rule and names those runs', () => {
    const m = judge([0.9, 0.91, 0.9, 0.91], [0.9, NaN, 0.91, Infinity], { min: 0.5 })
    expect(m.checks).toEqual([
      { rule: 'diverged', nonFinite: 2, samples: 4, runs: ['pr-seed1', 'pr-seed3'], passed: false }
    ])
    expect(m.broken).toBe(true)
  })

  it('fewer than half is judged on the finite samples', () => {
    expect(judge(undefined, [0.9, NaN, 0.91, 0.92], { min: 0.5 }).checks).toEqual([
      { rule: 'min', limit: 0.5, passed: true }
    ])
    expect(judge(undefined, [0.9, 0.91, NaN], { min: 0.5 }).checks).toEqual([
      { rule: 'min', limit: 0.5, passed: true }
    ])
  })

  it('a single non-finite run is no divergence but passes no floor', () => {
    expect(judge(undefined, [NaN], { min: 0.5 }).checks).toEqual([{ rule: 'min', limit: 0.5, passed: false }])
  })

  it('a metric without a gating rule is never checked, diverged or not', () => {
    expect(judge(undefined, [NaN, NaN], { goal: 'maximize' }).checks).toEqual([])
  })
})

describe('drop and rise rules judged by the test (Welch, df 4; reference values from SciPy)', () => {
  // Baseline 1.5 ± 0.1 and PR 1.0 ± 0.1, three runs each: se = 0.0816497, t(0.95, 4) = 2.1318468.
  const high = [1.5, 1.6, 1.4]
  const low = [1.0, 1.1, 0.9]

  it('a drop of 0.5 against max_drop 0.1 is significant: p = 0.0040249, the bound of the drop 0.3259354', () => {
    const [check] = judge(high, low, { maxDrop: abs(0.1) }).checks
    expect(check).toMatchObject({
      rule: 'max_drop',
      limit: 0.1,
      crossed: true,
      outcome: 'significant',
      passed: false
    })
    if (check.rule !== 'max_drop') throw new Error('expected a max_drop check')
    expect(check.move).toBeCloseTo(0.5, 12)
    expect(check.pOneSided).toBeCloseTo(0.004024946550418877, 9)
    expect(check.bound?.level).toBe(0.95)
    expect(check.bound?.value).toBeCloseTo(0.3259354387902529, 9)
    expect(check.inconclusive).toBeUndefined()
    expect(check.pAdjusted).toBeUndefined()
    expect(check.adjustment).toBeUndefined()
  })

  it('the mirror rise against max_rise 0.1 gives the same p and bound', () => {
    const [check] = judge(low, high, { maxRise: abs(0.1) }).checks
    expect(check).toMatchObject({ rule: 'max_rise', crossed: true, outcome: 'significant', passed: false })
    if (check.rule !== 'max_rise') throw new Error('expected a max_rise check')
    expect(check.pOneSided).toBeCloseTo(0.004024946550418877, 9)
    expect(check.bound?.value).toBeCloseTo(0.3259354387902529, 9)
  })

  it('beyond max_drop 0.45 but within noise (p = 0.2867) passes, unless significance is not required', () => {
    const [noisy] = judge(high, low, { maxDrop: abs(0.45) }).checks
    expect(noisy).toMatchObject({ crossed: true, outcome: 'within-noise', passed: true })
    if (noisy.rule !== 'max_drop') throw new Error('expected a max_drop check')
    expect(noisy.pOneSided).toBeCloseTo(0.28669612691267776, 9)
    const [strict] = judge(high, low, { maxDrop: abs(0.45), requireSignificance: false }).checks
    expect(strict).toMatchObject({ crossed: true, outcome: 'noise-not-required', passed: false })
    if (strict.rule !== 'max_drop') throw new Error('expected a max_drop check')
    expect(strict.inconclusive).toBeUndefined()
  })

  it('a significant drop beyond the limit fails also when significance is not required', () => {
    const [check] = judge(high, low, { maxDrop: abs(0.1), requireSignificance: false }).checks
    expect(check).toMatchObject({ outcome: 'significant', passed: false, requireSignificance: false })
  })

  it('within max_drop 0.6 (p = 0.856) passes either way', () => {
    for (const requireSignificance of [true, false]) {
      const [check] = judge(high, low, { maxDrop: abs(0.6), requireSignificance }).checks
      expect(check).toMatchObject({ crossed: false, outcome: 'within-limit', passed: true })
      if (check.rule !== 'max_drop') throw new Error('expected a max_drop check')
      expect(check.pOneSided).toBeCloseTo(0.856067932636655, 9)
    }
  })

  it('a rise never breaks max_drop and a drop never breaks max_rise, tested or not', () => {
    expect(judge(low, high, { maxDrop: abs(0.1) }).checks[0]).toMatchObject({ crossed: false, passed: true })
    expect(judge(high, low, { maxRise: abs(0.1) }).checks[0]).toMatchObject({ crossed: false, passed: true })
  })
})

describe('drop rules without a test', () => {
  it('no variance on either side: the exact drop beyond the limit fails as exact', () => {
    const [check] = judge([0.9, 0.9], [0.8, 0.8], { maxDrop: abs(0.05) }).checks
    expect(check).toMatchObject({ outcome: 'exact', passed: false })
    if (check.rule !== 'max_drop') throw new Error('expected a max_drop check')
    expect(check.inconclusive).toBeUndefined()
    expect(judge([0.9, 0.9], [0.8, 0.8], { maxDrop: abs(0.2) }).checks[0]).toMatchObject({
      outcome: 'within-limit',
      passed: true
    })
  })

  it('too few finite samples to judge noise: the raw drop decides and the check says inconclusive', () => {
    const [check] = judge([0.9, NaN], [0.8], { maxDrop: abs(0.05) }).checks
    expect(check).toMatchObject({ outcome: 'inconclusive', inconclusive: true, passed: false })
    expect(judge([0.9, NaN], [0.8], { maxDrop: abs(0.2) }).checks[0]).toMatchObject({
      outcome: 'within-limit',
      passed: true
    })
  })

  it('a limit that is not a finite number is not comparable and fails', () => {
    expect(judge([0.9], [0.9], { maxDrop: abs(Infinity) }).checks[0]).toMatchObject({
      outcome: 'not-comparable',
      passed: false
    })
  })
})

describe('which way a metric is better, from its name', () => {
  it.each([
    'loss',
    'val_loss',
    'eval/error',
    'err',
    'p95_latency',
    'inference-time',
    'duration',
    'model_size',
    'rmse',
    'mse',
    'mae',
    'mape',
    'perplexity',
    'ppl',
    'wer',
    'test_cer',
    'gpu_memory',
    'runtime',
    'Val-Loss',
    'loss2'
  ])('%s is minimised', name => {
    expect(goalOf(name, rulesOf({}))).toEqual({ goal: 'minimize', from: 'name' })
  })

  it.each(['accuracy', 'f1', 'answer_rate', 'timestamp_count', 'lossless_ratio'])('%s is maximised', name => {
    expect(goalOf(name, rulesOf({}))).toEqual({ goal: 'maximize', from: 'name' })
  })

  it("the rule's goal wins over the name", () => {
    expect(goalOf('loss', rulesOf({ loss: { goal: 'maximize' } }))).toEqual({
      goal: 'maximize',
      from: 'rule'
    })
  })
})

describe('violations', () => {
  it('each failed check is a violation with its values and the line of its rule', () => {
    const rules = rulesOf({ accuracy: { min: 0.95, maxDrop: abs(0.01) }, loss: { max: 1 } })
    rules.origin = { file: '.experiments/rules.yml', lines: { accuracy: 4, loss: 9 } }
    const c = compareRuns({
      runs: [run('pr', { accuracy: 0.9, loss: 0.5 })],
      baseline: recordFromExperiment(makeExperiment('main', [run('main', { accuracy: 0.96, loss: 0.4 })])),
      rules
    })
    expect(c.violations.map(v => [v.metric, v.rule, v.line])).toEqual([
      ['accuracy', 'min', 4],
      ['accuracy', 'max_drop', 4]
    ])
    const [first] = c.violations
    if (first.rule === 'overfitting') throw new Error('expected a metric violation')
    expect(first.baseline?.value).toBe(0.96)
    expect(first.current?.value).toBe(0.9)
    expect(first.accepted).toBeUndefined()
  })
})

describe('edges the mutation run found unguarded', () => {
  it('a rule for a metric neither side reports adds no metric row (the review names it unknown instead)', () => {
    const c = gate({ accuracy: 0.9 }, { accuracy: 0.9 }, { acuracy: { min: 0.5 } })
    expect(c.metrics.map(m => m.name)).toEqual(['accuracy'])
    expect(c.verdict).toBe('fail')
  })

  it('one failed check of several breaks the metric', () => {
    const [m] = gate({ accuracy: 0.9 }, undefined, { accuracy: { min: 0.5, max: 0.8 } }).metrics
    expect(m.checks.map(c => c.passed)).toEqual([true, false])
    expect(m.broken).toBe(true)
  })

  it('metrics with a rule that cannot fail come after gated ones and before unruled ones', () => {
    const rules = rulesOf({ zeta: { min: 0 }, yankee: { goal: 'maximize' } })
    const c = compareRuns({ runs: [run('pr', { alpha: 1, yankee: 1, zeta: 1 })], rules })
    expect(c.metrics.map(m => m.name)).toEqual(['zeta', 'yankee', 'alpha'])
  })

  it('a metric that is not comparable gets no significance test, even with samples on both sides', () => {
    const m = judge([0.9, 0.91], [NaN, NaN], { goal: 'maximize' })
    expect(m.status).toBe('not-comparable')
    expect(m.significance).toBeUndefined()
  })

  it('a drop and a rise rule of different metrics are adjusted together (Holm, family of 2)', () => {
    const rules = rulesOf({ accuracy: { maxDrop: abs(0.01) }, loss: { maxRise: abs(0.01) } })
    const base = makeExperiment('main', [
      run('main-seed1', { accuracy: 0.9, loss: 0.3 }),
      run('main-seed2', { accuracy: 0.91, loss: 0.31 }),
      run('main-seed3', { accuracy: 0.89, loss: 0.29 })
    ])
    const c = compareRuns({
      runs: [
        run('pr-seed4', { accuracy: 0.8, loss: 0.4 }),
        run('pr-seed5', { accuracy: 0.81, loss: 0.41 }),
        run('pr-seed6', { accuracy: 0.79, loss: 0.39 })
      ],
      baseline: recordFromExperiment(base),
      rules
    })
    for (const name of ['accuracy', 'loss']) {
      const check = c.metrics.find(m => m.name === name)?.checks[0]
      expect(check).toMatchObject({ adjustment: { method: 'holm', family: 2 } })
    }
  })

  it('a max_drop of 0 allows no drop, and no change at all passes', () => {
    expect(judge([0], [0], { maxDrop: abs(0) }).checks[0]).toMatchObject({ crossed: false, passed: true })
    expect(judge([0.5], [0.5], { maxDrop: abs(0) }).checks[0]).toMatchObject({ crossed: false, passed: true })
    expect(judge([0.5], [0.4], { maxDrop: abs(0) }).checks[0]).toMatchObject({ crossed: true, passed: false })
  })

  it('a p exactly at alpha is not significant: the drop beyond the limit passes as within noise', () => {
    const check = {
      rule: 'max_drop' as const,
      threshold: abs(0.01),
      limit: 0.01,
      move: 0.02,
      crossed: true,
      outcome: 'within-limit' as const,
      passed: true,
      pOneSided: 0.05,
      requireSignificance: true,
      alpha: 0.05
    }
    const [judged] = adjustGate([{ check }], { significance: { alpha: 0.05, adjust: 'holm' } })
    expect(judged).toMatchObject({ outcome: 'within-noise', passed: true })
  })

  it('the tolerance is relative to the largest finite value, and leaves out NaN and infinities', () => {
    expect(toleranceFor(NaN, -2)).toBe(2e-12)
    expect(toleranceFor(Infinity, 0.5)).toBe(0.5e-12)
    expect(toleranceFor()).toBe(0)
  })

  it('seeds that diverged without run names name no runs', () => {
    const rules = rulesOf({ accuracy: { min: 0.5 } })
    const m = compareMetric('accuracy', undefined, samplesOf([NaN, 0.9]), rules)
    expect(m.checks).toEqual([{ rule: 'diverged', nonFinite: 1, samples: 2, runs: [], passed: false }])
  })

  it("the champion's overfitting gap is a violation with its line, accepted by an acceptance of the validation metric", () => {
    const gap: OverfittingResult = {
      run: 'pr',
      train: 'train_acc',
      val: 'val_acc',
      trainValue: 0.99,
      valValue: 0.8,
      gap: 0.19,
      maxGap: 0.05,
      goal: 'maximize',
      exceeded: true,
      gates: true
    }
    const rules = rulesOf({})
    rules.origin = { file: '.experiments/rules.yml', lines: { overfitting: 12 } }
    const [violation] = collectViolations([], [gap], rules, [acceptance('val_acc')])
    expect(violation).toMatchObject({
      rule: 'overfitting',
      metric: 'val_acc',
      line: 12,
      accepted: { metric: 'val_acc' }
    })
    expect(collectViolations([], [gap], rules, [acceptance('train_acc')])[0].accepted).toBeUndefined()
    expect(collectViolations([], [{ ...gap, gates: false }], rules)).toEqual([])
    expect(collectViolations([], [{ ...gap, exceeded: false }], rules)).toEqual([])
  })

  it('without a rules file: alpha 0.05 with Holm across gated metrics, seeds and folds grouped, commands need write', () => {
    const defaults = defaultRules()
    expect(defaults.significance).toEqual({ alpha: 0.05, adjust: 'holm' })
    expect(defaults.grouping).toEqual({ patterns: ['-seed<N>', '-fold<N>'] })
    expect(defaults.commands).toEqual({ permission: 'write' })
  })

  it('an overfitting violation without a rules file has no line', () => {
    const gap: OverfittingResult = {
      run: 'pr',
      train: 'train_loss',
      val: 'val_loss',
      trainValue: 0.1,
      valValue: 0.4,
      gap: 0.3,
      maxGap: 0.1,
      goal: 'minimize',
      exceeded: true,
      gates: true
    }
    const [violation] = collectViolations([], [gap], rulesOf({}))
    expect(violation).toMatchObject({ rule: 'overfitting', metric: 'val_loss' })
    expect(violation.line).toBeUndefined()
  })

  it('a metric at exactly 0 on both sides is unchanged, whatever its goal (no tolerance to exceed)', () => {
    const c = gate({ accuracy: 0, loss: 0 }, { accuracy: 0, loss: 0 }, {})
    expect(c.metrics.map(m => [m.name, m.goal, m.status])).toEqual([
      ['accuracy', 'maximize', 'unchanged'],
      ['loss', 'minimize', 'unchanged']
    ])
  })
})

describe('a p-value that cannot be computed', () => {
  const uncomputable: SignificanceResult = {
    state: 'uncomputable',
    tested: false,
    n: { baseline: 2, current: 2 },
    excluded: { baseline: 0, current: 0 },
    alpha: 0.05
  }
  const pair = (value: number): MetricStat => ({ value, n: 2, samples: [value, value] })

  it.each([
    ['max_drop', { maxDrop: abs(0.01) }, 0.9, 0.9],
    ['max_drop', { maxDrop: abs(0.01) }, 0.9, 0.5],
    ['max_rise', { maxRise: abs(0.01) }, 0.3, 0.3],
    ['max_rise', { maxRise: abs(0.01) }, 0.3, 0.6]
  ] as const)(
    'fails a %s rule closed, within the limit or beyond (%p, %p → %p)',
    (rule, metricRule, base, pr) => {
      const [check] = checkRule(metricRule, pair(base), pair(pr), uncomputable, 0.05)
      expect(check).toMatchObject({ rule, outcome: 'uncomputable', passed: false })
    }
  )
})

describe('Holm adjusts only a family of two or more tested checks, unless adjust is none', () => {
  /** A tested drop check beyond its limit with the given one-sided p. */
  const tested = (pOneSided: number): MoveCheck => ({
    rule: 'max_drop',
    threshold: abs(0.01),
    limit: 0.01,
    move: 0.05,
    crossed: true,
    outcome: 'within-limit',
    passed: true,
    pOneSided,
    requireSignificance: true,
    alpha: 0.05
  })

  it('a single tested check is judged at alpha itself, unadjusted', () => {
    const [alone] = adjustGate([{ check: tested(0.04) }], { significance: { alpha: 0.05, adjust: 'holm' } })
    expect(alone).toMatchObject({ outcome: 'significant', passed: false })
    expect(alone).not.toHaveProperty('adjustment')
    expect(alone).not.toHaveProperty('pAdjusted')
  })

  it('two tested checks: Holm doubles the smaller p (0.03 → 0.06, both pass); adjust none fails both', () => {
    const pair = [{ check: tested(0.03) }, { check: tested(0.04) }]
    const holm = adjustGate(pair, { significance: { alpha: 0.05, adjust: 'holm' } })
    expect(holm.map(c => [c.outcome, c.pAdjusted, c.adjustment])).toEqual([
      ['within-noise', 0.06, { method: 'holm', family: 2 }],
      ['within-noise', 0.06, { method: 'holm', family: 2 }]
    ])
    const none = adjustGate(pair, { significance: { alpha: 0.05, adjust: 'none' } })
    expect(none.map(c => [c.outcome, c.passed])).toEqual([
      ['significant', false],
      ['significant', false]
    ])
    expect(none[0]).not.toHaveProperty('adjustment')
  })

  it('a checked metric without a family reports its bound at 1 − alpha', () => {
    const rules = rulesOf({ accuracy: { maxDrop: abs(0.01) } })
    rules.significance = { alpha: 0.1, adjust: 'none' }
    const c = compareRuns({
      runs: [
        run('pr-seed4', { accuracy: 0.8 }),
        run('pr-seed5', { accuracy: 0.82 }),
        run('pr-seed6', { accuracy: 0.79 })
      ],
      baseline: recordFromExperiment(
        makeExperiment('main', [
          run('main-seed1', { accuracy: 0.9 }),
          run('main-seed2', { accuracy: 0.91 }),
          run('main-seed3', { accuracy: 0.89 })
        ])
      ),
      rules
    })
    const check = c.metrics[0].checks[0] as MoveCheck
    expect(check.outcome).toBe('significant')
    expect(check.bound?.level).toBeCloseTo(0.9, 15)
  })
})

describe('best of k, by the goal of the metric', () => {
  const rules = rulesOf({})
  const bestOfThree = (name: string, base: number[], pr: number[]) =>
    compareMetric(name, samplesOf(base), samplesOf(pr), rules, [], 3).significance?.bestOf

  it('adjusts an improvement of a maximized metric, not a drop', () => {
    expect(bestOfThree('accuracy', [0.9, 0.91, 0.89], [0.93, 0.94, 0.92])).toBe(3)
    expect(bestOfThree('accuracy', [0.9, 0.91, 0.89], [0.87, 0.88, 0.86])).toBeUndefined()
  })

  it('adjusts a fall of a minimized metric, not a rise', () => {
    expect(bestOfThree('loss', [0.3, 0.31, 0.29], [0.2, 0.21, 0.19])).toBe(3)
    expect(bestOfThree('loss', [0.3, 0.31, 0.29], [0.4, 0.41, 0.39])).toBeUndefined()
  })
})
