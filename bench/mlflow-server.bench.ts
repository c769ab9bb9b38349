// Reading 200 runs × 20 metrics × 1,000 steps (MLFLOW_SERVER_BENCH_RUNS/METRICS/STEPS) with the committed CLI
// bundle (`list --format json`), time and peak memory (max RSS of the CLI process):
// - from the MLflow stand-in server (test/mlflow-twin), every history read whole through metrics/get-history;
// - from an MLflow SQLite store of at least 700 MiB (MLFLOW_SQLITE_BENCH_MIB) holding those runs in experiment
//   `bench` among others, on Node 24 (node:sqlite, the action's runtime) and on this Node (sql.js up to 512 MiB,
//   so a larger store is refused with what to do).
import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LARGE_STORE_COMMIT, largeStoreValue } from '../test/fixtures/make-large-mlflow-sqlite.js'
import { node24 } from '../test/helpers/node24.js'
import { startMlflowTwin, type TwinRun } from '../test/mlflow-twin/server.js'
import type { Benchmark, BenchRow } from './harness.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist', 'cli.js')
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback
const MiB = 1024 * 1024

/** Runs the CLI with a node binary; wall time, max RSS (from /usr/bin/time) and its output. */
async function timedCli(
  node: string,
  args: string[],
  cwd: string
): Promise<{ ms: number; maxRssMiB: number; stdout: string; stderr: string; code: number }> {
  const started = process.hrtime.bigint()
  const result = await new Promise<{ stdout: string; stderr: string; code: number }>(resolve =>
    execFile(
      '/usr/bin/time',
      ['-f', 'max-rss-kib=%M', node, CLI, ...args],
      { cwd, maxBuffer: 512 * MiB },
      (error, stdout, stderr) =>
        resolve({ stdout, stderr, code: error ? Number((error as { code?: number }).code ?? 1) : 0 })
    )
  )
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const rss = /max-rss-kib=(\d+)/.exec(result.stderr)
  return {
    ms,
    maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: result.stdout,
    stderr: result.stderr.replace(/max-rss-kib=\d+\s*$/, '').trim(),
    code: result.code
  }
}

/** Checks a `list --format json` answer: the runs, metrics and full history lengths expected. */
function checkList(stdout: string, runs: number, metrics: number, steps: number): number {
  const read = JSON.parse(stdout).runs as {
    metrics: Record<string, { value: number; historyPoints?: number; history?: unknown[] }>
  }[]
  if (read.length !== runs) throw new Error(`listed ${read.length} runs, expected ${runs}`)
  let points = 0
  for (const r of read) {
    if (Object.keys(r.metrics).length !== metrics)
      throw new Error(`a run has ${Object.keys(r.metrics).length} metrics, expected ${metrics}`)
    for (const m of Object.values(r.metrics)) points += m.historyPoints ?? m.history?.length ?? 0
  }
  if (points !== runs * metrics * steps)
    throw new Error(`histories hold ${points} points, expected ${runs * metrics * steps}`)
  return points
}

const shape = () => ({
  runs: size('MLFLOW_SERVER_BENCH_RUNS', 200),
  metrics: size('MLFLOW_SERVER_BENCH_METRICS', 20),
  steps: size('MLFLOW_SERVER_BENCH_STEPS', 1000)
})

/** The tracking-server and large-SQLite read benchmarks. */
export const benchmarks: Benchmark[] = [
  {
    name: 'mlflow tracking server',
    async run() {
      const { runs, metrics, steps } = shape()
      const commit = LARGE_STORE_COMMIT
      const twinRuns: TwinRun[] = Array.from({ length: runs }, (_, i) => ({
        run_id: (i + 1).toString(16).padStart(32, '0'),
        experiment_id: '1',
        run_name: `run-${i}`,
        status: 'FINISHED',
        start_time: 1_700_000_000_000 + i * 1000,
        params: Object.fromEntries(
          Array.from({ length: 10 }, (_, n) => [`param_${n}`, String((i * 7 + n) % 13)])
        ),
        tags: { 'mlflow.source.git.commit': commit },
        metrics: Object.fromEntries(
          Array.from({ length: metrics }, (_, m) => [
            `metric_${m}`,
            Array.from({ length: steps }, (_, j) => ({
              step: j,
              value: largeStoreValue(i, m, j),
              timestamp: 1_700_000_000_000 + j
            }))
          ])
        )
      }))
      const twin = await startMlflowTwin({
        experiments: [{ experiment_id: '1', name: 'bench' }],
        runs: twinRuns
      })
      const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-server-'))
      const rows: BenchRow[] = []
      try {
        const args = [
          'list',
          '--format',
          'json',
          '--runs',
          twin.url,
          '--experiment',
          'bench',
          '--commit',
          commit
        ]
        const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]]
        try {
          nodes.push(['Node 24', await node24()])
        } catch (e) {
          process.stderr.write(
            `Node 24 not available (${(e as Error).message}); measured on this Node only\n`
          )
        }
        for (const [label, node] of nodes) {
          twin.requests.length = 0
          const result = await timedCli(node, args, dir)
          if (result.code !== 0)
            throw new Error(`list failed (${result.code}): ${result.stderr.slice(0, 500)}`)
          const points = checkList(result.stdout, runs, metrics, steps)
          if (twin.violations.length)
            throw new Error(`contract violations: ${twin.violations.slice(0, 3).join('; ')}`)
          rows.push({
            name: `${label}: list ${runs} runs × ${metrics} metrics × ${steps} steps from the stand-in server`,
            value: result.ms,
            unit: 'ms',
            details: { maxRssMiB: result.maxRssMiB, requests: twin.requests.length, points }
          })
          rows.push({
            name: `${label}: peak memory of that list`,
            value: result.maxRssMiB,
            unit: 'MiB',
            details: { requests: twin.requests.length }
          })
        }
      } finally {
        await twin.close()
        await rm(dir, { recursive: true, force: true })
      }
      return rows
    }
  },
  {
    name: 'mlflow sqlite store (large)',
    async run() {
      const { runs, metrics, steps } = shape()
      const minMiB = size('MLFLOW_SQLITE_BENCH_MIB', 720)
      const node = await node24()
      const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-sqlite-'))
      const rows: BenchRow[] = []
      try {
        const file = path.join(dir, 'mlflow.db')
        const started = process.hrtime.bigint()
        await new Promise<void>((resolve, reject) =>
          execFile(
            node,
            [
              path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
              path.join(ROOT, 'test', 'fixtures', 'make-large-mlflow-sqlite.ts'),
              file,
              String(runs),
              String(metrics),
              String(steps),
              String(minMiB)
            ],
            { cwd: ROOT },
            error => (error ? reject(error) : resolve())
          )
        )
        const generateMs = Number(process.hrtime.bigint() - started) / 1e6
        const bytes = statSync(file).size
        // Warm the page cache, as for every other reading measured here.
        await new Promise(resolve =>
          execFile('sh', ['-c', 'cat "$0" > /dev/null', file], () => resolve(undefined))
        )
        const args = ['list', '--format', 'json', '--runs', 'mlflow.db', '--experiment', 'bench']
        const on24 = await timedCli(node, args, dir)
        if (on24.code !== 0)
          throw new Error(`list on Node 24 failed (${on24.code}): ${on24.stderr.slice(0, 500)}`)
        const points = checkList(on24.stdout, runs, metrics, steps)
        rows.push({
          name: `Node 24 (node:sqlite): list ${runs} runs × ${metrics} metrics × ${steps} steps of a ${(bytes / MiB).toFixed(0)} MiB store`,
          value: on24.ms,
          unit: 'ms',
          details: { bytes, maxRssMiB: on24.maxRssMiB, points, generateMs }
        })
        rows.push({
          name: `Node 24 (node:sqlite): peak memory of that list`,
          value: on24.maxRssMiB,
          unit: 'MiB',
          goal: { text: 'under 512 MiB', met: on24.maxRssMiB < 512 }
        })
        const here = await timedCli(process.execPath, args, dir)
        const refused = /read whole into memory \(sql\.js/.test(here.stderr)
        rows.push({
          name: `Node ${process.versions.node} (sql.js): the same list ${refused ? 'is refused with what to do' : 'read'}`,
          value: here.ms,
          unit: 'ms',
          details: { maxRssMiB: here.maxRssMiB, message: here.stderr.slice(0, 600) }
        })
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
      return rows
    }
  }
]
