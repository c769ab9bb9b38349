// TFRecord framing, as TensorBoard event files use it: each record is its length (8 bytes), the masked CRC-32C of
// the length (4), the data, and the masked CRC-32C of the data (4). Scanned over chunks of one reused buffer, both
// checksums checked; a large file may be scanned in two parts at once, split at a record found by its checksums.
import { affirmedTfRecordsEnd, maskedCrc32c } from './crc.js'

/** What a Git LFS pointer file starts with. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/'
/** The largest single record accepted (a bigger one means a corrupt length or a file that is not event data). */
const MAX_RECORD = 256 * 1024 * 1024

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
  /** The scan stopped at the record that starts at this byte, as asked (ScanOptions.stopAt). */
  stoppedAt?: number
}

/** Where a scan starts and where it may stop. */
export interface ScanOptions {
  /** The file offset of the first chunk's first byte: a record start (default 0, the start of the file). */
  offset?: number
  /**
   * Stop before the record that starts at this file offset (another thread reads from there). A scan whose records
   * pass over it without one starting there goes on to the end: the offset was not a record start after all.
   */
  stopAt?: number
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
  onRecord: (buf: Buffer, start: number, end: number, offset: number) => void,
  options: ScanOptions = {}
): Promise<EventFileScan> {
  const result: EventFileScan = { records: 0, bytes: 0 }
  let rest: Buffer | undefined
  let base = options.offset ?? 0 // file offset of rest[0]
  let stopAt = options.stopAt
  // A Git LFS pointer is recognised at the start of a file only.
  let first = base === 0

  /**
   * Parses the whole records in `buf`; keeps the incomplete tail in `rest` (a copy unless `owned`: `buf` was made
   * here, not handed in as a chunk). False when the file is corrupt or the scan stopped where it was asked to.
   */
  const parse = (buf: Buffer, owned: boolean): boolean => {
    let pos = 0
    const n = buf.length
    // Records before `affirmed` passed both CRC checks in the WebAssembly kernel; from there on, each record is
    // checked here until the kernel affirms more, so every error below reads as it always did.
    let affirmed = 0
    while (pos + 12 <= n) {
      if (stopAt !== undefined && base + pos >= stopAt) {
        if (base + pos === stopAt) {
          result.stoppedAt = stopAt
          return false
        }
        stopAt = undefined
      }
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

/**
 * The offset in buf[from, end) of the first byte where a record starts beyond doubt: its length and data pass both
 * CRC-32C checks and so does the length of the record after it; -1 when there is none whose two headers and data
 * lie within the bytes given. A match inside a record's data by chance would take three checksums matching.
 */
export function findRecordStart(buf: Buffer, from: number, end: number): number {
  const headerOk = (at: number) =>
    at + 12 <= end &&
    maskedCrc32c(buf, at, at + 8) === buf.readUInt32LE(at + 8) &&
    buf.readUInt32LE(at + 4) === 0
  for (let at = from; at + 12 <= end; at++) {
    if (!headerOk(at)) continue
    const len = buf.readUInt32LE(at)
    const next = at + 12 + len + 4
    if (len > MAX_RECORD || next + 12 > end) continue
    if (maskedCrc32c(buf, at + 12, at + 12 + len) === buf.readUInt32LE(next - 4) && headerOk(next)) return at
  }
  return -1
}
