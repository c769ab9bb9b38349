// The noise-aware gate on simulated pull requests: 2,000 PRs with no true change and 2,000 with a true drop of
// 2σ, n = 5 seeds a side, normal noise from a seeded PRNG (Box–Muller). Each PR goes through the real
// compareRuns (grouping, Welch test, max_drop rule, gate). Beside it, what peers do: fail when the ratio of the
// means falls below a threshold, at the threshold that gives the same false-failure rate on these PRs, and
// the same threshold applied to a metric twice as noisy (a fixed threshold does not know the noise; the test does).
import type { Benchmark, BenchRow } from './harness.js'
import { recordFromExperiment, type BaselineRecord } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import { seededNormal } from '../src/core/stats.js'

const PRS = 2000
const SEEDS = 5
const MEAN = 0.85
const SIGMA = 0.01
const ALPHA = 0.05

/** One simulated PR: the baseline's samples and the PR's samples of `accuracy`. */
interface SimulatedPr {
  baseline: number[]
  current: number[]
}

function simulate(seed: number, shiftInSigmas: number, sigma: number): SimulatedPr[] {
  const normal = seededNormal(seed)
  const draw = (mean: number) => Array.from({ length: SEEDS }, () => mean + sigma * normal())
  return Array.from({ length: PRS }, () => ({
    baseline: draw(MEAN),
    current: draw(MEAN - shiftInSigmas * sigma)
  }))
}

function rules(): Rules {
  const r = defaultRules()
  r.primary = 'accuracy'
  r.metrics = { accuracy: { goal: 'maximize', maxDrop: { amount: 0, relative: false } } }
  r.significance = { alpha: ALPHA, adjust: 'holm' }
  return r
}

function runsOf(name: string, values: number[]): Run[] {
  return values.map((value, i) =>
    makeRun({
      id: `builtin:experiments/${name}-seed${i}`,
      name: `${name}-seed${i}`,
      source: 'builtin',
      path: `experiments/${name}-seed${i}`,
      metrics: { accuracy: { value } }
    })
  )
}

/** The gate's verdict on one simulated PR, through compareRuns. */
function gateFails(pr: SimulatedPr, r: Rules): boolean {
  const baseline: BaselineRecord = recordFromExperiment(makeExperiment('main', runsOf('main', pr.baseline)))
  const comparison = compareRuns({ runs: runsOf('pr', pr.current), baseline, rules: r })
  return comparison.verdict === 'fail'
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const ratio = (pr: SimulatedPr) => mean(pr.current) / mean(pr.baseline)

/** The ratio threshold (fail when ratio < threshold) whose false-failure rate on `nulls` is `rate`. */
function calibrate(nulls: SimulatedPr[], rate: number): number {
  const ratios = nulls.map(ratio).sort((a, b) => a - b)
  const k = Math.max(0, Math.round(rate * ratios.length) - 1)
  return (ratios[k] + ratios[k + 1]) / 2
}

const share = (prs: SimulatedPr[], fails: (pr: SimulatedPr) => boolean) =>
  prs.filter(fails).length / prs.length

/** Simulated PRs judged by the gate and by a plain ratio threshold. */
export const benchmarks: Benchmark[] = [
  {
    name: 'noise-aware gate (2,000 simulated PRs, n = 5 seeds a side)',
    run: async (): Promise<BenchRow[]> => {
      const r = rules()
      const gate = (prs: SimulatedPr[]) => share(prs, pr => gateFails(pr, r))
      const pct = (x: number) => x * 100
      const nulls = simulate(1, 0, SIGMA)
      const falseFailures = gate(nulls)
      // The peers' ratio threshold, set to give the gate's false-failure rate at σ = 0.01, then kept fixed.
      const threshold = calibrate(nulls, falseFailures)
      const byRatio = (prs: SimulatedPr[]) => share(prs, pr => ratio(pr) < threshold)
      const rows: BenchRow[] = []
      const scenarios: { sigma: number; label: string; seed: number }[] = [
        { sigma: SIGMA, label: 'σ = 0.01, the calibration noise', seed: 1 },
        { sigma: 2 * SIGMA, label: 'σ = 0.02, twice the noise', seed: 3 },
        { sigma: SIGMA / 2, label: 'σ = 0.005, half the noise', seed: 5 }
      ]
      for (const { sigma, label, seed } of scenarios) {
        const none = seed === 1 ? nulls : simulate(seed, 0, sigma)
        const drops = simulate(seed + 1, 2, sigma)
        const ff = seed === 1 ? falseFailures : gate(none)
        const detected = gate(drops)
        const reference = `ratio of means < ${threshold.toFixed(5)}${seed === 1 ? ' (calibrated to the same false-failure rate)' : ' (same threshold)'}`
        rows.push(
          {
            name: `false failures, no true change (${label})`,
            value: pct(ff),
            unit: '%',
            reference: { name: reference, value: pct(byRatio(none)) },
            goal: { text: `≤ alpha + 1 pt = ${pct(ALPHA) + 1}%`, met: ff <= ALPHA + 0.01 }
          },
          {
            name: `detected, true drop of 2σ (${label})`,
            value: pct(detected),
            unit: '%',
            reference: { name: reference, value: pct(byRatio(drops)) },
            goal: { text: '≥ 75%', met: detected >= 0.75 }
          }
        )
      }
      const onePercent = (prs: SimulatedPr[]) => share(prs, pr => ratio(pr) < 0.99)
      rows.push({
        name: 'false failures, no true change, a fixed "1% drop" ratio rule (σ = 0.01)',
        value: pct(onePercent(nulls)),
        unit: '%',
        reference: { name: 'the noise-aware gate', value: pct(falseFailures) }
      })
      return rows
    }
  }
]
