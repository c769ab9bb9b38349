// A column of numbers packed for keeping: the steps and timestamps of a kept history are whole numbers that grow a
// little from one point to the next, so they are stored as variable-length deltas (1 to 3 bytes a point instead of
// 8). A column that is all NaN (no timestamps) takes no bytes, and one that holds anything else (a fraction, -0, a
// delta too large to be exact) is kept as doubles. Unpacking gives back exactly the numbers packed.

/** A packed column: deltas (Uint8Array), doubles (Float64Array), or `undefined` for a column of NaN. */
export type PackedColumn = Uint8Array | Float64Array | undefined

/** The largest delta packed (beyond it, zig-zag doubling would leave the range of exact integers). */
const MAX_DELTA = 2 ** 51

/** Scratch space for packing: 8 bytes a point covers every delta up to MAX_DELTA (at most 8 varint bytes). */
let scratch = new Uint8Array(4096)

/** Packs `column`; see the file comment. */
export function packColumn(column: Float64Array): PackedColumn {
  const n = column.length
  let allNaN = true
  for (let i = 0; i < n; i++) {
    if (column[i] === column[i]) {
      allNaN = false
      break
    }
  }
  if (allNaN) return undefined
  if (scratch.length < 8 * n) scratch = new Uint8Array(8 * n)
  const out = scratch
  let at = 0
  let previous = 0
  for (let i = 0; i < n; i++) {
    const v = column[i]
    const delta = v - previous
    if (!Number.isSafeInteger(v) || Object.is(v, -0) || Math.abs(delta) >= MAX_DELTA)
      return Float64Array.from(column)
    previous = v
    // Zig-zag (0, -1, 1, -2 … → 0, 1, 2, 3 …), then 7 bits a byte, low bits first; arithmetic, not 32-bit shifts.
    let z = delta >= 0 ? 2 * delta : -2 * delta - 1
    while (z >= 128) {
      out[at++] = (z % 128) | 128
      z = Math.floor(z / 128)
    }
    out[at++] = z
  }
  return out.slice(0, at)
}

/** The `count` numbers of a packed column. */
export function unpackColumn(packed: PackedColumn, count: number): Float64Array {
  if (packed instanceof Float64Array) return packed
  const out = new Float64Array(count)
  if (!packed) return out.fill(NaN)
  let at = 0
  let previous = 0
  for (let i = 0; i < count; i++) {
    let z = 0
    let scale = 1
    let b: number
    do {
      b = packed[at++]
      z += (b & 127) * scale
      scale *= 128
    } while (b >= 128)
    previous += z % 2 ? -(z + 1) / 2 : z / 2
    out[i] = previous
  }
  return out
}
