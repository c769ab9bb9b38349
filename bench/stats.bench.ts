// The gate on simulated pull requests, 2,000 PRs per row, 5 seeds a side, normal noise from a seeded PRNG
// (Box–Muller). Each PR goes through the real compareRuns (grouping, the test that fits the seeds, the
// limit-shifted one-sided gate, Holm across gated metrics). Beside it, on the same data, the naive rule of the
// first build: Welch's test against zero, one-sided in the direction the mean moved, at alpha per metric with no
// adjustment, failing when that is significant and the observed drop exceeds max_drop.
//
// A seed's value is mean + seed effect + noise with equal variances (σ² in total): the same seed on both sides
// shares its effect (paired), different seeds do not (unpaired).
import type { Benchmark, BenchRow } from './harness.js'
import { recordFromExperiment, type BaselineRecord } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { isNoTest, pValue, welch } from '../src/core/difference-tests.js'
import { makeExperiment } from '../src/core/experiment.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import { seededNormal } from '../src/core/stats.js'

const PRS = 2000
const SEEDS = 5
const MEAN = 0.85
const SIGMA = 0.01
const ALPHA = 0.05

/** One simulated PR: per metric, the baseline's and the PR's samples. */
interface SimulatedPr {
  baseline: Record<string, number[]>
  current: Record<string, number[]>
  /** The PR's runs reuse the baseline's seeds. */
  paired: boolean
}

interface Scenario {
  metrics: number
  /** True drop of the first metric, in σ. */
  dropInSigmas: number
  paired: boolean
  /** PR runs (the baseline always has SEEDS). */
  prRuns?: number
}

function simulate(seed: number, s: Scenario): SimulatedPr[] {
  const normal = seededNormal(seed)
  const part = SIGMA / Math.SQRT2
  return Array.from({ length: PRS }, () => {
    const baseline: Record<string, number[]> = {}
    const current: Record<string, number[]> = {}
    for (let m = 0; m < s.metrics; m++) {
      const effects = Array.from({ length: SEEDS }, () => part * normal())
      const prEffects = s.paired ? effects : Array.from({ length: SEEDS }, () => part * normal())
      const shift = m === 0 ? s.dropInSigmas * SIGMA : 0
      baseline[`m${m}`] = effects.map(e => MEAN + e + part * normal())
      current[`m${m}`] = prEffects.slice(0, s.prRuns ?? SEEDS).map(e => MEAN - shift + e + part * normal())
    }
    return { baseline, current, paired: s.paired }
  })
}

function rules(metrics: number, maxDrop: number): Rules {
  const r = defaultRules()
  r.primary = 'm0'
  r.metrics = Object.fromEntries(
    Array.from({ length: metrics }, (_, m) => [
      `m${m}`,
      { goal: 'maximize' as const, maxDrop: { amount: maxDrop, relative: false } }
    ])
  )
  r.significance = { alpha: ALPHA, adjust: 'holm' }
  return r
}

function runsOf(name: string, values: Record<string, number[]>, firstSeed: number): Run[] {
  const count = Math.max(...Object.values(values).map(v => v.length))
  return Array.from({ length: count }, (_, i) =>
    makeRun({
      id: `builtin:experiments/${name}-seed${firstSeed + i}`,
      name: count > 1 ? `${name}-seed${firstSeed + i}` : name,
      source: 'builtin',
      path: `experiments/${name}-seed${firstSeed + i}`,
      metrics: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v[i] }]))
    })
  )
}

/** The gate's verdict on one simulated PR, through compareRuns. */
function gateFails(pr: SimulatedPr, r: Rules): boolean {
  const baseline: BaselineRecord = recordFromExperiment(
    makeExperiment('main', runsOf('main', pr.baseline, 0))
  )
  const runs = runsOf('pr', pr.current, pr.paired ? 0 : 100)
  return compareRuns({ runs, baseline, rules: r }).verdict === 'fail'
}

/** The first build's rule: per metric, Welch one-sided vs 0 at alpha and the observed drop beyond max_drop. */
function naiveFails(pr: SimulatedPr, maxDrop: number): boolean {
  return Object.keys(pr.baseline).some(m => {
    const a = pr.baseline[m]
    const b = pr.current[m]
    const drop = mean(a) - mean(b)
    if (!(drop > maxDrop)) return false
    const test = welch(a, b)
    if (isNoTest(test)) return true // one run a side: the raw change decided
    return pValue(test, 'less') < ALPHA
  })
}

const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length
const share = (prs: SimulatedPr[], fails: (pr: SimulatedPr) => boolean) =>
  prs.filter(fails).length / prs.length
const pct = (x: number) => x * 100

interface Row {
  name: string
  scenario: Scenario
  maxDrop: number
  goal: { text: string; test: (rate: number) => boolean }
}

const ROWS: Row[] = [
  {
    name: 'false failures, no true change, 4 gated metrics (max_drop 0, familywise)',
    scenario: { metrics: 4, dropInSigmas: 0, paired: false },
    maxDrop: 0,
    goal: { text: `≤ alpha + 1 pt = ${pct(ALPHA) + 1}%`, test: r => r <= ALPHA + 0.01 }
  },
  {
    name: 'detected, true drop of 2σ, seeds paired (max_drop 0)',
    scenario: { metrics: 1, dropInSigmas: 2, paired: true },
    maxDrop: 0,
    goal: { text: '≥ 85%', test: r => r >= 0.85 }
  },
  {
    name: 'detected, true drop of 2σ, seeds not paired (max_drop 0)',
    scenario: { metrics: 1, dropInSigmas: 2, paired: false },
    maxDrop: 0,
    goal: { text: '≥ 75%', test: r => r >= 0.75 }
  },
  {
    name: 'fails, true drop of half of max_drop (max_drop 1σ, drop 0.5σ)',
    scenario: { metrics: 1, dropInSigmas: 0.5, paired: false },
    maxDrop: SIGMA,
    goal: { text: `≤ alpha = ${pct(ALPHA)}%`, test: r => r <= ALPHA }
  },
  {
    name: 'false failures, no true change, one PR run against 5 baseline seeds (max_drop 0)',
    scenario: { metrics: 1, dropInSigmas: 0, paired: false, prRuns: 1 },
    maxDrop: 0,
    goal: { text: `≤ alpha = ${pct(ALPHA)}% (+1 pt sampling)`, test: r => r <= ALPHA + 0.01 }
  }
]

/** Simulated PRs judged by the gate and, on the same data, by the first build's rule. */
export const benchmarks: Benchmark[] = [
  {
    name: 'the gate on simulated PRs (2,000 per row, 5 seeds a side)',
    run: async (): Promise<BenchRow[]> =>
      ROWS.map((row, i) => {
        const prs = simulate(11 + i, row.scenario)
        const r = rules(row.scenario.metrics, row.maxDrop)
        const rate = share(prs, pr => gateFails(pr, r))
        const naive = share(prs, pr => naiveFails(pr, row.maxDrop))
        return {
          name: row.name,
          value: pct(rate),
          unit: '%',
          reference: { name: 'naive rule (Welch vs 0 per metric, unadjusted)', value: pct(naive) },
          goal: { text: row.goal.text, met: row.goal.test(rate) }
        }
      })
  }
]
