import { recordFromExperiment } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { diffParams } from '../src/core/diff.js'
import { makeExperiment } from '../src/core/experiment.js'
import { defaultRules, goalOf, type Rules } from '../src/core/rules.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import {
  checklistDetail,
  notLikeForLikeText,
  violationMessage,
  warningMessage
} from '../src/report/findings.js'
import { run } from './helpers/runs.js'

const rules = (yaml: string): Rules => parseRulesFile(yaml, '.github/experiment-review.yml')
const baselineOf = (...runs: ReturnType<typeof run>[]) =>
  recordFromExperiment(makeExperiment(runs[0].name, runs), { commit: 'a3b8c9d0', pr: { number: 41 } })

describe('goal from the name', () => {
  it.each([
    ['val_loss', 'minimize'],
    ['latency_ms', 'minimize'],
    ['eval/rmse', 'minimize'],
    ['perplexity', 'minimize'],
    ['model_size_mb', 'minimize'],
    ['error_rate', 'minimize'],
    ['accuracy', 'maximize'],
    ['f1', 'maximize'],
    ['throughput', 'maximize']
  ])('%s → %s', (metric, goal) => {
    expect(goalOf(metric, defaultRules()).goal).toBe(goal)
  })
  it('a rule wins over the name', () => {
    expect(goalOf('loss', rules('metrics: { loss: { goal: maximize } }'))).toEqual({
      goal: 'maximize',
      from: 'rule'
    })
  })
})

describe('compareRuns', () => {
  const r = rules(`
primary: f1
metrics:
  accuracy:   { goal: maximize, min: 0.85, max_drop: 0.01 }
  f1:         { goal: maximize, max_drop: 1% }
  latency_ms: { goal: minimize, max: 50, max_rise: 10% }
  loss:       { goal: minimize }
`)
  const base = baselineOf(
    run(
      'baseline-xgb',
      { accuracy: 0.9, f1: 0.85, latency_ms: 40, loss: 0.3, old: 1 },
      { params: { lr: 0.1, depth: 6 }, metadata: { dataVersion: 'v1', gitCommit: 'aaa' } }
    )
  )

  it('classifies every metric of the union and computes absolute and relative change', () => {
    const c = compareRuns({
      runs: [run('xgb-tuned', { accuracy: 0.87, f1: 0.86, latency_ms: 38, loss: 0.31, extra: 5 })],
      baseline: base,
      rules: r
    })
    const by = Object.fromEntries(c.metrics.map(m => [m.name, m]))
    expect(by.accuracy.status).toBe('regressed')
    expect(by.accuracy.change).toBeCloseTo(-0.03, 12)
    expect(by.accuracy.relativeChange).toBeCloseTo(-0.03 / 0.9, 12)
    expect(by.f1.status).toBe('improved')
    expect(by.latency_ms.status).toBe('improved')
    expect(by.loss.status).toBe('regressed')
    expect(by.old.status).toBe('removed')
    expect(by.extra.status).toBe('added')
    expect(c.metrics[0].name).toBe('f1') // primary first
    expect(c.verdict).toBe('fail')
    expect(c.violations.map(v => `${v.metric}:${v.rule}`)).toEqual(['accuracy:max_drop'])
    expect(c.violations[0].line).toBe(4)
    expect(violationMessage(c.violations[0])).toMatch(
      /accuracy went from 0.9 to 0.87, beyond the allowed drop ≤ 0.01/
    )
  })

  it('passes when every rule holds, including relative limits', () => {
    const c = compareRuns({
      runs: [run('ok', { accuracy: 0.895, f1: 0.8416, latency_ms: 43.9, loss: 0.2, old: 1 })],
      baseline: base,
      rules: r
    })
    expect(c.violations).toEqual([])
    expect(c.verdict).toBe('pass')
  })

  it('fails absolute floors and ceilings, and NaN never passes a bound', () => {
    const c = compareRuns({
      runs: [run('bad', { accuracy: NaN, f1: 0.9, latency_ms: 51, old: 1, loss: 0.1 })],
      baseline: base,
      rules: r
    })
    const rulesBroken = c.violations.map(v => `${v.metric}:${v.rule}`)
    expect(rulesBroken).toEqual(
      expect.arrayContaining(['accuracy:min', 'accuracy:max_drop', 'latency_ms:max'])
    )
    expect(c.metrics.find(m => m.name === 'accuracy')?.status).toBe('not-comparable')
  })

  it('a gated metric that vanished fails; an ungated one only warns', () => {
    const c = compareRuns({ runs: [run('gone', { f1: 0.86, latency_ms: 40 })], baseline: base, rules: r })
    expect(c.violations.map(v => `${v.metric}:${v.rule}`)).toEqual(['accuracy:required'])
    expect(
      c.warnings
        .filter(w => w.kind === 'vanished-metric')
        .map(warningMessage)
        .join()
    ).toMatch(/loss.*old|old.*loss/s)
    expect(c.verdict).toBe('fail')
  })

  it('an accepted regression does not fail the gate but stays visible', () => {
    const accepted = [
      { metric: 'accuracy', reason: 'latency matters more', by: 'alice', at: '2026-11-19T10:00:00Z' }
    ]
    const c = compareRuns({
      runs: [run('xgb', { accuracy: 0.87, f1: 0.86, latency_ms: 38, loss: 0.3, old: 1 })],
      baseline: base,
      rules: r,
      accepted
    })
    expect(c.verdict).toBe('pass')
    expect(c.violations[0].accepted?.by).toBe('alice')
    expect(c.metrics.find(m => m.name === 'accuracy')?.broken).toBe(false)
  })

  it('ranks runs on the primary metric; a failed run never becomes champion', () => {
    const c = compareRuns({
      runs: [
        run('a', { f1: 0.8 }),
        run('failed-best', { f1: 0.99 }, { metadata: { status: 'failed', statusReason: 'out of memory' } }),
        run('b', { f1: 0.83 })
      ],
      rules: r
    })
    expect(c.champion?.name).toBe('b')
    expect(c.experiments.map(e => e.name)).toEqual(['b', 'a', 'failed-best'])
    expect(c.warnings.some(w => w.kind === 'failed-run' && /out of memory/.test(warningMessage(w)))).toBe(
      true
    )
    // The rules name accuracy, latency_ms and loss, which no run reports: the review fails on them.
    expect(c.unknownMetrics?.map(u => u.metric)).toEqual(['accuracy', 'latency_ms', 'loss'])
    expect(c.verdict).toBe('fail')
  })

  it("a reviewer's champion pick wins over the ranking", () => {
    const c = compareRuns({
      runs: [run('a', { f1: 0.8 }), run('b', { f1: 0.83 })],
      rules: r,
      championPick: { name: 'a', by: 'bob' }
    })
    expect(c.champion?.name).toBe('a')
    expect(c.championReason).toMatch(/@bob/)
  })

  it('diffs parameters and context, and calls a data change not like for like', () => {
    const c = compareRuns({
      runs: [
        run(
          'x',
          { accuracy: 0.9, f1: 0.85, latency_ms: 40, loss: 0.3, old: 1 },
          {
            params: { lr: '0.05', depth: 6, n: 200 },
            metadata: { dataVersion: 'v2', gitCommit: 'bbb', environment: { python: '3.11' } }
          }
        )
      ],
      baseline: base,
      rules: r
    })
    expect(c.params).toEqual([
      { name: 'lr', baseline: 0.1, current: '0.05', kind: 'changed' },
      { name: 'n', current: 200, kind: 'added' }
    ])
    expect(c.context.map(x => x.what)).toEqual(['data version', 'code commit', 'environment'])
    expect(c.notLikeForLike.map(notLikeForLikeText).join()).toMatch(/data version changed \(v1 → v2\)/)
  })

  it('treats a param logged as text and as a number alike', () => {
    expect(diffParams({ lr: 0.1, n: 5 }, { lr: '0.1', n: '5' })).toEqual([])
  })

  it('lists a reproducibility checklist that names what is missing', () => {
    const c = compareRuns({
      runs: [run('x', { f1: 1 }, { params: { lr: 1 }, metadata: { gitCommit: 'abc' } })],
      rules: r
    })
    const items = c.reproducibility[0].items
    expect(items.map(i => [i.check, i.ok])).toEqual([
      ['hyperparameters', true],
      ['data version', false],
      ['code commit', true],
      ['environment', false],
      ['baseline', false]
    ])
    expect(checklistDetail(items[3])).toMatch(/environment not captured/)
  })
})
