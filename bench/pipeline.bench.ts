// The review pipeline on the built-in format: 10,000 runs × 20 metrics × 20 params collected, compared and
// rendered, next to the time to merely read the same files with `cat`; and the CLI's cold start next to bare Node.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { compareRuns } from '../src/core/compare.js'
import { defaultRules } from '../src/core/rules.js'
import { renderComment } from '../src/report/comment.js'
import { renderJsonReport } from '../src/report/json.js'
import { collectRuns } from '../src/sources/detect.js'
import { timeMs, type Benchmark } from './harness.js'

const RUNS = 10_000
const METRICS = 20
const PARAMS = 20

async function makeWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-builtin-'))
  for (let i = 0; i < RUNS; i++) {
    const run = path.join(dir, 'experiments', `run-${i}`)
    await mkdir(run, { recursive: true })
    const metrics = Object.fromEntries(
      Array.from({ length: METRICS }, (_, k) => [`metric_${k}`, Math.sin(i * 31 + k) / 2 + 0.5])
    )
    const params = Object.fromEntries(
      Array.from({ length: PARAMS }, (_, k) => [`param_${k}`, k % 2 ? (i * k) % 97 : `value-${(i + k) % 13}`])
    )
    await writeFile(path.join(run, 'metrics.json'), JSON.stringify(metrics))
    await writeFile(path.join(run, 'params.json'), JSON.stringify(params))
    await writeFile(
      path.join(run, 'metadata.yaml'),
      `name: run-${i}\ngit_commit: ${(i * 7919).toString(16).padStart(7, '0')}\ndata_version: v1\n`
    )
  }
  return dir
}

/** Median wall time of spawning a command `n` times. */
function spawnMedianMs(cmd: string, args: string[], n = 15): number {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]
}

/** Benchmarks of the built-in pipeline and the CLI start-up. */
export const benchmarks: Benchmark[] = [
  {
    name: 'built-in pipeline',
    async run() {
      const dir = await makeWorkspace()
      try {
        // Warm the page cache once so both sides read from memory.
        execFileSync('sh', ['-c', `find "${dir}" -type f -print0 | xargs -0 cat > /dev/null`])
        const cat = await timeMs(
          () => execFileSync('sh', ['-c', `find "${dir}" -type f -print0 | xargs -0 cat > /dev/null`]),
          3
        )
        let size = 0
        const pipeline = await timeMs(async () => {
          const { runs, diagnostics } = await collectRuns({ workspace: dir })
          const c = compareRuns({
            runs: runs.slice(1),
            diagnostics,
            rules: { ...defaultRules(), primary: 'metric_0' },
            baseline: undefined
          })
          size = renderComment(c).length + renderJsonReport(c).length
        }, 3)
        return [
          {
            name: `collect+compare+render ${RUNS.toLocaleString('en')} runs × ${METRICS} metrics × ${PARAMS} params`,
            value: pipeline,
            unit: 'ms',
            reference: { name: 'cat the same files', value: cat },
            goal: { text: 'within 3× of reading the files', met: pipeline <= 3 * cat },
            details: { outputChars: size }
          }
        ]
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  },
  {
    name: 'CLI cold start',
    async run() {
      if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first')
      const bare = spawnMedianMs(process.execPath, ['-e', ''])
      const cli = spawnMedianMs(process.execPath, ['dist/cli.js', '--version'])
      const list = spawnMedianMs(process.execPath, ['dist/cli.js', 'list', '--runs', 'package.json'])
      return [
        {
          name: 'experiment-review --version (median of 15)',
          value: cli,
          unit: 'ms',
          reference: { name: 'node -e ""', value: bare },
          goal: { text: 'within 2× of bare Node', met: cli <= 2 * bare }
        },
        {
          name: 'experiment-review list (median of 15)',
          value: list,
          unit: 'ms',
          reference: { name: 'node -e ""', value: bare },
          goal: { text: 'within 2× of bare Node', met: list <= 2 * bare }
        }
      ]
    }
  }
]
