import { inflateRawSync, deflateRawSync } from 'node:zlib';
import { q as stringify, a4 as trustedHtml, S as trusted } from './findings.js';

// Machine state kept in a body the project writes (the retraining issue, the sticky comment): a hidden HTML comment
// holding base64url JSON (deflated when asked: `…:state:<kind>:z:<data> -->`), so nothing in the state can close
// the comment or render. A reader must check who wrote the body (the token's own login) before trusting what it
// reads: anyone can paste a copy elsewhere.
const PREFIX = '<!-- experiment-review:state:';
/** The longest encoded state read back (a body holds at most 65,536 characters). */
const MAX_ENCODED = 65_000;
const cleanKind = (kind) => kind.replace(/[^A-Za-z0-9_-]/g, '-');
/** The text of a hidden block holding `value` as JSON under `kind` (letters, digits, `-` and `_`). */
function hiddenStateText(kind, value, options = {}) {
    const json = Buffer.from(JSON.stringify(value), 'utf8');
    const encoded = options.compress
        ? `z:${deflateRawSync(json, { level: 9 }).toString('base64url')}`
        : json.toString('base64url');
    // Inert by construction: the kind is reduced to [A-Za-z0-9_-] and the value is base64url.
    return trusted(`${PREFIX}${cleanKind(kind)}:${encoded} -->`);
}
/** A hidden block holding `value` as JSON under `kind` (letters, digits, `-` and `_`). */
function hiddenState(kind, value, options = {}) {
    return trustedHtml(hiddenStateText(kind, value, options));
}
/** The JSON value of the first hidden block of `kind` in a body, or undefined when there is none or it is unreadable. */
function readHiddenState(body, kind) {
    const prefix = `${PREFIX}${cleanKind(kind)}:`;
    const start = body.indexOf(prefix);
    if (start < 0)
        return undefined;
    const match = new RegExp(`^(z:)?([A-Za-z0-9_-]{1,${MAX_ENCODED}}) -->`).exec(body.slice(start + prefix.length));
    if (!match)
        return undefined;
    try {
        const bytes = Buffer.from(match[2], 'base64url');
        // A deflated block is inflated with a cap, so a crafted one cannot blow up memory.
        const json = match[1] ? inflateRawSync(bytes, { maxOutputLength: 64 * 1024 * 1024 }) : bytes;
        return JSON.parse(json.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** The body with its hidden block of `kind` replaced by `value` (added at the top when it has none); nothing else changes. */
function replaceHiddenState(body, kind, value, options = {}) {
    const block = stringify([hiddenState(kind, value, options)]).trimEnd();
    const pattern = new RegExp(`${PREFIX}${cleanKind(kind)}:(?:z:)?[A-Za-z0-9_-]* -->`);
    return pattern.test(body) ? body.replace(pattern, () => block) : `${block}\n${body}`;
}

export { readHiddenState as a, hiddenState as h, replaceHiddenState as r };
