import { spawnSync } from 'node:child_process'
import { appendFile, mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Run } from '../src/core/run.js'
import { createReadContext } from '../src/sources/context.js'
import { collectRuns } from '../src/sources/detect.js'
import { mlflowSource, readMetricFile } from '../src/sources/mlflow.js'
import { parseMetricFile, MetricFileParser } from '../src/sources/mlflow-metrics-file.js'
import { mlflowStatus } from '../src/sources/mlflow-common.js'
import { MAX_HISTORY_POINTS } from '../src/sources/history.js'
import { READ_THREADS_ENV, readWorkerCount } from '../src/sources/read-pool.js'
import { runsToJson } from '../src/report/json.js'
import { FILE_STORE_IDS as IDS, writeLargeFileStore, writeMlflowFileStore } from './fixtures/make-mlflow.js'
import { describeShared } from './helpers/shared.js'

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'er-mlflow-'))
const byRunId = (runs: Run[]) => new Map(runs.map(r => [r.path.split('/').pop() as string, r]))

describe('MLflow metric file lines', () => {
  it('reads timestamp value step, two-field and four-field lines, nan and infinities', () => {
    const p = parseMetricFile(
      Buffer.from('10 0.5 0\n20 nan 1\r\n30 inf 2\n40 -inf 3\n50 1e-05 4 m-123\n60 0.125\n70 -Infinity 5\n\n')
    )
    expect(p.problems).toEqual([])
    expect(p.points.map(x => x.value)).toEqual([0.5, NaN, Infinity, -Infinity, 1e-5, 0.125, -Infinity])
    expect(p.points.map(x => x.step)).toEqual([0, 1, 2, 3, 4, 0, 5])
    expect(p.points[0]).toEqual({ step: 0, value: 0.5, timestamp: 10 })
  })

  it('parses every float exactly as Number() does', () => {
    const values = [
      '0.8866041898727417',
      '0.1',
      '1.840090582268549',
      '2.9127091495519606',
      '123456789.125',
      '1.5e+20',
      '7e-300',
      '0.000001234',
      '-0.0',
      '1e22',
      '9007199254740993',
      '0.30000000000000004',
      '5'
    ]
    for (let i = 0; i < 200; i++)
      values.push(String(Math.random() * 10 ** Math.floor(Math.random() * 20 - 10)))
    const p = parseMetricFile(Buffer.from(values.map((v, i) => `1 ${v} ${i}\n`).join('')))
    expect(p.points.map(x => x.value)).toEqual(values.map(Number))
  })

  it('joins lines split across chunks and names bad lines with their numbers', () => {
    const parser = new MetricFileParser()
    for (const part of [
      '1700000000000 0.2',
      '5 0\n1700000000001 ',
      'abc 1\nnot a line\n1700000000002 0.75 x\n',
      '1700000000003 0.5 3'
    ])
      parser.push(Buffer.from(part))
    parser.end()
    expect(parser.points).toEqual([
      { step: 0, value: 0.25, timestamp: 1700000000000 },
      { step: 3, value: 0.5, timestamp: 1700000000003 }
    ])
    expect(parser.problems.map(p => p.line)).toEqual([2, 3, 4])
    expect(parser.problems[0].message).toMatch(/value "abc" is not a number.*found "1700000000001 abc 1"/)
    expect(parser.problems[2].message).toMatch(/step "x" is not an integer/)
  })

  it('maps MLflow statuses by name and by number', () => {
    expect([1, 2, 3, 4, 5].map(mlflowStatus)).toEqual(['running', 'running', 'finished', 'failed', 'killed'])
    expect(['FINISHED', 'FAILED', 'KILLED', 'RUNNING', 'SCHEDULED', '3'].map(mlflowStatus)).toEqual([
      'finished',
      'failed',
      'killed',
      'running',
      'running',
      'finished'
    ])
    expect(mlflowStatus('WEIRD')).toBeUndefined()
  })
})

describe('MLflow file store (generated 1.x, 2.x, 3.x shapes)', () => {
  let ws: string
  let runs: Run[]
  let diagnostics: Awaited<ReturnType<typeof collectRuns>>['diagnostics']
  beforeAll(async () => {
    ws = await tmp()
    await writeMlflowFileStore(ws)
    ;({ runs, diagnostics } = await collectRuns({ workspace: ws }))
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))

  it('reads the active runs and skips deleted runs, .trash and models/', () => {
    expect(runs.every(r => r.source === 'mlflow')).toBe(true)
    expect([...byRunId(runs).keys()].sort()).toEqual(
      [IDS.v1Finished, IDS.v2Parent, IDS.v2Child, IDS.v3Run, IDS.v3Failed].sort()
    )
  })

  it('reads MLflow 1.x meta (numeric status, name "") and takes the latest point by step then timestamp', () => {
    const run = byRunId(runs).get(IDS.v1Finished) as Run
    expect(run.name).toBe(IDS.v1Finished)
    expect(run.id).toBe(`mlflow:mlruns/1/${IDS.v1Finished}`)
    expect(run.metadata.status).toBe('finished')
    expect(run.metadata.seed).toBe(7)
    expect(run.metadata.author).toBe('louis')
    expect(run.metadata.tags).toEqual(['experiment=legacy-exp', 'release.version=2.2.0'])
    // steps 0,0,0: the latest is the last timestamp (0.673…), not the largest value or the first line
    expect(run.metrics.foo.value).toBe(0.6733636629420614)
    expect(run.metrics.foo.history).toHaveLength(3)
    expect(run.params).toEqual({ param1: '12', seed: '7' })
    expect(run.metadata.startedAt).toBe(new Date(1656994881395).toISOString())
  })

  it('reads MLflow 2.x runs: run name tag, git commit, notes, hypothesis, group, nested keys, nan/inf, datasets', () => {
    const run = byRunId(runs).get(IDS.v2Parent) as Run
    expect(run.name).toBe('parent-run')
    expect(run.metadata).toMatchObject({
      gitCommit: '135df9c713855fce04a512153d6bedd9c5e1ae4c',
      author: 'awrit',
      notes: 'First try with **Adam**.\nSecond line.',
      hypothesis: 'a lower learning rate generalises better',
      successCriteria: 'val/acc >= 0.95',
      group: 'lr-sweep',
      dataVersion: 'mnist-train@d8e8fca2',
      evalSet: 'mnist-test@0cc175b9'
    })
    expect(run.metadata.tags).toEqual(['experiment=mnist', 'Mode=training'])
    expect(run.metrics['val/acc'].value).toBe(0.95)
    expect(run.metrics['val/acc'].history?.map(p => p.step)).toEqual([0, 1, 2])
    expect(run.metrics['train/loss'].history?.map(p => p.value)).toEqual([NaN, Infinity, -Infinity])
    expect(run.metrics['train/loss'].value).toBe(-Infinity)
    expect(run.metrics.legacy_two_fields).toEqual({
      value: 0.125,
      history: [{ step: 0, value: 0.125, timestamp: 1708382496112 }]
    })
    expect(run.metrics.broken.value).toBe(0.25)
  })

  it('links a nested run to its parent', () => {
    const child = byRunId(runs).get(IDS.v2Child) as Run
    expect(child.metadata.parentId).toBe(`mlflow:mlruns/2/${IDS.v2Parent}`)
    expect(runs.some(r => r.id === child.metadata.parentId)).toBe(true)
  })

  it('reads MLflow 3.x runs without run_uuid, drops duplicated lines, and reads four-field lines', () => {
    const run = byRunId(runs).get(IDS.v3Run) as Run
    expect(run.name).toBe('elasticnet_04011cf0')
    expect(run.metrics.test_r2).toEqual({
      value: 0.0890018368226928,
      history: [{ step: 0, value: 0.0890018368226928, timestamp: 1765068767962 }]
    })
    const failed = byRunId(runs).get(IDS.v3Failed) as Run
    expect(failed.metadata.status).toBe('failed')
    expect(failed.name).toBe('knn')
    expect(failed.metrics.test_r2.value).toBe(0.5)
  })

  it('reports the bad metric line with file, run, key and line, and nothing else', () => {
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: `mlruns/2/${IDS.v2Parent}/metrics/broken`,
        run: IDS.v2Parent,
        key: 'broken',
        line: 2,
        message: expect.stringMatching(
          /line 2: the timestamp "this" is not an integer \(milliseconds\); expected "timestamp value step", found "this is not a metric line"/
        )
      })
    ])
  })

  it('reads a single run folder or an experiment folder given as the runs input', async () => {
    const one = await collectRuns({ workspace: ws, patterns: [`mlruns/2/${IDS.v2Child}`] })
    expect(one.runs.map(r => r.name)).toEqual(['child-run'])
    expect(one.runs[0].metadata.tags).toContain('experiment=mnist')
    const experiment = await collectRuns({ workspace: ws, patterns: ['mlruns/3'] })
    expect(experiment.runs.map(r => r.name).sort()).toEqual(['elasticnet_04011cf0', 'knn'])
    const trash = await collectRuns({ workspace: ws, patterns: ['mlruns/.trash/4'] })
    expect(trash.runs).toEqual([])
  })
})

describe('MLflow file store: detection and hostile input', () => {
  it('finds a store not named mlruns by its experiment folders', async () => {
    const ws = await tmp()
    await writeMlflowFileStore(ws)
    const { rename } = await import('node:fs/promises')
    await rename(path.join(ws, 'mlruns'), path.join(ws, 'tracking'))
    const { runs } = await collectRuns({ workspace: ws })
    expect(runs.filter(r => r.source === 'mlflow')).toHaveLength(5)
    expect(
      mlflowSource.claim({ path: '/x/notes', name: 'notes', files: ['meta.yaml'], dirs: ['drafts'] })
    ).toEqual([])
    await rm(ws, { recursive: true, force: true })
  })

  it('does not follow a metric file linked out of the workspace, and names a broken meta.yaml', async () => {
    const ws = await tmp()
    const run = path.join(ws, 'mlruns/1/ffffffffffffffffffffffffffffffff')
    await mkdir(path.join(run, 'metrics'), { recursive: true })
    await writeFile(
      path.join(ws, 'mlruns/1/meta.yaml'),
      "experiment_id: '1'\nname: x\nlifecycle_stage: active\n"
    )
    await writeFile(
      path.join(run, 'meta.yaml'),
      'run_id: ffffffffffffffffffffffffffffffff\nstatus: 3\nlifecycle_stage: active\n'
    )
    await writeFile(path.join(run, 'metrics/ok'), '1 0.5 0\n')
    await symlink('/etc/passwd', path.join(run, 'metrics/evil'))
    const bad = path.join(ws, 'mlruns/1/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')
    await mkdir(bad)
    await writeFile(path.join(bad, 'meta.yaml'), 'run_id: [unclosed\n')
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(runs).toHaveLength(1)
    expect(runs[0].metrics).toEqual({ ok: { value: 0.5, history: [{ step: 0, value: 0.5, timestamp: 1 }] } })
    expect(diagnostics.find(d => d.file.endsWith('metrics/evil'))?.message).toMatch(/leaves the workspace/)
    expect(
      diagnostics.find(d => d.file === 'mlruns/1/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee/meta.yaml')?.message
    ).toMatch(/not valid YAML/)
    expect(JSON.stringify(runs)).not.toContain('root:')
    await rm(ws, { recursive: true, force: true })
  })

  it('streams a metric file larger than the read-whole size; its history is thinned to MAX_HISTORY_POINTS, ends kept', async () => {
    const ws = await tmp()
    const file = path.join(ws, 'big')
    const lines: string[] = []
    for (let i = 0; i < 300_000; i++) lines.push(`${1700000000000 + i} ${i / 7} ${i}\n`)
    await writeFile(file, lines.join(''))
    const ctx = await createReadContext(ws, { limits: { maxTextBytes: 1024 } })
    const history = await readMetricFile(file, ctx, { run: 'r', key: 'big' })
    expect(ctx.diagnostics).toEqual([])
    expect(history).toHaveLength(MAX_HISTORY_POINTS)
    expect(history?.[0]).toEqual({ step: 0, value: 0, timestamp: 1700000000000 })
    expect(history?.[MAX_HISTORY_POINTS - 1]).toEqual({
      step: 299_999,
      value: 299_999 / 7,
      timestamp: 1700000299999
    })
    await rm(ws, { recursive: true, force: true })
  })
})

describeShared('MLflow file store on real stores', fixtures => {
  const root = path.join(fixtures, 'runs', 'mlflow')
  const read = (name: string) => collectRuns({ workspace: path.join(root, name) })

  it('Hyperparameter-Tuning-with-Python (1.x): .trash and the deleted RUNNING run skipped, nested runs linked', async () => {
    const { runs, diagnostics } = await read('Hyperparameter-Tuning-with-Python')
    expect(diagnostics).toEqual([])
    // 2 active runs in experiment 6; exp 0's only run is deleted; 5 experiments in .trash are never read
    expect(runs.map(r => r.name).sort()).toEqual(['CHILD_RUN', 'PARENT_RUN'])
    const parent = runs.find(r => r.name === 'PARENT_RUN') as Run
    const child = runs.find(r => r.name === 'CHILD_RUN') as Run
    expect(parent.metrics.foo.value).toBe(2.2922696453675444)
    expect(parent.metrics.foo.history?.map(p => p.step)).toEqual([1, 2, 3])
    expect(parent.params).toEqual({ param1: '12' })
    expect(parent.metadata.tags).toEqual(['experiment=example1', 'release.version=2.2.0'])
    expect(parent.metadata.status).toBe('finished')
    expect(child.metadata.parentId).toBe(parent.id)
    expect(child.params).toEqual({ child: 'yes' })
  })

  it('Hyperparameter-Tuning-with-Python: steps 0,0,0 take the last timestamp as the latest', async () => {
    // The deleted run in exp 0 has steps 0,0,0; read it as a single run folder to check the rule on real lines.
    const ws = path.join(root, 'Hyperparameter-Tuning-with-Python')
    const ctx = await createReadContext(ws)
    const history = await readMetricFile(
      path.join(ws, 'mlruns/0/bb55f3cea2cd4a61bfaa09714f19f792/metrics/foo'),
      ctx,
      {}
    )
    expect(history?.map(p => p.value)).toEqual([0.6733636629420614, 1.840090582268549, 2.9127091495519606])
    const { runs } = await collectRuns({ workspace: ws, patterns: ['mlruns/0'] })
    expect(runs).toEqual([])
  })

  it('AIOPS_learning_mnist (2.x Lightning): 4 of 6 runs, deleted FAILED runs skipped, per-epoch histories', async () => {
    const { runs, diagnostics } = await read('AIOPS_learning_mnist')
    expect(diagnostics).toEqual([])
    expect(runs.map(r => r.name).sort()).toEqual([
      'amusing-smelt-908',
      'melodic-seal-579',
      'rumbling-goat-446',
      'spiffy-snail-442'
    ])
    const seal = runs.find(r => r.name === 'melodic-seal-579') as Run
    expect(seal.metrics.acc.value).toBe(0.9691666960716248)
    expect(seal.metrics.acc.history).toHaveLength(5)
    expect(seal.metrics.train_loss.value).toBe(0.10694222897291183)
    expect(seal.metrics.test_acc).toEqual({
      value: 0.9636666774749756,
      history: [{ step: 0, value: 0.9636666774749756, timestamp: 1708382515474 }]
    })
    expect(Object.keys(seal.metrics)).toHaveLength(10)
    expect(seal.params.lr).toBe('0.001')
    expect(seal.params.betas).toBe('(0.9, 0.999)')
    expect(seal.metadata.gitCommit).toBe('135df9c713855fce04a512153d6bedd9c5e1ae4c')
    expect(seal.metadata.tags).toEqual(['experiment=Default', 'Mode=testing'])
    const goat = runs.find(r => r.name === 'rumbling-goat-446') as Run
    expect(goat.metrics.acc_step.history).toHaveLength(10)
    expect(goat.metrics.acc_step.value).toBe(1)
  })

  it('PRE-07 (3.x): no run_uuid, duplicated lines counted once, models/ and outputs/ not runs', async () => {
    const { runs, diagnostics } = await read('PRE-07-mlflow-tracking-basico-LissyGraceRestrepo')
    expect(diagnostics).toEqual([])
    expect(runs.map(r => r.name).sort()).toEqual([
      'elasticnet_04011cf0',
      'elasticnet_4739663c',
      'knn_fc5eb0a4'
    ])
    const run = runs.find(r => r.name === 'elasticnet_04011cf0') as Run
    expect(run.metrics.test_mae).toEqual({
      value: 0.6453803508338732,
      history: [{ step: 0, value: 0.6453803508338732, timestamp: 1765068767915 }]
    })
    expect(Object.keys(run.metrics).sort()).toEqual([
      'test_mae',
      'test_mse',
      'test_r2',
      'train_mae',
      'train_mse',
      'train_r2'
    ])
    expect(run.params).toMatchObject({
      alpha: '0.5',
      l1_ratio: '0.5',
      model_type: 'elasticnet',
      random_state: '123456'
    })
    expect(run.metadata.gitCommit).toBe('fde5365f7912e80208466c6a3fbaeadaeaffbcfd')
    expect(run.metadata.tags).toEqual(['experiment=wine_quality_experiment'])
    const knn = runs.find(r => r.name === 'knn_fc5eb0a4') as Run
    expect(knn.metrics.test_mae.value).toBe(0.6065)
  })

  it('PRE-07 (3.x): a model metric line with a fourth field (run id) is read', async () => {
    const ws = path.join(root, 'PRE-07-mlflow-tracking-basico-LissyGraceRestrepo')
    const ctx = await createReadContext(ws)
    const history = await readMetricFile(
      path.join(ws, 'mlruns/516221907975278643/models/m-864759a2b63c46d5a38f2943ee8586bc/metrics/test_mae'),
      ctx,
      {}
    )
    expect(ctx.diagnostics).toEqual([])
    expect(history).toEqual([{ step: 0, value: 0.6453803508338732, timestamp: 1765068767915 }])
  })
})

describe('MLflow file store: read workers', () => {
  it('takes the number of read workers from the environment and refuses a wrong one', () => {
    expect(readWorkerCount({ [READ_THREADS_ENV]: '0' })).toBe(0)
    expect(readWorkerCount({ [READ_THREADS_ENV]: '3' })).toBe(3)
    expect(() => readWorkerCount({ [READ_THREADS_ENV]: 'two' })).toThrow(
      `${READ_THREADS_ENV}="two": expected a whole number of threads ≥ 0`
    )
    expect(readWorkerCount({})).toBeGreaterThanOrEqual(0)
  })

  it('returns the same runs and diagnostics from the built CLI with and without workers, as the sources do', async () => {
    const ws = await tmp()
    // Enough runs for the workers; bad lines in two runs, an empty file, a file linked elsewhere in the workspace.
    await writeLargeFileStore(ws, 40, 3, 120)
    const run = (r: number) => path.join(ws, 'mlruns', '1', r.toString(16).padStart(32, '0'), 'metrics')
    await appendFile(path.join(run(3), 'metric_0'), 'not a line\n1 2\n')
    await appendFile(path.join(run(30), 'val', 'metric_1'), '5 x 7\n')
    await writeFile(path.join(run(7), 'empty'), '')
    await writeFile(path.join(ws, 'elsewhere'), '1 0.25 0\n')
    await symlink(path.join(ws, 'elsewhere'), path.join(run(9), 'linked'))
    // A file larger than a worker's first read buffer, then a small one read into the same buffer.
    const long = Array.from({ length: 6000 }, (_, i) => `${1_700_000_000_000 + i * 1000} ${i / 7} ${i}`)
    await writeFile(path.join(run(11), 'long'), `${long.join('\n')}\n`)
    const cli = (threads: string) =>
      spawnSync(
        process.execPath,
        [path.resolve('dist/cli.js'), 'export', '--format', 'json', '--runs', 'mlruns'],
        {
          cwd: ws,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, [READ_THREADS_ENV]: threads }
        }
      )
    const main = cli('0')
    const pooled = cli('2')
    // The bundle holds the pool (a stale dist/ would ignore the variable).
    expect(cli('x').stderr).toContain(`${READ_THREADS_ENV}="x": expected a whole number of threads ≥ 0`)
    expect(pooled.status).toBe(0)
    expect(pooled.stdout).toBe(main.stdout)
    expect(pooled.stderr).toBe(main.stderr)
    expect(main.stderr).toMatch(/metrics\/metric_0.*line 121: the timestamp "not" is not an integer/)
    expect(main.stderr).toMatch(/metric "empty" has no values/)
    const { runs, diagnostics } = await collectRuns({ workspace: ws, patterns: ['mlruns'] })
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(runsToJson(runs)))
    expect(runs.find(r => r.name === 'run-9')?.metrics.linked.value).toBe(0.25)
    const longMetric = runs.find(r => r.name === 'run-11')?.metrics.long
    expect(longMetric).toMatchObject({ value: 5999 / 7, historyPoints: 6000 })
    expect(longMetric?.history?.[499]).toEqual({ step: 5999, value: 5999 / 7, timestamp: 1_700_005_999_000 })
    expect(diagnostics.map(d => d.run)).toEqual([3, 7, 30].map(r => r.toString(16).padStart(32, '0')))
    await rm(ws, { recursive: true, force: true })
  })
})
