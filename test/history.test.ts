import {
  HistoryBuilder,
  MAX_HISTORY_POINTS,
  metricFromBuilt,
  metricFromColumns,
  type HistoryOptions
} from '../src/sources/history.js'

describe('HistoryBuilder', () => {
  it('keeps a short series whole, as objects, with and without timestamps', () => {
    const b = new HistoryBuilder()
    b.add(0, 0.5, 10)
    b.add(1, 0.25)
    expect(b.build()).toEqual({
      value: 0.25,
      finalIndex: 1,
      total: 2,
      history: [
        { step: 0, value: 0.5, timestamp: 10 },
        { step: 1, value: 0.25 }
      ]
    })
    expect(new HistoryBuilder().build()).toBeUndefined()
  })

  it('thins a long series evenly to MAX_HISTORY_POINTS, keeping the first and last points and the order', () => {
    const b = new HistoryBuilder({}, 4) // grows from a small capacity
    const n = 123_457
    for (let i = 0; i < n; i++) b.add(i, i * 2, 1000 + i)
    const built = b.build()
    expect(built?.total).toBe(n)
    const history = built?.history ?? []
    expect(history).toHaveLength(MAX_HISTORY_POINTS)
    expect(history[0]).toEqual({ step: 0, value: 0, timestamp: 1000 })
    expect(history[history.length - 1]).toEqual({ step: n - 1, value: (n - 1) * 2, timestamp: 1000 + n - 1 })
    const gaps = new Set<number>()
    for (let i = 1; i < history.length; i++) {
      expect(history[i].step).toBeGreaterThan(history[i - 1].step)
      gaps.add(history[i].step - history[i - 1].step)
    }
    // Evenly spaced: every gap is the stride rounded down or up.
    const stride = (n - 1) / (MAX_HISTORY_POINTS - 1)
    expect([...gaps].every(g => g === Math.floor(stride) || g === Math.ceil(stride))).toBe(true)
    expect(built?.value).toBe((n - 1) * 2)
  })

  it('honours a smaller cap and keeps exactly the cap at cap + 1 points', () => {
    const b = new HistoryBuilder({ maxPoints: 3 })
    for (let i = 0; i < 4; i++) b.add(i, i)
    expect(b.build()?.history.map(p => p.step)).toEqual([0, 2, 3])
  })

  it('sorts by step, stable, then by timestamp; or by step only, as written', () => {
    const points: [number, number, number][] = [
      [2, 20, 5],
      [1, 10, 9],
      [2, 21, 3],
      [1, 11, 9],
      [0, 0, 1]
    ]
    const byTime = new HistoryBuilder()
    const written = new HistoryBuilder({ byTimestamp: false })
    for (const [s, v, t] of points) {
      byTime.add(s, v, t)
      written.add(s, v, t)
    }
    expect(byTime.sorted).toBe(false)
    expect(byTime.build()?.history.map(p => p.value)).toEqual([0, 10, 11, 21, 20])
    expect(written.build()?.history.map(p => p.value)).toEqual([0, 10, 11, 20, 21])
  })

  it('takes the final value by the format rule from the full series, even when thinning drops that point', () => {
    const add = (b: HistoryBuilder) => {
      b.add(5, 1, 100)
      b.add(5, 3, 200)
      b.add(5, 2, 200) // same step and time as the previous: MLflow takes the higher value
      b.add(4, 9, 300) // written last, lower step
      return b
    }
    expect(add(new HistoryBuilder({ final: 'mlflow' })).build()).toMatchObject({ value: 3, finalIndex: 1 })
    expect(add(new HistoryBuilder({ final: 'max-step' })).build()).toMatchObject({ value: 2, finalIndex: 2 })
    expect(add(new HistoryBuilder({ final: 'last-written' })).build()).toMatchObject({
      value: 9,
      finalIndex: 3
    })

    // MLflow: at equal step and time NaN loses to any value; alone, NaN is the value.
    const nan = new HistoryBuilder({ final: 'mlflow' })
    nan.add(1, 0.5, 7)
    nan.add(1, NaN, 7)
    expect(nan.build()?.value).toBe(0.5)
    const onlyNan = new HistoryBuilder({ final: 'mlflow' })
    onlyNan.add(1, NaN)
    expect(onlyNan.build()?.value).toBeNaN()

    // A thinned series: the peak in the middle is the MLflow final (same step and time), though not kept.
    const thinned = new HistoryBuilder({ final: 'mlflow', maxPoints: 2 })
    thinned.add(1, 0, 1)
    thinned.add(1, 99, 1)
    thinned.add(1, 1, 1)
    const built = thinned.build()
    expect(built?.value).toBe(99)
    expect(built?.history.map(p => p.value)).toEqual([0, 1])
  })

  it('keeps NaN and infinite values as points', () => {
    const b = new HistoryBuilder()
    b.add(0, NaN, 1)
    b.add(1, Infinity, 2)
    b.add(2, -Infinity, 3)
    const built = b.build()
    expect(built?.history.map(p => p.value)).toEqual([NaN, Infinity, -Infinity])
    expect(built?.value).toBe(-Infinity)
  })

  it('drops identical repeats (NaN equal to NaN, missing timestamps equal); keeps near repeats', () => {
    const b = new HistoryBuilder({ final: 'mlflow' })
    b.add(0, 1, 10)
    b.add(0, 1, 10) // identical
    b.add(0, 1, 11) // another time
    b.add(1, NaN)
    b.add(1, NaN) // identical
    b.add(1, 2)
    b.add(1, 2) // identical
    b.add(2, 0)
    b.add(2, -0) // -0 is not 0
    const built = b.build()
    expect(built?.total).toBe(6)
    expect(built?.history).toEqual([
      { step: 0, value: 1, timestamp: 10 },
      { step: 0, value: 1, timestamp: 11 },
      { step: 1, value: NaN },
      { step: 1, value: 2 },
      { step: 2, value: 0 },
      { step: 2, value: -0 }
    ])
  })

  it('same-step keeps the last written point of each step; keep keeps every repeat', () => {
    const add = (b: HistoryBuilder) => {
      b.add(1, 1)
      b.add(0, 5)
      b.add(1, 2, 50)
      b.add(0, 5)
      return b.build()?.history
    }
    expect(add(new HistoryBuilder({ repeats: 'same-step', byTimestamp: false }))).toEqual([
      { step: 0, value: 5 },
      { step: 1, value: 2, timestamp: 50 }
    ])
    expect(add(new HistoryBuilder({ repeats: 'keep', byTimestamp: false }))).toHaveLength(4)
  })

  it('gives the same series across its storage blocks as a sort of the points would, shuffled and repeated', () => {
    // 20,000 points (several storage blocks), written out of order, with repeats of whole points and of steps.
    const written: [number, number, number][] = []
    for (let i = 0; i < 20_000; i++) {
      const step = (i * 7919) % 10_007
      written.push([step, (step * 31) % 17, 1000 + (i % 3)])
    }
    const expected = (options: HistoryOptions) => {
      const sorted = written
        .map((p, i) => ({ p, i }))
        .sort((a, b) => a.p[0] - b.p[0] || (options.byTimestamp === false ? 0 : a.p[2] - b.p[2]) || a.i - b.i)
        .map(x => x.p)
      const kept: [number, number, number][] = []
      for (const p of sorted) {
        const last = kept[kept.length - 1]
        if (last && options.repeats === 'same-step' && last[0] === p[0]) kept[kept.length - 1] = p
        else if (!(last && options.repeats === 'identical' && last.every((x, k) => x === p[k]))) kept.push(p)
      }
      return kept
    }
    for (const options of [
      { repeats: 'identical' },
      { repeats: 'same-step', byTimestamp: false },
      { repeats: 'keep', byTimestamp: false }
    ] as HistoryOptions[]) {
      const b = new HistoryBuilder({ ...options, maxPoints: 50_000 }, 4)
      for (const [s, v, t] of written) b.add(s, v, t)
      expect(b.length).toBe(written.length)
      expect(b.points()[12_345]).toEqual({
        step: written[12_345][0],
        value: written[12_345][1],
        timestamp: written[12_345][2]
      })
      const built = b.build()
      const want = expected(options)
      expect(built?.total).toBe(want.length)
      expect(built?.history.map(p => [p.step, p.value, p.timestamp])).toEqual(want)
    }
  })

  it('keeps every step, value and timestamp exactly, whether it fits 32 bits or not, before and after one does not', () => {
    // Each field in turn starts with values that fit 32 bits (integer steps, float32 values, millisecond
    // timestamps near the first) over several storage blocks, then gets one that does not.
    const unfit = {
      step: [2.5, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Infinity],
      value: [0.1, 1e-300, 2 ** 128, Math.PI],
      timestamp: [1.5, -0, 1_700_000_000_000 + 2 ** 31, 1_700_000_000_000 - 2 ** 31, 2 ** 60, -Infinity]
    }
    const fitting = (i: number) => ({
      step: i % 7 === 0 ? -(2 ** 31) : i,
      value: i % 5 === 0 ? NaN : i % 11 === 0 ? -0 : Math.fround(i / 3),
      timestamp: i % 13 === 0 ? NaN : 1_700_000_000_000 + (i % 2 ? -i : i) * 1000
    })
    for (const field of ['step', 'value', 'timestamp'] as const) {
      for (const odd of unfit[field]) {
        const written = Array.from({ length: 9000 }, (_, i) => fitting(i))
        written.splice(8500, 0, { ...fitting(8500), [field]: odd })
        const b = new HistoryBuilder({ repeats: 'keep', byTimestamp: false, maxPoints: 20_000 }, 4)
        for (const p of written) b.add(p.step, p.value, p.timestamp)
        // A missing (NaN) timestamp is left out of the point.
        const want = written.map(p => [
          p.step,
          p.value,
          p.timestamp === p.timestamp ? p.timestamp : undefined
        ])
        // toEqual compares with Object.is: -0 and NaN must come back as written.
        expect(b.points().map(p => [p.step, p.value, p.timestamp])).toEqual(want)
        const built = b.build()?.history ?? []
        expect(built.map(p => [p.step, p.value, p.timestamp])).toEqual(
          want
            .map((p, i) => ({ p, i }))
            .sort((x, y) => x.p[0]! - y.p[0]! || x.i - y.i)
            .map(({ p }) => p)
        )
      }
    }
  })

  it('reads back steps and timestamps kept as 8- and 16-bit deltas, in order and thinned, as they widen across blocks', () => {
    // Repeats kept: steps and timestamps start as 8-bit deltas; a gap over 127 widens them to 16 bits, one over
    // 32,767 to 32 bits. Each case holds 9,000 points (three storage blocks) and a missing timestamp every 17.
    const cases: Record<string, (i: number) => [number, number]> = {
      'small deltas, from a large first step': i => [1_000_000 + i, 10 * i],
      'negative deltas': i => [5000 - i, -3 * i],
      'a 16-bit gap late': i => [i < 8300 ? i : i + 200, i < 8600 ? 10 * i : 10 * i + 30_000],
      'a 32-bit gap early': i => [i < 100 ? i : i + 70_000, i < 50 ? i : i + 100_000],
      'gaps at the limits': i => [127 * i, i % 2 ? 0 : 32_767],
      'no first timestamp': i => [i, i ? 10 * i : NaN]
    }
    for (const [name, make] of Object.entries(cases)) {
      for (const shuffle of [false, true]) {
        const written = Array.from({ length: 9000 }, (_, i) => {
          const [step, time] = make(i)
          return [step, i / 4, i % 17 === 3 ? NaN : 1_700_000_000_000 + time] as const
        })
        // Out of order: the last 3 points first.
        if (shuffle) written.unshift(...written.splice(-3))
        const b = new HistoryBuilder({ repeats: 'keep', byTimestamp: false }, 4)
        for (const [s, v, t] of written) b.add(s, v, t)
        const want = written.map(([step, value, t]) =>
          t === t ? { step, value, timestamp: t } : { step, value }
        )
        expect({ name, points: b.points() }).toEqual({ name, points: want })
        const sorted = want
          .map((p, i) => ({ p, i }))
          .sort((x, y) => x.p.step - y.p.step || x.i - y.i)
          .map(x => x.p)
        const stride = (sorted.length - 1) / (MAX_HISTORY_POINTS - 1)
        const thinned = Array.from({ length: MAX_HISTORY_POINTS }, (_, k) => sorted[Math.round(k * stride)])
        expect({ name, shuffle, history: b.build()?.history }).toEqual({ name, shuffle, history: thinned })
      }
    }
  })

  it('lists every point as written', () => {
    const b = new HistoryBuilder()
    b.add(3, 1, 5)
    b.add(1, 2)
    expect(b.points()).toEqual([
      { step: 3, value: 1, timestamp: 5 },
      { step: 1, value: 2 }
    ])
    expect(b.length).toBe(2)
    expect(b.finalValue()).toBe(1)
  })
})

describe('metricFromBuilt', () => {
  it('says how long the full history was only when it was thinned', () => {
    const long = new HistoryBuilder()
    for (let step = 0; step < MAX_HISTORY_POINTS * 3; step++) long.add(step, step / 10)
    const thinned = metricFromBuilt(long.build() as NonNullable<ReturnType<HistoryBuilder['build']>>)
    expect(thinned.historyPoints).toBe(MAX_HISTORY_POINTS * 3)
    expect(thinned.history).toHaveLength(MAX_HISTORY_POINTS)
    expect(thinned.value).toBe((MAX_HISTORY_POINTS * 3 - 1) / 10)
    const short = new HistoryBuilder()
    short.add(1, 0.5)
    expect(metricFromBuilt(short.build() as NonNullable<ReturnType<HistoryBuilder['build']>>)).toEqual({
      value: 0.5,
      history: [{ step: 1, value: 0.5 }]
    })
  })
})

describe('metricFromColumns', () => {
  const series = (n: number) => {
    const b = new HistoryBuilder()
    for (let step = 0; step < n; step++) b.add(step, step / 10, step % 2 ? 1000 + step : undefined)
    return b
  }

  it('is the metric metricFromBuilt makes: the same fields, order, values and JSON', () => {
    for (const n of [1, 7, MAX_HISTORY_POINTS * 3]) {
      const lazy = metricFromColumns(series(n).buildColumns()!)
      const objects = metricFromBuilt(series(n).build()!)
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(objects))
      expect(Object.keys(lazy)).toEqual(Object.keys(objects))
      expect(lazy).toEqual(objects)
    }
  })

  it('makes the point objects once, on the first read, and takes a new history when one is set', () => {
    const metric = metricFromColumns(series(3).buildColumns()!)
    const first = metric.history
    expect(first).toEqual([
      { step: 0, value: 0 },
      { step: 1, value: 0.1, timestamp: 1001 },
      { step: 2, value: 0.2 }
    ])
    expect(metric.history).toBe(first)
    metric.history = [{ step: 9, value: 1 }]
    expect(metric.history).toEqual([{ step: 9, value: 1 }])
    const unread = metricFromColumns(series(2).buildColumns()!)
    unread.history = []
    expect(unread).toEqual({ value: 0.1, history: [] })
  })
})
