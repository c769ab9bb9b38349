// Metric histories as the readers build them: points go into typed storage blocks (no object per point while
// reading), and only at the end are they sorted, cleared of repeats, given their final value by the format's rule
// over the full series, and thinned to at most MAX_HISTORY_POINTS points: typed columns that become HistoryPoint
// objects when first read (metricFromColumns), or objects at once (build, metricFromBuilt).
import type { HistoryPoint, Metric } from '../core/run.js'
import { ColumnSlabs, KEPT_COLUMNS, packColumn, unpackColumn, type PackedColumn } from './packed-column.js'
import {
  buildSeries,
  joinSeries,
  outOfOrder,
  replacesBest,
  type BuiltColumns,
  type FinalRule,
  type RepeatRule,
  type SeriesRules,
  type SeriesView
} from './series-build.js'

export type { BuiltColumns } from './series-build.js'

/** The most points a metric's history keeps (charts draw ≤ 40, the baseline file keeps ≤ 1000). */
export const MAX_HISTORY_POINTS = 500

/** How a HistoryBuilder orders, de-duplicates and ends a series. */
export interface HistoryOptions {
  /** Default `max-step`. */
  final?: FinalRule
  /** Order points of one step by timestamp (then as written); otherwise as written. Default true. */
  byTimestamp?: boolean
  /** Default `identical`. */
  repeats?: RepeatRule
  /** Default MAX_HISTORY_POINTS (at least 2). */
  maxPoints?: number
}

/** A finished series: the final value (and the index, in written order, of the point that gave it) and the thinned history. */
export interface BuiltHistory {
  value: number
  /** The index of the final point among the points as they were added (0-based). */
  finalIndex: number
  history: HistoryPoint[]
  /** Points in the full series after repeats were dropped (before thinning). */
  total: number
}

/** Points per storage block: a long series grows by whole blocks, never by copying what it holds. */
const BLOCK_BITS = 12
const BLOCK_POINTS = 1 << BLOCK_BITS
const BLOCK_MASK = BLOCK_POINTS - 1
/** A missing timestamp in a column of 32-bit offsets. */
const NO_TIME = -0x80000000

/** How a column stores a field while every value fits 32 bits: steps as integers, values as floats, times as offsets. */
type Narrow = 'integer' | 'float' | 'offset'

/** What a column's blocks hold, from the most compact: deltas in 8 or 16 bits, the 32-bit form, doubles. */
const DELTA8 = 0
const DELTA16 = 1
const NARROW = 2
const WIDE = 3
/** The smallest delta of each delta width marks a missing timestamp (so deltas stay within ±(2^(bits-1) - 1)). */
const DELTA_MARK = [-0x80, -0x8000]

/** Delta forms keep the value before every 256th point, so reading any one point sums at most 255 deltas. */
const CHECKPOINT_BITS = 8
const CHECKPOINT_MASK = (1 << CHECKPOINT_BITS) - 1

type Block = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array

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
  /** Full blocks. */
  private readonly full: Block[] = []
  private current: Block
  private mode: number
  /** The timestamp offsets are from (an `offset` column's first timestamp). */
  private base = NaN
  /** Delta forms: the 32-bit value before every 2^CHECKPOINT_BITS-th point, and the last one stored. */
  private readonly checkpoints: number[] = [0]
  private last = 0
  /** Delta forms: where the last read stopped (block, index in it, 32-bit value there). */
  private cursorBlock = -1
  private cursorAt = 0
  private cursorValue = 0

  constructor(
    private readonly narrow: Narrow,
    capacity: number,
    deltas: boolean
  ) {
    this.mode = deltas && narrow !== 'float' ? DELTA8 : NARROW
    this.current = this.block(capacity, this.mode)
  }

  private block(size: number, mode: number): Block {
    if (mode === DELTA8) return new Int8Array(size)
    if (mode === DELTA16) return new Int16Array(size)
    if (mode === WIDE) return new Float64Array(size)
    return this.narrow === 'float' ? new Float32Array(size) : new Int32Array(size)
  }

  /** The 32-bit form of `v`, or undefined when it has none that reads back exactly. */
  private fit(v: number): number | undefined {
    if (this.narrow === 'float') return Math.fround(v) === v || v !== v ? v : undefined
    if (v === 0 && 1 / v < 0) return undefined // -0
    if (this.narrow === 'integer') return (v | 0) === v ? v : undefined
    if (v !== v) return NO_TIME
    if (this.base !== this.base) {
      if (v !== Math.floor(v) || !Number.isFinite(v)) return undefined
      this.base = v
    }
    const d = v - this.base
    // Exact: an integer base and a 32-bit integer offset give back the integer v.
    return (d | 0) === d && d !== NO_TIME ? d : undefined
  }

  /** Stores `v` at `at` in the current block (`first`: the column's first point). */
  set(at: number, v: number, first: boolean): void {
    while (this.mode !== WIDE) {
      const f = this.fit(v)
      if (f === undefined) break
      if (this.mode === NARROW) {
        this.current[at] = f
        return
      }
      if (first && f !== NO_TIME) this.last = f
      if ((at & CHECKPOINT_MASK) === 0)
        this.checkpoints[((this.full.length << BLOCK_BITS) + at) >> CHECKPOINT_BITS] = this.last
      if (f === NO_TIME) {
        this.current[at] = DELTA_MARK[this.mode]
        return
      }
      const d = f - this.last
      const limit = -DELTA_MARK[this.mode] - 1
      if (d <= limit && d >= -limit) {
        this.current[at] = d
        this.last = f
        return
      }
      this.reencode(this.mode + 1)
    }
    if (this.mode !== WIDE) this.reencode(WIDE)
    this.current[at] = v
  }

  /** Rewrites every block in a wider form (the current one whole: its unused slots hold zeros, deltas of nothing). */
  private reencode(to: number): void {
    const from = this.mode
    const mark = from < NARROW ? DELTA_MARK[from] : NaN
    const rewrite = (store: Block, b: number): Block => {
      const out = this.block(store.length, to)
      let run = this.checkpoints[b << (BLOCK_BITS - CHECKPOINT_BITS)]
      for (let k = 0; k < store.length; k++) {
        const x = store[k]
        if (to < NARROW) out[k] = x === mark ? DELTA_MARK[to] : x
        else {
          let f = x
          if (from < NARROW) f = x === mark ? NO_TIME : (run += x)
          out[k] = to === WIDE ? this.decode(f, from) : f
        }
      }
      return out
    }
    for (let b = 0; b < this.full.length; b++) this.full[b] = rewrite(this.full[b], b)
    this.current = rewrite(this.current, this.full.length)
    this.mode = to
    this.cursorBlock = -1
  }

  /** The value a stored 32-bit (or wide) number `x` stands for. */
  private decode(x: number, mode = this.mode): number {
    if (mode === WIDE || this.narrow !== 'offset') return x
    return x === NO_TIME ? NaN : this.base + x
  }

  /** Makes the current block `size` points long, copying what it holds (while the first block grows). */
  resize(size: number): void {
    const bigger = this.block(size, this.mode)
    bigger.set(this.current)
    this.current = bigger
  }

  /** Keeps the current block (full) and starts a new one. */
  next(): void {
    this.full.push(this.current)
    this.current = this.block(BLOCK_POINTS, this.mode)
  }

  /** This column's state for another thread: its blocks themselves (to transfer), not copies. */
  state(): ColumnState {
    const { narrow, full, current, mode, base, checkpoints, last } = this
    return { narrow, full, current, mode, base, checkpoints, last }
  }

  /** The column whose state another thread gave. */
  static revive(s: ColumnState): Column {
    const c = new Column(s.narrow, 1, false)
    c.full.push(...s.full)
    c.current = s.current
    c.mode = s.mode
    c.base = s.base
    c.checkpoints.splice(0, c.checkpoints.length, ...s.checkpoints)
    c.last = s.last
    return c
  }

  /** The value of point `i` (in a delta form: summed from the last point read or the checkpoint before it). */
  get(i: number): number {
    const b = i >> BLOCK_BITS
    const j = i & BLOCK_MASK
    const store = b < this.full.length ? this.full[b] : this.current
    if (this.mode >= NARROW) return this.decode(store[j])
    const mark = DELTA_MARK[this.mode]
    let k = j & ~CHECKPOINT_MASK
    let run = this.checkpoints[i >> CHECKPOINT_BITS]
    if (b === this.cursorBlock && j >= this.cursorAt && this.cursorAt >= k) {
      k = this.cursorAt + 1
      run = this.cursorValue
    }
    for (; k <= j; k++) if (store[k] !== mark) run += store[k]
    this.cursorBlock = b
    this.cursorAt = j
    this.cursorValue = run
    return this.decode(store[j] === mark ? NO_TIME : run)
  }
}

/** A Column's state as plain data and typed arrays (structured-cloneable). */
interface ColumnState {
  narrow: Narrow
  full: Block[]
  current: Block
  mode: number
  base: number
  checkpoints: number[]
  last: number
}

/** A HistoryBuilder's state as plain data and typed arrays, to pass between threads (HistoryBuilder.revive). */
export interface HistoryBuilderState {
  rules: SeriesRules
  capacity: number
  slot: number
  n: number
  ordered: boolean
  best: number
  bestStep: number
  bestTime: number
  bestValue: number
  lastStep: number
  lastTime: number
  columns: [ColumnState, ColumnState, ColumnState]
}

/** The buffers of a builder's state, to transfer (not copy) them to another thread. */
export function stateBuffers(state: HistoryBuilderState): ArrayBuffer[] {
  return state.columns.flatMap(c => [...c.full, c.current].map(block => block.buffer as ArrayBuffer))
}

/**
 * Accumulates a metric's points in typed storage; see the file comment. A missing timestamp is stored as NaN.
 * Steps, values and timestamps are three Columns (32 bits each while they fit) in blocks of BLOCK_POINTS: a short
 * series starts small and doubles up to one block; a long one adds blocks, so nothing is copied and no large array
 * is allocated. The last point and the final (best) point are also kept in fields, so `add` compares without
 * reading storage back.
 */
export class HistoryBuilder {
  private steps: Column
  private values: Column
  private times: Column
  /** Points the current block holds room for. */
  private capacity: number
  /** The next free slot in the current block. */
  private slot = 0
  private n = 0
  private ordered = true
  private best = -1
  private bestStep = 0
  private bestTime = 0
  private bestValue = 0
  private lastStep = 0
  private lastTime = 0
  private readonly rule: FinalRule
  private readonly byTimestamp: boolean
  private readonly repeats: RepeatRule
  private readonly maxPoints: number

  constructor(options: HistoryOptions = {}, capacity = 64) {
    this.rule = options.final ?? 'max-step'
    this.byTimestamp = options.byTimestamp ?? true
    this.repeats = options.repeats ?? 'identical'
    this.maxPoints = Math.max(2, Math.floor(options.maxPoints ?? MAX_HISTORY_POINTS))
    this.capacity = Math.min(BLOCK_POINTS, Math.max(4, capacity | 0))
    // Points are read back only in order or a few at a time when repeats are never compared: deltas then.
    const deltas = this.repeats === 'keep'
    this.steps = new Column('integer', this.capacity, deltas)
    this.values = new Column('float', this.capacity, false)
    this.times = new Column('offset', this.capacity, deltas)
  }

  /** Number of points added. */
  get length(): number {
    return this.n
  }

  /** True while the points came in order (of step, then timestamp when ordering by it). */
  get sorted(): boolean {
    return this.ordered
  }

  /** Adds one point; `timestamp` in milliseconds, undefined or NaN when not known. */
  add(step: number, value: number, timestamp?: number): void {
    if (this.slot === this.capacity) this.grow()
    const t = timestamp === undefined ? NaN : timestamp
    const at = this.slot++
    const first = this.n === 0
    this.steps.set(at, step, first)
    this.values.set(at, value, first)
    this.times.set(at, t, first)
    const i = this.n++
    if (i === 0) {
      this.setBest(0, step, value, t)
      this.lastStep = step
      this.lastTime = t
      return
    }
    if (this.ordered && outOfOrder(this.byTimestamp, step, t, this.lastStep, this.lastTime))
      this.ordered = false
    this.lastStep = step
    this.lastTime = t
    if (replacesBest(this.rule, step, t, value, this.bestStep, this.bestTime, this.bestValue))
      this.setBest(i, step, value, t)
  }

  private setBest(i: number, step: number, value: number, t: number): void {
    this.best = i
    this.bestStep = step
    this.bestValue = value
    this.bestTime = t
  }

  /** Room for more points: the first block doubles up to a full block; after that, a new block each time. */
  private grow(): void {
    const columns = [this.steps, this.values, this.times]
    if (this.capacity < BLOCK_POINTS) {
      this.capacity = Math.min(this.capacity * 2, BLOCK_POINTS)
      for (const c of columns) c.resize(this.capacity)
    } else {
      for (const c of columns) c.next()
      this.slot = 0
    }
  }

  /** Every point added, in written order, as objects (small series and tests). */
  points(): HistoryPoint[] {
    const out: HistoryPoint[] = new Array(this.n)
    for (let i = 0; i < this.n; i++)
      out[i] = historyPoint(this.steps.get(i), this.values.get(i), this.times.get(i))
    return out
  }

  /** The final value by the rule, or undefined when there are no points. */
  finalValue(): number | undefined {
    return this.best < 0 ? undefined : this.bestValue
  }

  /** Sorts, drops repeats and thins; undefined when no point was added. The builder is spent afterwards. */
  build(): BuiltHistory | undefined {
    const columns = this.buildColumns()
    return columns && builtFromColumns(columns)
  }

  /** As build(), with the kept points in typed columns (for passing between threads); undefined when empty. */
  buildColumns(): BuiltColumns | undefined {
    return buildSeries(this.view(), this.rules())
  }

  /** This builder's state for another thread (its blocks themselves: transfer them, stateBuffers). */
  state(): HistoryBuilderState {
    const { capacity, slot, n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime } = this
    return {
      rules: this.rules(),
      ...{ capacity, slot, n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime },
      columns: [this.steps.state(), this.values.state(), this.times.state()]
    }
  }

  /** The builder whose state another thread gave: it goes on as that builder would have. */
  static revive(s: HistoryBuilderState): HistoryBuilder {
    const b = new HistoryBuilder(s.rules, 4)
    b.steps = Column.revive(s.columns[0])
    b.values = Column.revive(s.columns[1])
    b.times = Column.revive(s.columns[2])
    b.capacity = s.capacity
    b.slot = s.slot
    b.n = s.n
    b.ordered = s.ordered
    b.setBest(s.best, s.bestStep, s.bestValue, s.bestTime)
    b.lastStep = s.lastStep
    b.lastTime = s.lastTime
    return b
  }

  /** How this builder orders, de-duplicates, ends and thins its series. */
  rules(): SeriesRules {
    return {
      final: this.rule,
      byTimestamp: this.byTimestamp,
      repeats: this.repeats,
      maxPoints: this.maxPoints
    }
  }

  /** The series as written so far, read through this builder's columns. */
  view(): SeriesView {
    const { n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime } = this
    const { steps, values, times } = this
    return { n, ordered, best, bestStep, bestTime, bestValue, lastStep, lastTime, steps, values, times }
  }
}

/**
 * Builds a series kept in consecutive builders of the same rules (each given the points written after the one
 * before): the same result as one builder given every point. Undefined when none holds a point.
 */
export function buildJoinedColumns(parts: HistoryBuilder[]): BuiltColumns | undefined {
  if (parts.length === 1) return parts[0].buildColumns()
  const rules = parts[0].rules()
  return buildSeries(
    joinSeries(
      parts.map(p => p.view()),
      rules
    ),
    rules
  )
}

/** The history objects of a series built into columns. */
export function builtFromColumns(c: BuiltColumns): BuiltHistory {
  return { value: c.value, finalIndex: c.finalIndex, history: historyFromColumns(c), total: c.total }
}

/** The points of a series built into columns, as objects. */
export function historyFromColumns(c: Pick<BuiltColumns, 'steps' | 'values' | 'times'>): HistoryPoint[] {
  const count = c.steps.length
  const history: HistoryPoint[] = new Array(count)
  for (let k = 0; k < count; k++) history[k] = historyPoint(c.steps[k], c.values[k], c.times[k])
  return history
}

/** One point as an object; a NaN timestamp is left out. */
function historyPoint(s: number, value: number, t: number): HistoryPoint {
  // An integer step as a small integer: V8 then keeps the field unboxed (one allocation less per point).
  const si = s | 0
  const step = si === s && !Object.is(s, -0) ? si : s
  return t === t ? { step, value, timestamp: t } : { step, value }
}

/** A metric from a built series: its final value and thinned history, with the full length when it was thinned. */
export function metricFromBuilt(built: BuiltHistory): Metric {
  return {
    value: built.value,
    history: built.history,
    ...(built.total > built.history.length ? { historyPoints: built.total } : {})
  }
}

/** Makes `history` a plain property of `metric`, in the place the accessor held. */
function keepHistory(metric: Metric, history: HistoryPoint[]): void {
  Object.defineProperty(metric, 'history', {
    value: history,
    enumerable: true,
    configurable: true,
    writable: true
  })
}

/** A built series packed for keeping: values as doubles, steps and timestamps packed (packed-column.ts). */
export interface PackedSeries {
  value: number
  finalIndex: number
  total: number
  /** Points kept. */
  count: number
  values: Float64Array
  steps: PackedColumn
  times: PackedColumn
}

/** Packs a built series into `memory` (the main thread's kept columns unless given). */
export function packSeries(c: BuiltColumns, memory: ColumnSlabs = KEPT_COLUMNS): PackedSeries {
  return {
    value: c.value,
    finalIndex: c.finalIndex,
    total: c.total,
    count: c.values.length,
    values: memory.doubles(c.values),
    steps: packColumn(c.steps, memory),
    times: packColumn(c.times, memory)
  }
}

/** The kept points of a series, built or packed, as objects. */
export function historyOfSeries(s: BuiltColumns | PackedSeries): HistoryPoint[] {
  if (!('count' in s)) return historyFromColumns(s)
  return historyFromColumns({
    steps: unpackColumn(s.steps, s.count),
    values: s.values,
    times: unpackColumn(s.times, s.count)
  })
}

/**
 * A metric from a series, as metricFromBuilt makes it, except that its history stays packed until something reads
 * `history`: values as doubles, steps and timestamps as small deltas (packed-column.ts), about 12 bytes a point
 * where the objects take about 80. The first read makes the point objects and keeps them as a plain property. A
 * store of thousands of runs then holds its histories in a small part of the memory, while the few that a report
 * draws become objects. The fields, their order and their values (JSON included) are the same as metricFromBuilt's.
 */
export function metricFromColumns(series: BuiltColumns | PackedSeries): Metric {
  const packed = 'count' in series ? series : packSeries(series)
  const metric = { value: packed.value } as Metric
  Object.defineProperty(metric, 'history', {
    enumerable: true,
    configurable: true,
    get(this: Metric): HistoryPoint[] {
      const history = historyOfSeries(packed)
      keepHistory(this, history)
      return history
    },
    set(this: Metric, history: HistoryPoint[]) {
      keepHistory(this, history)
    }
  })
  if (packed.total > packed.count) metric.historyPoints = packed.total
  return metric
}
