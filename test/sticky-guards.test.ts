// The sticky comment's guards and failure paths against the twin: which of several copies is kept, an empty
// marker or login refused before any request, a login matched whatever its case, and each failing request
// (read, delete, edit, post) reported with what was attempted.
import type { GitHubClient } from '../src/github/client.js'
import { GITHUB_ACTIONS_BOT_LOGIN, upsertStickyComment, withMarker } from '../src/github/sticky.js'
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
  twin.addPullRequest({ number: 7, headRef: 'feature', headSha: 'b'.repeat(40) })
})
afterEach(async () => {
  await twin.stop()
})

const post = (extra: Partial<Parameters<typeof upsertStickyComment>[0]> = {}) =>
  upsertStickyComment({
    client,
    owner: twin.owner,
    repo: twin.repo,
    issueNumber: 7,
    marker,
    body: 'the review',
    login: BOT,
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
    expect(twin.state.comments.get(oldest.id)?.body).toBe(`${marker}\nthe review`)
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
    const result = await post({ login: 'GitHub-Actions[BOT]' })
    expect(result).toMatchObject({ action: 'updated', id: kept.id })
  })

  it('a comment of ours without the marker is not the sticky comment', async () => {
    twin.addIssueComment({ issueNumber: 7, author: BOT, body: 'an unrelated note' })
    expect((await post()).action).toBe('created')
  })
})

describe('guards', () => {
  it.each(['', '   '])('refuses an empty marker (%j) before any request', async empty => {
    await expect(post({ marker: empty })).rejects.toThrow(
      `upsertStickyComment on ${twin.owner}/${twin.repo}#7: the marker is empty; pass hiddenMarker(id).`
    )
    expect(twin.requests).toHaveLength(0)
  })

  it.each(['', ' \t'])('refuses an empty login (%j) before any request', async empty => {
    await expect(post({ login: empty })).rejects.toThrow(
      /the login is empty; resolve it with resolveTokenLogin/
    )
    expect(twin.requests).toHaveLength(0)
  })

  it('accepts a body of exactly 65,536 characters with the marker, refuses one more', async () => {
    const room = 65536 - marker.length - 1
    expect((await post({ body: 'x'.repeat(room) })).action).toBe('created')
    await expect(post({ body: 'x'.repeat(room + 1) })).rejects.toThrow(/65537 characters, more than/)
  })

  it('adds the marker at the top only when the body lacks it', () => {
    expect(withMarker('body', marker)).toBe(`${marker}\nbody`)
    expect(withMarker(`intro\n${marker}\nbody`, marker)).toBe(`intro\n${marker}\nbody`)
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
})
