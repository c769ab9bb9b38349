// A sweep of 10,000 runs × 20 metrics × 20 params (built-in run folders, generated and seeded): collected, compared
// and rendered (comment, job summary, JSON report) in a child process, each step timed, with the child's peak RSS;
// beside the floor of reading and parsing the same files. The comment must stay under GitHub's 65,536 characters
// and name the right champion. BENCH_SWEEP_RUNS sets the number of runs.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { GITHUB_BODY_LIMIT } from '../src/core/conventions.js'
import { writeSweep } from '../test/fixtures/make-sweep.js'
import type { Benchmark, BenchRow } from './harness.js'

const RUNS = Math.max(10, Number(process.env.BENCH_SWEEP_RUNS ?? 10_000) || 10_000)
const METRICS = 20
const PARAMS = 20
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sweep-review.ts')

/** Runs the child on the workspace; its JSON line, with the wall time around it. */
function review(workspace: string, floor = false): Record<string, number | string> {
  const start = process.hrtime.bigint()
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', child, workspace, ...(floor ? ['--floor'] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0)
    throw new Error(`the sweep review failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`)
  return {
    ...(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number | string>),
    wallMs
  }
}

/** The benchmarks of this file. */
export const benchmarks: Benchmark[] = [
  {
    name: `sweep of ${RUNS.toLocaleString('en')} runs × ${METRICS} metrics × ${PARAMS} params`,
    run: async () => {
      const workspace = await mkdtemp(path.join(os.tmpdir(), 'sweep-bench-'))
      try {
        // 4 named metrics (val_acc, val_loss, epoch, lr-Adam) and 7 swept params (seed and output_dir included).
        const runs = await writeSweep(workspace, {
          runs: RUNS,
          extraMetrics: METRICS - 4,
          extraParams: PARAMS - 7
        })
        const champion = runs.reduce((a, b) =>
          b.metrics.val_acc.value > a.metrics.val_acc.value ? b : a
        ).name
        const floor = review(workspace, true)
        const bytes = Number(floor.bytes)
        const result = review(workspace)
        const n = (k: string) => Number(result[k])
        const total = n('collectMs') + n('compareMs') + n('renderMs')
        const rows: BenchRow[] = [
          {
            name: 'collect (read every run)',
            value: n('collectMs'),
            unit: 'ms',
            reference: { name: 'read and parse the same files', value: Number(floor.readMs) }
          },
          { name: 'compare (rank, statistics, parameter effects)', value: n('compareMs'), unit: 'ms' },
          { name: 'render (comment, job summary, JSON report)', value: n('renderMs'), unit: 'ms' },
          {
            name: 'collect + compare + render',
            value: total,
            unit: 'ms',
            details: { wallMsWithStartup: result.wallMs, runs: result.runs, storeBytes: bytes }
          },
          {
            name: 'peak RSS',
            value: n('maxRssMiB'),
            unit: 'MiB',
            reference: { name: 'reading and parsing alone', value: Number(floor.maxRssMiB) }
          },
          {
            name: 'comment size',
            value: n('commentChars'),
            unit: 'chars',
            goal: {
              text: `< ${GITHUB_BODY_LIMIT}, champion ${champion}`,
              met: n('commentChars') < GITHUB_BODY_LIMIT && result.champion === champion
            },
            details: {
              summaryBytes: result.summaryBytes,
              reportBytes: result.reportBytes,
              primary: result.primary,
              parameters: result.parameters
            }
          },
          { name: 'run files read', value: bytes / 2 ** 20, unit: 'MiB', details: { files: floor.files } }
        ]
        return rows
      } finally {
        await rm(workspace, { recursive: true, force: true })
      }
    }
  }
]
