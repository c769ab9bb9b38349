import path from 'node:path'
import { compareRuns } from '../src/core/compare.js'
import { defaultPrimaryMetric, isBookkeepingSeries, metricKind, metricSplit } from '../src/core/primary.js'
import { defaultRules } from '../src/core/rules.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { collectRuns } from '../src/sources/detect.js'
import { writeTree } from './fixtures/make-dvc.js'
import { run } from './helpers/runs.js'
import { describeShared } from './helpers/shared.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('primary-')

/** The primary metric a review of the runs under `workspace` chooses with no rules file. */
async function defaultPrimaryOf(workspace: string, patterns?: string[]): Promise<string | undefined> {
  const collection = await collectRuns({ workspace, ...(patterns ? { patterns } : {}) })
  expect(collection.runs.length).toBeGreaterThan(0)
  return compareRuns({ runs: collection.runs, rules: defaultRules() }).primary
}

describe('bookkeeping series', () => {
  it.each([
    'epoch',
    'step',
    'global_step',
    'trainer/global_step',
    'train/epoch',
    'lr-Adam',
    'lr-SGD/pg1',
    'lr',
    'learning_rate',
    'train/learning_rate',
    'grad_norm',
    'train/grad_norm',
    'gradient_norm',
    'train_runtime',
    'eval_runtime',
    'eval_samples_per_second',
    'train_steps_per_second',
    'total_flos',
    'flops',
    'gpu_memory_allocated',
    'max_memory_mb',
    '_timestamp',
    '_runtime',
    '_step',
    'system/gpu.0.temp',
    'hp_metric',
    'num_tokens',
    'eval_num_tokens',
    'num_input_tokens_seen',
    'sample_len',
    'stopped_iteration',
    'best_iteration',
    'epoch_time',
    'batch_size',
    'momentum'
  ])('%s is bookkeeping', name => {
    expect(isBookkeepingSeries(name)).toBe(true)
  })

  it.each([
    'val_acc',
    'val_acc_epoch',
    'train_loss_step',
    'acc_epoch',
    'eval_accuracy',
    'eval.loss',
    'ptl/val_loss',
    'accuracy',
    'f1_none',
    'latency_ms',
    'inference_time',
    'model_size_mb',
    'my_metric',
    'error_rate',
    'validation-rmse',
    'best_acc'
  ])('%s is not bookkeeping', name => {
    expect(isBookkeepingSeries(name)).toBe(false)
  })

  it('reads the split and the kind from the words of a name', () => {
    expect(
      ['eval_accuracy', 'val/loss', 'validation-rmse', 'roc_auc.test', 'trainLoss', 'acc'].map(metricSplit)
    ).toEqual(['evaluation', 'evaluation', 'evaluation', 'test', 'training', 'unmarked'])
    expect(['val_f1', 'rouge1', 'test_rmse', 'val_loss', 'entropy'].map(metricKind)).toEqual([
      'quality',
      'quality',
      'error',
      'loss',
      'other'
    ])
  })
})

describe('the default primary metric', () => {
  const experiments = (...metricSets: string[][]) =>
    metricSets.map(names => ({ metrics: Object.fromEntries(names.map(n => [n, 1])) }))

  it('prefers an evaluation measure of quality over losses, training series and bookkeeping', () => {
    expect(
      defaultPrimaryMetric(experiments(['epoch', 'step', 'lr-Adam', 'train_loss', 'val_loss', 'val_acc']))
    ).toBe('val_acc')
    expect(defaultPrimaryMetric(experiments(['train_loss', 'val_loss', 'train_acc']))).toBe('val_loss')
    expect(defaultPrimaryMetric(experiments(['train_accuracy', 'train_loss', 'epoch']))).toBe(
      'train_accuracy'
    )
    expect(defaultPrimaryMetric(experiments(['val_acc_step', 'val_acc_epoch']))).toBe('val_acc_epoch')
    expect(defaultPrimaryMetric(experiments(['val_loss', 'test_loss']))).toBe('val_loss')
  })

  it('never chooses a bookkeeping series, even when nothing else is reported', () => {
    expect(defaultPrimaryMetric(experiments(['epoch', 'learning_rate', 'total_flos']))).toBeUndefined()
  })

  it('leaves out a series that fewer than half as many experiments report as the most reported one', () => {
    const sets = [
      ...Array.from({ length: 5 }, () => ['rmse', 'sample_len']),
      ['rmse', 'valid_rmse', 'training_rmse'],
      ['valid_accuracy']
    ]
    expect(defaultPrimaryMetric(experiments(...sets))).toBe('rmse')
  })

  it('yields to the rules file: primary first, then the first gated metric', () => {
    const runs = [run('a', { epoch: 3, val_acc: 0.9, latency_ms: 12 })]
    const withPrimary = parseRulesFile('primary: latency_ms\n', 'r.yml')
    expect(compareRuns({ runs, rules: withPrimary }).primary).toBe('latency_ms')
    const gated = parseRulesFile('metrics: { latency_ms: { max: 50 } }\n', 'r.yml')
    expect(compareRuns({ runs, rules: gated }).primary).toBe('latency_ms')
    expect(compareRuns({ runs, rules: defaultRules() }).primary).toBe('val_acc')
  })

  it('shows bookkeeping series apart as other series, unless a rule names them', () => {
    const runs = [run('a', { epoch: 3, 'lr-Adam': 0.001, val_acc: 0.9, train_runtime: 40 })]
    expect(compareRuns({ runs, rules: defaultRules() }).otherSeries.sort()).toEqual([
      'epoch',
      'lr-Adam',
      'train_runtime'
    ])
    const ruled = parseRulesFile('metrics: { train_runtime: { goal: minimize } }\n', 'r.yml')
    expect(compareRuns({ runs, rules: ruled }).otherSeries.sort()).toEqual(['epoch', 'lr-Adam'])
  })
})

describe('the default primary metric of generated tool output', () => {
  it('is val_acc for a Lightning metrics.csv with an lr-Adam column', async () => {
    const dir = await tempDir()
    const rows = ['epoch,step,lr-Adam,train_loss,val_loss,val_acc']
    for (let epoch = 0; epoch < 3; epoch++) {
      for (let i = 0; i < 4; i++)
        rows.push(`${epoch},${epoch * 4 + i},${0.001 / (epoch + 1)},${2 - epoch * 0.3 - i * 0.05},,`)
      rows.push(`${epoch},${epoch * 4 + 3},,,${1.5 - epoch * 0.2},${0.6 + epoch * 0.1}`)
    }
    await writeTree(dir, {
      'lightning_logs/version_0/metrics.csv': `${rows.join('\n')}\n`,
      'lightning_logs/version_0/hparams.yaml': 'lr: 0.001\nhidden_dim: 64\n'
    })
    expect(await defaultPrimaryOf(dir)).toBe('val_acc')
  })

  it('is eval_accuracy for a Trainer state that logs epoch, grad_norm, learning_rate and total_flos', async () => {
    const dir = await tempDir()
    const logHistory = [1, 2, 3].flatMap(epoch => [
      { epoch, grad_norm: 2.5 / epoch, learning_rate: 5e-5 / epoch, loss: 1 / epoch, step: epoch * 100 },
      {
        epoch,
        eval_accuracy: 0.8 + epoch * 0.03,
        eval_loss: 0.6 / epoch,
        eval_runtime: 12.5,
        eval_samples_per_second: 400.1,
        eval_steps_per_second: 12.5,
        step: epoch * 100
      }
    ])
    const state = {
      epoch: 3,
      global_step: 300,
      log_history: [
        ...logHistory,
        {
          epoch: 3,
          step: 300,
          total_flos: 1.2e15,
          train_loss: 0.55,
          train_runtime: 301.2,
          train_samples_per_second: 99
        }
      ],
      max_steps: 300,
      total_flos: 1.2e15
    }
    await writeTree(dir, { 'results/checkpoint-300/trainer_state.json': JSON.stringify(state, null, 2) })
    expect(await defaultPrimaryOf(dir)).toBe('eval_accuracy')
  })
})

describeShared('the default primary metric of real tool output', fixtures => {
  const runs = path.join(fixtures, 'runs')
  it.each([
    ['hf-trainer/LoRA_RoBERTa_AGNews', 'eval_accuracy'],
    ['lightning-csv/MLOps_homework', 'val_loss'],
    ['keras-csvlogger/Handwritten-Digit-Recognition', 'val_accuracy'],
    ['tensorboard/KANKAN', 'valid_loss'],
    ['wandb/Response_Prediction_LSTM', 'val_acc'],
    ['wandb/ANN-legacy-2019', 'val_acc'],
    ['wandb-offline/UASFT', 'train/loss'],
    ['mlflow-sqlite/Toy_sft', 'acc_none'],
    ['mlflow-sqlite/mlops-zoomcamp', 'rmse'],
    ['mlflow/AIOPS_learning_mnist', 'acc'],
    ['dvc/example-dvc-experiments@main', 'eval.acc']
  ])('%s → %s', async (sample, expected) => {
    expect(await defaultPrimaryOf(path.join(runs, sample))).toBe(expected)
  })
})
