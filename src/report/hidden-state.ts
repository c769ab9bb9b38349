// Machine state kept in a body the project writes (the retraining issue, the sticky comment): a hidden HTML comment
// holding base64url JSON (or deflated JSON, see deflatedHiddenStateWithin: `…:state:<kind>:z:<data> -->`), so
// nothing in the state can close the comment or render. A reader must check who wrote the body (the token's own
// login) before trusting what it reads: anyone can paste a copy elsewhere.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Html } from 'mdast'
import { trusted, trustedHtml, type Own } from './mdast.js'
import { stringify } from './markdown.js'

const PREFIX = '<!-- experiment-review:state:'
const SUFFIX = ' -->'

/** The longest encoded state read back (a body holds at most 65,536 characters). */
const MAX_ENCODED = 65_000

/** Deflate shrinks a text at most 1,032 times (a match of 258 bytes takes at least 2 bits). */
const DEFLATE_MAX_RATIO = 1032

const cleanKind = (kind: string) => kind.replace(/[^A-Za-z0-9_-]/g, '-')

// Inert by construction: the kind is reduced to [A-Za-z0-9_-] and the encoded value is base64url.
const blockText = (kind: string, encoded: string): Own =>
  trusted(`${PREFIX}${cleanKind(kind)}:${encoded}${SUFFIX}`)

/** The most deflated bytes a block of `kind` holds within `maxLength` characters (base64url: 4 for 3 bytes). */
function deflatedRoom(kind: string, maxLength: number): number {
  return Math.max(0, Math.floor(((maxLength - blockText(kind, 'z:').length) * 3) / 4))
}

/**
 * Whether a JSON text of `jsonLength` characters (or more) could fit, deflated, in a block of `kind` of at most
 * `maxLength` characters. False proves it cannot: its UTF-8 bytes are at least that many, and deflate divides them
 * by 1,032 at the most.
 */
export function couldFitDeflated(kind: string, jsonLength: number, maxLength: number): boolean {
  return jsonLength <= deflatedRoom(kind, maxLength) * DEFLATE_MAX_RATIO
}

/**
 * The deflated hidden block of `kind` holding the JSON text `json` (raw deflate, level 9, then base64url, after
 * `z:`), which keeps large values small; undefined when it would be longer than
 * `maxLength` characters. Deflating stops as soon as its output passes what fits, so a value far too large costs
 * little more than the part that fits.
 */
export function deflatedHiddenStateWithin(kind: string, json: string, maxLength: number): Html | undefined {
  const room = deflatedRoom(kind, maxLength)
  if (room < 1) return undefined
  let deflated: Buffer
  try {
    deflated = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9, maxOutputLength: room })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined
    throw error
  }
  return trustedHtml(blockText(kind, `z:${deflated.toString('base64url')}`))
}

/** A hidden block holding `value` as JSON under `kind` (letters, digits, `-` and `_`). */
export function hiddenState(kind: string, value: unknown): Html {
  return trustedHtml(blockText(kind, Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')))
}

/** The JSON value of the first hidden block of `kind` in a body, or undefined when there is none or it is unreadable. */
export function readHiddenState(body: string, kind: string): unknown {
  const prefix = `${PREFIX}${cleanKind(kind)}:`
  const start = body.indexOf(prefix)
  if (start < 0) return undefined
  const match = new RegExp(`^(z:)?([A-Za-z0-9_-]{1,${MAX_ENCODED}}) -->`).exec(
    body.slice(start + prefix.length)
  )
  if (!match) return undefined
  try {
    const bytes = Buffer.from(match[2], 'base64url')
    // A deflated block is inflated with a cap, so a crafted one cannot blow up memory.
    const json = match[1] ? inflateRawSync(bytes, { maxOutputLength: 64 * 1024 * 1024 }) : bytes
    return JSON.parse(json.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/** The body with its hidden block of `kind` replaced by `value` (added at the top when it has none); nothing else changes. */
export function replaceHiddenState(body: string, kind: string, value: unknown): string {
  const block = stringify([hiddenState(kind, value)]).trimEnd()
  const pattern = new RegExp(`${PREFIX}${cleanKind(kind)}:(?:z:)?[A-Za-z0-9_-]* -->`)
  return pattern.test(body) ? body.replace(pattern, () => block) : `${block}\n${body}`
}
