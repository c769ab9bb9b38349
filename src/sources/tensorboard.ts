// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC-32C of the length,
// data, masked CRC-32C of the data) around `Event` protobufs. Scalars come from TF1 `simple_value` and TF2
// float tensors; images, histograms, text, graphs and hparams events are skipped. One run per folder: every
// event file in a folder merges into it; Lightning's `hparams.yaml` beside them gives the params.
// Files are read in chunks into one reused buffer and decoded from Buffer offsets, never read whole.
import path from 'node:path'
import { flattenParams, makeRun, type Metric, type Run } from '../core/run.js'
import { isRecord } from './structured.js'
import type { ReadContext } from './context.js'
import { affirmedTfRecordsEnd, maskedCrc32c } from './crc.js'
import { ProtoError } from './protobuf.js'
import { EventDecoder, ScalarSeries } from './tensorboard-events.js'
import type { Claim, DirListing, RunSource } from './source.js'

/** The name every TensorBoard event file starts with. */
export const EVENT_FILE_PREFIX = 'events.out.tfevents.'
/** What a Git LFS pointer file starts with. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/'
/** The largest single record accepted (a bigger one means a corrupt length or a file that is not event data). */
const MAX_RECORD = 256 * 1024 * 1024
/** Event files are read in 1 MiB chunks: fewer chunks, fewer records split across two. */
const STREAM_CHUNK = 1024 * 1024

const isEventFile = (f: string) => f.startsWith(EVENT_FILE_PREFIX)

/** Reads every folder holding `events.out.tfevents.*` files as one run (not exclusive: sub-folders may be other runs). */
export const tensorboardSource: RunSource = {
  format: 'tensorboard',
  claim(listing: DirListing): Claim[] {
    return listing.files.some(isEventFile) ? [{ path: listing.path }] : []
  },
  async read(claimPath: string, ctx: ReadContext): Promise<Run[]> {
    const run = await readTensorBoardRun(claimPath, ctx)
    return run ? [run] : []
  }
}

/** Reads one event folder into a run; undefined when it yields neither scalars nor hparams.yaml. */
export async function readTensorBoardRun(dir: string, ctx: ReadContext): Promise<Run | undefined> {
  const { files } = await ctx.list(dir)
  const eventFiles = files.filter(isEventFile)
  const name = ctx.rel(dir)
  const place = { run: name }
  const series = new ScalarSeries()
  let readable = 0
  for (const file of eventFiles) {
    if (await readEventFile(path.join(dir, file), name, series, ctx)) readable++
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

/** How a scan of one event file ended. */
export interface EventFileScan {
  records: number
  bytes: number
  /** The file ends inside a record (a writer that was stopped or is still writing). */
  truncatedAt?: number
  /** The file is corrupt from this byte on (a CRC or framing check failed). */
  error?: { offset: number; message: string }
  /** The file is a Git LFS pointer, not event data. */
  lfsPointer?: boolean
}

/**
 * Scans TFRecord framing over a stream of chunks, checking both masked CRC-32Cs, and calls `onRecord` with
 * the buffer and the record's [start, end) (valid only during the call). Stops at the first corrupt byte.
 * A chunk may be overwritten once the next one is asked for (ReadContext.readChunks): the bytes of a record split
 * across chunks are copied.
 * Longer than 80 lines on purpose: the framing state (the bytes carried over from one chunk to the next, the file
 * offset) is shared by its two parts, parse and recordBytes, which run once per record of a file of any size.
 */
// eslint-disable-next-line max-lines-per-function -- the framing state is shared by its per-record parts (see above)
export async function scanTfRecords(
  chunks: AsyncIterable<Buffer>,
  onRecord: (buf: Buffer, start: number, end: number, offset: number) => void
): Promise<EventFileScan> {
  const result: EventFileScan = { records: 0, bytes: 0 }
  let rest: Buffer | undefined
  let base = 0 // file offset of rest[0]
  let first = true

  /**
   * Parses the whole records in `buf`; keeps the incomplete tail in `rest` (a copy unless `owned`: `buf` was made
   * here, not handed in as a chunk). False when the file is corrupt.
   */
  const parse = (buf: Buffer, owned: boolean): boolean => {
    let pos = 0
    const n = buf.length
    // Records before `affirmed` passed both CRC checks in the WebAssembly kernel; from there on, each record is
    // checked here until the kernel affirms more, so every error below reads as it always did.
    let affirmed = 0
    while (pos + 12 <= n) {
      if (pos >= affirmed) affirmed = affirmedTfRecordsEnd(buf, pos, n, MAX_RECORD)
      const checked = pos < affirmed
      if (!checked && maskedCrc32c(buf, pos, pos + 8) !== buf.readUInt32LE(pos + 8)) {
        result.error = {
          offset: base + pos,
          message: `record at byte ${base + pos} fails the CRC-32C check of its length; the file is corrupt from there`
        }
        return false
      }
      const len = buf.readUInt32LE(pos + 4) * 4294967296 + buf.readUInt32LE(pos)
      if (len > MAX_RECORD) {
        result.error = {
          offset: base + pos,
          message: `record at byte ${base + pos} claims ${len} bytes, more than the ${MAX_RECORD}-byte limit; reading stopped there`
        }
        return false
      }
      const end = pos + 12 + len + 4
      if (end > n) break
      if (!checked && maskedCrc32c(buf, pos + 12, pos + 12 + len) !== buf.readUInt32LE(end - 4)) {
        result.error = {
          offset: base + pos,
          message: `record at byte ${base + pos} (${len} bytes) fails the CRC-32C check of its data; the file is corrupt from there`
        }
        return false
      }
      result.records++
      onRecord(buf, pos + 12, pos + 12 + len, base + pos)
      pos = end
    }
    base += pos
    rest = pos >= n ? undefined : owned ? buf.subarray(pos) : Buffer.from(buf.subarray(pos))
    return true
  }

  /** Bytes of the record that starts `head` (12 while its header is incomplete or wrong: parse reports that). */
  const recordBytes = (head: Buffer): number => {
    if (head.length < 12 || maskedCrc32c(head, 0, 8) !== head.readUInt32LE(8)) return 12
    const len = head.readUInt32LE(4) * 4294967296 + head.readUInt32LE(0)
    return len > MAX_RECORD ? 12 : 12 + len + 4
  }

  for await (const chunk of chunks) {
    result.bytes += chunk.length
    let buf: Buffer = chunk
    if (first) {
      buf = rest ? Buffer.concat([rest, chunk]) : chunk
      rest = undefined
      if (buf.length < LFS_POINTER.length) {
        rest = buf === chunk ? Buffer.from(buf) : buf
        continue
      }
      first = false
      if (buf.toString('latin1', 0, LFS_POINTER.length) === LFS_POINTER) {
        result.lfsPointer = true
        return result
      }
    }
    // A record split across chunks: copy only its own bytes from this chunk (never the whole chunk) to finish it.
    while (rest && buf.length) {
      const take = Math.max(0, Math.min(recordBytes(rest) - rest.length, buf.length))
      const joined = Buffer.concat([rest, buf.subarray(0, take)])
      buf = buf.subarray(take)
      rest = undefined
      if (!parse(joined, true)) return result
      if (take === 0) break
    }
    if (buf.length && !parse(buf, false)) return result
  }
  if (first && rest) {
    const buf = rest
    rest = undefined
    if (!parse(buf, true)) return result
  }
  if (rest) result.truncatedAt = base
  return result
}

/** Streams one event file into `series`; returns true when it was event data (whatever it held). */
export async function readEventFile(
  file: string,
  run: string,
  series: ScalarSeries,
  ctx: ReadContext
): Promise<boolean> {
  const chunks = await ctx.readChunks(file, { run }, STREAM_CHUNK)
  if (!chunks) return false
  const decoder = new EventDecoder(series)
  let scan: EventFileScan
  let badEvents = 0
  try {
    scan = await scanTfRecords(chunks, (buf, start, end, offset) => {
      try {
        decoder.decode(buf, start, end)
      } catch (e) {
        if (!(e instanceof ProtoError)) throw e
        if (badEvents++ < 5)
          ctx.error(
            file,
            `record at byte ${offset} is not a valid Event protobuf (${e.message}); it was skipped`,
            { run }
          )
      }
    })
  } catch (e) {
    ctx.error(file, `cannot be read: ${(e as Error).message}`, { run })
    return false
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
