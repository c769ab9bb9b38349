// Monitor decisions, pure: conditions become gate rules, breaches come out of the comparison, and the plan opens,
// reopens, updates, records, closes or does nothing exactly at its boundaries.
import { compareRuns } from '../src/core/compare.js'
import { groupRuns } from '../src/core/experiment.js'
import { recordFromExperiment } from '../src/core/baseline.js'
import {
  evaluateRetraining,
  monitorRules,
  monitorStateFrom,
  planMonitor,
  type Breach,
  type MonitorState
} from '../src/core/retraining.js'
import { defaultRules, RETRAINING_DEFAULTS, type RetrainingRules, type Rules } from '../src/core/rules.js'
import { parseRulesFile, RulesFileError } from '../src/config/rules-file.js'
import { readHiddenState, replaceHiddenState, hiddenState } from '../src/report/hidden-state.js'
import { stringify } from '../src/report/markdown.js'
import { run } from './helpers/runs.js'

function retraining(when: RetrainingRules['when'], extra: Partial<RetrainingRules> = {}): RetrainingRules {
  return { ...RETRAINING_DEFAULTS, labels: ['retraining'], when, ...extra }
}

function evaluate(
  current: Record<string, number>,
  baseline: Record<string, number> | undefined,
  r: RetrainingRules,
  rules: Rules = defaultRules()
) {
  const base = baseline ? recordFromExperiment(groupRuns([run('base', baseline)], rules)[0]) : undefined
  const comparison = compareRuns({
    runs: [run('eval', current)],
    baseline: base,
    rules: monitorRules(rules, r)
  })
  return evaluateRetraining(comparison, r)
}

const NOW = new Date('2026-11-10T00:00:00Z')
const state = (reported: Record<string, number>, healthy = 0): MonitorState => ({
  since: '2026-11-01T00:00:00.000Z',
  changed: '2026-11-01T00:00:00.000Z',
  reported,
  healthy
})

describe('retraining conditions', () => {
  it('breaches below and above only past the limit, not on it', () => {
    const r = retraining({ accuracy: { below: 0.85 }, drift_score: { above: 0.3 } })
    expect(evaluate({ accuracy: 0.85, drift_score: 0.3 }, undefined, r).breaches).toEqual([])
    const worse = evaluate({ accuracy: 0.8499, drift_score: 0.3001 }, undefined, r).breaches
    expect(worse.map(b => [b.metric, b.condition, b.value])).toEqual([
      ['accuracy', 'below', 0.8499],
      ['drift_score', 'above', 0.3001]
    ])
  })

  it('judges drops and rises against the baseline, absolute and relative, in the metric goal', () => {
    const r = retraining({
      accuracy: { maxDrop: { amount: 0.02, relative: false } },
      latency_ms: { maxRise: { amount: 0.1, relative: true } }
    })
    const ok = evaluate({ accuracy: 0.89, latency_ms: 110 }, { accuracy: 0.91, latency_ms: 100 }, r)
    expect(ok.breaches).toEqual([])
    const bad = evaluate({ accuracy: 0.88, latency_ms: 111 }, { accuracy: 0.91, latency_ms: 100 }, r)
    expect(bad.breaches.map(b => `${b.metric} ${b.condition}`)).toEqual([
      'accuracy max_drop',
      'latency_ms max_rise'
    ])
    // A rise of a maximised metric is no drop.
    expect(
      evaluate({ accuracy: 0.99, latency_ms: 100 }, { accuracy: 0.91, latency_ms: 100 }, r).breaches
    ).toEqual([])
  })

  it('says a monitored metric is unmeasured when the evaluation lacks it or reports a non-finite value', () => {
    const r = retraining({ accuracy: { below: 0.85 }, f1: { below: 0.5 } })
    const e = evaluate({ accuracy: NaN }, undefined, r)
    expect(e.unmeasured).toEqual([
      { metric: 'accuracy', why: 'the evaluation reports NaN, not a finite number' },
      { metric: 'f1', why: 'the evaluation does not report it' }
    ])
    expect(e.breaches).toEqual([])
  })

  it('uses the goal from the review rules for a metric whose name does not say it', () => {
    const rules = defaultRules()
    rules.metrics.score = { goal: 'minimize' }
    const r = retraining({ score: { maxDrop: { amount: 0.1, relative: false } } })
    expect(monitorRules(rules, r).metrics.score).toMatchObject({ goal: 'minimize', required: true })
    expect(monitorRules(rules, r).overfitting).toBeUndefined()
  })
})

describe('the issue plan', () => {
  const r = retraining({ accuracy: { below: 0.85 } })
  const breach = (value: number): Breach[] => evaluate({ accuracy: value }, undefined, r).breaches

  it('opens on a first breach and does nothing when healthy with no issue', () => {
    expect(planMonitor({ breaches: [], now: NOW, retraining: r })).toEqual({
      action: 'nothing',
      why: 'healthy'
    })
    const plan = planMonitor({ breaches: breach(0.8), now: NOW, retraining: r })
    expect(plan).toEqual({
      action: 'open',
      state: {
        since: NOW.toISOString(),
        changed: NOW.toISOString(),
        reported: { 'accuracy below': 0.8 },
        healthy: 0
      }
    })
  })

  it('updates only when a value is worse than reported by more than the tolerance', () => {
    const open = { number: 5, state: 'open' as const, memory: state({ 'accuracy below': 0.8 }) }
    // 1% of 0.8 is 0.008: 0.792 is exactly on it, 0.7919 beyond it.
    expect(planMonitor({ breaches: breach(0.792), open, now: NOW, retraining: r })).toEqual({
      action: 'nothing',
      why: 'unchanged'
    })
    expect(planMonitor({ breaches: breach(0.81), open, now: NOW, retraining: r }).action).toBe('nothing')
    const worse = planMonitor({ breaches: breach(0.7919), open, now: NOW, retraining: r })
    expect(worse).toMatchObject({
      action: 'update',
      issue: 5,
      worse: ['accuracy below'],
      newly: [],
      eased: []
    })
    expect(worse).toMatchObject({
      state: { since: '2026-11-01T00:00:00.000Z', reported: { 'accuracy below': 0.7919 } }
    })
    const absolute = retraining(r.when, { tolerance: { amount: 0.05, relative: false } })
    expect(planMonitor({ breaches: breach(0.76), open, now: NOW, retraining: absolute }).action).toBe(
      'nothing'
    )
  })

  it('updates when a condition breaks anew or one of several recovers, and restores a lost record', () => {
    const two = retraining({ accuracy: { below: 0.85 }, drift: { above: 0.3 } })
    const both = evaluate({ accuracy: 0.8, drift: 0.5 }, undefined, two).breaches
    const one = evaluate({ accuracy: 0.8, drift: 0.1 }, undefined, two).breaches
    const open = { number: 5, state: 'open' as const, memory: state({ 'accuracy below': 0.8 }) }
    expect(planMonitor({ breaches: both, open, now: NOW, retraining: two })).toMatchObject({
      action: 'update',
      newly: ['drift above']
    })
    const eased = planMonitor({
      breaches: one,
      open: { ...open, memory: state({ 'accuracy below': 0.8, 'drift above': 0.5 }) },
      now: NOW,
      retraining: two
    })
    expect(eased).toMatchObject({
      action: 'update',
      eased: ['drift above'],
      state: { reported: { 'accuracy below': 0.8 } }
    })
    expect(
      planMonitor({ breaches: one, open: { number: 5, state: 'open' }, now: NOW, retraining: two }).action
    ).toBe('update')
  })

  it('closes after recover_after healthy evaluations and resets the count on a breach', () => {
    const open = { number: 5, state: 'open' as const, memory: state({ 'accuracy below': 0.8 }) }
    expect(planMonitor({ breaches: [], open, now: NOW, retraining: r })).toEqual({
      action: 'close',
      issue: 5,
      recovered: ['accuracy below']
    })
    const three = retraining(r.when, { recoverAfter: 3 })
    expect(planMonitor({ breaches: [], open, now: NOW, retraining: three })).toMatchObject({
      action: 'record-healthy',
      state: { healthy: 1 }
    })
    const twoHealthy = { ...open, memory: state({ 'accuracy below': 0.8 }, 2) }
    expect(planMonitor({ breaches: [], open: twoHealthy, now: NOW, retraining: three }).action).toBe('close')
    expect(
      planMonitor({ breaches: breach(0.8), open: twoHealthy, now: NOW, retraining: three })
    ).toMatchObject({
      action: 'record-healthy',
      state: { healthy: 0 }
    })
  })

  it('reopens an issue closed within reopen_within days, on the boundary too, and opens anew after it', () => {
    const closed = (daysAgo: number) => ({
      number: 9,
      state: 'closed' as const,
      closedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString()
    })
    expect(
      planMonitor({ breaches: breach(0.8), lastClosed: closed(7), now: NOW, retraining: r })
    ).toMatchObject({
      action: 'reopen',
      issue: 9
    })
    expect(
      planMonitor({ breaches: breach(0.8), lastClosed: closed(7.01), now: NOW, retraining: r }).action
    ).toBe('open')
    expect(
      planMonitor({
        breaches: breach(0.8),
        lastClosed: { number: 9, state: 'closed' },
        now: NOW,
        retraining: r
      }).action
    ).toBe('open')
  })
})

describe('the issue memory', () => {
  it('round-trips through a hidden block that no state can break out of', () => {
    const s = state({ 'a --> <b> @x': 0.5 })
    const body = `intro\n${stringify([hiddenState('monitor', s)])}\nrest`
    expect(body).not.toContain('-->\u0020<b>')
    expect(monitorStateFrom(readHiddenState(body, 'monitor'))).toEqual(s)
    const replaced = replaceHiddenState(body, 'monitor', { ...s, healthy: 2 })
    expect(replaced.startsWith('intro\n')).toBe(true)
    expect(replaced.endsWith('rest')).toBe(true)
    expect(monitorStateFrom(readHiddenState(replaced, 'monitor'))?.healthy).toBe(2)
  })

  it('refuses state of the wrong shape', () => {
    expect(readHiddenState('<!-- experiment-review:state:monitor:!!! -->', 'monitor')).toBeUndefined()
    expect(monitorStateFrom({ since: 'x', changed: 'y', reported: {}, healthy: 0 })).toBeUndefined()
    expect(monitorStateFrom({ ...state({}), healthy: -1 })).toBeUndefined()
    expect(monitorStateFrom({ ...state({}), reported: { a: 'NaN' } })).toBeUndefined()
    expect(monitorStateFrom({ ...state({}), reported: [] })).toBeUndefined()
  })
})

describe('the retraining section of the rules file', () => {
  it('reads conditions, recover_after, reopen_within and tolerance, with defaults', () => {
    const rules = parseRulesFile(
      'retraining:\n  when:\n    accuracy: { below: 0.85, max_drop: 2% }\n  recover_after: 3\n  reopen_within: 36h\n  tolerance: 0.01\n',
      'rules.yml'
    )
    expect(rules.retraining).toEqual({
      labels: ['retraining'],
      when: { accuracy: { below: 0.85, maxDrop: { amount: 0.02, relative: true } } },
      recoverAfter: 3,
      reopenWithinDays: 1.5,
      tolerance: { amount: 0.01, relative: false }
    })
    expect(parseRulesFile('retraining:\n  when: { f1: { above: 1 } }\n', 'r.yml').retraining).toMatchObject({
      recoverAfter: 1,
      reopenWithinDays: 7,
      tolerance: { amount: 0.01, relative: true }
    })
  })

  it('names the line and what was expected for a condition with nothing in it or a bad duration', () => {
    expect(() => parseRulesFile('retraining:\n  when:\n    accuracy: {}\n', 'rules.yml')).toThrow(
      RulesFileError
    )
    expect(() => parseRulesFile('retraining:\n  when:\n    accuracy: {}\n', 'rules.yml')).toThrow(
      /rules\.yml:3:.*at least one of below, above, max_drop, max_rise/
    )
    expect(() =>
      parseRulesFile('retraining:\n  when: { a: { below: 1 } }\n  reopen_within: soon\n', 'rules.yml')
    ).toThrow(/rules\.yml:3:.*"7d"/)
    expect(() =>
      parseRulesFile('retraining:\n  when: { a: { below: 1 } }\n  recover_after: 0\n', 'rules.yml')
    ).toThrow(/rules\.yml:3:/)
  })
})
