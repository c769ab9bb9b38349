import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Run } from '../src/core/run.js'
import { collectRuns, type CollectOptions } from '../src/sources/detect.js'
import { MAX_HISTORY_POINTS } from '../src/sources/history.js'
import { checkMessage } from './mlflow-twin/contract.js'
import {
  startMlflowTwin,
  type MlflowTwin,
  type MlflowTwinOptions,
  type TwinRun
} from './mlflow-twin/server.js'
import { writeFileStoreOf } from './fixtures/make-mlflow-server.js'

const HEAD = 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffe'
const OTHER = 'badc0de0badc0de0badc0de0badc0de0badc0de'
const fast = { sleep: async () => undefined, backoffMs: 1 }

/** A run of the twin: `n` points of `loss` and one `accuracy`, logged from `commit`. */
function twinRun(id: number, experiment: string, commit: string, extra: Partial<TwinRun> = {}): TwinRun {
  return {
    run_id: id.toString(16).padStart(32, '0'),
    experiment_id: experiment,
    run_name: `run-${id}`,
    status: 'FINISHED',
    start_time: 1_700_000_000_000 + id * 1000,
    user_id: 'trainer',
    params: { lr: String(0.001 * (id % 7)), seed: String(id % 3) },
    tags: { 'mlflow.source.git.commit': commit, 'mlflow.runName': `run-${id}` },
    metrics: {
      accuracy: [{ step: 0, value: 0.8 + (id % 10) / 100, timestamp: 1_700_000_000_000 + id }]
    },
    ...extra
  }
}

const EXPERIMENTS: MlflowTwinOptions['experiments'] = [
  { experiment_id: '0', name: 'Default' },
  { experiment_id: '1', name: 'churn-model' },
  { experiment_id: '2', name: 'fraud-model' },
  { experiment_id: '3', name: 'churn-old', lifecycle_stage: 'deleted' }
]

describe('MLflow tracking server (against the MLflow twin)', () => {
  let ws: string
  let twin: MlflowTwin | undefined
  beforeAll(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'er-mlflow-server-'))
  })
  afterEach(async () => {
    if (twin) expect(twin.violations).toEqual([])
    await twin?.close()
    twin = undefined
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))

  const collect = (uri: string, options: Partial<CollectOptions> = {}) =>
    collectRuns({
      workspace: ws,
      patterns: [uri],
      selection: { experiments: ['churn-model'] },
      commit: { kind: 'sha', sha: HEAD },
      env: {},
      mlflowHttp: fast,
      ...options
    })

  it('reads the runs of one experiment and one commit among a thousand others, filtered by the server', async () => {
    const runs: TwinRun[] = []
    for (let i = 1; i <= 1200; i++)
      runs.push(twinRun(i, i % 2 ? '1' : '2', i === 40 || i === 41 || i === 777 ? HEAD : OTHER))
    runs.push(twinRun(5000, '1', HEAD, { lifecycle_stage: 'deleted' }))
    twin = await startMlflowTwin({ experiments: EXPERIMENTS, runs })
    const { runs: read, diagnostics } = await collect(twin.url)
    expect(diagnostics).toEqual([])
    // Runs 41 and 777 are in churn-model (odd ids); 40 is in fraud-model; 5000 is deleted.
    expect(read.map(r => r.name)).toEqual(['run-777', 'run-41'])
    expect(read[0]).toMatchObject({
      id: `mlflow-server:${twin.url}#${(777).toString(16).padStart(32, '0')}`,
      source: 'mlflow-server',
      path: twin.url,
      params: { lr: '0', seed: '0' },
      metadata: { gitCommit: HEAD, status: 'finished', author: 'trainer', tags: ['experiment=churn-model'] }
    })
    const searches = twin.requests.filter(r => r.endpoint === 'runs/search')
    expect(searches).toHaveLength(1)
    expect(searches[0].body).toMatchObject({
      experiment_ids: ['1'],
      filter: `tags.\`mlflow.source.git.commit\` = '${HEAD}'`,
      run_view_type: 'ACTIVE_ONLY'
    })
  })

  it('follows runs/search pages, and caps --commit any with a warning', async () => {
    const runs = Array.from({ length: 1500 }, (_, i) => twinRun(i + 1, '1', i % 2 ? HEAD : OTHER))
    twin = await startMlflowTwin({ experiments: EXPERIMENTS, runs })
    const one = await collect(twin.url)
    expect(one.diagnostics).toEqual([])
    expect(one.runs).toHaveLength(750)
    const any = await collect(twin.url, { commit: { kind: 'any' } })
    expect(any.runs).toHaveLength(1000)
    expect(any.runs[0].name).toBe('run-1500')
    expect(any.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: twin.url,
        message: expect.stringContaining('more than 1000 runs; with --commit any the 1000 latest were read')
      })
    ])
    expect(twin.requests.filter(r => r.endpoint === 'runs/search').length).toBeGreaterThanOrEqual(3)
  })

  it('reads a 30,000-point history whole across metrics/get-history pages', async () => {
    const points = Array.from({ length: 30_000 }, (_, step) => ({
      step,
      value: 1 / (step + 1),
      timestamp: 1_700_000_000_000 + step
    }))
    twin = await startMlflowTwin({
      experiments: EXPERIMENTS,
      runs: [twinRun(1, '1', HEAD, { metrics: { loss: points } })]
    })
    const { runs, diagnostics } = await collect(twin.url)
    expect(diagnostics).toEqual([])
    const loss = runs[0].metrics.loss
    expect(loss.value).toBe(1 / 30_000)
    expect(loss.historyPoints).toBe(30_000)
    expect(loss.history).toHaveLength(MAX_HISTORY_POINTS)
    expect(loss.history?.[0]).toEqual({ step: 0, value: 1, timestamp: 1_700_000_000_000 })
    expect(loss.history?.at(-1)).toEqual({ step: 29_999, value: 1 / 30_000, timestamp: 1_700_000_029_999 })
    const pages = twin.requests.filter(r => r.endpoint === 'metrics/get-history')
    expect(pages.map(p => [p.query.max_results, p.query.page_token !== undefined])).toEqual([
      [['25000'], false],
      [['25000'], true]
    ])
  })

  it('needs experiments selected for a server, and names the experiments there are', async () => {
    twin = await startMlflowTwin({ experiments: EXPERIMENTS, runs: [twinRun(1, '1', HEAD)] })
    const none = await collect(twin.url, { selection: { experiments: [] } })
    expect(none.runs).toEqual([])
    expect(none.diagnostics).toEqual([
      {
        severity: 'error',
        file: twin.url,
        message: expect.stringMatching(
          /select the experiments to review with --experiment NAME .* select\.experiments .*Its experiments are "Default", "churn-model", "fraud-model"$/
        )
      }
    ])
    const missing = await collect(twin.url, { selection: { experiments: ['churn-old', 'nope'] } })
    expect(missing.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/no active experiment matching "churn-old", "nope" .*"churn-model"/)
      })
    ])
    const glob = await collect(twin.url, { selection: { experiments: ['churn-*', 'fraud*'] } })
    expect(glob.diagnostics).toEqual([])
    expect(glob.runs.map(r => r.name)).toEqual(['run-1'])
  })

  it('sends MLFLOW_TRACKING_TOKEN as a Bearer token; a 401 names the variable and never shows the token', async () => {
    const token = 'tok-SECRET-4242'
    twin = await startMlflowTwin({ experiments: EXPERIMENTS, runs: [twinRun(1, '1', HEAD)], auth: { token } })
    const without = await collect(twin.url)
    expect(without.runs).toEqual([])
    expect(without.diagnostics).toEqual([
      {
        severity: 'error',
        file: twin.url,
        message: expect.stringMatching(
          /answered GET experiments\/get-by-name with HTTP 401: the server needs credentials; set MLFLOW_TRACKING_TOKEN/
        )
      }
    ])
    const wrong = await collect(twin.url, { env: { MLFLOW_TRACKING_TOKEN: 'tok-WRONG-1' } })
    expect(wrong.diagnostics[0].message).toMatch(
      /HTTP 401: the credentials in MLFLOW_TRACKING_TOKEN were refused/
    )
    expect(JSON.stringify(wrong)).not.toContain('tok-WRONG-1')
    const right = await collect(twin.url, { env: { MLFLOW_TRACKING_TOKEN: token } })
    expect(right.diagnostics).toEqual([])
    expect(right.runs).toHaveLength(1)
    expect(JSON.stringify(right)).not.toContain(token)
    // A 401 is not retried.
    expect(twin.requests.filter(r => r.status === 401)).toHaveLength(2)
  })

  it('sends MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD as Basic auth, and user:password@ from the URI', async () => {
    twin = await startMlflowTwin({
      experiments: EXPERIMENTS,
      runs: [twinRun(1, '1', HEAD)],
      auth: { username: 'ci', password: 'pa:ss word' }
    })
    const env = await collect(twin.url, {
      env: { MLFLOW_TRACKING_USERNAME: 'ci', MLFLOW_TRACKING_PASSWORD: 'pa:ss word' }
    })
    expect(env.diagnostics).toEqual([])
    expect(env.runs).toHaveLength(1)
    const inUri = twin.url.replace('http://', 'http://ci:pa%3Ass%20word@')
    const fromUri = await collect(inUri)
    expect(fromUri.diagnostics).toEqual([])
    expect(fromUri.runs[0].path).toBe(twin.url)
    expect(JSON.stringify(fromUri)).not.toContain('pa%3Ass')
  })

  it('retries 503s, 429s with Retry-After and dropped connections, within the time budget', async () => {
    const waits: number[] = []
    twin = await startMlflowTwin({
      experiments: EXPERIMENTS,
      runs: [twinRun(1, '1', HEAD)],
      faults: [
        { endpoint: 'runs/search', status: 503, times: 2 },
        { endpoint: 'metrics/get-history', status: 429, retryAfter: '3', times: 1 },
        { endpoint: 'experiments/get-by-name', reset: true, times: 1 }
      ]
    })
    const { runs, diagnostics } = await collect(twin.url, {
      mlflowHttp: { sleep: async ms => void waits.push(ms), backoffMs: 10 }
    })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(1)
    expect(waits).toHaveLength(4)
    expect(waits).toContain(3000)
  })

  it('gives up on a server that keeps answering 503: the error names the URI, the status and the attempts', async () => {
    twin = await startMlflowTwin({
      experiments: EXPERIMENTS,
      runs: [twinRun(1, '1', HEAD)],
      faults: [{ status: 503, times: 1000 }]
    })
    const { runs, diagnostics } = await collect(twin.url, {
      env: { MLFLOW_HTTP_REQUEST_MAX_RETRIES: '3', MLFLOW_TRACKING_TOKEN: 'tok-never-shown' }
    })
    expect(runs).toEqual([])
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: twin.url,
        message: expect.stringMatching(
          /answered GET experiments\/get-by-name with HTTP 503 \(TEMPORARILY_UNAVAILABLE: fault played by the twin\) after 4 attempts \(MLFLOW_HTTP_REQUEST_MAX_RETRIES=3\); the runs there were not read/
        )
      }
    ])
    expect(JSON.stringify(diagnostics)).not.toContain('tok-never-shown')
    // The total time budget stops the retries even when more are allowed.
    let clock = 0
    const budget = await collect(twin.url, {
      mlflowHttp: { sleep: async ms => void (clock += ms), now: () => clock, backoffMs: 1000, budgetMs: 5000 }
    })
    expect(budget.diagnostics[0].message).toMatch(
      /the time budget of 5 s for the server ran out after \d attempts/
    )
    expect(clock).toBeLessThanOrEqual(5000)
  })

  it('names a server that cannot be reached', async () => {
    const closed = await startMlflowTwin({ experiments: EXPERIMENTS, runs: [] })
    await closed.close()
    const { diagnostics } = await collect(closed.url, {
      env: { MLFLOW_HTTP_REQUEST_MAX_RETRIES: '1' }
    })
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: closed.url,
        message: expect.stringMatching(/answered GET experiments\/get-by-name with ECONNREFUSED/)
      })
    ])
  })

  it('reads a run from the server exactly as from its mlruns/ copy', async () => {
    const parent = twinRun(1, '1', HEAD, {
      run_name: 'sweep',
      tags: {
        'mlflow.source.git.commit': HEAD,
        'mlflow.runName': 'sweep',
        'mlflow.user': 'ana',
        'mlflow.note.content': 'baseline sweep',
        'mlflow.source.git.branch': 'feature/x',
        team: 'growth'
      },
      params: { lr: '0.01', hypothesis: 'lower lr helps', seed: '7' },
      metrics: {
        loss: Array.from({ length: 1200 }, (_, s) => ({
          step: s,
          value: 2 / (s + 1),
          timestamp: 1_700_000_000_000 + s
        })),
        odd: [
          { step: 0, value: NaN, timestamp: 1_700_000_000_000 },
          { step: 1, value: Infinity, timestamp: 1_700_000_000_001 },
          { step: 2, value: -Infinity, timestamp: 1_700_000_000_002 }
        ],
        acc: [
          { step: 3, value: 0.5, timestamp: 10 },
          { step: 3, value: 0.7, timestamp: 12 },
          { step: 3, value: 0.6, timestamp: 11 }
        ]
      },
      datasets: [
        { name: 'train', digest: 'aa11', source_type: 'local', source: '{}', context: 'training' },
        { name: 'holdout', digest: 'bb22', source_type: 'local', source: '{}', context: 'eval' }
      ]
    })
    const child = twinRun(2, '1', HEAD, {
      status: 'KILLED',
      run_name: 'trial-1',
      tags: { 'mlflow.source.git.commit': HEAD, 'mlflow.parentRunId': parent.run_id }
    })
    twin = await startMlflowTwin({ experiments: EXPERIMENTS, runs: [parent, child] })
    await writeFileStoreOf(path.join(ws, 'mlruns'), EXPERIMENTS, [parent, child])
    const server = await collect(twin.url)
    const files = await collectRuns({
      workspace: ws,
      patterns: ['mlruns'],
      selection: { experiments: ['churn-model'] }
    })
    expect(server.diagnostics).toEqual([])
    expect(files.diagnostics).toEqual([])
    const comparable = (runs: Run[]) =>
      runs
        .map(({ id: _id, path: _path, source: _source, metadata, ...rest }) => ({
          ...rest,
          metadata: { ...metadata, parentId: metadata.parentId ? 'parent' : undefined }
        }))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
    expect(comparable(server.runs)).toEqual(comparable(files.runs))
    const sweep = server.runs.find(r => r.name === 'sweep') as Run
    expect(sweep.metrics.acc.value).toBe(0.7)
    expect(sweep.metrics.odd.value).toBe(-Infinity)
    expect(sweep.metadata.dataVersion).toBe('train@aa11')
    expect(sweep.metadata.evalSet).toBe('holdout@bb22')
    const trial = server.runs.find(r => r.name === 'trial-1') as Run
    expect(trial.metadata.parentId).toBe(sweep.id)
    expect(trial.metadata.status).toBe('killed')
  })
})

describe('MLflow twin contract', () => {
  it('catches messages that do not fit MLflow API', () => {
    expect(checkMessage('SearchRuns', { experiment_ids: ['1'], max_results: 10 })).toEqual([])
    expect(checkMessage('SearchRuns', { experiment_ids: '1', max_result: 10 })).toEqual([
      'SearchRuns.experiment_ids: repeated field, expected an array',
      'SearchRuns.max_result: SearchRuns has no field max_result'
    ])
    expect(checkMessage('SearchRuns', { run_view_type: 'ACTIVE' })).toEqual([
      'SearchRuns.run_view_type: expected one of ACTIVE_ONLY, DELETED_ONLY, ALL (enum ViewType), got "ACTIVE"'
    ])
    expect(
      checkMessage('GetMetricHistory.Response', {
        metrics: [{ key: 'a', value: 'nan', step: '3', timestamp: 1.5 }]
      })
    ).toEqual([
      'GetMetricHistory.Response.metrics[0].value: expected a double, got "nan"',
      'GetMetricHistory.Response.metrics[0].timestamp: expected an int64 (integer or decimal string), got 1.5'
    ])
  })
})
