import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { recordFromExperiment, serializeBaseline } from '../src/core/baseline.js'
import { makeExperiment } from '../src/core/experiment.js'
import { writeMlflowFileStore, writeMlflowSqlite } from './fixtures/make-mlflow.js'
import { run } from './helpers/runs.js'
import { cli } from './helpers/cli.js'

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8' })

describe('experiment-review CLI', () => {
  let ws: string
  beforeEach(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'er-cli-'))
  })
  afterEach(async () => {
    await rm(ws, { recursive: true, force: true })
  })

  it('log writes the built-in format that list, show and export read back', async () => {
    expect(
      (
        await cli(
          ws,
          'log',
          '--no-capture',
          'rf-1',
          '--param',
          'lr=0.1',
          '--param',
          'model=rf',
          '--metric',
          'accuracy=0.8',
          '--step',
          '1',
          '--tag',
          'try'
        )
      ).code
    ).toBe(0)
    expect(
      (
        await cli(
          ws,
          'log',
          '--no-capture',
          'rf-1',
          '--metric',
          'accuracy=0.9',
          '--step',
          '2',
          '--metric',
          'loss=nan',
          '--status',
          'failed',
          '--note',
          'OOM at epoch 3'
        )
      ).code
    ).toBe(0)
    const metrics = JSON.parse(
      (await readFile(path.join(ws, 'experiments/rf-1/metrics.json'), 'utf8')).replace(/\bNaN\b/g, 'null')
    )
    expect(metrics.accuracy).toEqual({
      value: 0.9,
      history: [
        { step: 1, value: 0.8 },
        { step: 2, value: 0.9 }
      ]
    })
    const list = await cli(ws, 'list')
    expect(list.out).toMatch(/rf-1\s+builtin\s+failed\s+2\s+2/)
    const show = await cli(ws, 'show', 'rf-1')
    expect(show.out).toMatch(/accuracy\s+0.9000\s+2 points/)
    expect(show.out).toMatch(/loss\s+NaN/)
    const csv = await cli(ws, 'export', '--format', 'csv')
    expect(csv.out.split('\n')[0]).toBe(
      'run,format,path,status,git_commit,data_version,group,accuracy,loss,param.lr,param.model'
    )
    expect(csv.out.split('\n')[1]).toBe('rf-1,builtin,experiments/rf-1,failed,,,,0.9,NaN,0.1,rf')
    const json = JSON.parse((await cli(ws, 'export', '--format', 'json')).out)
    expect(json.runs[0].metrics.loss.value).toBe('NaN')
  })

  it('log refuses names that leave the experiments folder', async () => {
    const r = await cli(ws, 'log', '../../etc', '--metric', 'a=1')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/run name "..\/..\/etc" is not allowed/)
    expect((await cli(ws, 'log', 'x', '--metric', 'a=high')).err).toMatch(
      /--metric a="high": expected a number/
    )
  })

  it('compare exits 0 on pass, 1 on a broken rule, 2 on bad input', async () => {
    await mkdir(path.join(ws, 'base/experiments'), { recursive: true })
    await cli(
      path.join(ws, 'base'),
      'log',
      '--no-capture',
      'old',
      '--metric',
      'accuracy=0.90',
      '--metric',
      'f1=0.80'
    )
    await cli(ws, 'log', '--no-capture', 'new', '--metric', 'accuracy=0.91', '--metric', 'f1=0.81')
    await mkdir(path.join(ws, '.github'))
    await writeFile(
      path.join(ws, '.github/experiment-review.yml'),
      'primary: f1\nmetrics:\n  accuracy: { max_drop: 0.01 }\n'
    )
    const pass = await cli(ws, 'compare', '--runs', 'experiments', '--baseline', 'base/experiments')
    expect(pass.code).toBe(0)
    expect(pass.out).toMatch(/^PASS/)
    await cli(ws, 'log', '--no-capture', 'new', '--metric', 'accuracy=0.85')
    const failed = await cli(
      ws,
      'compare',
      '--runs',
      'experiments',
      '--baseline',
      'base/experiments',
      '--format',
      'markdown'
    )
    expect(failed.code).toBe(1)
    expect(failed.out).toMatch(/## ❌ Experiment review: 1 rule broken/)
    const json = JSON.parse(
      (
        await cli(
          ws,
          'compare',
          '--runs',
          'experiments',
          '--baseline',
          'base/experiments',
          '--format',
          'json'
        )
      ).out
    )
    expect(json).toMatchObject({
      schema: 'experiment-review/report',
      verdict: 'fail',
      champion: { name: 'new' }
    })
    expect((await cli(ws, 'compare', '--runs', 'experiments')).code).toBe(2)
    expect(
      (
        await cli(
          ws,
          'compare',
          '--runs',
          'experiments',
          '--baseline',
          'base/experiments',
          '--format',
          'html'
        )
      ).err
    ).toMatch(/--format "html" is not supported; expected one of text, markdown, json/)
    await writeFile(path.join(ws, '.github/experiment-review.yml'), 'metrics:\n  accuracy: { goal: up }\n')
    const bad = await cli(ws, 'compare', '--runs', 'experiments', '--baseline', 'base/experiments')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(
      /\.github\/experiment-review\.yml:2:\d+: metrics\.accuracy\.goal: expected one of "maximize", "minimize" \(found "up"\)/
    )
    expect((await cli(ws, 'frobnicate')).code).toBe(2)
  })

  it('reads the baseline from git with REF:PATH, and refuses a future baseline version', async () => {
    git(ws, 'init', '-q', '-b', 'main')
    git(ws, 'config', 'user.email', 't@example.com')
    git(ws, 'config', 'user.name', 'T')
    const record = recordFromExperiment(makeExperiment('champ', [run('champ', { accuracy: 0.95 })]))
    await mkdir(path.join(ws, '.experiments'))
    await writeFile(
      path.join(ws, '.experiments/baseline.json'),
      serializeBaseline({
        schema: 'experiment-review/baseline',
        version: 1,
        id: 'default',
        champion: record,
        history: []
      })
    )
    git(ws, 'add', '.')
    git(ws, 'commit', '-qm', 'baseline')
    await rm(path.join(ws, '.experiments'), { recursive: true })
    await cli(ws, 'log', '--no-capture', 'pr-run', '--metric', 'accuracy=0.9')
    const r = await cli(ws, 'compare', '--baseline', 'main:.experiments/baseline.json', '--format', 'json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).metrics[0]).toMatchObject({
      name: 'accuracy',
      status: 'regressed',
      baseline: { value: 0.95 }
    })
    const missing = await cli(ws, 'compare', '--baseline', 'nosuchref:.experiments/baseline.json')
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/git has no revision "nosuchref"/)
    await writeFile(
      path.join(ws, 'future.json'),
      JSON.stringify({ schema: 'experiment-review/baseline', version: 99, champion: {} })
    )
    const future = await cli(ws, 'compare', '--baseline', 'future.json')
    expect(future.code).toBe(2)
    expect(future.err).toMatch(
      /future.json: has version 99, newer than this Experiment Review understands \(1\); upgrade the action/
    )
  })
})

describe('experiment-review CLI: experiment selection', () => {
  let ws: string
  beforeAll(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'er-cli-select-'))
    await writeMlflowFileStore(ws)
    await writeMlflowSqlite(path.join(ws, 'mlflow.db'))
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))

  const experimentsOf = (out: string) =>
    [
      ...new Set(
        (JSON.parse(out) as { runs: { metadata: { tags: string[] } }[] }).runs.map(r =>
          r.metadata.tags.find(t => t.startsWith('experiment='))
        )
      )
    ].sort()

  it('--experiment (repeatable, globs) reads only those experiments of file and SQLite stores', async () => {
    const all = await cli(ws, 'list', '--format', 'json')
    expect(all.code).toBe(0)
    expect(experimentsOf(all.out)).toEqual([
      'experiment=legacy-exp',
      'experiment=mnist',
      'experiment=nyc-taxi',
      'experiment=wine_quality'
    ])
    const some = await cli(ws, 'list', '--format', 'json', '--experiment', 'mnist', '--experiment', 'nyc-*')
    expect(some.code).toBe(0)
    expect(experimentsOf(some.out)).toEqual(['experiment=mnist', 'experiment=nyc-taxi'])
  })

  it('select.experiments of the rules file is honoured by list, and --experiment replaces it', async () => {
    await mkdir(path.join(ws, '.github'), { recursive: true })
    await writeFile(path.join(ws, '.github/experiment-review.yml'), 'select:\n  experiments: [legacy-*]\n')
    try {
      expect(experimentsOf((await cli(ws, 'list', '--format', 'json')).out)).toEqual([
        'experiment=legacy-exp'
      ])
      const flagged = await cli(ws, 'list', '--format', 'json', '--experiment', 'mnist')
      expect(experimentsOf(flagged.out)).toEqual(['experiment=mnist'])
    } finally {
      await rm(path.join(ws, '.github'), { recursive: true, force: true })
    }
  })

  it('names the experiments there are when the selection matches none', async () => {
    const { code, out, err } = await cli(ws, 'list', '--format', 'json', '--experiment', 'churn')
    // No run found is an error (exit 2), with the experiments that exist named.
    expect(code).toBe(2)
    expect(JSON.parse(out).runs).toEqual([])
    expect(err).toContain('"Default", "legacy-exp", "mnist"')
    expect(err).toContain('"Default", "nyc-taxi"')
  })

  it('refuses an empty --experiment', async () => {
    const { code, err } = await cli(ws, 'list', '--experiment', ' ')
    expect(code).toBe(2)
    expect(err).toContain('--experiment needs an experiment name or glob')
  })
})

describe('experiment-review usage and help', () => {
  it('prints the usage on stderr and exits 2 when no command is given (the built bundle)', () => {
    let status = 0
    let stderr = ''
    try {
      execFileSync(process.execPath, [path.resolve('dist/cli.js')], { cwd: os.tmpdir(), stdio: 'pipe' })
    } catch (e) {
      status = (e as { status: number }).status
      stderr = String((e as { stderr: Buffer }).stderr)
    }
    expect(status).toBe(2)
    expect(stderr).toMatch(/no command given[\s\S]*Usage:/)
  })

  it.each(['compare', 'list', 'show', 'export', 'log'])(
    '%s --help prints that command’s own usage',
    async command => {
      const { code, out } = await cli(os.tmpdir(), command, '--help')
      expect(code).toBe(0)
      expect(out).toMatch(new RegExp(`^Usage: experiment-review ${command} `))
      expect((await cli(os.tmpdir(), 'help', command)).out).toBe(out)
    }
  )

  it('the log help names every flag log accepts', async () => {
    const { out } = await cli(os.tmpdir(), 'log', '--help')
    for (const flag of [
      '--group',
      '--seed',
      '--data-version',
      '--eval-set',
      '--no-capture',
      '--step',
      '--dir'
    ])
      expect(out).toContain(flag)
  })
})
