import path from 'node:path'
import { compareRuns } from '../src/core/compare.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { experimentOf, type RunSelection } from '../src/core/selection.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { runPipeline } from '../src/modes/pipeline.js'
import { collectRuns } from '../src/sources/detect.js'
import { patternsMatcher } from '../src/sources/experiment-match.js'
import { selectRuns } from '../src/sources/run-selection.js'
import { writeTree } from './fixtures/make-dvc.js'
import { writeSharedFileStore, writeSharedSqliteStore } from './fixtures/make-shared-store.js'
import { run } from './helpers/runs.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('selection-')
const rulesWith = (select: string): Rules =>
  parseRulesFile(`select:\n${select}`, '.github/experiment-review.yml')

describe.each([
  ['a file store', (dir: string) => writeSharedFileStore(dir).then(() => 'mlruns')],
  [
    'a SQLite store',
    (dir: string) => writeSharedSqliteStore(path.join(dir, 'mlflow.db')).then(() => 'mlflow.db')
  ]
])('a shared MLflow store with two experiments, as %s', (_kind, write) => {
  let workspace: string
  let store: string
  beforeAll(async () => {
    workspace = await tempDir()
    store = await write(workspace)
  })
  const review = (rules: Rules) => runPipeline({ workspace, patterns: [store], rules })

  it('reviews only the selected experiment and counts the runs it left out', async () => {
    const { comparison } = await review(rulesWith('  experiments: [churn-model]\n'))
    expect(comparison.experiments.map(e => e.name).sort()).toEqual(['churn-a', 'churn-b', 'churn-c'])
    expect(comparison.champion?.name).toBe('churn-b')
    // The deleted run of fraud-model is neither read nor counted.
    expect(comparison.selection).toEqual({
      selected: { experiments: ['churn-model'] },
      leftOut: 2,
      leftOutExperiments: ['fraud-model'],
      experiments: ['churn-model']
    })
  })

  it('without a selection reviews both together and says which experiments the runs came from', async () => {
    const { comparison } = await review(defaultRules())
    expect(comparison.champion?.name).toBe('fraud-b')
    expect(comparison.selection).toMatchObject({
      leftOut: 0,
      leftOutExperiments: [],
      experiments: ['churn-model', 'fraud-model']
    })
  })

  it('selects by tag (a key=value tag by its key or both) and by group', async () => {
    const byKey = await review(rulesWith('  tags: [sweep]\n'))
    expect(byKey.comparison.experiments.map(e => e.name).sort()).toEqual(['churn-a', 'churn-b'])
    expect(byKey.comparison.selection?.leftOut).toBe(3)
    const byValue = await review(rulesWith('  tags: ["sweep=l*"]\n'))
    expect(byValue.comparison.experiments).toHaveLength(2)
    const byGroup = await review(rulesWith('  experiments: ["*-model"]\n  groups: [wide]\n'))
    expect(byGroup.comparison.experiments.map(e => e.name)).toEqual(['churn-b'])
    expect(byGroup.comparison.selection).toMatchObject({
      leftOut: 4,
      leftOutExperiments: ['fraud-model'],
      experiments: ['churn-model']
    })
  })
})

describe('selecting runs of other formats', () => {
  it('W&B projects by experiment, TensorBoard and CSV runs by folder; built-in runs are kept', () => {
    const wandb = {
      ...run('w1', { acc: 1 }, { metadata: { experiment: 'vision' } }),
      source: 'wandb' as const
    }
    const tensorboard = {
      ...run('version_0', { acc: 1 }),
      source: 'tensorboard' as const,
      path: 'runs/exp1/version_0'
    }
    const csv = { ...run('metrics', { acc: 1 }), source: 'csv' as const, path: 'logs/exp2/metrics.csv' }
    const builtin = run('b1', { acc: 1 })
    expect([wandb, tensorboard, csv, builtin].map(experimentOf)).toEqual([
      'vision',
      'runs/exp1',
      'logs/exp2',
      undefined
    ])
    const selection: RunSelection = { experiments: ['vision', '**/exp1'] }
    const { runs, outcome } = selectRuns([wandb, tensorboard, csv, builtin], selection, patternsMatcher)
    expect(runs.map(r => r.name)).toEqual(['w1', 'version_0', 'b1'])
    expect(outcome).toEqual({ leftOut: 1, leftOutExperiments: [], experiments: ['vision'] })
  })

  it('keeps every run when nothing is selected, and selects built-in runs by tag and group', async () => {
    const workspace = await tempDir()
    const files: Record<string, string> = {}
    for (const [name, group, tags] of [
      ['a-seed1', 'a', ['baseline']],
      ['a-seed2', 'a', ['baseline']],
      ['b-seed1', 'b', ['candidate']]
    ] as const) {
      files[`experiments/${name}/metrics.json`] = JSON.stringify({ accuracy: 0.8 })
      files[`experiments/${name}/metadata.yaml`] = `group: ${group}\ntags: [${tags.join(', ')}]\n`
    }
    await writeTree(workspace, files)
    const all = await collectRuns({ workspace })
    expect(all.runs).toHaveLength(3)
    expect(all.selection).toEqual({ leftOut: 0, leftOutExperiments: [], experiments: [] })
    const grouped = await collectRuns({ workspace, selection: { experiments: [], groups: ['b'] } })
    expect(grouped.runs.map(r => r.name)).toEqual(['b-seed1'])
    expect(grouped.selection?.leftOut).toBe(2)
    const tagged = await collectRuns({ workspace, selection: { experiments: [], tags: ['base*'] } })
    expect(tagged.runs.map(r => r.name).sort()).toEqual(['a-seed1', 'a-seed2'])
  })

  it('a selection that leaves nothing fails closed, as no runs found does', async () => {
    const workspace = await tempDir()
    await writeSharedFileStore(workspace)
    const { comparison } = await runPipeline({
      workspace,
      patterns: ['mlruns'],
      rules: rulesWith('  tags: [nothing-has-this]\n')
    })
    expect(comparison.verdict).toBe('fail')
    expect(comparison.missingEvidence?.noRuns).toBe(true)
    expect(comparison.selection?.leftOut).toBe(5)
  })
})

describe('rules file: select tags and groups', () => {
  it('reads them beside experiments, and refuses an empty list with its line', () => {
    expect(rulesWith('  tags: [sweep]\n  groups: ["lr-*"]\n').select).toEqual({
      experiments: [],
      tags: ['sweep'],
      groups: ['lr-*']
    })
    expect(() => rulesWith('  tags: []\n')).toThrow(/experiment-review\.yml:2:\d+: select\.tags: /)
  })

  it('compares without a selection outcome when runs were not collected', () => {
    expect(compareRuns({ runs: [run('a', { acc: 1 })], rules: defaultRules() }).selection).toBeUndefined()
  })
})
