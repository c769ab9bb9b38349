import { parseBaseline, serializeBaseline, type BaselineFile } from '../src/core/baseline.js'
import { findMerge, promote, type PromotionInput } from '../src/core/promotion.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'

function rules(): Rules {
  const r = defaultRules()
  r.primary = 'f1'
  return r
}

function run(name: string, f1: number | undefined, extra: Partial<Run> = {}): Run {
  return makeRun({
    id: `builtin:experiments/${name}`,
    name,
    source: 'builtin',
    path: `experiments/${name}`,
    params: { name },
    metrics: f1 === undefined ? {} : { f1: { value: f1 }, loss: { value: 1 - f1 } },
    ...extra
  })
}

const failed = (name: string, reason: string) =>
  run(name, 0.99, { metadata: { status: 'failed', statusReason: reason, tags: [], environment: {} } })

function input(fields: Partial<PromotionInput> & Pick<PromotionInput, 'runs'>): PromotionInput {
  return { id: 'default', rules: rules(), commit: 'a'.repeat(40), date: '2026-03-01T12:00:00Z', ...fields }
}

function promoted(fields: Partial<PromotionInput> & Pick<PromotionInput, 'runs'>): BaselineFile {
  const result = promote(input(fields))
  if (result.kind !== 'promoted') throw new Error(result.reason)
  return result.baseline
}

const first = () =>
  promoted({
    runs: [run('logreg', 0.78)],
    pr: { number: 12, title: 'first', mergedBy: 'alice' },
    commit: '1'.repeat(40),
    date: '2026-01-01T00:00:00Z'
  })

describe('promotion', () => {
  it('makes the first baseline from the best finished run, with every run summarised best first and failed ones marked', () => {
    const result = promote(
      input({
        runs: [run('b', 0.8), failed('oom', 'out of memory'), run('a', 0.9)],
        pr: { number: 5, title: 't', url: 'https://github.com/o/r/pull/5', mergedBy: 'bob' }
      })
    )
    expect(result.kind).toBe('promoted')
    if (result.kind !== 'promoted') return
    const b = result.baseline
    expect(b.schema).toBe('experiment-review/baseline')
    expect(b.history).toEqual([])
    expect(b.champion).toMatchObject({
      name: 'a',
      params: { name: 'a' },
      runs: ['a'],
      pr: { number: 5, title: 't', url: 'https://github.com/o/r/pull/5' },
      commit: 'a'.repeat(40),
      date: '2026-03-01T12:00:00Z',
      mergedBy: 'bob',
      reason: 'Best f1 of 3 runs.',
      primary: 'f1'
    })
    expect(b.champion.metrics.f1).toMatchObject({ value: 0.9, samples: [0.9], n: 1 })
    expect(b.champion.experiments).toEqual([
      { name: 'a', status: 'finished', metrics: { f1: 0.9, loss: 1 - 0.9 }, chosen: true },
      { name: 'b', status: 'finished', metrics: { f1: 0.8, loss: 1 - 0.8 } },
      { name: 'oom', status: 'failed', statusReason: 'out of memory', metrics: { f1: 0.99, loss: 1 - 0.99 } }
    ])
  })

  it('moves the previous champion into the history with its PR, commit, date and who merged it', () => {
    const b = promoted({
      previous: first(),
      runs: [run('xgb', 0.86)],
      pr: { number: 57, mergedBy: 'bob' },
      commit: '2'.repeat(40),
      date: '2026-02-01T00:00:00Z'
    })
    expect(b.champion).toMatchObject({
      name: 'xgb',
      pr: { number: 57 },
      commit: '2'.repeat(40),
      mergedBy: 'bob'
    })
    expect(b.history).toHaveLength(1)
    expect(b.history[0]).toMatchObject({
      name: 'logreg',
      pr: { number: 12, title: 'first' },
      commit: '1'.repeat(40),
      date: '2026-01-01T00:00:00Z',
      mergedBy: 'alice'
    })
  })

  it('groups seeds into one experiment with samples', () => {
    const b = promoted({ runs: [run('xgb-seed1', 0.8), run('xgb-seed2', 0.82), run('lr', 0.7)] })
    expect(b.champion.name).toBe('xgb')
    expect(b.champion.runs).toEqual(['xgb-seed1', 'xgb-seed2'])
    expect(b.champion.metrics.f1.samples).toEqual([0.8, 0.82])
    expect(b.champion.metrics.f1.n).toBe(2)
  })

  it('skips a merge that is already recorded (same commit or same PR), in the champion or the history', () => {
    const b1 = first()
    const b2 = promoted({
      previous: b1,
      runs: [run('xgb', 0.86)],
      pr: { number: 57 },
      commit: '2'.repeat(40),
      date: '2026-02-01T00:00:00Z'
    })
    for (const again of [
      { pr: { number: 57 }, commit: '2'.repeat(40) },
      { pr: { number: 12 }, commit: '9'.repeat(40) },
      { commit: '1'.repeat(40) }
    ]) {
      const result = promote(input({ previous: b2, runs: [run('other', 0.99)], ...again }))
      expect(result.kind).toBe('skipped')
      if (result.kind === 'skipped')
        expect(result.reason).toMatch(
          /is already recorded in the baseline \((champion|history\[0\])\); nothing to do/
        )
    }
    expect(findMerge(b2, '1'.repeat(40), undefined)).toBe('history[0]')
  })

  it('skips a merge that brought no new runs (the same runs as the champion, e.g. a docs-only PR), also after a JSON round trip', () => {
    const b1 = parseBaseline(serializeBaseline(first()), 'baseline.json')
    const result = promote(
      input({ previous: b1, runs: [run('logreg', 0.78)], pr: { number: 13 }, commit: '5'.repeat(40) })
    )
    expect(result).toEqual({
      kind: 'skipped',
      reason:
        'the runs of PR #13 are the ones already recorded for PR #12 (logreg); the baseline is unchanged'
    })
  })

  it('a reviewer’s champion pick wins over the ranking', () => {
    const result = promote(
      input({
        runs: [run('best', 0.9), run('picked', 0.85)],
        decisions: { championPick: { name: 'picked', by: 'carol', at: '2026-02-28T00:00:00Z' }, accepted: [] }
      })
    )
    expect(result.kind === 'promoted' && result.baseline.champion.name).toBe('picked')
    expect(result.kind === 'promoted' && result.baseline.champion.reason).toBe(
      'Picked by @carol with /experiments champion.'
    )
    expect(
      result.kind === 'promoted' && result.baseline.champion.experiments?.find(e => e.chosen)?.name
    ).toBe('picked')
  })

  it('a pick that names no run or a failed run falls back to the ranking with a warning', () => {
    for (const name of ['ghost', 'oom']) {
      const result = promote(
        input({
          runs: [run('best', 0.9), failed('oom', 'x')],
          decisions: { championPick: { name, by: 'carol', at: 'x' }, accepted: [] }
        })
      )
      expect(result.kind).toBe('promoted')
      if (result.kind !== 'promoted') return
      expect(result.baseline.champion.name).toBe('best')
      expect(result.warnings[0]).toMatch(
        new RegExp(`the picked champion "${name}" .*; the best run on f1 was promoted instead`)
      )
    }
  })

  it('keeps the champion when the PR’s best ranks below it, recording the PR for its experiments', () => {
    const result = promote(input({ previous: first(), runs: [run('worse', 0.7)], pr: { number: 60 } }))
    expect(result.kind).toBe('promoted')
    if (result.kind !== 'promoted') return
    expect(result.becameChampion).toBe(false)
    expect(result.baseline.champion.name).toBe('logreg')
    expect(result.baseline.history[0]).toMatchObject({ name: 'worse', promoted: false, pr: { number: 60 } })
    expect(result.baseline.history[0].reason).toMatch(
      /^Not promoted: its f1 \(0\.7\) ranks below the champion logreg \(0\.78\)/
    )
  })

  it('an accepted regression wins over the ranking: the PR’s champion replaces a better one, and the acceptance is kept', () => {
    const accepted = [{ metric: 'f1', reason: 'smaller model', by: 'alice', at: '2026-02-27T10:00:00Z' }]
    const result = promote(
      input({ previous: first(), runs: [run('smaller', 0.7)], pr: { number: 61 }, decisions: { accepted } })
    )
    expect(result.kind === 'promoted' && result.becameChampion).toBe(true)
    if (result.kind !== 'promoted') return
    expect(result.baseline.champion).toMatchObject({ name: 'smaller', acceptedRegressions: accepted })
    expect(result.baseline.history[0].name).toBe('logreg')
  })

  it('promotes nothing when every run failed or there are no runs', () => {
    const allFailed = promote(input({ runs: [failed('a', 'x'), failed('b', 'y')], pr: { number: 3 } }))
    expect(allFailed).toEqual({
      kind: 'skipped',
      reason: 'every run of PR #3 failed (2 runs); failed runs are never promoted, the baseline is unchanged'
    })
    expect(promote(input({ runs: [] }))).toEqual({
      kind: 'skipped',
      reason: 'no experiment runs were found for commit aaaaaaa; the baseline is unchanged'
    })
  })

  it('places a merge older than the champion in the history at its date (a re-run of an old push)', () => {
    const b2 = promoted({
      previous: first(),
      runs: [run('xgb', 0.86)],
      pr: { number: 57 },
      commit: '2'.repeat(40),
      date: '2026-03-01T00:00:00Z'
    })
    const result = promote(
      input({
        previous: b2,
        runs: [run('mid', 0.99)],
        pr: { number: 40 },
        commit: '3'.repeat(40),
        date: '2026-02-01T00:00:00Z'
      })
    )
    expect(result.kind === 'promoted' && result.becameChampion).toBe(false)
    if (result.kind !== 'promoted') return
    expect(result.baseline.champion.name).toBe('xgb')
    expect(result.baseline.history.map(r => r.pr?.number)).toEqual([40, 12])
  })

  it('is a pure function: the same inputs give the same file text, which parses back to the same data', () => {
    const make = () =>
      serializeBaseline(
        promoted({
          previous: first(),
          runs: [run('x', 0.9), run('y', NaN)],
          pr: { number: 8 },
          commit: '8'.repeat(40)
        })
      )
    const text = make()
    expect(make()).toBe(text)
    expect(serializeBaseline(parseBaseline(text, 'baseline.json'))).toBe(text)
  })
})
