import { compareRuns } from '../src/core/compare.js'
import { defaultRules } from '../src/core/rules.js'
import { makeRun } from '../src/core/run.js'
import { qualifyClashingNames } from '../src/core/run-names.js'
import { collectRuns } from '../src/sources/detect.js'
import { writeTree } from './fixtures/make-dvc.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('run-names-')

const runAt = (name: string, path: string, id = `builtin:${path}`) =>
  makeRun({ id, name, source: 'builtin', path })

describe('runs of the same name from different places', () => {
  it('are named by the first folder that tells them apart, then the next where that is shared', () => {
    const runs = [
      runAt('run-1', 'artifacts/job-a/experiments/run-1'),
      runAt('run-1', 'artifacts/job-b/experiments/run-1'),
      runAt('run-2', 'artifacts/job-b/experiments/run-2'),
      runAt('train', 'artifacts/job-c/first/mlruns/0/00e2ba8f3b404a6abced114ac6b51ff8'),
      runAt('train', 'artifacts/job-c/second/mlruns/0/24d6bfc37e5c4d97a05d93d77591ad11'),
      runAt('train', 'artifacts/job-d/mlruns/0/c7290b37f7ef4c2984de4e9c334ca283')
    ]
    expect(qualifyClashingNames(runs).map(r => r.name)).toEqual([
      'job-a/run-1',
      'job-b/run-1',
      'run-2',
      'job-c/first/train',
      'job-c/second/train',
      'job-d/train'
    ])
  })

  it('are told apart by the run id in one store file, and by the run folder in one experiment', () => {
    const runs = [
      runAt('train', 'mlflow.db', 'mlflow-sqlite:mlflow.db#b832e988cc9f4becaf60ffa4af52f28a'),
      runAt('train', 'mlflow.db', 'mlflow-sqlite:mlflow.db#0ba4b4083afe4c8a9b57558dff546019'),
      runAt('eval', 'mlruns/0/00e2ba8f3b404a6abced114ac6b51ff8'),
      runAt('eval', 'mlruns/0/24d6bfc37e5c4d97a05d93d77591ad11')
    ]
    expect(qualifyClashingNames(runs).map(r => r.name)).toEqual([
      'b832e988/train',
      '0ba4b408/train',
      '00e2ba8f/eval',
      '24d6bfc3/eval'
    ])
  })

  it('never take the name another run already has', () => {
    const runs = [
      runAt('run-1', 'job-a/experiments/run-1'),
      runAt('run-1', 'job-b/experiments/run-1'),
      runAt('job-a/run-1', 'elsewhere/experiments/job-a-run-1')
    ]
    const names = qualifyClashingNames(runs).map(r => r.name)
    expect(names).toEqual(['job-a/run-1 (2)', 'job-b/run-1', 'job-a/run-1'])
    expect(new Set(names).size).toBe(3)
  })

  it('leave everything else of a run as it was', () => {
    const runs = [runAt('run-1', 'a/run-1'), runAt('run-1', 'b/run-1'), runAt('solo', 'a/solo')]
    const out = qualifyClashingNames(runs)
    expect(out[2]).toBe(runs[2])
    expect({ ...out[0], name: 'run-1' }).toEqual(runs[0])
  })
})

describe('matrix jobs downloaded into one folder per job', () => {
  /** Two jobs' artifacts as actions/download-artifact leaves them with merge-multiple: false. */
  async function twoJobs(): Promise<string> {
    const dir = await tempDir()
    const job = (accuracy: number, lr: number) => ({
      'params.json': JSON.stringify({ lr }),
      'metrics.json': JSON.stringify({ accuracy })
    })
    const files: Record<string, string> = {}
    for (const [folder, runs] of Object.entries({
      'runs-lr-0.01': {
        'run-1': job(0.81, 0.01),
        'model-seed1': job(0.8, 0.01),
        'model-seed2': job(0.82, 0.01)
      },
      'runs-lr-0.1': { 'run-1': job(0.9, 0.1), 'model-seed1': job(0.7, 0.1), 'model-seed2': job(0.72, 0.1) }
    })) {
      for (const [run, content] of Object.entries(runs)) {
        for (const [file, text] of Object.entries(content))
          files[`artifacts/${folder}/experiments/${run}/${file}`] = text
      }
    }
    await writeTree(dir, files)
    return dir
  }

  it('keep their runs of the same name apart, named by the job folder, with their own numbers', async () => {
    const workspace = await twoJobs()
    const collection = await collectRuns({ workspace, patterns: ['artifacts'] })
    const byName = new Map(collection.runs.map(r => [r.name, r]))
    expect([...byName.keys()].sort()).toEqual([
      'runs-lr-0.01/model-seed1',
      'runs-lr-0.01/model-seed2',
      'runs-lr-0.01/run-1',
      'runs-lr-0.1/model-seed1',
      'runs-lr-0.1/model-seed2',
      'runs-lr-0.1/run-1'
    ])
    expect(byName.get('runs-lr-0.01/run-1')?.metrics.accuracy.value).toBe(0.81)
    expect(byName.get('runs-lr-0.1/run-1')?.metrics.accuracy.value).toBe(0.9)
  })

  it('are compared as separate experiments: seeds are grouped within a job, never across jobs', async () => {
    const workspace = await twoJobs()
    const { runs } = await collectRuns({ workspace, patterns: ['artifacts'] })
    const comparison = compareRuns({ runs, rules: defaultRules() })
    expect(comparison.champion?.name).toBe('runs-lr-0.1/run-1')
    const experiments = new Map(comparison.experiments.map(e => [e.name, e]))
    expect([...experiments.keys()].sort()).toEqual([
      'runs-lr-0.01/model',
      'runs-lr-0.01/run-1',
      'runs-lr-0.1/model',
      'runs-lr-0.1/run-1'
    ])
    expect(experiments.get('runs-lr-0.1/model')?.metrics.accuracy.samples).toEqual([0.7, 0.72])
    expect(experiments.get('runs-lr-0.01/model')?.metrics.accuracy.samples).toEqual([0.8, 0.82])
  })
})
