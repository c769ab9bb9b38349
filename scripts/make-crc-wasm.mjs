// Writes src/sources/crc32c-wasm.ts: the bytes of a small WebAssembly module that checks TFRecord framing with
// CRC-32C (Castagnoli), slicing-by-8. The module is written here opcode by opcode (no compiler needed); run
// `node scripts/make-crc-wasm.mjs` after changing it and commit both files. test/crc-wasm.test.ts holds the
// committed bytes equal to what this script writes.
//
// Memory layout: the eight 256-entry tables (Int32, little-endian) at [0, 8192), filled by the caller; the bytes
// to check from 8192 on. Exports:
// - memory;
// - crc(p, end): the CRC-32C of memory[p, end) (not masked);
// - verify(p, end, max): walks TFRecords from p and returns the offset of the first record it cannot affirm:
//   incomplete before `end`, a length CRC or data CRC that does not match, a length over `max` or over 32 bits.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const uleb = n => {
  const out = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n) b |= 0x80
    out.push(b)
  } while (n)
  return out
}
const sleb = n => {
  const out = []
  for (;;) {
    const b = n & 0x7f
    n >>= 7
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b)
      return out
    }
    out.push(b | 0x80)
  }
}
const str = s => [...uleb(s.length), ...Buffer.from(s, 'utf8')]
const vec = items => [...uleb(items.length), ...items.flat()]
const section = (id, body) => [id, ...uleb(body.length), ...body]

const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: d => [0x0c, ...uleb(d)],
  brIf: d => [0x0d, ...uleb(d)],
  call: f => [0x10, ...uleb(f)],
  get: i => [0x20, ...uleb(i)],
  set: i => [0x21, ...uleb(i)],
  tee: i => [0x22, ...uleb(i)],
  load: offset => [0x28, 2, ...uleb(offset)],
  load8: [0x2d, 0, 0],
  const: n => [0x41, ...sleb(n | 0)],
  ne: [0x47],
  gtU: [0x4b],
  geU: [0x4f],
  add: [0x6a],
  sub: [0x6b],
  and: [0x71],
  xor: [0x73],
  shl: [0x74],
  shrU: [0x76],
  rotr: [0x78]
}

/** The table entry for byte `k` (0–3) of local `x`, from table `t`: memory[t * 1024 + byte * 4]. */
const lookup = (x, k, t) => [
  ...op.get(x),
  ...(k ? [...op.const(8 * k), ...op.shrU] : []),
  ...(k < 3 ? [...op.const(255), ...op.and] : []),
  ...op.const(2),
  ...op.shl,
  ...op.load(t * 1024)
]

// crc(p = 0, end = 1) locals: c = 2, a = 3, fast = 4, b = 5
const crcBody = [
  ...op.const(-1),
  ...op.set(2),
  ...[
    ...op.get(1),
    ...op.get(1),
    ...op.get(0),
    ...op.sub,
    ...op.const(7),
    ...op.and,
    ...op.sub,
    ...op.set(4)
  ],
  ...op.block,
  ...op.loop,
  ...[...op.get(0), ...op.get(4), ...op.geU, ...op.brIf(1)],
  ...[...op.get(0), ...op.load(0), ...op.get(2), ...op.xor, ...op.set(3)],
  ...[...op.get(0), ...op.load(4), ...op.set(5)],
  ...lookup(3, 0, 7),
  ...lookup(3, 1, 6),
  ...op.xor,
  ...lookup(3, 2, 5),
  ...op.xor,
  ...lookup(3, 3, 4),
  ...op.xor,
  ...lookup(5, 0, 3),
  ...op.xor,
  ...lookup(5, 1, 2),
  ...op.xor,
  ...lookup(5, 2, 1),
  ...op.xor,
  ...lookup(5, 3, 0),
  ...op.xor,
  ...op.set(2),
  ...[...op.get(0), ...op.const(8), ...op.add, ...op.set(0)],
  ...op.br(0),
  ...op.end,
  ...op.end,
  ...op.block,
  ...op.loop,
  ...[...op.get(0), ...op.get(1), ...op.geU, ...op.brIf(1)],
  ...[
    ...op.get(2),
    ...op.get(0),
    ...op.load8,
    ...op.xor,
    ...op.const(255),
    ...op.and,
    ...op.const(2),
    ...op.shl
  ],
  ...op.load(0),
  ...[...op.get(2), ...op.const(8), ...op.shrU, ...op.xor, ...op.set(2)],
  ...[...op.get(0), ...op.const(1), ...op.add, ...op.set(0)],
  ...op.br(0),
  ...op.end,
  ...op.end,
  ...[...op.get(2), ...op.const(-1), ...op.xor],
  ...op.end
]

/** The masked CRC-32C of memory[from, to) as TFRecord stores it (both offsets already on the stack order). */
const masked = [...op.call(0), ...op.const(15), ...op.rotr, ...op.const(0xa282ead8), ...op.add]

// verify(p = 0, end = 1, max = 2) locals: lo = 3, rec = 4
const verifyBody = [
  ...op.block,
  ...op.loop,
  // p + 12 > end: the header is not whole.
  ...[...op.get(0), ...op.const(12), ...op.add, ...op.get(1), ...op.gtU, ...op.brIf(1)],
  // The length's CRC.
  ...[...op.get(0), ...op.get(0), ...op.const(8), ...op.add, ...masked],
  ...[...op.get(0), ...op.load(8), ...op.ne, ...op.brIf(1)],
  // A length over 32 bits, or over max.
  ...[...op.get(0), ...op.load(4), ...op.brIf(1)],
  ...[...op.get(0), ...op.load(0), ...op.tee(3), ...op.get(2), ...op.gtU, ...op.brIf(1)],
  // rec = p + 16 + lo, past the end: the record is not whole.
  ...[
    ...op.get(0),
    ...op.const(16),
    ...op.add,
    ...op.get(3),
    ...op.add,
    ...op.tee(4),
    ...op.get(1),
    ...op.gtU
  ],
  ...op.brIf(1),
  // The data's CRC.
  ...[...op.get(0), ...op.const(12), ...op.add, ...op.get(4), ...op.const(4), ...op.sub, ...masked],
  ...[...op.get(4), ...op.const(4), ...op.sub, ...op.load(0), ...op.ne, ...op.brIf(1)],
  ...[...op.get(4), ...op.set(0), ...op.br(0)],
  ...op.end,
  ...op.end,
  ...op.get(0),
  ...op.end
]

const I32 = 0x7f
const funcType = (params, results) => [0x60, ...vec(params.map(p => [p])), ...vec(results.map(r => [r]))]
const body = (locals, code) => {
  const b = [...vec(locals.map(([n, t]) => [...uleb(n), t])), ...code]
  return [...uleb(b.length), ...b]
}

const module = [
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vec([funcType([I32, I32], [I32]), funcType([I32, I32, I32], [I32])])),
  ...section(3, vec([uleb(0), uleb(1)])),
  ...section(5, vec([[0x00, ...uleb(1)]])),
  ...section(
    7,
    vec([
      [...str('memory'), 0x02, ...uleb(0)],
      [...str('crc'), 0x00, ...uleb(0)],
      [...str('verify'), 0x00, ...uleb(1)]
    ])
  ),
  ...section(10, vec([body([[4, I32]], crcBody), body([[2, I32]], verifyBody)]))
]

/** The TypeScript module holding the bytes. */
export function crcWasmSource() {
  const base64 = Buffer.from(module).toString('base64')
  return `// Generated by scripts/make-crc-wasm.mjs: do not edit. The WebAssembly module that checks TFRecord framing with
// CRC-32C (slicing-by-8); see that script for what it exports and its memory layout.

/** The module's bytes, base64. */
export const CRC32C_WASM =
  '${base64}'
`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'src',
    'sources',
    'crc32c-wasm.ts'
  )
  writeFileSync(out, crcWasmSource())
  console.log(`wrote ${out} (${module.length} bytes of WebAssembly)`)
}
