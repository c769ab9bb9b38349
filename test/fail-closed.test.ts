// The gate fails closed: no runs or a missing runs path is an error, explicit paths are read wherever they are,
// and the same run given twice is read once. Real folders, real symbolic links, the CLI in process.
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { collectRuns } from '../src/sources/detect.js'
import { tempDirs } from './helpers/temp.js'
import { cli } from './helpers/cli.js'

const tempDir = tempDirs('er-fail-closed-')

/** A workspace with two built-in runs under experiments/ and a rules file that requires accuracy ≥ 0.5. */
async function workspace(): Promise<string> {
  const ws = await tempDir()
  for (const [name, accuracy] of [
    ['a', 0.9],
    ['b', 0.8]
  ] as const) {
    await mkdir(path.join(ws, 'experiments', name), { recursive: true })
    await writeFile(
      path.join(ws, 'experiments', name, 'metrics.json'),
      JSON.stringify({ accuracy, loss: 0.3 })
    )
  }
  await writeFile(path.join(ws, 'rules.yml'), 'metrics:\n  accuracy: { min: 0.5, required: true }\n')
  // The baseline: a folder of one run (a baseline named explicitly must exist).
  await mkdir(path.join(ws, 'base', 'experiments', 'main'), { recursive: true })
  await writeFile(
    path.join(ws, 'base', 'experiments', 'main', 'metrics.json'),
    '{"accuracy": 0.85, "loss": 0.3}'
  )
  return ws
}

describe('no runs found is an error, never a pass', () => {
  it('compare --runs with a typo exits 2 and says where it looked', async () => {
    const ws = await workspace()
    const { code, out, err } = await cli(
      ws,
      'compare',
      '--runs',
      'mlrunz',
      '--rules',
      'rules.yml',
      '--baseline',
      'base'
    )
    expect(code).toBe(2)
    expect(out).toMatch(/^FAIL: No runs were found in "mlrunz" \(the runs path "mlrunz" does not exist\)/)
    expect(out).not.toMatch(/PASS|all rules met/)
    expect(err).toMatch(/No runs were found in "mlrunz"/)
  })

  it('an empty folder exits 2, and the markdown comment says no runs were found (no ✅)', async () => {
    const ws = await workspace()
    await mkdir(path.join(ws, 'empty'))
    const { code, out } = await cli(
      ws,
      'compare',
      '--runs',
      'empty',
      '--format',
      'markdown',
      '--baseline',
      'base'
    )
    expect(code).toBe(2)
    expect(out).toMatch(/## ❌ Experiment review: no runs were found/)
    expect(out).toContain('No runs were found in "empty", so nothing was judged')
    expect(out).not.toContain('✅')
  })

  it('a missing runs path next to one that exists is still an error', async () => {
    const ws = await workspace()
    const { code, err } = await cli(
      ws,
      'compare',
      '--runs',
      'experiments',
      '--runs',
      'wandb',
      '--baseline',
      'base'
    )
    expect(code).toBe(2)
    expect(err).toMatch(/Missing evidence: the runs path "wandb" does not exist/)
  })

  it('list and export exit 2 when nothing is found', async () => {
    const ws = await workspace()
    expect((await cli(ws, 'list', '--runs', 'nope')).code).toBe(2)
    expect((await cli(ws, 'export', '--runs', 'nope')).code).toBe(2)
    expect((await cli(ws, 'list', '--runs', 'experiments')).code).toBe(0)
  })
})

describe('explicit paths are trusted roots', () => {
  it('reads an absolute runs path outside the current folder', async () => {
    const ws = await workspace()
    const elsewhere = await tempDir()
    const { code, out, err } = await cli(
      elsewhere,
      'compare',
      '--runs',
      path.join(ws, 'experiments'),
      '--rules',
      path.join(ws, 'rules.yml'),
      '--baseline',
      path.join(ws, 'base')
    )
    expect(err).not.toMatch(/outside/)
    expect(code).toBe(0)
    expect(out).toMatch(/Champion: a/)
    const listed = await cli(elsewhere, 'list', '--runs', path.join(ws, 'experiments/*'))
    expect(listed.out).toContain(`${path.join(ws, 'experiments', 'a')}`)
  })

  it('never follows a link inside a named root out of the roots', async () => {
    const ws = await workspace()
    const secret = await tempDir()
    await writeFile(path.join(secret, 'metrics.json'), '{"stolen": 1}')
    await mkdir(path.join(ws, 'experiments', 'evil'))
    await symlink(path.join(secret, 'metrics.json'), path.join(ws, 'experiments', 'evil', 'metrics.json'))
    const elsewhere = await tempDir()
    const { runs, diagnostics } = await collectRuns({
      workspace: elsewhere,
      patterns: [path.join(ws, 'experiments')]
    })
    expect(JSON.stringify(runs)).not.toContain('stolen')
    expect(
      diagnostics.some(d =>
        /symbolic link that leaves the workspace and the runs paths given/.test(d.message)
      )
    ).toBe(true)
  })

  it('reads the same runs once when given twice, nested, or through a link', async () => {
    const ws = await workspace()
    await symlink(path.join(ws, 'experiments'), path.join(ws, 'linked'))
    const { runs } = await collectRuns({
      workspace: ws,
      patterns: ['experiments', 'experiments', './experiments/a', 'linked', 'experiments/*']
    })
    expect(runs.map(r => r.name).sort()).toEqual(['a', 'b'])
    const { out } = await cli(ws, 'list', '--runs', 'experiments', '--runs', 'experiments')
    expect(out.match(/^a /gm)).toHaveLength(1)
  })
})

describe('rules that name nothing are errors', () => {
  it('a typo in a rule fails with the file, line, key and the closest metric', async () => {
    const ws = await workspace()
    await writeFile(
      path.join(ws, 'typo.yml'),
      '# rules\nmetrics:\n  loss: { goal: minimize }\n  acuracy: { min: 0.95 }\n'
    )
    const { code, out, err } = await cli(
      ws,
      'compare',
      '--runs',
      'experiments',
      '--rules',
      'typo.yml',
      '--baseline',
      'base'
    )
    expect(code).toBe(2)
    expect(out).toMatch(/^FAIL: 1 rule names a metric no run reports/)
    expect(err).toContain(
      'typo.yml:4 metrics.acuracy: no run and no baseline reports a metric named "acuracy"; did you mean accuracy?'
    )
  })

  it('primary naming nothing is an error too, and the comment lists it', async () => {
    const ws = await workspace()
    await writeFile(path.join(ws, 'p.yml'), 'primary: nosuchmetric\n')
    const { code, out } = await cli(
      ws,
      'compare',
      '--runs',
      'experiments',
      '--rules',
      'p.yml',
      '--format',
      'markdown',
      '--baseline',
      'base'
    )
    expect(code).toBe(2)
    expect(out).toMatch(/❌ Experiment review: 1 rule names a metric no run reports/)
    expect(out).toMatch(
      /p\.yml:1 primary: no run and no baseline reports a metric named "nosuchmetric"; check the name/
    )
  })

  it('a rule for a metric only the baseline reports is the vanished-metric case, not a typo', async () => {
    const { compareRuns } = await import('../src/core/compare.js')
    const { parseRulesFile } = await import('../src/config/rules-file.js')
    const { recordFromExperiment } = await import('../src/core/baseline.js')
    const { makeExperiment } = await import('../src/core/experiment.js')
    const { run } = await import('./helpers/runs.js')
    const c = compareRuns({
      runs: [run('pr', { accuracy: 0.9 })],
      baseline: recordFromExperiment(makeExperiment('base', [run('base', { accuracy: 0.9, f1: 0.8 })])),
      rules: parseRulesFile('metrics:\n  f1: { max_drop: 0.01 }\n', 'r.yml')
    })
    expect(c.unknownMetrics).toBeUndefined()
    expect(c.verdict).toBe('fail')
    expect(c.violations.map(v => [v.metric, v.rule])).toEqual([['f1', 'required']])
  })
})

describe('diverged seeds count against the PR', () => {
  const setup = async (losses: number[]) => {
    const { compareRuns } = await import('../src/core/compare.js')
    const { parseRulesFile } = await import('../src/config/rules-file.js')
    const { recordFromExperiment } = await import('../src/core/baseline.js')
    const { makeExperiment } = await import('../src/core/experiment.js')
    const { run } = await import('./helpers/runs.js')
    const { violationMessage, warningMessage } = await import('../src/report/findings.js')
    const seeds = (name: string, values: number[]) =>
      values.map((loss, i) => run(`${name}-seed${i}`, { loss }, { metadata: { group: name, seed: i } }))
    const c = compareRuns({
      runs: seeds('pr', losses),
      baseline: recordFromExperiment(makeExperiment('base', seeds('base', [0.5, 0.51, 0.49, 0.5, 0.52]))),
      rules: parseRulesFile('metrics:\n  loss: { goal: minimize, max_rise: 0.05 }\n', 'r.yml')
    })
    return { c, violations: c.violations.map(violationMessage), warnings: c.warnings.map(warningMessage) }
  }

  it('4 of 5 seeds with a NaN loss fail the rule, naming the runs', async () => {
    const { c, violations } = await setup([NaN, NaN, 0.3, NaN, NaN])
    expect(c.verdict).toBe('fail')
    expect(violations).toEqual([
      'loss: 4 of 5 samples are not finite (NaN or infinite): the seeds diverged (pr-seed0, pr-seed1, pr-seed3, pr-seed4)'
    ])
  })

  it('fewer than half are left out of the test and named', async () => {
    const { c, warnings } = await setup([0.5, NaN, 0.51, 0.49, 0.5])
    expect(c.verdict).toBe('pass')
    expect(warnings).toContain(
      'loss: 1 of 5 samples of pr are not finite (NaN or infinite) (pr-seed1) and are left out of the mean and the test'
    )
  })
})
