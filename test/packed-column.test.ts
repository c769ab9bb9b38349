import { ColumnSlabs, packColumn, packedBytes, unpackColumn } from '../src/sources/packed-column.js'

/** Packs and unpacks `numbers`; the numbers come back exactly (Object.is, so -0 and NaN count). */
function roundTrip(numbers: number[]) {
  const packed = packColumn(Float64Array.from(numbers))
  const back = Array.from(unpackColumn(packed, numbers.length))
  expect(back.length).toBe(numbers.length)
  back.forEach((v, i) => expect(Object.is(v, numbers[i])).toBe(true))
  return packed
}

describe('packColumn', () => {
  it('packs growing whole numbers (steps, millisecond timestamps) as deltas of a byte or a few', () => {
    const steps = Array.from({ length: 500 }, (_, i) => i * 2)
    const packed = roundTrip(steps)
    expect(packed).toBeInstanceOf(Uint8Array)
    expect(packed?.length).toBe(500)
    const times = Array.from({ length: 500 }, (_, i) => 1_700_000_000_000 + i * 61_000)
    // The first delta takes 6 bytes, each next one (122,000 zig-zagged) 3.
    expect(roundTrip(times)?.length).toBe(6 + 499 * 3)
  })

  it('round-trips falling values, zero, large deltas and the edges of exact integers', () => {
    expect(roundTrip([5, 3, 3, 0, -7, 2 ** 50, 0, 2 ** 51 - 1, 1, -(2 ** 50)])).toBeInstanceOf(Uint8Array)
    roundTrip([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])
    roundTrip([])
  })

  it('keeps doubles for fractions, -0, infinities, numbers beyond exact integers and mixed NaN', () => {
    for (const odd of [0.5, -0, Infinity, 2 ** 60, NaN]) {
      expect(roundTrip([1, 2, odd, 4])).toBeInstanceOf(Float64Array)
    }
  })

  it('stores nothing for a column of NaN (no timestamps)', () => {
    expect(roundTrip([NaN, NaN, NaN])).toBeUndefined()
  })
})

describe('ColumnSlabs', () => {
  it('carves kept columns from shared slabs, aligned for doubles, each a copy of what was packed', () => {
    const slabs = new ColumnSlabs(1024)
    const column = Float64Array.from([1, 2.5, 3])
    const doubles = slabs.doubles(column)
    const deltas = slabs.bytes(Uint8Array.from([1, 2, 3]))
    const more = slabs.doubles(column)
    column[0] = 99
    expect(Array.from(doubles)).toEqual([1, 2.5, 3])
    expect(Array.from(deltas)).toEqual([1, 2, 3])
    expect(more.byteOffset % 8).toBe(0)
    expect(new Set([doubles.buffer, deltas.buffer, more.buffer]).size).toBe(1)
    // A column too large for a slab gets its own buffer; a full slab is followed by a new one.
    expect(slabs.doubles(new Float64Array(100)).buffer.byteLength).toBe(800)
    for (let i = 0; i < 40; i++) slabs.doubles(new Float64Array(4))
    expect(slabs.buffers.map(b => b.byteLength)).toEqual([1024, 800, 1024])
  })

  it('packs into one buffer of an exact size measured beforehand', () => {
    const steps = Float64Array.from({ length: 300 }, (_, i) => i * 3)
    const times = Float64Array.from({ length: 300 }, (_, i) => 1_700_000_000_000 + i * 997)
    const size = packedBytes(steps) + packedBytes(times)
    const slabs = new ColumnSlabs(size, true)
    const packedSteps = packColumn(steps, slabs)
    const packedTimes = packColumn(times, slabs)
    expect(slabs.buffers.map(b => b.byteLength)).toEqual([size])
    expect(Array.from(unpackColumn(packedSteps, 300))).toEqual(Array.from(steps))
    expect(Array.from(unpackColumn(packedTimes, 300))).toEqual(Array.from(times))
  })
})
