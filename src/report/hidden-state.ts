// Machine state kept in a body the project writes (the retraining issue; later the sticky comment): a hidden HTML
// comment holding base64url JSON, so nothing in the state can close the comment or render. A reader must check who
// wrote the body (the token's own login) before trusting what it reads: anyone can paste a copy elsewhere.
import type { Html } from 'mdast'
import { stringify, trusted, trustedHtml } from './mdast.js'

const PREFIX = '<!-- experiment-review:state:'

/** A hidden block holding `value` as JSON under `kind` (letters, digits, `-` and `_`). */
export function hiddenState(kind: string, value: unknown): Html {
  const encoded = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
  // Inert by construction: the kind is reduced to [A-Za-z0-9_-] and the value is base64url.
  return trustedHtml(trusted(`${PREFIX}${kind.replace(/[^A-Za-z0-9_-]/g, '-')}:${encoded} -->`))
}

/** The JSON value of the first hidden block of `kind` in a body, or undefined when there is none or it is unreadable. */
export function readHiddenState(body: string, kind: string): unknown {
  const prefix = `${PREFIX}${kind}:`
  const start = body.indexOf(prefix)
  if (start < 0) return undefined
  const match = /^([A-Za-z0-9_-]{1,60000}) -->/.exec(body.slice(start + prefix.length))
  if (!match) return undefined
  try {
    return JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/** The body with its hidden block of `kind` replaced by `value` (added at the top when it has none); nothing else changes. */
export function replaceHiddenState(body: string, kind: string, value: unknown): string {
  const block = stringify([hiddenState(kind, value)]).trimEnd()
  const pattern = new RegExp(`${PREFIX}${kind}:[A-Za-z0-9_-]* -->`)
  return pattern.test(body) ? body.replace(pattern, () => block) : `${block}\n${body}`
}
