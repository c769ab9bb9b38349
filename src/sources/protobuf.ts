// A small reader of the protocol buffers wire format (varint, 64-bit, length-delimited, 32-bit) over Buffer
// offsets: no code generation, no copies. The W&B and TensorBoard readers decode the few fields they need and
// skip the rest. Malformed input throws ProtoError, which the readers turn into a diagnostic.

/** Wire types of the protobuf encoding. */
export const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const

/** Thrown when bytes are not a well-formed protobuf message; `offset` is relative to the buffer start. */
export class ProtoError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
    this.name = 'ProtoError'
  }
}

const TWO_32 = 4294967296

/**
 * A cursor over one message in `buf[start, end)`. Call `next()` to move to each field, then read its value
 * with the method that fits its wire type (or `skip()`). One reader can be reused with `reset()`.
 */
export class ProtoReader {
  buf: Buffer
  pos: number
  end: number
  /** Field number of the current field. */
  field = 0
  /** Wire type of the current field. */
  wire = 0
  /** Start of the last length-delimited value read by `bytes()`. */
  start = 0
  /** Low and high 32 bits of the last varint read. */
  private lo = 0
  private hi = 0

  constructor(buf: Buffer, start = 0, end = buf.length) {
    this.buf = buf
    this.pos = start
    this.end = end
  }

  /** Points the reader at another message without allocating. */
  reset(buf: Buffer, start: number, end: number): this {
    this.buf = buf
    this.pos = start
    this.end = end
    this.field = 0
    this.wire = 0
    return this
  }

  /** Moves to the next field; false at the end of the message. */
  next(): boolean {
    if (this.pos >= this.end) return false
    const tag = this.uint32()
    this.field = tag >>> 3
    this.wire = tag & 7
    if (this.field === 0) throw new ProtoError('field number 0 is not valid', this.pos)
    return true
  }

  /** Reads a varint into lo/hi (up to 64 bits). */
  private readVarint(): void {
    const buf = this.buf
    let pos = this.pos
    const end = this.end
    let lo = 0
    let hi = 0
    let b: number
    let shift = 0
    // Low 28 bits from the first 4 bytes.
    for (; shift < 28; shift += 7) {
      if (pos >= end) throw new ProtoError('truncated varint', pos)
      b = buf[pos++]
      lo |= (b & 0x7f) << shift
      if (b < 0x80) {
        this.pos = pos
        this.lo = lo >>> 0
        this.hi = 0
        return
      }
    }
    // The 5th byte: 4 bits to lo, 3 bits to hi.
    if (pos >= end) throw new ProtoError('truncated varint', pos)
    b = buf[pos++]
    lo |= (b & 0x0f) << 28
    hi = (b & 0x7f) >> 4
    if (b >= 0x80) {
      // The 6th to the 10th byte fill hi from bit 3 to bit 31; an 11th byte is an error.
      for (shift = 3; ; shift += 7) {
        if (shift > 31) throw new ProtoError('varint longer than 10 bytes', pos)
        if (pos >= end) throw new ProtoError('truncated varint', pos)
        b = buf[pos++]
        if (shift < 32) hi |= (b & 0x7f) << shift
        if (b < 0x80) break
      }
    }
    this.pos = pos
    this.lo = lo >>> 0
    this.hi = hi >>> 0
  }

  /** A varint as an unsigned 32-bit number (higher bits dropped). */
  uint32(): number {
    const buf = this.buf
    if (this.pos < this.end && buf[this.pos] < 0x80) return buf[this.pos++]
    this.readVarint()
    return this.lo
  }

  /** A varint as a signed 64-bit integer (int32/int64 fields); exact up to 2^53. */
  int64(): number {
    this.readVarint()
    if (this.hi & 0x80000000) return -((~this.hi >>> 0) * TWO_32 + ((~this.lo >>> 0) + 1))
    return this.hi * TWO_32 + this.lo
  }

  /** A varint as an unsigned 64-bit integer; exact up to 2^53. */
  uint64(): number {
    this.readVarint()
    return this.hi * TWO_32 + this.lo
  }

  /** A varint as a boolean. */
  bool(): boolean {
    return this.uint32() !== 0
  }

  /** A 64-bit little-endian double (wire type 1). */
  double(): number {
    if (this.pos + 8 > this.end) throw new ProtoError('truncated 64-bit value', this.pos)
    const v = this.buf.readDoubleLE(this.pos)
    this.pos += 8
    return v
  }

  /** A 32-bit little-endian float (wire type 5). */
  float(): number {
    if (this.pos + 4 > this.end) throw new ProtoError('truncated 32-bit value', this.pos)
    const v = this.buf.readFloatLE(this.pos)
    this.pos += 4
    return v
  }

  /** A length-delimited value: returns its end offset; its start is in `this.start`. Moves past it. */
  bytes(): number {
    const len = this.uint32()
    const start = this.pos
    const end = start + len
    if (end > this.end)
      throw new ProtoError(`length-delimited field of ${len} bytes runs past the end of the message`, start)
    this.start = start
    this.pos = end
    return end
  }

  /** A length-delimited value decoded as UTF-8 text. */
  string(): string {
    const end = this.bytes()
    return this.buf.toString('utf8', this.start, end)
  }

  /** Skips the current field's value, whatever its wire type. */
  skip(): void {
    switch (this.wire) {
      case WIRE.varint:
        this.readVarint()
        return
      case WIRE.fixed64:
        this.pos += 8
        break
      case WIRE.bytes:
        this.bytes()
        return
      case WIRE.fixed32:
        this.pos += 4
        break
      case WIRE.startGroup: {
        const field = this.field
        while (this.next()) {
          if ((this.wire as number) === WIRE.endGroup) {
            if (this.field !== field) throw new ProtoError('mismatched end of group', this.pos)
            return
          }
          this.skip()
        }
        throw new ProtoError('unterminated group', this.pos)
      }
      default:
        throw new ProtoError(`unknown wire type ${this.wire}`, this.pos)
    }
    if (this.pos > this.end) throw new ProtoError('truncated fixed-size value', this.end)
  }
}

/** Converts an IEEE 754 half-precision value (its 16 bits) to a number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0) return sign * frac * 2 ** -24
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * (1 + frac / 1024) * 2 ** (exp - 15)
}
