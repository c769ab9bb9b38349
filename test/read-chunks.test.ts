import { mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createReadContext } from '../src/sources/context.js'

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'er-chunks-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** How many descriptors this process holds open on `file` (other files the worker opens meanwhile do not count). */
async function openDescriptorsOf(file: string): Promise<number> {
  let count = 0
  for (const fd of await readdir('/proc/self/fd'))
    if ((await readlink(path.join('/proc/self/fd', fd)).catch(() => '')) === file) count++
  return count
}

describe('ReadContext.readChunks', () => {
  it('gives every byte of a file in order, in chunks of one reused buffer', async () => {
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 131) & 0xff))
    await writeFile(path.join(ws, 'data.bin'), bytes)
    const ctx = await createReadContext(ws)
    const chunks = await ctx.readChunks('data.bin', undefined, 4096)
    const copies: Buffer[] = []
    const memory = new Set<ArrayBufferLike>()
    for await (const chunk of chunks ?? []) {
      expect(chunk.length).toBeLessThanOrEqual(4096)
      copies.push(Buffer.from(chunk))
      memory.add(chunk.buffer)
    }
    expect(Buffer.concat(copies).equals(bytes)).toBe(true)
    expect(copies.map(c => c.length)).toEqual([4096, 4096, 1808])
    expect(memory.size).toBe(1)
    expect(ctx.diagnostics).toEqual([])
  })

  it('sizes the buffer to a small file, gives nothing for an empty one, and closes the file when stopped early', async () => {
    await writeFile(path.join(ws, 'small'), 'abc')
    await writeFile(path.join(ws, 'empty'), '')
    const ctx = await createReadContext(ws)
    const small: Buffer[] = []
    for await (const chunk of (await ctx.readChunks('small')) ?? []) small.push(Buffer.from(chunk))
    expect(small.map(String)).toEqual(['abc'])
    expect(small[0].length).toBe(3)
    const empty: Buffer[] = []
    for await (const chunk of (await ctx.readChunks('empty')) ?? []) empty.push(chunk)
    expect(empty).toEqual([])
    const file = path.join(ws, 'small')
    const chunks = await ctx.readChunks('small', undefined, 1)
    expect(chunks).toBeDefined()
    let turns = 0
    for await (const chunk of chunks!) {
      turns++
      expect(String(chunk)).toBe('a')
      expect(await openDescriptorsOf(file)).toBe(1)
      break
    }
    expect(turns).toBe(1)
    expect(await openDescriptorsOf(file)).toBe(0)
  })

  it('refuses a file outside the workspace and a folder with a diagnostic', async () => {
    const ctx = await createReadContext(ws)
    expect(await ctx.readChunks('../elsewhere', { run: 'r' })).toBeUndefined()
    expect(await ctx.readChunks('.', { run: 'r' })).toBeUndefined()
    expect(ctx.diagnostics.map(d => [d.severity, d.message, d.run])).toEqual([
      ['error', 'is outside the workspace; it was not read', 'r'],
      ['error', 'is not a regular file; it was skipped', 'r']
    ])
  })
})
