// The framing of a W&B run log (`run-<id>.wandb`, LevelDB's log format): a 7-byte header (":W&B", magic 0xBEE1,
// version 0), then 32 KiB blocks of records, each with a 7-byte header (CRC-32 of type and data, little-endian
// uint16 length, type FULL/FIRST/MIDDLE/LAST). Streamed block by block; every CRC is checked.
import { crc32 } from './crc.js'

const BLOCK = 32768
const HEADER = 7
const FULL = 1
const FIRST = 2
const MIDDLE = 3
const LAST = 4

/** How a scan of a run log ended. */
export interface RunLogScan {
  /** Whole records passed to the callback. */
  records: number
  /** True when the log ends inside a record (the normal end of a killed or still-running process). */
  truncated: boolean
  /** Set when the file is not a W&B log or is corrupt: what, and at which byte. Records before it were passed on. */
  error?: { offset: number; message: string }
}

/**
 * Scans a W&B run log from a stream of chunks, calling `onRecord` with each whole record (a view valid only
 * during the call) and its byte offset. Checks every CRC; stops at the first corrupt byte.
 */
export async function scanRunLog(
  chunks: AsyncIterable<Buffer>,
  onRecord: (data: Buffer, offset: number) => void
): Promise<RunLogScan> {
  const framer = new RunLogFramer(onRecord)
  let pending: Buffer = Buffer.alloc(0)
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    let offset = 0
    while (pending.length - offset >= BLOCK) {
      if (!framer.block(pending.subarray(offset, offset + BLOCK), false)) return framer.result
      offset += BLOCK
      framer.blockStart += BLOCK
    }
    pending = pending.subarray(offset)
  }
  framer.end(pending)
  return framer.result
}

/** What reading one record header did: the position after it, or why the block ends there. */
type RecordStep = number | 'stop' | 'zero-fill'

/** The state of one scan: where the current block starts and the parts of a record split over blocks. */
class RunLogFramer {
  readonly result: RunLogScan = { records: 0, truncated: false }
  /** The byte offset of the block being parsed. */
  blockStart = 0
  private fragments: Buffer[] | undefined
  private fragmentsOffset = 0

  constructor(private readonly onRecord: (data: Buffer, offset: number) => void) {}

  /** Parses one block (full, or the last partial one when `final`). Returns false to stop scanning. */
  block(buf: Buffer, final: boolean): boolean {
    let pos = 0
    if (this.blockStart === 0) {
      if (!this.header(buf)) return false
      pos = HEADER
    }
    while (pos + HEADER <= buf.length) {
      const next = this.record(buf, pos, final)
      if (next === 'stop') return false
      if (next === 'zero-fill') return !final
      pos = next
    }
    // Fewer than 7 bytes left: a trailer of zeros, or a record header cut short.
    if (final && (buf.subarray(pos).some(b => b !== 0) || this.fragments)) this.result.truncated = true
    return true
  }

  /** Called after the last whole block with what is left of the stream. */
  end(rest: Buffer): void {
    if (rest.length || this.blockStart === 0) this.block(rest, true)
    else if (this.fragments) this.result.truncated = true
  }

  /** Checks the file header; false (with the result's error or truncation set) when it is not a W&B log. */
  private header(buf: Buffer): boolean {
    if (buf.length < HEADER) {
      if (buf.length === 0)
        this.result.error = { offset: 0, message: 'is empty; a W&B run log starts with a 7-byte header' }
      else this.result.truncated = true
      return false
    }
    if (buf.toString('latin1', 0, 4) !== ':W&B' || buf.readUInt16LE(4) !== 0xbee1 || buf[6] !== 0) {
      this.fail(
        0,
        `is not a W&B run log: it starts with ${JSON.stringify(buf.toString('latin1', 0, 7))}, expected ":W&B" and the magic 0xBEE1, version 0`
      )
      return false
    }
    return true
  }

  /** Reads the record whose header is at `pos`: checks it, passes whole records on, keeps split parts. */
  private record(buf: Buffer, pos: number, final: boolean): RecordStep {
    const at = this.blockStart + pos
    const crc = buf.readUInt32LE(pos)
    const len = buf.readUInt16LE(pos + 4)
    const type = buf[pos + 6]
    if (type === 0 && len === 0 && crc === 0) {
      // Zero fill: preallocated space or the end of what was written.
      if (final) this.result.truncated = buf.subarray(pos).some(b => b !== 0) || this.fragments !== undefined
      return 'zero-fill'
    }
    const end = pos + HEADER + len
    if (end > buf.length) {
      if (!final)
        return this.fail(
          at,
          `record of ${len} bytes at byte ${at} runs past the end of its 32 KiB block; the log is corrupt from there`
        )
      this.result.truncated = true
      return 'stop'
    }
    if (type < FULL || type > LAST)
      return this.fail(
        at,
        `record at byte ${at} has type ${type}; expected 1 to 4 (FULL, FIRST, MIDDLE, LAST). The log is corrupt from there`
      )
    const computed = crc32(buf, pos + 6, end)
    if (computed !== crc)
      return this.fail(
        at,
        `record at byte ${at} fails its CRC-32 check (stored 0x${crc.toString(16)}, computed 0x${computed.toString(16)}); the log is corrupt from there`
      )
    return this.assemble(buf.subarray(pos + HEADER, end), type, at) ? end : 'stop'
  }

  /** Passes a FULL record on, or collects FIRST/MIDDLE/LAST parts until the record is whole. */
  private assemble(data: Buffer, type: number, at: number): boolean {
    if (type === FULL || type === FIRST) {
      if (this.fragments) {
        this.fail(
          at,
          `record at byte ${at} starts a new record while the one begun at byte ${this.fragmentsOffset} has no LAST part`
        )
        return false
      }
      if (type === FULL) {
        this.result.records++
        this.onRecord(data, at)
      } else {
        this.fragments = [Buffer.from(data)]
        this.fragmentsOffset = at
      }
      return true
    }
    if (!this.fragments) {
      this.fail(
        at,
        `record at byte ${at} is a ${type === MIDDLE ? 'MIDDLE' : 'LAST'} part with no FIRST part before it`
      )
      return false
    }
    this.fragments.push(Buffer.from(data))
    if (type === LAST) {
      const whole = Buffer.concat(this.fragments)
      this.fragments = undefined
      this.result.records++
      this.onRecord(whole, this.fragmentsOffset)
    }
    return true
  }

  /** Records why the scan stops at byte `offset`. */
  private fail(offset: number, message: string): 'stop' {
    this.result.error = { offset, message }
    return 'stop'
  }
}
