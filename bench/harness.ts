// The benchmark harness: each bench/*.bench.ts exports `benchmarks`, a list of named measurements.
// `npm run bench` runs them all (or those named on the command line), prints one table and writes JSON.

/** One row of the benchmark table: a measured figure next to what it is measured against. */
export interface BenchRow {
  /** What was measured, e.g. "collect+compare+render 10,000 runs". */
  name: string
  /** The figure, in `unit`. */
  value: number
  unit: string
  /** The reference it is compared with, e.g. "cat the same files". */
  reference?: { name: string; value: number }
  /** The goal as a ratio to the reference or an absolute bound, with whether it was met. */
  goal?: { text: string; met: boolean }
  /** Anything else worth keeping in the JSON. */
  details?: Record<string, unknown>
}

/** A benchmark: a name and a function returning its rows. */
export interface Benchmark {
  name: string
  run: () => Promise<BenchRow[]>
}

/** Wall-clock milliseconds of an async function (best of `repeat`). */
export async function timeMs(fn: () => Promise<unknown> | unknown, repeat = 1): Promise<number> {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint()
    await fn()
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6)
  }
  return best
}
