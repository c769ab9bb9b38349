// The Event protobufs inside TensorBoard's TFRecords, decoded into scalar series by tag: TF1 `simple_value` and
// TF2 one-element float tensors of the scalars plugin; every other summary is skipped by its length. The common
// shapes of both are matched on their bytes first (no general decoder, no string per value).
import type { Metric } from '../core/run.js'
import {
  buildJoinedColumns,
  HistoryBuilder,
  metricFromColumns,
  stateBuffers,
  type HistoryBuilderState
} from './history.js'
import { ProtoReader, halfToNumber } from './protobuf.js'

/** How TensorBoard series are kept: sorted by step only (stable: a repeated step keeps the order written); the final
 * value is the last written point of the highest step. */
const SERIES_OPTIONS = { final: 'max-step', byTimestamp: false, repeats: 'keep' } as const

/** A ScalarSeries as plain data and typed arrays, to pass between threads (ScalarSeries.append). */
export interface ScalarSeriesState {
  tags: [string, HistoryBuilderState[]][]
  skipped: ScalarSeries['skipped']
}

/**
 * Scalar series of one or more event files, by tag, kept in typed columns (no object per point until the end). A
 * tag's points may sit in consecutive segments: the series another thread read from a later part of a file is
 * appended whole, and points added after it start a new segment.
 */
export class ScalarSeries {
  /** Each tag's segments, in the order the tags first came. */
  private readonly segments = new Map<string, HistoryBuilder[]>()
  /** The segment each tag's next point goes to (none after a series was appended, until its next point). */
  private readonly open = new Map<string, HistoryBuilder>()
  /** Counts of what was skipped, by kind. */
  readonly skipped = { nonScalar: 0, hparams: 0, placeholder: 0 }
  /** Adds one point of a tag (`wallTime` in seconds). */
  add(tag: string, step: number, wallTime: number, value: number): void {
    let c = this.open.get(tag)
    if (!c) {
      this.open.set(tag, (c = new HistoryBuilder(SERIES_OPTIONS)))
      const earlier = this.segments.get(tag)
      if (earlier) earlier.push(c)
      else this.segments.set(tag, [c])
    }
    c.add(step, value, Math.round(wallTime * 1000))
  }
  /** Number of points over all tags. */
  get points(): number {
    let n = 0
    for (const parts of this.segments.values()) for (const c of parts) n += c.length
    return n
  }
  /** This series for another thread, and the buffers to transfer with it (the series is spent afterwards). */
  state(): { state: ScalarSeriesState; transfer: ArrayBuffer[] } {
    const tags: ScalarSeriesState['tags'] = []
    const transfer: ArrayBuffer[] = []
    for (const [tag, parts] of this.segments) {
      const states = parts.map(c => c.state())
      for (const st of states) transfer.push(...stateBuffers(st))
      tags.push([tag, states])
    }
    return { state: { tags, skipped: { ...this.skipped } }, transfer }
  }
  /** Appends a series read from the part of a file after everything added so far (as if its points were added). */
  append(other: ScalarSeriesState): void {
    for (const [tag, states] of other.tags) {
      const parts = states.map(st => HistoryBuilder.revive(st))
      this.open.delete(tag)
      const earlier = this.segments.get(tag)
      if (earlier) earlier.push(...parts)
      else this.segments.set(tag, parts)
    }
    this.skipped.nonScalar += other.skipped.nonScalar
    this.skipped.hparams += other.skipped.hparams
    this.skipped.placeholder += other.skipped.placeholder
  }
  /** Each tag's metric: the final value from the full series, the history sorted by step and thinned. */
  metrics(): Map<string, Metric> {
    const out = new Map<string, Metric>()
    for (const [tag, parts] of this.segments) {
      const built = buildJoinedColumns(parts)
      if (built) out.set(tag, metricFromColumns(built))
    }
    return out
  }
}

const SCALARS = Buffer.from('scalars')
const HPARAMS = Buffer.from('hparams')

function sameBytes(buf: Buffer, start: number, end: number, name: Buffer): boolean {
  if (end - start !== name.length) return false
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false
  return true
}

/** SummaryMetadata of the scalars plugin: plugin_data (1) holding plugin_name "scalars" (1) and maybe content (2). */
const SCALARS_METADATA = Buffer.from([0x0a, 0x07, ...SCALARS])

/**
 * Where the body of the tensor field (8) starts when buf[at, end) is exactly an optional scalars-plugin metadata
 * field (9; any content under 128 bytes) then that tensor field running to `end`, each length under 128; else -1.
 */
function tensorAfterMetadata(buf: Buffer, at: number, end: number): number {
  if (buf[at] === 0x4a) {
    const inner = at + 4 // past 4a LEN 0a LEN
    const metadataEnd = at + 2 + buf[at + 1]
    if (buf[at + 1] >= 0x80 || buf[at + 2] !== 0x0a || buf[at + 3] !== buf[at + 1] - 2) return -1
    if (!sameBytes(buf, inner, inner + SCALARS_METADATA.length, SCALARS_METADATA)) return -1
    const content = inner + SCALARS_METADATA.length
    if (content !== metadataEnd) {
      if (buf[content] !== 0x12 || buf[content + 1] >= 0x80 || content + 2 + buf[content + 1] !== metadataEnd)
        return -1
    }
    at = metadataEnd
  }
  if (buf[at] !== 0x42 || buf[at + 1] >= 0x80 || at + 2 + buf[at + 1] !== end) return -1
  return at + 2
}

/** Distinct tags remembered by one decoder (a file with more, e.g. a tag per image, decodes them anew each time). */
const MAX_INTERNED_TAGS = 100_000

const DT_FLOAT = 1
const DT_DOUBLE = 2
const DT_BFLOAT16 = 14
const DT_HALF = 19

/** A tag's text and bytes, whether it names hparams data, and the tag read after it last time. */
interface InternedTag {
  bytes: Buffer
  tag: string
  hparams: boolean
  next?: InternedTag
}

/**
 * Decodes Event protobufs with reused readers: wall_time 1, step 2, summary 5 → Value (tag 1, simple_value 2,
 * tensor 8, metadata 9). An Event adds its scalars and skip counts to the series only once all of it decoded: a record
 * reported as skipped adds nothing.
 */
export class EventDecoder {
  private readonly event = new ProtoReader(Buffer.alloc(0))
  private readonly summary = new ProtoReader(Buffer.alloc(0))
  private readonly value = new ProtoReader(Buffer.alloc(0))
  private readonly inner = new ProtoReader(Buffer.alloc(0))
  private readonly tensor = new ProtoReader(Buffer.alloc(0))
  private readonly plugin = new ProtoReader(Buffer.alloc(0))

  /** Tags seen so far, by a hash of their bytes: decoding the same tag again allocates nothing. */
  private readonly tags = new Map<number, InternedTag>()
  /** The tag read last: writers log the same tags in the same order, so its successor is tried first. */
  private lastTag: InternedTag | undefined

  /** The scalars of the Event being decoded (tags and values; `pending` of them), and what it skipped. */
  private readonly pendingTags: string[] = []
  private readonly pendingValues: number[] = []
  private pending = 0
  private readonly pendingSkips = { nonScalar: 0, hparams: 0, placeholder: 0 }

  constructor(private readonly series: ScalarSeries) {}

  /** The tag at buf[start, end): the one that followed the last tag before, or from the cache by its bytes. */
  private internTag(buf: Buffer, start: number, end: number): InternedTag {
    const guess = this.lastTag?.next
    if (guess && sameBytes(buf, start, end, guess.bytes)) return (this.lastTag = guess)
    let h = 0x811c9dc5 ^ (end - start)
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193)
    const hit = this.tags.get(h)
    let found: InternedTag
    let kept = true
    if (hit && sameBytes(buf, start, end, hit.bytes)) found = hit
    else {
      const tag = buf.toString('utf8', start, end)
      found = { bytes: Buffer.from(buf.subarray(start, end)), tag, hparams: tag.startsWith('_hparams_/') }
      kept = !hit && this.tags.size < MAX_INTERNED_TAGS
      if (kept) this.tags.set(h, found)
    }
    // Only a kept tag is linked: a chain of tags that are not kept would hold every one of them.
    if (this.lastTag && kept) this.lastTag.next = found
    return (this.lastTag = found)
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

  /** Decodes one Event into the series. */
  decode(buf: Buffer, start: number, end: number): void {
    if (!this.commonEvent(buf, start, end)) this.anyEvent(buf, start, end)
  }

  /**
   * The common Event, taken from its bytes: wall_time (1), a step (2) under 2^28, then the summary (5) running to the
   * end, in that order. False, having read nothing, for any other shape (anyEvent reads it then, to the same result).
   */
  private commonEvent(buf: Buffer, start: number, end: number): boolean {
    if (buf[start] !== 0x09 || buf[start + 9] !== 0x10) return false
    let at = start + 10
    let step = 0
    for (let shift = 0; ; shift += 7) {
      if (shift === 28 || at >= end) return false
      const b = buf[at++]
      step += (b & 0x7f) << shift
      if (b < 0x80) break
    }
    if (buf[at++] !== 0x2a) return false
    let length = 0
    for (let shift = 0; ; shift += 7) {
      if (shift === 28 || at >= end) return false
      const b = buf[at++]
      length += (b & 0x7f) << shift
      if (b < 0x80) break
    }
    if (at + length !== end) return false
    this.summaryValues(buf, at, end, step, this.dataView(buf).getFloat64(start + 1, true))
    return true
  }

  /** An Event of any shape: wall_time 1, step 2, summary 5; other fields skipped. */
  private anyEvent(buf: Buffer, start: number, end: number): void {
    const e = this.event.reset(buf, start, end)
    let wallTime = 0
    let step = 0
    let summaryStart = -1
    let summaryEnd = -1
    while (e.next()) {
      if (e.field === 1 && e.wire === 1) wallTime = e.double()
      else if (e.field === 2 && e.wire === 0) step = e.int64()
      else if (e.field === 5 && e.wire === 2) {
        summaryEnd = e.bytes()
        summaryStart = e.start
      } else e.skip()
    }
    if (summaryStart >= 0) this.summaryValues(buf, summaryStart, summaryEnd, step, wallTime)
  }

  /** The Values (field 1) of the Summary in buf[start, end), added once the whole Summary decoded. */
  private summaryValues(buf: Buffer, start: number, end: number, step: number, wallTime: number): void {
    this.pending = 0
    const skips = this.pendingSkips
    skips.nonScalar = skips.hparams = skips.placeholder = 0
    const s = this.summary.reset(buf, start, end)
    while (s.next()) {
      if (s.field === 1 && s.wire === 2) {
        const vEnd = s.bytes()
        if (!this.fastValue(buf, s.start, vEnd)) this.decodeValue(buf, s.start, vEnd)
      } else s.skip()
    }
    const { series } = this
    for (let i = 0; i < this.pending; i++)
      series.add(this.pendingTags[i], step, wallTime, this.pendingValues[i])
    series.skipped.nonScalar += skips.nonScalar
    series.skipped.hparams += skips.hparams
    series.skipped.placeholder += skips.placeholder
  }

  /**
   * The common Values, taken without the general decoder: a tag (field 1, under 128 bytes) then either TF1's
   * simple_value (field 2) and nothing else, or TF2's scalar: the scalars plugin's metadata (field 9, optional) and a
   * DT_FLOAT or DT_DOUBLE tensor (field 8) of an empty shape holding one value in tensor_content or a packed
   * float_val/double_val. False, having read nothing, when the Value has any other shape (decodeValue reads it then,
   * to the same result for these shapes).
   */
  private fastValue(buf: Buffer, start: number, end: number): boolean {
    if (buf[start] !== 0x0a || buf[start + 1] >= 0x80) return false
    const tagEnd = start + 2 + buf[start + 1]
    let value: number
    if (tagEnd + 5 === end && buf[tagEnd] === 0x15) value = this.dataView(buf).getFloat32(tagEnd + 1, true)
    else {
      const tensor = tensorAfterMetadata(buf, tagEnd, end)
      if (tensor < 0) return false
      const scalar = this.tensorScalar(buf, tensor, end)
      if (scalar === undefined) return false
      value = scalar
    }
    const tag = this.internTag(buf, start + 2, tagEnd)
    if (tag.hparams) this.pendingSkips.hparams++
    else this.addScalar(tag.tag, value)
    return true
  }

  /**
   * The value of the tensor whose body is buf[at, end): `08 dtype 12 00` (DT_FLOAT or DT_DOUBLE, empty shape) then
   * one field holding 4 or 8 bytes to the end: tensor_content (4), float_val (5) or double_val (6), packed.
   */
  private tensorScalar(buf: Buffer, at: number, end: number): number | undefined {
    if (buf[at] !== 0x08 || buf[at + 2] !== 0x12 || buf[at + 3] !== 0x00) return undefined
    const dtype = buf[at + 1]
    const field = buf[at + 4]
    const size = buf[at + 5]
    if (at + 6 + size !== end) return undefined
    if (dtype === DT_FLOAT && size === 4 && (field === 0x22 || field === 0x2a))
      return this.dataView(buf).getFloat32(at + 6, true)
    if (dtype === DT_DOUBLE && size === 8 && (field === 0x22 || field === 0x32))
      return this.dataView(buf).getFloat64(at + 6, true)
    return undefined
  }

  /** Keeps a scalar of the Event being decoded, except Lightning's placeholder. */
  private addScalar(tag: string, value: number): void {
    // PyTorch Lightning logs hp_metric = -1 as a placeholder when it records hyperparameters.
    if (tag === 'hp_metric' && value === -1) this.pendingSkips.placeholder++
    else {
      this.pendingTags[this.pending] = tag
      this.pendingValues[this.pending++] = value
    }
  }

  /** Any Value: a scalar from simple_value or a one-element float tensor of the scalars plugin; others counted. */
  private decodeValue(buf: Buffer, start: number, end: number): void {
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
        tag = this.internTag(buf, v.start, tEnd).tag
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
      this.pendingSkips.hparams++
      return
    }
    let value: number | undefined
    if (simple !== undefined) value = simple
    else if (tensorStart >= 0 && (plugin === 'scalars' || plugin === ''))
      value = this.scalarTensor(buf, tensorStart, tensorEnd)
    if (value === undefined || other) {
      this.pendingSkips.nonScalar++
      return
    }
    this.addScalar(tag, value)
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
