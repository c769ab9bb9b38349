// A read worker (worker_threads): reads and parses MLflow metric files off the main thread, so a large file store
// uses every core, and decodes the second part of a large TensorBoard event file while the main thread decodes the
// first (tensorboard-range.ts). Files that need the guarded path (a symbolic link, not a regular file, too large to read whole,
// any error) come back as not read, and the main thread reads them itself with the usual diagnostics.
import { closeSync, constants as fsConstants, fstatSync, openSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { packSeries } from './history.js'
import { parseMetricBytes, type ParsedMetricFile } from './mlflow-metrics-file.js'
import { ColumnSlabs, packedBytes } from './packed-column.js'
import { ReadBuffer } from './read-buffer.js'
import { decodeEventRange, type EventRangeResult, type EventRangeTask } from './tensorboard-range.js'

/** A batch of metric files for a worker: absolute paths inside the workspace, and the largest size read whole. */
export interface MetricReadTask {
  kind: 'metrics'
  id: number
  files: string[]
  maxBytes: number
}

/** A worker's answer: per file, its parsed series, or undefined when the main thread must read it. */
export interface MetricReadResult {
  id: number
  files: (ParsedMetricFile | undefined)[]
}

/**
 * The worker's read buffer, reused for every file (each is parsed before the next is read): a buffer per file would
 * leave tens of megabytes of read files waiting for the garbage collector.
 */
const readBuffer = new ReadBuffer()

/** Reads one file whole when it is a regular file (not a link) under `maxBytes`: one open, one fstat. */
function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const info = fstatSync(fd)
    return info.isFile() && info.size <= maxBytes ? readBuffer.read(fd, info.size) : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** Any reply of a worker: to a metrics task, to an events task, or an events task it could not do. */
export type WorkerReply =
  MetricReadResult | { id: number; result: EventRangeResult } | { id: number; error: string }

/** Decodes part of an event file; a failure (a read error) is answered, for the main thread to read the part itself. */
async function readEvents(task: EventRangeTask): Promise<void> {
  try {
    const { result, transfer } = await decodeEventRange(task.fd, task.start)
    parentPort?.postMessage({ id: task.id, result } satisfies WorkerReply, transfer)
  } catch (e) {
    parentPort?.postMessage({ id: task.id, error: (e as Error).message } satisfies WorkerReply)
  }
}

parentPort?.on('message', (task: MetricReadTask | EventRangeTask) => {
  if (task.kind === 'events') {
    void readEvents(task)
    return
  }
  const files: MetricReadResult['files'] = []
  let size = 0
  for (const file of task.files) {
    const bytes = readRegularFile(file, task.maxBytes)
    const parsed = bytes && parseMetricBytes(bytes)
    const c = parsed?.columns
    if (c && !('count' in c)) size += 8 * c.values.length + packedBytes(c.steps) + packedBytes(c.times)
    files.push(parsed)
  }
  // Each series packed as the run keeps it, into one buffer handed over whole: the main thread keeps it as it comes.
  const memory = new ColumnSlabs(Math.max(8, size), true)
  for (const parsed of files) {
    if (parsed?.columns && !('count' in parsed.columns)) parsed.columns = packSeries(parsed.columns, memory)
  }
  parentPort?.postMessage({ id: task.id, files } satisfies MetricReadResult, memory.buffers)
})
