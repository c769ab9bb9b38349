// The W&B reader on real run folders from public repositories (../shared/fixtures/runs/wandb*).
import path from 'node:path'
import type { Run } from '../src/core/run.js'
import { collectRuns } from '../src/sources/detect.js'
import { describeShared } from './helpers/shared.js'

const byId = (runs: Run[], id: string): Run => {
  const run = runs.find(r => r.path.endsWith(id))
  if (!run) throw new Error(`no run ending in ${id} among ${runs.map(r => r.path).join(', ')}`)
  return run
}

describeShared('W&B reader on wandb 0.17.3 Lightning runs (Response_Prediction_LSTM)', fixtures => {
  const ws = path.join(fixtures, 'runs', 'wandb', 'Response_Prediction_LSTM')
  let result: Awaited<ReturnType<typeof collectRuns>>
  beforeAll(async () => {
    result = await collectRuns({ workspace: ws })
  })

  it('finds the four runs once each (latest-run and debug.log are not runs) with no diagnostics', () => {
    expect(result.runs.map(r => r.path).sort()).toEqual([
      'wandb/run-20250305_113552-tp27htmq',
      'wandb/run-20250305_113731-xlgap1il',
      'wandb/run-20250305_113834-t9nd4s6c',
      'wandb/run-20250305_114118-dz7pxe7l'
    ])
    expect(result.runs.every(r => r.source === 'wandb')).toBe(true)
    expect(result.diagnostics).toEqual([])
  })

  it('reads the complete run: 18 history rows from the .wandb log, summary, config and metadata', () => {
    const run = byId(result.runs, 'dz7pxe7l')
    expect(run.name).toBe('lstm_prediction_2025-03-05_11-41-18_batch=10')
    expect(run.metrics.val_acc.value).toBe(0.9367945790290833)
    expect(run.metrics.train_loss_epoch.value).toBe(0.20469267666339874)
    expect(run.metrics['trainer/global_step'].value).toBe(439)
    expect(run.metrics['trainer/global_step'].history).toHaveLength(18)
    expect(run.metrics.epoch.history?.map(p => p.step)).toEqual(Array.from({ length: 18 }, (_, i) => i))
    expect(run.metrics.train_loss_step.history).toHaveLength(8)
    expect(Object.keys(run.metrics).some(k => k.startsWith('_'))).toBe(false)
    // config.yaml values are wrapped in {desc: null, value: …}; _wandb is dropped.
    expect(run.params).toEqual({ hidden_size: 128, num_layers: 2, lr: 0.001 })
    expect(run.metadata.gitCommit).toBe('28dfbe0ba0f264cd994c385e504cdd6f64adbc73')
    expect(run.metadata.environment).toMatchObject({
      python: '3.9.19',
      host: 'MacBook-Pro-10.local',
      os: 'macOS-14.4.1-arm64-arm-64bit',
      'packages.gitpython': '3.1.43'
    })
    // The exit record says exit_code 1.
    expect(run.metadata).toMatchObject({ status: 'failed', statusReason: 'exit code 1' })
  })

  it('reads the killed run (no summary, log truncated mid-record) as killed, without an error', () => {
    const run = byId(result.runs, 'tp27htmq')
    expect(run.metadata.status).toBe('killed')
    expect(run.metrics).toEqual({})
    expect(run.name).toBe('lstm_prediction_2025-03-05_11-35-51_batch=10')
  })

  it('reads runs whose summary JSON only holds {"_wandb": {"runtime": N}}', () => {
    const run = byId(result.runs, 'xlgap1il')
    expect(run.metrics).toEqual({})
    expect(run.params).toEqual({ hidden_size: 128, num_layers: 2, lr: 0.001 })
  })
})

describeShared('W&B reader on the pre-0.10 layout (ANN-legacy-2019)', fixtures => {
  const ws = path.join(fixtures, 'runs', 'wandb', 'ANN-legacy-2019')

  it('reads wandb-history.jsonl, the summary without its keras graph, config.yaml and metadata', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(4)
    const run = byId(runs, 'pgmkjezb')
    expect(run.params).toEqual({ epochs: 10, hidden_nodes: 100, optimizer: 'adam' })
    expect(run.metrics.val_acc.value).toBe(0.7324)
    expect(run.metrics.acc.history).toHaveLength(10)
    expect(run.metrics.graph).toBeUndefined()
    expect(run.metrics.examples).toBeUndefined()
    expect(run.metadata).toMatchObject({
      status: 'finished',
      gitCommit: 'efe58ecb30b183e28c03a34bed22381eca5dc3dc'
    })
    expect(run.metadata.environment).toMatchObject({ python: '3.7.3', host: 'jupyter-aameer' })
    expect(byId(runs, 'rm22egft').metrics.loss.history).toHaveLength(20)
    // A notebook run: metadata still says "running" and has no exit code.
    expect(byId(runs, 'q0mc01bk').metadata.status).toBe('running')
  })
})

describeShared('W&B reader on offline runs (wandb-offline)', fixtures => {
  it('reads wandb 0.21 offline runs that left only the .wandb log (UASFT)', async () => {
    const { runs, diagnostics } = await collectRuns({
      workspace: path.join(fixtures, 'runs', 'wandb-offline', 'UASFT')
    })
    // logs/debug-core.log points at an absolute path outside the workspace: ignored, not an error.
    expect(diagnostics).toEqual([])
    const big = byId(runs, 'sv7hxi9x')
    expect(big.name).toBe('sv7hxi9x')
    expect(big.metrics['train/loss'].history).toHaveLength(19)
    expect(big.metrics['train/loss'].value).toBe(293.75)
    expect(big.metrics['train/global_step'].value).toBe(19)
    expect(big.params.vocab_size).toBe(32000)
    expect(big.params.hidden_act).toBe('silu')
    expect(big.params['model/num_parameters']).toBe(6738415616)
    expect(big.metadata).toMatchObject({ status: 'failed', statusReason: 'exit code 1' })
    expect(big.metadata.environment.python).toBe('3.11.0')
    const small = byId(runs, 'x3ehiqe7')
    expect(small.metrics['train/loss']).toMatchObject({ value: 29.4299 })
    expect(small.metrics['train/loss'].history).toHaveLength(3)
    expect(small.metadata.gitCommit).toBe('077ee698c4f564c296b4470746ab0cdf9d852b5b')
  })

  it('reads both writers of one folder: Go core nested_key items and the Python internal process', async () => {
    const { runs, diagnostics } = await collectRuns({
      workspace: path.join(fixtures, 'runs', 'wandb-offline', 'WandB-Offline-Drift-Monitoring')
    })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(2)
    const go = byId(runs, '2vdwjlqq')
    expect(go.metrics).toEqual({
      accuracy: { value: 1, history: [{ step: 0, value: 1, timestamp: 1780634105560 }] }
    })
    expect(go.metadata).toMatchObject({
      status: 'finished',
      gitCommit: 'f633fd7cfc5b07debb67530088a22311a70db11a'
    })
    expect(go.metadata.environment).toMatchObject({
      python: '3.12.13',
      host: 'devbox',
      'packages.scikit-learn': '1.9.0'
    })
    // wandb-summary.json is {"_wandb": {"runtime": 0}}: the accuracy lives only in the .wandb log.
    const py = byId(runs, '1qp1c3gk')
    expect(py.metrics.accuracy.value).toBe(1)
    expect(py.metadata.gitCommit).toBe('23fdfe7bcd71fd4636b92ecf73258ed5a31c668e')
  })
})
