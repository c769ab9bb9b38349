// npm run mutation's module list and the workflow that runs it agree: every listed source and test file exists,
// and the weekly workflow also runs on a change to any of them, so a score can only move with a run to show it.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
const runs = Object.values(MODULES).flat()
const listed = runs.flatMap(run => [...run.mutate, ...run.tests])

describe('npm run mutation and its workflow', () => {
  it('lists only files that exist', () => {
    expect(listed.filter(file => !existsSync(path.join(ROOT, file)))).toEqual([])
  })

  it('mutates each source in one run only, and names each run of a module that has several (its report)', () => {
    const sources = runs.flatMap(run => run.mutate)
    expect(new Set(sources).size).toBe(sources.length)
    for (const moduleRuns of Object.values(MODULES)) {
      const parts = moduleRuns.map(run => run.part)
      if (moduleRuns.length === 1) expect(parts).toEqual([undefined])
      else {
        expect(parts.every(part => typeof part === 'string' && /^[a-z-]+$/.test(part))).toBe(true)
        expect(new Set(parts).size).toBe(moduleRuns.length)
      }
    }
  })

  it.each(['pull_request', 'push'] as const)(
    'runs on %s changes to every mutated source, every judging test and the mutation setup',
    trigger => {
      const paths = workflow.on[trigger]?.paths ?? []
      const wanted = [
        ...listed,
        'scripts/mutation.mjs',
        'stryker.config.mjs',
        'scripts/stryker-bail-environment.cjs'
      ]
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

describe("the test environment that stops a mutant's tests at the first failure", () => {
  type Event = { name: string; test: { errors: unknown[]; mode?: string } }
  const Environment = createRequire(import.meta.url)('../scripts/stryker-bail-environment.cjs') as {
    prototype: { handleTestEvent(event: Event): Promise<void> }
  }
  const handle = (event: Event) => Environment.prototype.handleTestEvent.call({}, event)
  const test = (errors: unknown[] = []) => ({ errors, mode: undefined as string | undefined })
  const saved = process.env.__STRYKER_ACTIVE_MUTANT__
  afterEach(() => {
    if (saved === undefined) delete process.env.__STRYKER_ACTIVE_MUTANT__
    else process.env.__STRYKER_ACTIVE_MUTANT__ = saved
  })

  /** Runs the events of tests in order (each starts, then ends with its errors); returns the ones skipped. */
  async function run(errorsOfEach: unknown[][]): Promise<boolean[]> {
    const skipped = []
    for (const errors of errorsOfEach) {
      const t = test(errors)
      await handle({ name: 'test_start', test: t })
      skipped.push(t.mode === 'skip')
      if (t.mode !== 'skip') await handle({ name: 'test_done', test: t })
    }
    return skipped
  }

  it('skips the tests after the first failure of the mutant under test, in every later file too', async () => {
    process.env.__STRYKER_ACTIVE_MUTANT__ = '7'
    expect(await run([[], ['wrong'], [], []])).toEqual([false, false, true, true])
    expect(await run([[]])).toEqual([true])
  })

  it('runs every test of the next mutant, and of a mutant no test fails', async () => {
    process.env.__STRYKER_ACTIVE_MUTANT__ = '8'
    expect(await run([[], [], []])).toEqual([false, false, false])
    process.env.__STRYKER_ACTIVE_MUTANT__ = '9'
    expect(await run([['wrong'], []])).toEqual([false, true])
  })

  it('never skips in the dry run, which has no mutant and measures every test', async () => {
    delete process.env.__STRYKER_ACTIVE_MUTANT__
    expect(await run([['wrong'], [], ['wrong'], []])).toEqual([false, false, false, false])
  })
})
