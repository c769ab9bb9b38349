// A small pool of read workers (worker_threads) for stores with many metric files: the main thread walks folders
// and builds runs while the workers read and parse. Started only when a store is large enough to repay the start
// of a thread, and only from the built bundle (where the worker script sits beside this module); elsewhere (tests
// on the sources) everything is read on the main thread, with the same results.
import { existsSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ParsedMetricFile } from './mlflow-metrics-file.js'
import type { MetricReadResult, MetricReadTask } from './metric-worker.js'

/** The environment variable that sets the number of read workers (0 reads everything on the main thread). */
export const READ_THREADS_ENV = 'EXPERIMENT_REVIEW_READ_THREADS'
/** The most workers started, whatever the machine. */
const MAX_WORKERS = 4

/** The number of workers to start: the environment's choice, else one per core (at most MAX_WORKERS), 0 on one core. */
export function readWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const given = env[READ_THREADS_ENV]
  if (given !== undefined && given.trim() !== '') {
    const n = Number(given)
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${READ_THREADS_ENV}=${JSON.stringify(given)}: expected a whole number of threads ≥ 0`)
    return Math.min(n, 16)
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  return cores > 1 ? Math.min(cores, MAX_WORKERS) : 0
}

/** The worker script's URL when it is there to run (the built bundle); undefined when running from sources. */
function workerScript(): URL | undefined {
  const url = new URL('./metric-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(url))) return url
  // From TypeScript sources (tests, tsx) there is no compiled worker; a bundle without one is a build mistake.
  if (import.meta.url.endsWith('.ts')) return undefined
  throw new Error(`the read worker ${fileURLToPath(url)} is missing; rebuild the bundle (npm run build)`)
}

/** Workers that read and parse MLflow metric files; see the file comment. */
export class MetricReadPool {
  private readonly workers: Worker[]
  private readonly busy: number[]
  private readonly pending = new Map<
    number,
    { worker: number; resolve: (r: (ParsedMetricFile | undefined)[]) => void; reject: (e: Error) => void }
  >()
  private nextId = 0
  private failure: Error | undefined
  private closed = false

  private constructor(script: URL, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(script)
      worker.on('message', (result: MetricReadResult) => this.settle(result))
      worker.on('error', e => this.fail(e))
      worker.on('exit', code => {
        if (code !== 0 && !this.closed) this.fail(new Error(`a read worker stopped with exit code ${code}`))
      })
      // An idle pool never keeps the process alive; a busy worker does (see read()).
      worker.unref()
      return worker
    })
    this.busy = this.workers.map(() => 0)
  }

  /** A pool when the store is worth it and workers can run here; undefined means read on the main thread. */
  static start(count = readWorkerCount()): MetricReadPool | undefined {
    if (count < 1) return undefined
    const script = workerScript()
    return script ? new MetricReadPool(script, count) : undefined
  }

  /** Reads and parses whole metric files (absolute paths); undefined for a file the caller must read itself. */
  read(files: string[], maxBytes: number): Promise<(ParsedMetricFile | undefined)[]> {
    if (this.failure) return Promise.reject(this.failure)
    let worker = 0
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i] < this.busy[worker]) worker = i
    const id = this.nextId++
    if (this.busy[worker] === 0) this.workers[worker].ref()
    this.busy[worker] += files.length
    const done = () => {
      this.busy[worker] -= files.length
      if (this.busy[worker] === 0) this.workers[worker].unref()
    }
    return new Promise<(ParsedMetricFile | undefined)[]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject })
      this.workers[worker].postMessage({ id, files, maxBytes } satisfies MetricReadTask)
    }).finally(done)
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers.map(w => w.terminate()))
  }

  private settle(result: MetricReadResult): void {
    const task = this.pending.get(result.id)
    if (!task) return
    this.pending.delete(result.id)
    task.resolve(result.files)
  }

  private fail(e: Error): void {
    this.failure ??= e
    for (const task of this.pending.values()) task.reject(e)
    this.pending.clear()
  }
}
