// A small reader of the protocol buffers wire format (varint, 64-bit, length-delimited, 32-bit) over Buffer
// offsets: no code generation, no copies. The W&B and TensorBoard readers decode the few fields they need and
// skip the rest. Malformed input throws ProtoError, which the readers turn into a diagnostic.
/** Wire types of the protobuf encoding. */
const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };
/** Thrown when bytes are not a well-formed protobuf message; `offset` is relative to the buffer start. */
class ProtoError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'ProtoError';
    }
}
const TWO_32 = 4294967296;
/**
 * A cursor over one message in `buf[start, end)`. Call `next()` to move to each field, then read its value
 * with the method that fits its wire type (or `skip()`). One reader can be reused with `reset()`.
 */
class ProtoReader {
    buf;
    pos;
    end;
    /** Field number of the current field. */
    field = 0;
    /** Wire type of the current field. */
    wire = 0;
    /** Start of the last length-delimited value read by `bytes()`. */
    start = 0;
    /** Low and high 32 bits of the last varint read. */
    lo = 0;
    hi = 0;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    /** Points the reader at another message without allocating. */
    reset(buf, start, end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.field = 0;
        this.wire = 0;
        return this;
    }
    /** Moves to the next field; false at the end of the message. */
    next() {
        if (this.pos >= this.end)
            return false;
        const tag = this.uint32();
        this.field = tag >>> 3;
        this.wire = tag & 7;
        if (this.field === 0)
            throw new ProtoError('field number 0 is not valid', this.pos);
        return true;
    }
    /** Reads a varint into lo/hi (up to 64 bits). */
    readVarint() {
        const buf = this.buf;
        let pos = this.pos;
        const end = this.end;
        let lo = 0;
        let hi = 0;
        let b;
        let shift = 0;
        // Low 28 bits from the first 4 bytes.
        for (; shift < 28; shift += 7) {
            if (pos >= end)
                throw new ProtoError('truncated varint', pos);
            b = buf[pos++];
            lo |= (b & 0x7f) << shift;
            if (b < 0x80) {
                this.pos = pos;
                this.lo = lo >>> 0;
                this.hi = 0;
                return;
            }
        }
        // The 5th byte: 4 bits to lo, 3 bits to hi.
        if (pos >= end)
            throw new ProtoError('truncated varint', pos);
        b = buf[pos++];
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
        if (b >= 0x80) {
            // The 6th to the 10th byte fill hi from bit 3 to bit 31; an 11th byte is an error.
            for (shift = 3;; shift += 7) {
                if (shift > 31)
                    throw new ProtoError('varint longer than 10 bytes', pos);
                if (pos >= end)
                    throw new ProtoError('truncated varint', pos);
                b = buf[pos++];
                if (shift < 32)
                    hi |= (b & 0x7f) << shift;
                if (b < 0x80)
                    break;
            }
        }
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
    }
    /** A varint as an unsigned 32-bit number (higher bits dropped). */
    uint32() {
        const buf = this.buf;
        if (this.pos < this.end && buf[this.pos] < 0x80)
            return buf[this.pos++];
        this.readVarint();
        return this.lo;
    }
    /** A varint as a signed 64-bit integer (int32/int64 fields); exact up to 2^53. */
    int64() {
        this.readVarint();
        if (this.hi & 0x80000000)
            return -((~this.hi >>> 0) * TWO_32 + ((~this.lo >>> 0) + 1));
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as an unsigned 64-bit integer; exact up to 2^53. */
    uint64() {
        this.readVarint();
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as a boolean. */
    bool() {
        return this.uint32() !== 0;
    }
    /** A 64-bit little-endian double (wire type 1). */
    double() {
        if (this.pos + 8 > this.end)
            throw new ProtoError('truncated 64-bit value', this.pos);
        const v = this.buf.readDoubleLE(this.pos);
        this.pos += 8;
        return v;
    }
    /** A 32-bit little-endian float (wire type 5). */
    float() {
        if (this.pos + 4 > this.end)
            throw new ProtoError('truncated 32-bit value', this.pos);
        const v = this.buf.readFloatLE(this.pos);
        this.pos += 4;
        return v;
    }
    /** A length-delimited value: returns its end offset; its start is in `this.start`. Moves past it. */
    bytes() {
        const len = this.uint32();
        const start = this.pos;
        const end = start + len;
        if (end > this.end)
            throw new ProtoError(`length-delimited field of ${len} bytes runs past the end of the message`, start);
        this.start = start;
        this.pos = end;
        return end;
    }
    /** A length-delimited value decoded as UTF-8 text. */
    string() {
        const end = this.bytes();
        return this.buf.toString('utf8', this.start, end);
    }
    /** Skips the current field's value, whatever its wire type. */
    skip() {
        switch (this.wire) {
            case WIRE.varint:
                this.readVarint();
                return;
            case WIRE.fixed64:
                this.pos += 8;
                break;
            case WIRE.bytes:
                this.bytes();
                return;
            case WIRE.fixed32:
                this.pos += 4;
                break;
            case WIRE.startGroup: {
                const field = this.field;
                while (this.next()) {
                    if (this.wire === WIRE.endGroup) {
                        if (this.field !== field)
                            throw new ProtoError('mismatched end of group', this.pos);
                        return;
                    }
                    this.skip();
                }
                throw new ProtoError('unterminated group', this.pos);
            }
            default:
                throw new ProtoError(`unknown wire type ${this.wire}`, this.pos);
        }
        if (this.pos > this.end)
            throw new ProtoError('truncated fixed-size value', this.end);
    }
}
/** Converts an IEEE 754 half-precision value (its 16 bits) to a number. */
function halfToNumber(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >> 10) & 0x1f;
    const frac = bits & 0x3ff;
    if (exp === 0)
        return sign * frac * 2 ** -24;
    if (exp === 0x1f)
        return frac ? NaN : sign * Infinity;
    return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

// Generated by scripts/make-crc-wasm.mjs: do not edit. The WebAssembly module that checks TFRecord framing with
// CRC-32C (slicing-by-8); see that script for what it exports and its memory layout.
/** The module's bytes, base64. */
const CRC32C_WASM = 'AGFzbQEAAAABDgJgAn9/AX9gA39/fwF/AwMCAAEFAwEAAQcZAwZtZW1vcnkCAANjcmMAAAZ2ZXJpZnkAAQrpAgLrAQEEf0F/IQIgASABIABrQQdxayEEAkADQCAAIARPDQEgACgCACACcyEDIAAoAgQhBSADQf8BcUECdCgCgDggA0EIdkH/AXFBAnQoAoAwcyADQRB2Qf8BcUECdCgCgChzIANBGHZBAnQoAoAgcyAFQf8BcUECdCgCgBhzIAVBCHZB/wFxQQJ0KAKAEHMgBUEQdkH/AXFBAnQoAoAIcyAFQRh2QQJ0KAIAcyECIABBCGohAAwACwsCQANAIAAgAU8NASACIAAtAABzQf8BcUECdCgCACACQQh2cyECIABBAWohAAwACwsgAkF/cwt6AQJ/AkADQCAAQQxqIAFLDQEgACAAQQhqEABBD3hB2NWLlHpqIAAoAghHDQEgACgCBA0BIAAoAgAiAyACSw0BIABBEGogA2oiBCABSw0BIABBDGogBEEEaxAAQQ94QdjVi5R6aiAEQQRrKAIARw0BIAQhAAwACwsgAAs=';

// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy. TFRecord framing is also
// checked in bulk by a small WebAssembly kernel (crc32c-wasm.ts, written by scripts/make-crc-wasm.mjs), about three
// times as fast as the same tables in JavaScript.
/** The eight slicing tables of a reflected polynomial, flat: table k at [256k, 256k + 256). Int32 to stay in small integers. */
function makeTables(poly) {
    const t = new Int32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
        t[n] = c;
    }
    for (let k = 1; k < 8; k++) {
        for (let n = 0; n < 256; n++) {
            const prev = t[(k - 1) * 256 + n];
            t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
        }
    }
    return t;
}
const IEEE = makeTables(0xedb88320);
const CASTAGNOLI = makeTables(0x82f63b78);
function update(t, crc, buf, start, end) {
    let c = ~crc;
    let i = start;
    const fast = end - ((end - start) & 7);
    while (i < fast) {
        const a = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) ^ c;
        c =
            t[1792 + (a & 0xff)] ^
                t[1536 + ((a >>> 8) & 0xff)] ^
                t[1280 + ((a >>> 16) & 0xff)] ^
                t[1024 + (a >>> 24)] ^
                t[768 + buf[i + 4]] ^
                t[512 + buf[i + 5]] ^
                t[256 + buf[i + 6]] ^
                t[buf[i + 7]];
        i += 8;
    }
    while (i < end)
        c = t[(c ^ buf[i++]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
/** CRC-32 (IEEE 802.3, zlib's `crc32`) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32(buf, start = 0, end = buf.length, crc = 0) {
    return update(IEEE, crc, buf, start, end);
}
/** CRC-32C (Castagnoli) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32c(buf, start = 0, end = buf.length, crc = 0) {
    return update(CASTAGNOLI, crc, buf, start, end);
}
/** The masked CRC-32C TFRecord and LevelDB store: rotate right by 15 bits and add 0xa282ead8. */
function maskedCrc32c(buf, start = 0, end = buf.length) {
    const c = crc32c(buf, start, end);
    return ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;
}
/** Where the WebAssembly kernel keeps the bytes it checks (its tables sit below). */
const WASM_DATA = 8 * 256 * 4;
/** The most bytes the kernel checks per call: a read chunk (1 MiB) fits, so each chunk is copied in once. */
const WASM_WINDOW = 1 << 20;
/** The kernel with its tables in place; undefined until first used, null where WebAssembly cannot run. */
let kernel;
function crcKernel() {
    if (kernel !== undefined)
        return kernel;
    kernel = null;
    const wasm = globalThis.WebAssembly;
    // Without WebAssembly (e.g. node --jitless) the JavaScript tables check every record.
    if (!wasm)
        return kernel;
    try {
        const module = new wasm.Module(Buffer.from(CRC32C_WASM, 'base64'));
        const exports = new wasm.Instance(module, {}).exports;
        const pages = Math.ceil((WASM_DATA + WASM_WINDOW) / 65536);
        exports.memory.grow(pages - exports.memory.buffer.byteLength / 65536);
        const tables = new DataView(exports.memory.buffer, 0, WASM_DATA);
        for (let i = 0; i < CASTAGNOLI.length; i++)
            tables.setInt32(i * 4, CASTAGNOLI[i], true);
        kernel = { exports, bytes: new Uint8Array(exports.memory.buffer) };
    }
    catch {
        // A module that cannot be made here (no memory to grow): the JavaScript tables check every record.
    }
    return kernel;
}
/**
 * How far whole TFRecords from `start` are affirmed by the WebAssembly kernel: the offset of the first record it
 * cannot affirm (incomplete before `end`, a masked CRC-32C of its length or data that does not match, a length over
 * `maxRecord`), or of the end of its window. Returns `start` when it affirms nothing; the caller checks that record
 * itself, so what is reported for a bad record never depends on the kernel.
 */
function affirmedTfRecordsEnd(buf, start, end, maxRecord) {
    const k = crcKernel();
    if (!k)
        return start;
    const stop = Math.min(end, start + WASM_WINDOW);
    k.bytes.set(buf.subarray(start, stop), WASM_DATA);
    return start + k.exports.verify(WASM_DATA, WASM_DATA + stop - start, maxRecord) - WASM_DATA;
}

export { ProtoReader as P, ProtoError as a, affirmedTfRecordsEnd as b, crc32 as c, halfToNumber as h, maskedCrc32c as m };
