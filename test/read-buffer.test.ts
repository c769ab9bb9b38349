import { closeSync, openSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ReadBuffer } from '../src/sources/read-buffer.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'er-read-buffer-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Writes `bytes` to a file and reads it through `reader` with the given size (default: the file's). */
async function readThrough(
  reader: ReadBuffer,
  name: string,
  bytes: Buffer,
  size = bytes.length
): Promise<Buffer> {
  const file = path.join(dir, name)
  await writeFile(file, bytes)
  const fd = openSync(file, 'r')
  try {
    return Buffer.from(reader.read(fd, size))
  } finally {
    closeSync(fd)
  }
}

const pattern = (length: number, seed: number) =>
  Buffer.from(Array.from({ length }, (_, i) => (i * seed) & 0xff))

describe('ReadBuffer', () => {
  it('reads files of every size whole, small after large, and reads on to the end when the size is unknown', async () => {
    const reader = new ReadBuffer(16)
    for (const [i, length] of [0, 5, 16, 17, 100_000, 5 << 20, 3, 70_000].entries()) {
      const bytes = pattern(length, i + 3)
      expect((await readThrough(reader, `f${i}`, bytes)).equals(bytes)).toBe(true)
      expect((await readThrough(reader, `g${i}`, bytes, 0)).equals(bytes)).toBe(true)
    }
  })

  it('reads no more than the size fstat gave, as readFileSync does', async () => {
    const bytes = pattern(1000, 7)
    expect(await readThrough(new ReadBuffer(), 'grown', bytes, 600)).toEqual(bytes.subarray(0, 600))
  })

  it('does not keep a buffer of a large file for the next reads', async () => {
    const reader = new ReadBuffer()
    await readThrough(reader, 'large', pattern(6 << 20, 5))
    const file = path.join(dir, 'small')
    await writeFile(file, 'small')
    const fd = openSync(file, 'r')
    try {
      // The bytes of the next read lie in the kept buffer: at most 4 MiB, not the 6 MiB of the large file.
      expect(reader.read(fd, 5).buffer.byteLength).toBeLessThanOrEqual(4 << 20)
    } finally {
      closeSync(fd)
    }
  })
})
