// The sticky comment against the twin: request budget on 250 comments, unchanged text costs no write, a marker
// pasted by someone else is ignored, a duplicate left by a race is removed, and the token's login is resolved
// without guessing.
import type { GitHubClient } from '../src/github/client.js'
import { resolveTokenLogin, upsertStickyComment, GITHUB_ACTIONS_BOT_LOGIN } from '../src/github/sticky.js'
import { hiddenMarker } from '../src/core/conventions.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const BOT = GITHUB_ACTIONS_BOT_LOGIN
const marker = hiddenMarker('default')
let twin: GitHubTwin
let client: GitHubClient

beforeEach(async () => {
  twin = await startGitHubTwin()
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
  twin.addPullRequest({ number: 42, headRef: 'feature', headSha: 'a'.repeat(40) })
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

const upsert = (body: string, extra: Partial<Parameters<typeof upsertStickyComment>[0]> = {}) =>
  upsertStickyComment({
    client,
    owner: twin.owner,
    repo: twin.repo,
    issueNumber: 42,
    marker,
    body,
    login: BOT,
    ...extra
  })

function addNoise(count: number) {
  for (let i = 0; i < count; i++)
    twin.addIssueComment({ issueNumber: 42, author: i % 2 ? 'alice' : 'bob', body: `looks good ${i}` })
}

describe('upsertStickyComment', () => {
  it('creates the comment with the marker, then edits it in place: ≤3 reads and 1 write on 250 comments', async () => {
    addNoise(250)
    const created = await upsert('## Experiment review\n\nfirst')
    expect(created.action).toBe('created')
    expect(twin.state.comments.get(created.id)?.body).toBe(`${marker}\n## Experiment review\n\nfirst`)
    expect(twin.state.comments.get(created.id)?.user.login).toBe(BOT)
    expect(created.url).toContain(`/pull/42#issuecomment-${created.id}`)

    twin.clearRequests()
    const updated = await upsert('## Experiment review\n\nsecond')
    expect(updated).toMatchObject({ action: 'updated', id: created.id })
    expect(twin.countRequests({ kind: 'read' })).toBe(3)
    expect(twin.countRequests({ kind: 'write' })).toBe(1)
    expect(
      twin.requests
        .filter(r => r.kind === 'read')
        .slice(1)
        .every(r => r.path.startsWith('/repositories/'))
    ).toBe(true)
    expect([...twin.state.comments.values()].filter(c => c.body.includes(marker))).toHaveLength(1)
  })

  it('makes no write when the text would not change', async () => {
    addNoise(250)
    await upsert('same body')
    twin.clearRequests()
    const again = await upsert('same body')
    expect(again.action).toBe('unchanged')
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
    expect(twin.countRequests({ kind: 'read' })).toBeLessThanOrEqual(3)
  })

  it('never takes a comment where someone else pasted the marker for its own', async () => {
    const pasted = twin.addIssueComment({
      issueNumber: 42,
      author: 'mallory',
      body: `${marker}\nI copied your marker`
    })
    const result = await upsert('the real review')
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(pasted.id)
    expect(twin.state.comments.get(pasted.id)?.body).toBe(`${marker}\nI copied your marker`)
  })

  it('removes a duplicate left by a race and keeps the oldest', async () => {
    const oldest = twin.addIssueComment({ issueNumber: 42, author: BOT, body: `${marker}\nrun A` })
    addNoise(3)
    const newer = twin.addIssueComment({ issueNumber: 42, author: BOT, body: `${marker}\nrun B` })
    const result = await upsert('run C')
    expect(result).toMatchObject({ action: 'updated', id: oldest.id, removedDuplicates: [newer.id] })
    expect(twin.state.comments.has(newer.id)).toBe(false)
    expect(twin.state.comments.get(oldest.id)?.body).toBe(`${marker}\nrun C`)
  })

  it('keeps comments of other review ids apart', async () => {
    const other = hiddenMarker('nightly')
    const nightly = await upsert('nightly review', { marker: other })
    const main = await upsert('main review')
    expect(main.id).not.toBe(nightly.id)
    expect(twin.state.comments.get(nightly.id)?.body).toBe(`${other}\nnightly review`)
  })

  it('explains a read-only token (a pull request from a fork)', async () => {
    const forkClient = await twinClient(twin, 'ghs_fork-token', { runtime: 'actions' })
    await expect(
      upsertStickyComment({
        client: forkClient,
        owner: twin.owner,
        repo: twin.repo,
        issueNumber: 42,
        marker,
        body: 'x',
        login: BOT
      })
    ).rejects.toThrow(
      /403 "Resource not accessible by integration".*read-only here \(a pull request from a fork\?\).*permissions: pull-requests: write.*workflow_run/s
    )
  })

  it('refuses, before posting, a body over 65,536 characters', async () => {
    await expect(upsert('x'.repeat(70000))).rejects.toThrow(
      /70\d{3} characters, more than GitHub's 65536: the report must fold/
    )
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
  })
})

describe('resolveTokenLogin', () => {
  it('takes the configured login first', async () => {
    expect(await resolveTokenLogin({ client, configured: ' my-app[bot] ', runtime: 'actions' })).toBe(
      'my-app[bot]'
    )
    expect(twin.requests).toHaveLength(0)
  })

  it('knows the workflow token posts as github-actions[bot] without asking GET /user', async () => {
    expect(await resolveTokenLogin({ client, runtime: 'actions', token: 'ghs_workflow-token' })).toBe(BOT)
    expect(twin.requests).toHaveLength(0)
  })

  it('asks GET /user for a personal token', async () => {
    const userClient = await twinClient(twin, 'ghp_user-token')
    expect(await resolveTokenLogin({ client: userClient, runtime: 'cli' })).toBe('octocat')
    expect(await resolveTokenLogin({ client: userClient, runtime: 'actions', token: 'ghp_user-token' })).toBe(
      'octocat'
    )
  })

  it('never guesses when GET /user is refused: it says to set the login', async () => {
    await expect(resolveTokenLogin({ client, runtime: 'cli' })).rejects.toThrow(
      /GET \/user answered 403 "Resource not accessible by integration".*Set the bot-login input/s
    )
    await expect(resolveTokenLogin({ client, runtime: 'actions', defaultToken: false })).rejects.toThrow(
      /bot-login/
    )
  })
})
