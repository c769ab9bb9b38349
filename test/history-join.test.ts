import {
  buildJoinedColumns,
  HistoryBuilder,
  stateBuffers,
  type HistoryOptions
} from '../src/sources/history.js'
import { seededRandom } from './fixtures/seeded-random.js'

/** A series with repeated and out-of-order steps, missing and equal timestamps, NaN and repeated values. */
function series(random: () => number, n: number, shuffled: boolean): [number, number, number | undefined][] {
  return Array.from({ length: n }, (_, i) => {
    const step = shuffled ? Math.floor(random() * n) : Math.floor(i / 3)
    const value = random() < 0.05 ? NaN : Math.floor(random() * 4) / 4
    const time = random() < 0.1 ? undefined : 1_700_000_000_000 + Math.floor(random() * 3) * 1000 + step
    return [step, value, time]
  })
}

/** A builder passed to another thread and back, as a read worker hands one over (its buffers transferred). */
function throughThread(b: HistoryBuilder): HistoryBuilder {
  const state = b.state()
  return HistoryBuilder.revive(structuredClone(state, { transfer: stateBuffers(state) }))
}

const RULES: HistoryOptions[] = [
  { final: 'max-step', byTimestamp: false, repeats: 'keep' },
  { final: 'mlflow', byTimestamp: true, repeats: 'identical' },
  { final: 'last-written', byTimestamp: true, repeats: 'same-step' },
  { final: 'max-step', byTimestamp: true, repeats: 'keep', maxPoints: 7 }
]

describe('a series kept in consecutive builders', () => {
  it.each(RULES)('builds exactly as one builder given every point (%j)', rules => {
    const random = seededRandom(17)
    for (const shuffled of [false, true]) {
      for (const n of [1, 5, 9_000]) {
        const points = series(random, n, shuffled)
        const whole = new HistoryBuilder(rules)
        for (const [s, v, t] of points) whole.add(s, v, t)
        const expected = whole.buildColumns()
        // Split at the start, the end, and in three places between; some parts empty.
        const cuts = [0, Math.floor(n / 3), Math.floor(n / 2), n - 1, n].sort((a, b) => a - b)
        const parts: HistoryBuilder[] = []
        let from = 0
        for (const cut of [...cuts, n]) {
          const part = new HistoryBuilder(rules)
          for (const [s, v, t] of points.slice(from, cut)) part.add(s, v, t)
          parts.push(parts.length % 2 ? throughThread(part) : part)
          from = cut
        }
        expect(buildJoinedColumns(parts)).toEqual(expected)
      }
    }
  })

  it('goes on taking points after it was passed to another thread', () => {
    const rules: HistoryOptions = { final: 'max-step', byTimestamp: false, repeats: 'keep' }
    const whole = new HistoryBuilder(rules)
    let part = new HistoryBuilder(rules)
    for (let i = 0; i < 5000; i++) {
      const [s, v, t] = [i % 700, i / 7, 1_700_000_000_000 + i * 250]
      whole.add(s, v, t)
      if (i === 100 || i === 4200) part = throughThread(part)
      part.add(s, v, t)
    }
    expect(buildJoinedColumns([part])).toEqual(whole.buildColumns())
    expect(buildJoinedColumns([new HistoryBuilder(rules), new HistoryBuilder(rules)])).toBeUndefined()
  })
})
