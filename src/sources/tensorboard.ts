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
import { HistoryBuilder, metricFromColumns } from './history.js'
import { ProtoError, ProtoReader, halfToNumber } from './protobuf.js'
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

/** Scalar series of one or more event files, by tag, kept in typed columns (no object per point until the end). */
export class ScalarSeries {
  private readonly columns = new Map<string, HistoryBuilder>()
  /** Counts of what was skipped, by kind. */
  readonly skipped = { nonScalar: 0, hparams: 0, placeholder: 0 }
  events = 0
  /** Adds one point of a tag (`wallTime` in seconds). */
  add(tag: string, step: number, wallTime: number, value: number): void {
    let c = this.columns.get(tag)
    // Sorted by step only (stable: a repeated step keeps the order written); the final value is the last
    // written point of the highest step.
    if (!c)
      this.columns.set(
        tag,
        (c = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' }))
      )
    c.add(step, value, Math.round(wallTime * 1000))
  }
  /** Number of points over all tags. */
  get points(): number {
    let n = 0
    for (const c of this.columns.values()) n += c.length
    return n
  }
  /** Each tag's metric: the final value from the full series, the history sorted by step and thinned. */
  metrics(): Map<string, Metric> {
    const out = new Map<string, Metric>()
    for (const [tag, c] of this.columns) {
      const built = c.buildColumns()
      if (built) out.set(tag, metricFromColumns(built))
    }
    return out
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

const SCALARS = Buffer.from('scalars')
const HPARAMS = Buffer.from('hparams')

function sameBytes(buf: Buffer, start: number, end: number, name: Buffer): boolean {
  if (end - start !== name.length) return false
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false
  return true
}

const DT_FLOAT = 1
const DT_DOUBLE = 2
const DT_BFLOAT16 = 14
const DT_HALF = 19

/** Decodes Event protobufs with reused readers: wall_time 1, step 2, summary 5 → Value (tag 1, simple_value 2, tensor 8, metadata 9). */
class EventDecoder {
  private readonly event = new ProtoReader(Buffer.alloc(0))
  private readonly summary = new ProtoReader(Buffer.alloc(0))
  private readonly value = new ProtoReader(Buffer.alloc(0))
  private readonly inner = new ProtoReader(Buffer.alloc(0))
  private readonly tensor = new ProtoReader(Buffer.alloc(0))
  private readonly plugin = new ProtoReader(Buffer.alloc(0))

  /** Tags seen so far, by a hash of their bytes: decoding the same tag again allocates nothing. */
  private readonly tags = new Map<number, { bytes: Buffer; tag: string }>()

  constructor(private readonly series: ScalarSeries) {}

  /** The text of the tag at buf[start, end), from the cache when its bytes were seen before. */
  private internTag(buf: Buffer, start: number, end: number): string {
    let h = 0x811c9dc5 ^ (end - start)
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193)
    const hit = this.tags.get(h)
    if (hit && hit.bytes.length === end - start) {
      let same = true
      for (let i = 0, j = start; j < end; i++, j++) {
        if (hit.bytes[i] !== buf[j]) {
          same = false
          break
        }
      }
      if (same) return hit.tag
    }
    const tag = buf.toString('utf8', start, end)
    if (!hit && this.tags.size < 100_000)
      this.tags.set(h, { bytes: Buffer.from(buf.subarray(start, end)), tag })
    return tag
  }

  /** A DataView of the last buffer decoded (the reader's chunks come in one reused buffer). */
  private viewOf: Buffer | undefined
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8))

  /** The DataView over `buf`, offsets as in `buf`: floats read through it, not through Buffer's checked readers. */
  private dataView(buf: Buffer): DataView {
    if (buf !== this.viewOf) {
      this.viewOf = buf
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
    }
    return this.view
  }

  decode(buf: Buffer, start: number, end: number): void {
    const e = this.event.reset(buf, start, end)
    let wallTime = 0
    let step = 0
    let summaryStart = -1
    let summaryEnd = -1
    while (e.next()) {
      if (e.field === 1 && e.wire === 1) {
        if (e.pos + 8 > e.end) throw new ProtoError('truncated 64-bit value', e.pos)
        wallTime = this.dataView(buf).getFloat64(e.pos, true)
        e.pos += 8
      } else if (e.field === 2 && e.wire === 0) step = e.int64()
      else if (e.field === 5 && e.wire === 2) {
        summaryEnd = e.bytes()
        summaryStart = e.start
      } else e.skip()
    }
    this.series.events++
    if (summaryStart < 0) return
    const s = this.summary.reset(buf, summaryStart, summaryEnd)
    while (s.next()) {
      if (s.field === 1 && s.wire === 2) {
        const vEnd = s.bytes()
        if (!this.simpleValue(buf, s.start, vEnd, step, wallTime))
          this.decodeValue(buf, s.start, vEnd, step, wallTime)
      } else s.skip()
    }
  }

  /**
   * The common Value, TF1's scalar: exactly a tag (field 1, under 128 bytes) then a simple_value (field 2), taken
   * without the general decoder. False, having read nothing, when the Value has any other shape.
   */
  private simpleValue(buf: Buffer, start: number, end: number, step: number, wallTime: number): boolean {
    if (buf[start] !== 0x0a) return false
    const tagEnd = start + 2 + buf[start + 1] // a length byte ≥ 0x80 (a longer varint) fails the check below
    if (tagEnd + 5 !== end || buf[tagEnd] !== 0x15) return false
    const tag = this.internTag(buf, start + 2, tagEnd)
    if (tag.startsWith('_hparams_/')) this.series.skipped.hparams++
    else this.addScalar(tag, step, wallTime, this.dataView(buf).getFloat32(tagEnd + 1, true))
    return true
  }

  /** Adds a scalar, except Lightning's placeholder. */
  private addScalar(tag: string, step: number, wallTime: number, value: number): void {
    // PyTorch Lightning logs hp_metric = -1 as a placeholder when it records hyperparameters.
    if (tag === 'hp_metric' && value === -1) this.series.skipped.placeholder++
    else this.series.add(tag, step, wallTime, value)
  }

  private decodeValue(buf: Buffer, start: number, end: number, step: number, wallTime: number): void {
    const v = this.value.reset(buf, start, end)
    let tag: string | undefined
    let simple: number | undefined
    let tensorStart = -1
    let tensorEnd = -1
    let plugin = ''
    let other = false
    while (v.next()) {
      const f = v.field
      if (f === 1 && v.wire === 2) {
        const tEnd = v.bytes()
        tag = this.internTag(buf, v.start, tEnd)
      } else if (f === 2 && v.wire === 5) simple = v.float()
      else if (f === 8 && v.wire === 2) {
        tensorEnd = v.bytes()
        tensorStart = v.start
      } else if (f === 9 && v.wire === 2) {
        const mEnd = v.bytes()
        plugin = this.pluginName(buf, v.start, mEnd)
      } else {
        if (f >= 3 && f <= 6) other = true
        v.skip()
      }
    }
    if (tag === undefined) return
    if (plugin === 'hparams' || tag.startsWith('_hparams_/')) {
      this.series.skipped.hparams++
      return
    }
    let value: number | undefined
    if (simple !== undefined) value = simple
    else if (tensorStart >= 0 && (plugin === 'scalars' || plugin === ''))
      value = this.scalarTensor(buf, tensorStart, tensorEnd)
    if (value === undefined || other) {
      this.series.skipped.nonScalar++
      return
    }
    this.addScalar(tag, step, wallTime, value)
  }

  /** SummaryMetadata.plugin_data (1) → plugin_name (1). */
  private pluginName(buf: Buffer, start: number, end: number): string {
    const m = this.inner.reset(buf, start, end)
    while (m.next()) {
      if (m.field === 1 && m.wire === 2) {
        const pEnd = m.bytes()
        const p = this.plugin.reset(buf, m.start, pEnd)
        while (p.next()) {
          if (p.field === 1 && p.wire === 2) {
            // The two names that matter, matched on their bytes: no string per value.
            const nEnd = p.bytes()
            if (sameBytes(buf, p.start, nEnd, SCALARS)) return 'scalars'
            if (sameBytes(buf, p.start, nEnd, HPARAMS)) return 'hparams'
            return buf.toString('utf8', p.start, nEnd)
          }
          p.skip()
        }
        return ''
      }
      m.skip()
    }
    return ''
  }

  /** The value of a one-element float tensor (DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16); undefined otherwise. */
  private scalarTensor(buf: Buffer, start: number, end: number): number | undefined {
    const t = this.tensor.reset(buf, start, end)
    let dtype = 0
    let elements = 1
    let contentStart = -1
    let contentEnd = -1
    // Only one value matters: count them, keep the first (no array per tensor).
    let count = 0
    let first = 0
    while (t.next()) {
      const f = t.field
      if (f === 1 && t.wire === 0) dtype = t.uint32()
      else if (f === 2 && t.wire === 2) elements = this.shapeElements(t)
      else if (f === 4 && t.wire === 2) {
        contentEnd = t.bytes()
        contentStart = t.start
      } else if (f === 5 || f === 6 || f === 13) {
        // float_val, double_val, half_val: packed (wire 2) or one value per field.
        if (t.wire === 2) {
          const pEnd = t.bytes()
          const p = t.start
          const size = f === 5 ? 4 : 8
          if (f !== 13) {
            const n = Math.floor((pEnd - p) / size)
            if (count === 0 && n > 0) first = f === 5 ? buf.readFloatLE(p) : buf.readDoubleLE(p)
            count += n
          } else {
            const h = new ProtoReader(buf, p, pEnd)
            while (h.pos < h.end) {
              const v = this.halfBits(dtype, h.uint32())
              if (count++ === 0) first = v
            }
          }
        } else if (f === 5 && t.wire === 5) {
          const v = t.float()
          if (count++ === 0) first = v
        } else if (f === 6 && t.wire === 1) {
          const v = t.double()
          if (count++ === 0) first = v
        } else if (f === 13 && t.wire === 0) {
          const v = this.halfBits(dtype, t.uint32())
          if (count++ === 0) first = v
        } else t.skip()
      } else t.skip()
    }
    if (elements !== 1) return undefined
    if (contentStart >= 0) {
      const s = contentStart
      const size = contentEnd - s
      if (dtype === DT_FLOAT && size === 4) return buf.readFloatLE(s)
      if (dtype === DT_DOUBLE && size === 8) return buf.readDoubleLE(s)
      if ((dtype === DT_HALF || dtype === DT_BFLOAT16) && size === 2)
        return this.halfBits(dtype, buf.readUInt16LE(s))
      return undefined
    }
    if (dtype !== DT_FLOAT && dtype !== DT_DOUBLE && dtype !== DT_HALF && dtype !== DT_BFLOAT16)
      return undefined
    return count === 1 ? first : undefined
  }

  private halfBits(dtype: number, bits: number): number {
    if (dtype === DT_BFLOAT16) {
      const b = Buffer.alloc(4)
      b.writeUInt32LE(((bits & 0xffff) << 16) >>> 0)
      return b.readFloatLE(0)
    }
    return halfToNumber(bits & 0xffff)
  }

  /** TensorShapeProto: the product of dim (2) sizes (1); a scalar has no dims. */
  private shapeElements(t: ProtoReader): number {
    const sEnd = t.bytes()
    const s = new ProtoReader(t.buf, t.start, sEnd)
    let elements = 1
    while (s.next()) {
      if (s.field === 2 && s.wire === 2) {
        const dEnd = s.bytes()
        const d = new ProtoReader(s.buf, s.start, dEnd)
        let size = 0
        while (d.next()) {
          if (d.field === 1 && d.wire === 0) size = d.int64()
          else d.skip()
        }
        elements *= size
      } else if (s.field === 3 && s.wire === 0) {
        if (s.bool()) elements = -1
      } else s.skip()
    }
    return elements
  }
}
