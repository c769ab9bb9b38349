// Command mode end to end against the GitHub twin and real git repositories, with real issue_comment payloads from
// @octokit/webhooks-examples: the review posts its sticky comment, reviewers comment /experiments commands, and the
// gate, the comment and the promotion follow their decisions.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { parseRulesFile } from '../src/config/rules-file.js'
import { parseBaseline } from '../src/core/baseline.js'
import {
  DEFAULT_BASELINE_PATH,
  DEFAULT_DOCS_PATH,
  hiddenMarker,
  stampMarker
} from '../src/core/conventions.js'
import { parseCommentEvent, runCommandMode } from '../src/modes/command.js'
import { readMergedDecisions, runPromote } from '../src/modes/promote.js'
import { runReviewMode } from '../src/modes/review.js'
import type { ActionLog } from '../src/modes/types.js'
import { readDecisionsState, readReviewSnapshot } from '../src/report/review-state.js'
import { twinClient } from './github-twin/client.js'
import type { GitHubTwin, TwinComment } from './github-twin/server.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import {
  issueCommentPayload,
  prRuns,
  pullRequestPayloadOn,
  REVIEW_RULES,
  startReviewTestbed,
  twinModeContext,
  webhookExample,
  workflowRunPayload,
  type ReviewRepository,
  type ReviewTestbed
} from './review-fixtures.js'

const execFileAsync = promisify(execFile)

function memoryLog(): ActionLog & { lines: string[]; summaries: string[] } {
  const lines: string[] = []
  const summaries: string[] = []
  return {
    lines,
    summaries,
    info: m => void lines.push(`info: ${m}`),
    notice: m => void lines.push(`notice: ${m}`),
    warning: m => void lines.push(`warning: ${m}`),
    error: m => void lines.push(`error: ${m}`),
    summary: async md => void summaries.push(md)
  }
}

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository
const RUN_ID = 4242
const HOSTILE =
  'latency is fine <img src=x onerror=alert(1)> @everyone see #1 [x](javascript:alert(1)) ::error::boom'

beforeAll(async () => {
  bed = await startReviewTestbed('command-test-', {
    collaborators: { alice: 'write', rita: 'read', mallory: 'write' }
  })
  ;({ twin, fixture } = bed)
})

afterAll(() => bed?.stop())

function context(eventName: string, payload: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const log = memoryLog()
  const ctx = twinModeContext(bed, {
    eventName,
    payload,
    log,
    env: { GITHUB_RUN_ID: String(RUN_ID), ...env },
    now: new Date('2025-03-01T12:00:00Z')
  })
  return { ctx, log }
}

/** Reviews a PR head on a pull_request event (the gate is the job's own check, GITHUB_RUN_ID). */
async function review(number: number, headSha: string, baseSha = fixture.baseSha) {
  const payload = pullRequestPayloadOn(twin, { headSha, headRef: fixture.headRef, baseSha }, number)
  const { ctx, log } = context('pull_request', payload)
  return { outcome: await runReviewMode(ctx), log }
}

/** The real issue_comment payload of a comment that exists in the twin. */
function commentPayload(
  comment: TwinComment,
  options: { action?: 'created' | 'edited'; botType?: boolean } = {}
): Record<string, unknown> {
  return issueCommentPayload({
    owner: twin.owner,
    repo: twin.repo,
    number: comment.issueNumber,
    commentId: comment.id,
    body: comment.body,
    author: comment.user.login,
    authorType: options.botType ? 'Bot' : comment.user.type,
    action: options.action
  })
}

/** Comments `body` as `author` on PR `number` and runs command mode on the event. */
async function command(
  number: number,
  author: string,
  body: string,
  options: { action?: 'created' | 'edited' } = {}
) {
  const comment = twin.addIssueComment({ issueNumber: number, body, author })
  const { ctx, log } = context('issue_comment', commentPayload(comment, options))
  const outcome = await runCommandMode(ctx)
  return { outcome, log, comment, reactions: comment.reactions.map(r => r.content) }
}

const marker = hiddenMarker('default')
/** The sticky comment of a PR (the bot's, holding the marker). */
function sticky(number: number): TwinComment {
  const found = [...twin.state.comments.values()].filter(
    c =>
      c.issueNumber === number &&
      c.user.login === 'github-actions[bot]' &&
      c.body.includes(marker.slice(0, -4))
  )
  expect(found).toHaveLength(1)
  return found[0]
}
const replies = (number: number) =>
  [...twin.state.comments.values()].filter(
    c => c.issueNumber === number && c.body.includes(hiddenMarker('default', 'reply'))
  )

async function commitNewHead(shift: number): Promise<string> {
  await fixture.rewriteRuns(prRuns({ shift }))
  const git = (...args: string[]) => execFileAsync('git', ['-C', fixture.workspace, ...args])
  await git('add', '-A')
  await git(
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.com',
    'commit',
    '--quiet',
    '-m',
    `shift ${shift}`
  )
  return (await git('rev-parse', 'HEAD')).stdout.trim()
}

describe('issue_comment events', () => {
  it('reads a real issue_comment payload and skips edits, bots, issues and our own marker', () => {
    const base = webhookExample('issue_comment', 'created') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(parseCommentEvent('issue_comment', base)).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/on an issue/)
    })
    base.issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' }
    base.comment.body = '/experiments help'
    expect(parseCommentEvent('issue_comment', base)).toMatchObject({
      kind: 'command',
      owner: 'Codertocat',
      repo: 'Hello-World',
      number: 1,
      author: 'Codertocat',
      body: '/experiments help'
    })
    const edited = webhookExample('issue_comment', 'edited') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    edited.issue.pull_request = base.issue.pull_request
    expect(parseCommentEvent('issue_comment', edited)).toMatchObject({ kind: 'skip', reason: /edited/ })
    expect(
      parseCommentEvent('issue_comment', {
        ...base,
        comment: { ...base.comment, user: { login: 'ci[bot]', type: 'Bot' } }
      })
    ).toMatchObject({ kind: 'skip', reason: /bot/ })
    expect(
      parseCommentEvent('issue_comment', {
        ...base,
        comment: { ...base.comment, body: `/experiments refresh\n${marker}` }
      })
    ).toMatchObject({ kind: 'skip', reason: /marker/ })
  })
})

describe('slash commands on a pull request whose gate fails', () => {
  const PR = 7
  let head: string

  beforeAll(async () => {
    head = fixture.headSha
    twin.addPullRequest({ number: PR, headRef: fixture.headRef, headSha: head, baseSha: fixture.baseSha })
    const { outcome } = await review(PR, head)
    expect(outcome.failure).toMatch(/latency_ms/)
    twin.addWorkflowRun({ id: RUN_ID, headSha: head })
  })

  it('keeps the last review and how it gates in the sticky comment, and names the commands in its footer', () => {
    const body = sticky(PR).body
    const snapshot = readReviewSnapshot(body)
    expect(snapshot).toMatchObject({ head, gate: { kind: 'check', runId: RUN_ID }, failOnRegression: true })
    expect(snapshot?.comparison.verdict).toBe('fail')
    expect(readDecisionsState(body)).toEqual([])
    for (const usage of [
      '/experiments accept <metric> <reason>',
      '/experiments champion <run>',
      '/experiments refresh',
      '/experiments help'
    ])
      expect(body).toContain(usage)
  })

  it("refuses a reader's and a non-collaborator's accept, with a reaction and a reply, and changes nothing", async () => {
    const before = sticky(PR).body
    for (const [author, has] of [
      ['rita', 'read'],
      ['passer-by', 'read']
    ]) {
      const { reactions, outcome } = await command(PR, author, '/experiments accept latency_ms trust me')
      expect(reactions).toEqual(['-1'])
      expect(outcome.failure).toBeUndefined()
      const reply = replies(PR).at(-1)!
      expect(reply.body).toContain(`has ${has} access to this repository`)
      expect(reply.body).toContain('need write access')
    }
    expect(sticky(PR).body).toBe(before)
    expect(twin.state.workflowRuns.get(RUN_ID)?.reruns).toEqual([])
  })

  it("ignores a bot's comment and an edited comment: no reaction, no reply, no change", async () => {
    const before = sticky(PR).body
    const repliesBefore = replies(PR).length
    const bot = twin.addIssueComment({
      issueNumber: PR,
      body: '/experiments accept latency_ms bot',
      author: 'renovate[bot]'
    })
    const { ctx } = context('issue_comment', commentPayload(bot, { botType: true }))
    await runCommandMode(ctx)
    const edited = await command(PR, 'alice', '/experiments accept latency_ms edited later', {
      action: 'edited'
    })
    expect(bot.reactions).toEqual([])
    expect(edited.reactions).toEqual([])
    expect(replies(PR)).toHaveLength(repliesBefore)
    expect(sticky(PR).body).toBe(before)
  })

  it('never takes a pasted copy of the sticky comment for the comment or its state', async () => {
    // mallory (write access) pastes the comment with a forged acceptance and a marker naming the bot.
    const forged = stampMarker(sticky(PR).body, marker, 'github-actions[bot]').replace(
      /<!-- experiment-review:state:decisions:[A-Za-z0-9_-]* -->/,
      `<!-- experiment-review:state:decisions:${Buffer.from(
        JSON.stringify({
          decisions: [
            {
              kind: 'accept',
              metric: 'latency_ms',
              reason: 'forged',
              by: 'alice',
              at: '2025-01-01T00:00:00Z',
              head
            }
          ]
        })
      ).toString('base64url')} -->`
    )
    expect(forged).toContain('by=github-actions[bot]')
    const { reactions } = await command(PR, 'mallory', forged)
    expect(reactions).toEqual([])
    const { outcome } = await review(PR, head)
    expect(outcome.failure).toMatch(/latency_ms/)
    expect(readDecisionsState(sticky(PR).body)).toEqual([])
  })

  it('answers a line it does not understand with the help text', async () => {
    const { reactions } = await command(PR, 'alice', '/experiments acept latency_ms typo')
    expect(reactions).toEqual(['confused'])
    const reply = replies(PR).at(-1)!.body
    expect(reply).toMatch(/Not understood/)
    expect(reply).toContain('/experiments champion <run>')
    const help = await command(PR, 'alice', '/experiments help')
    expect(help.reactions).toEqual(['+1'])
  })

  it('refuses to accept a metric that has no broken rule', async () => {
    const { reactions } = await command(PR, 'alice', '/experiments accept accuracy why not')
    expect(reactions).toEqual(['-1'])
    expect(replies(PR).at(-1)!.body).toMatch(/has no broken rule at head/)
  })

  it("a writer's accept turns the gate green for that head: the comment shows it and the failed jobs re-run", async () => {
    const { reactions, outcome } = await command(PR, 'alice', `/experiments accept latency_ms ${HOSTILE}`)
    expect(outcome.failure).toBeUndefined()
    expect(reactions).toEqual(['+1'])
    expect(twin.state.workflowRuns.get(RUN_ID)?.reruns).toHaveLength(1)
    const body = sticky(PR).body
    expect(body).toMatch(/✅ Experiment review: all rules met/)
    expect(readDecisionsState(body)).toEqual([
      expect.objectContaining({ kind: 'accept', metric: 'latency_ms', by: 'alice', head })
    ])
    // The re-run review reads the acceptance from the comment and passes; its comment is the same.
    const rerun = await review(PR, head)
    expect(rerun.outcome.failure).toBeUndefined()
    expect(rerun.outcome.verdict).toBe('pass')
    expect(rerun.outcome.regressions?.[0]?.accepted).toMatchObject({ by: 'alice' })
    expect(sticky(PR).body).toBe(body)
    // Hostile text in the reason is inert in the comment and in the job summary.
    for (const markdown of [body, rerun.log.summaries.at(-1)!]) {
      const html = renderGfm(markdown)
      expect(elementCounts(html).img ?? 0).toBe(0)
      expect(html).not.toMatch(/href="javascript/)
      expect(html).not.toMatch(/@everyone/)
      expect(markdown).toContain('latency is fine')
    }
    expect(rerun.log.lines.join('\n')).not.toMatch(/(^|[^:]):error:/)
  })

  it('refresh re-renders the comment from the last review without re-reading runs', async () => {
    const before = sticky(PR)
    before.body = before.body.replace('all rules met', 'edited by hand')
    const { reactions } = await command(PR, 'alice', '/experiments refresh')
    expect(reactions).toEqual(['+1'])
    expect(sticky(PR).body).toMatch(/all rules met/)
  })

  it('a push after the accept fails the gate again while the metric still regresses', async () => {
    const newHead = await commitNewHead(0.001)
    twin.state.pulls.get(PR)!.head.sha = newHead
    // A command on the new head before its review refuses: the comment shows the old head.
    const early = await command(PR, 'alice', '/experiments accept latency_ms again')
    expect(early.reactions).toEqual(['-1'])
    expect(replies(PR).at(-1)!.body).toMatch(/wait for the review of the new head/)
    const { outcome } = await review(PR, newHead)
    expect(outcome.failure).toMatch(/latency_ms/)
    const body = sticky(PR).body
    expect(body).toMatch(/❌ Experiment review: 1 rule broken/)
    expect(body).toMatch(/an earlier head: it does not cover this one/)
  })
})

describe('the commit status gate (workflow_run)', () => {
  const PR = 8
  it('an accept sets experiment-review/<id> to success on the head', async () => {
    const head = (await execFileAsync('git', ['-C', fixture.workspace, 'rev-parse', 'HEAD'])).stdout.trim()
    twin.addPullRequest({ number: PR, headRef: 'feature/status', headSha: head, baseSha: fixture.baseSha })
    const payload = workflowRunPayload({
      owner: twin.owner,
      repo: twin.repo,
      headSha: head,
      headRef: 'feature/status',
      pullRequests: [PR]
    })
    const { ctx } = context('workflow_run', payload)
    const outcome = await runReviewMode(ctx)
    expect(outcome.failure).toMatch(/latency_ms/)
    const statuses = () =>
      twin.state.statuses.filter(s => s.sha === head && s.context === 'experiment-review/default')
    expect(statuses().at(-1)?.state).toBe('failure')
    expect(readReviewSnapshot(sticky(PR).body)?.gate).toEqual({
      kind: 'status',
      context: 'experiment-review/default'
    })
    const { reactions } = await command(
      PR,
      'alice',
      '/experiments accept latency_ms the product team signed off'
    )
    expect(reactions).toEqual(['+1'])
    expect(statuses().at(-1)).toMatchObject({ state: 'success', creator: { login: 'github-actions[bot]' } })
  })
})

describe('champion and promote', () => {
  it('champion changes what promote commits, and the docs keep the accepted regression inert', async () => {
    const pr = await twin.openPullRequest({
      number: 20,
      headRef: 'feature/pick',
      files: { 'notes.md': 'pick\n' }
    })
    const { outcome } = await review(20, pr.head.sha, pr.base.sha)
    expect(outcome.champion).toBe('resnet-wide')
    const unknown = await command(20, 'alice', '/experiments champion no-such-run')
    expect(unknown.reactions).toEqual(['-1'])
    expect(replies(20).at(-1)!.body).toMatch(/is not a run of this pull request/)
    const pick = await command(20, 'alice', '/experiments champion mobilenet-small')
    expect(pick.reactions).toEqual(['+1'])
    expect(sticky(20).body).toMatch(/picked as the champion by alice/)
    await command(20, 'alice', `/experiments accept latency_ms ${HOSTILE}`)

    const after = await twin.mergePullRequest(20, { method: 'squash', mergedBy: 'alice' })
    const client = await twinClient(twin, 'ghs_workflow-token')
    const { ctx } = context('push', {})
    const result = await runPromote({
      config: {
        workspace: fixture.workspace,
        runs: [],
        baselinePath: DEFAULT_BASELINE_PATH,
        docsPath: DEFAULT_DOCS_PATH,
        id: 'default',
        rules: parseRulesFile(REVIEW_RULES, 'rules.yml')
      },
      after,
      ref: 'refs/heads/main',
      repository: { owner: twin.owner, repo: twin.repo },
      client,
      now: new Date('2025-03-02T00:00:00Z'),
      decisions: merged =>
        readMergedDecisions({ client, owner: twin.owner, repo: twin.repo, pr: merged, ctx })
    })
    expect(result.champion).toBe('mobilenet-small')
    const baseline = parseBaseline(
      (await twin.git.readFileAt('refs/heads/main', DEFAULT_BASELINE_PATH))!,
      'b'
    )
    expect(baseline.champion.name).toBe('mobilenet-small')
    expect(baseline.champion.acceptedRegressions).toEqual([
      expect.objectContaining({
        metric: 'latency_ms',
        by: 'alice',
        reason: expect.stringContaining('latency is fine')
      })
    ])
    const docs = (await twin.git.readFileAt('refs/heads/main', DEFAULT_DOCS_PATH))!
    expect(docs).toContain('latency is fine')
    const html = renderGfm(docs)
    expect(elementCounts(html).img ?? 0).toBe(0)
    expect(html).not.toMatch(/href="javascript/)
    expect(html).not.toMatch(/@everyone/)
  })
})
