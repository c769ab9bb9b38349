import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../src/cli/run.js'
import { collectRuns } from '../src/sources/detect.js'
import { isTrackingUri, parseTrackingUri, redactTrackingUri } from '../src/sources/tracking-uri.js'
import { SQLITE_IDS, writeMlflowFileStore, writeMlflowSqlite } from './fixtures/make-mlflow.js'
import { startMlflowTwin } from './mlflow-twin/server.js'

const SQLITE_COMMIT = 'dda14b590000b52829d7ed6805ed924c212bfbe2'
const FILE_COMMIT = '135df9c713855fce04a512153d6bedd9c5e1ae4c'

describe('MLflow tracking URIs', () => {
  it('tells URIs from paths and globs, as MLflow spells them', () => {
    for (const uri of [
      'http://mlflow:5000',
      'https://x.example.com/mlflow',
      'sqlite:///mlflow.db',
      'file:///tmp/mlruns',
      'file:mlruns',
      'databricks',
      'databricks://profile',
      'postgresql://u@h/db',
      'mysql+pymysql://h/db'
    ])
      expect([uri, isTrackingUri(uri)]).toEqual([uri, uri === 'databricks' ? false : true])
    for (const p of ['mlruns', 'runs/**/metrics.json', 'C:\\runs', './file:x', 'experiments'])
      expect(isTrackingUri(p)).toBe(false)
  })

  it('parses servers (credentials kept apart, never shown), SQLite and file stores', () => {
    const server = parseTrackingUri('https://ci:s3cret@mlflow.example.com/prefix/?x=1', '/ws')
    expect(server).toMatchObject({
      kind: 'server',
      display: 'https://mlflow.example.com/prefix',
      credentials: { username: 'ci', password: 's3cret' }
    })
    expect(server.kind === 'server' && server.base.href).toBe('https://mlflow.example.com/prefix/')
    expect(parseTrackingUri('sqlite:///sub/mlflow.db', '/ws')).toEqual({
      kind: 'sqlite',
      file: '/ws/sub/mlflow.db',
      display: 'sqlite:///sub/mlflow.db'
    })
    expect(parseTrackingUri('sqlite:////data/mlflow.db', '/ws')).toMatchObject({ file: '/data/mlflow.db' })
    expect(parseTrackingUri('file:///ws/mlruns', '/ws')).toMatchObject({ kind: 'file', dir: '/ws/mlruns' })
    expect(parseTrackingUri('file:mlruns', '/ws')).toMatchObject({ kind: 'file', dir: '/ws/mlruns' })
    expect(() => parseTrackingUri('sqlite://', '/ws')).toThrow(/expected sqlite:\/\/\/mlflow\.db/)
    expect(() => parseTrackingUri('postgresql://u:pw@db/mlflow', '/ws')).toThrow(
      /postgresql database URI: .*tracking server/
    )
    expect(redactTrackingUri('postgresql://u:pw@db/mlflow?sslmode=x')).toBe('postgresql://db/mlflow')
  })

  describe('stores on disk named by a URI keep only the runs of the commit under review', () => {
    let ws: string
    beforeAll(async () => {
      ws = await mkdtemp(path.join(os.tmpdir(), 'er-tracking-uri-'))
      await writeMlflowSqlite(path.join(ws, 'mlflow.db'))
      await writeMlflowFileStore(ws)
    })
    afterAll(() => rm(ws, { recursive: true, force: true }))

    it('sqlite:/// and file: stores', async () => {
      const sqlite = await collectRuns({
        workspace: ws,
        patterns: ['sqlite:///mlflow.db'],
        commit: { kind: 'sha', sha: SQLITE_COMMIT }
      })
      expect(sqlite.diagnostics).toEqual([])
      expect(sqlite.runs.map(r => r.id)).toEqual([`mlflow-sqlite:mlflow.db#${SQLITE_IDS.finished}`])
      const file = await collectRuns({
        workspace: ws,
        patterns: ['file:mlruns'],
        commit: { kind: 'sha', sha: FILE_COMMIT }
      })
      expect(
        file.diagnostics.filter(d => d.severity === 'error' && !/broken|legacy/.test(d.file + d.message))
      ).toEqual([])
      expect(file.runs.map(r => r.metadata.gitCommit)).toEqual(file.runs.map(() => FILE_COMMIT))
      expect(file.runs.length).toBeGreaterThan(0)
    })

    it('reports unusable URIs by name, without credentials, and reads the other entries', async () => {
      const { runs, diagnostics } = await collectRuns({
        workspace: ws,
        patterns: [
          'postgresql://admin:hunter2@db/mlflow',
          'sqlite:///missing.db',
          'sqlite:////etc/mlflow.db',
          'sqlite:///mlflow.db'
        ],
        commit: { kind: 'sha', sha: SQLITE_COMMIT }
      })
      expect(runs).toHaveLength(1)
      expect(diagnostics).toEqual([
        {
          severity: 'error',
          file: 'postgresql://db/mlflow',
          message: expect.stringContaining('tracking server')
        },
        {
          severity: 'error',
          file: 'sqlite:///missing.db',
          message: expect.stringContaining('does not exist')
        },
        {
          severity: 'error',
          file: 'sqlite:////etc/mlflow.db',
          message: expect.stringContaining('outside the workspace')
        }
      ])
      expect(JSON.stringify(diagnostics)).not.toContain('hunter2')
    })
  })

  describe('the command line', () => {
    let ws: string
    const cli = async (...args: string[]) => {
      let out = ''
      let err = ''
      const code = await runCli(args, {
        stdout: t => void (out += t),
        stderr: t => void (err += t),
        cwd: ws,
        env: {}
      })
      return { code, out, err }
    }
    beforeAll(async () => {
      ws = await mkdtemp(path.join(os.tmpdir(), 'er-tracking-cli-'))
      execFileSync('git', ['init', '-q', ws])
      execFileSync('git', [
        '-C',
        ws,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'x'
      ])
    })
    afterAll(() => rm(ws, { recursive: true, force: true }))

    it('list --runs <server> --experiment --commit SHA|HEAD|any', async () => {
      const head = execFileSync('git', ['-C', ws, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
      const run = (id: string, commit: string) => ({
        run_id: id.repeat(32),
        experiment_id: '1',
        run_name: `run-${id}`,
        status: 'FINISHED' as const,
        start_time: 1_700_000_000_000,
        tags: { 'mlflow.source.git.commit': commit },
        metrics: { accuracy: [{ step: 0, value: 0.9, timestamp: 1 }] }
      })
      const twin = await startMlflowTwin({
        experiments: [{ experiment_id: '1', name: 'churn-model' }],
        runs: [run('a', head), run('b', SQLITE_COMMIT)]
      })
      try {
        const names = (out: string) => (JSON.parse(out).runs as { name: string }[]).map(r => r.name).sort()
        const list = (...more: string[]) =>
          cli('list', '--format', 'json', '--runs', twin.url, '--experiment', 'churn-model', ...more)
        const byHead = await list()
        expect([byHead.code, byHead.err]).toEqual([0, ''])
        expect(names(byHead.out)).toEqual(['run-a'])
        expect(names((await list('--commit', SQLITE_COMMIT)).out)).toEqual(['run-b'])
        const any = await list('--commit', 'any')
        expect(names(any.out)).toEqual(['run-a', 'run-b'])
        const bad = await list('--commit', 'no-such-branch')
        expect(bad.code).toBe(2)
        expect(bad.err).toContain('--commit "no-such-branch": git cannot resolve it')
        const noExperiment = await cli('list', '--runs', twin.url)
        expect(noExperiment.err).toContain('select the experiments to review with --experiment NAME')
        expect(twin.violations).toEqual([])
      } finally {
        await twin.close()
      }
    })
  })
})
