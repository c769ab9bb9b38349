// Learning curves that say only what the data says: aligned by step value, ended where the data ends, and a plain
// statement when two series never overlap.
import type { Code, Table } from 'mdast'
import { learningCurve, valueAt } from '../src/report/chart.js'
import { root } from '../src/report/mdast.js'
import { stringify } from '../src/report/markdown.js'
import { renderGfm } from './helpers/cmark.js'

const series = (from: number, to: number, every: number, f: (step: number) => number) => {
  const out = []
  for (let step = from; step <= to; step += every) out.push({ step, value: f(step) })
  return out
}

/** The rows of the curve's number table as text cells, the header first. */
function tableRows(blocks: ReturnType<typeof learningCurve>): string[][] {
  const t = blocks.find((b): b is Table => b.type === 'table')!
  return t.children.map(r =>
    r.children.map(c => stringify([{ type: 'paragraph', children: c.children }]).trim())
  )
}

function mermaidLines(block: Code): number[][] {
  return [...block.value.matchAll(/^ {2}line \[(.*)\]$/gm)].map(m => m[1].split(', ').map(Number))
}

describe('learning curves', () => {
  it('ends a series where its data ends, in the chart and in the table', () => {
    const blocks = learningCurve(
      {
        metric: 'loss',
        baseline: series(0, 500, 100, s => 1 - s / 1000),
        current: series(0, 1000, 100, s => 1 - s / 2000)
      },
      { baselineName: 'base', currentName: 'pr', maxPoints: 40 }
    )
    const charts = blocks.filter((b): b is Code => b.type === 'code')
    expect(charts).toHaveLength(1)
    const [baseLine, prLine] = mermaidLines(charts[0])
    expect(baseLine).toEqual([1, 0.9, 0.8, 0.7, 0.6, 0.5])
    expect(prLine).toHaveLength(11)
    const rows = tableRows(blocks)
    expect(rows[0].slice(1)).toEqual([
      '0',
      '100',
      '200',
      '300',
      '400',
      '500',
      '600',
      '700',
      '800',
      '900',
      '1000'
    ])
    expect(rows[1].slice(6, 8)).toEqual(['0.500', ''])
    expect(rows[1].slice(7).every(c => c === '')).toBe(true)
    expect(rows[2][11]).toBe('0.500')
    const md = stringify(root(blocks))
    expect(md).toContain('grey `base` steps 0–500 (6 points)')
    expect(md).toContain('Each line ends at its own last step.')
  })

  it('aligns steps by value, not by index', () => {
    const blocks = learningCurve(
      {
        metric: 'acc',
        baseline: series(0, 100, 10, s => s / 100),
        current: series(0, 100, 5, s => s / 200)
      },
      { currentName: 'pr', maxPoints: 100 }
    )
    const rows = tableRows(blocks)
    const at = (step: string) => rows[0].indexOf(step)
    // Step 50: the baseline's point at 50 (0.5) and this PR's point at 50 (0.25), side by side.
    expect(rows[1][at('50')]).toBe('0.5000')
    expect(rows[2][at('50')]).toBe('0.2500')
    // Step 55 only this PR logged: the baseline holds its last value at or before 55 (its point at 50).
    expect(rows[1][at('55')]).toBe('0.5000')
    expect(rows[2][at('55')]).toBe('0.2750')
  })

  it('says so when the two series do not overlap, and draws the later one on its own axis', () => {
    const blocks = learningCurve(
      { metric: 'loss', baseline: series(0, 100, 50, () => 1), current: series(200, 300, 50, () => 0.5) },
      { currentName: 'pr', maxPoints: 40 }
    )
    const md = stringify(root(blocks))
    expect(md).toContain('The two series do not overlap')
    const charts = blocks.filter((b): b is Code => b.type === 'code')
    expect(charts).toHaveLength(2)
    expect(charts[1].value).toContain('x-axis "step" [200, 250, 300]')
    expect(mermaidLines(charts[1])).toEqual([[0.5, 0.5, 0.5]])
    const rows = tableRows(blocks)
    expect(rows[1].slice(1)).toEqual(['1.000', '1.000', '1.000', '', '', ''])
    expect(rows[2].slice(1)).toEqual(['', '', '', '0.500', '0.500', '0.500'])
    expect(renderGfm(md)).toContain('<table>')
  })

  it('keeps each series’ first and last step when it thins the steps', () => {
    const blocks = learningCurve(
      { metric: 'loss', baseline: series(0, 487, 1, s => s), current: series(0, 1000, 1, s => s) },
      { currentName: 'pr', maxPoints: 12 }
    )
    const steps = tableRows(blocks)[0].slice(1)
    expect(steps).toContain('487')
    expect(steps).toContain('1000')
    expect(steps.length).toBeLessThanOrEqual(12)
  })

  it('has no value before a series starts or after it ends', () => {
    const s = series(10, 20, 5, v => v)
    expect([valueAt(s, 5), valueAt(s, 10), valueAt(s, 12), valueAt(s, 20), valueAt(s, 21)]).toEqual([
      undefined,
      10,
      10,
      20,
      undefined
    ])
  })
})
