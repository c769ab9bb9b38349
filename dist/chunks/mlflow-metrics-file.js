import { H as HistoryBuilder } from './history.js';

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
/** fastLine results besides the next line's start. */
const OTHER = -1;
const INCOMPLETE = -2;
/** Exact powers of ten a double holds (10^0 … 10^22), for the correctly rounded fast path. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** Returned by parseFloatBytes for a well-formed decimal that needs a correctly rounded conversion from text. */
const SLOW = Symbol('slow');
/** Parses a decimal integer in bytes [s, e); NaN when it is not one. Falls back to Number() past 2^53. */
function parseInteger(buf, s, e) {
    let i = s;
    let negative = false;
    if (buf[i] === MINUS) {
        negative = true;
        i++;
    }
    else if (buf[i] === PLUS)
        i++;
    if (i >= e)
        return NaN;
    let n = 0;
    for (; i < e; i++) {
        const c = buf[i];
        if (c < ZERO || c > NINE)
            return parseFallback(buf, s, e);
        n = n * 10 + (c - ZERO);
    }
    if (n > Number.MAX_SAFE_INTEGER)
        return parseFallback(buf, s, e);
    return negative ? -n : n;
}
/**
 * Parses a float as Python writes it (`0.5`, `1e-05`, `nan`, `inf`, `-inf`) in bytes [s, e). Up to 16
 * significant digits (below 2^53) and a small exponent take the exact fast path (an integer times or over a power of ten,
 * one correctly rounded operation); a longer well-formed decimal returns SLOW for the caller to convert from
 * text; nan/inf go through fallbackFloat. Undefined when it is not a number.
 */
function parseFloatBytes(buf, s, e) {
    let i = s;
    let negative = false;
    if (buf[i] === MINUS) {
        negative = true;
        i++;
    }
    else if (buf[i] === PLUS)
        i++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let seenDigit = false;
    let seenDot = false;
    let slow = false;
    for (; i < e; i++) {
        const c = buf[i];
        if (c >= ZERO && c <= NINE) {
            seenDigit = true;
            if (digits > 0 || c !== ZERO) {
                if (digits >= 16)
                    slow = true;
                else
                    mantissa = mantissa * 10 + (c - ZERO);
                digits++;
            }
            if (seenDot)
                scale--;
        }
        else if (c === DOT && !seenDot)
            seenDot = true;
        else
            break;
    }
    if (!seenDigit)
        return fallbackFloat(buf, s, e);
    if (i < e) {
        const c = buf[i];
        if (c !== LOWER_E && c !== UPPER_E)
            return fallbackFloat(buf, s, e);
        i++;
        let expNegative = false;
        if (buf[i] === MINUS) {
            expNegative = true;
            i++;
        }
        else if (buf[i] === PLUS)
            i++;
        if (i >= e)
            return undefined;
        let exp = 0;
        for (; i < e; i++) {
            const d = buf[i];
            if (d < ZERO || d > NINE)
                return undefined;
            if (exp < 100000)
                exp = exp * 10 + (d - ZERO);
        }
        scale += expNegative ? -exp : exp;
    }
    // The text is a well-formed decimal here; only its exact value needs the slow, correctly rounded path.
    if (slow || mantissa > Number.MAX_SAFE_INTEGER)
        return SLOW;
    let value;
    if (mantissa === 0)
        value = 0;
    else if (scale === 0)
        value = mantissa;
    else if (scale < 0 && scale >= -22)
        value = mantissa / POW10[-scale];
    else if (scale > 0 && scale <= 22) {
        value = mantissa * POW10[scale];
        if (value > Number.MAX_SAFE_INTEGER)
            return SLOW;
    }
    else
        return SLOW;
    return negative ? -value : value;
}
const SPECIAL = {
    nan: NaN,
    '+nan': NaN,
    '-nan': NaN,
    inf: Infinity,
    '+inf': Infinity,
    infinity: Infinity,
    '+infinity': Infinity,
    '-inf': -Infinity,
    '-infinity': -Infinity
};
function fallbackFloat(buf, s, e) {
    const text = buf.toString('latin1', s, e);
    const special = SPECIAL[text.toLowerCase()];
    if (special !== undefined)
        return special;
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text))
        return undefined;
    return Number(text);
}
function parseFallback(buf, s, e, integer) {
    const text = buf.toString('latin1', s, e);
    if (/^[+-]?\d+$/.test(text))
        return Number(text);
    return NaN;
}
/** Reads metric lines chunk by chunk into a history; lines split across chunks are joined. */
class MetricFileParser {
    maxReported;
    /** The points read so far, in typed columns; the final value follows MLflow's rule (step, timestamp, value). */
    history;
    /** Lines that were not understood (at most `maxReported` kept; `badLines` counts all). */
    problems = [];
    badLines = 0;
    line = 0;
    rest;
    bounds = new Int32Array(8);
    textOf;
    text = '';
    /** `capacity`: the points expected (e.g. the file size over ~30 bytes a line), to size the columns once. */
    constructor(maxReported = 5, capacity = 64) {
        this.maxReported = maxReported;
        this.history = new HistoryBuilder({ final: 'mlflow' }, capacity);
    }
    /** The points read so far as objects, in file order (tests and small files; readers use `history`). */
    get points() {
        return this.history.points();
    }
    /** True while the points came in order of step then timestamp. */
    get sorted() {
        return this.history.sorted;
    }
    /** Feeds the next chunk of the file. */
    push(chunk) {
        const buf = chunk;
        let start = 0;
        if (this.rest) {
            // Join only the split line, not the whole chunk.
            const nl = chunk.indexOf(LF);
            if (nl < 0) {
                this.rest = Buffer.concat([this.rest, chunk]);
                return;
            }
            const line = Buffer.concat([this.rest, chunk.subarray(0, nl)]);
            this.rest = undefined;
            this.parseLine(line, 0, line.length);
            start = nl + 1;
        }
        const n = buf.length;
        while (start < n) {
            const next = this.fastLine(buf, start, n);
            if (next >= 0) {
                start = next;
                continue;
            }
            if (next === INCOMPLETE)
                break;
            const nl = buf.indexOf(LF, start);
            if (nl < 0)
                break;
            this.parseLine(buf, start, nl);
            start = nl + 1;
        }
        if (start < n)
            this.rest = Buffer.from(buf.subarray(start));
    }
    /**
     * Parses the common line in one pass — `digits SP decimal[SP digits] LF`, nothing else — and returns the start
     * of the next line; OTHER when the line is anything else (the general parseLine reads it), INCOMPLETE when the
     * buffer ends first. Longer than 80 lines on purpose: one straight pass over the bytes of every metric line of
     * a store (millions of lines), each field parsed in place with its own short loop, no call per field.
     */
    // eslint-disable-next-line max-lines-per-function -- one straight pass over every metric line's bytes (see above)
    fastLine(buf, s, n) {
        let i = s;
        let c = 0;
        // Timestamp: 1..15 digits.
        let timestamp = 0;
        for (; i < n; i++) {
            c = buf[i];
            if (c < ZERO || c > NINE)
                break;
            timestamp = timestamp * 10 + (c - ZERO);
        }
        if (i >= n)
            return INCOMPLETE;
        if (c !== SPACE || i === s || i - s > 15)
            return OTHER;
        i++;
        // Value: [-]digits[.digits][e[+-]digits].
        const valueStart = i;
        if (i >= n)
            return INCOMPLETE;
        let negative = false;
        if (buf[i] === MINUS) {
            negative = true;
            i++;
        }
        let mantissa = 0;
        let digits = 0;
        let scale = 0;
        let seenDigit = false;
        let seenDot = false;
        for (; i < n; i++) {
            c = buf[i];
            if (c >= ZERO && c <= NINE) {
                seenDigit = true;
                if (digits > 0 || c !== ZERO) {
                    mantissa = mantissa * 10 + (c - ZERO);
                    digits++;
                }
                if (seenDot)
                    scale--;
            }
            else if (c === DOT && !seenDot)
                seenDot = true;
            else
                break;
        }
        if (i >= n)
            return INCOMPLETE;
        if (!seenDigit)
            return OTHER;
        if (c === LOWER_E || c === UPPER_E) {
            i++;
            let expNegative = false;
            if (buf[i] === MINUS) {
                expNegative = true;
                i++;
            }
            else if (buf[i] === PLUS)
                i++;
            let exp = 0;
            const expStart = i;
            for (; i < n; i++) {
                c = buf[i];
                if (c < ZERO || c > NINE)
                    break;
                if (exp < 100000)
                    exp = exp * 10 + (c - ZERO);
            }
            if (i >= n)
                return INCOMPLETE;
            if (i === expStart)
                return OTHER;
            scale += expNegative ? -exp : exp;
        }
        const valueEnd = i;
        // Step: absent (two fields) or [-]1..15 digits.
        let step = 0;
        if (c === SPACE) {
            i++;
            let stepNegative = false;
            if (i < n && buf[i] === MINUS) {
                stepNegative = true;
                i++;
            }
            const stepStart = i;
            for (; i < n; i++) {
                c = buf[i];
                if (c < ZERO || c > NINE)
                    break;
                step = step * 10 + (c - ZERO);
            }
            if (i >= n)
                return INCOMPLETE;
            if (i === stepStart || i - stepStart > 15)
                return OTHER;
            if (stepNegative)
                step = -step;
        }
        if (c !== LF)
            return OTHER;
        let value;
        if (digits > 16 || mantissa > Number.MAX_SAFE_INTEGER)
            value = this.slowFloat(buf, valueStart, valueEnd);
        else if (mantissa === 0)
            value = negative ? -0 : 0;
        else if (scale === 0)
            value = negative ? -mantissa : mantissa;
        else if (scale < 0 && scale >= -22)
            value = negative ? -(mantissa / POW10[-scale]) : mantissa / POW10[-scale];
        else if (scale > 0 && scale <= 22 && mantissa * POW10[scale] <= Number.MAX_SAFE_INTEGER)
            value = negative ? -(mantissa * POW10[scale]) : mantissa * POW10[scale];
        else
            value = this.slowFloat(buf, valueStart, valueEnd);
        this.line++;
        this.history.add(step, value, timestamp);
        return i + 1;
    }
    /** A decimal that needs a correctly rounded conversion from text: one latin1 string per chunk, sliced per value. */
    slowFloat(buf, s, e) {
        if (this.textOf !== buf) {
            this.textOf = buf;
            this.text = buf.toString('latin1');
        }
        return parseFloat(this.text.substring(s, e));
    }
    /** Ends the file: parses a last line without a newline. */
    end() {
        if (this.rest) {
            const rest = this.rest;
            this.rest = undefined;
            this.parseLine(rest, 0, rest.length);
        }
        this.textOf = undefined;
        this.text = '';
    }
    bad(detail, buf, start, end) {
        this.badLines++;
        if (this.problems.length < this.maxReported) {
            this.problems.push({
                line: this.line,
                message: `${detail}; expected "timestamp value step", found ${quote(buf, start, end)}`
            });
        }
    }
    parseLine(buf, start, end) {
        this.line++;
        while (end > start && (buf[end - 1] === CR || buf[end - 1] === SPACE || buf[end - 1] === TAB))
            end--;
        while (start < end && (buf[start] === SPACE || buf[start] === TAB))
            start++;
        if (start === end)
            return;
        // Split into at most four fields on runs of spaces or tabs.
        const bounds = this.bounds;
        let fields = 0;
        let i = start;
        while (i < end && fields < 4) {
            const s = i;
            while (i < end && buf[i] !== SPACE && buf[i] !== TAB)
                i++;
            bounds[fields * 2] = s;
            bounds[fields * 2 + 1] = i;
            fields++;
            while (i < end && (buf[i] === SPACE || buf[i] === TAB))
                i++;
        }
        if (fields < 2) {
            this.bad('there is only one field', buf, start, end);
            return;
        }
        const timestamp = parseInteger(buf, bounds[0], bounds[1]);
        if (Number.isNaN(timestamp)) {
            this.bad(`the timestamp ${quote(buf, bounds[0], bounds[1])} is not an integer (milliseconds)`, buf, start, end);
            return;
        }
        let value = parseFloatBytes(buf, bounds[2], bounds[3]);
        if (value === SLOW) {
            value = this.slowFloat(buf, bounds[2], bounds[3]);
        }
        if (value === undefined) {
            this.bad(`the value ${quote(buf, bounds[2], bounds[3])} is not a number, nan, inf or -inf`, buf, start, end);
            return;
        }
        let step = 0;
        if (fields >= 3) {
            step = parseInteger(buf, bounds[4], bounds[5]);
            if (Number.isNaN(step)) {
                this.bad(`the step ${quote(buf, bounds[4], bounds[5])} is not an integer`, buf, start, end);
                return;
            }
        }
        this.history.add(step, value, timestamp);
    }
}
function quote(buf, s, e) {
    const text = buf.toString('utf8', s, Math.min(e, s + 60));
    return JSON.stringify(e - s > 60 ? `${text}…` : text);
}
/** Parses a whole metric file's bytes and builds its series (the same on the main thread and in a read worker). */
function parseMetricBytes(bytes) {
    // About 30 bytes a line: the columns are sized once.
    const parser = new MetricFileParser(5, Math.min(Math.ceil(bytes.length / 30), 1 << 16));
    parser.push(bytes);
    parser.end();
    return { columns: parser.history.buildColumns(), problems: parser.problems, badLines: parser.badLines };
}

export { MetricFileParser as M, parseMetricBytes as p };
