// Reviewers' decisions and the kept review (src/core/decisions.ts, src/report/review-state.ts): read as untrusted
// state, an acceptance covers one head, the gate is re-judged without runs, and the kept review round-trips.
import { parseRulesFile } from '../src/config/rules-file.js'
import { recordFromExperiment } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import {
  acceptedForHead,
  applyAcceptances,
  championPickOf,
  championPickProblem,
  decisionsForMerge,
  readDecisions,
  regressedMetrics,
  type AcceptDecision,
  type ReviewDecision
} from '../src/core/decisions.js'
import { makeExperiment } from '../src/core/experiment.js'
import { renderComment } from '../src/report/comment.js'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { couldFitDeflated, deflatedHiddenStateWithin, readHiddenState } from '../src/report/hidden-state.js'
import {
  buildStickyComment,
  readReviewSnapshot,
  renderStickyComment,
  REVIEW_STATE,
  REVIEW_STATE_BUDGET,
  reviewState,
  type ReviewSnapshot
} from '../src/report/review-state.js'
import { run } from './helpers/runs.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const rules = parseRulesFile(
  [
    'primary: f1',
    'metrics:',
    '  f1: { goal: maximize, max_drop: 0.01 }',
    '  latency_ms: { goal: minimize, max: 50 }',
    'overfitting: { train: train_f1, val: f1, max_gap: 0.05 }'
  ].join('\n'),
  'r.yml'
)
const baseline = recordFromExperiment(
  makeExperiment('base', [run('base', { f1: 0.9, latency_ms: 40, train_f1: 0.92 })]),
  { pr: { number: 3 }, commit: A }
)
const accept = (metric: string, head: string, at = '2025-01-01T00:00:00Z'): AcceptDecision => ({
  kind: 'accept',
  metric,
  reason: `ok ${metric}`,
  by: 'alice',
  at,
  head
})

describe('decisions', () => {
  it('reads only well-formed entries of untrusted state', () => {
    const good = accept('f1', A)
    expect(
      readDecisions({
        decisions: [
          good,
          { ...good, head: 'not-a-sha' },
          { ...good, metric: '' },
          { kind: 'champion', run: 'r', by: 'bob', at: 'x', head: B },
          { kind: 'delete-everything', by: 'eve', at: 'x', head: A },
          'text',
          null
        ]
      })
    ).toEqual([good, { kind: 'champion', run: 'r', by: 'bob', at: 'x', head: B }])
    expect(readDecisions(undefined)).toEqual([])
    expect(readDecisions({ decisions: 'no' })).toEqual([])
  })

  it('an acceptance covers its head only; the latest per metric wins; the latest pick wins', () => {
    const decisions: ReviewDecision[] = [
      accept('f1', A, '2025-01-01T00:00:00Z'),
      { ...accept('f1', A, '2025-01-02T00:00:00Z'), reason: 'second' },
      accept('latency_ms', B),
      { kind: 'champion', run: 'r1', by: 'alice', at: '1', head: A },
      { kind: 'champion', run: 'r2', by: 'bob', at: '2', head: B }
    ]
    expect(acceptedForHead(decisions, A)).toEqual([
      { metric: 'f1', reason: 'second', by: 'alice', at: '2025-01-02T00:00:00Z' }
    ])
    expect(acceptedForHead(decisions, B).map(a => a.metric)).toEqual(['latency_ms'])
    expect(championPickOf(decisions)).toEqual({ name: 'r2', by: 'bob', at: '2' })
    expect(decisionsForMerge(decisions, B)).toEqual({
      accepted: [expect.objectContaining({ metric: 'latency_ms' })],
      championPick: { name: 'r2', by: 'bob', at: '2' }
    })
  })

  it('re-judges the gate like a fresh comparison would, overfitting included', () => {
    const runs = [run('pr', { f1: 0.85, latency_ms: 60, train_f1: 0.95 })]
    const plain = compareRuns({ runs, baseline, rules })
    expect(plain.verdict).toBe('fail')
    expect(regressedMetrics(plain).sort()).toEqual(['f1', 'latency_ms'])
    const accepted = acceptedForHead([accept('f1', A), accept('latency_ms', A)], A)
    const fresh = compareRuns({ runs, baseline, rules, accepted })
    const reapplied = applyAcceptances(plain, accepted)
    expect(fresh.verdict).toBe('pass')
    expect(reapplied.verdict).toBe('pass')
    expect(reapplied.violations.map(v => [v.rule, !!v.accepted])).toEqual(
      fresh.violations.map(v => [v.rule, !!v.accepted])
    )
    expect(reapplied.violations.some(v => v.rule === 'overfitting')).toBe(true)
    expect(reapplied.metrics).toEqual(fresh.metrics)
    // One of the two accepted: still failing. None: back to the plain verdict.
    expect(applyAcceptances(plain, accepted.slice(0, 1)).verdict).toBe('fail')
    expect(applyAcceptances(reapplied, []).violations.every(v => !v.accepted)).toBe(true)
  })

  it('never accepts missing evidence, and keeps no-baseline apart from pass', () => {
    const empty = compareRuns({ runs: [], baseline, rules })
    expect(applyAcceptances(empty, acceptedForHead([accept('f1', A)], A)).verdict).toBe('fail')
    const first = compareRuns({ runs: [run('pr', { f1: 0.8, latency_ms: 70, train_f1: 0.8 })], rules })
    expect(first.verdict).toBe('fail')
    expect(applyAcceptances(first, acceptedForHead([accept('latency_ms', A)], A)).verdict).toBe('no-baseline')
  })

  it('a champion pick must name a finished run of the review', () => {
    const c = compareRuns({
      runs: [
        run('good', { f1: 0.91, latency_ms: 40 }),
        run('broken', { f1: 0.5, latency_ms: 40 }, { metadata: { status: 'failed' } })
      ],
      baseline,
      rules
    })
    expect(championPickProblem(c, 'good')).toBeUndefined()
    expect(championPickProblem(c, 'broken')).toEqual({ kind: 'not-finished', status: 'failed' })
    expect(championPickProblem(c, 'nope')).toEqual({ kind: 'unknown', finished: ['good'] })
  })
})

describe('the kept review', () => {
  const snapshotOf = (runs = [run('pr', { f1: 0.85, latency_ms: 60, train_f1: 0.95 })]): ReviewSnapshot => ({
    version: 1,
    head: A,
    comparison: compareRuns({ runs, baseline, rules }),
    context: { headSha: A, baseSha: B, baseBranch: 'main' },
    gate: { kind: 'check', runId: 77 },
    failOnRegression: true
  })

  it('round-trips through the comment, NaN and infinities included', () => {
    const snapshot = snapshotOf([run('pr', { f1: Number.NaN, latency_ms: Infinity, train_f1: -Infinity })])
    const body = renderStickyComment({ snapshot, decisions: [], commandPermission: 'write' })
    const read = readReviewSnapshot(body)
    expect(read?.gate).toEqual({ kind: 'check', runId: 77 })
    const champion = read?.comparison.champion?.metrics
    expect(champion?.f1.value).toBeNaN()
    expect(champion?.latency_ms.value).toBe(Infinity)
    expect(champion?.train_f1.value).toBe(-Infinity)
    // The same review and decisions always give the same text.
    expect(renderStickyComment({ snapshot, decisions: [], commandPermission: 'write' })).toBe(body)
  })

  it('is thinned to fit its budget, and a run name cannot pass for a number', () => {
    const history = Array.from({ length: 20_000 }, (_, i) => ({ step: i, value: Math.sin(i) + i / 1e4 }))
    const runs = Array.from({ length: 30 }, (_, k) =>
      run(`r${k}`, { f1: { value: 0.85 + k / 1000, history }, latency_ms: 40 })
    )
    runs.push(run('\u0000nf:NaN', { f1: { value: 0.99, history }, latency_ms: 41 }))
    const text = reviewState(snapshotOf(runs))?.value
    expect(text).toBeDefined()
    expect(text!.length).toBeLessThanOrEqual(REVIEW_STATE_BUDGET)
    const read = readReviewSnapshot(text!)
    expect(read?.comparison.curves[0].current!.length).toBeLessThanOrEqual(200)
    expect(read?.comparison.experiments.some(e => e.name === '\u0000nf:NaN')).toBe(true)
  })

  /** The JSON text a deflated block holds. */
  // The format a deflated block has, written out here: the value's JSON, deflated (raw, level 9), in base64url.
  const deflatedBlock = (kind: string, value: unknown) =>
    `<!-- experiment-review:state:${kind}:z:${deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 9 }).toString('base64url')} -->`
  const jsonOf = (block: string) =>
    inflateRawSync(Buffer.from(/:z:([A-Za-z0-9_-]+) -->$/.exec(block)![1], 'base64url')).toString('utf8')

  /** Whether every object in a JSON value has its keys in order (as the kept review writes them). */
  const keysInOrder = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.every(keysInOrder)
    if (!value || typeof value !== 'object') return true
    const keys = Object.keys(value)
    return keys.every((k, i) => i === 0 || keys[i - 1] < k) && Object.values(value).every(keysInOrder)
  }

  it('keeps the whole review when it fits, written as the general writer writes its value, keys in order', () => {
    const history = Array.from({ length: 300 }, (_, i) => ({ step: i, value: i / 300 }))
    const snapshot = snapshotOf([
      run(
        'pr',
        { f1: { value: 0.85, history }, latency_ms: Number.NaN, train_f1: 0.95 },
        { params: { b: 1, a: 2 } }
      )
    ])
    const text = reviewState(snapshot)!.value
    const json = jsonOf(text)
    expect(deflatedBlock(REVIEW_STATE, JSON.parse(json))).toBe(text)
    expect(keysInOrder(JSON.parse(json))).toBe(true)
    // Not thinned: the history keeps all 300 points.
    expect(readReviewSnapshot(text)?.comparison.champion?.metrics.f1.history).toHaveLength(300)
  })

  it('keeps a review whole whose JSON is megabytes but deflates small: the size bound refuses only what cannot fit', () => {
    const note = 'a'.repeat(3_000_000)
    const text = reviewState(
      snapshotOf([run('pr', { f1: 0.85, latency_ms: 40 }, { params: { note } })])
    )?.value
    expect(text).toBeDefined()
    expect(jsonOf(text!).length).toBeGreaterThan(3_000_000)
    expect(readReviewSnapshot(text!)?.comparison.params).toEqual([
      { name: 'note', kind: 'added', current: note }
    ])
  })

  it('leaves the review out when even the thinnest one is over budget', () => {
    // Thinning keeps every warning: 3,000 of them with pseudo-random names deflate past the budget on their own.
    let seed = 42
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31).toString(16)
    const warnings = Array.from({ length: 3000 }, () => ({
      kind: 'champion-pick' as const,
      problem: `run ${next()}${next()}${next()} was not finished`
    }))
    expect(deflatedBlock(REVIEW_STATE, warnings).length).toBeGreaterThan(REVIEW_STATE_BUDGET)
    const snapshot = snapshotOf()
    expect(reviewState({ ...snapshot, comparison: { ...snapshot.comparison, warnings } })).toBeUndefined()
  })

  it('writes a deflated block only within the length asked for, to the character', () => {
    const value = { runs: Array.from({ length: 500 }, (_, i) => `run-${i}`) }
    const text = deflatedBlock('x', value)
    expect(deflatedHiddenStateWithin('x', JSON.stringify(value), text.length)?.value).toBe(text)
    expect(deflatedHiddenStateWithin('x', JSON.stringify(value), text.length - 1)).toBeUndefined()
    expect(deflatedHiddenStateWithin('x', JSON.stringify(value), 10)).toBeUndefined()
  })

  it('bounds the deflated size from below: never refuses a text that fits, refuses one twice as long as the most compressible that fits', () => {
    const most = 'a'.repeat(5_000_000)
    const length = deflatedBlock('x', most).length
    expect(couldFitDeflated('x', JSON.stringify(most).length, length)).toBe(true)
    expect(couldFitDeflated('x', 2 * JSON.stringify(most).length, length)).toBe(false)
  })

  it('shows the comment without its hidden state, folded as the comment is, the same text as the comment stripped of its blocks', () => {
    // 200 long-named runs with 40 params and long curves: the comment with its state folds more than one without.
    const history = Array.from({ length: 5000 }, (_, i) => ({ step: i, value: Math.sin(i * 7.3) }))
    const params = (k: number) =>
      Object.fromEntries(
        Array.from({ length: 40 }, (_, j) => [`param_${j}_${'q'.repeat(20)}`, (k * 31 + j) % 97])
      )
    const wide = Array.from({ length: 200 }, (_, k) =>
      run(
        `r${k}-${'n'.repeat(100)}`,
        { f1: { value: 0.8 + k / 10_000, history }, latency_ms: 40 + k },
        { params: params(k) }
      )
    )
    for (const runs of [undefined, wide]) {
      const input = { snapshot: snapshotOf(runs), decisions: [accept('f1', A)], commandPermission: 'write' }
      const { body, shown } = buildStickyComment(input)
      expect(body).toBe(renderStickyComment(input))
      expect(body.match(/<!-- experiment-review:state:/g)).toHaveLength(2)
      expect(shown).not.toContain('experiment-review:state:')
      expect(shown.trimEnd()).toBe(body.replace(/<!-- experiment-review:state:[^\n]*? -->\n?/g, '').trimEnd())
    }
    const snapshot = snapshotOf(wide)
    const unfolded = renderComment(snapshot.comparison, snapshot.context, { commandPermission: 'write' })
    const { shown } = buildStickyComment({ snapshot, decisions: [], commandPermission: 'write' })
    expect(shown.length).toBeLessThan(unfolded.length - 10_000)
  })

  it('reads a deflated block back, and refuses one that inflates past its cap or is not base64url', () => {
    const block = deflatedBlock('x', { a: 1 })
    expect(block).toMatch(/^<!-- experiment-review:state:x:z:[A-Za-z0-9_-]+ -->$/)
    expect(readHiddenState(block, 'x')).toEqual({ a: 1 })
    expect(readHiddenState(block.replace(':z:', ':z:!!'), 'x')).toBeUndefined()
    expect(readHiddenState('<!-- experiment-review:state:x:z:AAAA -->', 'x')).toBeUndefined()
  })
})
