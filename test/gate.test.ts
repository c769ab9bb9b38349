// The noise-aware gate through compareRuns: significance states, degenerate samples, require_significance,
// overfitting by goal, and the words each state stands for.
import { recordFromExperiment, type BaselineRecord } from '../src/core/baseline.js'
import { compareRuns, type Comparison, type MetricComparison } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { defaultRules, type MetricRule, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { overfittingText, warningMessage } from '../src/report/findings.js'
import { checkNote, significanceWords, untestedText } from '../src/report/significance.js'

function runs(name: string, metric: string, values: number[], extra: Record<string, number> = {}): Run[] {
  return values.map((value, i) =>
    makeRun({
      id: `builtin:experiments/${name}-seed${i}`,
      name: values.length > 1 ? `${name}-seed${i}` : name,
      source: 'builtin',
      path: `experiments/${name}-seed${i}`,
      metrics: {
        [metric]: { value },
        ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { value: v }]))
      }
    })
  )
}

function baselineOf(metric: string, values: number[]): BaselineRecord {
  return recordFromExperiment(makeExperiment('main', runs('main', metric, values)))
}

function rulesWith(metrics: Record<string, MetricRule>, alpha = 0.05): Rules {
  const r = defaultRules()
  r.metrics = metrics
  r.significance = { alpha, adjust: 'holm' }
  return r
}

const dropRule = (amount = 0.01, extra: Partial<MetricRule> = {}): Record<string, MetricRule> => ({
  accuracy: { goal: 'maximize', maxDrop: { amount, relative: false }, ...extra }
})

function review(
  base: number[],
  pr: number[],
  metrics = dropRule(),
  alpha = 0.05
): { c: Comparison; m: MetricComparison } {
  const c = compareRuns({
    runs: runs('pr', 'accuracy', pr),
    baseline: baselineOf('accuracy', base),
    rules: rulesWith(metrics, alpha)
  })
  const m = c.metrics.find(x => x.name === 'accuracy') as MetricComparison
  return { c, m }
}

describe('significance states on each metric', () => {
  it('a clear drop is significant and fails the gate', () => {
    const { c, m } = review([0.9, 0.905, 0.895, 0.9, 0.902], [0.87, 0.872, 0.868, 0.871, 0.869])
    expect(m.significance?.state).toBe('significant')
    expect(m.significance?.pTwoSided).toBeLessThan(0.001)
    expect(m.significance?.test?.method).toBe('paired')
    expect(m.significance?.n).toEqual({ baseline: 5, current: 5 })
    expect(c.verdict).toBe('fail')
    expect(c.violations.map(v => v.rule)).toEqual(['max_drop'])
    expect(significanceWords(m.significance)).toBe('p < 0.001 two-sided, significant')
  })

  it('a drop beyond max_drop inside the noise passes, with a note saying so', () => {
    const { c, m } = review([0.9, 0.95, 0.85, 0.92, 0.88], [0.82, 0.9, 0.93, 0.86, 0.87])
    expect(m.status).toBe('regressed')
    expect(m.significance?.state).toBe('within-noise')
    const check = m.checks.find(x => x.rule === 'max_drop')
    expect(check?.passed).toBe(true)
    expect(check && checkNote(check, m.significance)).toMatch(
      /within noise \(one-sided p = 0\.\d+ ≥ 0\.05; drop ≥ −?0\.\d+ at 95% confidence\)/
    )
    expect(c.verdict).toBe('pass')
    expect(significanceWords(m.significance)).toMatch(/^p = 0\.\d+ two-sided, within noise$/)
  })

  it('require_significance: false lets the raw drop decide even inside the noise', () => {
    const { c, m } = review(
      [0.9, 0.95, 0.85, 0.92, 0.88],
      [0.82, 0.9, 0.93, 0.86, 0.87],
      dropRule(0.01, { requireSignificance: false })
    )
    expect(m.significance?.state).toBe('within-noise')
    expect(m.checks[0]).toMatchObject({ rule: 'max_drop', passed: false })
    expect(checkNote(m.checks[0], m.significance)).toMatch(/does not require significance/)
    expect(c.verdict).toBe('fail')
  })

  it('require_significance comes from the rules file', () => {
    const rules = parseRulesFile(
      'metrics:\n  accuracy: { max_drop: 0.01, require_significance: false }\n',
      'rules.yml'
    )
    expect(rules.metrics.accuracy.requireSignificance).toBe(false)
  })

  it('a drop within max_drop passes whatever the noise', () => {
    const { c, m } = review([0.9, 0.905, 0.895], [0.895, 0.9, 0.89], dropRule(0.02))
    expect(m.checks[0].passed).toBe(true)
    expect(c.verdict).toBe('pass')
  })

  it('a rise beyond max_rise of a minimize metric is judged the same way', () => {
    const rules = rulesWith({ latency_ms: { goal: 'minimize', maxRise: { amount: 0.1, relative: true } } })
    const c = compareRuns({
      runs: runs('pr', 'latency_ms', [61, 59, 60, 60]),
      baseline: baselineOf('latency_ms', [40, 41, 39, 40]),
      rules
    })
    expect(c.metrics[0].significance?.state).toBe('significant')
    expect(c.verdict).toBe('fail')
    expect(c.violations[0].rule).toBe('max_rise')
  })

  it('is set whenever either side has at least 2 samples (one run against several: a prediction interval)', () => {
    expect(review([0.9], [0.88]).m.significance).toBeUndefined()
    expect(review([0.9], [0.88, 0.89]).m.significance?.test?.method).toBe('prediction')
    expect(review([0.9, 0.91], [0.88]).m.significance?.test?.method).toBe('prediction')
  })
})

describe('degenerate input gets a clear answer', () => {
  it('one sample a side: no test, the raw drop decides', () => {
    const { c, m } = review([0.9], [0.85])
    expect(m.significance).toBeUndefined()
    expect(m.checks[0].passed).toBe(false)
    expect(c.verdict).toBe('fail')
  })

  it('zero variance on both sides, equal means: unchanged, no difference, pass', () => {
    const { c, m } = review([0.9, 0.9, 0.9], [0.9, 0.9, 0.9])
    expect(m.status).toBe('unchanged')
    expect(m.significance).toMatchObject({ state: 'exact', tested: false, significant: false })
    expect(significanceWords(m.significance)).toBe('no variance, no difference')
    expect(c.verdict).toBe('pass')
  })

  it('zero variance on both sides, different means: the difference is exact, a drop beyond max_drop fails', () => {
    const { c, m } = review([0.9, 0.9, 0.9], [0.85, 0.85, 0.85])
    expect(m.status).toBe('regressed')
    expect(m.significance).toMatchObject({ state: 'exact', significant: true })
    expect(m.significance?.exactDifference).toBeCloseTo(-0.05, 12)
    expect(m.checks[0]).toMatchObject({ passed: false, outcome: 'exact' })
    expect(checkNote(m.checks[0], m.significance)).toBe('no variance on either side: the difference is exact')
    expect((m.checks[0] as { inconclusive?: boolean }).inconclusive).toBeUndefined()
    expect(c.verdict).toBe('fail')
  })

  it('zero variance on both sides, a drop within max_drop passes', () => {
    const { c } = review([0.9, 0.9], [0.895, 0.895])
    expect(c.verdict).toBe('pass')
  })

  it('NaN samples are left out of the mean and the test, and reported', () => {
    const { c, m } = review([0.9, 0.905, 0.895, 0.9], [0.87, NaN, 0.868, 0.871, 0.869])
    expect(m.current?.value).toBeCloseTo(0.8695, 10)
    expect(m.current?.nonFinite).toBe(1)
    expect(m.significance?.excluded).toEqual({ baseline: 0, current: 1 })
    expect(m.significance?.n).toEqual({ baseline: 4, current: 4 })
    expect(m.significance?.state).toBe('significant')
    expect(c.warnings.filter(w => w.kind === 'non-finite-sample').map(warningMessage)).toEqual([
      'accuracy: 1 of 5 samples of pr are not finite (NaN or infinite) (pr-seed1) and are left out of the mean and the test'
    ])
  })

  it('NaN samples leaving one finite run of two: half of the seeds diverged, which fails the rule', () => {
    const { c, m } = review([0.9, 0.905], [0.85, NaN])
    expect(m.significance?.test?.method).toBe('prediction')
    expect(m.significance?.n).toEqual({ baseline: 2, current: 1 })
    expect(m.significance?.excluded).toEqual({ baseline: 0, current: 1 })
    expect(m.checks[0]).toMatchObject({ rule: 'diverged', nonFinite: 1, samples: 2, passed: false })
    expect(c.verdict).toBe('fail')
  })

  it('NaN samples leaving one finite run a side: inconclusive with the reason, the raw drop decides', () => {
    const { c, m } = review([0.9, NaN], [0.85, NaN])
    expect(m.significance?.state).toBe('inconclusive')
    expect(m.significance && untestedText(m.significance)).toMatch(/after leaving out 2 non-finite/)
    expect(m.checks[0]).toMatchObject({ rule: 'diverged', nonFinite: 1, samples: 2, passed: false })
    expect(c.verdict).toBe('fail')
  })

  it('all samples NaN: not comparable, never a pass', () => {
    const { c, m } = review([0.9, 0.905], [NaN, NaN])
    expect(m.status).toBe('not-comparable')
    expect(m.checks[0].passed).toBe(false)
    expect(c.verdict).toBe('fail')
  })

  it('a baseline without samples vs PR samples: the prediction interval of the single baseline value', () => {
    // A baseline file written before samples were kept: a value and nothing else.
    const baseline = baselineOf('accuracy', [0.9])
    baseline.metrics.accuracy = { value: 0.9, n: 1 } as never
    const c = compareRuns({
      runs: runs('pr', 'accuracy', [0.8, 0.81, 0.79]),
      baseline,
      rules: rulesWith(dropRule())
    })
    const m = c.metrics[0]
    expect(m.significance).toMatchObject({ tested: true, n: { baseline: 1, current: 3 } })
    expect(m.significance?.test?.method).toBe('prediction')
    expect(m.checks[0]).toMatchObject({ passed: false, outcome: 'significant' })
    expect(c.verdict).toBe('fail')
    // One baseline value is weak evidence: a drop of 0.03 against max_drop 0.01 is within its prediction interval.
    const weak = compareRuns({
      runs: runs('pr', 'accuracy', [0.87, 0.88, 0.86]),
      baseline,
      rules: rulesWith(dropRule())
    })
    expect(weak.metrics[0].checks[0]).toMatchObject({ passed: true, outcome: 'within-noise' })
    // Within the limit, the change passes.
    const ok = compareRuns({
      runs: runs('pr', 'accuracy', [0.899, 0.9, 0.898]),
      baseline,
      rules: rulesWith(dropRule())
    })
    expect(ok.verdict).toBe('pass')
    expect(ok.metrics[0].checks[0]).toMatchObject({ passed: true, outcome: 'within-limit' })
  })

  it('a single-value baseline with infinite value stays not comparable', () => {
    const { m } = review([Infinity], [0.9, 0.91])
    expect(m.status).toBe('not-comparable')
  })
})

describe('overfitting gap by goal', () => {
  const overfit = (
    train: string,
    val: string,
    maxGap: number,
    gate = true,
    goal?: 'maximize' | 'minimize'
  ): Rules => {
    const r = rulesWith(goal ? { [val]: { goal } } : {})
    r.overfitting = { train, val, maxGap, gate }
    return r
  }

  it('accuracy: train − val beyond max_gap warns and gates', () => {
    const c = compareRuns({
      runs: runs('pr', 'val_accuracy', [0.85], { train_accuracy: 0.99 }),
      rules: overfit('train_accuracy', 'val_accuracy', 0.05)
    })
    expect(c.overfitting[0]).toMatchObject({
      gap: expect.closeTo(0.14, 12),
      exceeded: true,
      gates: true,
      goal: 'maximize'
    })
    expect(warningMessage(c.warnings.find(w => w.kind === 'overfitting')!)).toBe(
      'overfitting: train_accuracy − val_accuracy gap is 0.14, over the allowed 0.05'
    )
    expect(c.violations.map(v => v.rule)).toEqual(['overfitting'])
    expect(c.verdict).toBe('fail')
  })

  it('accuracy: validation better than training is no gap', () => {
    const c = compareRuns({
      runs: runs('pr', 'val_accuracy', [0.95], { train_accuracy: 0.85 }),
      rules: overfit('train_accuracy', 'val_accuracy', 0.05)
    })
    expect(c.overfitting[0]).toMatchObject({ exceeded: false, gates: false })
    expect(c.overfitting[0].gap).toBeCloseTo(-0.1, 12)
    expect(c.verdict).toBe('no-baseline')
  })

  it('loss (minimize): the gap that matters is val − train', () => {
    const c = compareRuns({
      runs: runs('pr', 'val_loss', [0.9], { train_loss: 0.2 }),
      rules: overfit('train_loss', 'val_loss', 0.3)
    })
    expect(c.overfitting[0]).toMatchObject({ goal: 'minimize', exceeded: true })
    expect(c.overfitting[0].gap).toBeCloseTo(0.7, 12)
    expect(overfittingText(c.overfitting[0])).toBe(
      'overfitting: val_loss − train_loss gap is 0.7, over the allowed 0.3'
    )
    // Training loss above validation loss (dropout, augmentation) is not overfitting, however large.
    const fine = compareRuns({
      runs: runs('pr', 'val_loss', [0.2], { train_loss: 0.9 }),
      rules: overfit('train_loss', 'val_loss', 0.3)
    })
    expect(fine.overfitting[0].exceeded).toBe(false)
    expect(fine.warnings.some(w => w.kind === 'overfitting')).toBe(false)
  })

  it('the goal of a rule wins over the name', () => {
    const c = compareRuns({
      runs: runs('pr', 'val_score', [0.9], { train_score: 0.2 }),
      rules: overfit('train_score', 'val_score', 0.3, true, 'minimize')
    })
    expect(c.overfitting[0]).toMatchObject({ goal: 'minimize', exceeded: true })
  })

  it('gate: false warns without failing; other experiments warn, only the champion gates', () => {
    const noGate = compareRuns({
      runs: runs('pr', 'val_accuracy', [0.85], { train_accuracy: 0.99 }),
      rules: overfit('train_accuracy', 'val_accuracy', 0.05, false)
    })
    expect(noGate.warnings.some(w => w.kind === 'overfitting')).toBe(true)
    expect(noGate.verdict).toBe('no-baseline')
    const r = overfit('train_accuracy', 'val_accuracy', 0.05)
    r.primary = 'val_accuracy'
    const two = compareRuns({
      runs: [
        ...runs('good', 'val_accuracy', [0.9], { train_accuracy: 0.92 }),
        ...runs('overfit', 'val_accuracy', [0.8], { train_accuracy: 0.99 })
      ],
      rules: r
    })
    expect(two.champion?.name).toBe('good')
    expect(two.overfitting.find(o => o.run === 'overfit')).toMatchObject({ exceeded: true, gates: false })
    expect(two.warnings.filter(w => w.kind === 'overfitting').map(w => w.run)).toEqual(['overfit'])
    expect(two.verdict).toBe('no-baseline')
  })
})
