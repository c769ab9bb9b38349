// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy.

function makeTables(poly: number): Uint32Array[] {
  const tables: Uint32Array[] = []
  const t0 = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1
    t0[n] = c >>> 0
  }
  tables.push(t0)
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1]
    const next = new Uint32Array(256)
    for (let n = 0; n < 256; n++) next[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff]
    tables.push(next)
  }
  return tables
}

const IEEE = makeTables(0xedb88320)
const CASTAGNOLI = makeTables(0x82f63b78)

function update(tables: Uint32Array[], crc: number, buf: Uint8Array, start: number, end: number): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables
  let c = ~crc >>> 0
  let i = start
  const fast = end - ((end - start) & 7)
  while (i < fast) {
    const a = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) ^ c
    c =
      t7[a & 0xff] ^
      t6[(a >>> 8) & 0xff] ^
      t5[(a >>> 16) & 0xff] ^
      t4[a >>> 24] ^
      t3[buf[i + 4]] ^
      t2[buf[i + 5]] ^
      t1[buf[i + 6]] ^
      t0[buf[i + 7]]
    i += 8
  }
  while (i < end) c = t0[(c ^ buf[i++]) & 0xff] ^ (c >>> 8)
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
