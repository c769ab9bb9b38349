/** The most points a metric's history keeps (charts draw ≤ 40, the baseline file keeps ≤ 1000). */
const MAX_HISTORY_POINTS = 500;
/** Accumulates a metric's points in typed columns; see the file comment. A missing timestamp is stored as NaN. */
class HistoryBuilder {
    steps;
    values;
    times;
    n = 0;
    ordered = true;
    best = -1;
    rule;
    byTimestamp;
    repeats;
    maxPoints;
    constructor(options = {}, capacity = 64) {
        this.rule = options.final ?? 'max-step';
        this.byTimestamp = options.byTimestamp ?? true;
        this.repeats = options.repeats ?? 'identical';
        this.maxPoints = Math.max(2, Math.floor(options.maxPoints ?? MAX_HISTORY_POINTS));
        const size = Math.max(4, capacity | 0);
        this.steps = new Float64Array(size);
        this.values = new Float64Array(size);
        this.times = new Float64Array(size);
    }
    /** Number of points added. */
    get length() {
        return this.n;
    }
    /** True while the points came in order (of step, then timestamp when ordering by it). */
    get sorted() {
        return this.ordered;
    }
    /** Adds one point; `timestamp` in milliseconds, undefined or NaN when not known. */
    add(step, value, timestamp) {
        const i = this.n;
        if (i === this.steps.length)
            this.grow();
        const t = timestamp === undefined ? NaN : timestamp;
        this.steps[i] = step;
        this.values[i] = value;
        this.times[i] = t;
        this.n = i + 1;
        const b = this.best;
        if (b < 0) {
            this.best = i;
            return;
        }
        const prevStep = this.steps[i - 1];
        if (this.ordered &&
            (step < prevStep || (this.byTimestamp && step === prevStep && (t || 0) < (this.times[i - 1] || 0))))
            this.ordered = false;
        const rule = this.rule;
        if (rule === 'last-written')
            this.best = i;
        else {
            const bs = this.steps[b];
            if (step > bs)
                this.best = i;
            else if (step === bs) {
                if (rule === 'max-step')
                    this.best = i;
                else {
                    // MLflow: the later timestamp (missing counts as 0), then the higher value; NaN loses to any value.
                    const ta = t || 0;
                    const tb = this.times[b] || 0;
                    if (ta > tb)
                        this.best = i;
                    else if (ta === tb) {
                        const bv = this.values[b];
                        if (bv !== bv || value >= bv)
                            this.best = i;
                    }
                }
            }
        }
    }
    grow() {
        const size = this.steps.length * 2;
        const steps = new Float64Array(size);
        const values = new Float64Array(size);
        const times = new Float64Array(size);
        steps.set(this.steps);
        values.set(this.values);
        times.set(this.times);
        this.steps = steps;
        this.values = values;
        this.times = times;
    }
    /** Every point added, in written order, as objects (small series and tests). */
    points() {
        const out = new Array(this.n);
        for (let i = 0; i < this.n; i++)
            out[i] = this.point(i);
        return out;
    }
    point(i) {
        return historyPoint(this.steps[i], this.values[i], this.times[i]);
    }
    /** The final value by the rule, or undefined when there are no points. */
    finalValue() {
        return this.best < 0 ? undefined : this.values[this.best];
    }
    /** Sorts, drops repeats and thins; undefined when no point was added. The builder is spent afterwards. */
    build() {
        const columns = this.buildColumns();
        return columns && builtFromColumns(columns);
    }
    /** As build(), with the kept points in typed columns (for passing between threads); undefined when empty. */
    buildColumns() {
        const n = this.n;
        if (n === 0)
            return undefined;
        const value = this.values[this.best];
        const finalIndex = this.best;
        let order;
        if (!this.ordered) {
            const steps = this.steps;
            const times = this.times;
            const idx = new Array(n);
            for (let i = 0; i < n; i++)
                idx[i] = i;
            // The index breaks ties, so the order is stable whatever the sort.
            if (this.byTimestamp)
                idx.sort((a, b) => steps[a] - steps[b] || (times[a] || 0) - (times[b] || 0) || a - b);
            else
                idx.sort((a, b) => steps[a] - steps[b] || a - b);
            order = Uint32Array.from(idx);
        }
        // Compact the kept indices (in sorted order) into `keep`.
        const keep = new Uint32Array(n);
        let m = 0;
        const { steps, values, times } = this;
        const repeats = this.repeats;
        for (let k = 0; k < n; k++) {
            const i = order ? order[k] : k;
            if (m > 0) {
                const j = keep[m - 1];
                if (repeats === 'identical') {
                    const ti = times[i];
                    const tj = times[j];
                    if (steps[i] === steps[j] &&
                        (ti === tj || (ti !== ti && tj !== tj)) &&
                        Object.is(values[i], values[j]))
                        continue;
                }
                else if (repeats === 'same-step' && steps[i] === steps[j]) {
                    keep[m - 1] = i;
                    continue;
                }
            }
            keep[m++] = i;
        }
        const max = this.maxPoints;
        const count = Math.min(m, max);
        const out = {
            value,
            finalIndex,
            total: m,
            steps: new Float64Array(count),
            values: new Float64Array(count),
            times: new Float64Array(count)
        };
        // Evenly spaced over the full series when thinned; the first and the last point always kept.
        const stride = m <= max ? 1 : (m - 1) / (max - 1);
        for (let k = 0; k < count; k++) {
            const i = keep[m <= max ? k : Math.round(k * stride)];
            out.steps[k] = steps[i];
            out.values[k] = values[i];
            out.times[k] = times[i];
        }
        return out;
    }
}
/** The history objects of a series built into columns. */
function builtFromColumns(c) {
    const count = c.steps.length;
    const history = new Array(count);
    for (let k = 0; k < count; k++)
        history[k] = historyPoint(c.steps[k], c.values[k], c.times[k]);
    return { value: c.value, finalIndex: c.finalIndex, history, total: c.total };
}
/** One point as an object; a NaN timestamp is left out. */
function historyPoint(s, value, t) {
    // An integer step as a small integer: V8 then keeps the field unboxed (one allocation less per point).
    const si = s | 0;
    const step = si === s && !Object.is(s, -0) ? si : s;
    return t === t ? { step, value, timestamp: t } : { step, value };
}
/** A metric from a built series: its final value and thinned history, with the full length when it was thinned. */
function metricFromBuilt(built) {
    return {
        value: built.value,
        history: built.history,
        ...(built.total > built.history.length ? { historyPoints: built.total } : {})
    };
}

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
     * buffer ends first.
     */
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

export { HistoryBuilder as H, MetricFileParser as M, MAX_HISTORY_POINTS as a, builtFromColumns as b, metricFromBuilt as m, parseMetricBytes as p };
