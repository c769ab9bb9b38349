import path from 'node:path'
import type { Collection } from '../src/core/run.js'
import { collectRuns } from '../src/sources/detect.js'
import { dvcSource } from '../src/sources/dvc.js'
import {
  DVCLIVE_EVAL_ACC,
  DVCLIVE_TRAIN_LOSS,
  makeDvcliveCallbackProject,
  makeDvcliveProject,
  makeDvcPipeline,
  makeHostileDvc,
  makeStandaloneDvclive,
  writeTree
} from './fixtures/make-dvc.js'
import { describeShared } from './helpers/shared.js'
import { runNamed, tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-dvc-')

const byName = runNamed
const messages = (c: Collection, file: string) =>
  c.diagnostics.filter(d => d.file === file).map(d => `${d.severity}: ${d.message}`)

describe('DVC reader on generated projects', () => {
  it('reads a pipeline: stage and top-level metrics, params files (YAML and TOML), dvc.lock and plots', async () => {
    const ws = await tempDir()
    await makeDvcPipeline(path.join(ws, 'pipeline'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toHaveLength(1)
    const run = byName(c, 'pipeline')
    expect(run).toMatchObject({ id: 'dvc:pipeline', source: 'dvc', path: 'pipeline' })
    // Nested keys are flattened with dots, across JSON and YAML metrics files.
    expect(run.metrics['avg_prec.train'].value).toBe(0.97)
    expect(run.metrics['roc_auc.test'].value).toBe(0.96)
    expect(run.metrics.f1.value).toBe(0.91)
    expect(run.metrics.latency_ms.value).toBe(12.5)
    // An integer above 2^53 keeps its exact text.
    expect(run.metrics.n_samples.exact).toBe('18446744073709551615')
    // The stage plot with x: step is a history; the ROC curve is not.
    expect(run.metrics.loss).toEqual({
      value: 0.4,
      history: [
        { step: 0, value: 1.5 },
        { step: 1, value: 0.9 },
        { step: 2, value: 0.4 }
      ]
    })
    expect(Object.keys(run.metrics).some(k => k.includes('tpr') || k.includes('fpr'))).toBe(false)
    // dvc.lock holds what the metrics were made with: it wins over an edited params.yaml, with a warning.
    expect(run.params['prepare.split']).toBe(0.2)
    expect(run.params['prepare.seed']).toBe(20170428)
    expect(run.params['featurize.max_features']).toBe(200)
    expect(run.params['optim.lr']).toBe(0.001)
    expect(run.params['optim.steps']).toBe('9223372036854775807')
    expect(run.params['model.name']).toBe('tiny')
    expect(messages(c, 'pipeline/dvc.lock').join()).toMatch(
      /prepare\.split is 0\.25 in the params file but 0\.2 in dvc\.lock.*dvc repro/
    )
    // Data version: the pipeline's data inputs (not code, not outputs of other stages), and imported data's commit.
    expect(run.metadata.dataVersion).toBe(
      'data/data.xml@22a1a293, https://example.org/org/labels@0123456789ab'
    )
    // The text metric is named; the ROC JSON with Infinity/NaN parses; the PNG plot is passed over.
    expect(messages(c, 'pipeline/eval/metrics.json').join()).toMatch(/not numbers.*note/)
    expect(messages(c, 'pipeline/eval/roc.json')).toEqual([])
    expect(messages(c, 'pipeline/eval/importance.png')).toEqual([])
  })

  it('reads a dvclive project once: TSV histories attach to the metrics.json names, the 4× dvclive/dvc.yaml adds nothing', async () => {
    const ws = await tempDir()
    await makeDvcliveProject(ws)
    const c = await collectRuns({ workspace: ws })
    expect(c.runs).toHaveLength(1)
    const run = c.runs[0]
    expect(run.name).toBe(path.basename(ws))
    expect(Object.keys(run.metrics).sort()).toEqual(['eval.acc', 'train.loss'])
    expect(run.metrics['train.loss'].value).toBe(0.22)
    expect(run.metrics['train.loss'].history?.map(p => p.value)).toEqual(DVCLIVE_TRAIN_LOSS)
    expect(run.metrics['eval.acc'].history?.map(p => p.value)).toEqual(DVCLIVE_EVAL_ACC)
    expect(run.metrics['eval.acc'].history?.[1]).toEqual({ step: 1, value: 0.81, timestamp: 1700000001000 })
    // `params: - params.yaml:` stores the whole file nested in dvc.lock.
    expect(run.params).toEqual({ 'train.epochs': 4, 'model.conv_units': 24 })
    expect(run.metadata.dataVersion).toBe('data@68755295')
    expect(c.diagnostics).toEqual([])
  })

  it('merges a dvclive folder that the top dvc.yaml does not name into the one project run', async () => {
    const ws = await tempDir()
    await makeDvcliveCallbackProject(path.join(ws, 'demo'))
    const c = await collectRuns({ workspace: ws })
    expect(c.runs.map(r => r.name)).toEqual(['demo'])
    const run = c.runs[0]
    expect(Object.keys(run.metrics).sort()).toEqual(['accuracy', 'eval.loss', 'train.loss'])
    // The TSV column is plain `loss`; the name comes from the path under plots/metrics.
    expect(run.metrics['eval.loss'].history?.map(p => p.value)).toEqual([0.64, 0.28, 0.24])
    expect(run.metrics['train.loss'].value).toBe(0.88)
    expect(run.params).toEqual({ batch_size: 8, frozen: false })
  })

  it('reads a standalone dvclive folder as a run, with NaN accepted', async () => {
    const ws = await tempDir()
    await makeStandaloneDvclive(path.join(ws, 'exp', 'dvclive'))
    const c = await collectRuns({ workspace: ws })
    const run = byName(c, 'exp/dvclive')
    expect(run.metrics.acc).toEqual({
      value: 0.75,
      history: [
        { step: 0, value: 0.6 },
        { step: 1, value: 0.75 }
      ]
    })
    expect(run.metrics.loss.value).toBeNaN()
    expect(run.metrics.step).toBeUndefined()
    expect(run.params).toEqual({ lr: 0.01 })
  })

  it('names every bad entry and still reads the good ones', async () => {
    const ws = await tempDir()
    await makeHostileDvc(path.join(ws, 'bad'))
    const c = await collectRuns({ workspace: ws, sources: [dvcSource] })
    const run = byName(c, 'bad')
    expect(run.metrics).toEqual({ acc: { value: 0.5 } })
    expect(JSON.stringify(run)).not.toContain('root:')
    const all = c.diagnostics.map(d => `${d.file} ${d.line ?? ''} ${d.message}`).join('\n')
    expect(all).toMatch(/etc\/passwd .*outside the workspace/)
    expect(all).toMatch(/bad\/broken\.json 1 is not valid JSON/)
    expect(all).toMatch(/templating/)
    expect(all).toMatch(/bad\/params\.yaml \d+ is not valid YAML/)
  })

  it('warns about metrics that dvc.yaml names but the checkout lacks', async () => {
    const ws = await tempDir()
    await writeTree(ws, {
      'dvc.yaml': 'metrics:\n- eval/metrics.json\nparams:\n- params.yaml\n',
      'params.yaml': 'a: 1\n'
    })
    const c = await collectRuns({ workspace: ws })
    expect(c.runs[0].params).toEqual({ a: 1 })
    expect(messages(c, 'eval/metrics.json').join()).toMatch(/does not exist; run `dvc repro` or `dvc pull`/)
  })
})

describeShared('DVC reader on real projects', fixtures => {
  const runs = path.join(fixtures, 'runs')

  it('reads the three example projects, without a second run for their dvclive folders', async () => {
    const c = await collectRuns({ workspace: path.join(runs, 'dvc') })
    expect(c.runs.map(r => r.name).sort()).toEqual([
      'example-dvc-experiments@main',
      'example-get-started@a00dcb4',
      'example-get-started@main'
    ])

    const exp = byName(c, 'example-dvc-experiments@main')
    expect(exp.metrics['train.loss'].value).toBe(0.03015276975929737)
    expect(exp.metrics['train.loss'].history).toHaveLength(10)
    expect(exp.metrics['train.loss'].history?.[0]).toEqual({ step: 0, value: 0.2800039052963257 })
    expect(exp.metrics['eval.acc'].value).toBe(0.9884999990463257)
    expect(exp.metrics.step).toBeUndefined()
    expect(exp.params).toEqual({ 'train.epochs': 10, 'model.conv_units': 24 })
    expect(exp.metadata.dataVersion).toBe('data@68755295')

    // Stage-level `metrics: - eval/live/metrics.json: {cache: false}`, nested keys flattened.
    const old = byName(c, 'example-get-started@a00dcb4')
    expect(old.metrics['avg_prec.train'].value).toBe(0.9772271756725741)
    expect(old.metrics['roc_auc.test'].value).toBe(0.9619097316125981)
    expect(old.params['featurize.max_features']).toBe(500)
    expect(old.params['prepare.seed']).toBe(20170428)
    // The ROC plot's `"threshold": Infinity` parses (no diagnostic for that file).
    expect(messages(c, 'example-get-started@a00dcb4/eval/live/plots/sklearn/roc/test.json')).toEqual([])
    expect(messages(c, 'example-get-started@a00dcb4/eval/prc/test.json')).toEqual([])

    // Top-level `metrics:`; dvc.lock flattened param keys like `prepare.seed`.
    const main = byName(c, 'example-get-started@main')
    expect(main.params['featurize.max_features']).toBe(200)
    expect(main.params['train.n_est']).toBe(50)
    expect(main.metadata.dataVersion).toBe('data/data.xml@22a1a293')
    expect(messages(c, 'example-get-started@main/eval/metrics.json').join()).toMatch(/does not exist/)
    expect(c.diagnostics.filter(d => d.severity === 'error')).toEqual([])
  })

  it('reads the fastai dvclive project as one run despite the 4× duplicated dvclive/dvc.yaml', async () => {
    const c = await collectRuns({ workspace: path.join(runs, 'dvc-exp') })
    expect(c.runs).toHaveLength(1)
    const run = c.runs[0]
    expect(run.name).toBe('fastai-with-dvclive-demo@dvclive-callback')
    expect(Object.keys(run.metrics).sort()).toEqual(['accuracy', 'error_rate', 'eval.loss', 'train.loss'])
    expect(run.metrics['train.loss'].value).toBe(0.8826702237129211)
    expect(run.metrics['train.loss'].history?.map(p => p.value)).toEqual([
      0.9541604518890381, 0.82637619972229, 0.8826702237129211
    ])
    expect(run.metrics.accuracy.history).toHaveLength(3)
    expect(run.params.batch_size).toBe(8)
    expect(run.params.transforms).toMatch(/^\[Pipeline: PILBase\.create.*'add_na': False\}\]$/)
    expect(c.diagnostics).toEqual([])
  })
})
