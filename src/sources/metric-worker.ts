// A read worker (worker_threads): reads and parses MLflow metric files off the main thread, so a large file store
// uses every core. Files that need the guarded path (a symbolic link, not a regular file, too large to read whole,
// any error) come back as not read, and the main thread reads them itself with the usual diagnostics.
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { parseMetricBytes, type ParsedMetricFile } from './mlflow-metrics-file.js'

/** A batch of metric files for a worker: absolute paths inside the workspace, and the largest size read whole. */
export interface MetricReadTask {
  id: number
  files: string[]
  maxBytes: number
}

/** A worker's answer: per file, its parsed series, or undefined when the main thread must read it. */
export interface MetricReadResult {
  id: number
  files: (ParsedMetricFile | undefined)[]
}

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
    return info.isFile() && info.size <= maxBytes ? readFileSync(fd) : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

parentPort?.on('message', (task: MetricReadTask) => {
  const files: MetricReadResult['files'] = []
  const transfer: ArrayBuffer[] = []
  for (const file of task.files) {
    const bytes = readRegularFile(file, task.maxBytes)
    const parsed = bytes && parseMetricBytes(bytes)
    if (parsed?.columns) {
      const { steps, values, times } = parsed.columns
      transfer.push(steps.buffer as ArrayBuffer, values.buffer as ArrayBuffer, times.buffer as ArrayBuffer)
    }
    files.push(parsed)
  }
  parentPort?.postMessage({ id: task.id, files } satisfies MetricReadResult, transfer)
})
