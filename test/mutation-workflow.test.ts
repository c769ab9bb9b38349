// npm run mutation's module list and the workflow that runs it agree: every listed source and test file exists,
// and the weekly workflow also runs on a change to any of them, so a score can only move with a run to show it.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { MODULES, scoreOf } from '../scripts/mutation.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type Workflow = {
  on: { schedule?: unknown[]; pull_request?: { paths: string[] }; push?: { paths: string[] } }
  jobs: Record<string, { steps: { run?: string; with?: { path?: string } }[] }>
}
const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/mutation.yml'), 'utf8')) as Workflow
const listed = Object.values(MODULES).flatMap(m => [...m.mutate, ...m.tests])

describe('npm run mutation and its workflow', () => {
  it('lists only files that exist', () => {
    expect(listed.filter(file => !existsSync(path.join(ROOT, file)))).toEqual([])
  })

  it.each(['pull_request', 'push'] as const)(
    'runs on %s changes to every mutated source, every judging test and the mutation setup',
    trigger => {
      const paths = workflow.on[trigger]?.paths ?? []
      const wanted = [...listed, 'scripts/mutation.mjs', 'stryker.config.mjs']
      expect(wanted.filter(file => !paths.includes(file))).toEqual([])
    }
  )

  it('runs weekly, runs npm run mutation and keeps the report', () => {
    expect(workflow.on.schedule).toHaveLength(1)
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
    expect(steps.map(step => step.run)).toContain('npm run mutation')
    expect(steps.map(step => step.with?.path)).toContain('reports/mutation/')
  })
})

describe('the score of a module', () => {
  const report = (...statuses: string[]) => ({
    files: { 'src/a.ts': { mutants: statuses.map(status => ({ status })) } }
  })

  it('counts timeouts as detected and leaves ignored mutants out', () => {
    expect(scoreOf(report('Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'))).toEqual({
      killed: 1,
      survived: 1,
      noCoverage: 1,
      timeout: 1,
      errors: 0,
      ignored: 1,
      score: 50
    })
  })

  it('has no score without a mutant that could be judged, and counts errors apart', () => {
    const { score, errors } = scoreOf(report('CompileError', 'Ignored'))
    expect(score).toBeNaN()
    expect(errors).toBe(1)
  })
})
