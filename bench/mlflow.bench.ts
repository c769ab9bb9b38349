// Reads an MLflow file store of 2,000 runs × 10 metrics × 1,000 steps (about 0.7 GB of metric lines) and
// compares the time with `cat` of the same files. Sizes can be lowered with MLFLOW_BENCH_RUNS/METRICS/STEPS.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { collectRuns } from '../src/sources/detect.js'
import { mlflowSource } from '../src/sources/mlflow.js'
import { writeLargeFileStore } from '../test/fixtures/make-mlflow.js'
import { timeMs, type Benchmark } from './harness.js'

const run = promisify(execFile)
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback

/** The MLflow file-store read benchmark. */
export const benchmarks: Benchmark[] = [
  {
    name: 'mlflow file store',
    async run() {
      const runs = size('MLFLOW_BENCH_RUNS', 2000)
      const metrics = size('MLFLOW_BENCH_METRICS', 10)
      const steps = size('MLFLOW_BENCH_STEPS', 1000)
      const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-mlflow-'))
      try {
        const bytes = await writeLargeFileStore(dir, runs, metrics, steps)
        const cat = () =>
          run('sh', ['-c', 'find mlruns -type f -print0 | xargs -0 cat > /dev/null'], { cwd: dir })
        await cat() // warm the page cache for both
        const catMs = await timeMs(cat, 3)
        let read = 0
        let points = 0
        const readMs = await timeMs(async () => {
          const collection = await collectRuns({ workspace: dir, sources: [mlflowSource] })
          read = collection.runs.length
          points = collection.runs.reduce(
            (n, r) =>
              n +
              Object.values(r.metrics).reduce((m, x) => m + (x.historyPoints ?? x.history?.length ?? 0), 0),
            0
          )
          if (collection.diagnostics.length)
            throw new Error(`unexpected diagnostics: ${JSON.stringify(collection.diagnostics.slice(0, 3))}`)
        }, 2)
        if (read !== runs || points !== runs * metrics * steps)
          throw new Error(
            `read ${read} runs and ${points} points, expected ${runs} and ${runs * metrics * steps}`
          )
        const ratio = readMs / catMs
        return [
          {
            name: `read ${runs} runs × ${metrics} metrics × ${steps} steps (${(bytes / 1e6).toFixed(0)} MB)`,
            value: readMs,
            unit: 'ms',
            reference: { name: 'cat the same files', value: catMs },
            goal: { text: 'within 3× of cat', met: ratio <= 3 },
            details: { bytes, points, mbPerSecond: bytes / 1e6 / (readMs / 1000) }
          }
        ]
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
]
