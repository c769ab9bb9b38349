// A checkout of the default branch for monitor mode, shared by the tests and `npm run demo:monitor`: a rules file
// with retraining conditions and a baseline (prod-v3, promoted by PR #41) committed with git, and evaluation runs
// written on disk in the built-in format, replaced on each evaluation.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BASELINE_VERSION, recordFromExperiment, serializeBaseline } from '../src/core/baseline.js'
import { groupRuns } from '../src/core/experiment.js'
import { makeRun } from '../src/core/run.js'
import { defaultRules } from '../src/core/rules.js'
import { madeOnce, type MadeFolders } from './helpers/made-once.js'

/** The rules of the monitor fixtures: accuracy below 0.85 or 3 points under the baseline, drift above 0.3. */
export const MONITOR_RULES = `primary: accuracy
retraining:
  labels: [retraining, model-health]
  when:
    accuracy: { below: 0.85, max_drop: 0.03 }
    drift_score: { above: 0.3 }
`

/** Makes a git checkout under `parent` with the rules and a baseline whose accuracy is `baselineAccuracy`. */
export async function makeMonitorCheckout(
  parent: string,
  rulesText = MONITOR_RULES,
  baselineAccuracy = 0.91
): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'checkout-'))
  // A checkout made before with the same rules and baseline is laid down again from its bytes.
  await madeOnce(monitorCheckouts, JSON.stringify([rulesText, baselineAccuracy]), dir, root =>
    commitMonitorCheckout(root, rulesText, baselineAccuracy)
  )
  return dir
}

/** Monitor checkouts this test file made, by their rules text and baseline accuracy. */
const monitorCheckouts: MadeFolders<void> = new Map()

/** makeMonitorCheckout's files and git commit in the empty folder `dir`. */
async function commitMonitorCheckout(
  dir: string,
  rulesText: string,
  baselineAccuracy: number
): Promise<void> {
  await mkdir(path.join(dir, '.github'), { recursive: true })
  await writeFile(path.join(dir, '.github/experiment-review.yml'), rulesText)
  const lead = makeRun({
    id: 'builtin:experiments/prod-v3',
    name: 'prod-v3',
    source: 'builtin',
    path: 'experiments/prod-v3',
    metrics: { accuracy: { value: baselineAccuracy }, drift_score: { value: 0.05 } }
  })
  const champion = groupRuns([lead], defaultRules())[0]
  const record = recordFromExperiment(champion, {
    pr: { number: 41, title: 'Model v3' },
    date: '2026-10-01T12:00:00Z'
  })
  await mkdir(path.join(dir, '.experiments'), { recursive: true })
  await writeFile(
    path.join(dir, '.experiments/baseline.json'),
    serializeBaseline({
      schema: 'experiment-review/baseline',
      version: BASELINE_VERSION,
      id: 'default',
      champion: record,
      history: []
    })
  )
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      stdio: 'pipe'
    })
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-q', '-m', 'rules and baseline')
}

/** Writes the evaluation runs (run name → metrics) in the built-in format, replacing the previous evaluation. */
export async function writeEvaluation(
  dir: string,
  runs: Record<string, Record<string, number>>
): Promise<void> {
  await rm(path.join(dir, 'experiments'), { recursive: true, force: true })
  for (const [name, metrics] of Object.entries(runs)) {
    await mkdir(path.join(dir, 'experiments', name), { recursive: true })
    await writeFile(path.join(dir, 'experiments', name, 'metrics.json'), JSON.stringify(metrics))
  }
}
