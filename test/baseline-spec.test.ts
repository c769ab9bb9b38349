// Baselines named explicitly must exist (`--baseline nosuch.json`, `--baseline main:nosuch.json` are exit 2 with
// what was looked for); `REF:PATH` may name a folder of runs or a runs store in git, read without a checkout; an
// MLflow SQLite store or a runs folder given as the baseline is read as runs. Real files, a real git repository.
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BaselineError } from '../src/core/baseline.js'
import { defaultRules } from '../src/core/rules.js'
import { loadBaselineSpec } from '../src/sources/baseline.js'
import { writeMlflowSqlite } from './fixtures/make-mlflow.js'
import { cli } from './helpers/cli.js'
import { tempDirs } from './helpers/temp.js'
import { madeOnce, type MadeFolders } from './helpers/made-once.js'

const tempDir = tempDirs('er-baseline-spec-')

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8'
  })

async function writeRun(root: string, name: string, metrics: Record<string, number>): Promise<void> {
  await mkdir(path.join(root, name), { recursive: true })
  await writeFile(path.join(root, name, 'metrics.json'), JSON.stringify(metrics))
}

/**
 * A git repository on `main` whose commit holds `experiments/` (the PR's runs), `history/experiments/old-best`
 * (a folder of earlier runs) and an MLflow SQLite store `store.db`; the runs folder `base-runs/` is on disk only.
 */
async function repository(): Promise<string> {
  const ws = await tempDir()
  await madeOnce(repositories, 'runs, history and store', ws, commitRepository)
  return ws
}

/** The repository of repository(), made once and laid down again for each test. */
const repositories: MadeFolders<void> = new Map()

/** repository()'s commit and files in the empty folder `ws`. */
async function commitRepository(ws: string): Promise<void> {
  git(ws, 'init', '-q', '-b', 'main')
  await writeRun(path.join(ws, 'experiments'), 'new-run', { accuracy: 0.9 })
  await writeRun(path.join(ws, 'history', 'experiments'), 'old-best', { accuracy: 0.8 })
  await writeRun(path.join(ws, 'history', 'experiments'), 'old-worse', { accuracy: 0.7 })
  await writeMlflowSqlite(path.join(ws, 'store.db'))
  git(ws, 'add', '.')
  git(ws, 'commit', '-qm', 'runs')
  await writeRun(path.join(ws, 'base-runs', 'experiments'), 'disk-best', { accuracy: 0.85 })
}

const compare = (ws: string, baseline: string, ...more: string[]) =>
  cli(ws, 'compare', '--runs', 'experiments', '--baseline', baseline, ...more)

describe('a baseline named explicitly must exist', () => {
  it('--baseline nosuch.json exits 2 and says where it looked', async () => {
    const ws = await repository()
    const { code, out, err } = await compare(ws, 'nosuch.json')
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain(
      `nosuch.json: the baseline named does not exist: there is no file or folder ${path.join(ws, 'nosuch.json')}`
    )
    expect(err).not.toMatch(/every metric is new/)
  })

  it('--baseline main:nosuch.json exits 2 and names the path and the ref', async () => {
    const ws = await repository()
    const { code, err } = await compare(ws, 'main:nosuch.json')
    expect(code).toBe(2)
    expect(err).toContain(
      `main:nosuch.json: the baseline named does not exist: git has no "nosuch.json" at main in ${ws}`
    )
  })

  it('an unknown ref is exit 2 naming the ref', async () => {
    const ws = await repository()
    const { code, err } = await compare(ws, 'nobranch:history')
    expect(code).toBe(2)
    expect(err).toContain('git has no revision "nobranch"')
  })

  it('a default path that does not exist is no baseline yet (the first pull request)', async () => {
    const ws = await repository()
    const loaded = await loadBaselineSpec(ws, '.experiments/baseline.json', defaultRules(), {
      required: false
    })
    expect(loaded.record).toBeUndefined()
    await expect(loadBaselineSpec(ws, '.experiments/baseline.json', defaultRules())).rejects.toThrow(
      BaselineError
    )
  })

  it('a folder that holds no run, or JSON that is not a baseline, is exit 2', async () => {
    const ws = await repository()
    await mkdir(path.join(ws, 'empty'))
    await writeFile(path.join(ws, 'metrics.json'), '{"accuracy": 0.9}')
    const empty = await compare(ws, 'empty')
    expect(empty.code).toBe(2)
    expect(empty.err).toContain(
      'empty: is not a baseline file and holds no finished run to use as the baseline'
    )
    const notBaseline = await compare(ws, 'metrics.json')
    expect(notBaseline.code).toBe(2)
    expect(notBaseline.err).toContain('metrics.json: is not an Experiment Review baseline')
  })
})

describe('a baseline read as runs', () => {
  it('REF:PATH naming a folder of runs in git is read from the tree (no checkout), its best run the baseline', async () => {
    const ws = await repository()
    // The folder is gone from the working tree: only git has it.
    execFileSync('rm', ['-rf', path.join(ws, 'history')])
    const { code, out, err } = await compare(ws, 'main:history')
    expect(err).not.toMatch(/not valid JSON/)
    expect(code).toBe(0)
    expect(out).toContain('vs baseline old-best')
    expect(out).toMatch(/accuracy ↑ +0\.8000 +0\.9000/)
    expect(git(ws, 'status', '--porcelain', '--', 'history')).toBe(
      ' D history/experiments/old-best/metrics.json\n D history/experiments/old-worse/metrics.json\n'
    )
  })

  it('a runs folder on disk is read as runs', async () => {
    const ws = await repository()
    const { code, out } = await compare(ws, 'base-runs')
    expect(code).toBe(0)
    expect(out).toContain('vs baseline disk-best')
  })

  it('an MLflow SQLite store, on disk or as REF:PATH, is read as runs, not parsed as JSON', async () => {
    const ws = await repository()
    const listed = await cli(ws, 'list', '--runs', 'store.db', '--format', 'json')
    const storeRuns = (JSON.parse(listed.out) as { runs: { name: string }[] }).runs.map(r => r.name)
    for (const spec of ['store.db', 'main:store.db']) {
      const { code, out, err } = await compare(ws, spec, '--format', 'json')
      expect({ spec, err }).toEqual({ spec, err: expect.not.stringMatching(/JSON|does not exist/) })
      expect(code).toBe(0)
      const report = JSON.parse(out) as { baseline?: { name: string } }
      expect(storeRuns).toContain(report.baseline?.name)
    }
  })

  it('diagnostics of runs read from git are named REF:PATH/…', async () => {
    const ws = await repository()
    await writeFile(path.join(ws, 'history', 'experiments', 'old-worse', 'metrics.json'), '{"accuracy": 0.7,')
    git(ws, 'commit', '-qam', 'break a run')
    const { code, err } = await compare(ws, 'main:history')
    expect(code).toBe(0)
    expect(err).toContain('main:history/experiments/old-worse/metrics.json:1:')
  })
})
