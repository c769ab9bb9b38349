// The one Octokit factory of the project, and the translation of GitHub API errors into messages that say
// what to change. Inside Actions it is @actions/github's getOctokit (proxy settings, orchestration id); from
// any other CI or a GPU cluster it is @octokit/rest. Both get the retry and throttling plugins and honour
// GITHUB_API_URL (GitHub Enterprise Server). Octokit is loaded lazily so local CLI commands never pay for it.
import type { ThrottlingOptions } from '@octokit/plugin-throttling'
import type { Octokit } from '@octokit/rest'
import { GITHUB_BODY_LIMIT } from '../core/conventions.js'

/** The Octokit instance every function of src/github takes (REST methods and paginate). */
export type GitHubClient = Octokit

/** Where the code runs: a GitHub Actions step, or the CLI from another CI or a cluster. */
export type GitHubRuntime = 'actions' | 'cli'

/** Where the client reports retries and waits (e.g. @actions/core's debug/info/warning). */
export interface GitHubClientLog {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

/** Retry and pacing knobs; the defaults suit GitHub, tests pass small values to stay fast. */
export interface GitHubRetryOptions {
  /** Retries of a request answered 5xx (default 3), after 1, 4, 9 × retryAfterBaseMs. */
  serverErrorRetries?: number
  /** Retries of a request refused by a rate limit (default 2). */
  rateLimitRetries?: number
  /** Milliseconds per second of retry-after and per backoff unit (default 1000). */
  retryAfterBaseMs?: number
  /** Wait for the primary rate limit to reset only when it resets within this many seconds (default 60). */
  maxRateLimitWaitSeconds?: number
  /** Minimum gap between writes; default: the throttling plugin's (1 s, 3 s for writes that notify). */
  writeSpacingMs?: number
}

/** Options of createGitHubClient. */
export interface GitHubClientOptions {
  token: string
  /** API root; default GITHUB_API_URL, else https://api.github.com. */
  baseUrl?: string
  runtime: GitHubRuntime
  log?: GitHubClientLog
  retry?: GitHubRetryOptions
  /** Read instead of process.env (for GITHUB_API_URL). */
  env?: NodeJS.ProcessEnv
  /** Milliseconds a request may take before it is abandoned as a network timeout (default 60,000). */
  requestTimeoutMs?: number
}

/** Where a client sends its requests, attached to the errors it throws so that messages can name it. */
export interface GitHubApiRoot {
  /** The API root requests go to. */
  url: string
  /** The value of GITHUB_API_URL when the client was made (undefined when it was not set). */
  githubApiUrl?: string
  /** The request timeout in milliseconds. */
  timeoutMs: number
}

const API_ROOT = Symbol.for('experiment-review.apiRoot')
const TIMED = Symbol.for('experiment-review.timedFetch')

const USER_AGENT = 'experiment-review'

/** The REST API root: the explicit one, else GITHUB_API_URL, else api.github.com; trailing slashes removed. */
export function resolveGitHubApiUrl(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = (explicit?.trim() || env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new Error(
      `The GitHub API URL ${JSON.stringify(url)} (from ${explicit ? 'the baseUrl option' : 'GITHUB_API_URL'}) is not an http(s) URL: ` +
        'use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.'
    )
  }
  return url
}

/** Creates the Octokit client for `runtime` with retry and throttling; rejects when the token is empty. */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const token = options.token?.trim()
  if (!token) {
    throw new Error(
      options.runtime === 'actions'
        ? 'The github-token input is empty: leave it at its default (${{ github.token }}) or pass a token secret.'
        : 'No GitHub token: set GITHUB_TOKEN (or pass --token) to a token that can read the repository.'
    )
  }
  const baseUrl = resolveGitHubApiUrl(options.baseUrl, options.env)
  const timeoutMs = options.requestTimeoutMs ?? 60_000
  const root: GitHubApiRoot = {
    url: baseUrl,
    githubApiUrl: (options.env ?? process.env).GITHUB_API_URL,
    timeoutMs
  }
  const log = options.log
  const retry = options.retry ?? {}
  const rateLimitRetries = retry.rateLimitRetries ?? 2
  const maxWait = retry.maxRateLimitWaitSeconds ?? 60
  const retryAfterBaseValue = retry.retryAfterBaseMs ?? 1000

  const [{ retry: retryPlugin }, { throttling }] = await Promise.all([
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue,
    onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
      const again = retryCount < rateLimitRetries
      log?.warning(
        `GitHub's secondary rate limit refused ${request.method} ${request.url}` +
          (again
            ? `; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries}).`
            : '; giving up.')
      )
      return again
    },
    onRateLimit: (retryAfter, request, _octokit, retryCount) => {
      const again = retryCount < rateLimitRetries && retryAfter <= maxWait
      log?.warning(
        `GitHub's API rate limit is used up (${request.method} ${request.url}); it resets in ${retryAfter} s` +
          (again ? ', waiting for it.' : `, more than the ${maxWait} s this run waits: giving up.`)
      )
      return again
    }
  }
  if (retry.writeSpacingMs !== undefined) {
    const { default: Bottleneck } = await import('bottleneck/light.js')
    throttle.write = new Bottleneck.Group({ maxConcurrent: 1, minTime: retry.writeSpacingMs })
    throttle.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: retry.writeSpacingMs })
  }
  const octokitOptions = {
    baseUrl,
    userAgent: USER_AGENT,
    log: {
      debug: (message: string) => log?.debug(message),
      info: (message: string) => log?.debug(message),
      warn: (message: string) => (log ? log.warning(message) : console.warn(message)),
      // Failed requests are logged here by @octokit/rest; the callers explain them, so they are debug lines.
      error: (message: string) => log?.debug(message)
    },
    retry: { retries: retry.serverErrorRetries ?? 3, retryAfterBaseValue },
    throttle
  }
  if (options.runtime === 'actions') {
    const { getOctokit } = await import('@actions/github')
    return withTimeoutAndRoot(
      getOctokit(token, octokitOptions, retryPlugin, throttling) as unknown as GitHubClient,
      root
    )
  }
  const { Octokit: RestOctokit } = await import('@octokit/rest')
  const WithPlugins = RestOctokit.plugin(retryPlugin, throttling)
  return withTimeoutAndRoot(
    new WithPlugins({ ...octokitOptions, auth: token }) as unknown as GitHubClient,
    root
  )
}

/**
 * Gives every request of the client a timeout (a request without a signal of its own is abandoned after
 * `timeoutMs`), and attaches the API root to the errors it throws, so a network failure names where it went.
 */
function withTimeoutAndRoot(client: GitHubClient, root: GitHubApiRoot): GitHubClient {
  // The timeout applies to each fetch, not to the time a request waits in the throttling queue or between retries.
  client.hook.before('request', options => {
    const fetchOf = options.request?.fetch as (typeof fetch & { [TIMED]?: true }) | undefined
    if (fetchOf?.[TIMED]) return
    const inner = fetchOf ?? globalThis.fetch
    const timed = Object.assign(
      (url: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
        const timeout = AbortSignal.timeout(root.timeoutMs)
        return inner(url, {
          ...init,
          signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
        })
      },
      { [TIMED]: true as const }
    )
    options.request = { ...options.request, fetch: timed }
  })
  client.hook.error('request', error => {
    if (typeof error === 'object' && error !== null && !(API_ROOT in error))
      Object.defineProperty(error, API_ROOT, { value: root, enumerable: false })
    throw error
  })
  return client
}

/** Creates the client for a token: what modes and commands are given instead of calling createGitHubClient. */
export type GitHubClientFactory = (token: string) => Promise<GitHubClient>

/** The real factory: createGitHubClient with retry, throttling and GITHUB_API_URL, for one runtime, env and log. */
export function gitHubClientFactory(options: Omit<GitHubClientOptions, 'token'>): GitHubClientFactory {
  return token => createGitHubClient({ ...options, token })
}

/** The parts of an Octokit RequestError that the explanations read. */
export interface GitHubRequestErrorLike {
  status: number
  message: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown; url?: string }
  request?: { method?: string; url?: string }
}

/** Whether `error` is an HTTP error answered by the GitHub API (an Octokit RequestError). */
export function isGitHubRequestError(error: unknown): error is GitHubRequestErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

/** An error from the GitHub API, explained: what was attempted, what GitHub said, and what to change. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError'
  constructor(
    message: string,
    /** HTTP status, undefined when GitHub was not reached. */
    readonly status: number | undefined,
    /** What was being done, e.g. "posting the PR comment on octo/repo#5". */
    readonly attempted: string,
    /** The change that fixes it. */
    readonly hint: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

function apiMessage(error: GitHubRequestErrorLike): string {
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined
  const parts: string[] = []
  if (data && typeof data.message === 'string') parts.push(data.message)
  if (data && Array.isArray(data.errors)) {
    for (const e of data.errors as { message?: string; code?: string; field?: string }[]) {
      parts.push(e.message ?? [e.field, e.code].filter(Boolean).join(' '))
    }
  }
  return (parts.join(': ') || error.message).replace(/\s+/g, ' ').trim()
}

function header(error: GitHubRequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name]
  return value === undefined ? undefined : String(value)
}

/** What works when branch protection or a ruleset refuses a push to the default branch. */
export const PROTECTED_BRANCH_HINT =
  'The branch is protected (branch protection or a ruleset) and refuses a direct push from this token. What works: ' +
  "a GitHub App token (e.g. from actions/create-github-app-token) whose App is on the ruleset's bypass list (or " +
  'allowed to bypass the branch protection rule), passed as github-token to the promote job; or a personal access ' +
  'token of an account on that list. The workflow token (github-actions[bot]) cannot be put on a bypass list. ' +
  'Or set the input promote-via: pull-request, and promote opens a pull request that merges itself. ' +
  'See "Promote on a protected default branch" in the README.'

/**
 * Whether GitHub refused a ref update because the branch is protected: a 403, 409 or 422 whose documentation_url
 * points at branch protection or rulesets, or whose message says so (GH006, GH013, "protected branch", "rule
 * violations").
 */
export function isProtectedBranchRefusal(error: unknown): boolean {
  if (!isGitHubRequestError(error) || ![403, 409, 422].includes(error.status)) return false
  const data = error.response?.data as { documentation_url?: unknown; message?: unknown } | undefined
  const docs = typeof data?.documentation_url === 'string' ? data.documentation_url : ''
  const message = typeof data?.message === 'string' ? data.message : error.message
  return (
    /protected-branches|branch-protection|rulesets|repository-rules/i.test(docs) ||
    /protected branch|rule violations?|GH006|GH013|protected ref/i.test(message)
  )
}

/** The fix for a GitHub API error: which permission, token or setting to change. */
function hintFor(error: GitHubRequestErrorLike, said: string, neededPermission?: string): string {
  const { status } = error
  if (isProtectedBranchRefusal(error)) return PROTECTED_BRANCH_HINT
  if (/secondary rate limit/i.test(said)) {
    return "GitHub's secondary rate limit kept refusing after the retries: run fewer jobs that write to GitHub at once, or re-run the job in a few minutes."
  }
  if (
    (status === 403 || status === 429) &&
    (header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(said))
  ) {
    const reset = Number(header(error, 'x-ratelimit-reset'))
    const when =
      Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : ''
    return `The API rate limit of this token is used up${when}: wait for the reset, or use a GitHub App token, which has a higher limit.`
  }
  if (status === 401) {
    return 'The token is missing, expired or revoked: pass a valid token in the github-token input (CLI: GITHUB_TOKEN), and on GitHub Enterprise Server check that GITHUB_API_URL points at that server.'
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return (
      'The token is read-only here (a pull request from a fork?) or lacks a permission: give the workflow ' +
      `\`permissions: ${neededPermission ?? 'pull-requests: write'}\`, or, for pull requests from forks, use the ` +
      'workflow_run pattern (the pull_request workflow uploads the report, a workflow_run workflow posts it).'
    )
  }
  if (status === 403) {
    return `The token may not do this: grant it \`${neededPermission ?? 'the needed permission'}\` (workflow \`permissions:\`, or the PAT's scopes / the App's permissions).`
  }
  if (status === 404) {
    return 'The repository or object was not found, or the token cannot see it: check the owner/name (and pull request number), that the token has access to a private repository (`contents: read`), and on GitHub Enterprise Server that GITHUB_API_URL is right.'
  }
  if (status === 422 && /too long|maximum is/i.test(said)) {
    return `The text is longer than GitHub accepts (${GITHUB_BODY_LIMIT.toLocaleString('en-US')} characters for comments and issues): fold or shorten it before posting.`
  }
  if (status === 422 && /not a fast forward/i.test(said)) {
    return 'The branch moved during the update: retry on the new head (never force-push).'
  }
  if (status === 410)
    return 'The feature is disabled in this repository (issues turned off?): enable it in the repository settings.'
  if (status >= 500)
    return 'GitHub had a server error and the retries were used up: re-run the job later (see https://www.githubstatus.com).'
  return 'Check the request against the GitHub REST API documentation linked above.'
}

/** Turns an API error into a GitHubApiError whose message says what was attempted, what GitHub said and what to change. */
export function explainGitHubError(
  error: unknown,
  whatWasAttempted: string,
  neededPermission?: string
): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const root = (error as { [API_ROOT]?: GitHubApiRoot } | null)?.[API_ROOT]
  const network = networkFailure(error, root?.timeoutMs)
  if (network || !isGitHubRequestError(error)) {
    const failure = network ?? {
      code: undefined,
      detail: error instanceof Error ? error.message : String(error),
      hint: 'Check the network, proxy settings and GITHUB_API_URL (for GitHub Enterprise Server, https://HOST/api/v3).'
    }
    const request = requestOf(error)
    const setting = root
      ? ` The API root is ${root.url}; GITHUB_API_URL is ${root.githubApiUrl ? JSON.stringify(root.githubApiUrl) : 'not set'}.`
      : ''
    return new GitHubApiError(
      `${whatWasAttempted} failed: a network error, GitHub was not reached (${failure.detail})${request}.${setting} ${failure.hint}`,
      undefined,
      whatWasAttempted,
      failure.hint,
      { cause: error }
    )
  }
  const said = apiMessage(error)
  const hint = hintFor(error, said, neededPermission)
  const request = requestOf(error)
  return new GitHubApiError(
    `${whatWasAttempted} failed: GitHub answered ${error.status} "${said}"${request}. ${hint}`,
    error.status,
    whatWasAttempted,
    hint,
    { cause: error }
  )
}

/** ` (METHOD URL)` of the request an error belongs to, or ''. */
function requestOf(error: unknown): string {
  const request = (error as { request?: { method?: string; url?: string } } | null)?.request
  return request?.method && request.url ? ` (${request.method} ${request.url})` : ''
}

/** Error codes of a request that never got an answer, with what to check for each. */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND:
    'The host name does not resolve: check the host in GITHUB_API_URL (https://HOST/api/v3 for GitHub Enterprise Server) and the runner’s DNS.',
  EAI_AGAIN:
    'The host name could not be resolved right now (DNS is unreachable): check the runner’s DNS and re-run.',
  ECONNREFUSED:
    'Nothing accepted the connection at that address: check the host and port in GITHUB_API_URL and any proxy (HTTPS_PROXY).',
  ECONNRESET:
    'The connection was cut: check any proxy or firewall between the runner and GitHub, and re-run.',
  EHOSTUNREACH: 'The host cannot be reached from this network: check the network, proxy and GITHUB_API_URL.',
  ENETUNREACH:
    'The network is unreachable from this machine: check its connection, proxy and GITHUB_API_URL.',
  ETIMEDOUT: 'The connection timed out: check the network, proxy and GITHUB_API_URL, and re-run.',
  UND_ERR_CONNECT_TIMEOUT:
    'The connection timed out: check the network, proxy and GITHUB_API_URL, and re-run.',
  UND_ERR_HEADERS_TIMEOUT: 'The server did not answer in time: check the network and proxy, and re-run.',
  UND_ERR_SOCKET: 'The connection was closed unexpectedly: check any proxy or firewall, and re-run.'
}

/**
 * What went wrong when a request got no HTTP answer at all: a DNS failure, a refused or cut connection, or a
 * timeout. Octokit reports these as status 500 without a response; they are not GitHub's server errors.
 */
export function networkFailure(
  error: unknown,
  timeoutMs?: number
): { code?: string; detail: string; hint: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  if ((error as { response?: unknown }).response) return undefined
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown }
    if (typeof code === 'string' && NETWORK_CODES[code])
      return { code, detail: typeof message === 'string' ? message : code, hint: NETWORK_CODES[code] }
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        code: 'timeout',
        detail:
          timeoutMs !== undefined
            ? `no answer within ${timeoutMs / 1000} s`
            : typeof message === 'string'
              ? message
              : String(name),
        hint: 'The request timed out: check the network, proxy and GITHUB_API_URL, and re-run.'
      }
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}
