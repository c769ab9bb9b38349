import { readFileSync } from 'node:fs'
import { affirmedTfRecordsEnd, maskedCrc32c } from '../src/sources/crc.js'
import { crcWasmSource } from '../scripts/make-crc-wasm.mjs'
import { seededRandom } from './fixtures/seeded-random.js'

/** The TFRecord mask of a CRC-32C, written out here rather than taken from the code under test. */
const mask = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0

/** One TFRecord of `data` whose data CRC is `dataCrc` (masked as given). */
function record(data: Buffer, dataCrc = maskedCrc32c(data)): Buffer {
  const head = Buffer.alloc(12)
  head.writeUInt32LE(data.length, 0)
  head.writeUInt32LE(maskedCrc32c(head, 0, 8), 8)
  const tail = Buffer.alloc(4)
  tail.writeUInt32LE(dataCrc, 0)
  return Buffer.concat([head, data, tail])
}

const MAX = 256 * 1024 * 1024

describe('the WebAssembly CRC-32C kernel', () => {
  it('is the module the generating script writes', () => {
    const committed = readFileSync(new URL('../src/sources/crc32c-wasm.ts', import.meta.url), 'utf8')
    expect(committed).toBe(crcWasmSource())
  })

  it('affirms records whose CRC-32C is a published check value, and no record whose CRC is one bit off', () => {
    // RFC 3720 B.4 and the usual check value.
    const vectors: [Buffer, number][] = [
      [Buffer.from('123456789'), 0xe3069283],
      [Buffer.alloc(32, 0), 0x8a9136aa],
      [Buffer.alloc(32, 0xff), 0x62a8ab43],
      [Buffer.from(Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e],
      [Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)), 0x113fdb5c],
      [Buffer.alloc(0), 0]
    ]
    for (const [data, crc] of vectors) {
      const good = record(data, mask(crc))
      expect(affirmedTfRecordsEnd(good, 0, good.length, MAX)).toBe(good.length)
      const bad = record(data, mask(crc ^ 1))
      expect(affirmedTfRecordsEnd(bad, 0, bad.length, MAX)).toBe(0)
    }
  })

  it('agrees with the JavaScript tables at every length and alignment, and stops at the first record it cannot affirm', () => {
    const random = seededRandom(5)
    const records = Array.from({ length: 400 }, (_, i) =>
      record(Buffer.from(Array.from({ length: i % 131 }, () => Math.floor(random() * 256))))
    )
    const all = Buffer.concat([Buffer.alloc(3), ...records])
    const starts: number[] = []
    let at = 3
    for (const r of records) {
      starts.push(at)
      at += r.length
    }
    // From an odd offset, whole, and cut inside the last record.
    expect(affirmedTfRecordsEnd(all, 3, all.length, MAX)).toBe(all.length)
    expect(affirmedTfRecordsEnd(all, 3, all.length - 1, MAX)).toBe(starts[399])
    expect(affirmedTfRecordsEnd(all, starts[7], starts[9] + 11, MAX)).toBe(starts[9])

    const flipped = (offset: number) => {
      const copy = Buffer.from(all)
      copy[offset] ^= 0x10
      return affirmedTfRecordsEnd(copy, 3, copy.length, MAX)
    }
    expect(flipped(starts[200] + 12)).toBe(starts[200]) // first data byte
    expect(flipped(starts[201] - 1)).toBe(starts[200]) // the stored data CRC
    expect(flipped(starts[250] + 9)).toBe(starts[250]) // the stored length CRC
    expect(flipped(starts[300])).toBe(starts[300]) // the length itself
    // A length over the limit is left to the caller (record 130 is the first of more than 129 bytes), as is one
    // over 32 bits even when its length CRC matches.
    expect(affirmedTfRecordsEnd(all, starts[10], all.length, 129)).toBe(starts[130])
    const huge = Buffer.from(all)
    huge.writeUInt32LE(1, starts[20] + 4)
    huge.writeUInt32LE(maskedCrc32c(huge, starts[20], starts[20] + 8), starts[20] + 8)
    expect(affirmedTfRecordsEnd(huge, 3, huge.length, MAX)).toBe(starts[20])
  })
})
