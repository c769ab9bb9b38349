// The CLI's cold start next to bare Node. (The built-in pipeline, collect + compare + render, against its floor is
// in readers.bench.ts.)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Benchmark } from './harness.js'

/** Median wall time of spawning a command `n` times; it must exit with `status`. */
function spawnMedianMs(cmd: string, args: string[], status = 0, n = 15): number {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { stdio: 'ignore' })
    if (r.status !== status)
      throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}; expected ${status}`)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]
}

/** Benchmarks of the CLI start-up. */
export const benchmarks: Benchmark[] = [
  {
    name: 'CLI cold start',
    async run() {
      if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first')
      const bare = spawnMedianMs(process.execPath, ['-e', ''])
      const cli = spawnMedianMs(process.execPath, ['dist/cli.js', '--version'])
      // A file that holds no runs: the CLI starts, looks and fails closed (exit 2, "No runs were found").
      const list = spawnMedianMs(process.execPath, ['dist/cli.js', 'list', '--runs', 'package.json'], 2)
      return [
        {
          name: 'experiment-review --version (median of 15)',
          value: cli,
          unit: 'ms',
          reference: { name: 'node -e ""', value: bare },
          goal: { text: 'within 1.3× of bare Node', met: cli <= 1.3 * bare }
        },
        {
          name: 'experiment-review list (median of 15)',
          value: list,
          unit: 'ms',
          reference: { name: 'node -e ""', value: bare },
          goal: { text: 'within 1.3× of bare Node', met: list <= 1.3 * bare }
        }
      ]
    }
  }
]
