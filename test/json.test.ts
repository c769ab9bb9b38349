import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createReadContext } from '../src/sources/context.js'
import { ExactNumber, JsonSyntaxError, parseJsonLenient } from '../src/sources/json.js'

describe('lenient JSON', () => {
  it('takes the native path for plain JSON and the careful path when needed', () => {
    expect(parseJsonLenient('{"a": 1, "b": [2, {"c": "x\\":"}]}')).toEqual({
      value: { a: 1, b: [2, { c: 'x":' }] },
      warnings: []
    })
    const dup = parseJsonLenient('{"a": 1, "b": {"a": 2, "a": 3}}')
    expect(dup.value).toEqual({ a: 1, b: { a: 3 } })
    expect(dup.warnings).toEqual([
      { key: 'a', line: 1, column: 24, message: 'key "a" appears more than once; the last value is used' }
    ])
  })
  it('keeps NaN, infinities and numbers a double cannot hold', () => {
    const { value } = parseJsonLenient(
      '{"n": NaN, "i": -Infinity, "big": 9223372036854775807, "over": 1e309, "ok": 12345678901234567890.5}'
    ) as { value: Record<string, unknown> }
    expect(value.n).toBeNaN()
    expect(value.i).toBe(-Infinity)
    expect(value.big).toEqual(new ExactNumber(2 ** 63, '9223372036854775807'))
    expect(value.over).toEqual(new ExactNumber(Infinity, '1e309'))
    expect(typeof value.ok).toBe('number')
  })
  it('names line and column of a syntax error', () => {
    expect(() => parseJsonLenient('{\n  "a": 1,\n  "b": }')).toThrow(
      new JsonSyntaxError('expected a value at line 3, column 8 (found "}")', 3, 8)
    )
  })
  it('keeps __proto__ as data', () => {
    const { value } = parseJsonLenient('{"__proto__": {"polluted": 1}}') as { value: Record<string, unknown> }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(value)).toEqual(['__proto__'])
  })
})

describe('guarded reads', () => {
  it('refuses a plain path that leaves the workspace', async () => {
    const ws = await mkdtemp(path.join(os.tmpdir(), 'er-ctx-'))
    await writeFile(path.join(ws, 'ok.json'), '{"a": 1}')
    const ctx = await createReadContext(ws)
    expect(await ctx.readJson('ok.json')).toEqual({ a: 1 })
    expect(await ctx.readText('../../../etc/passwd')).toBeUndefined()
    expect(ctx.diagnostics.map(d => d.message)).toEqual(['is outside the workspace; it was not read'])
    await rm(ws, { recursive: true })
  })

  it('follows a symbolic link that stays inside, and names what is not a file', async () => {
    const ws = await mkdtemp(path.join(os.tmpdir(), 'er-ctx-'))
    await writeFile(path.join(ws, 'real.json'), '{"a": 2}')
    await symlink('real.json', path.join(ws, 'link.json'))
    await mkdir(path.join(ws, 'dir.json'))
    const ctx = await createReadContext(ws)
    expect(await ctx.readJson('link.json')).toEqual({ a: 2 })
    expect(await ctx.readJson('dir.json')).toBeUndefined()
    expect(await ctx.readJson('missing.json', { missingOk: true })).toBeUndefined()
    expect(ctx.diagnostics.map(d => `${d.file}: ${d.message}`)).toEqual([
      'dir.json: is not a regular file; it was skipped'
    ])
    await rm(ws, { recursive: true })
  })

  it('reads through a workspace given by a linked path, naming files relative to it', async () => {
    const real = await mkdtemp(path.join(os.tmpdir(), 'er-ctx-real-'))
    const linked = `${real}-link`
    await symlink(real, linked)
    await writeFile(path.join(real, 'a.json'), '{"a": 3}')
    const ctx = await createReadContext(linked)
    expect(await ctx.readJson(path.join(linked, 'a.json'))).toEqual({ a: 3 })
    expect(ctx.rel(path.join(linked, 'a.json'))).toBe('a.json')
    expect(await ctx.readJson(path.join(linked, '..', 'elsewhere.json'))).toBeUndefined()
    expect(ctx.diagnostics.map(d => d.message)).toEqual(['is outside the workspace; it was not read'])
    await rm(linked)
    await rm(real, { recursive: true })
  })
})
