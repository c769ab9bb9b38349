// The gate on the edge of every rule: values exactly on a floor, ceiling or limit, a metric that vanished or
// was never reported, an acceptance that covers one metric only, and "unchanged" around the tolerance.
// Single runs on both sides, so no noise test blurs the boundary.
import { recordFromExperiment, type AcceptedRegression } from '../src/core/baseline.js'
import { compareRuns, type Comparison } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { compareMetric } from '../src/core/metric-comparison.js'
import { limitOf } from '../src/core/rule-checks.js'
import { defaultRules, isGated, thresholdText, type MetricRule, type Rules } from '../src/core/rules.js'
import type { MetricStat } from '../src/core/experiment.js'
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
