// The GitHub twin: a loopback HTTP server (plain node:http, port 0) that answers the REST operations the
// action uses the way api.github.com does, over in-memory state and a real bare git repository. Every request,
// and every answer the twin gives, is checked against GitHub's published OpenAPI description and recorded, so
// tests and benchmarks can count reads and writes, and no test passes on a request GitHub would refuse or an
// answer GitHub would never give: stop() fails while `violations` holds any the test did not take.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GITHUB_BODY_LIMIT } from '../../src/core/conventions.js'
import { TwinGitRepository, type GitCommitObject } from './git.js'
import {
  loadOpenApiOperations,
  matchOpenApiOperation,
  validateOpenApiRequest,
  validateOpenApiResponse,
  type MatchedOperation,
  type OpenApiOperation
} from './openapi.js'

/** How a token behaves: who it acts as, whether it may write, and whether it is an app installation token. */
export interface TwinTokenConfig {
  /** The login that comments and commits made with the token are attributed to. */
  login: string
  /** May the token write? false plays a pull request from a fork (every write: 403). Default true. */
  write?: boolean
  /** 'installation' plays GITHUB_TOKEN or a GitHub App token (GET /user: 403); default 'user'. */
  kind?: 'installation' | 'user'
}

/** Tokens for the common cases: the workflow token, a fork's read-only token, a personal token and a GitHub App's installation token. */
export const DEFAULT_TWIN_TOKENS: Record<string, TwinTokenConfig> = {
  'ghs_workflow-token': { login: 'github-actions[bot]', kind: 'installation', write: true },
  'ghs_fork-token': { login: 'github-actions[bot]', kind: 'installation', write: false },
  'ghp_user-token': { login: 'octocat', kind: 'user', write: true },
  'ghs_app-token': { login: 'experiment-bot[bot]', kind: 'installation', write: true }
}

/** Options of startGitHubTwin. */
export interface GitHubTwinOptions {
  owner?: string
  repo?: string
  repositoryId?: number
  defaultBranch?: string
  private?: boolean
  /** Files of the initial commit on the default branch. */
  files?: Record<string, string>
  /** Tokens the twin accepts (default DEFAULT_TWIN_TOKENS). */
  tokens?: Record<string, TwinTokenConfig>
  /** Role of each collaborator: read, triage, write, maintain or admin. */
  collaborators?: Record<string, TwinRole>
  /** A path prefix the API lives under, e.g. '/api/v3' to play GitHub Enterprise Server. */
  pathPrefix?: string
  /** x-ratelimit-limit of every token (default 5000). */
  rateLimit?: number
  /** The twin's clock starts here and moves one second per timestamp it hands out (default 2025-01-01). */
  startTime?: string
  /** The repository setting "Allow auto-merge" (GitHub's default: off). */
  allowAutoMerge?: boolean
}

/** A repository role as GitHub names it. */
export type TwinRole = 'read' | 'triage' | 'write' | 'maintain' | 'admin'

/** A user or bot account as the API shows it. */
export interface TwinUser {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** A reaction on an issue comment. */
export interface TwinReaction {
  id: number
  content: string
  user: TwinUser
  created_at: string
}

/** An issue or pull request comment. */
export interface TwinComment {
  id: number
  issueNumber: number
  body: string
  user: TwinUser
  createdAt: string
  updatedAt: string
  reactions: TwinReaction[]
}

/** An issue; pull requests are issues too (shared numbers), marked by `pullRequest`. */
export interface TwinIssue {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  user: TwinUser
  createdAt: string
  updatedAt: string
  closedAt: string | null
  pullRequest: boolean
}

/** How a pull request was merged: GitHub's three merge buttons. */
export type TwinMergeMethod = 'merge' | 'squash' | 'rebase'

/** A pull request. */
export interface TwinPullRequest {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  user: TwinUser
  createdAt: string
  updatedAt: string
  closedAt: string | null
  /** When it was merged (null while open or when closed unmerged). */
  mergedAt: string | null
  /** Once merged: the merge commit, the squashed commit, or the last rebased commit on the base branch. */
  mergeCommitSha: string | null
  mergedBy: TwinUser | null
  head: { ref: string; sha: string; repoFullName: string }
  base: { ref: string; sha: string }
  /** Opened from a fork: GET commits/{sha}/pulls does not list it (as a workflow_run from a fork sees). */
  fromFork: boolean
  /** Auto-merge, once enabled through GraphQL's enablePullRequestAutoMerge. */
  autoMerge?: { enabledBy: TwinUser; mergeMethod: TwinMergeMethod } | null
}

/** A label. */
export interface TwinLabel {
  id: number
  name: string
  color: string
  description: string | null
}

/** A commit status. */
export interface TwinStatus {
  id: number
  sha: string
  state: string
  context: string
  description: string | null
  targetUrl: string | null
  creator: TwinUser
  createdAt: string
}

/** A GitHub Actions workflow run, as far as re-running its failed jobs goes. */
export interface TwinWorkflowRun {
  id: number
  headSha: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: 'success' | 'failure' | 'cancelled' | null
  /** Re-runs of its failed jobs requested through the API, with who asked. */
  reruns: { login: string; at: string }[]
}

/** Everything the twin holds besides git objects; tests may read and seed it. */
export interface TwinState {
  repository: { id: number; owner: string; name: string; defaultBranch: string; private: boolean }
  issues: Map<number, TwinIssue>
  pulls: Map<number, TwinPullRequest>
  comments: Map<number, TwinComment>
  labels: Map<string, TwinLabel>
  statuses: TwinStatus[]
  workflowRuns: Map<number, TwinWorkflowRun>
  collaborators: Map<string, TwinRole>
  /** Commits created through POST /git/commits: who made them and whether a custom author was given. */
  apiCommits: Map<string, { login: string; customAuthor: boolean }>
  /** Branches whose ref updates are refused, with the status used (422 or 403). */
  protectedBranches: Map<string, 422 | 403>
  /** The repository setting "Allow auto-merge". */
  allowAutoMerge: boolean
}

/** One request as the twin saw it. */
export interface TwinRequestRecord {
  method: string
  /** Path and query as received (the API prefix removed). */
  path: string
  status: number
  operationId?: string
  login?: string
  /** 'read' for GET and HEAD, 'write' otherwise. */
  kind: 'read' | 'write'
}

/** A request that broke the OpenAPI contract (unknown path, missing parameter, malformed body), or an answer of the twin that did. */
export interface TwinViolation {
  /** Whether the client's request or the twin's answer broke it. */
  side: 'request' | 'response'
  method: string
  path: string
  problems: string[]
}

/** A 5xx fault: the next `remaining` matching requests answer `status`. */
interface ServerFault {
  remaining: number
  status: number
  method?: string
  path?: RegExp
}

/** The running twin. */
export interface GitHubTwin {
  /** Base URL to give Octokit (includes the path prefix, if any). */
  url: string
  owner: string
  repo: string
  state: TwinState
  requests: TwinRequestRecord[]
  violations: TwinViolation[]
  tokens: Record<string, TwinTokenConfig>
  git: TwinGitRepository
  /** Requests recorded, optionally only those of one kind or operation. */
  countRequests(filter?: { kind?: 'read' | 'write'; operationId?: string; method?: string }): number
  /** Forgets recorded requests (not violations). */
  clearRequests(): void
  /** Returns the violations recorded so far and forgets them (for tests that provoke them on purpose). */
  takeViolations(): TwinViolation[]
  faults: {
    /** The next `count` requests answer 403 with retry-after: 1 and GitHub's secondary rate limit message. */
    secondaryRateLimit(count: number): void
    /** The next `count` requests answer 403 "API rate limit exceeded" with x-ratelimit-remaining: 0. */
    primaryRateLimit(count: number): void
    /** The next `count` requests (matching method/path when given) answer a 5xx. */
    serverError(count: number, match?: { status?: number; method?: string; path?: RegExp }): void
  }
  /** Refuses updates of a branch's ref like a branch protection rule (422 or 403). */
  protectBranch(branch: string, status?: 422 | 403): void
  addPullRequest(pr: {
    number?: number
    title?: string
    headRef: string
    headSha: string
    baseRef?: string
    baseSha?: string
    author?: string
    fromFork?: boolean
    state?: 'open' | 'closed'
  }): TwinPullRequest
  /**
   * Opens a pull request whose head is a real commit: `files` committed on `headRef` on top of the default
   * branch's head (or of `baseSha`).
   */
  openPullRequest(pr: {
    number?: number
    title?: string
    headRef: string
    files: Record<string, string>
    author?: string
    baseSha?: string
  }): Promise<TwinPullRequest>
  /**
   * Merges a pull request the way GitHub's button does and returns the commit the push event names (`after`):
   * `merge` writes a merge commit (parents: the base head and the PR head), `squash` one new commit with the PR's
   * changes, `rebase` the PR's commit replayed on the base head (a new sha). Either way merge_commit_sha is that
   * commit, never the PR's head sha, and the PR is closed with merged_at and merged_by set.
   */
  mergePullRequest(number: number, options: { method: TwinMergeMethod; mergedBy: string }): Promise<string>
  addIssue(issue: {
    title: string
    body?: string
    labels?: string[]
    state?: 'open' | 'closed'
    author?: string
  }): TwinIssue
  addIssueComment(comment: { issueNumber: number; body: string; author: string }): TwinComment
  /** A workflow run whose failed jobs may be re-run (completed with a failure unless said otherwise). */
  addWorkflowRun(run: {
    id: number
    headSha: string
    status?: TwinWorkflowRun['status']
    conclusion?: TwinWorkflowRun['conclusion']
  }): TwinWorkflowRun
  /** The user record for a login (created on first use). */
  user(login: string): TwinUser
  /**
   * Puts the API back as it started, on the same port: issues, pull requests, comments, labels, statuses, runs,
   * users, tokens, recorded requests, faults, rate-limit use, ids and the clock. For a test file that starts one twin
   * for all its tests (between tests, with no request in flight). The git repository is kept as it is. Throws,
   * listing them, when violations are left that the test did not take, as stop() does.
   */
  resetApi(): void
  /** Stops the server; rejects, listing them, when violations are left that the test did not take. */
  stop(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'

/** The `*_url` fields of a repository, as paths under its API URL (templates as GitHub writes them). */
const REPOSITORY_URL_PATHS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}'
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {}
}

const answer = (status: number, body?: unknown, headers?: Record<string, string>) =>
  new HttpAnswer(status, body, headers)
const notFound = () => answer(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
const validationFailed = (message: string, field?: string, resource?: string) =>
  answer(422, {
    message: 'Validation Failed',
    errors: [{ resource, code: 'custom', field, message }],
    documentation_url: DOCS,
    status: '422'
  })
const unprocessable = (message: string) => answer(422, { message, documentation_url: DOCS, status: '422' })

/** Throws an error listing the OpenAPI violations, if there are any. */
function throwViolations(violations: TwinViolation[]): void {
  if (!violations.length) return
  const listed = violations
    .slice(0, 20)
    .map(v => `  ${v.side} ${v.method} ${v.path}: ${v.problems.join('; ')}`)
  throw new Error(
    `The GitHub twin saw ${violations.length} break(s) of GitHub's OpenAPI description:\n${listed.join('\n')}`
  )
}

/** Starts a GitHub twin on a free loopback port. */
export async function startGitHubTwin(options: GitHubTwinOptions = {}): Promise<GitHubTwin> {
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'models'
  const defaultBranch = options.defaultBranch ?? 'main'
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '')
  /** Where GitHub serves GraphQL: /graphql on github.com, /api/graphql beside /api/v3 on Enterprise Server. */
  const graphqlPath = prefix ? `${prefix.replace(/\/v3$/, '')}/graphql` : '/graphql'
  const tokens = { ...(options.tokens ?? DEFAULT_TWIN_TOKENS) }
  const rateLimit = options.rateLimit ?? 5000
  const { operations, schemas } = loadOpenApiOperations()
  const git = await TwinGitRepository.create(defaultBranch, options.files ?? {})
  const initialHead = git.initialHead

  /** The API's state as the twin starts (and as resetApi leaves it). */
  const initialState = (): TwinState => ({
    repository: {
      id: options.repositoryId ?? 123456789,
      owner,
      name: repo,
      defaultBranch,
      private: options.private ?? false
    },
    issues: new Map(),
    pulls: new Map(),
    comments: new Map(),
    labels: new Map(),
    statuses: [],
    workflowRuns: new Map(),
    collaborators: new Map(Object.entries(options.collaborators ?? {})),
    apiCommits: new Map(),
    protectedBranches: new Map(),
    allowAutoMerge: options.allowAutoMerge ?? false
  })
  const state = initialState()
  const initialTokens = structuredClone(tokens)
  const requests: TwinRequestRecord[] = []
  const violations: TwinViolation[] = []
  const users = new Map<string, TwinUser>()
  const used = new Map<string, number>()
  const resetEpoch = Math.floor(Date.now() / 1000) + 3600
  let secondaryLimited = 0
  let primaryLimited = 0
  const serverFaults: ServerFault[] = []
  let nextId = 1000
  let tick = 0
  let origin = ''
  const startTime = options.startTime ? Date.parse(options.startTime) : Date.UTC(2025, 0, 1)
  const now = () => new Date(startTime + tick++ * 1000).toISOString().replace('.000Z', 'Z')
  let gitLock: Promise<unknown> = Promise.resolve()
  const withGitLock = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = gitLock.then(fn, fn)
    gitLock = result.catch(() => undefined)
    return result
  }

  const user = (login: string): TwinUser => {
    let u = users.get(login)
    if (!u) {
      u = {
        login,
        id: login === 'github-actions[bot]' ? 41898282 : 5000 + users.size,
        type: login.endsWith('[bot]') ? 'Bot' : 'User'
      }
      users.set(login, u)
    }
    return u
  }
  const repoUrl = () => `${origin}${prefix}/repos/${owner}/${repo}`
  const htmlUrl = () => `${origin}/${owner}/${repo}`
  const userJson = (u: TwinUser) => {
    const url = `${origin}${prefix}/users/${encodeURIComponent(u.login)}`
    return {
      login: u.login,
      id: u.id,
      node_id: `U_${u.id}`,
      avatar_url: `${origin}/avatars/u/${u.id}?v=4`,
      gravatar_id: '',
      url,
      html_url: `${origin}/${u.type === 'Bot' ? `apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}` : encodeURIComponent(u.login)}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false
    }
  }
  /** A repository as GitHub shows it: `full` for GET /repos/{owner}/{repo}, else the `repository` schema (PR heads). */
  const repositoryJson = (options: { login?: string; full?: boolean; fullName?: string } = {}) => {
    const fullName = options.fullName ?? `${owner}/${repo}`
    const [ownerLogin, name] = fullName.split('/')
    const url = `${origin}${prefix}/repos/${fullName}`
    const fork = fullName !== `${owner}/${repo}`
    const t = '2024-01-01T00:00:00Z'
    return {
      id: fork ? state.repository.id + 1 + users.size : state.repository.id,
      node_id: `R_${fullName}`,
      name,
      full_name: fullName,
      owner: userJson(user(ownerLogin)),
      private: state.repository.private,
      html_url: `${origin}/${fullName}`,
      description: null,
      fork,
      url,
      ...Object.fromEntries(Object.entries(REPOSITORY_URL_PATHS).map(([k, v]) => [k, `${url}${v}`])),
      git_url: `git://${new URL(origin).host}/${fullName}.git`,
      ssh_url: `git@${new URL(origin).host}:${fullName}.git`,
      clone_url: `${origin}/${fullName}.git`,
      svn_url: `${origin}/${fullName}`,
      mirror_url: null,
      homepage: null,
      language: null,
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: defaultBranch,
      open_issues_count: [...state.issues.values()].filter(i => i.state === 'open').length,
      open_issues: [...state.issues.values()].filter(i => i.state === 'open').length,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: state.repository.private ? 'private' : 'public',
      pushed_at: t,
      created_at: t,
      updated_at: t,
      license: null,
      allow_forking: true,
      web_commit_signoff_required: false,
      ...(options.login ? { permissions: permissionsFor(options.login) } : {}),
      ...(options.full ? { network_count: 0, subscribers_count: 0 } : {})
    }
  }
  const roleOf = (login: string): TwinRole | 'none' =>
    state.collaborators.get(login) ?? (login === owner ? 'admin' : state.repository.private ? 'none' : 'read')
  const permissionsFor = (login: string) => {
    const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(roleOf(login))
    return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 }
  }
  const labelJson = (name: string) => {
    const l = state.labels.get(name) ?? { id: 0, name, color: 'ededed', description: null }
    return {
      id: l.id,
      node_id: `LA_${l.id}`,
      url: `${repoUrl()}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      color: l.color,
      description: l.description,
      default: false
    }
  }
  const ensureLabel = (name: string) => {
    if (!state.labels.has(name))
      state.labels.set(name, { id: nextId++, name, color: 'ededed', description: null })
  }
  const reactionSummary = (c: TwinComment) => {
    const counts: Record<string, number> = {
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    }
    for (const r of c.reactions) counts[r.content]++
    return {
      url: `${repoUrl()}/issues/comments/${c.id}/reactions`,
      total_count: c.reactions.length,
      ...counts
    }
  }
  const commentJson = (c: TwinComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl()}/issues/comments/${c.id}`,
    html_url: `${htmlUrl()}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${repoUrl()}/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: appJson(c.user),
    reactions: reactionSummary(c)
  })
  const reactionJson = (r: TwinReaction) => ({ ...r, node_id: `REA_${r.id}`, user: userJson(r.user) })
  /** The GitHub App a bot account belongs to (performed_via_github_app), null for users and the Actions bot's token. */
  const appJson = (u: TwinUser) => {
    if (u.type !== 'Bot') return null
    const slug = u.login.replace(/\[bot\]$/, '')
    return {
      id: 100_000 + u.id,
      slug,
      node_id: `A_${slug}`,
      client_id: `Iv1.${u.id}`,
      owner: userJson(user(slug === 'github-actions' ? 'github' : owner)),
      name: slug,
      description: null,
      external_url: `${origin}/apps/${slug}`,
      html_url: `${origin}/apps/${slug}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      permissions: { issues: 'write', pull_requests: 'write', contents: 'write', metadata: 'read' },
      events: []
    }
  }
  const issueJson = (i: TwinIssue) => ({
    id: 9_000_000 + i.number,
    node_id: `I_${i.number}`,
    url: `${repoUrl()}/issues/${i.number}`,
    repository_url: repoUrl(),
    labels_url: `${repoUrl()}/issues/${i.number}/labels{/name}`,
    comments_url: `${repoUrl()}/issues/${i.number}/comments`,
    events_url: `${repoUrl()}/issues/${i.number}/events`,
    html_url: `${htmlUrl()}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    locked: false,
    labels: i.labels.map(labelJson),
    user: userJson(i.user),
    assignee: null,
    assignees: [],
    milestone: null,
    active_lock_reason: null,
    comments: [...state.comments.values()].filter(c => c.issueNumber === i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: 'MEMBER',
    ...(i.pullRequest
      ? {
          pull_request: {
            url: `${repoUrl()}/pulls/${i.number}`,
            html_url: `${htmlUrl()}/pull/${i.number}`,
            diff_url: `${htmlUrl()}/pull/${i.number}.diff`,
            patch_url: `${htmlUrl()}/pull/${i.number}.patch`,
            merged_at: state.pulls.get(i.number)?.mergedAt ?? null
          }
        }
      : {})
  })
  /** A pull request as list endpoints show it (pull-request-simple: merged_at, no merged). */
  const pullSimpleJson = (p: TwinPullRequest) => {
    const url = `${repoUrl()}/pulls/${p.number}`
    const issueUrl = `${repoUrl()}/issues/${p.number}`
    const html = `${htmlUrl()}/pull/${p.number}`
    const statuses = `${repoUrl()}/statuses/${p.head.sha}`
    const headOwner = p.head.repoFullName.split('/')[0]
    return {
      url,
      id: 8_000_000 + p.number,
      node_id: `PR_${p.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${repoUrl()}/pulls/comments{/number}`,
      comments_url: `${issueUrl}/comments`,
      statuses_url: statuses,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: userJson(p.user),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${headOwner}:${p.head.ref}`,
        ref: p.head.ref,
        sha: p.head.sha,
        user: userJson(user(headOwner)),
        repo: repositoryJson({ fullName: p.head.repoFullName })
      },
      base: {
        label: `${owner}:${p.base.ref}`,
        ref: p.base.ref,
        sha: p.base.sha,
        user: userJson(user(owner)),
        repo: repositoryJson()
      },
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${repoUrl()}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: statuses }
      },
      author_association: p.fromFork ? 'CONTRIBUTOR' : 'MEMBER',
      auto_merge: p.autoMerge
        ? {
            enabled_by: userJson(p.autoMerge.enabledBy),
            merge_method: p.autoMerge.mergeMethod,
            commit_title: '',
            commit_message: ''
          }
        : null,
      draft: p.draft
    }
  }
  /** A pull request as GET /pulls/{number} shows it (pull-request: merged, merged_by, mergeable …). */
  const pullJson = (p: TwinPullRequest) => ({
    ...pullSimpleJson(p),
    merged: p.mergedAt !== null,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: p.mergedBy ? userJson(p.mergedBy) : null,
    comments: [...state.comments.values()].filter(c => c.issueNumber === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1
  })
  const gitCommitJson = (c: GitCommitObject) => {
    const meta = state.apiCommits.get(c.sha)
    const verified = meta ? !meta.customAuthor : false
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${repoUrl()}/git/commits/${c.sha}`,
      html_url: `${htmlUrl()}/commit/${c.sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${repoUrl()}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map(p => ({
        sha: p,
        url: `${repoUrl()}/git/commits/${p}`,
        html_url: `${htmlUrl()}/commit/${p}`
      })),
      verification: verified
        ? {
            verified: true,
            reason: 'valid',
            signature: '-----BEGIN PGP SIGNATURE-----(twin)',
            payload: null,
            verified_at: now()
          }
        : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    }
  }
  const refJson = (ref: string, sha: string) => ({
    ref,
    node_id: `REF_${ref}`,
    url: `${repoUrl()}/git/${ref}`,
    object: { sha, type: 'commit', url: `${repoUrl()}/git/commits/${sha}` }
  })

  /** Pages `items` like GitHub: per_page (default 30, at most 100), page, and a Link header of absolute URLs. */
  const paginate = <T>(items: T[], query: URLSearchParams, linkPath: string) => {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const pageItems = items.slice((page - 1) * perPage, page * perPage)
    const link = (n: number, rel: string) => {
      const q = new URLSearchParams(query)
      q.set('page', String(n))
      return `<${origin}${prefix}${linkPath}?${q.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {}
    return { items: pageItems, headers }
  }

  const checkBodyLength = (body: unknown, resource: string): HttpAnswer | undefined => {
    if (typeof body === 'string' && Array.from(body).length > GITHUB_BODY_LIMIT) {
      return validationFailed(
        `Body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)`,
        'body',
        resource
      )
    }
    return undefined
  }

  type Handler = (ctx: {
    params: Record<string, string>
    query: URLSearchParams
    body: Record<string, unknown>
    login: string
    token: TwinTokenConfig
    accept: string
  }) => Promise<HttpAnswer> | HttpAnswer

  const issueCommentsPath = (n: number) => `/repositories/${state.repository.id}/issues/${n}/comments`

  const handlers: Record<string, Handler> = {
    'users/get-authenticated': ({ token, login }) =>
      token.kind === 'installation'
        ? answer(403, {
            message: 'Resource not accessible by integration',
            documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
            status: '403'
          })
        : answer(200, {
            ...userJson(user(login)),
            name: login,
            company: null,
            blog: '',
            location: null,
            email: null,
            hireable: null,
            bio: null,
            public_repos: 1,
            public_gists: 0,
            followers: 0,
            following: 0,
            created_at: '2020-01-01T00:00:00Z',
            updated_at: '2024-01-01T00:00:00Z'
          }),
    'rate-limit/get': ({ login }) => {
      const core = {
        limit: rateLimit,
        used: used.get(login) ?? 0,
        remaining: rateLimit - (used.get(login) ?? 0),
        reset: resetEpoch
      }
      return answer(200, { resources: { core }, rate: core })
    },
    'repos/get': ({ login }) => answer(200, repositoryJson({ login, full: true })),
    'pulls/list': ({ query }) => {
      const stateFilter = query.get('state') ?? 'open'
      const head = query.get('head')
      const base = query.get('base')
      const list = [...state.pulls.values()]
        .filter(p => stateFilter === 'all' || p.state === stateFilter)
        .filter(p => !head || `${p.head.repoFullName.split('/')[0]}:${p.head.ref}` === head)
        .filter(p => !base || p.base.ref === base)
        .sort((a, b) => (query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number))
      const page = paginate(list, query, `/repositories/${state.repository.id}/pulls`)
      return answer(200, page.items.map(pullSimpleJson), page.headers)
    },
    'pulls/get': ({ params }) => {
      const pr = state.pulls.get(Number(params.pull_number))
      return pr ? answer(200, pullJson(pr)) : notFound()
    },
    'repos/list-pull-requests-associated-with-commit': async ({ params, query }) => {
      // GitHub: for a commit on the default branch, the merged pull request that introduced it; otherwise the
      // open and merged pull requests whose head it is (never those of forks).
      const sha = params.commit_sha
      const pulls = [...state.pulls.values()]
      const tip = await git.revParse(`refs/heads/${defaultBranch}`)
      const onDefault =
        tip !== undefined && (await git.objectType(sha)) === 'commit' && (await git.isAncestor(sha, tip))
      const list = onDefault
        ? pulls.filter(p => p.mergedAt !== null && (p.mergeCommitSha === sha || p.head.sha === sha))
        : pulls.filter(p => p.head.sha === sha && !p.fromFork)
      const page = paginate(
        list,
        query,
        `/repositories/${state.repository.id}/commits/${params.commit_sha}/pulls`
      )
      return answer(200, page.items.map(pullSimpleJson), page.headers)
    },
    'issues/list-comments': ({ params, query }) => {
      const n = Number(params.issue_number)
      if (!state.issues.has(n)) return notFound()
      const since = query.get('since')
      const list = [...state.comments.values()]
        .filter(c => c.issueNumber === n && (!since || c.updatedAt >= since))
        .sort((a, b) => a.id - b.id)
      const page = paginate(list, query, issueCommentsPath(n))
      return answer(200, page.items.map(commentJson), page.headers)
    },
    'issues/create-comment': ({ params, body, login }) => {
      const n = Number(params.issue_number)
      if (!state.issues.has(n)) return notFound()
      const tooLong = checkBodyLength(body.body, 'IssueComment')
      if (tooLong) return tooLong
      const t = now()
      const c: TwinComment = {
        id: nextId++,
        issueNumber: n,
        body: String(body.body),
        user: user(login),
        createdAt: t,
        updatedAt: t,
        reactions: []
      }
      state.comments.set(c.id, c)
      return answer(201, commentJson(c), { location: `${repoUrl()}/issues/comments/${c.id}` })
    },
    'issues/get-comment': ({ params }) => {
      const c = state.comments.get(Number(params.comment_id))
      return c ? answer(200, commentJson(c)) : notFound()
    },
    'issues/update-comment': ({ params, body }) => {
      const c = state.comments.get(Number(params.comment_id))
      if (!c) return notFound()
      const tooLong = checkBodyLength(body.body, 'IssueComment')
      if (tooLong) return tooLong
      c.body = String(body.body)
      c.updatedAt = now()
      return answer(200, commentJson(c))
    },
    'issues/delete-comment': ({ params }) => {
      const id = Number(params.comment_id)
      if (!state.comments.has(id)) return notFound()
      state.comments.delete(id)
      return answer(204)
    },
    'reactions/list-for-issue-comment': ({ params, query }) => {
      const c = state.comments.get(Number(params.comment_id))
      if (!c) return notFound()
      const content = query.get('content')
      const list = c.reactions.filter(r => !content || r.content === content)
      const page = paginate(
        list,
        query,
        `/repositories/${state.repository.id}/issues/comments/${c.id}/reactions`
      )
      return answer(200, page.items.map(reactionJson), page.headers)
    },
    'reactions/create-for-issue-comment': ({ params, body, login }) => {
      const c = state.comments.get(Number(params.comment_id))
      if (!c) return notFound()
      const existing = c.reactions.find(r => r.user.login === login && r.content === body.content)
      if (existing) return answer(200, reactionJson(existing))
      const r: TwinReaction = {
        id: nextId++,
        content: String(body.content),
        user: user(login),
        created_at: now()
      }
      c.reactions.push(r)
      return answer(201, reactionJson(r))
    },
    'repos/get-content': async ({ params, query, accept }) => {
      const ref = query.get('ref') ?? defaultBranch
      const commit = await git.resolveCommit(ref)
      if (!commit)
        return answer(404, {
          message: `No commit found for the ref ${ref}`,
          documentation_url: DOCS,
          status: '404'
        })
      const entry = await git.entryAt(commit, params.path)
      if (!entry) return notFound()
      const fileJson = (e: { path: string; sha: string; size?: number; type: string }) => ({
        type: e.type === 'blob' ? 'file' : e.type === 'tree' ? 'dir' : 'submodule',
        name: e.path.split('/').pop(),
        path: e.path,
        sha: e.sha,
        size: e.size ?? 0,
        url: `${repoUrl()}/contents/${e.path}?ref=${encodeURIComponent(ref)}`,
        html_url: `${htmlUrl()}/blob/${ref}/${e.path}`,
        git_url: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        download_url: e.type === 'blob' ? `${origin}/raw/${owner}/${repo}/${ref}/${e.path}` : null,
        _links: {
          self: `${repoUrl()}/contents/${e.path}?ref=${encodeURIComponent(ref)}`,
          git: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
          html: `${htmlUrl()}/blob/${ref}/${e.path}`
        }
      })
      if (entry.type === 'tree') {
        const children = await git.listTree(entry.sha)
        return answer(
          200,
          children.map(c => fileJson({ ...c, path: entry.path ? `${entry.path}/${c.path}` : c.path }))
        )
      }
      const content = await git.readBlob(entry.sha)
      if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
        return answer(200, content, { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' })
      }
      const base64 = content.toString('base64').replace(/(.{60})/g, '$1\n')
      return answer(200, { ...fileJson(entry), content: base64, encoding: 'base64' })
    },
    'git/get-ref': async ({ params }) => {
      const sha = await git.revParse(`refs/${params.ref}`)
      return sha ? answer(200, refJson(`refs/${params.ref}`, sha)) : notFound()
    },
    'git/create-ref': ({ body }) =>
      withGitLock(async () => {
        const ref = String(body.ref)
        if (!/^refs\/.+/.test(ref) || ref.split('/').length < 3)
          return unprocessable('Reference name must start with refs/ and have at least two slashes.')
        if ((await git.objectType(String(body.sha))) !== 'commit')
          return unprocessable('Object does not exist')
        if (await git.revParse(ref)) return unprocessable('Reference already exists')
        await git.updateRef(ref, String(body.sha), '')
        return answer(201, refJson(ref, String(body.sha)))
      }),
    'git/update-ref': ({ params, body }) =>
      withGitLock(async () => {
        const ref = `refs/${params.ref}`
        const branch = params.ref.replace(/^heads\//, '')
        const protection = params.ref.startsWith('heads/') ? state.protectedBranches.get(branch) : undefined
        if (protection === 422) {
          return answer(422, {
            message: `Protected branch update failed for ${ref}.`,
            documentation_url: `${DOCS}/git/refs#update-a-reference`,
            status: '422'
          })
        }
        if (protection === 403) {
          return answer(403, {
            message: `Repository rule violations found\n\nCannot update this protected ref.\n\n`,
            documentation_url:
              'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets',
            status: '403'
          })
        }
        const current = await git.revParse(ref)
        if (!current) return unprocessable('Reference does not exist')
        const sha = String(body.sha)
        if ((await git.objectType(sha)) !== 'commit') return unprocessable('Object does not exist')
        if (body.force !== true && !(await git.isAncestor(current, sha))) {
          return unprocessable('Update is not a fast forward')
        }
        if (!(await git.updateRef(ref, sha, current))) return unprocessable('Update is not a fast forward')
        followPullRequestHeads(branch, sha)
        return answer(200, refJson(ref, sha))
      }),
    'pulls/create': ({ body, login }) =>
      withGitLock(async () => {
        const headSpec = String(body.head)
        const [headOwner, headRef] = headSpec.includes(':') ? headSpec.split(':', 2) : [owner, headSpec]
        const baseRef = String(body.base)
        if (headOwner.toLowerCase() !== owner.toLowerCase())
          return validationFailed(
            `head ${headSpec} is not a branch of ${owner}/${repo}`,
            'head',
            'PullRequest'
          )
        const headSha = await git.revParse(`refs/heads/${headRef}`)
        const baseSha = await git.revParse(`refs/heads/${baseRef}`)
        if (!headSha) return validationFailed('head invalid', 'head', 'PullRequest')
        if (!baseSha) return validationFailed('base invalid', 'base', 'PullRequest')
        if (await git.isAncestor(headSha, baseSha))
          return validationFailed(`No commits between ${baseRef} and ${headRef}`, undefined, 'PullRequest')
        const open = [...state.pulls.values()].find(
          p => p.state === 'open' && !p.fromFork && p.head.ref === headRef && p.base.ref === baseRef
        )
        if (open)
          return validationFailed(
            `A pull request already exists for ${owner}:${headRef}.`,
            undefined,
            'PullRequest'
          )
        const tooLong = checkBodyLength(body.body, 'PullRequest')
        if (tooLong) return tooLong
        const mergeBase = (await git.git(['merge-base', headSha, baseSha])).toString('utf8').trim()
        const pr = twin.addPullRequest({
          title: String(body.title ?? ''),
          headRef,
          headSha,
          baseRef,
          baseSha: mergeBase,
          author: login
        })
        pr.body = typeof body.body === 'string' ? body.body : null
        pr.draft = body.draft === true
        const issue = state.issues.get(pr.number)
        if (issue) issue.body = pr.body
        return answer(201, pullJson(pr))
      }),
    'pulls/list-files': async ({ params, query }) => {
      const pr = state.pulls.get(Number(params.pull_number))
      if (!pr) return notFound()
      const before = new Map((await git.listTree(pr.base.sha, true)).map(e => [e.path, e]))
      const after = new Map((await git.listTree(pr.head.sha, true)).map(e => [e.path, e]))
      const files: { filename: string; sha: string; status: 'added' | 'removed' | 'modified' }[] = []
      for (const [filename, e] of after) {
        const was = before.get(filename)
        if (!was) files.push({ filename, sha: e.sha, status: 'added' })
        else if (was.sha !== e.sha) files.push({ filename, sha: e.sha, status: 'modified' })
      }
      for (const [filename, e] of before)
        if (!after.has(filename)) files.push({ filename, sha: e.sha, status: 'removed' })
      files.sort((a, b) => a.filename.localeCompare(b.filename))
      const page = paginate(files, query, `/repositories/${state.repository.id}/pulls/${pr.number}/files`)
      return answer(
        200,
        page.items.map(f => ({
          ...f,
          additions: 1,
          deletions: f.status === 'added' ? 0 : 1,
          changes: f.status === 'added' ? 1 : 2,
          blob_url: `${htmlUrl()}/blob/${pr.head.sha}/${f.filename}`,
          raw_url: `${htmlUrl()}/raw/${pr.head.sha}/${f.filename}`,
          contents_url: `${repoUrl()}/contents/${f.filename}?ref=${pr.head.sha}`
        })),
        page.headers
      )
    },
    'pulls/merge': async ({ params, body, login }) => {
      const pr = state.pulls.get(Number(params.pull_number))
      if (!pr) return notFound()
      if (pr.state !== 'open')
        return answer(405, {
          message: 'Pull Request is not mergeable',
          documentation_url: DOCS,
          status: '405'
        })
      if (state.protectedBranches.has(pr.base.ref))
        return answer(405, {
          message: 'At least 1 approving review is required by reviewers with write access.',
          documentation_url: `${DOCS}/pulls/pulls#merge-a-pull-request`,
          status: '405'
        })
      if (typeof body.sha === 'string' && body.sha !== pr.head.sha)
        return answer(409, {
          message: 'Head branch was modified. Review and try the merge again.',
          documentation_url: DOCS,
          status: '409'
        })
      const method = (typeof body.merge_method === 'string' ? body.merge_method : 'merge') as TwinMergeMethod
      const sha = await twin.mergePullRequest(pr.number, { method, mergedBy: login })
      return answer(200, { sha, merged: true, message: 'Pull Request successfully merged' })
    },
    'git/get-commit': async ({ params }) => {
      if ((await git.objectType(params.commit_sha)) !== 'commit') return notFound()
      return answer(200, gitCommitJson(await git.readCommit(params.commit_sha)))
    },
    'git/create-commit': async ({ body, login }) => {
      const tree = String(body.tree)
      if ((await git.objectType(tree)) !== 'tree') return unprocessable('Tree SHA does not exist')
      const parents = (body.parents as string[] | undefined) ?? []
      for (const p of parents) {
        if ((await git.objectType(p)) !== 'commit')
          return unprocessable('Parent SHA does not exist or is not a commit object')
      }
      const t = now()
      const customAuthor = body.author !== undefined || body.committer !== undefined
      const asUser = user(login)
      const tokenPerson = { name: login, email: `${asUser.id}+${login}@users.noreply.github.com`, date: t }
      const given = (p: unknown) => {
        const o = p as { name: string; email: string; date?: string }
        return { name: o.name, email: o.email, date: o.date ?? t }
      }
      const author = body.author ? given(body.author) : tokenPerson
      const committer = body.committer
        ? given(body.committer)
        : customAuthor
          ? author
          : { name: 'GitHub', email: 'noreply@github.com', date: t }
      const sha = await git.writeCommit({ tree, parents, message: String(body.message), author, committer })
      state.apiCommits.set(sha, { login, customAuthor })
      return answer(201, gitCommitJson(await git.readCommit(sha)))
    },
    'git/create-blob': async ({ body }) => {
      const encoding = (body.encoding as string | undefined) ?? 'utf-8'
      if (encoding !== 'utf-8' && encoding !== 'base64')
        return unprocessable(`encoding must be utf-8 or base64, not ${encoding}`)
      const sha = await git.writeBlob(
        Buffer.from(String(body.content), encoding === 'base64' ? 'base64' : 'utf8')
      )
      return answer(201, { sha, url: `${repoUrl()}/git/blobs/${sha}` })
    },
    'git/get-blob': async ({ params }) => {
      if ((await git.objectType(params.file_sha)) !== 'blob') return notFound()
      const content = await git.readBlob(params.file_sha)
      return answer(200, {
        sha: params.file_sha,
        node_id: `B_${params.file_sha}`,
        size: content.length,
        url: `${repoUrl()}/git/blobs/${params.file_sha}`,
        content: content.toString('base64').replace(/(.{60})/g, '$1\n'),
        encoding: 'base64'
      })
    },
    'git/create-tree': async ({ body }) => {
      const entries = new Map<string, { mode: string; type: string; sha: string }>()
      if (body.base_tree !== undefined) {
        const base = String(body.base_tree)
        if ((await git.objectType(base)) !== 'tree')
          return unprocessable(`base_tree ${base} is not a valid tree oid`)
        for (const e of await git.listTree(base, true)) entries.set(e.path, e)
      }
      for (const item of body.tree as {
        path?: string
        mode?: string
        type?: string
        sha?: string | null
        content?: string
      }[]) {
        const filePath = String(item.path ?? '').replace(/^\/+/, '')
        if (!filePath || filePath.split('/').some(p => p === '' || p === '.' || p === '..')) {
          return unprocessable(`tree.path ${JSON.stringify(item.path)} is not a valid path`)
        }
        if (item.sha !== undefined && item.content !== undefined) {
          return unprocessable('tree entries may specify either sha or content, not both')
        }
        if (item.sha === null) {
          for (const key of [...entries.keys()])
            if (key === filePath || key.startsWith(`${filePath}/`)) entries.delete(key)
          continue
        }
        const type = item.type ?? 'blob'
        const mode = item.mode ?? '100644'
        let sha: string
        if (item.content !== undefined) sha = await git.writeBlob(item.content)
        else if (item.sha) {
          if (type !== 'commit' && (await git.objectType(item.sha)) !== type) {
            return unprocessable(`tree.sha ${item.sha} is not a valid ${type}`)
          }
          sha = item.sha
        } else return unprocessable(`tree entry ${filePath} needs a sha or content`)
        for (const key of [...entries.keys()]) if (key.startsWith(`${filePath}/`)) entries.delete(key)
        if (type === 'tree') {
          for (const e of await git.listTree(sha, true)) entries.set(`${filePath}/${e.path}`, e)
        } else {
          entries.set(filePath, { mode, type, sha })
        }
      }
      const sha = await git.writeTreeFromPaths(entries)
      const top = await git.listTree(sha)
      return answer(201, {
        sha,
        url: `${repoUrl()}/git/trees/${sha}`,
        tree: top.map(e => ({ ...e, url: `${repoUrl()}/git/${e.type}s/${e.sha}` })),
        truncated: false
      })
    },
    'git/get-tree': async ({ params, query }) => {
      const sha = (await git.revParse(`${params.tree_sha}^{tree}`)) ?? undefined
      if (!sha) return notFound()
      const recursive =
        query.get('recursive') !== null &&
        query.get('recursive') !== '0' &&
        query.get('recursive') !== 'false'
      const list = recursive ? await git.listTree(sha, true) : await git.listTree(sha)
      return answer(200, { sha, url: `${repoUrl()}/git/trees/${sha}`, tree: list, truncated: false })
    },
    'issues/list-for-repo': ({ query }) => {
      const stateFilter = query.get('state') ?? 'open'
      const labels = (query.get('labels') ?? '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
      const creator = query.get('creator')
      const direction = query.get('direction') ?? 'desc'
      const list = [...state.issues.values()]
        .filter(i => stateFilter === 'all' || i.state === stateFilter)
        .filter(i => labels.every(l => i.labels.some(x => x.toLowerCase() === l.toLowerCase())))
        .filter(i => !creator || i.user.login === creator)
        .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number))
      const page = paginate(list, query, `/repositories/${state.repository.id}/issues`)
      return answer(200, page.items.map(issueJson), page.headers)
    },
    'issues/create': ({ body, login }) => {
      const tooLong = checkBodyLength(body.body, 'Issue')
      if (tooLong) return tooLong
      const labels = labelNames(body.labels)
      labels.forEach(ensureLabel)
      const t = now()
      const issue: TwinIssue = {
        number: nextIssueNumber(),
        title: String(body.title),
        body: (body.body as string | undefined) ?? null,
        state: 'open',
        stateReason: null,
        labels,
        user: user(login),
        createdAt: t,
        updatedAt: t,
        closedAt: null,
        pullRequest: false
      }
      state.issues.set(issue.number, issue)
      return answer(201, issueJson(issue))
    },
    'issues/get': ({ params }) => {
      const issue = state.issues.get(Number(params.issue_number))
      return issue ? answer(200, issueJson(issue)) : notFound()
    },
    'issues/update': ({ params, body }) => {
      const issue = state.issues.get(Number(params.issue_number))
      if (!issue) return notFound()
      const tooLong = checkBodyLength(body.body, 'Issue')
      if (tooLong) return tooLong
      if (body.title !== undefined) issue.title = String(body.title)
      if (body.body !== undefined) issue.body = body.body as string | null
      if (body.labels !== undefined) {
        issue.labels = labelNames(body.labels)
        issue.labels.forEach(ensureLabel)
      }
      if (body.state !== undefined && body.state !== issue.state) {
        issue.state = body.state as 'open' | 'closed'
        issue.closedAt = issue.state === 'closed' ? now() : null
        issue.stateReason =
          issue.state === 'closed' ? ((body.state_reason as string | undefined) ?? 'completed') : 'reopened'
        if (issue.pullRequest) {
          const pr = state.pulls.get(issue.number)
          if (pr) pr.state = issue.state
        }
      }
      issue.updatedAt = now()
      return answer(200, issueJson(issue))
    },
    'issues/list-labels-for-repo': ({ query }) => {
      const page = paginate([...state.labels.keys()], query, `/repositories/${state.repository.id}/labels`)
      return answer(200, page.items.map(labelJson), page.headers)
    },
    'issues/create-label': ({ body }) => {
      const name = String(body.name)
      if ([...state.labels.keys()].some(k => k.toLowerCase() === name.toLowerCase())) {
        return answer(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          documentation_url: DOCS,
          status: '422'
        })
      }
      state.labels.set(name, {
        id: nextId++,
        name,
        color: String(body.color ?? 'ededed').replace(/^#/, ''),
        description: (body.description as string | undefined) ?? null
      })
      return answer(201, labelJson(name))
    },
    'issues/add-labels': ({ params, body }) => {
      const issue = state.issues.get(Number(params.issue_number))
      if (!issue) return notFound()
      const names = labelNames(Array.isArray(body) ? body : body.labels)
      for (const name of names) {
        ensureLabel(name)
        if (!issue.labels.includes(name)) issue.labels.push(name)
      }
      return answer(200, issue.labels.map(labelJson))
    },
    'repos/get-collaborator-permission-level': ({ params }) => {
      const role = roleOf(params.username)
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
      return answer(200, {
        permission,
        role_name: role,
        user: {
          ...userJson(user(params.username)),
          permissions: permissionsFor(params.username),
          role_name: role
        }
      })
    },
    'actions/re-run-workflow-failed-jobs': ({ params, login }) => {
      const run = state.workflowRuns.get(Number(params.run_id))
      if (!run) return notFound()
      // GitHub refuses a run that has not completed, and one with no failed job to re-run.
      if (run.status !== 'completed')
        return answer(403, {
          message: 'This workflow is already running',
          documentation_url: DOCS,
          status: '403'
        })
      if (run.conclusion === 'success')
        return answer(403, {
          message: 'This workflow run cannot be retried',
          documentation_url: DOCS,
          status: '403'
        })
      run.reruns.push({ login, at: now() })
      run.status = 'queued'
      run.conclusion = null
      return answer(201, {})
    },
    'repos/create-commit-status': async ({ params, body, login }) => {
      const known = [...state.pulls.values()].some(p => p.head.sha === params.sha)
      if (!known && (await git.objectType(params.sha)) !== 'commit') {
        return unprocessable(`No commit found for SHA: ${params.sha}`)
      }
      const s: TwinStatus = {
        id: nextId++,
        sha: params.sha,
        state: String(body.state),
        context: (body.context as string | undefined) ?? 'default',
        description: (body.description as string | undefined) ?? null,
        targetUrl: (body.target_url as string | undefined) ?? null,
        creator: user(login),
        createdAt: now()
      }
      state.statuses.push(s)
      return answer(201, {
        id: s.id,
        url: `${repoUrl()}/statuses/${s.sha}`,
        state: s.state,
        description: s.description,
        target_url: s.targetUrl,
        context: s.context,
        created_at: s.createdAt,
        updated_at: s.createdAt,
        avatar_url: userJson(s.creator).avatar_url,
        node_id: `SC_${s.id}`,
        creator: userJson(s.creator)
      })
    }
  }

  function labelNames(value: unknown): string[] {
    if (!Array.isArray(value)) return []
    return value.map(v => (typeof v === 'string' ? v : String((v as { name?: string }).name ?? '')))
  }
  function nextIssueNumber(): number {
    return Math.max(0, ...state.issues.keys()) + 1
  }

  const rateHeaders = (login: string | undefined, exhausted = false): Record<string, string> => {
    const key = login ?? '(anonymous)'
    const count = (used.get(key) ?? 0) + 1
    used.set(key, count)
    return {
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': exhausted ? '0' : String(Math.max(0, rateLimit - count)),
      'x-ratelimit-reset': String(exhausted ? Math.floor(Date.now() / 1000) + 1 : resetEpoch),
      'x-ratelimit-used': String(exhausted ? rateLimit : count),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `TWIN:${requests.length + 1}`
    }
  }

  /** Keeps an open pull request's head on its branch's tip, as GitHub does when the branch moves. */
  function followPullRequestHeads(branch: string, sha: string): void {
    for (const p of state.pulls.values())
      if (p.state === 'open' && !p.fromFork && p.head.ref === branch) {
        p.head.sha = sha
        p.updatedAt = now()
      }
  }

  /**
   * GitHub's GraphQL endpoint, for the one operation the project uses: enablePullRequestAutoMerge. It answers as
   * GitHub does: 200 with `data`, or 200 with `errors` (type and message) when the mutation is refused.
   */
  async function graphql(
    req: IncomingMessage,
    method: string,
    recordViolation: (problems: string[]) => void
  ): Promise<{ answer: HttpAnswer; login?: string; graphqlOperation: string }> {
    const operation = 'graphql/enable-pull-request-auto-merge'
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = auth ? tokens[auth] : undefined
    const done = (a: HttpAnswer, graphqlOperation = operation) => ({
      answer: a,
      login: token?.login,
      graphqlOperation
    })
    if (method !== 'POST') {
      recordViolation(['GitHub serves GraphQL on POST only'])
      return done(notFound(), 'graphql')
    }
    if (!token) return done(answer(401, { message: 'Bad credentials', documentation_url: DOCS }), 'graphql')
    let request: { query?: unknown; variables?: Record<string, unknown> }
    try {
      request = JSON.parse((await readBody(req)).toString('utf8')) as typeof request
    } catch {
      recordViolation(['GraphQL body is not JSON'])
      return done(answer(400, { message: 'Problems parsing JSON', documentation_url: DOCS }), 'graphql')
    }
    const query = typeof request.query === 'string' ? request.query : ''
    const refused = (type: string, message: string) =>
      done(
        answer(200, {
          data: { enablePullRequestAutoMerge: null },
          errors: [
            { type, path: ['enablePullRequestAutoMerge'], locations: [{ line: 2, column: 3 }], message }
          ]
        })
      )
    if (!/^\s*mutation\b[\s\S]*\benablePullRequestAutoMerge\s*\(/.test(query)) {
      recordViolation([`the twin serves no GraphQL operation like ${JSON.stringify(query.slice(0, 80))}`])
      return done(
        answer(200, { errors: [{ message: 'The twin serves only enablePullRequestAutoMerge' }] }),
        'graphql'
      )
    }
    const variables = request.variables ?? {}
    const id = variables.pullRequestId
    const mergeMethod = variables.mergeMethod
    if (typeof id !== 'string' || !['MERGE', 'SQUASH', 'REBASE'].includes(String(mergeMethod))) {
      recordViolation([
        `enablePullRequestAutoMerge variables ${JSON.stringify(variables)}: expected pullRequestId (ID!) and mergeMethod (MERGE, SQUASH or REBASE)`
      ])
      return done(
        answer(200, { errors: [{ message: 'Variable $mergeMethod was provided an invalid value' }] })
      )
    }
    const pr = /^PR_(\d+)$/.test(id) ? state.pulls.get(Number(id.slice(3))) : undefined
    if (!pr) return refused('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`)
    if (token.write === false) return refused('FORBIDDEN', 'Resource not accessible by integration')
    if (!state.allowAutoMerge)
      return refused('UNPROCESSABLE', 'Pull request Auto merge is not allowed for this repository')
    if (pr.state !== 'open') return refused('UNPROCESSABLE', 'Pull request Pull request is closed')
    if (!state.protectedBranches.has(pr.base.ref))
      return refused('UNPROCESSABLE', 'Pull request Pull request is in clean status')
    pr.autoMerge = {
      enabledBy: user(token.login),
      mergeMethod: String(mergeMethod).toLowerCase() as TwinMergeMethod
    }
    return done(
      answer(200, {
        data: {
          enablePullRequestAutoMerge: {
            pullRequest: {
              number: pr.number,
              autoMergeRequest: { enabledAt: now(), mergeMethod: String(mergeMethod) }
            }
          }
        }
      })
    )
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  async function handle(req: IncomingMessage): Promise<{
    answer: HttpAnswer
    login?: string
    operation?: OpenApiOperation
    graphqlOperation?: string
  }> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', origin)
    let pathname = url.pathname
    const recordViolation = (problems: string[]) =>
      violations.push({ side: 'request', method, path: `${url.pathname}${url.search}`, problems })
    if (pathname === graphqlPath) return graphql(req, method, recordViolation)
    if (prefix) {
      if (!pathname.startsWith(`${prefix}/`)) {
        recordViolation([`path is outside the API prefix ${prefix}`])
        return { answer: notFound() }
      }
      pathname = pathname.slice(prefix.length)
    }
    // Real GitHub's Link headers point at /repositories/{id}/…; serve them as the /repos/{owner}/{repo}/… paths.
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname)
    if (byId) {
      if (Number(byId[1]) !== state.repository.id) return { answer: notFound() }
      pathname = `/repos/${owner}/${repo}${byId[2] ?? ''}`
    }
    const match: MatchedOperation | undefined = matchOpenApiOperation(operations, method, pathname)
    if (!match) {
      recordViolation([`no operation of GitHub's REST API is ${method} ${pathname}`])
      return { answer: notFound() }
    }
    const raw = await readBody(req)
    let body: unknown
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        recordViolation([`body is not JSON: ${raw.toString('utf8').slice(0, 80)}`])
        return {
          answer: answer(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' }),
          operation: match.operation
        }
      }
    }
    const problems = validateOpenApiRequest(match, url.searchParams, body, schemas)
    if (problems.length) {
      recordViolation(problems)
      return {
        answer: answer(422, {
          message: `Invalid request.\n\n${problems.join('\n')}`,
          documentation_url: DOCS,
          status: '422'
        }),
        operation: match.operation
      }
    }
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = auth ? tokens[auth] : undefined
    if (!token) {
      return {
        answer: answer(401, {
          message: auth ? 'Bad credentials' : 'Requires authentication',
          documentation_url: DOCS,
          status: '401'
        }),
        operation: match.operation
      }
    }
    const login = token.login
    const ok = (a: HttpAnswer) => ({ answer: a, login, operation: match.operation })
    const params = match.pathParameters
    if (
      params.owner !== undefined &&
      (params.owner.toLowerCase() !== owner.toLowerCase() || params.repo.toLowerCase() !== repo.toLowerCase())
    ) {
      return ok(notFound())
    }
    if (secondaryLimited > 0) {
      secondaryLimited--
      return ok(
        answer(
          403,
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID TWIN.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '403'
          },
          { 'retry-after': '1' }
        )
      )
    }
    if (primaryLimited > 0) {
      primaryLimited--
      return ok(
        answer(
          403,
          {
            message: `API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID TWIN.`,
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            status: '403'
          },
          { 'x-twin-exhausted': '1' }
        )
      )
    }
    const fault = serverFaults.find(
      f => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(pathname))
    )
    if (fault) {
      fault.remaining--
      return ok(answer(fault.status, { message: 'Server Error' }))
    }
    if (method !== 'GET' && method !== 'HEAD' && token.write === false) {
      return ok(
        answer(403, {
          message: 'Resource not accessible by integration',
          documentation_url: `${DOCS}/${match.operation.operationId.split('/')[0]}`,
          status: '403'
        })
      )
    }
    const handler = handlers[match.operation.operationId]
    if (!handler) {
      recordViolation([`the twin has no handler for ${match.operation.operationId}`])
      return ok(notFound())
    }
    const jsonBody = (body ?? {}) as Record<string, unknown>
    return ok(
      await handler({
        params,
        query: url.searchParams,
        body: jsonBody,
        login,
        token,
        accept: String(req.headers.accept ?? '')
      })
    )
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', origin)
    handle(req)
      .catch(error => ({
        answer: answer(500, { message: `twin error: ${(error as Error).message}` }),
        login: undefined,
        operation: undefined
      }))
      .then(({ answer: a, login, operation, graphqlOperation }: Awaited<ReturnType<typeof handle>>) => {
        const exhausted = a.headers['x-twin-exhausted'] === '1'
        const headers: Record<string, string> = { ...rateHeaders(login, exhausted), ...a.headers }
        delete headers['x-twin-exhausted']
        let payload: Buffer | undefined
        if (Buffer.isBuffer(a.body)) payload = a.body
        else if (a.body !== undefined) {
          payload = Buffer.from(JSON.stringify(a.body))
          headers['content-type'] ??= 'application/json; charset=utf-8'
        }
        if (operation) {
          const problems = validateOpenApiResponse(operation, a.status, a.body, schemas)
          if (problems.length)
            violations.push({
              side: 'response',
              method,
              path: `${url.pathname}${url.search}`,
              problems: [`${a.status} ${operation.operationId}:`, ...problems]
            })
        }
        requests.push({
          method,
          path: graphqlOperation ? url.pathname : `${url.pathname.slice(prefix.length)}${url.search}`,
          status: a.status,
          operationId: operation?.operationId ?? graphqlOperation,
          login,
          kind: method === 'GET' || method === 'HEAD' ? 'read' : 'write'
        })
        res.writeHead(a.status, headers)
        res.end(payload)
      })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  const twin: GitHubTwin = {
    url: `${origin}${prefix}`,
    owner,
    repo,
    state,
    requests,
    violations,
    tokens,
    git,
    countRequests: (filter = {}) =>
      requests.filter(
        r =>
          (!filter.kind || r.kind === filter.kind) &&
          (!filter.operationId || r.operationId === filter.operationId) &&
          (!filter.method || r.method === filter.method.toUpperCase())
      ).length,
    clearRequests: () => {
      requests.length = 0
    },
    takeViolations: () => violations.splice(0),
    faults: {
      secondaryRateLimit: count => {
        secondaryLimited = count
      },
      primaryRateLimit: count => {
        primaryLimited = count
      },
      serverError: (count, match = {}) => {
        serverFaults.push({
          remaining: count,
          status: match.status ?? 502,
          method: match.method?.toUpperCase(),
          path: match.path
        })
      }
    },
    protectBranch: (branch, status = 422) => {
      state.protectedBranches.set(branch, status)
    },
    addPullRequest: pr => {
      const number = pr.number ?? nextIssueNumber()
      if (state.issues.has(number))
        throw new Error(`twin: #${number} exists already; open the pull request under another number`)
      const author = user(pr.author ?? 'octocat')
      const t = now()
      const pull: TwinPullRequest = {
        number,
        title: pr.title ?? `Pull request ${number}`,
        body: null,
        state: pr.state ?? 'open',
        draft: false,
        user: author,
        createdAt: t,
        updatedAt: t,
        closedAt: pr.state === 'closed' ? t : null,
        mergedAt: null,
        mergeCommitSha: null,
        mergedBy: null,
        head: {
          ref: pr.headRef,
          sha: pr.headSha,
          repoFullName: pr.fromFork ? `${author.login}/${repo}` : `${owner}/${repo}`
        },
        base: { ref: pr.baseRef ?? defaultBranch, sha: pr.baseSha ?? initialHead },
        fromFork: pr.fromFork ?? false
      }
      state.pulls.set(number, pull)
      state.issues.set(number, {
        number,
        title: pull.title,
        body: null,
        state: pull.state,
        stateReason: null,
        labels: [],
        user: author,
        createdAt: t,
        updatedAt: t,
        closedAt: pull.closedAt,
        pullRequest: true
      })
      return pull
    },
    openPullRequest: async pr => {
      const base = pr.baseSha ?? (await git.revParse(`refs/heads/${defaultBranch}`)) ?? initialHead
      const entries = new Map<string, { mode: string; type: string; sha: string }>()
      for (const e of await git.listTree(base, true)) entries.set(e.path, e)
      for (const [filePath, content] of Object.entries(pr.files))
        entries.set(filePath, { mode: '100644', type: 'blob', sha: await git.writeBlob(content) })
      const author = user(pr.author ?? 'octocat')
      const t = now()
      const person = {
        name: author.login,
        email: `${author.id}+${author.login}@users.noreply.github.com`,
        date: t
      }
      const head = await git.writeCommit({
        tree: await git.writeTreeFromPaths(entries),
        parents: [base],
        message: pr.title ?? `Change ${pr.headRef}`,
        author: person,
        committer: person
      })
      await git.updateRef(
        `refs/heads/${pr.headRef}`,
        head,
        (await git.revParse(`refs/heads/${pr.headRef}`)) ?? ''
      )
      return twin.addPullRequest({ ...pr, headSha: head, baseSha: base })
    },
    mergePullRequest: async (number, { method, mergedBy }) => {
      const pr = state.pulls.get(number)
      if (!pr || pr.state !== 'open')
        throw new Error(`twin: pull request #${number} is not open; open it with openPullRequest first`)
      if ((await git.objectType(pr.head.sha)) !== 'commit')
        throw new Error(
          `twin: the head ${pr.head.sha} of #${number} is no commit; open it with openPullRequest`
        )
      return withGitLock(async () => {
        const branchRef = `refs/heads/${pr.base.ref}`
        const tip = (await git.revParse(branchRef)) as string
        // The PR's changes (against the commit it was based on) applied to the branch as it is now.
        const before = new Map((await git.listTree(pr.base.sha, true)).map(e => [e.path, e]))
        const after = new Map((await git.listTree(pr.head.sha, true)).map(e => [e.path, e]))
        const entries = new Map((await git.listTree(tip, true)).map(e => [e.path, e]))
        for (const [filePath, e] of after) if (before.get(filePath)?.sha !== e.sha) entries.set(filePath, e)
        for (const filePath of before.keys()) if (!after.has(filePath)) entries.delete(filePath)
        const tree = await git.writeTreeFromPaths(entries)
        const t = now()
        const merger = user(mergedBy)
        const github = { name: 'GitHub', email: 'noreply@github.com', date: t }
        const personOf = (u: TwinUser) => ({
          name: u.login,
          email: `${u.id}+${u.login}@users.noreply.github.com`,
          date: t
        })
        const headCommit = await git.readCommit(pr.head.sha)
        const sha = await git.writeCommit(
          method === 'merge'
            ? {
                tree,
                parents: [tip, pr.head.sha],
                message: `Merge pull request #${number} from ${pr.head.repoFullName.split('/')[0]}/${pr.head.ref}\n\n${pr.title}`,
                author: personOf(merger),
                committer: github
              }
            : method === 'squash'
              ? {
                  tree,
                  parents: [tip],
                  message: `${pr.title} (#${number})`,
                  author: personOf(pr.user),
                  committer: github
                }
              : {
                  tree,
                  parents: [tip],
                  message: headCommit.message,
                  author: headCommit.author,
                  committer: github
                }
        )
        if (!(await git.updateRef(branchRef, sha, tip)))
          throw new Error(`twin: ${branchRef} moved while merging #${number}`)
        pr.state = 'closed'
        pr.closedAt = t
        pr.updatedAt = t
        pr.mergedAt = t
        pr.mergedBy = merger
        pr.mergeCommitSha = sha
        const issue = state.issues.get(number)
        if (issue)
          Object.assign(issue, { state: 'closed', closedAt: t, updatedAt: t, stateReason: 'completed' })
        return sha
      })
    },
    addIssue: issue => {
      const t = now()
      const created: TwinIssue = {
        number: nextIssueNumber(),
        title: issue.title,
        body: issue.body ?? null,
        state: issue.state ?? 'open',
        stateReason: null,
        labels: issue.labels ?? [],
        user: user(issue.author ?? 'octocat'),
        createdAt: t,
        updatedAt: t,
        closedAt: issue.state === 'closed' ? t : null,
        pullRequest: false
      }
      created.labels.forEach(ensureLabel)
      state.issues.set(created.number, created)
      return created
    },
    addIssueComment: c => {
      if (!state.issues.has(c.issueNumber))
        throw new Error(`twin: issue or pull request #${c.issueNumber} does not exist; add it first`)
      const t = now()
      const comment: TwinComment = {
        id: nextId++,
        issueNumber: c.issueNumber,
        body: c.body,
        user: user(c.author),
        createdAt: t,
        updatedAt: t,
        reactions: []
      }
      state.comments.set(comment.id, comment)
      return comment
    },
    addWorkflowRun: run => {
      const created: TwinWorkflowRun = {
        id: run.id,
        headSha: run.headSha,
        status: run.status ?? 'completed',
        conclusion: run.conclusion === undefined ? 'failure' : run.conclusion,
        reruns: []
      }
      state.workflowRuns.set(created.id, created)
      return created
    },
    user,
    resetApi: () => {
      const left = violations.splice(0)
      Object.assign(state, initialState())
      for (const login of Object.keys(tokens)) delete tokens[login]
      Object.assign(tokens, structuredClone(initialTokens))
      requests.length = 0
      users.clear()
      used.clear()
      secondaryLimited = 0
      primaryLimited = 0
      serverFaults.length = 0
      nextId = 1000
      tick = 0
      throwViolations(left)
    },
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await git.remove()
      throwViolations(violations)
    }
  }
  return twin
}
