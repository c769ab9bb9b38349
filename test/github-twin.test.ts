// The twin itself: it answers like GitHub (pagination links, rate-limit headers, contents, refusals) and its
// OpenAPI check does catch malformed requests, so an empty `violations` list in other tests means something.
import { execFile } from 'node:child_process'
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'
import {
  loadOpenApiOperations,
  matchOpenApiOperation,
  validateAgainstSchema,
  validateOpenApiResponse
} from './github-twin/openapi.js'

let twin: GitHubTwin

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${twin.url}${path}`, {
    ...init,
    headers: {
      authorization: `token ${init.token ?? 'ghs_workflow-token'}`,
      accept: 'application/vnd.github+json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined)
    }
  })

beforeEach(async () => {
  twin = await startGitHubTwin({
    files: { 'README.md': 'hello\n', '.experiments/baseline.json': '{"v":1}\n' }
  })
})
afterEach(async () => {
  await twin.stop()
})

describe('the extracted OpenAPI operations', () => {
  it('carry the attribution of GitHub’s REST API description', () => {
    const { source, operations } = loadOpenApiOperations()
    expect(source).toMatchObject({
      package: '@octokit/openapi',
      license: 'MIT',
      description: "GitHub's REST API description, github/rest-api-description"
    })
    expect(operations.map(o => o.operationId)).toEqual(
      expect.arrayContaining([
        'issues/list-comments',
        'git/update-ref',
        'repos/get-content',
        'repos/create-commit-status'
      ])
    )
  })

  it('match paths whose last parameter spans segments, and reject unknown ones', () => {
    const { operations } = loadOpenApiOperations()
    expect(
      matchOpenApiOperation(operations, 'GET', '/repos/o/r/contents/a/b/c.json')?.pathParameters.path
    ).toBe('a/b/c.json')
    expect(
      matchOpenApiOperation(operations, 'GET', '/repos/o/r/git/ref/heads%2Fmain')?.pathParameters.ref
    ).toBe('heads/main')
    expect(
      matchOpenApiOperation(operations, 'GET', '/repos/o/r/issues/5/comments')?.operation.operationId
    ).toBe('issues/list-comments')
    expect(matchOpenApiOperation(operations, 'GET', '/repos/o/r/nonsense')).toBeUndefined()
    expect(matchOpenApiOperation(operations, 'PUT', '/repos/o/r/issues/5/comments')).toBeUndefined()
  })

  it('validate types, required, enum and additionalProperties', () => {
    const schema = {
      type: 'object',
      required: ['state'],
      additionalProperties: false,
      properties: { state: { type: 'string', enum: ['open', 'closed'] }, n: { type: 'integer' } }
    }
    expect(validateAgainstSchema(schema, { state: 'open', n: 2 }, 'body')).toEqual([])
    expect(validateAgainstSchema(schema, { n: 2.5 }, 'body')).toEqual([
      'body.state is required but missing',
      'body.n is number (2.5) but must be integer'
    ])
    expect(validateAgainstSchema(schema, { state: 'merged', x: 1 }, 'body')).toEqual([
      'body.state is "merged" but must be one of "open", "closed"',
      'body.x is not an allowed property'
    ])
  })
})

describe('the response check', () => {
  const { operations, schemas } = loadOpenApiOperations()
  const operation = (id: string) => operations.find(o => o.operationId === id)!

  it('holds list answers to pull-request-simple: merged_at is required, merged is not a listed property', async () => {
    await twin.openPullRequest({ number: 4, headRef: 'f', files: { 'a.txt': 'a' } })
    const [listed] = (await (await api(`/repos/${twin.owner}/${twin.repo}/pulls`)).json()) as Record<
      string,
      unknown
    >[]
    expect(listed).not.toHaveProperty('merged')
    expect(validateOpenApiResponse(operation('pulls/list'), 200, [listed], schemas)).toEqual([])
    const { merged_at: _omitted, ...withoutMergedAt } = listed
    expect(
      validateOpenApiResponse(operation('pulls/list'), 200, [{ ...withoutMergedAt, merged: true }], schemas)
    ).toEqual([
      'response[0].merged_at is required but missing',
      "response[0].merged is not a property GitHub's description lists here"
    ])
    const full = (await (await api(`/repos/${twin.owner}/${twin.repo}/pulls/4`)).json()) as object
    expect(full).toMatchObject({ merged: false, merged_by: null })
    expect(validateOpenApiResponse(operation('pulls/get'), 200, full, schemas)).toEqual([])
  })

  it('refuses a success status the description does not list, and only needs GitHub’s error shape for others', () => {
    expect(validateOpenApiResponse(operation('issues/delete-comment'), 200, undefined, schemas)).toEqual([
      "issues/delete-comment answered 200, a status GitHub's description does not list for it"
    ])
    expect(validateOpenApiResponse(operation('issues/delete-comment'), 204, undefined, schemas)).toEqual([])
    expect(
      validateOpenApiResponse(operation('pulls/list'), 502, { message: 'Server Error' }, schemas)
    ).toEqual([])
    expect(validateOpenApiResponse(operation('pulls/list'), 403, { message: 3 }, schemas)).toEqual([
      'response.message is integer (3) but must be string'
    ])
  })

  it('records an answer of the twin that breaks the description, and stop() fails while one is left', async () => {
    const other = await startGitHubTwin()
    other.state.comments.set(1, {
      id: 1,
      issueNumber: 1,
      body: 'x',
      user: other.user('someone'),
      createdAt: 'yesterday',
      updatedAt: 'yesterday',
      reactions: []
    })
    await fetch(`${other.url}/repos/${other.owner}/${other.repo}/issues/comments/1`, {
      headers: { authorization: 'token ghs_workflow-token' }
    })
    expect(other.violations).toEqual([
      expect.objectContaining({
        side: 'response',
        problems: [
          '200 issues/get-comment:',
          'response.created_at is "yesterday" but must be an ISO 8601 date-time',
          'response.updated_at is "yesterday" but must be an ISO 8601 date-time'
        ]
      })
    ])
    await expect(other.stop()).rejects.toThrow(/1 break\(s\) of GitHub's OpenAPI description/)
  })
})

describe('merges as GitHub makes them', () => {
  it.each(['merge', 'squash', 'rebase'] as const)(
    '%s: merge_commit_sha is the new commit on main, not the head; GET /commits/{sha}/pulls lists the merged PR',
    async method => {
      const pr = await twin.openPullRequest({ number: 9, headRef: 'f', files: { 'model.py': 'v2\n' } })
      const before = await twin.git.revParse('refs/heads/main')
      const after = await twin.mergePullRequest(9, { method, mergedBy: 'alice' })
      expect(after).not.toBe(pr.head.sha)
      expect(await twin.git.revParse('refs/heads/main')).toBe(after)
      const commit = await twin.git.readCommit(after)
      expect(commit.parents).toEqual(method === 'merge' ? [before, pr.head.sha] : [before])
      expect(await twin.git.readFileAt('refs/heads/main', 'model.py')).toBe('v2\n')
      const listed = (await (
        await api(`/repos/${twin.owner}/${twin.repo}/commits/${after}/pulls`)
      ).json()) as {
        number: number
        merged_at: string | null
        merge_commit_sha: string
      }[]
      expect(listed).toHaveLength(1)
      expect(listed[0]).toMatchObject({ number: 9, merge_commit_sha: after })
      expect(listed[0].merged_at).toMatch(/^\d{4}-/)
      expect(listed[0]).not.toHaveProperty('merged')
      const full = (await (await api(`/repos/${twin.owner}/${twin.repo}/pulls/9`)).json()) as {
        merged: boolean
        merged_by: { login: string }
        state: string
      }
      expect(full).toMatchObject({ merged: true, state: 'closed', merged_by: { login: 'alice' } })
    }
  )
})

describe('the twin', () => {
  it('catches a malformed request: a body that breaks the schema answers 422 and is recorded', async () => {
    twin.addPullRequest({ number: 1, headRef: 'feature', headSha: 'a'.repeat(40) })
    const res = await api(`/repos/${twin.owner}/${twin.repo}/issues/1/comments`, {
      method: 'POST',
      body: JSON.stringify({ text: 'hi' })
    })
    expect(res.status).toBe(422)
    const violations = twin.takeViolations()
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({ side: 'request', problems: ['body.body is required but missing'] })
  })

  it('catches an unknown path and a wrongly typed query parameter', async () => {
    expect((await api(`/repos/${twin.owner}/${twin.repo}/comments-everywhere`)).status).toBe(404)
    expect((await api(`/repos/${twin.owner}/${twin.repo}/issues?state=merged`)).status).toBe(422)
    expect((await api(`/repos/${twin.owner}/${twin.repo}/issues?per_page=lots`)).status).toBe(422)
    expect(twin.takeViolations().map(v => v.problems[0])).toEqual([
      `no operation of GitHub's REST API is GET /repos/${twin.owner}/${twin.repo}/comments-everywhere`,
      'state is "merged" but must be one of "open", "closed", "all"',
      'per_page is string ("lots") but must be integer'
    ])
  })

  it('pages comments 100 at most with Link headers to /repositories/{id} paths, and serves those paths', async () => {
    twin.addPullRequest({ number: 7, headRef: 'feature', headSha: 'b'.repeat(40) })
    for (let i = 0; i < 250; i++)
      twin.addIssueComment({ issueNumber: 7, author: 'someone', body: `comment ${i}` })
    const first = await api(`/repos/${twin.owner}/${twin.repo}/issues/7/comments?per_page=500`)
    expect(((await first.json()) as unknown[]).length).toBe(100)
    const link = first.headers.get('link') ?? ''
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? ''
    expect(next).toBe(
      `${twin.url}/repositories/${twin.state.repository.id}/issues/7/comments?per_page=500&page=2`
    )
    expect(link).toContain(`page=3>; rel="last"`)
    const third = await fetch(next.replace('page=2', 'page=3'), {
      headers: { authorization: 'token ghs_workflow-token' }
    })
    const bodies = ((await third.json()) as { body: string }[]).map(c => c.body)
    expect(bodies).toHaveLength(50)
    expect(bodies[49]).toBe('comment 249')
    expect(third.headers.get('link')).toContain('rel="prev"')
    expect(third.headers.get('link')).not.toContain('rel="next"')
    expect(twin.violations).toEqual([])
  })

  it('resetApi puts the API back as it started on the same port, and fails on violations left', async () => {
    const fresh = {
      comments: [...twin.state.comments],
      issues: [...twin.state.issues],
      tokens: { ...twin.tokens }
    }
    twin.addPullRequest({ number: 7, headRef: 'feature', headSha: 'b'.repeat(40) })
    const first = twin.addIssueComment({ issueNumber: 7, author: 'someone', body: 'before' })
    twin.tokens['ghs_extra'] = { login: 'extra' }
    twin.faults.serverError(5)
    expect((await api(`/repos/${twin.owner}/${twin.repo}`)).status).toBe(502)
    const url = twin.url
    twin.resetApi()
    expect(twin.url).toBe(url)
    expect([...twin.state.comments]).toEqual(fresh.comments)
    expect([...twin.state.issues]).toEqual(fresh.issues)
    expect(twin.tokens).toEqual(fresh.tokens)
    expect(twin.requests).toEqual([])
    // No fault is left, and ids and times start again where a fresh twin's do.
    const again = await api(`/repos/${twin.owner}/${twin.repo}/issues/7/comments`)
    expect(again.status).toBe(404)
    twin.addPullRequest({ number: 7, headRef: 'feature', headSha: 'b'.repeat(40) })
    const second = twin.addIssueComment({ issueNumber: 7, author: 'someone', body: 'after' })
    expect(second.id).toBe(first.id)
    expect(second.createdAt).toBe(first.createdAt)
    twin.violations.push({ side: 'request', method: 'GET', path: '/x', problems: ['a test put it here'] })
    expect(() => twin.resetApi()).toThrow(/1 break\(s\) of GitHub's OpenAPI description/)
    expect(twin.violations).toEqual([])
  })

  it('puts rate-limit headers on every answer, errors included', async () => {
    const ok = await api(`/repos/${twin.owner}/${twin.repo}`)
    const missing = await api(`/repos/${twin.owner}/${twin.repo}/pulls/999`)
    for (const res of [ok, missing]) {
      for (const name of [
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-ratelimit-used',
        'x-ratelimit-resource'
      ]) {
        expect(res.headers.get(name)).toBeTruthy()
      }
    }
    expect(missing.status).toBe(404)
    expect(Number(missing.headers.get('x-ratelimit-remaining'))).toBe(
      Number(ok.headers.get('x-ratelimit-remaining')) - 1
    )
  })

  it('refuses GET /user to an installation token and answers it for a personal token', async () => {
    const refused = await api('/user')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Resource not accessible by integration'
    )
    const me = await api('/user', { token: 'ghp_user-token' })
    expect(((await me.json()) as { login: string }).login).toBe('octocat')
    expect((await api('/user', { token: 'nope' })).status).toBe(401)
  })

  it('serves contents as base64 JSON and raw, and 404 when absent', async () => {
    const json = (await (
      await api(`/repos/${twin.owner}/${twin.repo}/contents/.experiments/baseline.json?ref=main`)
    ).json()) as {
      content: string
      encoding: string
    }
    expect(json.encoding).toBe('base64')
    expect(Buffer.from(json.content, 'base64').toString()).toBe('{"v":1}\n')
    const raw = await api(`/repos/${twin.owner}/${twin.repo}/contents/README.md`, {
      headers: { accept: 'application/vnd.github.raw+json' }
    })
    expect(await raw.text()).toBe('hello\n')
    expect((await api(`/repos/${twin.owner}/${twin.repo}/contents/missing.md?ref=main`)).status).toBe(404)
    expect(twin.violations).toEqual([])
  })

  it('refuses every write of a read-only token', async () => {
    twin.addPullRequest({ number: 2, headRef: 'feature', headSha: 'c'.repeat(40) })
    const res = await api(`/repos/${twin.owner}/${twin.repo}/issues/2/comments`, {
      method: 'POST',
      token: 'ghs_fork-token',
      body: JSON.stringify({ body: 'hi' })
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toBe('Resource not accessible by integration')
    expect(twin.state.comments.size).toBe(0)
  })

  it('refuses bodies over 65,536 characters', async () => {
    twin.addPullRequest({ number: 3, headRef: 'feature', headSha: 'd'.repeat(40) })
    const res = await api(`/repos/${twin.owner}/${twin.repo}/issues/3/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'x'.repeat(65537) })
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('Body is too long (maximum is 65536 characters)')
  })

  it('runs the Git Data API on a real repository: nested trees on base_tree, fast-forward only unless forced', async () => {
    const repoPath = `/repos/${twin.owner}/${twin.repo}`
    const post = async (path: string, body: unknown, method = 'POST') =>
      (await api(`${repoPath}${path}`, { method, body: JSON.stringify(body) })) as Response
    const head = ((await (await api(`${repoPath}/git/ref/heads/main`)).json()) as { object: { sha: string } })
      .object.sha
    const headCommit = (await (await api(`${repoPath}/git/commits/${head}`)).json()) as {
      tree: { sha: string }
    }
    const blob = (await (await post('/git/blobs', { content: 'deep\n', encoding: 'utf-8' })).json()) as {
      sha: string
    }
    const tree = (await (
      await post('/git/trees', {
        base_tree: headCommit.tree.sha,
        tree: [
          { path: 'a/b/c.txt', mode: '100644', type: 'blob', sha: blob.sha },
          { path: 'README.md', mode: '100644', type: 'blob', sha: null }
        ]
      })
    ).json()) as { sha: string }
    const commit = (await (
      await post('/git/commits', { message: 'nested', tree: tree.sha, parents: [head] })
    ).json()) as { sha: string }
    expect((await post('/git/refs/heads%2Fmain', { sha: commit.sha, force: false }, 'PATCH')).status).toBe(
      200
    )
    expect(await twin.git.readFileAt('main', 'a/b/c.txt')).toBe('deep\n')
    expect(await twin.git.readFileAt('main', 'README.md')).toBeUndefined()
    expect(await twin.git.readFileAt('main', '.experiments/baseline.json')).toBe('{"v":1}\n')

    const refused = await post('/git/refs/heads%2Fmain', { sha: head, force: false }, 'PATCH')
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { message: string }).message).toBe('Update is not a fast forward')
    expect((await post('/git/refs/heads%2Fmain', { sha: head, force: true }, 'PATCH')).status).toBe(200)
    expect((await twin.git.log('main'))[0].sha).toBe(head)
    expect(twin.violations).toEqual([])
  })

  it('filters and pages issues by state and labels, pull requests included as GitHub does', async () => {
    for (let i = 0; i < 5; i++)
      twin.addIssue({ title: `open ${i}`, labels: i % 2 ? ['retraining', 'ml'] : ['bug'] })
    twin.addIssue({ title: 'closed', labels: ['retraining'], state: 'closed' })
    twin.addPullRequest({ headRef: 'x', headSha: '9'.repeat(40) })
    const titles = async (query: string) =>
      (
        (await (await api(`/repos/${twin.owner}/${twin.repo}/issues?${query}`)).json()) as { title: string }[]
      ).map(i => i.title)
    expect(await titles('labels=retraining,ml&direction=asc')).toEqual(['open 1', 'open 3'])
    expect(await titles('labels=retraining&state=closed')).toEqual(['closed'])
    expect(await titles('state=all&per_page=2&page=4')).toEqual(['open 0'])
    expect((await titles('state=open')).length).toBe(6)
    expect(twin.violations).toEqual([])
  })

  it('lives under /api/v3 when asked to play GitHub Enterprise Server', async () => {
    const ghes = await startGitHubTwin({ pathPrefix: '/api/v3' })
    try {
      expect(ghes.url).toMatch(/\/api\/v3$/)
      const res = await fetch(`${ghes.url}/repos/${ghes.owner}/${ghes.repo}`, {
        headers: { authorization: 'token ghs_workflow-token' }
      })
      expect(res.status).toBe(200)
      expect(ghes.violations).toEqual([])
    } finally {
      await ghes.stop()
    }
  })
})

describe("the twin's git objects", () => {
  const git = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile('git', args, { env: { ...process.env, GIT_DIR: twin.git.dir } }, (error, out) =>
        error ? reject(error) : resolve(out.trim())
      )
      child.stdin?.end(input)
    })

  it('are the objects git itself writes, and pass git fsck', async () => {
    const text = 'ünïcode line\nsecond\n'
    const blob = await twin.git.writeBlob(text)
    expect(blob).toBe(await git(['hash-object', '-w', '--stdin'], text))
    const script = await twin.git.writeBlob('#!/bin/sh\n')
    const tree = await twin.git.writeTreeFromPaths(
      new Map([
        ['a.b', { mode: '100644', type: 'blob', sha: blob }],
        ['a/z.txt', { mode: '100644', type: 'blob', sha: blob }],
        ['a-c', { mode: '100755', type: 'blob', sha: script }]
      ])
    )
    const inner = await git(['mktree'], `100644 blob ${blob}\tz.txt\n`)
    const outer = await git(
      ['mktree'],
      `100644 blob ${blob}\ta.b\n040000 tree ${inner}\ta\n100755 blob ${script}\ta-c\n`
    )
    expect(tree).toBe(outer)
    const person = { name: 'Ada Lovelace', email: 'ada@example.com', date: '2026-01-02T03:04:05Z' }
    const parent = (await twin.git.revParse('refs/heads/main')) as string
    const message = 'Promote the champion\n\nBody line\n'
    const commit = await twin.git.writeCommit({
      tree,
      parents: [parent],
      message,
      author: person,
      committer: person
    })
    const date = '1767323045 +0000'
    const env = {
      ...process.env,
      GIT_DIR: twin.git.dir,
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_COMMITTER_DATE: date
    }
    const byGit = await new Promise<string>((resolve, reject) => {
      const args = ['commit-tree', '--no-gpg-sign', tree, '-p', parent]
      const child = execFile('git', args, { env }, (error, out) =>
        error ? reject(error) : resolve(out.trim())
      )
      child.stdin?.end(message)
    })
    expect(commit).toBe(byGit)
    await expect(git(['fsck', '--strict', '--no-dangling'])).resolves.toBe('')
  })

  it('read back as git lists them, and answer nothing for what is not there', async () => {
    const main = (await twin.git.resolveCommit('main')) as string
    const listed = await twin.git.listTree(main, true)
    const byGit = (await git(['ls-tree', '-r', '--long', main])).split('\n').map(line => {
      const [meta, file] = line.split('\t')
      const [mode, type, sha, size] = meta.split(/\s+/)
      return { mode, type, sha, path: file, size: Number(size) }
    })
    expect(listed).toEqual(byGit)
    expect(await twin.git.entryAt(main, '.experiments')).toMatchObject({ type: 'tree', mode: '040000' })
    expect(await twin.git.entryAt(main, '.experiments/missing.json')).toBeUndefined()
    expect(await twin.git.revParse('refs/heads/no-such-branch')).toBeUndefined()
    expect(await twin.git.objectType('0'.repeat(40))).toBeUndefined()
    await expect(twin.git.readBlob(main)).rejects.toThrow(/not a blob/)
    expect(await twin.git.isAncestor(main, main)).toBe(true)
    expect(await twin.git.isAncestor('0'.repeat(40), main)).toBe(false)
  })

  it("move refs by compare-and-swap under git's lock: a stale old value, a held lock or a missing object is refused", async () => {
    const main = (await twin.git.resolveCommit('main')) as string
    const next = await twin.git.commitFiles('main', { 'a.txt': 'a\n' }, 'Add a')
    expect(await git(['rev-parse', 'refs/heads/main'])).toBe(next)
    // Created only when absent; moved only from the value it holds.
    expect(await twin.git.updateRef('refs/heads/topic', main, next)).toBe(false)
    expect(await twin.git.updateRef('refs/heads/topic', main, '')).toBe(true)
    expect(await twin.git.updateRef('refs/heads/topic', next, '')).toBe(false)
    expect(await twin.git.updateRef('refs/heads/topic', next, next)).toBe(false)
    expect(await git(['rev-parse', 'refs/heads/topic'])).toBe(main)
    // A ref git packed is read from packed-refs, and a move writes it loose over the packed line.
    await git(['pack-refs', '--all'])
    expect(await twin.git.updateRef('refs/heads/topic', next, main)).toBe(true)
    expect(await git(['rev-parse', 'refs/heads/topic'])).toBe(next)
    // A git process holding the lock wins; nothing is changed and the lock is left to its holder.
    const lock = path.join(twin.git.dir, 'refs', 'heads', 'topic.lock')
    await writeFile(lock, '')
    expect(await twin.git.updateRef('refs/heads/topic', main, next)).toBe(false)
    expect(await readFile(lock, 'utf8')).toBe('')
    await unlink(lock)
    expect(await twin.git.updateRef('refs/heads/topic', '0'.repeat(40), next)).toBe(false)
    expect(await twin.git.updateRef('refs/heads/../escape', main, '')).toBe(false)
    expect(await twin.git.revParse('refs/heads/topic')).toBe(next)
    await expect(git(['fsck', '--strict', '--no-dangling'])).resolves.toBe('')
    expect(await twin.git.revParse('refs/heads/main')).toBe(next)
    expect(await readdir(path.join(twin.git.dir, 'refs', 'heads'))).toEqual(['topic'])
  })
})
