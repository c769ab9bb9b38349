// Every reader against its floor, measured from outside as a user runs it: the built CLI (`node dist/cli.js`) in a
// child process on each generated store, next to the floor of starting Node (`node -e ""`) plus reading the same
// bytes (`cat`), with the child's peak memory (RSS high-water mark, from process.resourceUsage() at exit).
// Stores are generated into a temporary folder, or taken from BENCH_STORES (made by `tsx bench/stores.ts DIR`).
// BENCH_REPEAT sets the repetitions (default 3); the best time and the highest RSS of them are reported.
// BENCH_CLI measures another build (e.g. a copy of main's dist/cli.js, for a before-and-after table).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Benchmark, BenchRow } from './harness.js'
import { STORE_KINDS, type StoreKind } from './stores.js'

/** Time goals, as a multiple of the floor; stores without one have only the memory goal. */
const TIME_GOALS: Record<string, number> = {
  'mlflow-400': 2.5,
  'mlflow-2000': 2.5,
  'builtin-3000': 2.5,
  'builtin-10000': 2.5,
  tensorboard: 5
}
/** Every reader's peak memory stays under this. */
const RSS_GOAL_MIB = 256

const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3) || 3)

/** One timed command: wall time, CPU time (user + system, its children included) and, for Node, peak RSS in MiB. */
interface ChildRun {
  ms: number
  cpuMs: number
  rssMiB?: number
  status: number
  stdout: string
}

/** `times` output (`0m1.250s 0m0.040s`, the second line for children) as milliseconds of user + system. */
function childCpuMs(times: string): number {
  const line = times.trim().split('\n').pop() ?? ''
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map(m => Number(m[1]) * 60_000 + Number(m[2]) * 1000)
  if (parts.length !== 2) throw new Error(`cannot read the CPU times from ${JSON.stringify(times)}`)
  return parts[0] + parts[1]
}

/**
 * Runs a shell command in `cwd` and times it; its output goes to `out` (a file) so the shell's `times` can report
 * the CPU it used. A Node child started with the RSS preload records its RSS high-water mark in `rssFile` at exit.
 */
function timed(command: string, cwd: string, out: string, rssFile?: string): ChildRun {
  if (rssFile) rmSync(rssFile, { force: true })
  const start = process.hrtime.bigint()
  const r = spawnSync('sh', ['-c', `${command} > '${out}'\nstatus=$?\ntimes\nexit $status`], {
    cwd,
    encoding: 'utf8',
    env: rssFile ? { ...process.env, BENCH_RSS_FILE: rssFile } : process.env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.error) throw r.error
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${command} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  const rssMiB = rssFile && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined
  return { ms, cpuMs: childCpuMs(r.stdout), rssMiB, status: r.status, stdout: readFileSync(out, 'utf8') }
}

/** A path quoted for sh. */
const quote = (p: string) => `'${p.replace(/'/g, "'\\''")}'`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** The CLI command that reads a store the way a user would. */
function cliArgs(kind: StoreKind): string[] {
  if (kind.name.startsWith('builtin'))
    return ['compare', '--runs', ...kind.runs, '--baseline', 'main/experiments', '--format', 'markdown']
  return ['export', '--format', 'csv', '--runs', ...kind.runs]
}

/** The floor's file list: the bytes the reader reads (the baseline folder too, for the built-in pipeline). */
function floorPaths(kind: StoreKind): string[] {
  return kind.name.startsWith('builtin') ? [...kind.runs, 'main'] : kind.runs
}

function benchStore(kind: StoreKind): Benchmark {
  return {
    name: kind.name,
    async run(): Promise<BenchRow[]> {
      const cli = path.resolve(process.env.BENCH_CLI ?? 'dist/cli.js')
      if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first')
      const given = process.env.BENCH_STORES
      const work = mkdtempSync(path.join(os.tmpdir(), 'er-bench-'))
      try {
        const dir = given ? path.resolve(given, kind.name) : path.join(work, 'store')
        let bytes: number
        if (given && existsSync(dir)) bytes = bytesUnder(dir, floorPaths(kind))
        else {
          await mkdir(dir, { recursive: true })
          bytes = await kind.make(dir)
        }
        const preload = path.join(work, 'max-rss.cjs')
        writeFileSync(
          preload,
          "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))\n"
        )
        const rssFile = path.join(work, 'rss')
        const out = path.join(work, 'out')
        const cat = `find ${floorPaths(kind).join(' ')} -type f -print0 | xargs -0 cat`
        const node = quote(process.execPath)
        const read = [node, '--require', quote(preload), quote(cli), ...cliArgs(kind)].join(' ')
        timed(cat, dir, '/dev/null') // warm the page cache
        const first = timed(read, dir, out, rssFile) // and the file system's caches of the reader's paths
        if (!kind.name.startsWith('builtin')) {
          const rows = first.stdout.split('\n').filter(Boolean).length - 1
          if (rows !== kind.expectRuns)
            throw new Error(`the reader returned ${rows} runs; the store holds ${kind.expectRuns}`)
        }
        const bare: ChildRun[] = []
        const cats: ChildRun[] = []
        const reads: ChildRun[] = []
        // Interleaved, so a burst of load elsewhere falls on both sides of the ratio.
        for (let i = 0; i < repeat; i++) {
          bare.push(timed(`${node} -e ""`, dir, '/dev/null'))
          cats.push(timed(cat, dir, '/dev/null'))
          reads.push(timed(read, dir, out, rssFile))
        }
        const best = (runs: ChildRun[], key: 'ms' | 'cpuMs') => Math.min(...runs.map(r => r[key]))
        const floor = best(bare, 'ms') + best(cats, 'ms')
        const floorCpu = best(bare, 'cpuMs') + best(cats, 'cpuMs')
        const wall = best(reads, 'ms')
        const cpu = best(reads, 'cpuMs')
        const rss = Math.max(...reads.map(r => r.rssMiB ?? NaN))
        const goal = TIME_GOALS[kind.name]
        const ratio = wall / floor
        const mb = (bytes / 1e6).toFixed(0)
        return [
          {
            name: `${kind.describe} (${mb} MB): ${cliArgs(kind)[0]}, wall, best of ${repeat}`,
            value: wall,
            unit: 'ms',
            reference: { name: 'node -e "" + cat', value: floor },
            goal: goal ? { text: `within ${goal}× of the floor`, met: ratio <= goal } : undefined,
            details: {
              bytes,
              ratio,
              medianMs: median(reads.map(r => r.ms)),
              bareNodeMs: best(bare, 'ms'),
              catMs: best(cats, 'ms'),
              mbPerSecond: bytes / 1e6 / (wall / 1000),
              cores: os.cpus().length,
              loadAverage: os.loadavg()
            }
          },
          {
            name: `${kind.name}: CPU time (user + system), best of ${repeat}`,
            value: cpu,
            unit: 'ms',
            reference: { name: 'node -e "" + cat', value: floorCpu },
            details: { bareNodeCpuMs: best(bare, 'cpuMs'), catCpuMs: best(cats, 'cpuMs') }
          },
          {
            name: `${kind.name}: peak RSS`,
            value: rss,
            unit: 'MiB',
            goal: { text: `under ${RSS_GOAL_MIB} MiB`, met: rss < RSS_GOAL_MIB }
          }
        ]
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    }
  }
}

/** Bytes of the files under `paths` in `dir` (a store generated earlier, BENCH_STORES). */
function bytesUnder(dir: string, paths: string[]): number {
  const sizes = spawnSync('sh', ['-c', `find ${paths.join(' ')} -type f -printf '%s\\n'`], {
    cwd: dir,
    encoding: 'utf8'
  })
  return sizes.stdout
    .split('\n')
    .filter(Boolean)
    .reduce((n, size) => n + Number(size), 0)
}

/** One benchmark per store. */
export const benchmarks: Benchmark[] = STORE_KINDS.map(benchStore)
