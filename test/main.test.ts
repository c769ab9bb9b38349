// main.ts, the action's entry, with @actions/core replaced by a recorder: inputs in, outputs, annotations, the
// job summary and the step's failure out. The modes run for real against the GitHub twin and real git
// repositories, with the twin's client factory (no pacing or retry waits).
import { jest } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseBaseline } from '../src/core/baseline.js'
import { twinClientFactory } from './github-twin/client.js'
import type { GitHubTwin } from './github-twin/server.js'
import {
  ACTION_INPUT_DEFAULTS,
  mergeWiderResnet,
  pullRequestPayloadOn,
  pushPayloadOn,
  startReviewTestbed,
  twinRunnerEnv,
  webhookExample,
  type ReviewRepository,
  type ReviewTestbed
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

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository
let temp: string

beforeAll(async () => {
  bed = await startReviewTestbed('main-test-')
  ;({ twin, fixture, temp } = bed)
})

afterAll(() => bed?.stop())

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
    ...twinRunnerEnv(bed),
    GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
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
    const payload = pullRequestPayloadOn(twin, fixture, 4)
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
    const after = await mergeWiderResnet(twin, fixture)
    const done = await runAction({ eventName: 'push', payload: pushPayloadOn(twin, after) })
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
