// The shipped workflows (README, examples/workflows/, this repository's self-test) are safe to copy: every job
// declares least-privilege permissions, no checkout leaves the token on disk for the training code, expressions
// reach scripts only through env: (a run name in steps.*.outputs.champion is text from the run files), artifacts
// are overwritten on a re-run, nothing cancels a promotion, and the workflow names are distinct. The fork-safe
// trio keeps the workflow_run half from ever running code from the PR.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from './review-fixtures.js'

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: object }
type Job = {
  if?: string
  permissions?: Record<string, string> | string
  concurrency?: unknown
  steps: Step[]
}
type Workflow = {
  name: string
  on: Record<string, unknown>
  permissions?: Record<string, string> | string
  concurrency?: unknown
  jobs: Record<string, Job>
}

const read = (rel: string) => readFile(path.join(PROJECT_ROOT, rel), 'utf8')

/** Every workflow the project ships or documents: file → parsed workflow. */
async function shippedWorkflows(): Promise<Map<string, Workflow>> {
  const out = new Map<string, Workflow>()
  for (const folder of ['examples/workflows', '.github/workflows']) {
    for (const file of (await readdir(path.join(PROJECT_ROOT, folder))).sort()) {
      if (folder === '.github/workflows' && !file.startsWith('experiment-review-')) continue
      out.set(`${folder}/${file}`, parse(await read(`${folder}/${file}`)) as Workflow)
    }
  }
  const readme = await read('README.md')
  for (const [i, block] of [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].entries()) {
    const parsed = parse(block[1]) as Workflow | undefined
    if (parsed && typeof parsed === 'object' && 'jobs' in parsed)
      out.set(`README.md yaml block ${i + 1}`, parsed)
  }
  return out
}

const runsOnPush = (workflow: Workflow, job: Job) =>
  'push' in (workflow.on ?? {}) && !/github\.event_name == 'pull_request'/.test(job.if ?? '')

/** What makes a workflow unsafe to copy, one line per problem; empty when there is none. */
function workflowProblems(workflow: Workflow): string[] {
  const problems: string[] = []
  if (
    workflow.permissions &&
    typeof workflow.permissions === 'object' &&
    Object.keys(workflow.permissions).length
  )
    problems.push('the workflow grants permissions to every job: grant them per job')
  const pushing = Object.values(workflow.jobs).some(job => runsOnPush(workflow, job))
  if (workflow.concurrency && pushing)
    problems.push('a workflow-level concurrency group can cancel a pending promotion')
  for (const [name, job] of Object.entries(workflow.jobs)) {
    if (job.permissions === undefined) problems.push(`job ${name} declares no permissions`)
    if (typeof job.permissions === 'string') problems.push(`job ${name} has permissions: ${job.permissions}`)
    if (job.concurrency && runsOnPush(workflow, job))
      problems.push(`job ${name} runs on push in a concurrency group, which cancels a pending promotion`)
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false)
        problems.push(
          `job ${name}: actions/checkout keeps the token on disk (set persist-credentials: false)`
        )
      if (step.run?.includes('${{'))
        problems.push(
          `job ${name}: an expression is inlined into a run script: ${step.run.trim().split('\n')[0]}`
        )
      if (step.uses?.startsWith('actions/upload-artifact@') && step.with?.overwrite !== true)
        problems.push(`job ${name}: upload-artifact without overwrite: true fails on a re-run`)
    }
  }
  return problems
}

describe('every shipped workflow is safe to copy', () => {
  it('each job declares its permissions, checks out without a persisted token and passes outputs through env:', async () => {
    const workflows = await shippedWorkflows()
    expect([...workflows.keys()]).toEqual(
      expect.arrayContaining([
        'examples/workflows/experiment-review.yml',
        'examples/workflows/experiment-review-pr.yml',
        'examples/workflows/experiment-review-comment.yml',
        'examples/workflows/experiment-review-promote.yml',
        'README.md yaml block 1'
      ])
    )
    for (const [file, workflow] of workflows)
      expect({ file, problems: workflowProblems(workflow) }).toEqual({ file, problems: [] })
  })

  it('the check catches the unsafe patterns it looks for', () => {
    const unsafe = parse(`
name: Train
on: { pull_request: {}, push: { branches: [main] } }
permissions: { contents: write, pull-requests: write }
concurrency: { group: experiments, cancel-in-progress: false }
jobs:
  train:
    steps:
      - uses: actions/checkout@v5
      - id: review
        uses: acme/experiment-review@v1
      - run: echo "champion=\${{ steps.review.outputs.champion }}"
      - uses: actions/upload-artifact@v4
        with: { name: runs, path: mlruns }
`) as Workflow
    expect(workflowProblems(unsafe)).toEqual([
      'the workflow grants permissions to every job: grant them per job',
      'a workflow-level concurrency group can cancel a pending promotion',
      'job train declares no permissions',
      'job train: actions/checkout keeps the token on disk (set persist-credentials: false)',
      'job train: an expression is inlined into a run script: echo "champion=${{ steps.review.outputs.champion }}"',
      'job train: upload-artifact without overwrite: true fails on a re-run'
    ])
  })

  it('the example workflows have distinct names, and a workflow_run listens to one that uploads the runs', async () => {
    const examples = [...(await shippedWorkflows())].filter(([file]) => file.startsWith('examples/'))
    const names = examples.map(([, w]) => w.name)
    expect(new Set(names).size).toBe(names.length)
    for (const [, w] of examples) {
      const listened = (w.on.workflow_run as { workflows?: string[] } | undefined)?.workflows ?? []
      for (const name of listened) {
        const source = examples.find(([, other]) => other.name === name)?.[1]
        expect(source).toBeDefined()
        const steps = Object.values(source?.jobs ?? {}).flatMap(j => j.steps)
        expect(steps.some(s => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true)
      }
    }
  })
})

const TRIOS = [
  [
    'examples/workflows/experiment-review-pr.yml',
    'examples/workflows/experiment-review-comment.yml',
    'acme/experiment-review@v1'
  ],
  [
    '.github/workflows/experiment-review-selftest-pr.yml',
    '.github/workflows/experiment-review-selftest-comment.yml',
    './'
  ]
] as const

const workflow = async (rel: string) => parse(await read(rel)) as Workflow

describe.each(TRIOS)('%s + %s', (prFile, commentFile, action) => {
  it('the pull_request half is read-only, uploads the runs and the PR number, and reviews without commenting', async () => {
    const pr = await workflow(prFile)
    expect(Object.keys(pr.on)).toEqual(['pull_request'])
    for (const job of Object.values(pr.jobs)) expect(job.permissions).toEqual({ contents: 'read' })
    const steps = Object.values(pr.jobs).flatMap(j => j.steps)
    const upload = steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))
    expect(String(upload?.with?.path)).toContain('experiment-review/pr-number')
    const review = steps.find(s => s.uses === action)
    expect(review?.with?.comment).toBe(false)
  })

  it('the workflow_run half listens to it, checks out the default branch only, treats the artifact as data, and skips cleanly without one', async () => {
    const pr = await workflow(prFile)
    const comment = await workflow(commentFile)
    expect(comment.on.workflow_run).toEqual({ workflows: [pr.name], types: ['completed'] })
    const [job] = Object.values(comment.jobs)
    expect(job.permissions).toEqual({
      'pull-requests': 'write',
      statuses: 'write',
      actions: 'read',
      contents: 'read'
    })
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'")
    const code = (await read(commentFile)).replace(/^\s*#.*$/gm, '')
    // No PR ref is ever checked out, and nothing from the artifact is executed.
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.ref).toBeUndefined()
        expect(step.with?.['persist-credentials']).toBe(false)
      }
      if (step.run) expect(step.run).not.toMatch(/\b(npm|pip|python|node|bash|sh|source|make)\b|\.\//)
    }
    expect(code).not.toMatch(/head_sha|head\.sha|refs\/pull/)
    // The artifact is looked for first; every later step runs only when it exists.
    const [lookup, ...rest] = job.steps
    expect(lookup.run).toContain('/artifacts?name=experiment-runs')
    expect(lookup.run).toContain('GITHUB_STEP_SUMMARY')
    for (const step of rest) expect(step.if).toContain("steps.artifact.outputs.found == 'true'")
    const download = job.steps.find(s => s.uses?.startsWith('actions/download-artifact@'))
    expect(download?.with).toMatchObject({
      name: 'experiment-runs',
      'run-id': '${{ github.event.workflow_run.id }}'
    })
    const readNumber = job.steps.find(s => s.run?.includes('EXPERIMENT_REVIEW_PR_NUMBER'))
    expect(readNumber?.run).toContain("tr -cd '0-9'")
    const review = job.steps.find(s => s.uses === action)
    expect(review?.with?.mode).toBe('review')
    expect(String(review?.with?.runs)).toMatch(/^pr-runs\//)
  })
})

describe('examples/workflows/experiment-review-commands.yml', () => {
  it('answers comments on pull requests from the default branch, with only what the commands need', async () => {
    const commands = await workflow('examples/workflows/experiment-review-commands.yml')
    expect(commands.on).toEqual({ issue_comment: { types: ['created'] } })
    const [job] = Object.values(commands.jobs)
    expect(job.if).toContain('github.event.issue.pull_request')
    expect(job.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      statuses: 'write',
      actions: 'write'
    })
    const code = (await read('examples/workflows/experiment-review-commands.yml')).replace(/^\s*#.*$/gm, '')
    expect(code).not.toMatch(/head_sha|head\.sha|refs\/pull|\bref:/)
    const checkout = job.steps.find(s => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toEqual({ 'persist-credentials': false })
    expect(job.steps.find(s => s.uses === 'acme/experiment-review@v1')?.with).toEqual({ mode: 'command' })
    expect(job.steps.some(s => s.run)).toBe(false)
  })
})

describe('examples/workflows/experiment-review-sweep.yml', () => {
  it('uploads one artifact per matrix job and reviews them all, each job in a folder of its own', async () => {
    const sweep = await workflow('examples/workflows/experiment-review-sweep.yml')
    const train = sweep.jobs.train as Job & { strategy?: { matrix?: Record<string, unknown[]> } }
    const axes = Object.keys(train.strategy?.matrix ?? {})
    expect(axes.length).toBeGreaterThan(0)
    const upload = train.steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))
    // Every matrix axis is in the artifact's name, so no two jobs upload under one name.
    for (const axis of axes) expect(String(upload?.with?.name)).toContain(`\${{ matrix.${axis} }}`)
    const prefix = String(upload?.with?.name).split('$')[0]
    for (const name of ['review', 'promote']) {
      const job = sweep.jobs[name] as Job & { needs?: string | string[] }
      expect([job.needs].flat()).toContain('train')
      const download = job.steps.find(s => s.uses?.startsWith('actions/download-artifact@'))
      expect(download?.with?.['merge-multiple']).toBe(false)
      // The pattern matches every job's artifact and nothing else the workflow uploads.
      const pattern = String(download?.with?.pattern)
      expect(pattern.endsWith('*') && prefix.startsWith(pattern.slice(0, -1))).toBe(true)
      const review = job.steps.find(s => s.uses === 'acme/experiment-review@v1')
      expect(review?.with?.runs).toBe(download?.with?.path)
    }
    expect(sweep.jobs.review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' })
    expect(sweep.jobs.promote.permissions).toEqual({ contents: 'write', 'pull-requests': 'read' })
  })
})
