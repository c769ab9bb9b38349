// A JSON reader for tool output: accepts NaN/Infinity (Python's json.dump writes them), keeps the exact
// text of numbers a double cannot hold, reports duplicate keys, limits nesting, and names line and column.

/** A number whose text a double cannot represent exactly (e.g. 9223372036854775807). */
export class ExactNumber {
  constructor(
    /** The nearest double. */
    readonly value: number,
    /** The number exactly as written. */
    readonly text: string
  ) {}
}

/** A JSON syntax error with its position. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(message)
  }
}

/** What the lenient parser returns: the value and the warnings (duplicate keys) met on the way. */
export interface JsonParseResult {
  value: unknown
  warnings: { message: string; line: number; column: number; key: string }[]
}

const MAX_DEPTH = 200

// Number literals a double may not hold exactly (16+ digit runs, exponents of 3 digits) send a text to the slow path.
const INEXACT_NUMBER = /\d{16,}|[eE][+-]?\d{3}/
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g

/** Counts the keys of every object in a parsed JSON value; -1 when it nests deeper than MAX_DEPTH. */
function countKeys(root: unknown): number {
  let n = 0
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number]
    if (!value || typeof value !== 'object') continue
    if (depth >= MAX_DEPTH) return -1
    const children = Array.isArray(value) ? value : Object.values(value)
    if (!Array.isArray(value)) n += children.length
    for (const child of children) if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return n
}

/** Native JSON.parse when the text has nothing it would silently change: no inexact numbers, no duplicate keys. */
function parseFast(text: string): JsonParseResult | undefined {
  if (INEXACT_NUMBER.test(text)) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  let keys = 0
  for (const m of text.matchAll(STRING_TOKEN)) if (m[1]) keys++
  return keys === countKeys(value) ? { value, warnings: [] } : undefined
}

/**
 * Parses JSON leniently (NaN, Infinity, -Infinity, BOM); throws JsonSyntaxError with line and column.
 * Longer than 80 lines on purpose: it is the scope of the parser's parts (position, skipSpace, parseString,
 * parseNumber, parseValue, each short), which share one cursor over the text as a local variable.
 */
// eslint-disable-next-line max-lines-per-function -- one cursor shared by the parser's short parts (see above)
export function parseJsonLenient(text: string): JsonParseResult {
  const fast = text.length < 1 << 24 && text.charCodeAt(0) !== 0xfeff ? parseFast(text) : undefined
  if (fast) return fast
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const warnings: JsonParseResult['warnings'] = []

  const position = (at: number) => {
    let line = 1
    let lineStart = 0
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++
        lineStart = k + 1
      }
    }
    return { line, column: at - lineStart + 1 }
  }
  const fail = (message: string, at = i): never => {
    const { line, column } = position(at)
    const found = at >= text.length ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12))
    throw new JsonSyntaxError(`${message} at line ${line}, column ${column} (found ${found})`, line, column)
  }
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const parseString = (): string => {
    i++ // opening quote
    let out = ''
    let start = i
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const c = text.charCodeAt(i)
      if (c === 34) {
        out += text.slice(start, i)
        i++
        return out
      }
      if (c === 92) {
        out += text.slice(start, i)
        const e = text[i + 1]
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t'
        }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape in string', i)
          out += String.fromCharCode(parseInt(hex, 16))
          i += 6
        } else if (e !== undefined && e in map) {
          out += map[e]
          i += 2
        } else fail('bad escape in string', i)
        start = i
        continue
      }
      if (c < 0x20) fail('control character in string', i)
      i++
    }
  }
  const parseNumber = (): number | ExactNumber => {
    const m = /^-?(?:Infinity|NaN|(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))
    if (!m) return fail('expected a value')
    const literal = m[0]
    i += literal.length
    if (literal.endsWith('Infinity')) return literal.startsWith('-') ? -Infinity : Infinity
    if (literal.endsWith('NaN')) return NaN
    const value = Number(literal)
    if (!isExact(literal, value)) return new ExactNumber(value, literal)
    return value
  }
  const parseValue = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`)
    skipSpace()
    const c = text[i]
    if (c === '{') {
      i++
      const obj: Record<string, unknown> = Object.create(null)
      skipSpace()
      if (text[i] === '}') {
        i++
        return obj
      }
      for (;;) {
        skipSpace()
        if (text[i] !== '"') fail('expected a quoted key')
        const keyAt = i
        const key = parseString()
        skipSpace()
        if (text[i] !== ':') fail("expected ':' after a key")
        i++
        const value = parseValue(depth + 1)
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          const { line, column } = position(keyAt)
          warnings.push({
            message: `key "${key}" appears more than once; the last value is used`,
            line,
            column,
            key
          })
        }
        obj[key] = value
        skipSpace()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return obj
        }
        fail("expected ',' or '}'")
      }
    }
    if (c === '[') {
      i++
      const arr: unknown[] = []
      skipSpace()
      if (text[i] === ']') {
        i++
        return arr
      }
      for (;;) {
        arr.push(parseValue(depth + 1))
        skipSpace()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return arr
        }
        fail("expected ',' or ']'")
      }
    }
    if (c === '"') return parseString()
    if (text.startsWith('true', i)) return ((i += 4), true)
    if (text.startsWith('false', i)) return ((i += 5), false)
    if (text.startsWith('null', i)) return ((i += 4), null)
    return parseNumber()
  }

  const value = parseValue(0)
  skipSpace()
  if (i < text.length) fail('unexpected text after the JSON value')
  return { value, warnings }
}

/** True when the double `value` prints back to the same number as `literal`. */
function isExact(literal: string, value: number): boolean {
  if (!Number.isFinite(value)) return false
  if (/^-?\d+$/.test(literal)) return Number.isSafeInteger(value) || BigInt(literal) === BigInt(value)
  // A decimal literal is kept as a double unless it overflows, underflows to zero, or is denormal-rounded.
  if (value === 0) return !/[1-9]/.test(literal.split(/[eE]/)[0])
  return Math.abs(value) >= Number.MIN_VALUE * 2 ** 52
}

/** Turns values from parseJsonLenient into plain JSON values (ExactNumber → its double). */
export function plainJson(value: unknown): unknown {
  if (value instanceof ExactNumber) return value.value
  if (Array.isArray(value)) return value.map(plainJson)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = plainJson(v)
    return out
  }
  return value
}
