import { readSync } from 'node:fs';

// One reused buffer for reading small files whole once they are open: no buffer (and no ArrayBuffer for the
// garbage collector) per file, and no second fstat as readFileSync(fd) makes. Used by the read context for text
// and by the read workers for metric files.
/** A reused read buffer; what `read` returns is valid until the next read. */
class ReadBuffer {
    buffer;
    constructor(initialBytes = 1 << 16) {
        this.buffer = Buffer.allocUnsafe(initialBytes);
    }
    /**
     * The bytes of the open regular file `fd`, whose size fstat gave as `size`: read up to that size as
     * readFileSync reads a regular file (a file that shrank gives fewer bytes); a size of 0 reads on to the end.
     */
    read(fd, size) {
        if (this.buffer.length < size)
            this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
        const limit = size > 0 ? size : Infinity;
        let length = 0;
        while (length < limit) {
            if (length === this.buffer.length) {
                const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
                this.buffer.copy(bigger, 0, 0, length);
                this.buffer = bigger;
            }
            const n = readSync(fd, this.buffer, length, Math.min(limit, this.buffer.length) - length, null);
            if (n === 0)
                break;
            length += n;
        }
        return this.buffer.subarray(0, length);
    }
}

// A column of numbers packed for keeping: the steps and timestamps of a kept history are whole numbers that grow a
// little from one point to the next, so they are stored as variable-length deltas (1 to 3 bytes a point instead of
// 8). A column that is all NaN (no timestamps) takes no bytes, and one that holds anything else (a fraction, -0, a
// delta too large to be exact) is kept as doubles. Unpacking gives back exactly the numbers packed.
/** The largest delta packed (beyond it, zig-zag doubling would leave the range of exact integers). */
const MAX_DELTA = 2 ** 51;
/**
 * Memory for kept columns, carved from shared slabs at offsets aligned for doubles. A store of thousands of runs
 * keeps tens of thousands of small columns; carved from a few large buffers they sit together instead of scattered
 * between the buffers freed while reading (which kept that freed memory from being returned). A read worker packs
 * a batch into its own slabs and hands them over whole.
 */
class ColumnSlabs {
    slabBytes;
    exact;
    /** Every buffer used so far (to transfer them from a worker). */
    buffers = [];
    /** The slab being carved, and how much of it is taken. */
    current;
    used = 0;
    /**
     * `exact`: the slab size is what will be taken (columnBytes summed), so everything is carved from one buffer of
     * that size.
     */
    constructor(slabBytes = 1 << 20, exact = false) {
        this.slabBytes = slabBytes;
        this.exact = exact;
    }
    /** `bytes` of memory that live as long as the slab, at an offset aligned for doubles. */
    take(bytes) {
        if (!this.exact && bytes > this.slabBytes / 8) {
            const own = new ArrayBuffer(bytes);
            this.buffers.push(own);
            return { buffer: own, offset: 0 };
        }
        let offset = this.used;
        if (!this.current || offset + bytes > this.slabBytes) {
            this.current = new ArrayBuffer(Math.max(this.slabBytes, bytes));
            this.buffers.push(this.current);
            offset = 0;
        }
        this.used = offset + Math.ceil(bytes / 8) * 8;
        return { buffer: this.current, offset };
    }
    /** A kept copy of `column`. */
    doubles(column) {
        const { buffer, offset } = this.take(column.length * 8);
        const kept = new Float64Array(buffer, offset, column.length);
        kept.set(column);
        return kept;
    }
    /** A kept copy of `bytes`. */
    bytes(bytes) {
        const { buffer, offset } = this.take(bytes.length);
        const kept = new Uint8Array(buffer, offset, bytes.length);
        kept.set(bytes);
        return kept;
    }
}
/** The slabs of the main thread: the runs' kept histories. */
const KEPT_COLUMNS = new ColumnSlabs();
/** Measures without keeping: a view of the packed bytes where they were made (valid until the next pack). */
const MEASURE = {
    doubles: (column) => column,
    bytes: (bytes) => bytes
};
/** Scratch space for packing: 8 bytes a point covers every delta up to MAX_DELTA (at most 8 varint bytes). */
let scratch = new Uint8Array(4096);
/** The bytes packColumn takes for `column` in slabs (alignment included). */
function packedBytes(column) {
    const packed = packColumn(column, MEASURE);
    return packed ? Math.ceil(packed.byteLength / 8) * 8 : 0;
}
/** Packs `column`; see the file comment. */
function packColumn(column, memory = KEPT_COLUMNS) {
    const n = column.length;
    let allNaN = true;
    for (let i = 0; i < n; i++) {
        if (column[i] === column[i]) {
            allNaN = false;
            break;
        }
    }
    if (allNaN)
        return undefined;
    if (scratch.length < 8 * n)
        scratch = new Uint8Array(8 * n);
    const out = scratch;
    let at = 0;
    let previous = 0;
    for (let i = 0; i < n; i++) {
        const v = column[i];
        const delta = v - previous;
        if (!Number.isSafeInteger(v) || Object.is(v, -0) || Math.abs(delta) >= MAX_DELTA)
            return Float64Array.from(column);
        previous = v;
        // Zig-zag (0, -1, 1, -2 … → 0, 1, 2, 3 …), then 7 bits a byte, low bits first; arithmetic, not 32-bit shifts.
        let z = delta >= 0 ? 2 * delta : -2 * delta - 1;
        while (z >= 128) {
            out[at++] = (z % 128) | 128;
            z = Math.floor(z / 128);
        }
        out[at++] = z;
    }
    return memory.bytes(out.subarray(0, at));
}
/** The `count` numbers of a packed column. */
function unpackColumn(packed, count) {
    if (packed instanceof Float64Array)
        return packed;
    const out = new Float64Array(count);
    if (!packed)
        return out.fill(NaN);
    let at = 0;
    let previous = 0;
    for (let i = 0; i < count; i++) {
        let z = 0;
        let scale = 1;
        let b;
        do {
            b = packed[at++];
            z += (b & 127) * scale;
            scale *= 128;
        } while (b >= 128);
        previous += z % 2 ? -(z + 1) / 2 : z / 2;
        out[i] = previous;
    }
    return out;
}

// Finishing a metric series kept in columns: sorted by step, cleared of repeats, thinned to at most a given number
// of points, with the final value by the format's rule. A series may be kept in consecutive segments (a file read
// in two parts by two threads): joined here, they give exactly what one builder given every point in order gives.
/** Whether a point (step, time) written after the point (lastStep, lastTime) puts the series out of order. */
function outOfOrder(byTimestamp, step, t, lastStep, lastTime) {
    return step < lastStep || (byTimestamp && step === lastStep && (t || 0) < (lastTime || 0));
}
/**
 * Whether a point (step, time, value) written later replaces the final point so far (bestStep, bestTime,
 * bestValue) by the rule: each rule keeps the last written of the points it ranks highest.
 */
function replacesBest(rule, step, t, value, bestStep, bestTime, bestValue) {
    if (rule === 'last-written')
        return true;
    if (step !== bestStep)
        return step > bestStep;
    if (rule === 'max-step')
        return true;
    // MLflow: the later timestamp (missing counts as 0), then the higher value; NaN loses to any value.
    const ta = t || 0;
    const tb = bestTime || 0;
    if (ta !== tb)
        return ta > tb;
    return bestValue !== bestValue || value >= bestValue;
}
/** Consecutive segments of a column read as one. */
class JoinedColumn {
    parts;
    starts;
    /** The segment read last, for reads in order. */
    at = 0;
    constructor(parts, 
    /** The index of each segment's first point, then the total. */
    starts) {
        this.parts = parts;
        this.starts = starts;
    }
    get(i) {
        let s = this.at;
        if (i < this.starts[s] || i >= this.starts[s + 1]) {
            s = 0;
            while (i >= this.starts[s + 1])
                s++;
            this.at = s;
        }
        return this.parts[s].get(i - this.starts[s]);
    }
}
/** Consecutive segments of one series as one series, exactly as if every point had been written to one builder. */
function joinSeries(parts, rules) {
    const filled = parts.filter(p => p.n > 0);
    if (filled.length < 2)
        return filled[0] ?? parts[0];
    const joined = { ...filled[0] };
    const starts = [0, filled[0].n];
    for (const p of filled.slice(1)) {
        const offset = starts[starts.length - 1];
        starts.push(offset + p.n);
        joined.ordered =
            joined.ordered &&
                p.ordered &&
                !outOfOrder(rules.byTimestamp, p.steps.get(0), p.times.get(0), joined.lastStep, joined.lastTime);
        if (replacesBest(rules.final, p.bestStep, p.bestTime, p.bestValue, joined.bestStep, joined.bestTime, joined.bestValue)) {
            joined.best = offset + p.best;
            joined.bestStep = p.bestStep;
            joined.bestTime = p.bestTime;
            joined.bestValue = p.bestValue;
        }
        joined.lastStep = p.lastStep;
        joined.lastTime = p.lastTime;
    }
    joined.n = starts[starts.length - 1];
    joined.steps = new JoinedColumn(filled.map(p => p.steps), starts);
    joined.values = new JoinedColumn(filled.map(p => p.values), starts);
    joined.times = new JoinedColumn(filled.map(p => p.times), starts);
    return joined;
}
/** Sorts, drops repeats and thins a series; undefined when it has no points. */
function buildSeries(series, rules) {
    const n = series.n;
    if (n === 0)
        return undefined;
    const { steps: stepColumn, values: valueColumn, times: timeColumn } = series;
    let order;
    if (!series.ordered) {
        const steps = new Float64Array(n);
        const times = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            steps[i] = stepColumn.get(i);
            times[i] = timeColumn.get(i);
        }
        const idx = new Array(n);
        for (let i = 0; i < n; i++)
            idx[i] = i;
        // The index breaks ties, so the order is stable whatever the sort.
        if (rules.byTimestamp)
            idx.sort((a, b) => steps[a] - steps[b] || (times[a] || 0) - (times[b] || 0) || a - b);
        else
            idx.sort((a, b) => steps[a] - steps[b] || a - b);
        order = Uint32Array.from(idx);
    }
    // The kept indices (in sorted order), compacted into `keep`; none needed when every point in order is kept.
    let keep;
    let m = n;
    const repeats = rules.repeats;
    if (order || repeats !== 'keep') {
        keep = new Uint32Array(n);
        m = 0;
        for (let k = 0; k < n; k++) {
            const i = order ? order[k] : k;
            if (m > 0 && repeats !== 'keep') {
                const j = keep[m - 1];
                if (repeats === 'identical') {
                    const ti = timeColumn.get(i);
                    const tj = timeColumn.get(j);
                    if (stepColumn.get(i) === stepColumn.get(j) &&
                        (ti === tj || (ti !== ti && tj !== tj)) &&
                        Object.is(valueColumn.get(i), valueColumn.get(j)))
                        continue;
                }
                else if (stepColumn.get(i) === stepColumn.get(j)) {
                    keep[m - 1] = i;
                    continue;
                }
            }
            keep[m++] = i;
        }
    }
    const max = rules.maxPoints;
    const count = Math.min(m, max);
    const out = {
        value: series.bestValue,
        finalIndex: series.best,
        total: m,
        steps: new Float64Array(count),
        values: new Float64Array(count),
        times: new Float64Array(count)
    };
    // Evenly spaced over the full series when thinned; the first and the last point always kept.
    const stride = m <= max ? 1 : (m - 1) / (max - 1);
    for (let k = 0; k < count; k++) {
        const at = m <= max ? k : Math.round(k * stride);
        const i = keep ? keep[at] : at;
        out.steps[k] = stepColumn.get(i);
        out.values[k] = valueColumn.get(i);
        out.times[k] = timeColumn.get(i);
    }
    return out;
}

/** The most points a metric's history keeps (charts draw ≤ 40, the baseline file keeps ≤ 1000). */
const MAX_HISTORY_POINTS = 500;
/** Points per storage block: a long series grows by whole blocks, never by copying what it holds. */
const BLOCK_BITS = 12;
const BLOCK_POINTS = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_POINTS - 1;
/** A missing timestamp in a column of 32-bit offsets. */
const NO_TIME = -2147483648;
/** What a column's blocks hold, from the most compact: deltas in 8 or 16 bits, the 32-bit form, doubles. */
const DELTA8 = 0;
const DELTA16 = 1;
const NARROW = 2;
const WIDE = 3;
/** The smallest delta of each delta width marks a missing timestamp (so deltas stay within ±(2^(bits-1) - 1)). */
const DELTA_MARK = [-128, -32768];
/** Delta forms keep the value before every 256th point, so reading any one point sums at most 255 deltas. */
const CHECKPOINT_BITS = 8;
const CHECKPOINT_MASK = (1 << CHECKPOINT_BITS) - 1;
/**
 * One field of every point, in blocks of BLOCK_POINTS (the first smaller while the series is short). Values are kept
 * in 32 bits while each fits exactly: a step as an integer, a value as a float (a scalar TensorBoard logs is one),
 * a timestamp as milliseconds from the column's first (NaN as NO_TIME). A step or timestamp column may start
 * smaller still, as 8-bit deltas from the point before (16-bit once one does not fit): the builder allows it when
 * it never compares repeats, so points are read back only in order (a cursor walks the deltas) or a few at a
 * time. Anything that does not fit turns the column into the next wider form, up to doubles. Less memory per point:
 * first writes to fresh memory cost more than the reading.
 */
class Column {
    narrow;
    /** Full blocks. */
    full = [];
    current;
    mode;
    /** The timestamp offsets are from (an `offset` column's first timestamp). */
    base = NaN;
    /** Delta forms: the 32-bit value before every CHECKPOINT_POINTS-th point, and the last one stored. */
    checkpoints = [0];
    last = 0;
    /** Delta forms: where the last read stopped (block, index in it, 32-bit value there). */
    cursorBlock = -1;
    cursorAt = 0;
    cursorValue = 0;
    constructor(narrow, capacity, deltas) {
        this.narrow = narrow;
        this.mode = deltas && narrow !== 'float' ? DELTA8 : NARROW;
        this.current = this.block(capacity, this.mode);
    }
    block(size, mode) {
        if (mode === DELTA8)
            return new Int8Array(size);
        if (mode === DELTA16)
            return new Int16Array(size);
        if (mode === WIDE)
            return new Float64Array(size);
        return this.narrow === 'float' ? new Float32Array(size) : new Int32Array(size);
    }
    /** The 32-bit form of `v`, or undefined when it has none that reads back exactly. */
    fit(v) {
        if (this.narrow === 'float')
            return Math.fround(v) === v || v !== v ? v : undefined;
        if (v === 0 && 1 / v < 0)
            return undefined; // -0
        if (this.narrow === 'integer')
            return (v | 0) === v ? v : undefined;
        if (v !== v)
            return NO_TIME;
        if (this.base !== this.base) {
            if (v !== Math.floor(v) || !Number.isFinite(v))
                return undefined;
            this.base = v;
        }
        const d = v - this.base;
        // Exact: an integer base and a 32-bit integer offset give back the integer v.
        return (d | 0) === d && d !== NO_TIME ? d : undefined;
    }
    /** Stores `v` at `at` in the current block (`first`: the column's first point). */
    set(at, v, first) {
        while (this.mode !== WIDE) {
            const f = this.fit(v);
            if (f === undefined)
                break;
            if (this.mode === NARROW) {
                this.current[at] = f;
                return;
            }
            if (first && f !== NO_TIME)
                this.last = f;
            if ((at & CHECKPOINT_MASK) === 0)
                this.checkpoints[((this.full.length << BLOCK_BITS) + at) >> CHECKPOINT_BITS] = this.last;
            if (f === NO_TIME) {
                this.current[at] = DELTA_MARK[this.mode];
                return;
            }
            const d = f - this.last;
            const limit = -DELTA_MARK[this.mode] - 1;
            if (d <= limit && d >= -limit) {
                this.current[at] = d;
                this.last = f;
                return;
            }
            this.reencode(this.mode + 1);
        }
        if (this.mode !== WIDE)
            this.reencode(WIDE);
        this.current[at] = v;
    }
    /** Rewrites every block in a wider form (the current one whole: its unused slots hold zeros, deltas of nothing). */
    reencode(to) {
        const from = this.mode;
        const mark = from < NARROW ? DELTA_MARK[from] : NaN;
        const rewrite = (store, b) => {
            const out = this.block(store.length, to);
            let run = this.checkpoints[b << (BLOCK_BITS - CHECKPOINT_BITS)];
            for (let k = 0; k < store.length; k++) {
                const x = store[k];
                if (to < NARROW)
                    out[k] = x === mark ? DELTA_MARK[to] : x;
                else {
                    let f = x;
                    if (from < NARROW)
                        f = x === mark ? NO_TIME : (run += x);
                    out[k] = to === WIDE ? this.decode(f, from) : f;
                }
            }
            return out;
        };
        for (let b = 0; b < this.full.length; b++)
            this.full[b] = rewrite(this.full[b], b);
        this.current = rewrite(this.current, this.full.length);
        this.mode = to;
        this.cursorBlock = -1;
    }
    /** The value a stored 32-bit (or wide) number `x` stands for. */
    decode(x, mode = this.mode) {
        if (mode === WIDE || this.narrow !== 'offset')
            return x;
        return x === NO_TIME ? NaN : this.base + x;
    }
    /** Makes the current block `size` points long, copying what it holds (while the first block grows). */
    resize(size) {
        const bigger = this.block(size, this.mode);
        bigger.set(this.current);
        this.current = bigger;
    }
    /** Keeps the current block (full) and starts a new one. */
    next() {
        this.full.push(this.current);
        this.current = this.block(BLOCK_POINTS, this.mode);
    }
    /** This column's state for another thread: its blocks themselves (to transfer), not copies. */
    state() {
        const { narrow, full, current, mode, base, checkpoints, last } = this;
        return { narrow, full, current, mode, base, checkpoints, last };
    }
    /** The column whose state another thread gave. */
    static revive(s) {
        const c = new Column(s.narrow, 1, false);
        c.full.push(...s.full);
        c.current = s.current;
        c.mode = s.mode;
        c.base = s.base;
        c.checkpoints.splice(0, c.checkpoints.length, ...s.checkpoints);
        c.last = s.last;
        return c;
    }
    /** The value of point `i` (in a delta form: summed from the last point read or the checkpoint before it). */
    get(i) {
        const b = i >> BLOCK_BITS;
        const j = i & BLOCK_MASK;
        const store = b < this.full.length ? this.full[b] : this.current;
        if (this.mode >= NARROW)
            return this.decode(store[j]);
        const mark = DELTA_MARK[this.mode];
        let k = j & ~CHECKPOINT_MASK;
        let run = this.checkpoints[i >> CHECKPOINT_BITS];
        if (b === this.cursorBlock && j >= this.cursorAt && this.cursorAt >= k) {
            k = this.cursorAt + 1;
            run = this.cursorValue;
        }
        for (; k <= j; k++)
            if (store[k] !== mark)
                run += store[k];
        this.cursorBlock = b;
        this.cursorAt = j;
        this.cursorValue = run;
        return this.decode(store[j] === mark ? NO_TIME : run);
    }
}
/** The buffers of a builder's state, to transfer (not copy) them to another thread. */
function stateBuffers(state) {
    return state.columns.flatMap(c => [...c.full, c.current].map(block => block.buffer));
}
/**
 * Accumulates a metric's points in typed storage; see the file comment. A missing timestamp is stored as NaN.
 * Steps, values and timestamps are three Columns (32 bits each while they fit) in blocks of BLOCK_POINTS: a short
 * series starts small and doubles up to one block; a long one adds blocks, so nothing is copied and no large array
 * is allocated. The last point and the final (best) point are also kept in fields, so `add` compares without
 * reading storage back.
 */
class HistoryBuilder {
    steps;
    values;
    times;
    /** Points the current block holds room for. */
    capacity;
    /** The next free slot in the current block. */
    slot = 0;
    n = 0;
    ordered = true;
    best = -1;
    bestStep = 0;
    bestTime = 0;
    bestValue = 0;
    lastStep = 0;
    lastTime = 0;
    rule;
    byTimestamp;
    repeats;
    maxPoints;
    constructor(options = {}, capacity = 64) {
        this.rule = options.final ?? 'max-step';
        this.byTimestamp = options.byTimestamp ?? true;
        this.repeats = options.repeats ?? 'identical';
        this.maxPoints = Math.max(2, Math.floor(options.maxPoints ?? MAX_HISTORY_POINTS));
        this.capacity = Math.min(BLOCK_POINTS, Math.max(4, capacity | 0));
        // Points are read back only in order or a few at a time when repeats are never compared: deltas then.
        const deltas = this.repeats === 'keep';
        this.steps = new Column('integer', this.capacity, deltas);
        this.values = new Column('float', this.capacity, false);
        this.times = new Column('offset', this.capacity, deltas);
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
        if (this.slot === this.capacity)
            this.grow();
        const t = timestamp === undefined ? NaN : timestamp;
        const at = this.slot++;
        const first = this.n === 0;
        this.steps.set(at, step, first);
        this.values.set(at, value, first);
        this.times.set(at, t, first);
        const i = this.n++;
        if (i === 0) {
            this.setBest(0, step, value, t);
            this.lastStep = step;
            this.lastTime = t;
            return;
        }
        if (this.ordered && outOfOrder(this.byTimestamp, step, t, this.lastStep, this.lastTime))
            this.ordered = false;
        this.lastStep = step;
        this.lastTime = t;
        if (replacesBest(this.rule, step, t, value, this.bestStep, this.bestTime, this.bestValue))
            this.setBest(i, step, value, t);
    }
    setBest(i, step, value, t) {
        this.best = i;
        this.bestStep = step;
        this.bestValue = value;
        this.bestTime = t;
    }
    /** Room for more points: the first block doubles up to a full block; after that, a new block each time. */
    grow() {
        const columns = [this.steps, this.values, this.times];
        if (this.capacity < BLOCK_POINTS) {
            this.capacity = Math.min(this.capacity * 2, BLOCK_POINTS);
            for (const c of columns)
                c.resize(this.capacity);
        }
        else {
            for (const c of columns)
                c.next();
            this.slot = 0;
        }
    }
    /** Every point added, in written order, as objects (small series and tests). */
    points() {
        const out = new Array(this.n);
        for (let i = 0; i < this.n; i++)
            out[i] = historyPoint(this.steps.get(i), this.values.get(i), this.times.get(i));
        return out;
    }
    /** The final value by the rule, or undefined when there are no points. */
    finalValue() {
        return this.best < 0 ? undefined : this.bestValue;
    }
    /** Sorts, drops repeats and thins; undefined when no point was added. The builder is spent afterwards. */
    build() {
        const columns = this.buildColumns();
        return columns && builtFromColumns(columns);
    }
    /** As build(), with the kept points in typed columns (for passing between threads); undefined when empty. */
    buildColumns() {
        return buildSeries(this.view(), this.rules());
    }
    /** This builder's state for another thread (its blocks themselves: transfer them, stateBuffers). */
    state() {
        const { capacity, slot, n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime } = this;
        return {
            rules: this.rules(),
            ...{ capacity, slot, n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime },
            columns: [this.steps.state(), this.values.state(), this.times.state()]
        };
    }
    /** The builder whose state another thread gave: it goes on as that builder would have. */
    static revive(s) {
        const b = new HistoryBuilder(s.rules, 4);
        b.steps = Column.revive(s.columns[0]);
        b.values = Column.revive(s.columns[1]);
        b.times = Column.revive(s.columns[2]);
        b.capacity = s.capacity;
        b.slot = s.slot;
        b.n = s.n;
        b.ordered = s.ordered;
        b.setBest(s.best, s.bestStep, s.bestValue, s.bestTime);
        b.lastStep = s.lastStep;
        b.lastTime = s.lastTime;
        return b;
    }
    /** How this builder orders, de-duplicates, ends and thins its series. */
    rules() {
        return {
            final: this.rule,
            byTimestamp: this.byTimestamp,
            repeats: this.repeats,
            maxPoints: this.maxPoints
        };
    }
    /** The series as written so far, read through this builder's columns. */
    view() {
        const { n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime } = this;
        const { steps, values, times } = this;
        return { n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime, steps, values, times };
    }
}
/**
 * Builds a series kept in consecutive builders of the same rules (each given the points written after the one
 * before): the same result as one builder given every point. Undefined when none holds a point.
 */
function buildJoinedColumns(parts) {
    if (parts.length === 1)
        return parts[0].buildColumns();
    const rules = parts[0].rules();
    return buildSeries(joinSeries(parts.map(p => p.view()), rules), rules);
}
/** The history objects of a series built into columns. */
function builtFromColumns(c) {
    return { value: c.value, finalIndex: c.finalIndex, history: historyFromColumns(c), total: c.total };
}
/** The points of a series built into columns, as objects. */
function historyFromColumns(c) {
    const count = c.steps.length;
    const history = new Array(count);
    for (let k = 0; k < count; k++)
        history[k] = historyPoint(c.steps[k], c.values[k], c.times[k]);
    return history;
}
/** One point as an object; a NaN timestamp is left out. */
function historyPoint(s, value, t) {
    // An integer step as a small integer: V8 then keeps the field unboxed (one allocation less per point).
    const si = s | 0;
    const step = si === s && !Object.is(s, -0) ? si : s;
    return t === t ? { step, value, timestamp: t } : { step, value };
}
/** Makes `history` a plain property of `metric`, in the place the accessor held. */
function keepHistory(metric, history) {
    Object.defineProperty(metric, 'history', {
        value: history,
        enumerable: true,
        configurable: true,
        writable: true
    });
}
/** Packs a built series into `memory` (the main thread's kept columns unless given). */
function packSeries(c, memory = KEPT_COLUMNS) {
    return {
        value: c.value,
        finalIndex: c.finalIndex,
        total: c.total,
        count: c.values.length,
        values: memory.doubles(c.values),
        steps: packColumn(c.steps, memory),
        times: packColumn(c.times, memory)
    };
}
/** The kept points of a series, built or packed, as objects. */
function historyOfSeries(s) {
    if (!('count' in s))
        return historyFromColumns(s);
    return historyFromColumns({
        steps: unpackColumn(s.steps, s.count),
        values: s.values,
        times: unpackColumn(s.times, s.count)
    });
}
/**
 * A metric from a series, as metricFromBuilt makes it, except that its history stays packed until something reads
 * `history`: values as doubles, steps and timestamps as small deltas (packed-column.ts), about 12 bytes a point
 * where the objects take about 80. The first read makes the point objects and keeps them as a plain property. A
 * store of thousands of runs then holds its histories in a small part of the memory, while the few that a report
 * draws become objects. The fields, their order and their values (JSON included) are the same as metricFromBuilt's.
 */
function metricFromColumns(series) {
    const packed = 'count' in series ? series : packSeries(series);
    const metric = { value: packed.value };
    Object.defineProperty(metric, 'history', {
        enumerable: true,
        configurable: true,
        get() {
            const history = historyOfSeries(packed);
            keepHistory(this, history);
            return history;
        },
        set(history) {
            keepHistory(this, history);
        }
    });
    if (packed.total > packed.count)
        metric.historyPoints = packed.total;
    return metric;
}

// A small reader of the protocol buffers wire format (varint, 64-bit, length-delimited, 32-bit) over Buffer
// offsets: no code generation, no copies. The W&B and TensorBoard readers decode the few fields they need and
// skip the rest. Malformed input throws ProtoError, which the readers turn into a diagnostic.
/** Wire types of the protobuf encoding. */
const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };
/** Thrown when bytes are not a well-formed protobuf message; `offset` is relative to the buffer start. */
class ProtoError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'ProtoError';
    }
}
const TWO_32 = 4294967296;
/**
 * A cursor over one message in `buf[start, end)`. Call `next()` to move to each field, then read its value
 * with the method that fits its wire type (or `skip()`). One reader can be reused with `reset()`.
 */
class ProtoReader {
    buf;
    pos;
    end;
    /** Field number of the current field. */
    field = 0;
    /** Wire type of the current field. */
    wire = 0;
    /** Start of the last length-delimited value read by `bytes()`. */
    start = 0;
    /** Low and high 32 bits of the last varint read. */
    lo = 0;
    hi = 0;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    /** Points the reader at another message without allocating. */
    reset(buf, start, end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.field = 0;
        this.wire = 0;
        return this;
    }
    /** Moves to the next field; false at the end of the message. */
    next() {
        if (this.pos >= this.end)
            return false;
        const tag = this.uint32();
        this.field = tag >>> 3;
        this.wire = tag & 7;
        if (this.field === 0)
            throw new ProtoError('field number 0 is not valid', this.pos);
        return true;
    }
    /** Reads a varint into lo/hi (up to 64 bits). */
    readVarint() {
        const buf = this.buf;
        let pos = this.pos;
        const end = this.end;
        let lo = 0;
        let hi = 0;
        let b;
        let shift = 0;
        // Low 28 bits from the first 4 bytes.
        for (; shift < 28; shift += 7) {
            if (pos >= end)
                throw new ProtoError('truncated varint', pos);
            b = buf[pos++];
            lo |= (b & 0x7f) << shift;
            if (b < 0x80) {
                this.pos = pos;
                this.lo = lo >>> 0;
                this.hi = 0;
                return;
            }
        }
        // The 5th byte: 4 bits to lo, 3 bits to hi.
        if (pos >= end)
            throw new ProtoError('truncated varint', pos);
        b = buf[pos++];
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
        if (b >= 0x80) {
            for (shift = 3;; shift += 7) {
                if (pos >= end)
                    throw new ProtoError('truncated varint', pos);
                if (shift > 63)
                    throw new ProtoError('varint longer than 10 bytes', pos);
                b = buf[pos++];
                if (shift < 32)
                    hi |= (b & 0x7f) << shift;
                if (b < 0x80)
                    break;
            }
        }
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
    }
    /** A varint as an unsigned 32-bit number (higher bits dropped). */
    uint32() {
        const buf = this.buf;
        if (this.pos < this.end && buf[this.pos] < 0x80)
            return buf[this.pos++];
        this.readVarint();
        return this.lo;
    }
    /** A varint as a signed 64-bit integer (int32/int64 fields); exact up to 2^53. */
    int64() {
        this.readVarint();
        if (this.hi & 0x80000000)
            return -((~this.hi >>> 0) * TWO_32 + ((~this.lo >>> 0) + 1));
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as an unsigned 64-bit integer; exact up to 2^53. */
    uint64() {
        this.readVarint();
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as a boolean. */
    bool() {
        return this.uint32() !== 0;
    }
    /** A 64-bit little-endian double (wire type 1). */
    double() {
        if (this.pos + 8 > this.end)
            throw new ProtoError('truncated 64-bit value', this.pos);
        const v = this.buf.readDoubleLE(this.pos);
        this.pos += 8;
        return v;
    }
    /** A 32-bit little-endian float (wire type 5). */
    float() {
        if (this.pos + 4 > this.end)
            throw new ProtoError('truncated 32-bit value', this.pos);
        const v = this.buf.readFloatLE(this.pos);
        this.pos += 4;
        return v;
    }
    /** A length-delimited value: returns its end offset; its start is in `this.start`. Moves past it. */
    bytes() {
        const len = this.uint32();
        const start = this.pos;
        const end = start + len;
        if (end > this.end)
            throw new ProtoError(`length-delimited field of ${len} bytes runs past the end of the message`, start);
        this.start = start;
        this.pos = end;
        return end;
    }
    /** A length-delimited value decoded as UTF-8 text. */
    string() {
        const end = this.bytes();
        return this.buf.toString('utf8', this.start, end);
    }
    /** Skips the current field's value, whatever its wire type. */
    skip() {
        switch (this.wire) {
            case WIRE.varint:
                this.readVarint();
                return;
            case WIRE.fixed64:
                this.pos += 8;
                break;
            case WIRE.bytes:
                this.bytes();
                return;
            case WIRE.fixed32:
                this.pos += 4;
                break;
            case WIRE.startGroup: {
                const field = this.field;
                while (this.next()) {
                    if (this.wire === WIRE.endGroup) {
                        if (this.field !== field)
                            throw new ProtoError('mismatched end of group', this.pos);
                        return;
                    }
                    this.skip();
                }
                throw new ProtoError('unterminated group', this.pos);
            }
            default:
                throw new ProtoError(`unknown wire type ${this.wire}`, this.pos);
        }
        if (this.pos > this.end)
            throw new ProtoError('truncated fixed-size value', this.end);
    }
}
/** Converts an IEEE 754 half-precision value (its 16 bits) to a number. */
function halfToNumber(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >> 10) & 0x1f;
    const frac = bits & 0x3ff;
    if (exp === 0)
        return sign * frac * 2 ** -24;
    if (exp === 0x1f)
        return frac ? NaN : sign * Infinity;
    return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

// Generated by scripts/make-crc-wasm.mjs: do not edit. The WebAssembly module that checks TFRecord framing with
// CRC-32C (slicing-by-8); see that script for what it exports and its memory layout.
/** The module's bytes, base64. */
const CRC32C_WASM = 'AGFzbQEAAAABDgJgAn9/AX9gA39/fwF/AwMCAAEFAwEAAQcZAwZtZW1vcnkCAANjcmMAAAZ2ZXJpZnkAAQrpAgLrAQEEf0F/IQIgASABIABrQQdxayEEAkADQCAAIARPDQEgACgCACACcyEDIAAoAgQhBSADQf8BcUECdCgCgDggA0EIdkH/AXFBAnQoAoAwcyADQRB2Qf8BcUECdCgCgChzIANBGHZBAnQoAoAgcyAFQf8BcUECdCgCgBhzIAVBCHZB/wFxQQJ0KAKAEHMgBUEQdkH/AXFBAnQoAoAIcyAFQRh2QQJ0KAIAcyECIABBCGohAAwACwsCQANAIAAgAU8NASACIAAtAABzQf8BcUECdCgCACACQQh2cyECIABBAWohAAwACwsgAkF/cwt6AQJ/AkADQCAAQQxqIAFLDQEgACAAQQhqEABBD3hB2NWLlHpqIAAoAghHDQEgACgCBA0BIAAoAgAiAyACSw0BIABBEGogA2oiBCABSw0BIABBDGogBEEEaxAAQQ94QdjVi5R6aiAEQQRrKAIARw0BIAQhAAwACwsgAAs=';

// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy. TFRecord framing is also
// checked in bulk by a small WebAssembly kernel (crc32c-wasm.ts, written by scripts/make-crc-wasm.mjs), about three
// times as fast as the same tables in JavaScript.
/** The eight slicing tables of a reflected polynomial, flat: table k at [256k, 256k + 256). Int32 to stay in small integers. */
function makeTables(poly) {
    const t = new Int32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
        t[n] = c;
    }
    for (let k = 1; k < 8; k++) {
        for (let n = 0; n < 256; n++) {
            const prev = t[(k - 1) * 256 + n];
            t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
        }
    }
    return t;
}
const IEEE = makeTables(0xedb88320);
const CASTAGNOLI = makeTables(0x82f63b78);
function update(t, crc, buf, start, end) {
    let c = ~crc;
    let i = start;
    const fast = end - ((end - start) & 7);
    while (i < fast) {
        const a = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) ^ c;
        c =
            t[1792 + (a & 0xff)] ^
                t[1536 + ((a >>> 8) & 0xff)] ^
                t[1280 + ((a >>> 16) & 0xff)] ^
                t[1024 + (a >>> 24)] ^
                t[768 + buf[i + 4]] ^
                t[512 + buf[i + 5]] ^
                t[256 + buf[i + 6]] ^
                t[buf[i + 7]];
        i += 8;
    }
    while (i < end)
        c = t[(c ^ buf[i++]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
/** CRC-32 (IEEE 802.3, zlib's `crc32`) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32(buf, start = 0, end = buf.length, crc = 0) {
    return update(IEEE, crc, buf, start, end);
}
/** CRC-32C (Castagnoli) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32c(buf, start = 0, end = buf.length, crc = 0) {
    return update(CASTAGNOLI, crc, buf, start, end);
}
/** The masked CRC-32C TFRecord and LevelDB store: rotate right by 15 bits and add 0xa282ead8. */
function maskedCrc32c(buf, start = 0, end = buf.length) {
    const c = crc32c(buf, start, end);
    return ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;
}
/** Where the WebAssembly kernel keeps the bytes it checks (its tables sit below). */
const WASM_DATA = 8 * 256 * 4;
/** The most bytes the kernel checks per call: a read chunk (1 MiB) fits, so each chunk is copied in once. */
const WASM_WINDOW = 1 << 20;
/** The kernel with its tables in place; undefined until first used, null where WebAssembly cannot run. */
let kernel;
function crcKernel() {
    if (kernel !== undefined)
        return kernel;
    kernel = null;
    const wasm = globalThis.WebAssembly;
    // Without WebAssembly (e.g. node --jitless) the JavaScript tables check every record.
    if (!wasm)
        return kernel;
    try {
        const module = new wasm.Module(Buffer.from(CRC32C_WASM, 'base64'));
        const exports = new wasm.Instance(module, {}).exports;
        const pages = Math.ceil((WASM_DATA + WASM_WINDOW) / 65536);
        exports.memory.grow(pages - exports.memory.buffer.byteLength / 65536);
        const tables = new DataView(exports.memory.buffer, 0, WASM_DATA);
        for (let i = 0; i < CASTAGNOLI.length; i++)
            tables.setInt32(i * 4, CASTAGNOLI[i], true);
        kernel = { exports, bytes: new Uint8Array(exports.memory.buffer) };
    }
    catch {
        // A module that cannot be made here (no memory to grow): the JavaScript tables check every record.
    }
    return kernel;
}
/**
 * How far whole TFRecords from `start` are affirmed by the WebAssembly kernel: the offset of the first record it
 * cannot affirm (incomplete before `end`, a masked CRC-32C of its length or data that does not match, a length over
 * `maxRecord`), or of the end of its window. Returns `start` when it affirms nothing; the caller checks that record
 * itself, so what is reported for a bad record never depends on the kernel.
 */
function affirmedTfRecordsEnd(buf, start, end, maxRecord) {
    const k = crcKernel();
    if (!k)
        return start;
    const stop = Math.min(end, start + WASM_WINDOW);
    k.bytes.set(buf.subarray(start, stop), WASM_DATA);
    return start + k.exports.verify(WASM_DATA, WASM_DATA + stop - start, maxRecord) - WASM_DATA;
}

/** How TensorBoard series are kept: sorted by step only (stable: a repeated step keeps the order written); the final
 * value is the last written point of the highest step. */
const SERIES_OPTIONS = { final: 'max-step', byTimestamp: false, repeats: 'keep' };
/**
 * Scalar series of one or more event files, by tag, kept in typed columns (no object per point until the end). A
 * tag's points may sit in consecutive segments: the series another thread read from a later part of a file is
 * appended whole, and points added after it start a new segment.
 */
class ScalarSeries {
    /** Each tag's segments, in the order the tags first came. */
    segments = new Map();
    /** The segment each tag's next point goes to (none after a series was appended, until its next point). */
    open = new Map();
    /** Counts of what was skipped, by kind. */
    skipped = { nonScalar: 0, hparams: 0, placeholder: 0 };
    events = 0;
    /** Adds one point of a tag (`wallTime` in seconds). */
    add(tag, step, wallTime, value) {
        let c = this.open.get(tag);
        if (!c) {
            this.open.set(tag, (c = new HistoryBuilder(SERIES_OPTIONS)));
            const earlier = this.segments.get(tag);
            if (earlier)
                earlier.push(c);
            else
                this.segments.set(tag, [c]);
        }
        c.add(step, value, Math.round(wallTime * 1000));
    }
    /** Number of points over all tags. */
    get points() {
        let n = 0;
        for (const parts of this.segments.values())
            for (const c of parts)
                n += c.length;
        return n;
    }
    /** This series for another thread, and the buffers to transfer with it (the series is spent afterwards). */
    state() {
        const tags = [];
        const transfer = [];
        for (const [tag, parts] of this.segments) {
            const states = parts.map(c => c.state());
            for (const st of states)
                transfer.push(...stateBuffers(st));
            tags.push([tag, states]);
        }
        return { state: { tags, skipped: { ...this.skipped }, events: this.events }, transfer };
    }
    /** Appends a series read from the part of a file after everything added so far (as if its points were added). */
    append(other) {
        for (const [tag, states] of other.tags) {
            const parts = states.map(st => HistoryBuilder.revive(st));
            this.open.delete(tag);
            const earlier = this.segments.get(tag);
            if (earlier)
                earlier.push(...parts);
            else
                this.segments.set(tag, parts);
        }
        this.skipped.nonScalar += other.skipped.nonScalar;
        this.skipped.hparams += other.skipped.hparams;
        this.skipped.placeholder += other.skipped.placeholder;
        this.events += other.events;
    }
    /** Each tag's metric: the final value from the full series, the history sorted by step and thinned. */
    metrics() {
        const out = new Map();
        for (const [tag, parts] of this.segments) {
            const built = buildJoinedColumns(parts);
            if (built)
                out.set(tag, metricFromColumns(built));
        }
        return out;
    }
}
const SCALARS = Buffer.from('scalars');
const HPARAMS = Buffer.from('hparams');
function sameBytes(buf, start, end, name) {
    if (end - start !== name.length)
        return false;
    for (let i = 0; i < name.length; i++)
        if (buf[start + i] !== name[i])
            return false;
    return true;
}
/** SummaryMetadata of the scalars plugin: plugin_data (1) holding plugin_name "scalars" (1) and maybe content (2). */
const SCALARS_METADATA = Buffer.from([0x0a, 0x07, ...SCALARS]);
/**
 * Where the body of the tensor field (8) starts when buf[at, end) is exactly an optional scalars-plugin metadata
 * field (9; any content under 128 bytes) then that tensor field running to `end`, each length under 128; else -1.
 */
function tensorAfterMetadata(buf, at, end) {
    if (buf[at] === 0x4a) {
        const inner = at + 4; // past 4a LEN 0a LEN
        const metadataEnd = at + 2 + buf[at + 1];
        if (buf[at + 1] >= 0x80 || buf[at + 2] !== 0x0a || buf[at + 3] !== buf[at + 1] - 2)
            return -1;
        if (!sameBytes(buf, inner, inner + SCALARS_METADATA.length, SCALARS_METADATA))
            return -1;
        const content = inner + SCALARS_METADATA.length;
        if (content !== metadataEnd) {
            if (buf[content] !== 0x12 || buf[content + 1] >= 0x80 || content + 2 + buf[content + 1] !== metadataEnd)
                return -1;
        }
        at = metadataEnd;
    }
    if (buf[at] !== 0x42 || buf[at + 1] >= 0x80 || at + 2 + buf[at + 1] !== end)
        return -1;
    return at + 2;
}
const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_BFLOAT16 = 14;
const DT_HALF = 19;
class EventDecoder {
    series;
    event = new ProtoReader(Buffer.alloc(0));
    summary = new ProtoReader(Buffer.alloc(0));
    value = new ProtoReader(Buffer.alloc(0));
    inner = new ProtoReader(Buffer.alloc(0));
    tensor = new ProtoReader(Buffer.alloc(0));
    plugin = new ProtoReader(Buffer.alloc(0));
    /** Tags seen so far, by a hash of their bytes: decoding the same tag again allocates nothing. */
    tags = new Map();
    /** The tag read last: writers log the same tags in the same order, so its successor is tried first. */
    lastTag;
    constructor(series) {
        this.series = series;
    }
    /** The tag at buf[start, end): the one that followed the last tag before, or from the cache by its bytes. */
    internTag(buf, start, end) {
        const guess = this.lastTag?.next;
        if (guess && sameBytes(buf, start, end, guess.bytes))
            return (this.lastTag = guess);
        let h = 0x811c9dc5 ^ (end - start);
        for (let i = start; i < end; i++)
            h = Math.imul(h ^ buf[i], 0x01000193);
        const hit = this.tags.get(h);
        let found;
        if (hit && sameBytes(buf, start, end, hit.bytes))
            found = hit;
        else {
            const tag = buf.toString('utf8', start, end);
            found = { bytes: Buffer.from(buf.subarray(start, end)), tag, hparams: tag.startsWith('_hparams_/') };
            if (!hit && this.tags.size < 100_000)
                this.tags.set(h, found);
        }
        if (this.lastTag)
            this.lastTag.next = found;
        return (this.lastTag = found);
    }
    /** A DataView of the last buffer decoded (the reader's chunks come in one reused buffer). */
    viewOf;
    view = new DataView(new ArrayBuffer(8));
    /** The DataView over `buf`, offsets as in `buf`: floats read through it, not through Buffer's checked readers. */
    dataView(buf) {
        if (buf !== this.viewOf) {
            this.viewOf = buf;
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        }
        return this.view;
    }
    /** Decodes one Event into the series. */
    decode(buf, start, end) {
        if (!this.commonEvent(buf, start, end))
            this.anyEvent(buf, start, end);
    }
    /**
     * The common Event, taken from its bytes: wall_time (1), a step (2) under 2^28, then the summary (5) running to the
     * end, in that order. False, having read nothing, for any other shape (anyEvent reads it then, to the same result).
     */
    commonEvent(buf, start, end) {
        if (buf[start] !== 0x09 || buf[start + 9] !== 0x10)
            return false;
        let at = start + 10;
        let step = 0;
        for (let shift = 0;; shift += 7) {
            if (shift === 28 || at >= end)
                return false;
            const b = buf[at++];
            step += (b & 0x7f) << shift;
            if (b < 0x80)
                break;
        }
        if (buf[at++] !== 0x2a)
            return false;
        let length = 0;
        for (let shift = 0;; shift += 7) {
            if (shift === 28 || at >= end)
                return false;
            const b = buf[at++];
            length += (b & 0x7f) << shift;
            if (b < 0x80)
                break;
        }
        if (at + length !== end)
            return false;
        this.series.events++;
        this.summaryValues(buf, at, end, step, this.dataView(buf).getFloat64(start + 1, true));
        return true;
    }
    /** An Event of any shape: wall_time 1, step 2, summary 5; other fields skipped. */
    anyEvent(buf, start, end) {
        const e = this.event.reset(buf, start, end);
        let wallTime = 0;
        let step = 0;
        let summaryStart = -1;
        let summaryEnd = -1;
        while (e.next()) {
            if (e.field === 1 && e.wire === 1)
                wallTime = e.double();
            else if (e.field === 2 && e.wire === 0)
                step = e.int64();
            else if (e.field === 5 && e.wire === 2) {
                summaryEnd = e.bytes();
                summaryStart = e.start;
            }
            else
                e.skip();
        }
        this.series.events++;
        if (summaryStart >= 0)
            this.summaryValues(buf, summaryStart, summaryEnd, step, wallTime);
    }
    /** The Values (field 1) of the Summary in buf[start, end). */
    summaryValues(buf, start, end, step, wallTime) {
        const s = this.summary.reset(buf, start, end);
        while (s.next()) {
            if (s.field === 1 && s.wire === 2) {
                const vEnd = s.bytes();
                if (!this.fastValue(buf, s.start, vEnd, step, wallTime))
                    this.decodeValue(buf, s.start, vEnd, step, wallTime);
            }
            else
                s.skip();
        }
    }
    /**
     * The common Values, taken without the general decoder: a tag (field 1, under 128 bytes) then either TF1's
     * simple_value (field 2) and nothing else, or TF2's scalar: the scalars plugin's metadata (field 9, optional) and a
     * DT_FLOAT or DT_DOUBLE tensor (field 8) of an empty shape holding one value in tensor_content or a packed
     * float_val/double_val. False, having read nothing, when the Value has any other shape (decodeValue reads it then,
     * to the same result for these shapes).
     */
    fastValue(buf, start, end, step, wallTime) {
        if (buf[start] !== 0x0a || buf[start + 1] >= 0x80)
            return false;
        const tagEnd = start + 2 + buf[start + 1];
        let value;
        if (tagEnd + 5 === end && buf[tagEnd] === 0x15)
            value = this.dataView(buf).getFloat32(tagEnd + 1, true);
        else {
            const tensor = tensorAfterMetadata(buf, tagEnd, end);
            if (tensor < 0)
                return false;
            const scalar = this.tensorScalar(buf, tensor, end);
            if (scalar === undefined)
                return false;
            value = scalar;
        }
        const tag = this.internTag(buf, start + 2, tagEnd);
        if (tag.hparams)
            this.series.skipped.hparams++;
        else
            this.addScalar(tag.tag, step, wallTime, value);
        return true;
    }
    /**
     * The value of the tensor whose body is buf[at, end): `08 dtype 12 00` (DT_FLOAT or DT_DOUBLE, empty shape) then
     * one field holding 4 or 8 bytes to the end: tensor_content (4), float_val (5) or double_val (6), packed.
     */
    tensorScalar(buf, at, end) {
        if (buf[at] !== 0x08 || buf[at + 2] !== 0x12 || buf[at + 3] !== 0x00)
            return undefined;
        const dtype = buf[at + 1];
        const field = buf[at + 4];
        const size = buf[at + 5];
        if (at + 6 + size !== end)
            return undefined;
        if (dtype === DT_FLOAT && size === 4 && (field === 0x22 || field === 0x2a))
            return this.dataView(buf).getFloat32(at + 6, true);
        if (dtype === DT_DOUBLE && size === 8 && (field === 0x22 || field === 0x32))
            return this.dataView(buf).getFloat64(at + 6, true);
        return undefined;
    }
    /** Adds a scalar, except Lightning's placeholder. */
    addScalar(tag, step, wallTime, value) {
        // PyTorch Lightning logs hp_metric = -1 as a placeholder when it records hyperparameters.
        if (tag === 'hp_metric' && value === -1)
            this.series.skipped.placeholder++;
        else
            this.series.add(tag, step, wallTime, value);
    }
    decodeValue(buf, start, end, step, wallTime) {
        const v = this.value.reset(buf, start, end);
        let tag;
        let simple;
        let tensorStart = -1;
        let tensorEnd = -1;
        let plugin = '';
        let other = false;
        while (v.next()) {
            const f = v.field;
            if (f === 1 && v.wire === 2) {
                const tEnd = v.bytes();
                tag = this.internTag(buf, v.start, tEnd).tag;
            }
            else if (f === 2 && v.wire === 5)
                simple = v.float();
            else if (f === 8 && v.wire === 2) {
                tensorEnd = v.bytes();
                tensorStart = v.start;
            }
            else if (f === 9 && v.wire === 2) {
                const mEnd = v.bytes();
                plugin = this.pluginName(buf, v.start, mEnd);
            }
            else {
                if (f >= 3 && f <= 6)
                    other = true;
                v.skip();
            }
        }
        if (tag === undefined)
            return;
        if (plugin === 'hparams' || tag.startsWith('_hparams_/')) {
            this.series.skipped.hparams++;
            return;
        }
        let value;
        if (simple !== undefined)
            value = simple;
        else if (tensorStart >= 0 && (plugin === 'scalars' || plugin === ''))
            value = this.scalarTensor(buf, tensorStart, tensorEnd);
        if (value === undefined || other) {
            this.series.skipped.nonScalar++;
            return;
        }
        this.addScalar(tag, step, wallTime, value);
    }
    /** SummaryMetadata.plugin_data (1) → plugin_name (1). */
    pluginName(buf, start, end) {
        const m = this.inner.reset(buf, start, end);
        while (m.next()) {
            if (m.field === 1 && m.wire === 2) {
                const pEnd = m.bytes();
                const p = this.plugin.reset(buf, m.start, pEnd);
                while (p.next()) {
                    if (p.field === 1 && p.wire === 2) {
                        // The two names that matter, matched on their bytes: no string per value.
                        const nEnd = p.bytes();
                        if (sameBytes(buf, p.start, nEnd, SCALARS))
                            return 'scalars';
                        if (sameBytes(buf, p.start, nEnd, HPARAMS))
                            return 'hparams';
                        return buf.toString('utf8', p.start, nEnd);
                    }
                    p.skip();
                }
                return '';
            }
            m.skip();
        }
        return '';
    }
    /** The value of a one-element float tensor (DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16); undefined otherwise. */
    scalarTensor(buf, start, end) {
        const t = this.tensor.reset(buf, start, end);
        let dtype = 0;
        let elements = 1;
        let contentStart = -1;
        let contentEnd = -1;
        // Only one value matters: count them, keep the first (no array per tensor).
        let count = 0;
        let first = 0;
        while (t.next()) {
            const f = t.field;
            if (f === 1 && t.wire === 0)
                dtype = t.uint32();
            else if (f === 2 && t.wire === 2)
                elements = this.shapeElements(t);
            else if (f === 4 && t.wire === 2) {
                contentEnd = t.bytes();
                contentStart = t.start;
            }
            else if (f === 5 || f === 6 || f === 13) {
                // float_val, double_val, half_val: packed (wire 2) or one value per field.
                if (t.wire === 2) {
                    const pEnd = t.bytes();
                    const p = t.start;
                    const size = f === 5 ? 4 : 8;
                    if (f !== 13) {
                        const n = Math.floor((pEnd - p) / size);
                        if (count === 0 && n > 0)
                            first = f === 5 ? buf.readFloatLE(p) : buf.readDoubleLE(p);
                        count += n;
                    }
                    else {
                        const h = new ProtoReader(buf, p, pEnd);
                        while (h.pos < h.end) {
                            const v = this.halfBits(dtype, h.uint32());
                            if (count++ === 0)
                                first = v;
                        }
                    }
                }
                else if (f === 5 && t.wire === 5) {
                    const v = t.float();
                    if (count++ === 0)
                        first = v;
                }
                else if (f === 6 && t.wire === 1) {
                    const v = t.double();
                    if (count++ === 0)
                        first = v;
                }
                else if (f === 13 && t.wire === 0) {
                    const v = this.halfBits(dtype, t.uint32());
                    if (count++ === 0)
                        first = v;
                }
                else
                    t.skip();
            }
            else
                t.skip();
        }
        if (elements !== 1)
            return undefined;
        if (contentStart >= 0) {
            const s = contentStart;
            const size = contentEnd - s;
            if (dtype === DT_FLOAT && size === 4)
                return buf.readFloatLE(s);
            if (dtype === DT_DOUBLE && size === 8)
                return buf.readDoubleLE(s);
            if ((dtype === DT_HALF || dtype === DT_BFLOAT16) && size === 2)
                return this.halfBits(dtype, buf.readUInt16LE(s));
            return undefined;
        }
        if (dtype !== DT_FLOAT && dtype !== DT_DOUBLE && dtype !== DT_HALF && dtype !== DT_BFLOAT16)
            return undefined;
        return count === 1 ? first : undefined;
    }
    halfBits(dtype, bits) {
        if (dtype === DT_BFLOAT16) {
            const b = Buffer.alloc(4);
            b.writeUInt32LE(((bits & 0xffff) << 16) >>> 0);
            return b.readFloatLE(0);
        }
        return halfToNumber(bits & 0xffff);
    }
    /** TensorShapeProto: the product of dim (2) sizes (1); a scalar has no dims. */
    shapeElements(t) {
        const sEnd = t.bytes();
        const s = new ProtoReader(t.buf, t.start, sEnd);
        let elements = 1;
        while (s.next()) {
            if (s.field === 2 && s.wire === 2) {
                const dEnd = s.bytes();
                const d = new ProtoReader(s.buf, s.start, dEnd);
                let size = 0;
                while (d.next()) {
                    if (d.field === 1 && d.wire === 0)
                        size = d.int64();
                    else
                        d.skip();
                }
                elements *= size;
            }
            else if (s.field === 3 && s.wire === 0) {
                if (s.bool())
                    elements = -1;
            }
            else
                s.skip();
        }
        return elements;
    }
}

// TFRecord framing, as TensorBoard event files use it: each record is its length (8 bytes), the masked CRC-32C of
// the length (4), the data, and the masked CRC-32C of the data (4). Scanned over chunks of one reused buffer, both
// checksums checked; a large file may be scanned in two parts at once, split at a record found by its checksums.
/** What a Git LFS pointer file starts with. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';
/** The largest single record accepted (a bigger one means a corrupt length or a file that is not event data). */
const MAX_RECORD = 256 * 1024 * 1024;
/**
 * Scans TFRecord framing over a stream of chunks, checking both masked CRC-32Cs, and calls `onRecord` with
 * the buffer and the record's [start, end) (valid only during the call). Stops at the first corrupt byte.
 * A chunk may be overwritten once the next one is asked for (ReadContext.readChunks): the bytes of a record split
 * across chunks are copied.
 * Longer than 80 lines on purpose: the framing state (the bytes carried over from one chunk to the next, the file
 * offset) is shared by its two parts, parse and recordBytes, which run once per record of a file of any size.
 */
// eslint-disable-next-line max-lines-per-function -- the framing state is shared by its per-record parts (see above)
async function scanTfRecords(chunks, onRecord, options = {}) {
    const result = { records: 0, bytes: 0 };
    let rest;
    let base = options.offset ?? 0; // file offset of rest[0]
    let stopAt = options.stopAt;
    // A Git LFS pointer is recognised at the start of a file only.
    let first = base === 0;
    /**
     * Parses the whole records in `buf`; keeps the incomplete tail in `rest` (a copy unless `owned`: `buf` was made
     * here, not handed in as a chunk). False when the file is corrupt or the scan stopped where it was asked to.
     */
    const parse = (buf, owned) => {
        let pos = 0;
        const n = buf.length;
        // Records before `affirmed` passed both CRC checks in the WebAssembly kernel; from there on, each record is
        // checked here until the kernel affirms more, so every error below reads as it always did.
        let affirmed = 0;
        while (pos + 12 <= n) {
            if (stopAt !== undefined && base + pos >= stopAt) {
                if (base + pos === stopAt) {
                    result.stoppedAt = stopAt;
                    return false;
                }
                stopAt = undefined;
            }
            if (pos >= affirmed)
                affirmed = affirmedTfRecordsEnd(buf, pos, n, MAX_RECORD);
            const checked = pos < affirmed;
            if (!checked && maskedCrc32c(buf, pos, pos + 8) !== buf.readUInt32LE(pos + 8)) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} fails the CRC-32C check of its length; the file is corrupt from there`
                };
                return false;
            }
            const len = buf.readUInt32LE(pos + 4) * 4294967296 + buf.readUInt32LE(pos);
            if (len > MAX_RECORD) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} claims ${len} bytes, more than the ${MAX_RECORD}-byte limit; reading stopped there`
                };
                return false;
            }
            const end = pos + 12 + len + 4;
            if (end > n)
                break;
            if (!checked && maskedCrc32c(buf, pos + 12, pos + 12 + len) !== buf.readUInt32LE(end - 4)) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} (${len} bytes) fails the CRC-32C check of its data; the file is corrupt from there`
                };
                return false;
            }
            result.records++;
            onRecord(buf, pos + 12, pos + 12 + len, base + pos);
            pos = end;
        }
        base += pos;
        rest = pos >= n ? undefined : owned ? buf.subarray(pos) : Buffer.from(buf.subarray(pos));
        return true;
    };
    /** Bytes of the record that starts `head` (12 while its header is incomplete or wrong: parse reports that). */
    const recordBytes = (head) => {
        if (head.length < 12 || maskedCrc32c(head, 0, 8) !== head.readUInt32LE(8))
            return 12;
        const len = head.readUInt32LE(4) * 4294967296 + head.readUInt32LE(0);
        return len > MAX_RECORD ? 12 : 12 + len + 4;
    };
    for await (const chunk of chunks) {
        result.bytes += chunk.length;
        let buf = chunk;
        if (first) {
            buf = rest ? Buffer.concat([rest, chunk]) : chunk;
            rest = undefined;
            if (buf.length < LFS_POINTER.length) {
                rest = buf === chunk ? Buffer.from(buf) : buf;
                continue;
            }
            first = false;
            if (buf.toString('latin1', 0, LFS_POINTER.length) === LFS_POINTER) {
                result.lfsPointer = true;
                return result;
            }
        }
        // A record split across chunks: copy only its own bytes from this chunk (never the whole chunk) to finish it.
        while (rest && buf.length) {
            const take = Math.max(0, Math.min(recordBytes(rest) - rest.length, buf.length));
            const joined = Buffer.concat([rest, buf.subarray(0, take)]);
            buf = buf.subarray(take);
            rest = undefined;
            if (!parse(joined, true))
                return result;
            if (take === 0)
                break;
        }
        if (buf.length && !parse(buf, false))
            return result;
    }
    if (first && rest) {
        const buf = rest;
        rest = undefined;
        if (!parse(buf, true))
            return result;
    }
    if (rest)
        result.truncatedAt = base;
    return result;
}
/**
 * The offset in buf[from, end) of the first byte where a record starts beyond doubt: its length and data pass both
 * CRC-32C checks and so does the length of the record after it; -1 when there is none whose two headers and data
 * lie within the bytes given. A match inside a record's data by chance would take three checksums matching.
 */
function findRecordStart(buf, from, end) {
    const headerOk = (at) => at + 12 <= end &&
        maskedCrc32c(buf, at, at + 8) === buf.readUInt32LE(at + 8) &&
        buf.readUInt32LE(at + 4) === 0;
    for (let at = from; at + 12 <= end; at++) {
        if (!headerOk(at))
            continue;
        const len = buf.readUInt32LE(at);
        const next = at + 12 + len + 4;
        if (len > MAX_RECORD || next + 12 > end)
            continue;
        if (maskedCrc32c(buf, at + 12, at + 12 + len) === buf.readUInt32LE(next - 4) && headerOk(next))
            return at;
    }
    return -1;
}

// Decoding the records of an event file, or of the part of it from a record on: the main thread reads a file this
// way, and a read worker (metric-worker.ts) reads the second part of a large file at the same time. What the worker
// found wrong comes back as data, for the main thread to report as it would have reported it.
/** Event files are read in 1 MiB chunks: fewer chunks, fewer records split across two. */
const EVENT_CHUNK = 1024 * 1024;
/** At most this many records that are not valid Events are reported per file. */
const MAX_BAD_EVENTS_SHOWN = 5;
/**
 * Scans TFRecords over `chunks` and decodes each into `series`; `onBadEvent` hears of each record that is not a valid
 * Event (it is skipped). Any other failure (a read error) is thrown.
 */
function decodeEventRecords(chunks, series, onBadEvent, options) {
    const decoder = new EventDecoder(series);
    return scanTfRecords(chunks, (buf, start, end, offset) => {
        try {
            decoder.decode(buf, start, end);
        }
        catch (e) {
            if (!(e instanceof ProtoError))
                throw e;
            onBadEvent({ offset, message: e.message });
        }
    }, options);
}
/** The bytes of the open file `fd` from `start` to its end, read at offsets into one reused buffer. */
async function* positionedChunks(fd, start) {
    const buf = Buffer.allocUnsafe(EVENT_CHUNK);
    for (let position = start;;) {
        const n = readSync(fd, buf, 0, buf.length, position);
        if (n === 0)
            return;
        position += n;
        yield n === buf.length ? buf : buf.subarray(0, n);
    }
}
/** Decodes the open file `fd` from the record at byte `start` on (a worker's task); the buffers to transfer too. */
async function decodeEventRange(fd, start) {
    const series = new ScalarSeries();
    const badEvents = [];
    const scan = await decodeEventRecords(positionedChunks(fd, start), series, bad => {
        if (badEvents.length < MAX_BAD_EVENTS_SHOWN)
            badEvents.push(bad);
    }, { offset: start });
    const { state, transfer } = series.state();
    return { result: { scan, badEvents, series: state }, transfer };
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

export { ColumnSlabs as C, EVENT_CHUNK as E, HistoryBuilder as H, MAX_BAD_EVENTS_SHOWN as M, ProtoReader as P, ReadBuffer as R, ScalarSeries as S, packedBytes as a, packSeries as b, crc32 as c, decodeEventRange as d, ProtoError as e, decodeEventRecords as f, findRecordStart as g, MetricFileParser as h, MAX_HISTORY_POINTS as i, metricFromColumns as m, parseMetricBytes as p };
