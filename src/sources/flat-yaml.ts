// A fast path for the small flat YAML files most runs carry (`name: x`, `seed: 3`, `tags: [a, b]`): parsed here
// without the full YAML library, which costs more than reading the file. Anything beyond plain `key: scalar`
// lines returns undefined and goes to the full parser, so the result is always what the YAML library would give.

const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*):(?:[ \t]+(.*))?$/
const DECIMAL =
  /^[-+]?(?:\d{1,15}|\d{1,15}\.\d*|\.\d+|\d{1,15}\.\d*[eE][-+]?\d{1,2}|\d{1,15}[eE][-+]?\d{1,2})$/
const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9 _./@+,=-]*$/
/** A word of digits and letters that starts with a digit and holds a letter: a git commit, `3rd`, `128k`. */
const DIGITS_AND_LETTERS = /^\d[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*$/
/** Of those, the ones YAML's core schema could read as a number (`1e5`, `0x1F`, `0o17`): left to the full parser. */
const CORE_NUMBER_LIKE = /^\d+[eE]\d+$|^0[xXoO]/
const AMBIGUOUS = /^(?:true|false|null|~|y|n|yes|no|on|off)$|^(?:\.inf|\.nan|0x|0o|[-+]\.inf)/i

/** A plain or double-quoted scalar without escapes, or undefined when it needs the full parser. */
function scalar(raw: string): unknown {
  const v = raw.replace(/[ \t]+#.*$/, '').trimEnd()
  if (v === '' || v === '~' || v === 'null') return null
  if (v === 'true') return true
  if (v === 'false') return false
  if (v.startsWith('"')) return /^"[^"\\]*"$/.test(v) ? v.slice(1, -1) : undefined
  if (v.startsWith("'")) return /^'[^']*'$/.test(v) ? v.slice(1, -1) : undefined
  if (DECIMAL.test(v)) return Number(v)
  if (DIGITS_AND_LETTERS.test(v) && !CORE_NUMBER_LIKE.test(v)) return v
  if (/^[-+.]?\d/.test(v) || AMBIGUOUS.test(v) || !PLAIN.test(v) || v.includes(' #') || v.endsWith(':'))
    return undefined
  return v
}

/** Parses flat `key: scalar` YAML (and one-line `[a, b]` lists of plain words); undefined when it is anything more. */
export function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = Object.create(null)
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue
    const m = KEY.exec(line)
    if (!m || m[1] === '__proto__' || Object.prototype.hasOwnProperty.call(out, m[1])) return undefined
    const raw = (m[2] ?? '').trim()
    if (raw.startsWith('[')) {
      const list = /^\[([A-Za-z0-9 _./@+=,-]*)\]$/.exec(raw)
      if (!list) return undefined
      const items = list[1].trim() === '' ? [] : list[1].split(',').map(s => scalar(s.trim()))
      if (items.some(v => v === undefined || v === null)) return undefined
      out[m[1]] = items
      continue
    }
    if (raw === '') return undefined // maybe a nested block follows
    const value = scalar(raw)
    if (value === undefined) return undefined
    out[m[1]] = value
  }
  return out
}
