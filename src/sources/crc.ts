// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy. TFRecord framing is also
// checked in bulk by a small WebAssembly kernel (crc32c-wasm.ts, written by scripts/make-crc-wasm.mjs), about three
// times as fast as the same tables in JavaScript.
import { CRC32C_WASM } from './crc32c-wasm.js'

/** The eight slicing tables of a reflected polynomial, flat: table k at [256k, 256k + 256). Int32 to stay in small integers. */
function makeTables(poly: number): Int32Array {
  const t = new Int32Array(8 * 256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1
    t[n] = c
  }
  for (let k = 1; k < 8; k++) {
    for (let n = 0; n < 256; n++) {
      const prev = t[(k - 1) * 256 + n]
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff]
    }
  }
  return t
}

const IEEE = makeTables(0xedb88320)
const CASTAGNOLI = makeTables(0x82f63b78)

function update(t: Int32Array, crc: number, buf: Uint8Array, start: number, end: number): number {
  let c = ~crc
  let i = start
  const fast = end - ((end - start) & 7)
  while (i < fast) {
    const a = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) ^ c
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + buf[i + 4]] ^
      t[512 + buf[i + 5]] ^
      t[256 + buf[i + 6]] ^
      t[buf[i + 7]]
    i += 8
  }
  while (i < end) c = t[(c ^ buf[i++]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/** CRC-32 (IEEE 802.3, zlib's `crc32`) of `buf[start, end)`, continuing from `crc` (0 to start). */
export function crc32(buf: Uint8Array, start = 0, end = buf.length, crc = 0): number {
  return update(IEEE, crc, buf, start, end)
}

/** CRC-32C (Castagnoli) of `buf[start, end)`, continuing from `crc` (0 to start). */
export function crc32c(buf: Uint8Array, start = 0, end = buf.length, crc = 0): number {
  return update(CASTAGNOLI, crc, buf, start, end)
}

/** The masked CRC-32C TFRecord and LevelDB store: rotate right by 15 bits and add 0xa282ead8. */
export function maskedCrc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  const c = crc32c(buf, start, end)
  return ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0
}

/** Where the WebAssembly kernel keeps the bytes it checks (its tables sit below). */
const WASM_DATA = 8 * 256 * 4
/** The most bytes the kernel checks per call: a read chunk (1 MiB) fits, so each chunk is copied in once. */
const WASM_WINDOW = 1 << 20

/** The kernel's exports (scripts/make-crc-wasm.mjs). */
interface CrcKernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number }
  crc(p: number, end: number): number
  verify(p: number, end: number, max: number): number
}

/** The part of the WebAssembly global used here (the project's type libraries do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: unknown }
}

/** The kernel with its tables in place; undefined until first used, null where WebAssembly cannot run. */
let kernel: { exports: CrcKernel; bytes: Uint8Array } | null | undefined

function crcKernel(): { exports: CrcKernel; bytes: Uint8Array } | null {
  if (kernel !== undefined) return kernel
  kernel = null
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly
  // Without WebAssembly (e.g. node --jitless) the JavaScript tables check every record.
  if (!wasm) return kernel
  try {
    const module = new wasm.Module(Buffer.from(CRC32C_WASM, 'base64'))
    const exports = new wasm.Instance(module, {}).exports as CrcKernel
    const pages = Math.ceil((WASM_DATA + WASM_WINDOW) / 65536)
    exports.memory.grow(pages - exports.memory.buffer.byteLength / 65536)
    const tables = new DataView(exports.memory.buffer, 0, WASM_DATA)
    for (let i = 0; i < CASTAGNOLI.length; i++) tables.setInt32(i * 4, CASTAGNOLI[i], true)
    kernel = { exports, bytes: new Uint8Array(exports.memory.buffer) }
  } catch {
    // A module that cannot be made here (no memory to grow): the JavaScript tables check every record.
  }
  return kernel
}

/**
 * How far whole TFRecords from `start` are affirmed by the WebAssembly kernel: the offset of the first record it
 * cannot affirm (incomplete before `end`, a masked CRC-32C of its length or data that does not match, a length over
 * `maxRecord`), or of the end of its window. Returns `start` when it affirms nothing; the caller checks that record
 * itself, so what is reported for a bad record never depends on the kernel.
 */
export function affirmedTfRecordsEnd(buf: Uint8Array, start: number, end: number, maxRecord: number): number {
  const k = crcKernel()
  if (!k) return start
  const stop = Math.min(end, start + WASM_WINDOW)
  k.bytes.set(buf.subarray(start, stop), WASM_DATA)
  return start + k.exports.verify(WASM_DATA, WASM_DATA + stop - start, maxRecord) - WASM_DATA
}
