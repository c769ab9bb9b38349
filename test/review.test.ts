// Review mode in process against the GitHub twin and real git repositories: event parsing on real webhook payloads,
// the sticky comment (create, no-op, edit), forks, workflow_run resolution, invalid rules, no baseline, and the CLI.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatDiagnostic, type Diagnostic } from '../src/core/run.js'
import {
  DEFAULT_BASELINE_PATH,
  DEFAULT_RULES_PATH,
  GITHUB_STEP_SUMMARY_LIMIT,
  hiddenMarker
} from '../src/core/conventions.js'
import { parseReviewEvent, ReviewEventError } from '../src/modes/review-event.js'
import { runReviewMode, SUMMARY_DIAGNOSTICS_SHOWN } from '../src/modes/review.js'
import { HOSTILE_RUNS, INJECTED_NAME, makeHostileWorkspace } from './fixtures/make-hostile.js'
import { twinClientFactory } from './github-twin/client.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import { SHARED_FIXTURES } from './helpers/shared.js'
import { cliIn } from './helpers/cli.js'
import { memoryLog } from './helpers/memory-log.js'
import type { GitHubTwin } from './github-twin/server.js'
import {
  fixtureBaselineText,
  makeReviewRepository,
  prRuns,
  pullRequestPayloadOn,
  startReviewTestbed,
  startReviewTwin,
  twinModeContext,
  webhookExample,
  workflowRunPayload,
  type ReviewRepository,
  type ReviewTestbed,
  type TwinModeOptions
} from './review-fixtures.js'

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository
let temp: string
const PR = 7

beforeAll(async () => {
  bed = await startReviewTestbed('review-test-')
  ;({ twin, fixture, temp } = bed)
  for (const number of [PR, 8, 9, 12])
    twin.addPullRequest({ number, headRef: fixture.headRef, headSha: fixture.headSha })
  twin.addPullRequest({
    number: 11,
    headRef: fixture.headRef,
    headSha: fixture.headSha,
    fromFork: true,
    author: 'forker'
  })
})

afterAll(() => bed?.stop())

function context(
  options: Omit<TwinModeOptions<ReturnType<typeof memoryLog>>, 'log'> & {
    /** The action's github-token input (default the workflow's token). */
    token?: string
  }
) {
  const log = memoryLog()
  const inputs = options.token ? { 'github-token': options.token, ...options.inputs } : options.inputs
  return { ctx: twinModeContext(bed, { ...options, inputs, log }), log }
}

const prPayload = (number = PR, extra: { forkOwner?: string; baseSha?: string } = {}) =>
  pullRequestPayloadOn(
    twin,
    { ...fixture, baseSha: extra.baseSha ?? fixture.baseSha },
    number,
    extra.forkOwner
  )

const commentsOn = (number: number) => [...twin.state.comments.values()].filter(c => c.issueNumber === number)

describe('parseReviewEvent on real payloads', () => {
  it('reads a pull_request.synchronize payload', () => {
    const payload = webhookExample('pull_request', 'synchronize')
    const target = parseReviewEvent('pull_request', payload)
    expect(target).toMatchObject({
      kind: 'pull_request',
      owner: 'Codertocat',
      repo: 'Hello-World',
      number: 2,
      headRef: 'changes',
      baseRef: 'master',
      fromFork: false
    })
  })

  it('reads a workflow_run of a pull_request workflow and skips other workflow runs', () => {
    const payload = webhookExample(
      'workflow_run',
      'completed',
      e => (e as { workflow_run: { pull_requests: unknown[] } }).workflow_run.pull_requests.length > 0
    )
    expect(parseReviewEvent('workflow_run', payload)).toMatchObject({ kind: 'skip' })
    ;(payload.workflow_run as Record<string, unknown>).event = 'pull_request'
    expect(parseReviewEvent('workflow_run', payload, { EXPERIMENT_REVIEW_PR_NUMBER: '9' })).toMatchObject({
      kind: 'workflow_run',
      headSha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
      listedPullRequests: [2],
      hintedPullRequest: 9
    })
  })

  it('names the field and the value of a malformed payload', () => {
    const payload = webhookExample('pull_request', 'synchronize') as {
      pull_request: { head: { sha: string } }
    }
    payload.pull_request.head.sha = 'not-a-sha'
    expect(() => parseReviewEvent('pull_request', payload)).toThrow(ReviewEventError)
    expect(() => parseReviewEvent('pull_request', payload)).toThrow(
      /pull_request\.head\.sha = "not-a-sha"; expected a full commit SHA/
    )
    expect(() =>
      parseReviewEvent('workflow_run', {
        workflow_run: { event: 'pull_request', head_sha: 'abc' },
        repository: { full_name: 'a/b' }
      })
    ).toThrow(/workflow_run\.head_sha/)
  })

  it('skips events that are not about a PR', () => {
    expect(parseReviewEvent('push', {})).toMatchObject({ kind: 'skip' })
  })
})

describe('review of a pull_request', () => {
  it('creates the sticky comment, then leaves it alone, then edits it in place', async () => {
    const first = context({ payload: prPayload() })
    const outcome = await runReviewMode(first.ctx)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.champion).toBe('resnet-wide')
    expect(outcome.failure).toMatch(/rule.*broken.*latency_ms/)
    expect(outcome.commentUrl).toMatch(
      new RegExp(`/${twin.owner}/${twin.repo}/pull/${PR}#issuecomment-\\d+$`)
    )
    expect(outcome.reportPath).toBe(path.join(temp, 'experiment-review-default.json'))
    const report = JSON.parse(await readFile(outcome.reportPath!, 'utf8')) as {
      schema: string
      verdict: string
    }
    expect(report).toMatchObject({ schema: 'experiment-review/report', verdict: 'fail' })
    const comments = commentsOn(PR)
    const firstBody = comments[0].body
    expect(comments).toHaveLength(1)
    expect(comments[0].user.login).toBe('github-actions[bot]')
    expect(comments[0].body).toContain(hiddenMarker('default'))
    expect(comments[0].body).toContain('latency_ms')
    expect(comments[0].body).not.toContain('@here')
    // The broken rule is annotated at its line of the rules file.
    const annotation = first.log.lines.find(l => l.level === 'error')
    expect(annotation?.place).toMatchObject({ file: DEFAULT_RULES_PATH, line: 6 })
    expect(first.log.summaries.join('\n')).toContain('Diagnostics (')
    expect(first.log.summaries.join('\n')).toContain('The PR comment was created')
    // The summary shows the comment as posted, without the state the commands keep.
    expect(firstBody).toContain('<!-- experiment-review:state:review:z:')
    expect(first.log.summaries.join('\n')).toContain(
      firstBody.slice(0, firstBody.indexOf('<!-- experiment-review:state:')).trimEnd()
    )
    expect(first.log.summaries.join('\n')).not.toContain('experiment-review:state:')
    expect(twin.violations).toEqual([])

    twin.clearRequests()
    const second = await runReviewMode(context({ payload: prPayload() }).ctx)
    expect(second.commentUrl).toBe(outcome.commentUrl)
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
    // GET /user (refused to the workflow token: it posts as a bot), one page of comments for the reviewers'
    // decisions before the runs are judged, and the same page again right before the (skipped) write.
    expect(twin.countRequests({ kind: 'read' })).toBe(3)

    await fixture.rewriteRuns(prRuns({ shift: 0.004 }))
    try {
      twin.clearRequests()
      const third = await runReviewMode(context({ payload: prPayload() }).ctx)
      expect(third.commentUrl).toBe(outcome.commentUrl)
      expect(twin.countRequests({ kind: 'write' })).toBe(1)
      expect(twin.countRequests({ operationId: 'issues/update-comment' })).toBe(1)
      expect(commentsOn(PR)).toHaveLength(1)
      expect(commentsOn(PR)[0].body).not.toBe(firstBody)
      expect(commentsOn(PR)[0].id).toBe(comments[0].id)
    } finally {
      await fixture.rewriteRuns(prRuns())
    }
  })

  it('posts nothing with comment: false and does not fail with fail-on-regression: false', async () => {
    twin.clearRequests()
    const { ctx, log } = context({
      payload: prPayload(8),
      inputs: { comment: 'false', 'fail-on-regression': 'false' }
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.failure).toBeUndefined()
    expect(outcome.commentUrl).toBeUndefined()
    expect(twin.requests).toHaveLength(0)
    expect(log.lines.some(l => l.level === 'warning' && /fail-on-regression is false/.test(l.message))).toBe(
      true
    )
  })

  it('says there is no baseline yet and passes', async () => {
    const fresh = await makeReviewRepository({ withBaseline: false, runs: prRuns({ passing: true }) })
    try {
      twin.addPullRequest({ number: 20, headRef: fresh.headRef, headSha: fresh.headSha })
      const payload = pullRequestPayloadOn(twin, fresh, 20)
      const outcome = await runReviewMode(context({ payload, workspace: fresh.workspace }).ctx)
      expect(outcome.verdict).toBe('no-baseline')
      expect(outcome.failure).toBeUndefined()
      expect(commentsOn(20)[0].body).toContain('no baseline yet')
    } finally {
      await fresh.remove()
    }
  })

  it('reads the rules and the baseline through the contents API when the checkout lacks the base commit', async () => {
    const twinBase = twin.state.pulls.get(PR)?.base.sha ?? (await twin.git.revParse('refs/heads/main'))!
    twin.clearRequests()
    const { ctx, log } = context({
      payload: prPayload(9, { baseSha: twinBase }),
      inputs: { comment: 'false' }
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBe('fail')
    expect(twin.countRequests({ operationId: 'repos/get-content' })).toBe(2) // the rules file and the baseline
    expect(log.lines.some(l => /^Baseline: .* via the contents API/.test(l.message))).toBe(true)
    expect(log.lines.some(l => /^Rules: .* via the contents API/.test(l.message))).toBe(true)
  })

  it('on a fork (read-only token) writes the summary and the report, says why there is no comment, and does not crash', async () => {
    const { ctx, log } = context({ payload: prPayload(11, { forkOwner: 'forker' }), token: 'ghs_fork-token' })
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.commentUrl).toBeUndefined()
    expect(outcome.failure).toMatch(/rule.*broken/)
    expect(commentsOn(11)).toHaveLength(0)
    const warning = log.lines.find(l => l.level === 'warning' && /No comment was posted/.test(l.message))
    expect(warning?.message).toContain('Resource not accessible by integration')
    expect(log.summaries.join('\n')).toMatch(
      /No PR comment was posted: .*Resource not accessible by integration/
    )
    expect(JSON.parse(await readFile(outcome.reportPath!, 'utf8')).verdict).toBe('fail')
  })

  it('on a same-repo PR whose token lacks pull-requests: write, names the missing permission, not a fork, and fails', async () => {
    const { ctx, log } = context({ payload: prPayload(8), token: 'ghs_fork-token' })
    const outcome = await runReviewMode(ctx)
    expect(commentsOn(8)).toHaveLength(0)
    const warning = log.lines.find(l => l.level === 'warning' && /No comment was posted/.test(l.message))
    expect(warning?.message).toContain('not the read-only token of a fork')
    expect(warning?.message).toContain('Add `permissions: { pull-requests: write }` to the job')
    expect(warning?.message).not.toMatch(/expected for pull requests from forks|from a fork\?/)
    expect(outcome.failure).toMatch(
      /rule broken.*; and the comment could not be posted: .*lacks `pull-requests: write`/
    )
  })

  it('keeps the job summary under 1 MiB with 3,000 unreadable runs whose errors alone pass it: a count, the first ones, all in the JSON report', async () => {
    const crowded = await makeReviewRepository()
    try {
      // Long folder names make each error long, so that listing them all would pass the 1 MiB limit. Written
      // synchronously: thousands of awaited file operations were most of this test's time.
      const long = 'x'.repeat(160)
      for (let i = 0; i < 3000; i++) {
        const dir = path.join(crowded.workspace, 'experiments', `broken-${i}-${long}`)
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, 'metrics.json'), `{ "accuracy": 0.9, broken ${'x'.repeat(80)}`)
      }
      const { ctx, log } = context({
        payload: prPayload(12),
        workspace: crowded.workspace,
        inputs: { comment: 'false' }
      })
      const outcome = await runReviewMode(ctx)
      const summary = log.summaries.join('\n')
      const report = JSON.parse(await readFile(outcome.reportPath!, 'utf8')) as { diagnostics: Diagnostic[] }
      const count = report.diagnostics.length
      expect(count).toBeGreaterThanOrEqual(3000)
      expect(Buffer.byteLength(report.diagnostics.map(formatDiagnostic).join('\n'))).toBeGreaterThan(
        GITHUB_STEP_SUMMARY_LIMIT
      )
      expect(Buffer.byteLength(summary)).toBeLessThan(GITHUB_STEP_SUMMARY_LIMIT)
      expect(summary).toContain(`### Diagnostics (${count})`)
      expect(summary).toContain(`… and ${count - SUMMARY_DIAGNOSTICS_SHOWN} more, not listed here`)
      expect(summary).toContain('every diagnostic is in the JSON report')
      const listed = summary.slice(summary.indexOf('### Diagnostics')).match(/^[*-] /gm) ?? []
      expect(listed).toHaveLength(SUMMARY_DIAGNOSTICS_SHOWN)
    } finally {
      await crowded.remove()
    }
  }, 300_000)

  it('fails cleanly with an annotation at the line of an invalid rules file', async () => {
    const broken = await makeReviewRepository()
    try {
      await writeFile(
        path.join(broken.workspace, DEFAULT_RULES_PATH),
        'primary: accuracy\nmetrics:\n  accuracy: { goal: sideways }\n'
      )
      const { ctx, log } = context({ payload: prPayload(12), workspace: broken.workspace })
      const outcome = await runReviewMode(ctx)
      expect(outcome.failure).toMatch(/^Experiment Review: \.github\/experiment-review\.yml:3:\d+: /)
      expect(log.lines.find(l => l.level === 'error')?.place).toMatchObject({
        file: DEFAULT_RULES_PATH,
        line: 3
      })
      expect(commentsOn(12)).toHaveLength(0)
    } finally {
      await broken.remove()
    }
  })
})

describe('review of a workflow_run (the fork pattern)', () => {
  it('finds the fork PR from the head commit, comments with the write token and sets the gating status', async () => {
    const headSha = 'c'.repeat(40)
    twin.addPullRequest({ number: 30, headRef: fixture.headRef, headSha, fromFork: true, author: 'forker' })
    const payload = workflowRunPayload({
      owner: twin.owner,
      repo: twin.repo,
      headSha,
      headRef: fixture.headRef,
      headOwner: 'forker'
    })
    const { ctx } = context({ eventName: 'workflow_run', payload })
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBe('fail')
    expect(commentsOn(30)).toHaveLength(1)
    const status = twin.state.statuses.find(
      s => s.sha === headSha && s.context === 'experiment-review/default'
    )
    expect(status).toMatchObject({ state: 'failure' })
    expect(status?.description).toMatch(/^Fail: 1 rule broken \(latency_ms\)/)
    expect(twin.violations).toEqual([])
  })

  it('says the review is stale and skips the comment when the PR head moved on', async () => {
    twin.addPullRequest({
      number: 31,
      headRef: 'feature/moved',
      headSha: 'f'.repeat(40),
      fromFork: true,
      author: 'forker'
    })
    const payload = workflowRunPayload({
      owner: twin.owner,
      repo: twin.repo,
      headSha: fixture.headSha,
      headRef: 'feature/moved',
      headOwner: 'forker'
    })
    const { ctx, log } = context({
      eventName: 'workflow_run',
      payload,
      env: { EXPERIMENT_REVIEW_PR_NUMBER: '31' }
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.failure).toBeUndefined()
    expect(commentsOn(31)).toHaveLength(0)
    expect(log.lines.some(l => l.level === 'warning' && /stale/.test(l.message))).toBe(true)
    expect(log.summaries.join('\n')).toMatch(/No PR comment was posted: the review is stale/)
  })

  it('does nothing on a workflow_run of a push workflow', async () => {
    const payload = workflowRunPayload({
      owner: twin.owner,
      repo: twin.repo,
      headSha: fixture.headSha,
      headRef: 'main'
    })
    ;(payload.workflow_run as Record<string, unknown>).event = 'push'
    const { ctx, log } = context({ eventName: 'workflow_run', payload })
    expect(await runReviewMode(ctx)).toEqual({})
    expect(log.lines[0]).toMatchObject({ level: 'notice' })
  })
})

describe('experiment-review review (CLI)', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    cliIn(
      {
        cwd: fixture.workspace,
        env: { GITHUB_TOKEN: 'ghp_user-token', GITHUB_API_URL: twin.url, RUNNER_TEMP: temp, ...env },
        github: twinClientFactory(twin, { runtime: 'cli' })
      },
      ...args
    )

  it('posts the same sticky comment as the token user and sets a failing status on the PR head (exit 1)', async () => {
    twin.addPullRequest({ number: 40, headRef: fixture.headRef, headSha: 'a'.repeat(40) })
    const result = await cli(['review', '--repo', `${twin.owner}/${twin.repo}`, '--pr', '40'])
    expect(result.err).not.toMatch(/experiment-review: .*GitHub/)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/comment \(created\): http/)
    expect(commentsOn(40)[0].user.login).toBe('octocat')
    expect(twin.state.statuses.find(s => s.sha === 'a'.repeat(40))).toMatchObject({
      state: 'failure',
      context: 'experiment-review/default'
    })
    const again = await cli(['review', '--repo', `${twin.owner}/${twin.repo}`, '--pr', '40'])
    expect(again.out).toMatch(/comment \(unchanged\)/)
    expect(commentsOn(40)).toHaveLength(1)
  })

  it('exits 0 with a success status when the rules are met', async () => {
    const passing = await makeReviewRepository({ runs: prRuns({ passing: true }) })
    try {
      twin.addPullRequest({ number: 41, headRef: passing.headRef, headSha: 'b'.repeat(40) })
      const result = await cli([
        'review',
        '--repo',
        `${twin.owner}/${twin.repo}`,
        '--pr',
        '41',
        '--workspace',
        passing.workspace,
        '--id',
        'vision'
      ])
      expect(result.err).not.toMatch(/^(error|warning):/m)
      expect(result.code).toBe(0)
      expect(twin.state.statuses.find(s => s.sha === 'b'.repeat(40))).toMatchObject({
        state: 'success',
        context: 'experiment-review/vision'
      })
      expect(commentsOn(41)[0].body).toContain('<!-- experiment-review:vision by=octocat -->')
    } finally {
      await passing.remove()
    }
  })

  it('exits 2 on bad input', async () => {
    expect((await cli(['review', '--repo', 'nope', '--pr', '1'])).code).toBe(2)
    expect((await cli(['review', '--repo', 'a/b', '--pr', 'x'])).err).toMatch(
      /--pr "x" is not a pull request number/
    )
    expect((await cli(['review', '--repo', 'a/b', '--pr', '1'], { GITHUB_TOKEN: '' })).err).toMatch(
      /GITHUB_TOKEN/
    )
    const missing = await cli(['review', '--repo', `${twin.owner}/${twin.repo}`, '--pr', '999'])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/reading pull request .*#999 failed: GitHub answered 404/)
  })
})

describe('GitHub Enterprise Server', () => {
  it('honours GITHUB_API_URL with the /api/v3 prefix', async () => {
    const ghes = await startReviewTwin({ pathPrefix: '/api/v3' })
    try {
      ghes.addPullRequest({ number: 3, headRef: fixture.headRef, headSha: fixture.headSha })
      const payload = pullRequestPayloadOn(ghes, fixture, 3)
      // The action's real factory: the API root comes from GITHUB_API_URL alone.
      const { ctx } = context({ payload, env: { GITHUB_API_URL: ghes.url }, realClient: true })
      const outcome = await runReviewMode(ctx)
      expect(ghes.url).toMatch(/\/api\/v3$/)
      expect(outcome.commentUrl).toMatch(/\/pull\/3#issuecomment-/)
      expect([...ghes.state.comments.values()]).toHaveLength(1)
      expect(ghes.violations).toEqual([])
    } finally {
      await ghes.stop()
    }
  })
})

describe('experiment-review promote (CLI)', () => {
  it('promotes the runs of a local checkout and commits the baseline and the docs', async () => {
    const repo = await makeReviewRepository()
    try {
      const { code, out, err } = await cliIn({ cwd: repo.workspace }, 'promote', '--pr', '5')
      expect(err).not.toMatch(/^experiment-review:/m)
      expect(code).toBe(0)
      expect(out).toMatch(/^champion: resnet-wide$/m)
      expect(out).toMatch(/^committed .*\.experiments\/baseline\.json.* in [0-9a-f]{12}$/m)
      const baseline = JSON.parse(
        await readFile(path.join(repo.workspace, DEFAULT_BASELINE_PATH), 'utf8')
      ) as { champion: { name: string } }
      expect(baseline.champion.name).toBe('resnet-wide')
      expect((await cliIn({ cwd: repo.workspace }, 'promote', '--pr', 'x')).code).toBe(2)
    } finally {
      await repo.remove()
    }
  })
})

describe('no evidence, no pass', () => {
  it('a runs input that does not exist fails the step and turns the ❌ comment into "no runs were found", never ✅', async () => {
    const number = 13
    twin.addPullRequest({ number, headRef: fixture.headRef, headSha: fixture.headSha })
    const first = await runReviewMode(context({ payload: prPayload(number) }).ctx)
    expect(first.verdict).toBe('fail')
    const typo = context({ payload: prPayload(number), inputs: { runs: 'mlrunz' } })
    const outcome = await runReviewMode(typo.ctx)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.failure).toMatch(
      /No runs were found in "mlrunz" \(the runs path "mlrunz" does not exist\)/
    )
    const comments = commentsOn(number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toMatch(/❌ Experiment review: no runs were found/)
    expect(comments[0].body).toContain('mlrunz')
    expect(comments[0].body).not.toContain('✅')
    expect(typo.log.lines.some(l => l.level === 'error' && /No runs were found/.test(l.message))).toBe(true)
  })

  it('fails even with fail-on-regression: false, since missing evidence is bad input', async () => {
    const { ctx } = context({
      payload: prPayload(),
      inputs: { runs: 'nothing-here/*', comment: 'false', 'fail-on-regression': 'false' }
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.failure).toMatch(/No runs were found in "nothing-here\/\*"/)
  })
})

describe('ids are separate; a baseline named in the inputs must exist', () => {
  /** Reviews PR `number` (added to the twin) of `repo` with the inputs; the outcome and the log. */
  const reviewOf = async (repo: ReviewRepository, number: number, inputs: Record<string, string> = {}) => {
    if (!twin.state.pulls.has(number))
      twin.addPullRequest({ number, headRef: repo.headRef, headSha: repo.headSha })
    const payload = pullRequestPayloadOn(twin, repo, number)
    const { ctx, log } = context({ payload, workspace: repo.workspace, inputs })
    return { outcome: await runReviewMode(ctx), log }
  }

  it("an id other than default reads .experiments/<id>/baseline.json, never the default id's file, and has its own comment", async () => {
    const repo = await makeReviewRepository({
      runs: prRuns({ passing: true }),
      mainFiles: { '.experiments/gpu/baseline.json': await fixtureBaselineText('gpu') }
    })
    try {
      const byDefault = await reviewOf(repo, 51)
      const vision = await reviewOf(repo, 51, { id: 'vision' })
      const gpu = await reviewOf(repo, 51, { id: 'gpu' })
      expect(byDefault.outcome.verdict).toBe('pass')
      expect([vision.outcome.verdict, vision.outcome.failure]).toEqual(['no-baseline', undefined])
      expect(
        vision.log.lines.some(l => l.message.includes('nothing at .experiments/vision/baseline.json'))
      ).toBe(true)
      expect(gpu.outcome.verdict).toBe('pass')
      expect(gpu.log.lines.some(l => l.message.includes('from .experiments/gpu/baseline.json'))).toBe(true)
      const bodies = commentsOn(51).map(c => c.body)
      expect(bodies).toHaveLength(3)
      for (const id of ['default', 'vision', 'gpu'])
        expect(bodies.filter(b => b.includes(hiddenMarker(id).replace(' -->', '')))).toHaveLength(1)
    } finally {
      await repo.remove()
    }
  })

  it('reads the old shared file for an id whose own file is not there yet only when it holds that id, and says how to move it', async () => {
    const repo = await makeReviewRepository({
      runs: prRuns({ passing: true }),
      mainFiles: { [DEFAULT_BASELINE_PATH]: await fixtureBaselineText('vision') }
    })
    try {
      const vision = await reviewOf(repo, 52, { id: 'vision' })
      expect([vision.outcome.verdict, vision.outcome.failure]).toEqual(['pass', undefined])
      const warning = vision.log.lines.find(
        l => l.level === 'warning' && l.message.includes('per-id baselines')
      )
      expect(warning?.message).toContain(
        'git mv .experiments/baseline.json .experiments/vision/baseline.json'
      )
      const nlp = await reviewOf(repo, 52, { id: 'nlp' })
      expect([nlp.outcome.verdict, nlp.outcome.failure]).toEqual(['no-baseline', undefined])
      const byDefault = await reviewOf(repo, 52)
      expect(byDefault.outcome.failure).toContain('belongs to review id "vision", not "default"')
    } finally {
      await repo.remove()
    }
  })

  it('a baseline input naming a file missing at the base fails the step with what was looked for', async () => {
    const repo = await makeReviewRepository({ withBaseline: false, runs: prRuns({ passing: true }) })
    try {
      const named = await reviewOf(repo, 53, { baseline: '.experiments/models.json', comment: 'false' })
      expect(named.outcome.verdict).toBeUndefined()
      expect(named.outcome.failure).toContain(
        `.experiments/models.json: the baseline input names this file, but it does not exist at the pull request's base (looked for .experiments/models.json at ${repo.baseSha.slice(0, 12)} (local checkout))`
      )
      expect(named.log.lines.find(l => l.level === 'error')?.place).toMatchObject({
        file: '.experiments/models.json'
      })
      const unset = await reviewOf(repo, 53, { comment: 'false' })
      expect([unset.outcome.verdict, unset.outcome.failure]).toEqual(['no-baseline', undefined])
    } finally {
      await repo.remove()
    }
  })
})

/** The hostile corpora: the generated one always, ../shared/fixtures/hostile when it is beside the checkout. */
const HOSTILE_CORPORA: [string, ((workspace: string) => Promise<void>) | undefined][] = [
  ['generated', makeHostileWorkspace],
  [
    '../shared/fixtures/hostile',
    SHARED_FIXTURES
      ? workspace =>
          cp(
            path.join(SHARED_FIXTURES as string, 'hostile', 'experiments'),
            path.join(workspace, 'experiments'),
            {
              recursive: true
            }
          )
      : undefined
  ]
]
if (!SHARED_FIXTURES)
  console.warn(
    'Skipped the review of ../shared/fixtures/hostile: ../shared/fixtures is not beside this checkout.'
  )

describe.each(HOSTILE_CORPORA)(
  'a review of the whole hostile corpus (%s) plus one healthy run',
  (label, writePr) => {
    const run = writePr ? it : it.skip
    run(
      'posts one comment that compares the healthy evidence, names every bad run and stays inert',
      async () => {
        const number = label === 'generated' ? 71 : 72
        const repo = await makeReviewRepository({
          mainFiles: {
            [DEFAULT_RULES_PATH]: 'primary: accuracy\nmetrics:\n  accuracy: { goal: maximize, min: 0.8 }\n'
          },
          writePr
        })
        try {
          twin.addPullRequest({ number, headRef: repo.headRef, headSha: repo.headSha })
          const payload = pullRequestPayloadOn(twin, repo, number)
          const { ctx, log } = context({ payload, workspace: repo.workspace })
          const outcome = await runReviewMode(ctx)
          const comments = commentsOn(number)
          expect(comments).toHaveLength(1)
          const body = comments[0].body
          // Runs a rule needs could not be read: the gate fails closed and says which, never ✅.
          expect(outcome.verdict).toBe('fail')
          expect(outcome.failure).toContain('could not be read, so the rule cannot be judged')
          expect(body).toMatch(
            /## ❌ Experiment review: \d+ runs could not be read, so 1 rule cannot be judged/
          )
          // The healthy evidence is compared with the baseline: the metrics table has accuracy against main's.
          expect(body).toMatch(/\| \*\*accuracy\*\* ↑ \| 0\.9020 ± 0\.0030 \| +0\.9\d+ \|/)
          // Runs are looked for in All runs (the parameter tables name runs too).
          const allRuns = body.slice(body.indexOf('All runs ('))
          const rowOf = (name: string) => allRuns.split('\n').find(l => l.includes(`\`${name}\``))
          expect(rowOf('fine-run')).toMatch(/0\.9000 .*\| ✅/)
          // Every bad run is named: the unreadable ones in All runs with ⚠️, the others by name and in the warnings.
          for (const [name, kind] of Object.entries(HOSTILE_RUNS)) {
            const shownAs = name === 'markdown-injection' || name === 'path-traversal' ? undefined : name
            if (kind !== 'read') {
              expect({ name, row: rowOf(name) }).toEqual({ name, row: expect.stringContaining('⚠️') })
            } else if (shownAs) expect({ name, named: body.includes(shownAs) }).toEqual({ name, named: true })
          }
          expect(body).toContain('experiments/empty-run: run folder has none of')
          expect(body).toContain('experiments/duplicate-keys/metrics.json')
          expect(body).toContain('../../../../etc/passwd')
          // Nothing from the files became markup: no image, script, link, live mention or second marker.
          const html = renderGfm(body)
          const counts = elementCounts(html)
          for (const tag of ['img', 'script', 'iframe', 'b'])
            expect({ tag, count: counts[tag] ?? 0 }).toEqual({ tag, count: 0 })
          expect(html).toContain(INJECTED_NAME.replace('<', '&lt;').replace('>', '&gt;').split(' @')[0])
          expect(html).not.toMatch(/(^|[^\u200c])@everyone/)
          // One marker of the comment; the other HTML comments are the action's own hidden state blocks.
          expect(body.match(/<!-- experiment-review:default\b/g)).toHaveLength(1)
          expect(body.match(/<!-- experiment-review:(?!default\b|state:)/g)).toBeNull()
          expect(log.lines.filter(l => l.message.startsWith('::'))).toEqual([])
        } finally {
          await repo.remove()
        }
      }
    )
  }
)

describe("the id's own promotion pull request (promote-via: pull-request)", () => {
  const BRANCH = 'experiment-review/promote/default'
  const emptyWorkspace = async () => mkdtemp(path.join(temp, 'no-runs-'))

  it('is not reviewed: no comment, no failure, a summary that says why, and a success status on workflow_run', async () => {
    const pr = await twin.openPullRequest({
      number: 60,
      headRef: BRANCH,
      author: 'github-actions[bot]',
      files: { [DEFAULT_BASELINE_PATH]: '{"promoted": true}\n', 'docs/experiments.md': '# promoted\n' }
    })
    const { ctx, log } = context({
      payload: pullRequestPayloadOn(
        twin,
        { headSha: pr.head.sha, headRef: BRANCH, baseSha: pr.base.sha },
        60
      ),
      workspace: await emptyWorkspace()
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.failure).toBeUndefined()
    expect(outcome.verdict).toBeUndefined()
    expect(commentsOn(60)).toHaveLength(0)
    expect(log.summaries.join('\n')).toMatch(/own promotion pull request, and it changes only/)
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringMatching(/own promotion pull request/)
      })
    )

    const run = context({
      eventName: 'workflow_run',
      payload: workflowRunPayload({
        owner: twin.owner,
        repo: twin.repo,
        headSha: pr.head.sha,
        headRef: BRANCH
      }),
      workspace: await emptyWorkspace()
    })
    expect((await runReviewMode(run.ctx)).failure).toBeUndefined()
    expect(
      twin.state.statuses.find(s => s.sha === pr.head.sha && s.context === 'experiment-review/default')
    ).toMatchObject({ state: 'success', description: expect.stringMatching(/^Own promotion pull request/) })
  })

  it('is reviewed like any pull request when it changes anything besides the baseline and the docs', async () => {
    const pr = await twin.openPullRequest({
      number: 61,
      headRef: 'experiment-review/promote/other-check',
      files: { [DEFAULT_BASELINE_PATH]: '{}\n', 'src/model.py': 'print("changed")\n' }
    })
    // Same branch name as the id's promotion branch, but with a model change: reviewed, and no runs fail it.
    await twin.git.git(['update-ref', `refs/heads/${BRANCH}`, pr.head.sha])
    pr.head.ref = BRANCH
    const { ctx } = context({
      payload: pullRequestPayloadOn(
        twin,
        { headSha: pr.head.sha, headRef: BRANCH, baseSha: pr.base.sha },
        61
      ),
      workspace: await emptyWorkspace()
    })
    const outcome = await runReviewMode(ctx)
    expect(outcome.failure).toMatch(/No runs were found/)
    expect(commentsOn(61)).toHaveLength(1)
  })
})
