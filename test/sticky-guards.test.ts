// The sticky comment's guards and failure paths against the twin: which of several copies is kept, an empty
// marker refused before any request, whose comment counts as ours (login in any case, the bot its marker names,
// never an authorless comment), and each failing request (read, delete, edit, post) reported with what was attempted.
import type { GitHubClient } from '../src/github/client.js'
import { isOwnMarkedItem, upsertStickyComment, withMarker, type TokenIdentity } from '../src/github/sticky.js'
import { hiddenMarker } from '../src/core/conventions.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const BOT = 'github-actions[bot]'
const INSTALLATION: TokenIdentity = { source: 'installation' }
const marker = hiddenMarker('default')
let twin: GitHubTwin
let client: GitHubClient

// One local GitHub API for the file, put back as it started after each test (which fails on violations left).
beforeAll(async () => {
  twin = await startGitHubTwin()
})
beforeEach(async () => {
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
  twin.addPullRequest({ number: 7, headRef: 'feature', headSha: 'b'.repeat(40) })
})
afterEach(() => twin.resetApi())
afterAll(() => twin.stop())

const post = (extra: Partial<Parameters<typeof upsertStickyComment>[0]> = {}) =>
  upsertStickyComment({
    client,
    owner: twin.owner,
    repo: twin.repo,
    issueNumber: 7,
    marker,
    body: 'the review',
    identity: INSTALLATION,
    ...extra
  })

/** A comment of ours with the marker, created at the given time. */
function ourComment(body: string, createdAt: string) {
  const comment = twin.addIssueComment({ issueNumber: 7, author: BOT, body: `${marker}\n${body}` })
  const stored = twin.state.comments.get(comment.id)
  if (!stored) throw new Error('the twin lost a comment')
  stored.createdAt = createdAt
  return comment
}

describe('which copy is kept', () => {
  it('keeps the oldest by creation time even when it has the larger id, and deletes the others', async () => {
    const newest = ourComment('run C', '2026-11-30T10:00:03Z')
    const oldest = ourComment('run A', '2026-11-30T10:00:01Z')
    const middle = ourComment('run B', '2026-11-30T10:00:02Z')
    const result = await post()
    expect(result).toMatchObject({ action: 'updated', id: oldest.id })
    expect(result.removedDuplicates.sort((a, b) => a - b)).toEqual(
      [newest.id, middle.id].sort((a, b) => a - b)
    )
    expect([...twin.state.comments.keys()]).toEqual([oldest.id])
    expect(twin.state.comments.get(oldest.id)?.body).toBe(
      `<!-- experiment-review:default by=${BOT} -->\nthe review`
    )
  })

  it('of copies created in the same second, keeps the one with the smallest id', async () => {
    const first = ourComment('run A', '2026-11-30T10:00:00Z')
    const second = ourComment('run B', '2026-11-30T10:00:00Z')
    const result = await post()
    expect(result).toMatchObject({ action: 'updated', id: first.id, removedDuplicates: [second.id] })
  })

  it('leaves an unchanged copy alone and still removes the duplicates', async () => {
    const kept = ourComment('the review', '2026-11-30T10:00:00Z')
    const duplicate = ourComment('older text', '2026-11-30T10:00:05Z')
    twin.clearRequests()
    const result = await post()
    expect(result).toEqual({
      action: 'unchanged',
      id: kept.id,
      url: expect.stringContaining(`/pull/7#issuecomment-${kept.id}`),
      author: BOT,
      removedDuplicates: [duplicate.id]
    })
    expect(twin.countRequests({ kind: 'write' })).toBe(1)
  })

  it('treats line-ending and trailing-space differences as unchanged text', async () => {
    const kept = ourComment('line one\r\nline two\n\n', '2026-11-30T10:00:00Z')
    const result = await post({ body: 'line one\nline two' })
    expect(result).toMatchObject({ action: 'unchanged', id: kept.id })
  })

  it('finds its comment whatever the case of the login', async () => {
    const kept = ourComment('old', '2026-11-30T10:00:00Z')
    const result = await post({ identity: { login: 'GitHub-Actions[bot]', source: 'bot-login' } })
    expect(result).toMatchObject({ action: 'updated', id: kept.id })
  })

  it('a comment of ours without the marker is not the sticky comment', async () => {
    twin.addIssueComment({ issueNumber: 7, author: BOT, body: 'an unrelated note' })
    expect((await post()).action).toBe('created')
  })
})

describe('the body and the login its marker names', () => {
  it('a body written from the comment found sees nothing the first time, then the text it wrote', async () => {
    const seen: (string | undefined)[] = []
    const write = (n: number) => (existing?: { body?: string | null }) => {
      seen.push(existing?.body ?? undefined)
      return `review ${n}`
    }
    const created = await post({ body: write(1) })
    const updated = await post({ body: write(2) })
    expect(created.action).toBe('created')
    expect(updated).toMatchObject({ action: 'updated', id: created.id, author: BOT })
    expect(seen).toEqual([undefined, `${marker}\nreview 1`])
    expect(twin.state.comments.get(created.id)?.body).toBe(
      `<!-- experiment-review:default by=${BOT} -->\nreview 2`
    )
  })

  it('a body written from the comment found is held to the same size limit', async () => {
    await expect(post({ body: () => 'x'.repeat(70000) })).rejects.toThrow(/more than GitHub's 65536/)
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
  })

  it('a token whose login is known names it in the marker from the first comment on', async () => {
    const created = await post({ identity: { login: BOT, source: 'bot-login' } })
    expect(created).toMatchObject({ action: 'created', author: BOT })
    expect(twin.state.comments.get(created.id)?.body).toBe(
      `<!-- experiment-review:default by=${BOT} -->\nthe review`
    )
  })
})

describe('guards', () => {
  it.each(['', '   '])('refuses an empty marker (%j) before any request', async empty => {
    await expect(post({ marker: empty })).rejects.toThrow(
      `upsertStickyComment on ${twin.owner}/${twin.repo}#7: the marker is empty; pass hiddenMarker(id).`
    )
    expect(twin.requests).toHaveLength(0)
  })

  it("accepts a body that fits GitHub's 65,536 characters with its marker and room for by=<login>, refuses one more", async () => {
    // The marker's line, its newline, and ` by=` plus 50 characters for the login it will name.
    const room = 65536 - marker.length - 1 - ' by='.length - 50
    expect((await post({ body: 'x'.repeat(room) })).action).toBe('created')
    await expect(post({ body: 'x'.repeat(room + 1) })).rejects.toThrow(
      /is 65537 characters with its marker, more than GitHub's 65536/
    )
  })

  it('counts characters, not UTF-16 units: a body of emoji that fits is posted', async () => {
    const room = 65536 - marker.length - 1 - ' by='.length - 50
    expect((await post({ body: '😀'.repeat(room) })).action).toBe('created')
  })

  it('adds the marker at the top only when the body lacks it', () => {
    expect(withMarker('body', marker)).toBe(`${marker}\nbody`)
    expect(withMarker(`intro\n${marker}\nbody`, marker)).toBe(`intro\n${marker}\nbody`)
  })
})

describe('whose marked comment is ours', () => {
  const body = `${marker}\nthe review`
  const known: TokenIdentity = { login: 'alice', source: 'GET /user' }

  it('a known login matches the author whatever the case, and no one else', () => {
    expect(isOwnMarkedItem({ body, user: { login: 'Alice' } }, marker, known)).toBe(true)
    expect(isOwnMarkedItem({ body, user: { login: 'mallory' } }, marker, known)).toBe(false)
  })

  it('a comment without the marker, without a body or without an author is never ours', () => {
    expect(isOwnMarkedItem({ body: 'the review', user: { login: 'alice' } }, marker, known)).toBe(false)
    expect(isOwnMarkedItem({ body: null, user: { login: 'alice' } }, marker, known)).toBe(false)
    expect(isOwnMarkedItem({ body, user: null }, marker, known)).toBe(false)
    expect(isOwnMarkedItem({ body, user: { login: '' } }, marker, INSTALLATION)).toBe(false)
  })

  it('for an installation token: a bot whose marker names it or no one, never a person or another bot', () => {
    const bot = { login: BOT, type: 'Bot' }
    expect(isOwnMarkedItem({ body, user: bot }, marker, INSTALLATION)).toBe(true)
    const stamped = `<!-- experiment-review:default by=GitHub-Actions[bot] -->\nx`
    expect(isOwnMarkedItem({ body: stamped, user: bot }, marker, INSTALLATION)).toBe(true)
    const other = `<!-- experiment-review:default by=other-app[bot] -->\nx`
    expect(isOwnMarkedItem({ body: other, user: bot }, marker, INSTALLATION)).toBe(false)
    expect(isOwnMarkedItem({ body, user: { login: 'alice', type: 'User' } }, marker, INSTALLATION)).toBe(
      false
    )
    expect(isOwnMarkedItem({ body, user: { login: BOT } }, marker, INSTALLATION)).toBe(false)
  })

  it('a marker naming someone else is not ours even for a token of that same login', () => {
    const other = `<!-- experiment-review:default by=bob -->\nx`
    expect(isOwnMarkedItem({ body: other, user: { login: 'alice' } }, marker, known)).toBe(false)
  })
})

describe('failing requests say what was attempted', () => {
  it('reading the comments', async () => {
    twin.faults.serverError(10, { method: 'GET', path: /\/comments/ })
    await expect(post()).rejects.toThrow(/reading the comments of .*#7 failed: GitHub answered 502/)
  })

  it('deleting a duplicate, unless it is already gone', async () => {
    ourComment('run A', '2026-11-30T10:00:00Z')
    const duplicate = ourComment('run B', '2026-11-30T10:00:01Z')
    twin.faults.serverError(10, { method: 'DELETE' })
    await expect(post()).rejects.toThrow(
      new RegExp(`deleting the duplicate comment ${duplicate.id} on .*#7 failed: GitHub answered 502`)
    )
  })

  it('a duplicate another run already deleted (404) is no error, and is not counted as removed', async () => {
    const kept = ourComment('run A', '2026-11-30T10:00:00Z')
    ourComment('run B', '2026-11-30T10:00:01Z')
    twin.faults.serverError(1, { method: 'DELETE', status: 404 })
    const result = await post()
    expect(result).toMatchObject({ action: 'updated', id: kept.id, removedDuplicates: [] })
  })

  it('editing the comment', async () => {
    ourComment('old', '2026-11-30T10:00:00Z')
    twin.faults.serverError(10, { method: 'PATCH' })
    await expect(post()).rejects.toThrow(/editing the review comment on .*#7 failed: GitHub answered 502/)
  })

  it('posting the comment', async () => {
    twin.faults.serverError(10, { method: 'POST' })
    await expect(post()).rejects.toThrow(/posting the review comment on .*#7 failed: GitHub answered 502/)
  })

  it.each([
    ['reading the comments', 'GET', 'pull-requests: read', false],
    ['deleting the duplicate comment', 'DELETE', 'pull-requests: write', true],
    ['editing the review comment', 'PATCH', 'pull-requests: write', true],
    ['posting the review comment', 'POST', 'pull-requests: write', false]
  ] as const)(
    '%s, refused (403), names the permission it needs',
    async (what, method, permission, existing) => {
      if (existing) {
        ourComment('run A', '2026-11-30T10:00:00Z')
        if (method === 'DELETE') ourComment('run B', '2026-11-30T10:00:01Z')
      }
      twin.faults.serverError(10, { method, status: 403 })
      const refused = post()
      await expect(refused).rejects.toThrow(new RegExp(`${what}.* failed: GitHub answered 403`))
      await expect(refused).rejects.toThrow(`grant it \`${permission}\``)
    }
  )
})
