// The Octokit factory against the twin: both runtimes, GITHUB_API_URL, retries of secondary rate limits and
// server errors (bounded), and API errors explained with the permission or setting to change.
import {
  createGitHubClient,
  explainGitHubError,
  isProtectedBranchRefusal,
  PROTECTED_BRANCH_HINT,
  resolveGitHubApiUrl,
  GitHubApiError,
  type GitHubRuntime
} from '../src/github/client.js'
import { collectingLog, twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

let twin: GitHubTwin

beforeEach(async () => {
  twin = await startGitHubTwin()
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

describe.each<GitHubRuntime>(['actions', 'cli'])('createGitHubClient (%s)', runtime => {
  it('talks to GITHUB_API_URL when no baseUrl is given', async () => {
    const client = await createGitHubClient({
      token: 'ghs_workflow-token',
      runtime,
      env: { GITHUB_API_URL: `${twin.url}/` }
    })
    const { data } = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo })
    expect(data.full_name).toBe(`${twin.owner}/${twin.repo}`)
    expect(twin.requests[0].login).toBe('github-actions[bot]')
  })

  it('retries a secondary rate limit (retry-after: 1) and succeeds', async () => {
    const log = collectingLog()
    const client = await twinClient(twin, 'ghs_workflow-token', { runtime, log })
    twin.faults.secondaryRateLimit(2)
    const { data } = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo })
    expect(data.name).toBe(twin.repo)
    expect(twin.requests.map(r => r.status)).toEqual([403, 403, 200])
    expect(log.lines.filter(l => l.includes('secondary rate limit'))).toHaveLength(2)
  })

  it('retries server errors and succeeds', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token', { runtime })
    twin.faults.serverError(2, { status: 502 })
    const { data } = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo })
    expect(data.name).toBe(twin.repo)
    expect(twin.requests.map(r => r.status)).toEqual([502, 502, 200])
  })
})

describe('bounded retries', () => {
  it('gives up on a secondary rate limit that does not end, with an explanation', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token')
    twin.faults.secondaryRateLimit(10)
    const error = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo }).catch(e => e)
    expect(twin.requests).toHaveLength(3)
    expect(explainGitHubError(error, 'reading the repository').message).toMatch(
      /reading the repository failed: GitHub answered 403 "You have exceeded a secondary rate limit.*run fewer jobs/
    )
  })

  it('gives up on server errors after 3 retries', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token')
    twin.faults.serverError(10, { status: 503, path: /^\/repos\/[^/]+\/[^/]+$/ })
    const error = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo }).catch(e => e)
    expect(twin.requests.map(r => r.status)).toEqual([503, 503, 503, 503])
    expect(explainGitHubError(error, 'reading the repository').message).toMatch(/answered 503.*githubstatus/)
  })

  it('waits for a primary rate limit that resets soon, once', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token')
    twin.faults.primaryRateLimit(1)
    await client.rest.repos.get({ owner: twin.owner, repo: twin.repo })
    expect(twin.requests.map(r => r.status)).toEqual([403, 200])
  })
})

describe('explainGitHubError', () => {
  it('401: the token is bad', async () => {
    const client = await createGitHubClient({ token: 'ghp_revoked', baseUrl: twin.url, runtime: 'cli' })
    const error = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo }).catch(e => e)
    const explained = explainGitHubError(error, 'reading the repository')
    expect(explained).toBeInstanceOf(GitHubApiError)
    expect(explained.status).toBe(401)
    expect(explained.message).toMatch(
      /answered 401 "Bad credentials".*expired or revoked: pass a valid token in the github-token input/
    )
  })

  it('404 on a repository: not found or not visible to the token', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token')
    const error = await client.rest.repos.get({ owner: twin.owner, repo: 'no-such-repo' }).catch(e => e)
    expect(explainGitHubError(error, `reading ${twin.owner}/no-such-repo`).message).toMatch(
      /reading octo-org\/no-such-repo failed: GitHub answered 404 "Not Found" \(GET .*\/repos\/octo-org\/no-such-repo\).*check the owner\/name/
    )
  })

  it('403 from a read-only token names the permission to grant and the workflow_run pattern', async () => {
    const client = await twinClient(twin, 'ghs_fork-token')
    twin.addPullRequest({ number: 1, headRef: 'f', headSha: 'e'.repeat(40) })
    const error = await client.rest.issues
      .createComment({ owner: twin.owner, repo: twin.repo, issue_number: 1, body: 'x' })
      .catch(e => e)
    const message = explainGitHubError(error, 'posting the comment', 'pull-requests: write').message
    expect(message).toContain(
      'the token is read-only here (a pull request from a fork?)'.replace('the', 'The')
    )
    expect(message).toContain('`permissions: pull-requests: write`')
    expect(message).toContain('workflow_run pattern')
  })

  it('a protected branch names a GitHub App token or a ruleset bypass', () => {
    const error = {
      status: 422,
      message: 'x',
      response: { data: { message: 'Protected branch update failed for refs/heads/main.' } }
    }
    expect(explainGitHubError(error, 'moving main').message).toMatch(
      /GitHub App token.*on the ruleset's bypass list.*cannot be put on a bypass list/
    )
  })

  it('recognises a protected branch by its documentation URL whatever the message, and nothing else', () => {
    const refusal = (status: number, documentation_url: string, message = 'Conflict') => ({
      status,
      message,
      response: { data: { message, documentation_url } }
    })
    const rulesets =
      'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets'
    const protection =
      'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches'
    expect(isProtectedBranchRefusal(refusal(409, protection))).toBe(true)
    expect(isProtectedBranchRefusal(refusal(403, rulesets, 'Cannot update this ref'))).toBe(true)
    expect(
      isProtectedBranchRefusal(
        refusal(422, 'https://docs.github.com/rest/git/refs', 'Update is not a fast forward')
      )
    ).toBe(false)
    expect(isProtectedBranchRefusal(refusal(404, rulesets))).toBe(false)
    expect(explainGitHubError(refusal(409, protection), 'moving main').hint).toBe(PROTECTED_BRANCH_HINT)
  })

  it('an exhausted rate limit says when it resets', () => {
    const error = {
      status: 403,
      message: 'x',
      response: {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1893456000' },
        data: { message: 'API rate limit exceeded' }
      }
    }
    expect(explainGitHubError(error, 'listing comments').message).toMatch(
      /used up \(it resets at 2030-01-01T00:00:00.000Z\)/
    )
  })

  it('a network failure says GitHub was not reached and what to check', () => {
    expect(explainGitHubError(new TypeError('fetch failed'), 'reading the repository').message).toMatch(
      /GitHub was not reached \(fetch failed\).*GITHUB_API_URL/
    )
  })
})

describe('configuration errors', () => {
  it('an empty token says which input to set', async () => {
    await expect(createGitHubClient({ token: ' ', runtime: 'actions' })).rejects.toThrow(
      /github-token input is empty/
    )
    await expect(createGitHubClient({ token: '', runtime: 'cli' })).rejects.toThrow(/set GITHUB_TOKEN/)
  })

  it('a GITHUB_API_URL that is not a URL is named with its value', () => {
    expect(() => resolveGitHubApiUrl(undefined, { GITHUB_API_URL: 'github.example.com' })).toThrow(
      /"github.example.com" \(from GITHUB_API_URL\) is not an http\(s\) URL.*\/api\/v3/
    )
    expect(resolveGitHubApiUrl(undefined, {})).toBe('https://api.github.com')
  })
})

describe('requests that get no answer are network errors, not GitHub server errors', () => {
  const fast = { retryAfterBaseMs: 1, serverErrorRetries: 1 }

  it('a refused connection names the URL and GITHUB_API_URL', async () => {
    const gone = await startGitHubTwin()
    const url = gone.url
    await gone.stop()
    const client = await createGitHubClient({
      token: 't',
      runtime: 'cli',
      env: { GITHUB_API_URL: url },
      retry: fast
    })
    const error = await client.rest.repos.get({ owner: 'o', repo: 'r' }).catch(e => e)
    const explained = explainGitHubError(error, 'reading the repository')
    expect(explained.status).toBeUndefined()
    expect(explained.message).toMatch(
      /^reading the repository failed: a network error, GitHub was not reached \(.*ECONNREFUSED/
    )
    expect(explained.message).toContain(`(GET ${url}/repos/o/r)`)
    expect(explained.message).toContain(`The API root is ${url}; GITHUB_API_URL is "${url}"`)
    expect(explained.message).toMatch(/Nothing accepted the connection/)
    expect(explained.message).not.toMatch(/server error|githubstatus/)
  })

  it('a host name that does not resolve is a DNS failure', async () => {
    const client = await createGitHubClient({
      token: 't',
      runtime: 'actions',
      env: { GITHUB_API_URL: 'https://ghes.invalid/api/v3' },
      retry: fast
    })
    const error = await client.rest.repos.get({ owner: 'o', repo: 'r' }).catch(e => e)
    const explained = explainGitHubError(error, 'reading the repository')
    expect(explained.message).toMatch(
      /a network error, GitHub was not reached \(getaddrinfo (ENOTFOUND|EAI_AGAIN) ghes\.invalid\)/
    )
    expect(explained.message).toContain('(GET https://ghes.invalid/api/v3/repos/o/r)')
    expect(explained.message).toContain(
      'The API root is https://ghes.invalid/api/v3; GITHUB_API_URL is "https://ghes.invalid/api/v3"'
    )
    expect(explained.message).not.toMatch(/server error|githubstatus/)
  })

  it('a server that never answers times out', async () => {
    const { createServer } = await import('node:net')
    const sockets: import('node:net').Socket[] = []
    const server = createServer(socket => void sockets.push(socket))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    try {
      const client = await createGitHubClient({
        token: 't',
        runtime: 'cli',
        baseUrl: url,
        env: {},
        retry: { ...fast, serverErrorRetries: 0 },
        requestTimeoutMs: 200
      })
      const error = await client.rest.repos.get({ owner: 'o', repo: 'r' }).catch(e => e)
      const explained = explainGitHubError(error, 'reading the repository')
      expect(explained.message).toMatch(/a network error, GitHub was not reached \(no answer within 0\.2 s\)/)
      expect(explained.message).toContain(`The API root is ${url}; GITHUB_API_URL is not set`)
      expect(explained.message).toMatch(/timed out/)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  })

  it('a 5xx answer is still GitHub’s server error', async () => {
    const client = await twinClient(twin, 'ghs_workflow-token')
    twin.faults.serverError(10, { status: 503 })
    const error = await client.rest.repos.get({ owner: twin.owner, repo: twin.repo }).catch(e => e)
    expect(explainGitHubError(error, 'reading the repository').message).toMatch(
      /GitHub answered 503 .*GitHub had a server error/
    )
  })
})
