// Decoding the records of an event file, or of the part of it from a record on: the main thread reads a file this
// way, and a read worker (metric-worker.ts) reads the second part of a large file at the same time. What the worker
// found wrong comes back as data, for the main thread to report as it would have reported it.
import { readSync } from 'node:fs'
import { ProtoError } from './protobuf.js'
import { EventDecoder, ScalarSeries, type ScalarSeriesState } from './tensorboard-events.js'
import { scanTfRecords, type EventFileScan, type ScanOptions } from './tfrecord.js'

/** Event files are read in 1 MiB chunks: fewer chunks, fewer records split across two. */
export const EVENT_CHUNK = 1024 * 1024
/** At most this many records that are not valid Events are reported per file. */
export const MAX_BAD_EVENTS_SHOWN = 5

/** A record that is not a valid Event: where it starts and what is wrong. */
export interface BadEvent {
  offset: number
  message: string
}

/**
 * Scans TFRecords over `chunks` and decodes each into `series`; `onBadEvent` hears of each record that is not a valid
 * Event (it is skipped). Any other failure (a read error) is thrown.
 */
export function decodeEventRecords(
  chunks: AsyncIterable<Buffer>,
  series: ScalarSeries,
  onBadEvent: (bad: BadEvent) => void,
  options?: ScanOptions
): Promise<EventFileScan> {
  const decoder = new EventDecoder(series)
  return scanTfRecords(
    chunks,
    (buf, start, end, offset) => {
      try {
        decoder.decode(buf, start, end)
      } catch (e) {
        if (!(e instanceof ProtoError)) throw e
        onBadEvent({ offset, message: e.message })
      }
    },
    options
  )
}

/** What a read worker is asked: decode the open file `fd` from the record at byte `start` to its end. */
export interface EventRangeTask {
  kind: 'events'
  id: number
  fd: number
  start: number
}

/** What it answers: how the scan ended, the first bad Events (as many as are ever shown), and the series it read. */
export interface EventRangeResult {
  scan: EventFileScan
  badEvents: BadEvent[]
  series: ScalarSeriesState
}

/** The bytes of the open file `fd` from `start` to its end, read at offsets into one reused buffer. */
async function* positionedChunks(fd: number, start: number): AsyncGenerator<Buffer> {
  const buf = Buffer.allocUnsafe(EVENT_CHUNK)
  for (let position = start; ;) {
    const n = readSync(fd, buf, 0, buf.length, position)
    if (n === 0) return
    position += n
    yield n === buf.length ? buf : buf.subarray(0, n)
  }
}

/** Decodes the open file `fd` from the record at byte `start` on (a worker's task); the buffers to transfer too. */
export async function decodeEventRange(
  fd: number,
  start: number
): Promise<{ result: EventRangeResult; transfer: ArrayBuffer[] }> {
  const series = new ScalarSeries()
  const badEvents: BadEvent[] = []
  const scan = await decodeEventRecords(
    positionedChunks(fd, start),
    series,
    bad => {
      if (badEvents.length < MAX_BAD_EVENTS_SHOWN) badEvents.push(bad)
    },
    { offset: start }
  )
  const { state, transfer } = series.state()
  return { result: { scan, badEvents, series: state }, transfer }
}
