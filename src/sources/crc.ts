// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy.

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
