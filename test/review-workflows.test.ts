// The shipped workflows of the fork pattern: the workflow_run half must never run code from the PR with its write
// token, must read the PR number as digits only, and must listen to the pull_request half by its name.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from './review-fixtures.js'

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }
type Workflow = {
  name: string
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<string, { if?: string; steps: Step[] }>
}

async function workflow(rel: string): Promise<Workflow> {
  return parse(await readFile(path.join(PROJECT_ROOT, rel), 'utf8')) as Workflow
}

const PAIRS = [
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

describe.each(PAIRS)('%s + %s', (prFile, commentFile, action) => {
  it('the pull_request half is read-only, uploads the runs and the PR number, and reviews without commenting', async () => {
    const pr = await workflow(prFile)
    expect(Object.keys(pr.on)).toEqual(['pull_request'])
    expect(pr.permissions).toEqual({ contents: 'read' })
    const steps = Object.values(pr.jobs).flatMap(j => j.steps)
    const upload = steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))
    expect(String(upload?.with?.path)).toContain('experiment-review/pr-number')
    const review = steps.find(s => s.uses === action)
    expect(review?.with?.comment).toBe(false)
  })

  it('the workflow_run half listens to it, checks out the default branch only, and treats the artifact as data', async () => {
    const pr = await workflow(prFile)
    const comment = await workflow(commentFile)
    expect(comment.on.workflow_run).toEqual({ workflows: [pr.name], types: ['completed'] })
    expect(comment.permissions).toMatchObject({
      'pull-requests': 'write',
      statuses: 'write',
      actions: 'read',
      contents: 'read'
    })
    const [job] = Object.values(comment.jobs)
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'")
    const code = (await readFile(path.join(PROJECT_ROOT, commentFile), 'utf8')).replace(/^\s*#.*$/gm, '')
    // No PR ref is ever checked out, and nothing from the artifact is executed.
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.ref).toBeUndefined()
        expect(step.with?.['persist-credentials']).toBe(false)
      }
      if (step.run) expect(step.run).not.toMatch(/\b(npm|pip|python|node|bash|sh|source|make)\b|\.\//)
    }
    expect(code).not.toMatch(/head_sha|head\.sha|refs\/pull/)
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
