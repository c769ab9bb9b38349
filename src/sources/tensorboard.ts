// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC-32C of the length,
// data, masked CRC-32C of the data) around `Event` protobufs. Scalars come from TF1 `simple_value` and TF2
// float tensors; images, histograms, text, graphs and hparams events are skipped. One run per folder: every
// event file in a folder merges into it; Lightning's `hparams.yaml` beside them gives the params.
// Files are read in chunks into one reused buffer and decoded from Buffer offsets, never read whole. A large file
// is read in two parts at once: a read worker decodes the second part while this thread decodes the first, and its
// series is appended after this thread's, so the run is the one a single read would make.
import { readSync } from 'node:fs'
import path from 'node:path'
import { flattenParams, makeRun, type Metric, type Run } from '../core/run.js'
import { isRecord } from './structured.js'
import type { OpenedFile, ReadContext } from './context.js'
import { MetricReadPool, READ_THREADS_ENV, readWorkerCount } from './read-pool.js'
import { ScalarSeries } from './tensorboard-events.js'
import {
  decodeEventRecords,
  EVENT_CHUNK,
  MAX_BAD_EVENTS_SHOWN,
  type BadEvent,
  type EventRangeResult
} from './tensorboard-range.js'
import { findRecordStart, type EventFileScan } from './tfrecord.js'
import { claimTensorBoard, TENSORBOARD_EVENT_PREFIX } from './claims.js'
import type { RunSource } from './source.js'

/** Event files at least this large are read in two parts at once (a worker's start costs about 30-50 ms). */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024
/** Where in a split file the worker's part starts (a little past the middle: the worker starts later). */
const SPLIT_AT = 0.5
/** The bytes searched for a record to split at. */
const SPLIT_WINDOW = 256 * 1024

const isEventFile = (f: string) => f.startsWith(TENSORBOARD_EVENT_PREFIX)

/** Reads every folder holding `events.out.tfevents.*` files as one run (not exclusive: sub-folders may be other runs). */
export const tensorboardSource: RunSource = {
  format: 'tensorboard',
  claim: claimTensorBoard,
  async read(claimPath: string, ctx: ReadContext): Promise<Run[]> {
    const run = await readTensorBoardRun(claimPath, ctx)
    return run ? [run] : []
  }
}

/** Reads one event folder into a run; undefined when it yields neither scalars nor hparams.yaml. */
export async function readTensorBoardRun(
  dir: string,
  ctx: ReadContext,
  split: EventFileSplit = WORKER_SPLIT
): Promise<Run | undefined> {
  const { files } = await ctx.list(dir)
  const eventFiles = files.filter(isEventFile)
  const name = ctx.rel(dir)
  const place = { run: name }
  const series = new ScalarSeries()
  let readable = 0
  for (const file of eventFiles) {
    if (await readEventFile(path.join(dir, file), name, series, ctx, split)) readable++
  }

  let params: Run['params'] = {}
  const hasHparams = files.includes('hparams.yaml')
  if (hasHparams) {
    const file = path.join(dir, 'hparams.yaml')
    const raw = await ctx.readYaml(file, place)
    if (isRecord(raw)) params = flattenParams(dropPrivate(raw))
    else if (raw !== undefined && raw !== null)
      ctx.error(file, 'must be a YAML mapping of hyperparameters', place)
  }

  const metrics: Record<string, Metric> = {}
  for (const [tag, metric] of series.metrics()) metrics[tag] = metric
  if (!Object.keys(metrics).length) {
    if (!readable) return undefined
    if (!hasHparams) {
      ctx.warn(
        dir,
        'event files hold no scalar values (only graphs, hparams, text or other summaries); no run was made from this folder',
        place
      )
      return undefined
    }
    ctx.warn(
      dir,
      'event files hold no scalar values; the run has only the hyperparameters of hparams.yaml',
      place
    )
  }
  return makeRun({ id: `tensorboard:${name}`, name, source: 'tensorboard', path: name, params, metrics })
}

/** Drops keys starting with `_` below the top level: private attributes of pickled Python objects in hparams.yaml. */
function dropPrivate(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (depth > 0 && k.startsWith('_')) continue
    out[k] = isRecord(v) && depth < 32 ? dropPrivate(v, depth + 1) : v
  }
  return out
}

/** What reads the second part of a split event file: a read worker (MetricReadPool), or anything that decodes alike. */
export interface SecondPartReader {
  /** Decodes the open file `fd` from the record at byte `start` to its end; rejects when it cannot. */
  readEvents(fd: number, start: number): Promise<EventRangeResult>
  close(): Promise<void>
}

/** How large event files are read in two parts at once. */
export interface EventFileSplit {
  /** Files at least this large are split. */
  minBytes: number
  /** Starts what reads the second part; undefined when nothing can (the file is read here, whole). */
  start(): SecondPartReader | undefined
}

/**
 * Whether to read a large event file with a worker (1) or alone (0): with one only when READ_THREADS_ENV asks for
 * threads. Measured on a 2-core VM, a worker made the read slower even with both cores idle (its start, its own
 * compiling, and first writes to fresh memory that do not speed up on two threads), so it is not the default.
 */
export function eventFileWorkers(env: NodeJS.ProcessEnv = process.env): number {
  return env[READ_THREADS_ENV]?.trim() ? Math.min(1, readWorkerCount(env)) : 0
}

/** The reader's split: one read worker, for files from SPLIT_MIN_BYTES, when asked for and the bundle has one. */
const WORKER_SPLIT: EventFileSplit = {
  minBytes: SPLIT_MIN_BYTES,
  start: () => MetricReadPool.start(eventFileWorkers())
}

/** The second part of a split file: where it starts, what reads it, and its result (or why there is none). */
interface SecondPart {
  at: number
  reader: SecondPartReader
  result: Promise<EventRangeResult | Error>
}

/**
 * Starts reading the second part of a large file; undefined when it is not split (no reader, the default, or no
 * record start found). The reader is asked for first, so that a file read alone is never searched for a split.
 */
async function startSecondPart(file: OpenedFile, split: EventFileSplit): Promise<SecondPart | undefined> {
  if (file.size < split.minBytes) return undefined
  const reader = split.start()
  if (!reader) return undefined
  const from = Math.floor(file.size * SPLIT_AT)
  const window = Buffer.allocUnsafe(Math.max(0, Math.min(SPLIT_WINDOW, file.size - from)))
  const found = findRecordStart(window, 0, readSync(file.fd, window, 0, window.length, from))
  if (found < 0 || from + found === 0) {
    await reader.close()
    return undefined
  }
  const at = from + found
  return { at, reader, result: reader.readEvents(file.fd, at).catch((e: Error) => e) }
}

/**
 * Reads the part of a split file from `second.at` into `series`: the worker's series, appended, or on this thread
 * (with a warning saying why) when the worker failed. Returns the scan of the whole file, as one scan would end.
 */
async function readSecondPart(
  file: OpenedFile,
  second: SecondPart,
  first: EventFileScan,
  series: ScalarSeries,
  report: { onBadEvent: (bad: BadEvent) => void; warn: (message: string) => void }
): Promise<EventFileScan> {
  const { onBadEvent } = report
  const done = await second.result
  let rest: EventFileScan
  if (!(done instanceof Error)) {
    series.append(done.series)
    for (const bad of done.badEvents) onBadEvent(bad)
    rest = done.scan
  } else {
    report.warn(
      `a read worker could not decode the part from byte ${second.at} (${done.message}); it was read on the main thread`
    )
    const chunks = file.chunks(second.at, EVENT_CHUNK)
    rest = await decodeEventRecords(chunks, series, onBadEvent, { offset: second.at })
  }
  return { ...rest, records: first.records + rest.records, bytes: second.at + rest.bytes }
}

/**
 * Streams one event file into `series` (a large one in two parts at once, see `split`); returns true when it was
 * event data (whatever it held).
 */
export async function readEventFile(
  file: string,
  run: string,
  series: ScalarSeries,
  ctx: ReadContext,
  split: EventFileSplit = WORKER_SPLIT
): Promise<boolean> {
  const place = { run }
  let badEvents = 0
  const onBadEvent = ({ offset, message }: BadEvent) => {
    if (badEvents++ < MAX_BAD_EVENTS_SHOWN)
      ctx.error(
        file,
        `record at byte ${offset} is not a valid Event protobuf (${message}); it was skipped`,
        place
      )
  }
  let opened: OpenedFile | undefined
  let second: SecondPart | undefined
  let scan: EventFileScan
  try {
    opened = await ctx.openFile(file, place)
    if (!opened) return false
    second = await startSecondPart(opened, split)
    const chunks = opened.chunks(0, EVENT_CHUNK)
    scan = await decodeEventRecords(chunks, series, onBadEvent, { stopAt: second?.at })
    if (second && scan.stoppedAt !== undefined) {
      const warn = (message: string) => ctx.warn(file, message, place)
      scan = await readSecondPart(opened, second, scan, series, { onBadEvent, warn })
    }
  } catch (e) {
    ctx.error(file, `cannot be read: ${(e as Error).message}`, place)
    return false
  } finally {
    // The worker reads through this file's descriptor: stopped before it is closed.
    await second?.reader.close()
    await opened?.close()
  }
  if (scan.lfsPointer) {
    ctx.error(
      file,
      'is a Git LFS pointer, not event data; run git lfs pull (or check out with LFS) to fetch the real file',
      { run }
    )
    return false
  }
  if (scan.error && scan.records === 0) {
    ctx.error(file, `is not a TensorBoard event file: ${scan.error.message}. It was skipped`, { run })
    return false
  }
  if (scan.error) {
    ctx.error(file, `${scan.error.message}. The ${scan.records} whole records before it were read`, { run })
  } else if (scan.truncatedAt !== undefined) {
    if (scan.records === 0) {
      ctx.error(
        file,
        `is not a TensorBoard event file (no whole TFRecord in its ${scan.bytes} bytes); it was skipped`,
        { run }
      )
      return false
    }
    ctx.warn(
      file,
      `ends inside a record at byte ${scan.truncatedAt} (a writer that was stopped or is still writing); the ${scan.records} whole records before it were read`,
      { run }
    )
  }
  return true
}
