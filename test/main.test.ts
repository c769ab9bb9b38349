// main.ts, the action's entry, with @actions/core replaced by a recorder: inputs in, outputs, annotations, the
// job summary and the step's failure out. The modes run for real against the GitHub twin and real git
// repositories, with the twin's client factory (no pacing or retry waits).
import { jest } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBaseline } from '../src/core/baseline.js'
import { twinClientFactory } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'
import {
  ACTION_INPUT_DEFAULTS,
  mainBranchFiles,
  makeReviewRepository,
  pullRequestPayload,
  webhookExample,
  type ReviewRepository
} from './review-fixtures.js'

interface Annotation {
  level: 'info' | 'notice' | 'warning' | 'error'
  message: string
  properties?: { file?: string; startLine?: number; title?: string }
}

/** What the action did through @actions/core in one run. */
const recorded = {
  inputs: {} as Record<string, string>,
  outputs: {} as Record<string, string>,
  failures: [] as string[],
  annotations: [] as Annotation[],
  summaries: [] as string[]
}

jest.unstable_mockModule('@actions/core', () => {
  let pending = ''
  const log = (level: Annotation['level']) => (message: string, properties?: Annotation['properties']) =>
    void recorded.annotations.push({ level, message, ...(properties ? { properties } : {}) })
  const summary = {
    addRaw(text: string, addEol = false) {
      pending += addEol ? `${text}\n` : text
      return summary
    },
    async write() {
      recorded.summaries.push(pending)
      pending = ''
      return summary
    }
  }
  return {
    getInput: (name: string) => recorded.inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (recorded.outputs[name] = String(value)),
    setFailed: (message: string) => void recorded.failures.push(message),
    debug: () => undefined,
    info: log('info'),
    notice: log('notice'),
    warning: log('warning'),
    error: log('error'),
    summary
  }
})

const { inertLog, run } = await import('../src/main.js')

let twin: GitHubTwin
let fixture: ReviewRepository
let temp: string

beforeAll(async () => {
  twin = await startGitHubTwin({ files: await mainBranchFiles() })
  fixture = await makeReviewRepository()
  temp = await mkdtemp(path.join(tmpdir(), 'main-test-'))
})

afterAll(async () => {
  await twin?.stop()
  await fixture?.remove()
  await rm(temp, { recursive: true, force: true })
})

let events = 0

/** Runs main.run as the runner would start it: the inputs, the event file and the runner's variables. */
async function runAction(options: {
  eventName: string
  payload?: Record<string, unknown>
  inputs?: Record<string, string>
  env?: NodeJS.ProcessEnv
}): Promise<typeof recorded> {
  recorded.inputs = { ...ACTION_INPUT_DEFAULTS, 'github-token': 'ghs_workflow-token', ...options.inputs }
  recorded.outputs = {}
  recorded.failures = []
  recorded.annotations = []
  recorded.summaries = []
  const eventPath = path.join(temp, `event-${++events}.json`)
  await writeFile(eventPath, JSON.stringify(options.payload ?? {}))
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: fixture.workspace,
    GITHUB_REPOSITORY: `${twin.owner}/${twin.repo}`,
    GITHUB_API_URL: twin.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
    RUNNER_TEMP: temp,
    ...options.env
  }
  await run(env, {
    github: twinClientFactory(twin, { runtime: 'actions' }),
    sleep: async () => undefined,
    now: new Date('2026-11-20T10:00:00Z')
  })
  return recorded
}

describe('main.run', () => {
  it('reviews a pull_request: outputs, annotations at the rules file, the summary, and the failed step', async () => {
    twin.addPullRequest({ number: 4, headRef: fixture.headRef, headSha: fixture.headSha })
    const payload = pullRequestPayload({
      owner: twin.owner,
      repo: twin.repo,
      number: 4,
      headSha: fixture.headSha,
      headRef: fixture.headRef,
      baseSha: fixture.baseSha
    })
    const done = await runAction({ eventName: 'pull_request', payload })
    expect(done.outputs).toMatchObject({
      verdict: 'fail',
      report: path.join(temp, 'experiment-review-default.json'),
      champion: 'resnet-wide'
    })
    expect(done.outputs['comment-url']).toMatch(/\/octo-org\/models\/pull\/4#issuecomment-\d+$/)
    expect(JSON.parse(done.outputs.regressions)).toEqual([
      {
        metric: 'latency_ms',
        rule: 'max',
        message: 'latency_ms is 59, above the ceiling 50',
        accepted: false
      }
    ])
    expect(done.annotations).toContainEqual({
      level: 'error',
      message: 'latency_ms is 59, above the ceiling 50',
      properties: {
        file: '.github/experiment-review.yml',
        startLine: 6,
        title: 'Experiment Review: latency_ms max'
      }
    })
    expect(done.summaries.join('\n')).toContain('The PR comment was created')
    expect(done.failures).toEqual([
      'Experiment Review: 1 rule broken: latency_ms is 59, above the ceiling 50'
    ])
    expect(JSON.parse(await readFile(done.outputs.report, 'utf8'))).toMatchObject({ verdict: 'fail' })
    expect(twin.violations).toEqual([])
  })

  it('promotes a push to the default branch: one commit with the new baseline, the champion as output', async () => {
    await twin.openPullRequest({
      number: 5,
      title: 'Wider ResNet',
      headRef: fixture.headRef,
      files: { 'src/model.py': '# wider\n' },
      author: 'pr-author'
    })
    const after = await twin.mergePullRequest(5, { method: 'squash', mergedBy: 'reviewer' })
    const payload = webhookExample('push') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(payload, { ref: 'refs/heads/main', after, deleted: false })
    Object.assign(payload.repository, { name: twin.repo, default_branch: 'main' })
    payload.repository.owner.login = twin.owner
    const done = await runAction({ eventName: 'push', payload })
    expect(done.failures).toEqual([])
    expect(done.outputs.champion).toBe('resnet-wide')
    const notice = done.annotations.find(a => a.level === 'notice')
    expect(notice?.message).toMatch(
      /^Experiment Review committed .*\.experiments\/baseline\.json.* as [0-9a-f]{7}/
    )
    const baseline = parseBaseline(
      (await twin.git.readFileAt('refs/heads/main', '.experiments/baseline.json')) ?? '',
      'baseline'
    )
    expect(baseline.champion).toMatchObject({
      name: 'resnet-wide',
      pr: { number: 5, title: 'Wider ResNet', author: 'pr-author' },
      mergedBy: 'reviewer'
    })
    expect(twin.violations).toEqual([])
  })

  it('does nothing, and says so, on an event no mode handles', async () => {
    const done = await runAction({ eventName: 'issues', payload: webhookExample('issues', 'opened') })
    expect(done.failures).toEqual([])
    expect(done.outputs).toEqual({})
    expect(done.annotations).toEqual([
      expect.objectContaining({
        level: 'notice',
        message:
          'Experiment Review has nothing to do on a "issues" event; set the mode input to run a mode explicitly.'
      })
    ])
  })

  it('fails the step naming the input and the value, with no workflow command let through', async () => {
    const done = await runAction({ eventName: 'pull_request', inputs: { id: '::error::pwned' } })
    expect(done.failures).toHaveLength(1)
    expect(done.failures[0]).toMatch(/^Experiment Review: input "id" is ".*pwned"; expected letters, digits/)
    expect(done.failures[0]).not.toContain('::')
    expect(done.outputs).toEqual({})
  })

  it('fails the step naming GITHUB_EVENT_PATH when the event cannot be read', async () => {
    const missing = path.join(temp, 'no-such-event.json')
    const done = await runAction({ eventName: 'pull_request', env: { GITHUB_EVENT_PATH: missing } })
    expect(done.failures).toEqual([
      expect.stringContaining(
        `Experiment Review: cannot read the event payload at GITHUB_EVENT_PATH (${missing})`
      )
    ])
  })
})

describe('inertLog', () => {
  it('breaks workflow commands and replaces control characters', () => {
    expect(inertLog('::error::x')).toBe(':\u200c:error:\u200c:x')
    expect(inertLog('a\u0007b\nc')).toBe('a�b\nc')
  })
})
