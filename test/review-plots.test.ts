// The plots of a review end to end in process, against the GitHub twin and real git: the champion's image (in its
// run folder, not committed) is committed to the assets branch and linked from the comment under the server URL, a
// rerun writes nothing, a fake PNG is refused and named, a fork's read-only token skips the upload and says why,
// and the CLI's markdown links images by their path.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { runCli } from '../src/cli/run.js'
import { runReviewMode } from '../src/modes/review.js'
import type { GitHubTwin } from './github-twin/server.js'
import { renderGfm } from './helpers/cmark.js'
import { pngImage } from './helpers/images.js'
import { memoryLog } from './helpers/memory-log.js'
import {
  pullRequestPayloadOn,
  startReviewTestbed,
  twinModeContext,
  type ReviewRepository,
  type ReviewTestbed
} from './review-fixtures.js'

let bed: ReviewTestbed
let twin: GitHubTwin
let fixture: ReviewRepository
const PNG = pngImage([180, 40, 40], 8, 8)
const SHA = createHash('sha256').update(PNG).digest('hex')
const ASSET = `images/${SHA.slice(0, 2)}/${SHA}.png`
const BRANCH = 'experiment-review/assets'

beforeAll(async () => {
  bed = await startReviewTestbed('review-plots-')
  ;({ twin, fixture } = bed)
  // Every PR run draws the same confusion matrix image and one file that only calls itself a PNG (not committed).
  for (const run of await readdir(path.join(fixture.workspace, 'experiments'))) {
    await mkdir(path.join(fixture.workspace, 'experiments', run, 'plots'), { recursive: true })
    await writeFile(path.join(fixture.workspace, 'experiments', run, 'plots', 'confusion_matrix.png'), PNG)
    await writeFile(
      path.join(fixture.workspace, 'experiments', run, 'plots', 'fake.png'),
      '<html>not a png</html>'
    )
  }
  twin.addPullRequest({ number: 41, headRef: fixture.headRef, headSha: fixture.headSha })
  twin.addPullRequest({
    number: 42,
    headRef: fixture.headRef,
    headSha: fixture.headSha,
    fromFork: true,
    author: 'forker'
  })
})

afterAll(() => bed?.stop())

function context(number: number, token: string, forkOwner?: string) {
  const log = memoryLog()
  const ctx = twinModeContext(bed, {
    payload: pullRequestPayloadOn(twin, fixture, number, forkOwner),
    log,
    inputs: { 'github-token': token },
    env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' }
  })
  return { ctx, log }
}

const commentOn = (number: number) => [...twin.state.comments.values()].find(c => c.issueNumber === number)
const gitWrites = () =>
  twin.requests.filter(r => r.kind === 'write' && /^git\//.test(r.operationId ?? '')).map(r => r.operationId)

describe('images in the review comment', () => {
  it("goes on with a fork's read-only token: exits 0 and says why the images are not shown", async () => {
    twin.clearRequests()
    const { ctx, log } = context(42, 'ghs_fork-token', 'forker')
    ctx.config.failOnRegression = false
    const outcome = await runReviewMode(ctx)
    expect(outcome.failure).toBeUndefined()
    expect(commentOn(42)).toBeUndefined()
    const summary = log.summaries.join('\n')
    expect(summary).toMatch(/Images not shown: the token of a pull request from a fork is read-only/)
    expect(summary).toContain('`plots/confusion_matrix.png`')
    expect(summary).not.toContain('/raw/')
    expect(await twin.git.revParse(`refs/heads/${BRANCH}`)).toBeUndefined()
  })

  it('commits the champion image to the assets branch and links it under the server URL, never on the default branch', async () => {
    twin.clearRequests()
    const { ctx, log } = context(41, 'ghs_workflow-token')
    const outcome = await runReviewMode(ctx)
    expect(outcome.verdict).toBeDefined()

    const body = commentOn(41)!.body
    const url = `https://github.com/${twin.owner}/${twin.repo}/raw/experiment-review/assets/${ASSET}`
    expect(body).toContain(`](${url})`)
    const html = renderGfm(body)
    expect(html).toContain(`<img src="${url}" alt="plots/confusion_matrix.png"`)
    // The fake PNG is refused and named, never uploaded.
    expect(html).toMatch(/fake\.png[^<]*is named as a PNG image but its content is not one/)
    expect(log.lines.some(l => l.level === 'warning' && /fake\.png/.test(l.message))).toBe(true)

    // One commit on the assets branch, without parent: it carries only the image.
    const head = (await twin.git.revParse(`refs/heads/${BRANCH}`))!
    const commit = await twin.git.readCommit(head)
    expect(commit.parents).toEqual([])
    const files = await twin.git.listTree(commit.tree, true)
    expect(files.map(f => f.path)).toEqual([ASSET])
    expect((await twin.git.readBlob(files[0].sha)).equals(PNG)).toBe(true)
    expect(gitWrites().filter(op => op === 'git/create-blob')).toHaveLength(1)

    // Nothing reached the default branch.
    const main = await twin.git.readCommit((await twin.git.revParse('refs/heads/main'))!)
    const mainFiles = await twin.git.listTree(main.tree, true)
    expect(mainFiles.some(f => f.sha === files[0].sha || f.path.endsWith('.png'))).toBe(false)
  })

  it('writes nothing when rerun with the same images, and the comment stays as it is', async () => {
    const before = commentOn(41)!.body
    const head = await twin.git.revParse(`refs/heads/${BRANCH}`)
    twin.clearRequests()
    const { ctx, log } = context(41, 'ghs_workflow-token')
    await runReviewMode(ctx)
    expect(gitWrites()).toEqual([])
    expect(await twin.git.revParse(`refs/heads/${BRANCH}`)).toBe(head)
    expect(commentOn(41)!.body).toBe(before)
    expect(log.lines.some(l => /already on experiment-review\/assets; nothing written/.test(l.message))).toBe(
      true
    )
  })
})

describe('the CLI markdown', () => {
  it('links the images by their path relative to the current folder and uploads nothing', async () => {
    const out: string[] = []
    const err: string[] = []
    twin.clearRequests()
    const cwd = path.join(fixture.workspace, 'experiments')
    const code = await runCli(
      [
        'compare',
        '--workspace',
        '..',
        '--runs',
        fixture.workspace + '/experiments',
        '--baseline',
        'main:.experiments/baseline.json',
        '--format',
        'markdown'
      ],
      { cwd, env: {}, stdout: s => out.push(s), stderr: s => err.push(s), isTty: false }
    )
    expect([0, 1]).toContain(code)
    const md = out.join('')
    expect(md).toMatch(/!\[plots\/confusion\\?_matrix\.png\]\([^)/]+\/plots\/confusion_matrix\.png\)/)
    expect(md).not.toContain('https://')
    expect(err.join('')).toMatch(/fake\.png/)
    expect(twin.requests).toEqual([])
  })
})
