import { compareRuns } from '../src/core/compare.js'
import { groupRuns } from '../src/core/experiment.js'
import {
  MAX_UNBINNED_VALUES,
  NUMERIC_BINS,
  numberOf,
  parameterEffects,
  type ParameterLevel
} from '../src/core/parameter-effects.js'
import { defaultRules } from '../src/core/rules.js'
import type { ParamValue, Run } from '../src/core/run.js'
import { summarizeSweep } from '../src/core/sweep.js'
import { SWEEP_OPTIMIZERS, sweepRuns } from './fixtures/make-sweep.js'
import { run } from './helpers/runs.js'

/** Whether a run's param value belongs to a level, read directly from the level's definition. */
function inLevel(value: ParamValue | undefined, level: ParameterLevel): boolean {
  if (level.kind === 'unset') return value === undefined || value === null || value === ''
  if (value === undefined || value === null || value === '') return false
  if (level.kind === 'range') {
    const n = Number(value)
    return n >= level.low && n <= level.high
  }
  return typeof level.value === 'number'
    ? Number(value) === level.value
    : String(value) === String(level.value)
}

/** Epsilon squared computed the textbook way, on unscaled values. */
function epsilonSquared(groups: number[][]): number | undefined {
  const all = groups.flat()
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const grand = mean(all)
  const total = all.reduce((s, x) => s + (x - grand) ** 2, 0)
  const between = groups.reduce((s, g) => s + g.length * (mean(g) - grand) ** 2, 0)
  const dfWithin = all.length - groups.length
  if (dfWithin < 1) return undefined
  const msWithin = (total - between) / dfWithin
  return Math.max(0, (between - (groups.length - 1) * msWithin) / total)
}

describe('parameter effects of a generated 5,000-run sweep', () => {
  const runs = sweepRuns({ runs: 5000 })
  const experiments = groupRuns(runs, defaultRules())
  const effects = parameterEffects(experiments, 'val_acc', 'maximize')

  it('summarises every configuration and leaves seeds and output folders out as identifiers', () => {
    expect(effects.configurations).toBe(5000)
    expect(effects.runs).toBe(5000)
    expect(effects.leftOut).toBe(0)
    expect(effects.identifiers.sort()).toEqual(['output_dir', 'seed'])
    expect(effects.effects.map(e => e.name).sort()).toEqual([
      'batch_size',
      'dropout',
      'lr',
      'optimizer',
      'warmup'
    ])
  })

  it('has, per level, the count, mean and best of a direct computation', () => {
    for (const effect of effects.effects) {
      let covered = 0
      for (const level of effect.levels) {
        const members = runs.filter(r => inLevel(r.params[effect.name], level.level))
        const values = members.map(r => r.metrics.val_acc.value)
        expect(level.count).toBe(members.length)
        expect(level.runs).toBe(members.length)
        expect(level.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12)
        expect(level.best).toBe(Math.max(...values))
        expect(members.find(r => r.metrics.val_acc.value === level.best)?.name).toBe(level.bestRun)
        covered += members.length
      }
      // The levels partition the configurations: none counted twice, none left out.
      expect(covered).toBe(5000)
      const means = effect.levels.map(l => l.mean)
      expect(effect.spread).toBeCloseTo(Math.max(...means) - Math.min(...means), 12)
      const groups = effect.levels.map(l =>
        runs.filter(r => inLevel(r.params[effect.name], l.level)).map(r => r.metrics.val_acc.value)
      )
      expect(effect.varianceShare).toBeCloseTo(epsilonSquared(groups) as number, 9)
    }
  })

  it('bins the learning rate (5,000 distinct values) by quantile and keeps grid values as they are', () => {
    const lr = effects.effects.find(e => e.name === 'lr')
    expect(lr).toMatchObject({ numeric: true, binned: true, distinct: 5000 })
    expect(lr?.levels).toHaveLength(NUMERIC_BINS)
    for (const level of lr?.levels ?? []) expect(level.count).toBe(1000)
    const ranges = (lr?.levels ?? []).map(l => l.level as { low: number; high: number })
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].low).toBeGreaterThan(ranges[i - 1].high)
    const dropout = effects.effects.find(e => e.name === 'dropout')
    expect(dropout).toMatchObject({ numeric: true, binned: false, distinct: 5 })
    expect(dropout?.levels.map(l => l.level)).toEqual(
      [0, 0.1, 0.2, 0.3, 0.5].map(value => ({ kind: 'value', value }))
    )
  })

  it('orders parameters by how much they matter: optimizer and learning rate first, warmup last', () => {
    expect(
      effects.effects
        .slice(0, 2)
        .map(e => e.name)
        .sort()
    ).toEqual(['lr', 'optimizer'])
    expect(effects.effects[effects.effects.length - 1].name).toBe('warmup')
    const shares = effects.effects.map(e => e.varianceShare as number)
    expect([...shares].sort((a, b) => b - a)).toEqual(shares)
  })

  it('lists categorical values best mean first', () => {
    const optimizer = effects.effects.find(e => e.name === 'optimizer')
    const order = Object.entries(SWEEP_OPTIMIZERS)
      .sort((a, b) => b[1] - a[1])
      .map(([name]) => name)
    expect(optimizer?.levels.map(l => (l.level as { value: string }).value)).toEqual(order)
  })
})

describe('parameter effects at the edges', () => {
  it('reads MLflow-style numeric text as numbers, and a param missing from some runs as "not set"', () => {
    const runs = [
      run('a', { f1: 0.7 }, { params: { lr: '0.001', layers: '2' } }),
      run('b', { f1: 0.8 }, { params: { lr: '1e-3', layers: '3' } }),
      run('c', { f1: 0.9 }, { params: { lr: '0.01' } }),
      run('d', { f1: 0.6 }, { params: { lr: '0.01', layers: '3' } })
    ]
    const effects = parameterEffects(groupRuns(runs, defaultRules()), 'f1', 'maximize')
    const lr = effects.effects.find(e => e.name === 'lr')
    expect(lr?.levels.map(l => [l.level, l.count])).toEqual([
      [{ kind: 'value', value: 0.001 }, 2],
      [{ kind: 'value', value: 0.01 }, 2]
    ])
    const layers = effects.effects.find(e => e.name === 'layers')
    expect(layers?.levels.map(l => l.level)).toEqual([
      { kind: 'value', value: 2 },
      { kind: 'value', value: 3 },
      { kind: 'unset' }
    ])
    expect(numberOf('0x10')).toBeUndefined()
    expect(numberOf(' 2.5e-4 ')).toBe(2.5e-4)
    expect(numberOf(true)).toBeUndefined()
  })

  it('takes the lowest as best for a metric to minimize, and leaves out failed runs and runs without the metric', () => {
    const runs = [
      run('a', { loss: 0.5 }, { params: { opt: 'sgd' } }),
      run('b', { loss: 0.3 }, { params: { opt: 'sgd' } }),
      run('c', { loss: 0.2 }, { params: { opt: 'adam' } }),
      run('d', { loss: 0.1 }, { params: { opt: 'adam' }, metadata: { status: 'failed' } }),
      run('e', { acc: 0.1 }, { params: { opt: 'adam' } })
    ]
    const effects = parameterEffects(groupRuns(runs, defaultRules()), 'loss', 'minimize')
    expect(effects).toMatchObject({ configurations: 3, leftOut: 2 })
    expect(effects.effects[0].levels).toEqual([
      { level: { kind: 'value', value: 'adam' }, count: 1, runs: 1, mean: 0.2, best: 0.2, bestRun: 'c' },
      { level: { kind: 'value', value: 'sgd' }, count: 2, runs: 2, mean: 0.4, best: 0.3, bestRun: 'b' }
    ])
  })

  it('counts a configuration with seeds once, at its mean, with its runs', () => {
    const runs = [
      run('wide-seed1', { acc: 0.8 }, { params: { width: 512, seed: 1 } }),
      run('wide-seed2', { acc: 0.9 }, { params: { width: 512, seed: 2 } }),
      run('narrow', { acc: 0.7 }, { params: { width: 128 } }),
      run('mid', { acc: 0.75 }, { params: { width: 256 } })
    ]
    const effects = parameterEffects(groupRuns(runs, defaultRules()), 'acc', 'maximize')
    expect(effects).toMatchObject({ configurations: 3, runs: 4 })
    const wide = effects.effects[0].levels.find(l => l.level.kind === 'value' && l.level.value === 512)
    expect(wide).toMatchObject({ count: 1, runs: 2, bestRun: 'wide' })
    expect(wide?.mean).toBeCloseTo(0.85, 12)
    // Every level holds one configuration: there is no noise to judge a share against.
    expect(effects.effects[0].varianceShare).toBeUndefined()
  })

  it('bins equal values together, even when one value fills several quantiles', () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      run(`r${i}`, { acc: i / 100 }, { params: { steps: i < 20 ? 1000 : 1000 + i } })
    )
    const effects = parameterEffects(groupRuns(runs, defaultRules()), 'acc', 'maximize')
    const steps = effects.effects[0]
    expect(steps).toMatchObject({ binned: true, distinct: 21 })
    expect(steps.distinct).toBeGreaterThan(MAX_UNBINNED_VALUES)
    expect(steps.levels[0]).toMatchObject({ level: { kind: 'range', low: 1000, high: 1000 }, count: 20 })
    expect(steps.levels.slice(1).map(l => l.count)).toEqual([4, 8, 8])
  })

  it('keeps the sums finite for values near the largest double', () => {
    const runs = [
      run('a', { score: 1e308 }, { params: { k: 'x' } }),
      run('b', { score: 1.5e308 }, { params: { k: 'x' } }),
      run('c', { score: -1e308 }, { params: { k: 'y' } }),
      run('d', { score: -1.5e308 }, { params: { k: 'y' } })
    ]
    const effects = parameterEffects(groupRuns(runs, defaultRules()), 'score', 'maximize')
    expect(effects.effects[0].levels.map(l => l.mean)).toEqual([1.25e308, -1.25e308])
    expect(effects.effects[0].varianceShare).toBeGreaterThan(0.9)
  })
})

describe("the champion's neighbourhood", () => {
  const runs: Run[] = sweepRuns({ runs: 5000 })

  it('lists the best configurations with the parameters in which each differs from the champion', () => {
    const comparison = compareRuns({ runs, rules: defaultRules() })
    const best = [...runs].sort((a, b) => b.metrics.val_acc.value - a.metrics.val_acc.value)
    expect(comparison.primary).toBe('val_acc')
    expect(comparison.champion?.name).toBe(best[0].name)
    const sweep = comparison.sweep
    expect(sweep?.champion).toBe(best[0].name)
    expect(sweep?.neighbourhood.map(n => n.name)).toEqual(best.slice(0, 50).map(r => r.name))
    const champion = best[0]
    for (const [i, n] of (sweep?.neighbourhood ?? []).entries()) {
      const r = best[i]
      expect(n).toMatchObject({ rank: i + 1, value: r.metrics.val_acc.value, champion: i === 0 })
      expect(n.difference).toBeCloseTo(r.metrics.val_acc.value - champion.metrics.val_acc.value, 15)
      const differing = ['lr', 'optimizer', 'batch_size', 'dropout', 'warmup'].filter(
        k => String(r.params[k]) !== String(champion.params[k])
      )
      expect(n.differences.map(d => d.name).sort()).toEqual(differing.sort())
      for (const d of n.differences)
        expect([d.value, d.champion]).toEqual([r.params[d.name], champion.params[d.name]])
    }
  })

  it("keeps a reviewer's pick as the reference, with its rank", () => {
    const small = sweepRuns({ runs: 30 })
    const ranked = [...small].sort((a, b) => b.metrics.val_acc.value - a.metrics.val_acc.value)
    const comparison = compareRuns({
      runs: small,
      rules: defaultRules(),
      championPick: { name: ranked[7].name, by: 'reviewer' }
    })
    const neighbourhood = comparison.sweep?.neighbourhood ?? []
    const picked = neighbourhood.find(n => n.champion)
    expect(picked).toMatchObject({ name: ranked[7].name, rank: 8, difference: 0, differences: [] })
    expect(neighbourhood[0].difference).toBeGreaterThan(0)
  })

  it('is not built for fewer than three configurations or when no parameter varies', () => {
    const two = sweepRuns({ runs: 2 })
    expect(compareRuns({ runs: two, rules: defaultRules() }).sweep).toBeUndefined()
    const same = [1, 2, 3].map(i => run(`r${i}`, { acc: i / 10 }, { params: { lr: 0.1 } }))
    const experiments = groupRuns(same, defaultRules())
    expect(summarizeSweep(experiments, 'acc', 'maximize', experiments[0])).toBeUndefined()
  })
})
