import { symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Collection } from '../src/core/run.js'
import { csvSource } from '../src/sources/csv.js'
import { collectRuns } from '../src/sources/detect.js'
import { MAX_HISTORY_POINTS } from '../src/sources/history.js'
import {
  KERAS_VAL_ACCURACY,
  LIGHTNING_TRAIN_LOSS,
  LIGHTNING_VAL_LOSS,
  makeBrokenCsv,
  makeKerasLog,
  makeKerasSemicolon,
  makeLightningVersion
} from './fixtures/make-csv.js'
import { writeTree } from './fixtures/make-dvc.js'
import { describeShared } from './helpers/shared.js'
import { runNamed, tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-csv-')
const byName = runNamed
const about = (c: Collection, file: string) => c.diagnostics.filter(d => d.file === file)

describe('CSV logger reader on generated logs', () => {
  it('reads a Lightning metrics.csv: sparse rows merged by step, hparams.yaml with Python tags as params', async () => {
    const ws = await tempDir()
    await makeLightningVersion(ws)
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toHaveLength(1)
    const run = byName(c, 'lightning_logs/version_0')
    expect(run).toMatchObject({ id: 'csv:lightning_logs/version_0/metrics.csv', source: 'csv' })
    expect(Object.keys(run.metrics).sort()).toEqual(['train_loss', 'val_acc', 'val_loss'])
    expect(run.metrics.train_loss.history?.map(p => p.value)).toEqual(LIGHTNING_TRAIN_LOSS)
    expect(run.metrics.train_loss.value).toBe(0.6)
    expect(run.metrics.val_loss.history).toEqual(
      LIGHTNING_VAL_LOSS.map((value, i) => ({ step: i * 5 + 4, value }))
    )
    expect(run.metrics.val_loss.value).toBe(1.1)
    expect(run.params).toEqual({
      hidden_dim: 64,
      lr: 0.00001,
      'optimizer.name': 'adam',
      'optimizer.betas': '[0.9,0.999]',
      dtype: '',
      seed: '18446744073709551615'
    })
    expect(c.diagnostics).toEqual([])
  })

  it('reads a Keras CSVLogger file with \\r\\r\\n line ends and a 0-based epoch', async () => {
    const ws = await tempDir()
    await makeKerasLog(ws)
    const c = await collectRuns({ workspace: ws })
    const run = byName(c, 'training_log')
    expect(Object.keys(run.metrics).sort()).toEqual([
      'accuracy',
      'learning_rate',
      'loss',
      'val_accuracy',
      'val_loss'
    ])
    expect(run.metrics.val_accuracy.history).toEqual(
      KERAS_VAL_ACCURACY.map((value, step) => ({ step, value }))
    )
    expect(run.metrics.val_accuracy.value).toBe(0.99)
    expect(c.diagnostics).toEqual([])
  })

  it('takes the separator from the header and reads quoted fields, nan and inf', async () => {
    const ws = await tempDir()
    await makeKerasSemicolon(ws)
    const c = await collectRuns({ workspace: ws })
    const run = byName(c, 'history')
    expect(run.metrics.loss.history?.map(p => p.value)).toEqual([0.5, NaN, Infinity])
    expect(run.metrics.note).toBeUndefined()
    const note = about(c, 'history.csv')
    expect(note).toHaveLength(1)
    expect(note[0]).toMatchObject({ severity: 'warning', key: 'note', line: 2, column: 3 })
    expect(note[0].message).toMatch(/holds text such as "a;b", not numbers/)
  })

  it('names bad cells, bad steps, ragged rows, unclosed quotes and tables without a step', async () => {
    const ws = await tempDir()
    await makeBrokenCsv(ws)
    const c = await collectRuns({ workspace: ws, sources: [csvSource] })
    const bad = byName(c, 'bad_cells')
    expect(bad.metrics.loss.history).toEqual([
      { step: 0, value: 0.5 },
      { step: 2, value: 0.2 }
    ])
    expect(bad.metrics.acc.value).toBe(0.4)
    const cells = about(c, 'bad_cells/metrics.csv')
    expect(cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          key: 'loss',
          line: 3,
          column: 2,
          message: expect.stringMatching(/"oops", not a number/)
        }),
        expect.objectContaining({
          severity: 'error',
          key: 'step',
          line: 4,
          message: expect.stringMatching(/step is "x"; expected a number/)
        }),
        expect.objectContaining({
          severity: 'warning',
          line: 5,
          message: expect.stringMatching(/4 fields but the header has 3/)
        })
      ])
    )
    expect(c.runs.find(r => r.name === 'unterminated')).toBeUndefined()
    expect(about(c, 'unterminated/metrics.csv')[0].message).toMatch(/ends inside a quoted field/)
    expect(about(c, 'dataset/metrics.csv')[0].message).toMatch(/no "step" or "epoch" column/)
  })

  it('passes over a data table found by its name alone, but reports one named in the runs input', async () => {
    const ws = await tempDir()
    await writeTree(ws, { 'data/training.csv': 'id,text,label\n1,hello,0\n', 'data/other.txt': 'x' })
    const auto = await collectRuns({ workspace: ws, sources: [csvSource] })
    expect(auto.runs).toEqual([])
    expect(auto.diagnostics.filter(d => d.file.startsWith('data/'))).toEqual([])
    const explicit = await collectRuns({
      workspace: ws,
      sources: [csvSource],
      patterns: ['data/training.csv']
    })
    expect(explicit.diagnostics.map(d => `${d.file} ${d.message}`).join()).toMatch(
      /data\/training\.csv has no "step" or "epoch" column/
    )
  })

  it('carries "claimed by name only" in the claim, and reads a file both named and guessed as named', async () => {
    const listing = { path: '/ws/data', name: 'data', files: ['training.csv', 'notes.csv'], dirs: ['x'] }
    expect(csvSource.claim(listing)).toEqual([
      { path: path.join('/ws/data', 'training.csv'), byNameOnly: true }
    ])
    const named = { path: '/ws/data', name: 'data', files: ['training.csv'], dirs: [] }
    expect(csvSource.claim(named)).toEqual([{ path: path.join('/ws/data', 'training.csv') }])
    const ws = await tempDir()
    await writeTree(ws, { 'data/training.csv': 'id,text,label\n1,hello,0\n', 'data/other.txt': 'x' })
    const both = await collectRuns({
      workspace: ws,
      sources: [csvSource],
      patterns: ['data', 'data/training.csv']
    })
    expect(both.diagnostics.map(d => `${d.file} ${d.message}`).join()).toMatch(
      /data\/training\.csv has no "step" or "epoch" column/
    )
    const guessedAgain = await collectRuns({ workspace: ws, sources: [csvSource] })
    expect(guessedAgain.diagnostics.filter(d => d.file.startsWith('data/'))).toEqual([])
  })

  it('reads any CSV named in the runs input, and streams files larger than the whole-file limit', async () => {
    const ws = await tempDir()
    const rows = ['step,loss']
    for (let i = 0; i < 20000; i++) rows.push(`${i},${1 / (i + 1)}`)
    await writeTree(ws, { 'out/run_a.csv': `${rows.join('\n')}\n` })
    const c = await collectRuns({
      workspace: ws,
      patterns: ['out/run_a.csv'],
      limits: { maxTextBytes: 1024 }
    })
    const run = byName(c, 'out/run_a')
    // 20,000 rows thinned to MAX_HISTORY_POINTS, the first and the last kept; the value is the full series' last.
    const history = run.metrics.loss.history ?? []
    expect(history).toHaveLength(MAX_HISTORY_POINTS)
    expect(history[0]).toEqual({ step: 0, value: 1 })
    expect(history[MAX_HISTORY_POINTS - 1]).toEqual({ step: 19999, value: 1 / 20000 })
    expect(run.metrics.loss.value).toBe(1 / 20000)
    expect(c.diagnostics).toEqual([])
  })

  it('does not follow a metrics.csv symbolic link out of the workspace', async () => {
    const ws = await tempDir()
    const outside = await tempDir()
    await writeFile(path.join(outside, 'secret.csv'), 'step,loss\n0,1\n')
    await writeTree(ws, { 'logs/version_0/hparams.yaml': 'a: 1\n' })
    await symlink(path.join(outside, 'secret.csv'), path.join(ws, 'logs/version_0/metrics.csv'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toEqual([])
    expect(about(c, 'logs/version_0/metrics.csv')[0].message).toMatch(/leaves the workspace/)
  })
})

describeShared('CSV logger reader on real logs', fixtures => {
  const runs = path.join(fixtures, 'runs')

  it('reads the Keras CSVLogger file with \\r\\r\\n line ends', async () => {
    const c = await collectRuns({ workspace: path.join(runs, 'keras-csvlogger') })
    const run = byName(c, 'Handwritten-Digit-Recognition/training_log')
    expect(Object.keys(run.metrics).sort()).toEqual([
      'accuracy',
      'learning_rate',
      'loss',
      'val_accuracy',
      'val_loss'
    ])
    expect(run.metrics.val_accuracy.value).toBe(0.9965000152587891)
    expect(run.metrics.val_accuracy.history).toHaveLength(30)
    expect(run.metrics.val_accuracy.history?.[0]).toEqual({ step: 0, value: 0.2711666524410248 })
    expect(run.metrics.learning_rate.value).toBe(0.0002500000118743628)
    expect(c.diagnostics).toEqual([])
  })

  it('reads the Lightning metrics.csv: train and val rows of one step merged, hparams as params', async () => {
    const c = await collectRuns({ workspace: path.join(runs, 'lightning-csv') })
    const run = byName(c, 'MLOps_homework/lightning_logs/version_0')
    expect(Object.keys(run.metrics).sort()).toEqual(['train_loss', 'val_loss'])
    expect(run.metrics.train_loss.history).toHaveLength(25)
    expect(run.metrics.train_loss.value).toBe(902.565185546875)
    expect(run.metrics.val_loss.history).toHaveLength(5)
    expect(run.metrics.val_loss.value).toBe(681.0682373046875)
    // Step 4 appears twice: once with train_loss, once with val_loss.
    expect(run.metrics.train_loss.history?.find(p => p.step === 4)?.value).toBe(838.2781982421875)
    expect(run.metrics.val_loss.history?.[0]).toEqual({ step: 4, value: 681.5775146484375 })
    expect(run.params).toEqual({ hidden_dim: 64, input_dim: 4, lr: 0.00001, num_layers: 2, output_dim: 1 })
    expect(c.diagnostics).toEqual([])
  })
})
