// The sticky comment against the twin: request budget on 250 comments, unchanged text costs no write, a marker
// pasted by someone else is ignored, a duplicate left by a race is removed, and the comment is found for the
// workflow token, a personal token and a GitHub App installation token without configuration.
import type { GitHubClient } from '../src/github/client.js'
import { resolveTokenIdentity, upsertStickyComment, type TokenIdentity } from '../src/github/sticky.js'
import { findMarker, hiddenMarker, stampMarker } from '../src/core/conventions.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const BOT = 'github-actions[bot]'
const INSTALLATION: TokenIdentity = { source: 'installation' }
const marker = hiddenMarker('default')
let twin: GitHubTwin
let client: GitHubClient

// One local GitHub API for the file, put back as it started after each test.
beforeAll(async () => {
  twin = await startGitHubTwin()
})
beforeEach(async () => {
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
  twin.addPullRequest({ number: 42, headRef: 'feature', headSha: 'a'.repeat(40) })
})
afterEach(() => {
  expect(twin.violations).toEqual([])
  twin.resetApi()
})
afterAll(() => twin.stop())

const upsert = (body: string, extra: Partial<Parameters<typeof upsertStickyComment>[0]> = {}) =>
  upsertStickyComment({
    client,
    owner: twin.owner,
    repo: twin.repo,
    issueNumber: 42,
    marker,
    body,
    identity: INSTALLATION,
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
    expect(created.author).toBe(BOT)
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
    expect([...twin.state.comments.values()].filter(c => findMarker(c.body, marker))).toHaveLength(1)
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
    expect(twin.state.comments.get(oldest.id)?.body).toBe(stampMarker(`${marker}\nrun C`, marker, BOT))
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
        identity: INSTALLATION
      })
    ).rejects.toThrow(
      /403 "Resource not accessible by integration".*read-only here \(a pull request from a fork\?\).*permissions: pull-requests: write.*workflow_run/s
    )
  })

  it('refuses, before posting, a body over 65,536 characters', async () => {
    await expect(upsert('x'.repeat(70000))).rejects.toThrow(
      /70\d{3} characters with its marker, more than GitHub's 65536: the report must fold/
    )
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
  })
})

describe('the comment of any token, found without configuration', () => {
  /** Three reviews with `token`, each with new text, as the action runs them: identity, then upsert. */
  async function threeReviews(token: string) {
    const tokenClient = await twinClient(twin, token, { runtime: 'actions' })
    const results = []
    for (const n of [1, 2, 3]) {
      const identity = await resolveTokenIdentity({ client: tokenClient })
      results.push(await upsert(`review ${n}`, { client: tokenClient, identity }))
    }
    return results
  }
  const ours = () => [...twin.state.comments.values()].filter(c => c.body.includes('experiment-review'))

  it.each([
    ['a GitHub App installation token', 'ghs_app-token', 'experiment-bot[bot]'],
    ['the workflow token', 'ghs_workflow-token', BOT],
    ['a personal access token', 'ghp_user-token', 'octocat']
  ])('%s: three reviews leave one comment, its marker naming who posts it', async (_name, token, login) => {
    addNoise(3)
    const results = await threeReviews(token)
    expect(results.map(r => r.action)).toEqual(['created', 'updated', 'updated'])
    expect(new Set(results.map(r => r.id)).size).toBe(1)
    expect(results.map(r => r.author)).toEqual([login, login, login])
    expect(ours()).toHaveLength(1)
    expect(ours()[0].user.login).toBe(login)
    expect(ours()[0].body).toBe(stampMarker(`${marker}\nreview 3`, marker, login))
    expect(ours()[0].body.startsWith(`<!-- experiment-review:default by=${login} -->`)).toBe(true)
  })

  it('an App token takes over the comment a workflow token posted (one comment per id), never a person’s', async () => {
    twin.addIssueComment({ issueNumber: 42, author: 'mallory', body: `${marker}\npasted` })
    twin.addIssueComment({ issueNumber: 42, author: 'lint-bot[bot]', body: stampMarker('echo', marker, BOT) })
    const first = await upsert('by the workflow token')
    const app = await twinClient(twin, 'ghs_app-token', { runtime: 'actions' })
    const second = await upsert('by the app', { client: app })
    expect(second).toMatchObject({ action: 'updated', id: first.id })
    expect(twin.state.comments.get(first.id)?.body).toBe(stampMarker(`${marker}\nby the app`, marker, BOT))
    expect(ours()).toHaveLength(3)
  })

  it('bot-login overrides: only that login’s comment is taken', async () => {
    const theirs = twin.addIssueComment({ issueNumber: 42, author: BOT, body: `${marker}\nworkflow token's` })
    const app = await twinClient(twin, 'ghs_app-token', { runtime: 'actions' })
    const identity = await resolveTokenIdentity({ client: app, configured: ' experiment-bot[bot] ' })
    expect(identity).toEqual({ login: 'experiment-bot[bot]', source: 'bot-login' })
    expect(twin.countRequests({ operationId: 'users/get-authenticated' })).toBe(0)
    const result = await upsert('by the app', { client: app, identity })
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(theirs.id)
    expect(twin.state.comments.get(result.id)?.body).toBe(
      stampMarker(`${marker}\nby the app`, marker, 'experiment-bot[bot]')
    )
  })
})

describe('resolveTokenIdentity', () => {
  it('asks GET /user: a personal token is known by its login, an installation token is a bot', async () => {
    const userClient = await twinClient(twin, 'ghp_user-token')
    expect(await resolveTokenIdentity({ client: userClient })).toEqual({
      login: 'octocat',
      source: 'GET /user'
    })
    expect(await resolveTokenIdentity({ client })).toEqual({ source: 'installation' })
  })

  it('refuses a bot-login that is not a login, and explains bad credentials', async () => {
    await expect(resolveTokenIdentity({ client, configured: 'my app' })).rejects.toThrow(
      /bot-login input is "my app", which is not a GitHub login/
    )
    const bad = await twinClient(twin, 'ghp_revoked')
    await expect(resolveTokenIdentity({ client: bad })).rejects.toThrow(
      /401 "Bad credentials".*expired or revoked/s
    )
  })
})
