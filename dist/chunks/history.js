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
    /** Delta forms: the 32-bit value before every 2^CHECKPOINT_BITS-th point, and the last one stored. */
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

export { ColumnSlabs as C, HistoryBuilder as H, MAX_HISTORY_POINTS as M, packSeries as a, buildJoinedColumns as b, metricFromColumns as m, packedBytes as p, stateBuffers as s };
