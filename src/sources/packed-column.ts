// A column of numbers packed for keeping: the steps and timestamps of a kept history are whole numbers that grow a
// little from one point to the next, so they are stored as variable-length deltas (1 to 3 bytes a point instead of
// 8). A column that is all NaN (no timestamps) takes no bytes, and one that holds anything else (a fraction, -0, a
// delta too large to be exact) is kept as doubles. Unpacking gives back exactly the numbers packed.

/** A packed column: deltas (Uint8Array), doubles (Float64Array), or `undefined` for a column of NaN. */
export type PackedColumn = Uint8Array | Float64Array | undefined

/** The largest delta packed (beyond it, zig-zag doubling would leave the range of exact integers). */
const MAX_DELTA = 2 ** 51

/**
 * Memory for kept columns, carved from shared slabs at offsets aligned for doubles. A store of thousands of runs
 * keeps tens of thousands of small columns; carved from a few large buffers they sit together instead of scattered
 * between the buffers freed while reading (which kept that freed memory from being returned). A read worker packs
 * a batch into its own slabs and hands them over whole.
 */
export class ColumnSlabs {
  /** Every buffer used so far (to transfer them from a worker). */
  readonly buffers: ArrayBuffer[] = []
  /** The slab being carved, and how much of it is taken. */
  private current: ArrayBuffer | undefined
  private used = 0

  /**
   * `exact`: the slab size is what will be taken (columnBytes summed), so everything is carved from one buffer of
   * that size.
   */
  constructor(
    private readonly slabBytes = 1 << 20,
    private readonly exact = false
  ) {}

  /** `bytes` of memory that live as long as the slab, at an offset aligned for doubles. */
  take(bytes: number): { buffer: ArrayBuffer; offset: number } {
    if (!this.exact && bytes > this.slabBytes / 8) {
      const own = new ArrayBuffer(bytes)
      this.buffers.push(own)
      return { buffer: own, offset: 0 }
    }
    let offset = this.used
    if (!this.current || offset + bytes > this.slabBytes) {
      this.current = new ArrayBuffer(Math.max(this.slabBytes, bytes))
      this.buffers.push(this.current)
      offset = 0
    }
    this.used = offset + Math.ceil(bytes / 8) * 8
    return { buffer: this.current, offset }
  }

  /** A kept copy of `column`. */
  doubles(column: Float64Array): Float64Array {
    const { buffer, offset } = this.take(column.length * 8)
    const kept = new Float64Array(buffer, offset, column.length)
    kept.set(column)
    return kept
  }

  /** A kept copy of `bytes`. */
  bytes(bytes: Uint8Array): Uint8Array {
    const { buffer, offset } = this.take(bytes.length)
    const kept = new Uint8Array(buffer, offset, bytes.length)
    kept.set(bytes)
    return kept
  }
}

/** The slabs of the main thread: the runs' kept histories. */
export const KEPT_COLUMNS = new ColumnSlabs()

/** Measures without keeping: a view of the packed bytes where they were made (valid until the next pack). */
const MEASURE = {
  doubles: (column: Float64Array) => column,
  bytes: (bytes: Uint8Array) => bytes
} as unknown as ColumnSlabs

/** Scratch space for packing: 8 bytes a point covers every delta up to MAX_DELTA (at most 8 varint bytes). */
let scratch = new Uint8Array(4096)

/** The bytes packColumn takes for `column` in slabs (alignment included). */
export function packedBytes(column: Float64Array): number {
  const packed = packColumn(column, MEASURE)
  return packed ? Math.ceil(packed.byteLength / 8) * 8 : 0
}

/** Packs `column`; see the file comment. */
export function packColumn(column: Float64Array, memory: ColumnSlabs = KEPT_COLUMNS): PackedColumn {
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
  return memory.bytes(out.subarray(0, at))
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
