// End to end: the committed `dist/index.js` on a push to a protected default branch with promote-via: pull-request,
// run as the runner runs it against the GitHub twin (.ci/run runs it again under Node 24). Promote opens one pull
// request from experiment-review/promote/default with auto-merge on and leaves main alone; the push of that pull
// request's merge then commits nothing.
import { execFileSync } from 'node:child_process'
import { parseBaseline } from '../src/core/baseline.js'
import { DEFAULT_BASELINE_PATH } from '../src/core/conventions.js'
import type { GitHubTwin } from './github-twin/server.js'
import {
  actionNode,
  mergeWiderResnet,
  pushPayloadOn,
  runActionOnTwin,
  startReviewTestbed,
  type ReviewRepository,
  type ReviewTestbed
} from './review-fixtures.js'

const NODE = actionNode()
const NODE_LABEL = `node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}`
const BRANCH = 'experiment-review/promote/default'

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository

beforeAll(async () => {
  bed = await startReviewTestbed('e2e-promote-', { allowAutoMerge: true })
  ;({ twin, fixture } = bed)
})

afterAll(() => bed?.stop())

const promote = (after: string) =>
  runActionOnTwin(bed, {
    eventName: 'push',
    payload: pushPayloadOn(twin, after),
    inputs: { 'promote-via': 'pull-request' }
  })

describe(`${NODE_LABEL} dist/index.js on push with promote-via: pull-request`, () => {
  it('opens the promotion pull request with auto-merge on, leaves the protected main alone, and skips its own merge', async () => {
    twin.protectBranch('main', 403)
    const after = await mergeWiderResnet(twin, fixture)
    const mainBefore = (await twin.git.log('main'))[0].sha

    const run = await promote(after)
    expect(run.code).toBe(0)
    expect(run.outputs.champion).toBe('resnet-wide')
    expect(run.stdout).toMatch(/::notice::.*Opened pull request #\d+ .*auto-merge is on/)
    expect((await twin.git.log('main'))[0].sha).toBe(mainBefore)
    const pull = [...twin.state.pulls.values()].find(p => p.head.ref === BRANCH)
    expect(pull).toMatchObject({ state: 'open', base: { ref: 'main' }, autoMerge: { mergeMethod: 'squash' } })
    const onBranch = await twin.git.readFileAt(`refs/heads/${BRANCH}`, DEFAULT_BASELINE_PATH)
    expect(parseBaseline(onBranch as string, DEFAULT_BASELINE_PATH).champion).toMatchObject({
      name: 'resnet-wide',
      pr: { number: 5 }
    })

    // GitHub merges it once the rules are met; the push of that merge commits nothing.
    twin.state.protectedBranches.delete('main')
    const merged = await twin.mergePullRequest(pull!.number, {
      method: 'squash',
      mergedBy: 'github-actions[bot]'
    })
    const again = await promote(merged)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/own promotion pull request #\d+/)
    expect((await twin.git.log('main'))[0].sha).toBe(merged)
    expect(twin.violations).toEqual([])
  })
})
