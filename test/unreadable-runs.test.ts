// A run that could not be read is shown as unreadable (with the reason) in `list`, `show` and the comment's
// "All runs", never as a healthy run; and a rule whose metric may sit in such a run fails closed. Real files, the
// generated hostile workspace, the CLI in process.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { collectRuns } from '../src/sources/detect.js'
import { HOSTILE_RUNS, makeHostileWorkspace } from './fixtures/make-hostile.js'
import { cli } from './helpers/cli.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-unreadable-')

/** The generated hostile workspace, a rules file (accuracy ≥ 0.8) and a baseline folder of one run (0.85). */
async function workspace(): Promise<string> {
  const ws = await tempDir()
  await makeHostileWorkspace(ws)
  await writeFile(path.join(ws, 'rules.yml'), 'metrics:\n  accuracy: { min: 0.8 }\n')
  await mkdir(path.join(ws, 'base', 'experiments', 'main-run'), { recursive: true })
  await writeFile(
    path.join(ws, 'base', 'experiments', 'main-run', 'metrics.json'),
    '{"accuracy": 0.85, "f1": 0.8}'
  )
  return ws
}

const runsOf = (...names: string[]) => names.flatMap(n => ['--runs', `experiments/${n}`])

describe('runs that could not be read', () => {
  it('carry what could not be read, and only those runs do', async () => {
    const ws = await workspace()
    const { runs } = await collectRuns({ workspace: ws, patterns: ['experiments'] })
    for (const [name, expected] of Object.entries(HOSTILE_RUNS)) {
      const run = runs.find(r => path.basename(r.path) === name)
      expect({ name, found: !!run }).toEqual({ name, found: true })
      const errors = run?.readErrors ?? []
      const got = !errors.length ? 'read' : errors.every(d => d.key !== undefined) ? 'partly' : 'unreadable'
      expect({ name, got }).toEqual({ name, got: expected })
      for (const d of errors) expect(d.file.startsWith(`experiments/${name}/`)).toBe(true)
    }
  })

  it('list marks each one unreadable with its reason, never finished', async () => {
    const ws = await workspace()
    const { code, out } = await cli(ws, 'list', '--runs', 'experiments')
    expect(code).toBe(0)
    const rows = out.split('\n')
    for (const [name, expected] of Object.entries(HOSTILE_RUNS)) {
      if (name === 'markdown-injection' || name === 'path-traversal') continue // named by their metadata
      const row = rows.find(r => r.startsWith(`${name} `))
      expect({ name, row }).toEqual({ name, row: expect.any(String) })
      if (expected === 'read') expect(row).toMatch(/ finished /)
      else {
        expect(row).not.toMatch(/finished/)
        expect(row).toContain(expected === 'partly' ? '⚠ partly unreadable' : '⚠ unreadable')
      }
    }
    expect(out).toContain(
      '⚠ truncated-json: experiments/truncated-json/metrics.json:1:25: is not valid JSON: expected a value'
    )
    expect(out).toMatch(/⚠ symlink-out: .*metrics\.json: is a symbolic link that leaves the workspace/)
    expect(out).toMatch(/⚠ binary-garbage: experiments\/binary-garbage\/metrics\.json: is binary data/)
  })

  it('show says unreadable and lists every problem', async () => {
    const ws = await workspace()
    const { code, out } = await cli(ws, 'show', 'string-metric', '--runs', 'experiments')
    expect(code).toBe(0)
    expect(out).toContain('status: ⚠ partly unreadable (what was read says finished)')
    expect(out).not.toMatch(/^status: finished/m)
    for (const key of ['accuracy', 'f1', 'loss', 'auc', 'recall'])
      expect(out).toContain(`(key "${key}"): metric "${key}" is`)
  })

  it('a rule whose metric may sit in an unreadable run cannot pass: exit 2, the runs and reasons named', async () => {
    const ws = await workspace()
    const args = ['compare', ...runsOf('fine-run', 'truncated-json', 'binary-garbage')]
    const { code, out, err } = await cli(ws, ...args, '--rules', 'rules.yml', '--baseline', 'base')
    expect(code).toBe(2)
    expect(out).toMatch(/^FAIL: 2 runs could not be read, so 1 rule cannot be judged/)
    expect(out).not.toMatch(/PASS|all rules met/)
    expect(err).toContain(
      'rules.yml:2 metrics.accuracy: 2 runs that may report "accuracy" could not be read, so the rule cannot be judged'
    )
    expect(err).toContain('truncated-json (experiments/truncated-json/metrics.json:1:25: is not valid JSON')
    expect(err).toContain('binary-garbage (experiments/binary-garbage/metrics.json: is binary data')
    expect(out).toMatch(/truncated-json +— +⚠ unreadable/)
  })

  it('the comment shows them as ⚠️ unreadable in All runs, never ✅', async () => {
    const ws = await workspace()
    const args = ['compare', ...runsOf('fine-run', 'truncated-json'), '--format', 'markdown']
    const { code, out } = await cli(ws, ...args, '--rules', 'rules.yml', '--baseline', 'base')
    expect(code).toBe(2)
    expect(out).toMatch(/## ❌ Experiment review: 1 run could not be read, so 1 rule cannot be judged/)
    const row = out.split('\n').find(l => l.includes('`truncated-json`'))
    expect(row).toContain('⚠️ unreadable: experiments/truncated-json/metrics.json:1:25: is not valid JSON')
    expect(row).not.toContain('✅')
  })

  it('a run whose metadata failed but which reports the metric is judged, and still shown unreadable', async () => {
    const ws = await workspace()
    const args = ['compare', ...runsOf('fine-run', 'yaml-bomb'), '--format', 'markdown']
    const { code, out } = await cli(ws, ...args, '--rules', 'rules.yml', '--baseline', 'base')
    expect(code).toBe(0)
    expect(out).toMatch(/## ✅ Experiment review: all rules met/)
    const row = out.split('\n').find(l => l.includes('`yaml-bomb`'))
    expect(row).toContain('⚠️ unreadable: experiments/yaml-bomb/metadata.yaml')
  })

  it('a partly read run fails only the rules of the metrics it lost', async () => {
    const ws = await workspace()
    await writeFile(path.join(ws, 'rules2.yml'), 'metrics:\n  f1: { min: 0.5 }\n  normal: { min: 0 }\n')
    await writeFile(path.join(ws, 'experiments', 'fine-run', 'metrics.json'), '{"f1": 0.9, "normal": 1}')
    await writeFile(
      path.join(ws, 'base', 'experiments', 'main-run', 'metrics.json'),
      '{"f1": 0.8, "normal": 1}'
    )
    const args = ['compare', ...runsOf('fine-run', 'string-metric'), '--format', 'json']
    const { code, out } = await cli(ws, ...args, '--rules', 'rules2.yml', '--baseline', 'base')
    expect(code).toBe(2)
    const report = JSON.parse(out) as { unreadableEvidence: { key: string; runs: { name: string }[] }[] }
    expect(report.unreadableEvidence.map(u => [u.key, u.runs.map(r => r.name)])).toEqual([
      ['metrics.f1', ['string-metric']]
    ])
  })
})
