import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Run } from '../src/core/run.js'
import { createReadContext } from '../src/sources/context.js'
import { collectRuns } from '../src/sources/detect.js'
import { MAX_HISTORY_POINTS } from '../src/sources/history.js'
import { mlflowSqliteSource, readMlflowDatabase } from '../src/sources/mlflow-sqlite.js'
import { loadSqlJs } from '../src/sources/sqlite-engine.js'
import { SQLITE_IDS as IDS, writeMlflowSqlite, writeOtherSqlite } from './fixtures/make-mlflow.js'
import { describeShared } from './helpers/shared.js'

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'er-mlflow-sqlite-'))
const byRunId = (runs: Run[]) => new Map(runs.map(r => [r.id.split('#').pop() as string, r]))

describe.each(['3.x', '1.26'] as const)('MLflow SQLite store (generated, %s schema)', version => {
  let ws: string
  let runs: Run[]
  let diagnostics: Awaited<ReturnType<typeof collectRuns>>['diagnostics']
  beforeAll(async () => {
    ws = await tmp()
    await writeMlflowSqlite(path.join(ws, 'mlflow.db'), version)
    ;({ runs, diagnostics } = await collectRuns({ workspace: ws }))
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))

  it('reads active runs of active experiments only', () => {
    expect(diagnostics).toEqual([])
    const expected: string[] = [IDS.finished, IDS.child, ...(version === '3.x' ? [IDS.noLatest] : [])]
    expect([...byRunId(runs).keys()].sort()).toEqual(expected.sort())
    expect(runs.every(r => r.source === 'mlflow-sqlite' && r.path === 'mlflow.db')).toBe(true)
  })

  it('reads params, tags, history and the latest value', () => {
    const run = byRunId(runs).get(IDS.finished) as Run
    expect(run.name).toBe(IDS.finished)
    expect(run.id).toBe(`mlflow-sqlite:mlflow.db#${IDS.finished}`)
    expect(run.params).toEqual({ learning_rate: '0.2047', max_depth: '17', seed: '42' })
    expect(run.metadata).toMatchObject({
      status: 'finished',
      gitCommit: 'dda14b590000b52829d7ed6805ed924c212bfbe2',
      author: 'azureuser',
      hypothesis: 'deeper trees help',
      seed: 42,
      tags: ['experiment=nyc-taxi', 'developer=giovanni']
    })
    expect(run.metrics['validation-rmse'].value).toBe(6.29)
    expect(run.metrics['validation-rmse'].history?.map(p => p.value)).toEqual([6.9, 6.5, 6.4, 6.35, 6.29])
    // is_nan and ±DBL_MAX (how MLflow stores infinities) come back as NaN and ±Infinity
    expect(run.metrics.odd.history?.map(p => p.value)).toEqual([NaN, Infinity, -Infinity])
    expect(run.metrics.odd.value).toBe(-Infinity)
  })

  it('links the nested run and maps KILLED', () => {
    const child = byRunId(runs).get(IDS.child) as Run
    expect(child.name).toBe('nested-child')
    expect(child.metadata.status).toBe('killed')
    expect(child.metadata.parentId).toBe(`mlflow-sqlite:mlflow.db#${IDS.finished}`)
  })

  if (version === '3.x') {
    it('computes the latest value by step then timestamp when latest_metrics has no row, and reads dataset inputs', () => {
      const run = byRunId(runs).get(IDS.noLatest) as Run
      expect(run.metadata.status).toBe('failed')
      expect(run.metrics.acc_none.value).toBe(0.3377)
      expect(run.metrics.acc_none.history).toHaveLength(3)
      expect(run.metadata.dataVersion).toBe('green_tripdata_2021-01@5e2c1b9a')
    })
  }
})

describe('MLflow SQLite store: detection', () => {
  it('reads any *.db with MLflow tables, ignores other SQLite and non-SQLite .db files quietly', async () => {
    const ws = await tmp()
    await writeMlflowSqlite(path.join(ws, 'sub/tracking.db'))
    await writeOtherSqlite(path.join(ws, 'app.db'))
    await writeFile(
      path.join(ws, 'Thumbs.db'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    )
    await writeFile(path.join(ws, 'empty.db'), '')
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(diagnostics).toEqual([])
    expect(runs.filter(r => r.source === 'mlflow-sqlite').map(r => r.path)).toEqual([
      'sub/tracking.db',
      'sub/tracking.db',
      'sub/tracking.db'
    ])
    expect(
      mlflowSqliteSource.claim({ path: '/w', name: 'w', files: ['a.db', 'b.txt', 'C.DB'], dirs: [] })
    ).toEqual([{ path: '/w/a.db' }, { path: '/w/C.DB' }])
    await rm(ws, { recursive: true, force: true })
  })

  it('reports a corrupt MLflow database by name and keeps going', async () => {
    const ws = await tmp()
    const file = await writeMlflowSqlite(path.join(ws, 'mlflow.db'))
    const bytes = await readFile(file)
    bytes.fill(0x7f, 100, 4096) // page 1 (the schema) destroyed, header intact
    await writeFile(file, bytes)
    const ctx = await createReadContext(ws)
    const runs = await readMlflowDatabase(file, ctx)
    expect(runs).toEqual([])
    expect(ctx.diagnostics).toHaveLength(1)
    expect(ctx.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'mlflow.db',
      message: expect.stringMatching(/mlflow\.db|not a readable|could not be read/)
    })
    await rm(ws, { recursive: true, force: true })
  })

  it('without node:sqlite, reports an MLflow database over the sql.js limit, says why and what to do', async () => {
    const ws = await tmp()
    const file = await writeMlflowSqlite(path.join(ws, 'mlflow.db'))
    const { truncate } = await import('node:fs/promises')
    await truncate(file, 513 * 1024 * 1024) // sparse: no disk used
    const ctx = await createReadContext(ws)
    expect(await readMlflowDatabase(file, ctx, { engine: 'sql.js' })).toEqual([])
    expect(ctx.diagnostics).toEqual([
      expect.objectContaining({
        file: 'mlflow.db',
        message: expect.stringMatching(
          /of 513 MiB; on Node .* read whole into memory \(sql\.js.* limited to 512 MiB.*Node 22\.13 or later/
        )
      })
    ])
    await rm(ws, { recursive: true, force: true })
  })
})

describeShared('MLflow SQLite store on real databases', fixtures => {
  const root = path.join(fixtures, 'runs', 'mlflow-sqlite')

  it('mlops-zoomcamp (1.26.1 schema): 112 of 125 runs, deleted runs and the deleted experiment skipped', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: path.join(root, 'mlops-zoomcamp') })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(112)
    const ids = byRunId(runs)
    // deleted runs: RUNNING+deleted with no end_time, FAILED+deleted, FINISHED+deleted
    for (const deleted of [
      'cdda5e29043347d0a8930cf848a9a08a',
      'aac30c2c47564df5b03ade86727a5880',
      '1728036feb47461cba8b70bb10ec02fc'
    ])
      expect(ids.has(deleted)).toBe(false)
    // runs.name is '' and there is no mlflow.runName tag: the run id is the name
    const xgb = ids.get('f539394805074f4296c1ed6b0a1d905d') as Run
    expect(xgb.name).toBe('f539394805074f4296c1ed6b0a1d905d')
    // 1001 points (steps 0..1000) are read; the history keeps MAX_HISTORY_POINTS of them, both ends included.
    expect(xgb.metrics['validation-rmse'].historyPoints).toBe(1001)
    expect(xgb.metrics['validation-rmse'].history).toHaveLength(MAX_HISTORY_POINTS)
    expect(xgb.metrics['validation-rmse'].history?.[0].step).toBe(0)
    expect(xgb.metrics['validation-rmse'].history?.[MAX_HISTORY_POINTS - 1].step).toBe(1000)
    expect(xgb.metrics['validation-rmse'].value).toBeCloseTo(6.29553372695994, 12)
    expect(xgb.metrics.best_iteration.value).toBe(985)
    expect(xgb.params.learning_rate).toBe('0.22162207316820928')
    expect(xgb.metadata.seed).toBe(42)
    expect(xgb.metadata.tags).toContain('experiment=nyc-taxi-experiment')
    const rf = ids.get('0ba4b4083afe4c8a9b57558dff546019') as Run
    expect(rf.metadata.gitCommit).toBe('dda14b590000b52829d7ed6805ed924c212bfbe2')
    expect(rf.metrics.test_rmse.value).toBeCloseTo(6.54908182715729, 12)
    expect(rf.params.n_estimators).toBe('33')
    expect(runs.filter(r => r.metadata.gitCommit).length).toBe(58)
    expect(runs.every(r => r.metadata.status === 'finished')).toBe(true)
  })

  it('Toy_sft (3.x schema, mlruns.db): 27 of 30 runs, HF Trainer histories, a param and a metric of one name', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: path.join(root, 'Toy_sft') })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(27)
    const ids = byRunId(runs)
    for (const deleted of [
      'c8d630dfb4ac4cdfb45c92c7d0324c98',
      '8ab12bf1125940f7b1e24e5dcf985516',
      'e5e564836c3448c4a7b2026f61e0ebaf'
    ])
      expect(ids.has(deleted)).toBe(false)
    expect(runs.every(r => r.metadata.gitCommit && r.name.startsWith('l'))).toBe(true)
    const sft = ids.get('0e61ef514564465fa32138a34d10216f') as Run
    expect(sft.name).toBe('lora-sft-lr0.0001-r32-20260616-134825')
    expect(sft.metadata.gitCommit).toBe('ce34d66d2ee3e6c684408d1e9c60c20e630c5963')
    expect(sft.params.learning_rate).toBe('0.0001')
    expect(sft.metrics.learning_rate.history).toHaveLength(187)
    expect(sft.metrics.learning_rate.history?.at(-1)?.step).toBe(1870)
    expect(sft.metrics.eval_loss.history).toHaveLength(19)
    expect(sft.metrics.eval_loss.history?.at(-1)?.step).toBe(1875)
    expect(sft.metrics.eval_loss.value).toBeCloseTo(1.70198953151703, 12)
    // lm-eval: 62 values at step 0; the latest is the last timestamp (the overall score), not the last row or the max
    const mmlu = ids.get('6304fc965a7a48228f5408e6b1877858') as Run
    expect(mmlu.params).toEqual({
      exp: '1',
      tag: 'baseline',
      model_path: 'ibm-granite/granite-4.0-350m',
      task: 'mmlu'
    })
    expect(mmlu.metrics.acc_none.history).toHaveLength(62)
    expect(mmlu.metrics.acc_none.value).toBeCloseTo(0.337772397094431, 12)
  })
})

describe('MLflow SQLite store: what is read', () => {
  let ws: string
  beforeAll(async () => {
    ws = await tmp()
    for (const version of ['3.x', '1.26'] as const) {
      const file = await writeMlflowSqlite(path.join(ws, version, 'mlflow.db'), version)
      // A 1,203-point series (three points share step 7) on the child run, written out of order.
      const SQL = await loadSqlJs()
      const db = new SQL.Database(await readFile(file))
      const points: [number, number, number][] = []
      for (let step = 0; step < 1200; step++) points.push([step, Math.sin(step / 50), 1000 + step])
      points.push([7, 0.25, 999], [7, 0.5, 2000], [7, -1, 5])
      points.reverse()
      for (const [step, value, ts] of points)
        db.run('INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?)', ['long', value, ts, IDS.child, step, 0])
      await writeFile(file, Buffer.from(db.export()))
      db.close()
    }
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))

  it('thins a long history in SQL to the points the full-series reading keeps, with the full length', async () => {
    // The 3.x schema has MLflow's (run_uuid, key, step) index: the series is thinned in SQL. The 1.26 schema has
    // none: every point is streamed and thinned afterwards. Both must give the same metric.
    const read = async (version: string) => {
      const ctx = await createReadContext(path.join(ws, version))
      const runs = await readMlflowDatabase(path.join(ws, version, 'mlflow.db'), ctx)
      expect(ctx.diagnostics).toEqual([])
      return byRunId(runs).get(IDS.child) as Run
    }
    const [indexed, streamed] = [await read('3.x'), await read('1.26')]
    const long = indexed.metrics.long
    expect(long.history).toHaveLength(MAX_HISTORY_POINTS)
    expect(long.historyPoints).toBe(1203)
    expect(long.value).toBeCloseTo(Math.sin(1199 / 50), 12)
    expect(long.history?.[0]).toEqual({ step: 0, value: 0, timestamp: 1000 })
    expect(long.history?.at(-1)).toEqual({ step: 1199, value: Math.sin(1199 / 50), timestamp: 2199 })
    expect(long).toEqual(streamed.metrics.long)
  })

  it('reads only the selected experiments, and says which exist when none is selected', async () => {
    const file = path.join(ws, '3.x', 'mlflow.db')
    const ctx = await createReadContext(path.join(ws, '3.x'), { selection: { experiments: ['nyc-*'] } })
    expect((await readMlflowDatabase(file, ctx)).map(r => r.metadata.tags[0])).toEqual([
      'experiment=nyc-taxi',
      'experiment=nyc-taxi',
      'experiment=nyc-taxi'
    ])
    const none = await createReadContext(path.join(ws, '3.x'), { selection: { experiments: ['churn'] } })
    expect(await readMlflowDatabase(file, none)).toEqual([])
    expect(none.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'mlflow.db',
        message: expect.stringMatching(/selected by "churn".* its experiments are "Default", "nyc-taxi"$/)
      })
    ])
  })

  it('keeps the runs of one commit when the store is named by a tracking URI', async () => {
    const file = path.join(ws, '3.x', 'mlflow.db')
    const ctx = await createReadContext(path.join(ws, '3.x'))
    const sha = 'dda14b590000b52829d7ed6805ed924c212bfbe2'
    const runs = await readMlflowDatabase(file, ctx, { commit: { kind: 'sha', sha } })
    expect([...byRunId(runs).keys()]).toEqual([IDS.finished])
    expect(await readMlflowDatabase(file, ctx, { commit: { kind: 'sha', sha: 'f'.repeat(40) } })).toEqual([])
    expect(ctx.diagnostics).toEqual([])
  })
})
