// A small pool of read workers (worker_threads) for stores with many metric files, and for the second part of a
// large TensorBoard event file: the main thread walks folders and builds runs (or reads the first part of the file)
// while the workers read and parse. Started only when a store is large enough to repay the start
// of a thread, and only from the built bundle (where the worker script sits beside this module); elsewhere (tests
// on the sources) everything is read on the main thread, with the same results.
import { existsSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ParsedMetricFile } from './mlflow-metrics-file.js'
import type { MetricReadResult, MetricReadTask, WorkerReply } from './metric-worker.js'
import type { EventRangeResult, EventRangeTask } from './tensorboard-range.js'

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

/** Workers that read and parse MLflow metric files and parts of event files; see the file comment. */
export class MetricReadPool {
  private readonly workers: Worker[]
  private readonly busy: number[]
  private readonly pending = new Map<
    number,
    { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }
  >()
  private nextId = 0
  private failure: Error | undefined
  private closed = false

  private constructor(script: URL, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(script)
      worker.on('message', (reply: WorkerReply) => this.settle(reply))
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
  async read(files: string[], maxBytes: number): Promise<(ParsedMetricFile | undefined)[]> {
    const task: MetricReadTask = { kind: 'metrics', id: this.nextId++, files, maxBytes }
    return ((await this.request(task, files.length)) as MetricReadResult).files
  }

  /**
   * Decodes the open event file `fd` from the record at byte `start` to its end (tensorboard-range.ts); rejects when
   * the worker could not (the caller then reads that part itself).
   */
  async readEvents(fd: number, start: number): Promise<EventRangeResult> {
    const task: EventRangeTask = { kind: 'events', id: this.nextId++, fd, start }
    const reply = await this.request(task, 1)
    if ('error' in reply) throw new Error(reply.error)
    return (reply as { result: EventRangeResult }).result
  }

  /** Sends a task to the least busy worker (`weight`: how much work it is) and waits for its reply. */
  private request(task: MetricReadTask | EventRangeTask, weight: number): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure)
    let worker = 0
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i] < this.busy[worker]) worker = i
    if (this.busy[worker] === 0) this.workers[worker].ref()
    this.busy[worker] += weight
    const done = () => {
      this.busy[worker] -= weight
      if (this.busy[worker] === 0) this.workers[worker].unref()
    }
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject })
      this.workers[worker].postMessage(task)
    }).finally(done)
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers.map(w => w.terminate()))
  }

  private settle(reply: WorkerReply): void {
    const task = this.pending.get(reply.id)
    if (!task) return
    this.pending.delete(reply.id)
    task.resolve(reply)
  }

  private fail(e: Error): void {
    this.failure ??= e
    for (const task of this.pending.values()) task.reject(e)
    this.pending.clear()
  }
}
