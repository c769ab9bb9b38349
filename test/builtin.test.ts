import { mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { collectRuns } from '../src/sources/detect.js'
import { describeShared } from './helpers/shared.js'

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'er-builtin-'))
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await writeFile(path.join(dir, rel), text)
  }
  return dir
}

describe('built-in format', () => {
  it('reads params, metrics with histories, and metadata', async () => {
    const ws = await workspace({
      'experiments/a/params.json': JSON.stringify({ lr: 0.1, model: { depth: 6 } }),
      'experiments/a/metrics.json': JSON.stringify({
        accuracy: 0.9,
        loss: {
          value: 0.3,
          history: [
            { step: 2, value: 0.3 },
            { step: 1, value: 0.5 }
          ]
        }
      }),
      'experiments/a/metadata.yaml':
        'name: xgb\nstatus: failed\ngit_commit: abc123\ndata_version: v1\ntags: [x, y]\nseed: 3\n'
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(1)
    const run = runs[0]
    expect(run.name).toBe('xgb')
    expect(run.params).toEqual({ lr: 0.1, 'model.depth': 6 })
    expect(run.metrics.accuracy.value).toBe(0.9)
    expect(run.metrics.loss.history).toEqual([
      { step: 1, value: 0.5 },
      { step: 2, value: 0.3 }
    ])
    expect(run.metadata).toMatchObject({
      status: 'failed',
      gitCommit: 'abc123',
      dataVersion: 'v1',
      tags: ['x', 'y'],
      seed: 3
    })
    await rm(ws, { recursive: true })
  })

  it('does not follow a symbolic link that leaves the workspace', async () => {
    const ws = await workspace({ 'experiments/ok/metrics.json': '{"f1": 0.5}' })
    await mkdir(path.join(ws, 'experiments/evil'))
    await symlink('/etc/passwd', path.join(ws, 'experiments/evil/metrics.json'))
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(runs.find(r => r.name === 'ok')?.metrics.f1.value).toBe(0.5)
    expect(
      diagnostics.some(
        d => d.file === 'experiments/evil/metrics.json' && /leaves the workspace/.test(d.message)
      )
    ).toBe(true)
    expect(JSON.stringify(runs)).not.toContain('root:')
    await rm(ws, { recursive: true })
  })
})

describeShared('built-in format on the hostile fixtures', fixtures => {
  const ws = path.join(fixtures, 'hostile')
  it('reads the healthy run and names every bad file without stopping', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    const byName = new Map(runs.map(r => [r.path.split('/').pop(), r]))
    expect(byName.get('fine-run')?.metrics).toEqual({ accuracy: { value: 0.9 }, f1: { value: 0.85 } })
    expect(byName.get('bom-crlf')?.metrics.f1.value).toBe(0.88)
    expect(byName.get('duplicate-keys')?.metrics.accuracy.value).toBe(0.9)
    expect(byName.get('nan-inf')?.metrics.accuracy.value).toBeNaN()
    expect(byName.get('nan-inf')?.metrics.loss.value).toBe(Infinity)
    expect(byName.get('huge-int')?.metrics.global_step.exact).toBe('9223372036854775807')
    expect(byName.get('string-metric')?.metrics).toEqual({})
    const messages = diagnostics.map(d => `${d.file} ${d.run ?? ''} ${d.message}`)
    const about = (file: string) => messages.filter(m => m.startsWith(file))
    expect(about('experiments/truncated-json/metrics.json').join()).toMatch(
      /not valid JSON.*line 1, column \d+/
    )
    expect(about('experiments/binary-garbage/metrics.json').join()).toMatch(/binary/)
    expect(about('experiments/deep-nesting/metrics.json').join()).toMatch(/nesting deeper/)
    expect(about('experiments/string-metric/metrics.json').join()).toMatch(
      /"accuracy" is the text "0.9"; expected a number/
    )
    expect(about('experiments/yaml-bomb/metadata.yaml').join()).toMatch(/alias/i)
    expect(about('experiments/empty-run').join()).toMatch(/none of/)
    expect(about('experiments/duplicate-keys/metrics.json').join()).toMatch(/appears more than once/)
  })
})
