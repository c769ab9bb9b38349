import path from 'node:path'
import type { Collection } from '../src/core/run.js'
import { collectRuns } from '../src/sources/detect.js'
import {
  HF_ACCURACY,
  HF_LOSSES,
  makeHfBrokenLatest,
  makeHfEvalOnly,
  makeHfOutput,
  makeHfUnfinished
} from './fixtures/make-hf.js'
import { describeShared } from './helpers/shared.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-hf-')
const about = (c: Collection, file: string) =>
  c.diagnostics.filter(d => d.file === file).map(d => `${d.severity}: ${d.message}`)

describe('Hugging Face reader on generated Trainer output', () => {
  it('reads an output folder with checkpoints as one run, from the highest step, with all_results.json on top', async () => {
    const ws = await tempDir()
    await makeHfOutput(path.join(ws, 'results'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toHaveLength(1)
    const run = c.runs[0]
    expect(run).toMatchObject({ id: 'huggingface:results', name: 'results', source: 'huggingface' })
    // checkpoint-1500, not checkpoint-500 (which a text sort would put last).
    expect(run.params.global_step).toBe(1500)
    expect(run.metrics.train_loss.history?.map(p => p.value)).toEqual(HF_LOSSES)
    expect(run.metrics.eval_accuracy.history?.map(p => p.value)).toEqual(HF_ACCURACY)
    expect(run.metrics.eval_accuracy.history?.[0]).toEqual({ step: 100, value: HF_ACCURACY[0] })
    // all_results.json overrides the final values and keeps the history.
    expect(run.metrics.eval_accuracy.value).toBe(0.9455)
    expect(run.metrics.train_loss.value).toBe(0.52)
    expect(run.metrics.train_runtime.value).toBe(512.3)
    expect(run.params.epoch).toBe(0.4)
    // Integers above 2^53 keep their exact text.
    expect(run.metrics.total_flos.exact).toBe('12345678901234567890')
    expect(run.metrics.num_input_tokens_seen.exact).toBe('9007199254740993')
    // Without an all_results value, the final value is the last by step (NaN is kept as such).
    expect(run.metrics.learning_rate.history).toHaveLength(15)
    expect(run.metrics.grad_norm.value).toBeNaN()
    expect(run.metrics.epoch).toBeUndefined()
    // Params from training_args.json and the checkpoint's config.json; label maps reduced to a count.
    expect(run.params).toMatchObject({
      learning_rate: 5e-5,
      seed: 42,
      report_to: '["none"]',
      'model.hidden_size': 768,
      'model.num_labels': 4
    })
    expect(Object.keys(run.params).some(k => k.startsWith('model.id2label'))).toBe(false)
    expect(run.metadata.notes).toMatch(/best_metric 0\.94 at step 1400 \(results\/checkpoint-1400\)/)
    expect(run.metadata.status).toBe('finished')
    // training_args.bin is binary and skipped silently; nothing else to say.
    expect(c.diagnostics).toEqual([])
  })

  it('marks a run whose latest checkpoint stopped short of max_steps as not finished', async () => {
    const ws = await tempDir()
    await makeHfUnfinished(path.join(ws, 'out'))
    const c = await collectRuns({ workspace: ws })
    const run = c.runs[0]
    expect(run.metadata.status).toBe('running')
    expect(run.metadata.statusReason).toMatch(/step 200 of 1500/)
    expect(run.metrics.eval_loss.history).toHaveLength(2)
  })

  it('falls back to the previous checkpoint when the latest trainer_state.json is cut short', async () => {
    const ws = await tempDir()
    await makeHfBrokenLatest(path.join(ws, 'out'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toHaveLength(1)
    expect(c.runs[0].metrics.train_loss.history).toHaveLength(5)
    const broken = about(c, 'out/checkpoint-1000/trainer_state.json').join('\n')
    expect(broken).toMatch(/error: is not valid JSON.*line \d+, column \d+/)
    expect(broken).toMatch(/earlier checkpoint/)
  })

  it('reads eval_results.json alone, naming values that are not numbers', async () => {
    const ws = await tempDir()
    await makeHfEvalOnly(path.join(ws, 'eval'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs[0].metrics).toEqual({ eval_accuracy: { value: 0.91 }, eval_loss: { value: 0.3 } })
    expect(c.runs[0].params.epoch).toBe(3)
    expect(about(c, 'eval/eval_results.json').join()).toMatch(/not numbers.*eval_f1/)
  })

  it('reads one checkpoint folder when it is named in the runs input', async () => {
    const ws = await tempDir()
    await makeHfOutput(path.join(ws, 'results'))
    const c = await collectRuns({ workspace: ws, patterns: ['results/checkpoint-500'] })
    expect(c.runs.map(r => r.name)).toEqual(['results/checkpoint-500'])
    expect(c.runs[0].metrics.train_loss.history).toHaveLength(5)
    expect(c.runs[0].metadata.status).toBe('running')
  })
})

describeShared('Hugging Face reader on real Trainer output', fixtures => {
  it('reads results/checkpoint-{500,1000,1200} as one run from checkpoint-1200', async () => {
    const c = await collectRuns({ workspace: path.join(fixtures, 'runs', 'hf-trainer') })
    expect(c.runs).toHaveLength(1)
    const run = c.runs[0]
    expect(run.name).toBe('LoRA_RoBERTa_AGNews/results')
    expect(run.params).toMatchObject({ global_step: 1200, max_steps: 1200, train_batch_size: 32 })
    expect(run.metrics.train_loss.history).toHaveLength(12)
    expect(run.metrics.train_loss.value).toBe(0.2362)
    expect(run.metrics.train_loss.history?.[0]).toEqual({ step: 100, value: 1.2893 })
    expect(run.metrics.eval_accuracy.value).toBe(0.9135802469135802)
    expect(run.metrics.eval_loss.history).toHaveLength(12)
    expect(run.metrics.grad_norm.value).toBe(6.602963447570801)
    expect(run.metrics.learning_rate.value).toBe(0)
    expect(run.metrics.total_flos.value).toBe(6767175401594880)
    expect(run.metadata.notes).toMatch(/checkpoint-1200/)
    expect(run.metadata.status).toBe('finished')
    expect(c.diagnostics).toEqual([])
  })
})
