// End to end: the committed `dist/index.js` run exactly as the runner runs it (INPUT_* variables with their dashes,
// event payloads from @octokit/webhooks-examples, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) against the GitHub
// twin and a real git repository. It is never rebuilt here; EXPERIMENT_REVIEW_TEST_NODE picks the node binary
// (.ci/run runs this file again under Node 24, the runtime action.yml names). The action's own client factory
// runs, with the real retry and throttling plugins and their real waits.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { GitHubTwin } from './github-twin/server.js'
import {
  actionNode,
  makeReviewRepository,
  prRuns,
  pullRequestPayloadOn,
  runActionOnTwin,
  startReviewTestbed,
  workflowRunPayload,
  type ReviewRepository,
  type ReviewTestbed
} from './review-fixtures.js'

const NODE = actionNode()
/** The node running the action, for the test names: e.g. "node v24.22.3". */
const NODE_LABEL = `node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}`

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository
let temp: string

beforeAll(async () => {
  bed = await startReviewTestbed('e2e-review-')
  ;({ twin, fixture, temp } = bed)
})

afterAll(() => bed?.stop())

/** Runs the action as the runner does against the twin and the fixture's checkout. */
const runAction = (options: Parameters<typeof runActionOnTwin>[1]) => runActionOnTwin(bed, options)

const payloadFor = (number: number, extra: { forkOwner?: string } = {}) =>
  pullRequestPayloadOn(twin, fixture, number, extra.forkOwner)
const commentsOn = (number: number) => [...twin.state.comments.values()].filter(c => c.issueNumber === number)

describe(`${NODE_LABEL} dist/index.js on pull_request`, () => {
  it('creates the comment, then makes no write, then edits the same comment; outputs and the failed step', async () => {
    twin.addPullRequest({ number: 5, headRef: fixture.headRef, headSha: fixture.headSha })
    // One workflow run and its re-run attempt (GITHUB_RUN_ID stays, the attempt counts): the comment keeps the run
    // whose failed jobs a slash command re-runs, so a new run on the same head would edit it once.
    const attempt = (n: number) => ({ GITHUB_RUN_ID: '1500', GITHUB_RUN_ATTEMPT: String(n) })
    const first = await runAction({ payload: payloadFor(5), env: attempt(1) })
    expect(first.stderr).toBe('')
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(
      /^::error title=Experiment Review%3A latency_ms max,file=\.github\/experiment-review\.yml,line=6::latency_ms is 59, above the ceiling 50$/m
    )
    expect(first.stdout).toMatch(
      /^::error::Experiment Review: 1 rule broken: latency_ms is 59, above the ceiling 50$/m
    )
    expect(first.outputs.verdict).toBe('fail')
    expect(first.outputs.champion).toBe('resnet-wide')
    expect(first.outputs.report).toBe(path.join(temp, 'experiment-review-default.json'))
    expect(first.outputs['comment-url']).toMatch(/\/octo-org\/models\/pull\/5#issuecomment-\d+$/)
    expect(JSON.parse(first.outputs.regressions)).toEqual([
      {
        metric: 'latency_ms',
        rule: 'max',
        message: 'latency_ms is 59, above the ceiling 50',
        accepted: false
      }
    ])
    expect(JSON.parse(await readFile(first.outputs.report, 'utf8'))).toMatchObject({
      schema: 'experiment-review/report',
      verdict: 'fail'
    })
    expect(first.summary).toContain('Experiment review: 1 rule broken')
    expect(first.summary).toContain('Diagnostics (')
    expect(commentsOn(5)).toHaveLength(1)
    const { id, body } = commentsOn(5)[0]

    twin.clearRequests()
    const second = await runAction({ payload: payloadFor(5), env: attempt(2) })
    expect(second.code).toBe(1)
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])

    await fixture.rewriteRuns(prRuns({ shift: 0.003 }))
    try {
      twin.clearRequests()
      const third = await runAction({ payload: payloadFor(5) })
      expect(third.code).toBe(1)
      expect(twin.countRequests({ kind: 'write' })).toBe(1)
      expect(twin.countRequests({ operationId: 'issues/update-comment' })).toBe(1)
      expect(commentsOn(5)).toHaveLength(1)
      expect(commentsOn(5)[0].id).toBe(id)
      expect(commentsOn(5)[0].body).not.toBe(body)
    } finally {
      await fixture.rewriteRuns(prRuns())
    }
    expect(twin.violations).toEqual([])
  })

  it('passes (exit 0, no ::error) when every rule is met', async () => {
    const passing = await makeReviewRepository({ runs: prRuns({ passing: true }) })
    try {
      twin.addPullRequest({ number: 6, headRef: passing.headRef, headSha: passing.headSha })
      const payload = pullRequestPayloadOn(twin, passing, 6)
      const run = await runAction({ payload, env: { GITHUB_WORKSPACE: passing.workspace } })
      expect(run.code).toBe(0)
      expect(run.stdout).not.toContain('::error')
      expect(run.outputs.verdict).toBe('pass')
      expect(run.outputs.regressions).toBe('[]')
      expect(commentsOn(6)[0].body).toContain('all rules met')
    } finally {
      await passing.remove()
    }
  })

  it('on a fork (read-only token) posts nothing, does not crash, and says why', async () => {
    twin.addPullRequest({
      number: 8,
      headRef: fixture.headRef,
      headSha: fixture.headSha,
      fromFork: true,
      author: 'forker'
    })
    const run = await runAction({ payload: payloadFor(8, { forkOwner: 'forker' }), token: 'ghs_fork-token' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::warning::No comment was posted on octo-org\/models#8: .*Resource not accessible by integration/m
    )
    expect(run.stdout).toMatch(/^::error::Experiment Review: 1 rule broken/m)
    expect(run.outputs.verdict).toBe('fail')
    expect(run.outputs['comment-url']).toBeUndefined()
    expect(run.summary).toMatch(/No PR comment was posted: .*Resource not accessible by integration/)
    expect(commentsOn(8)).toHaveLength(0)
    expect(existsSync(run.outputs.report)).toBe(true)
  })

  it('retries 5xx answers and rate limits, and the review lands once', async () => {
    twin.addPullRequest({ number: 9, headRef: fixture.headRef, headSha: fixture.headSha })
    twin.clearRequests()
    twin.faults.serverError(1, { status: 502, method: 'GET' })
    twin.faults.secondaryRateLimit(1)
    twin.faults.serverError(1, { status: 503, method: 'POST' })
    const run = await runAction({ payload: payloadFor(9) })
    expect(run.code).toBe(1)
    expect(run.outputs['comment-url']).toMatch(/pull\/9#issuecomment-/)
    expect(commentsOn(9)).toHaveLength(1)
    const statuses = twin.requests.map(r => r.status)
    expect(statuses).toEqual(expect.arrayContaining([502, 403, 503]))
    expect(
      twin.requests.filter(r => r.operationId === 'issues/create-comment' && r.status === 201)
    ).toHaveLength(1)

    twin.faults.primaryRateLimit(1)
    await fixture.rewriteRuns(prRuns({ shift: 0.001 }))
    try {
      const again = await runAction({ payload: payloadFor(9) })
      expect(again.outputs['comment-url']).toBe(run.outputs['comment-url'])
      expect(commentsOn(9)).toHaveLength(1)
    } finally {
      await fixture.rewriteRuns(prRuns())
    }
  })
})

describe(`${NODE_LABEL} dist/index.js on workflow_run (the fork pattern)`, () => {
  it('comments on the fork PR found from the head commit and sets the gating status', async () => {
    const headSha = 'd'.repeat(40)
    twin.addPullRequest({ number: 12, headRef: 'patch-1', headSha, fromFork: true, author: 'forker' })
    const payload = workflowRunPayload({
      owner: twin.owner,
      repo: twin.repo,
      headSha,
      headRef: 'patch-1',
      headOwner: 'forker'
    })
    const run = await runAction({ eventName: 'workflow_run', payload })
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('fail')
    expect(commentsOn(12)).toHaveLength(1)
    expect(twin.state.statuses.find(s => s.sha === headSha)).toMatchObject({
      state: 'failure',
      context: 'experiment-review/default'
    })
  })
})
