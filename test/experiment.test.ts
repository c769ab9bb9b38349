// Experiments: grouping repeats (group, parent run, name patterns) into samples, and the baseline keeping them.
import { parseBaseline, recordFromExperiment, serializeBaseline } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { groupRuns, makeExperiment, stripRepeatSuffixes } from '../src/core/experiment.js'
import { defaultRules } from '../src/core/rules.js'
import { makeRun, type Run, type RunMetadata } from '../src/core/run.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { warningMessage } from '../src/report/findings.js'

function run(
  id: string,
  name: string,
  accuracy: number,
  metadata: Partial<RunMetadata> = {},
  params: Run['params'] = {}
): Run {
  return makeRun({
    id,
    name,
    source: 'builtin',
    path: `experiments/${name}`,
    metrics: { accuracy: { value: accuracy } },
    metadata: metadata as RunMetadata,
    params
  })
}

describe('grouping repeats into experiments', () => {
  it('groups by -seed<N> and -fold<N> by default, with mean ± sd, n and a 95% interval', () => {
    const experiments = groupRuns(
      [
        run('a', 'xgb-seed1', 0.9),
        run('b', 'xgb-seed2', 0.92),
        run('c', 'xgb-seed3', 0.91),
        run('d', 'mlp', 0.8)
      ],
      defaultRules()
    )
    expect(experiments.map(e => e.name)).toEqual(['xgb', 'mlp'])
    const acc = experiments[0].metrics.accuracy
    expect(acc.n).toBe(3)
    expect(acc.value).toBeCloseTo(0.91, 12)
    expect(acc.sd).toBeCloseTo(0.01, 12)
    // 95% CI: 0.91 ± qt(0.975, 2) · 0.01/√3, qt(0.975, 2) = 4.302653 (R)
    expect(acc.ci95?.[0]).toBeCloseTo(0.91 - (4.302653 * 0.01) / Math.sqrt(3), 6)
    expect(acc.sampleRuns).toEqual(['xgb-seed1', 'xgb-seed2', 'xgb-seed3'])
    expect(experiments[1].metrics.accuracy).toMatchObject({ n: 1, samples: [0.8] })
  })

  it('strips stacked suffixes (fold and seed) and is case-insensitive', () => {
    expect(stripRepeatSuffixes('bert-fold2-seed1', ['-seed<N>', '-fold<N>'])).toBe('bert')
    expect(stripRepeatSuffixes('bert-SEED7', ['-seed<N>'])).toBe('bert')
    expect(stripRepeatSuffixes('bert', ['-seed<N>'])).toBeUndefined()
    expect(stripRepeatSuffixes('-seed1', ['-seed<N>'])).toBeUndefined()
  })

  it('uses the rules file grouping.patterns', () => {
    const rules = parseRulesFile('grouping:\n  patterns: ["_s<N>", ".rep<N>"]\n', 'rules.yml')
    const experiments = groupRuns(
      [
        run('a', 'cnn_s1', 0.7),
        run('b', 'cnn_s2', 0.72),
        run('c', 'cnn.rep1', 0.71),
        run('d', 'cnn-seed1', 0.5)
      ],
      rules
    )
    expect(experiments.map(e => [e.name, e.runs.length])).toEqual([
      ['cnn', 3],
      ['cnn-seed1', 1]
    ])
  })

  it('groups by metadata group (built-in group, W&B group) before the name', () => {
    const experiments = groupRuns(
      [
        run('a', 'alpha', 0.9, { group: 'sweep-1' }),
        run('b', 'beta', 0.8, { group: 'sweep-1' }),
        run('c', 'gamma', 0.7)
      ],
      defaultRules()
    )
    expect(experiments.map(e => [e.name, e.runs.length])).toEqual([
      ['sweep-1', 2],
      ['gamma', 1]
    ])
  })

  it('groups MLflow children under their parent run, which frames them', () => {
    const parent = run('mlflow:mlruns/1/p1', 'cv-experiment', NaN)
    const children = [1, 2, 3].map(i =>
      run(`mlflow:mlruns/1/c${i}`, `fold ${i}`, 0.8 + i / 100, { parentId: 'p1' })
    )
    const experiments = groupRuns([parent, ...children], defaultRules())
    expect(experiments).toHaveLength(1)
    expect(experiments[0].name).toBe('cv-experiment')
    expect(experiments[0].metrics.accuracy.n).toBe(3)
    // A parent that is not among the runs still groups its children, by its id.
    const orphans = groupRuns(children, defaultRules())
    expect(orphans.map(e => [e.name, e.runs.length])).toEqual([['p1', 3]])
  })

  it('keeps failed runs out of the samples and reports them', () => {
    const experiments = groupRuns(
      [run('a', 'x-seed1', 0.9), run('b', 'x-seed2', 0.1, { status: 'failed' }), run('c', 'x-seed3', 0.92)],
      defaultRules()
    )
    expect(experiments[0].metrics.accuracy.samples).toEqual([0.9, 0.92])
    expect(experiments[0].failedRuns.map(r => r.name)).toEqual(['x-seed2'])
    expect(experiments[0].status).toBe('finished')
  })

  it('counts non-finite samples and keeps them out of the mean', () => {
    const e = makeExperiment('x', [
      run('a', 'x-seed1', 0.9),
      run('b', 'x-seed2', NaN),
      run('c', 'x-seed3', 0.92)
    ])
    expect(e.metrics.accuracy).toMatchObject({ n: 2, nonFinite: 1, samples: [0.9, NaN, 0.92] })
    expect(e.metrics.accuracy.value).toBeCloseTo(0.91, 12)
    const allNaN = makeExperiment('y', [run('a', 'y-seed1', NaN), run('b', 'y-seed2', NaN)])
    expect(allNaN.metrics.accuracy.value).toBeNaN()
    expect(allNaN.metrics.accuracy.nonFinite).toBe(2)
  })

  it('names parameters that differ between the repeats (seed-like ones aside) and warns', () => {
    const runs = [
      run('a', 'x-seed1', 0.9, {}, { lr: 0.1, seed: 1 }),
      run('b', 'x-seed2', 0.91, {}, { lr: 0.2, seed: 2 })
    ]
    expect(groupRuns(runs, defaultRules())[0].varyingParams).toEqual(['lr'])
    const c = compareRuns({ runs, rules: defaultRules() })
    expect(warningMessage(c.warnings.find(w => w.kind === 'mixed-repeats')!)).toBe(
      'the 2 runs of x differ in lr, so they are not plain repeats of one configuration'
    )
  })
})

describe('the baseline keeps the champion’s samples', () => {
  it('survives a write and a read, NaN included, and is tested against next time', () => {
    const champion = makeExperiment('main', [
      run('a', 'm-seed1', 0.9),
      run('b', 'm-seed2', 0.91),
      run('c', 'm-seed3', NaN)
    ])
    const text = serializeBaseline({
      schema: 'experiment-review/baseline',
      version: 1,
      id: 'default',
      champion: recordFromExperiment(champion),
      history: []
    })
    const file = parseBaseline(text, '.experiments/baseline.json')
    expect(file.champion.metrics.accuracy.samples).toEqual([0.9, 0.91, NaN])
    expect(file.champion.metrics.accuracy.n).toBe(2)
    const rules = defaultRules()
    rules.metrics.accuracy = { maxDrop: { amount: 0, relative: false } }
    const c = compareRuns({
      runs: [run('x', 'pr-seed1', 0.905), run('y', 'pr-seed2', 0.9)],
      baseline: file.champion,
      rules
    })
    expect(c.metrics[0].significance?.n).toEqual({ baseline: 2, current: 2 })
    expect(c.metrics[0].significance?.excluded).toEqual({ baseline: 1, current: 0 })
    expect(c.warnings.some(w => w.kind === 'non-finite-sample' && w.run === 'main')).toBe(true)
    expect(c.baseline?.samples).toBe(2)
  })
})
