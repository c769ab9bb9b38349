// The committed bundle on Node 24, the action's runtime: SQLite stores are read in place with node:sqlite, and
// give what sql.js gives on Node 20 (the store here is small; `npm run bench` lists a 700+ MiB one).
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { LARGE_STORE_COMMIT, largeStoreValue } from './fixtures/make-large-mlflow-sqlite.js'
import { node24 } from './helpers/node24.js'
import { committedAction, PROJECT_ROOT } from './review-fixtures.js'

const run = promisify(execFile)
const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js')

describe('MLflow SQLite store on Node 24 (node:sqlite) and Node 20 (sql.js)', () => {
  let ws: string
  let node: string
  beforeAll(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'er-node24-sqlite-'))
    committedAction()
    node = await node24()
    // 30 runs × 6 metrics × 800 steps in `bench` (histories over 500 points are thinned in SQL), and runs of
    // `others` up to 8 MiB that the selection leaves out.
    await run(
      node,
      [
        path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(PROJECT_ROOT, 'test', 'fixtures', 'make-large-mlflow-sqlite.ts'),
        path.join(ws, 'mlflow.db'),
        '30',
        '6',
        '800',
        '8'
      ],
      { cwd: PROJECT_ROOT }
    )
  }, 600_000)
  afterAll(() => rm(ws, { recursive: true, force: true }))

  const list = async (binary: string, ...args: string[]) => {
    const { stdout, stderr } = await run(binary, [CLI, 'list', '--format', 'json', ...args], {
      cwd: ws,
      maxBuffer: 256 * 1024 * 1024
    })
    return {
      runs: JSON.parse(stdout).runs as {
        name: string
        metrics: Record<string, { value: number; history: unknown[]; historyPoints?: number }>
      }[],
      stderr
    }
  }

  it('lists the selected experiment with node:sqlite exactly as sql.js does', async () => {
    const [on24, on20] = await Promise.all([
      list(node, '--runs', 'mlflow.db', '--experiment', 'bench'),
      list(process.execPath, '--runs', 'mlflow.db', '--experiment', 'bench')
    ])
    expect([on24.stderr, on20.stderr]).toEqual(['', ''])
    expect(on24.runs).toHaveLength(30)
    const first = on24.runs.find(r => r.name === 'run-3')
    expect(first?.metrics.metric_2.value).toBe(largeStoreValue(3, 2, 799))
    expect(first?.metrics.metric_2.historyPoints).toBe(800)
    expect(first?.metrics.metric_2.history).toHaveLength(500)
    expect(on24.runs).toEqual(on20.runs)
  })

  it('keeps the runs of the commit when the store is named by sqlite:///', async () => {
    const ofCommit = (sha: string) =>
      list(node, '--runs', 'sqlite:///mlflow.db', '--experiment', 'bench', '--commit', sha)
    expect((await ofCommit(LARGE_STORE_COMMIT)).runs).toHaveLength(30)
    // No run of that commit is no evidence: the CLI fails closed (exit 2) and says where it looked.
    await expect(ofCommit('f'.repeat(40))).rejects.toThrow(/No runs were found in "sqlite:\/\/\/mlflow\.db"/)
  })
})
