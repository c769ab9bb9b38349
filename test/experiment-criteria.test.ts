// Success criteria: the rules file's absolute targets for every experiment, and a run's own hypothesis and
// success_criteria parsed, judged against the experiment and the baseline, and combined into a verdict.
import { recordFromExperiment, type BaselineRecord } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { parseSuccessCriteria } from '../src/core/criteria.js'
import { makeExperiment } from '../src/core/experiment.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { makeRun, type Run, type RunMetadata } from '../src/core/run.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { clauseReason, hypothesisReason } from '../src/report/findings.js'
import type { HypothesisResult } from '../src/core/criteria.js'

/** A hypothesis with its reason in words, as the report shows it. */
const worded = (h: HypothesisResult) => ({ ...h, reason: hypothesisReason(h) })

function seeds(name: string, metrics: Record<string, number[]>, metadata: Partial<RunMetadata> = {}): Run[] {
  const n = Math.max(...Object.values(metrics).map(v => v.length))
  return Array.from({ length: n }, (_, i) =>
    makeRun({
      id: `builtin:experiments/${name}-${i}`,
      name: n > 1 ? `${name}-seed${i}` : name,
      source: 'builtin',
      path: `experiments/${name}-${i}`,
      metrics: Object.fromEntries(
        Object.entries(metrics)
          .filter(([, v]) => i < v.length)
          .map(([k, v]) => [k, { value: v[i] }])
      ),
      metadata: metadata as RunMetadata
    })
  )
}

function baseline(metrics: Record<string, number[]>): BaselineRecord {
  return recordFromExperiment(makeExperiment('main', seeds('main', metrics)))
}

describe('rules-file targets for every experiment', () => {
  it('shows f1 ≥ 0.85 and latency_ms ≤ 50 as met, missed or missing for each experiment, not only the champion', () => {
    const rules = parseRulesFile(
      'primary: f1\nmetrics:\n  f1: { min: 0.85 }\n  latency_ms: { goal: minimize, max: 50 }\n',
      'rules.yml'
    )
    const c = compareRuns({
      runs: [
        ...seeds('fast', { f1: [0.86, 0.88], latency_ms: [40, 42] }),
        ...seeds('slow', { f1: [0.9], latency_ms: [80] }),
        ...seeds('bare', { f1: [0.7] })
      ],
      rules
    })
    expect(c.champion?.name).toBe('slow')
    expect(c.criteria.fast).toEqual([
      {
        metric: 'f1',
        text: 'f1 ≥ 0.85',
        bound: 'min',
        limit: 0.85,
        value: expect.closeTo(0.87, 12),
        met: true
      },
      { metric: 'latency_ms', text: 'latency_ms ≤ 50', bound: 'max', limit: 50, value: 41, met: true }
    ])
    expect(c.criteria.slow.map(x => [x.text, x.met])).toEqual([
      ['f1 ≥ 0.85', true],
      ['latency_ms ≤ 50', false]
    ])
    expect(c.criteria.bare.map(x => [x.text, x.met])).toEqual([
      ['f1 ≥ 0.85', false],
      ['latency_ms ≤ 50', undefined]
    ])
  })

  it('a NaN value misses its target', () => {
    const r = defaultRules()
    r.metrics.f1 = { min: 0.5 }
    const c = compareRuns({ runs: seeds('x', { f1: [NaN] }), rules: r })
    expect(c.criteria.x[0].met).toBe(false)
  })
})

describe('success_criteria grammar', () => {
  it.each([
    ['f1 >= 0.85', { kind: 'absolute', metric: 'f1', op: '>=', value: 0.85 }],
    ['latency_ms ≤ 50', { kind: 'absolute', metric: 'latency_ms', op: '<=', value: 50 }],
    ['eval/f1 > .9', { kind: 'absolute', metric: 'eval/f1', op: '>', value: 0.9 }],
    ['f1 at least 0.85', { kind: 'absolute', metric: 'f1', op: '>=', value: 0.85 }],
    ['latency_ms is below 50', { kind: 'absolute', metric: 'latency_ms', op: '<', value: 50 }],
    [
      'f1 improves by 1%',
      { kind: 'relative', metric: 'f1', direction: 'improve', amount: 1, unit: 'percent' }
    ],
    [
      'f1 +0.01 over baseline',
      { kind: 'relative', metric: 'f1', direction: 'up', amount: 0.01, unit: 'absolute' }
    ],
    [
      'loss -5% vs the baseline',
      { kind: 'relative', metric: 'loss', direction: 'down', amount: 5, unit: 'percent' }
    ],
    [
      'accuracy should improve by at least 2 pts compared to baseline',
      { kind: 'relative', metric: 'accuracy', direction: 'improve', amount: 2, unit: 'points' }
    ],
    [
      'latency_ms decreases by 10',
      { kind: 'relative', metric: 'latency_ms', direction: 'down', amount: 10, unit: 'absolute' }
    ],
    ['f1 improves', { kind: 'relative', metric: 'f1', direction: 'improve', amount: 0 }]
  ])('parses %p', (text, expected) => {
    expect(parseSuccessCriteria(text)).toEqual([expect.objectContaining(expected)])
  })

  it('splits on and, &&, commas and semicolons', () => {
    expect(
      parseSuccessCriteria('accuracy > 0.9 and latency_ms <= 50; f1 improves, loss < 1 && f1 >= 0.5').map(
        c => c.kind
      )
    ).toEqual(['absolute', 'absolute', 'relative', 'absolute', 'absolute'])
  })

  it.each([
    ['accuracy > 90%', /percentage in an absolute target is ambiguous/],
    ['f1 >= 0.85 or recall >= 0.9', /"or" is not supported/],
    ['the model is better', /is not a criterion this tool can check/],
    ['   ', /empty/]
  ])('refuses %p with the reason', (text, reason) => {
    const clauses = parseSuccessCriteria(text)
    expect(clauses[0].kind).toBe('unknown')
    expect(clauses[0].kind === 'unknown' && clauses[0].reason).toMatch(reason)
  })
})

describe('hypotheses judged with the verdict', () => {
  const rules = (): Rules => {
    const r = defaultRules()
    r.primary = 'f1'
    return r
  }
  const judge = (
    criteria: string | undefined,
    pr: Record<string, number[]>,
    base?: Record<string, number[]>,
    hypothesis = 'wider trees help'
  ) =>
    compareRuns({
      runs: seeds('pr', pr, { hypothesis, ...(criteria !== undefined ? { successCriteria: criteria } : {}) }),
      baseline: base ? baseline(base) : undefined,
      rules: rules()
    }).hypotheses

  it('supported: absolute targets met', () => {
    const [h] = judge('accuracy > 0.9 and latency_ms <= 50', { accuracy: [0.93], latency_ms: [40] })
    expect(h).toMatchObject({
      run: 'pr',
      hypothesis: 'wider trees help',
      criteria: 'accuracy > 0.9 and latency_ms <= 50',
      verdict: 'supported'
    })
    expect(h.clauses.map(clauseReason)).toEqual(['accuracy 0.93 meets > 0.9', 'latency_ms 40 meets ≤ 50'])
  })

  it('not supported: one target missed decides, whatever the other clauses say', () => {
    const [h] = judge('accuracy > 0.9 and latency_ms <= 50 and the vibes are good', {
      accuracy: [0.93],
      latency_ms: [60]
    })
    expect(h.verdict).toBe('not supported')
    expect(hypothesisReason(h)).toBe('latency_ms 60 misses ≤ 50')
  })

  it('inconclusive: text it cannot check, with the reason', () => {
    const [h] = judge('users will love it', { accuracy: [0.93] })
    expect(h.verdict).toBe('inconclusive')
    expect(hypothesisReason(h)).toMatch(/not a criterion this tool can check/)
  })

  it('inconclusive: a hypothesis without success criteria, or a metric not reported', () => {
    expect(worded(judge(undefined, { accuracy: [0.9] })[0])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no success criteria are given to judge the hypothesis by'
    })
    expect(worded(judge('f1 >= 0.8', { accuracy: [0.9] })[0])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'f1 was not reported'
    })
  })

  it('relative: "f1 improves by 1%" supported when the gain beyond 1% is significant over seeds', () => {
    const [h] = judge(
      'f1 improves by 1%',
      { f1: [0.87, 0.872, 0.868, 0.871, 0.869] },
      { f1: [0.85, 0.851, 0.849, 0.85, 0.85] }
    )
    expect(h.verdict).toBe('supported')
    expect(h.clauses[0].p).toBeLessThan(0.05)
    expect(hypothesisReason(h)).toMatch(
      /^f1 \+0\.02 vs baseline \(0\.85 → 0\.87\), needed \+0\.0085 \(1%\); significant \(p < 0\.001, one-sided Welch\)$/
    )
  })

  it('relative: met on the means but within noise is inconclusive, never supported', () => {
    const [h] = judge(
      'f1 +0.01 over baseline',
      { f1: [0.88, 0.84, 0.9, 0.85, 0.89] },
      { f1: [0.85, 0.82, 0.88, 0.84, 0.86] }
    )
    expect(h.verdict).toBe('inconclusive')
    expect(hypothesisReason(h)).toMatch(
      /met on the means but within noise \(p = 0\.\d+ ≥ 0\.05, one-sided Welch\)/
    )
  })

  it('relative: a gain short of the target is not supported', () => {
    const [h] = judge('f1 improves by 5%', { f1: [0.86, 0.861] }, { f1: [0.85, 0.851] })
    expect(h.verdict).toBe('not supported')
    expect(hypothesisReason(h)).toMatch(/needed \+0\.04253 \(5%\)/)
  })

  it('relative: the goal decides which way "improves" points (loss falls)', () => {
    expect(judge('loss improves by 0.1', { loss: [0.3] }, { loss: [0.5] })[0].verdict).toBe('supported')
    expect(judge('loss improves by 0.1', { loss: [0.7] }, { loss: [0.5] })[0].verdict).toBe('not supported')
    expect(judge('loss increases by 0.1', { loss: [0.7] }, { loss: [0.5] })[0].verdict).toBe('supported')
  })

  it('relative: points are hundredths for fractions, units otherwise', () => {
    expect(judge('accuracy improves by 2 pts', { accuracy: [0.93] }, { accuracy: [0.9] })[0].verdict).toBe(
      'supported'
    )
    expect(judge('accuracy improves by 2 pts', { accuracy: [0.91] }, { accuracy: [0.9] })[0].verdict).toBe(
      'not supported'
    )
    expect(judge('bleu improves by 2 pts', { bleu: [31] }, { bleu: [30] })[0].verdict).toBe('not supported')
  })

  it('relative: single runs decide on the values and say noise is unknown; one-sided samples are inconclusive', () => {
    expect(worded(judge('f1 improves', { f1: [0.9] }, { f1: [0.85] })[0])).toMatchObject({
      verdict: 'supported',
      reason: expect.stringMatching(/single runs, so noise is unknown$/)
    })
    const [h] = judge('f1 improves', { f1: [0.9, 0.91, 0.92] }, { f1: [0.85] })
    expect(h.verdict).toBe('inconclusive')
    expect(hypothesisReason(h)).toMatch(/met on the means, but too few samples to test/)
  })

  it('relative: no baseline is inconclusive', () => {
    expect(worded(judge('f1 improves by 1%', { f1: [0.9] })[0])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no baseline to compare f1 with'
    })
  })

  it('lists only experiments that state a hypothesis or criteria, each under its experiment name', () => {
    const c = compareRuns({
      runs: [
        ...seeds('a', { f1: [0.9, 0.91] }, { hypothesis: 'h', successCriteria: 'f1 >= 0.8' }),
        ...seeds('b', { f1: [0.8] })
      ],
      rules: rules()
    })
    expect(c.hypotheses.map(h => [h.run, h.verdict])).toEqual([['a', 'supported']])
    expect(clauseReason(c.hypotheses[0].clauses[0])).toBe('f1 0.905 (mean of 2) meets ≥ 0.8')
  })
})
