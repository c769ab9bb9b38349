import { runCli } from '../src/cli/run.js'
import { makeRun, type Run } from '../src/core/run.js'
import { HistoryBuilder, metricFromColumns } from '../src/sources/history.js'
import { runsJsonChunks, runsToJson } from '../src/report/json.js'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Runs with what makes JSON text differ: non-finite numbers, escapes, nesting, packed histories. */
function sampleRuns(count: number): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const b = new HistoryBuilder()
    for (let step = 0; step < 5 + i; step++)
      b.add(step, step === 2 ? NaN : step / 7, 1_700_000_000_000 + step)
    const packed = b.buildColumns()
    return makeRun({
      id: `builtin:run-${i}`,
      name: i === 1 ? 'quote " newline \n tab \t ü 🎉' : `run-${i}`,
      source: 'builtin',
      path: `experiments/run-${i}`,
      params: { lr: 0.1 * i, note: 'a\nb', nested: '{"k": [1, 2]}' },
      metrics: {
        accuracy: { value: i / 3 },
        loss: { value: i % 2 ? Infinity : -Infinity },
        ...(packed ? { curve: metricFromColumns(packed) } : {})
      }
    })
  })
}

describe('the run export as JSON, in pieces', () => {
  it('gives the same text as one string, for one run and many; no run is one piece, an empty list', () => {
    expect([...runsJsonChunks([])]).toEqual([
      '{\n  "schema": "experiment-review/runs",\n  "version": 1,\n  "runs": []\n}\n'
    ])
    for (const count of [1, 3, 40]) {
      const runs = sampleRuns(count)
      expect([...runsJsonChunks(runs)].join('')).toBe(runsToJson(sampleRuns(count)))
    }
  })

  it('never joins two runs into one piece: the opening, one piece per run, the closing', () => {
    const runs = sampleRuns(5)
    const pieces = [...runsJsonChunks(runs)]
    expect(pieces).toHaveLength(runs.length + 2)
    expect(pieces[0]).toBe('{\n  "schema": "experiment-review/runs",\n  "version": 1,\n  "runs": [')
    expect(pieces[pieces.length - 1]).toBe('\n  ]\n}\n')
    for (const [i, piece] of pieces.slice(1, -1).entries()) {
      const run = JSON.parse(piece.replace(/^,/, ''))
      expect(run.name).toBe(runs[i].name)
      expect(run.metrics.loss.value).toBe(i % 2 ? 'Infinity' : '-Infinity')
    }
  })
})

describe('export --format json', () => {
  let ws: string
  beforeEach(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'er-export-'))
    for (let i = 0; i < 3; i++) {
      const run = path.join(ws, 'experiments', `run-${i}`)
      await mkdir(run, { recursive: true })
      await writeFile(path.join(run, 'metrics.json'), JSON.stringify({ accuracy: 0.5 + i / 10 }))
    }
  })
  afterEach(async () => {
    await rm(ws, { recursive: true, force: true })
  })

  it('writes piece by piece, waiting for stdout to drain after each, the same text as one string', async () => {
    for (const command of ['export', 'list']) {
      const events: string[] = []
      const pieces: string[] = []
      let draining = false
      const code = await runCli([command, '--format', 'json'], {
        stdout: text => {
          // A piece written while the last one has not drained would grow the pipe's queue without bound.
          expect(draining).toBe(false)
          pieces.push(text)
          events.push('write')
        },
        drain: async () => {
          draining = true
          await new Promise(resolve => setImmediate(resolve))
          draining = false
          events.push('drain')
        },
        stderr: () => undefined,
        cwd: ws,
        env: {}
      })
      expect(code).toBe(0)
      expect(pieces).toHaveLength(3 + 2)
      expect(events).toEqual(pieces.flatMap(() => ['write', 'drain']))
      const whole = JSON.parse(pieces.join(''))
      expect(whole.runs.map((r: Run) => r.name)).toEqual(['run-0', 'run-1', 'run-2'])
      expect(pieces.join('')).toBe(runsToJson(whole.runs))
    }
  })
})
