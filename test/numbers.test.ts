// Numbers keep at least three significant digits whatever their size, in every surface, and `show` says how long a
// series was and how much of it is kept.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runCli } from '../src/cli/run.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { recordFromExperiment } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { renderComment } from '../src/report/comment.js'
import { decimalsFor, fmtNumber, fmtStat } from '../src/report/format.js'
import { renderText } from '../src/report/comparison-text.js'
import { renderGfm } from './helpers/cmark.js'
import { run } from './helpers/runs.js'
import { tempDirs } from './helpers/temp.js'

describe('numbers in every surface', () => {
  it.each([
    [0.00025, '0.000250'],
    [2.5e-7, '2.50e-7'],
    [123456, '123456'],
    [0.9, '0.9000'],
    [12.5, '12.5'],
    [-0.0031416, '−0.00314'],
    [3.2e12, '3.20e+12']
  ])('%p keeps three significant digits: %s', (value, shown) => {
    expect(fmtNumber(value, decimalsFor(value))).toBe(shown)
  })

  it('gives a small value its digits even in a column of large ones', () => {
    const d = decimalsFor(0.9, 0.00025)
    expect([fmtNumber(0.9, d), fmtNumber(0.00025, d)]).toEqual(['0.900000', '0.000250'])
    expect(fmtStat({ value: 0.00025, sd: 0.00001, n: 3, samples: [] }, decimalsFor(0.00025))).toBe(
      '0.000250 ± 0.000010'
    )
  })

  it('shows tiny and large metric values with their digits in the comment and the terminal report', () => {
    const rules = parseRulesFile('primary: lr_found\nmetrics: { lr_found: { goal: minimize } }\n', 'r.yml')
    const baseline = recordFromExperiment(
      makeExperiment('base', [run('base', { lr_found: 0.00025, tiny: 2.5e-7, tokens: 123456 })])
    )
    const c = compareRuns({
      runs: [run('pr', { lr_found: 0.00021, tiny: 2.7e-7, tokens: 123999 })],
      baseline,
      rules
    })
    const html = renderGfm(renderComment(c))
    for (const shown of ['0.000250', '0.000210', '2.50e-7', '2.70e-7', '123456', '123999']) {
      expect(html).toContain(shown)
      expect(renderText(c)).toContain(shown)
    }
    expect(html).not.toMatch(/>0\.0003</)
  })
})

describe('show', () => {
  const tempDir = tempDirs('numbers-')

  it('reports the full length of a series and how many points are kept', async () => {
    const ws = await tempDir()
    const rows = ['epoch,step,train_loss']
    for (let step = 0; step <= 1000; step++) rows.push(`0,${step},${1 / (step + 1)}`)
    await mkdir(path.join(ws, 'lightning_logs/version_0'), { recursive: true })
    await writeFile(path.join(ws, 'lightning_logs/version_0/metrics.csv'), `${rows.join('\n')}\n`)
    let out = ''
    let err = ''
    const code = await runCli(['show', 'lightning_logs/version_0'], {
      stdout: t => void (out += t),
      stderr: t => void (err += t),
      cwd: ws,
      env: {}
    })
    expect({ code, err }).toEqual({ code: 0, err: '' })
    expect(out).toMatch(/train_loss\s+0\.000999\s+1,001 points \(500 kept\)/)
  })
})
