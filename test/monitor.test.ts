// Monitor mode against the GitHub twin, on real git checkouts: a breach opens one issue with its labels, the same
// state writes nothing, a worse value updates once, recovery closes, a recent closed issue is reopened, racing runs
// leave one issue, a read-only token names the permission, hostile run text stays inert.
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { GitHubClient } from '../src/github/client.js'
import type { TokenIdentity } from '../src/github/sticky.js'
import { hiddenMarker, stampMarker } from '../src/core/conventions.js'
import {
  assessEvaluation,
  defaultBranchOf,
  MonitorInputError,
  productionStatus,
  recordProduction,
  runMonitor,
  runMonitorMode
} from '../src/modes/monitor.js'
import type { ActionLog, ModeContext } from '../src/modes/types.js'
import { cliIn } from './helpers/cli.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import { tempDirs } from './helpers/temp.js'
import { makeMonitorCheckout, MONITOR_RULES, writeEvaluation } from './monitor-fixtures.js'
import { twinClient, twinClientFactory } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const newDir = tempDirs('er-monitor-')
const DAY = 86_400_000
const T0 = new Date('2026-11-02T06:00:00Z')

const RULES = MONITOR_RULES
/** What resolveTokenIdentity answers for the workflow token (GET /user refused): a bot, found by its marker. */
const INSTALLATION: TokenIdentity = { source: 'installation' }

/** A checkout of the default branch in a temporary folder removed after the tests. */
async function checkout(rulesText = RULES, baselineAccuracy = 0.91): Promise<string> {
  return makeMonitorCheckout(await newDir(), rulesText, baselineAccuracy)
}

const evaluate = writeEvaluation

function configOf(dir: string) {
  return {
    workspace: dir,
    runs: ['experiments'],
    configFile: '.github/experiment-review.yml',
    baselinePath: '.experiments/baseline.json',
    docsPath: 'docs/experiments.md',
    id: 'default'
  }
}

let twin: GitHubTwin
let client: GitHubClient
beforeEach(async () => {
  twin = await startGitHubTwin({ files: { 'README.md': '# models\n' } })
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

function target(c: GitHubClient = client) {
  return {
    client: c,
    owner: twin.owner,
    repo: twin.repo,
    identity: INSTALLATION,
    links: {
      serverUrl: 'https://github.com',
      defaultBranch: 'main',
      docsPath: 'docs/experiments.md',
      runUrl: `https://github.com/${twin.owner}/${twin.repo}/actions/runs/7`
    }
  }
}

async function monitorOnce(dir: string, now: Date, c?: GitHubClient) {
  const assessment = await assessEvaluation(configOf(dir))
  return { assessment, result: await runMonitor(assessment, target(c), 'default', now) }
}

const openIssues = () => [...twin.state.issues.values()].filter(i => !i.pullRequest && i.state === 'open')

describe('monitor mode', () => {
  it('opens one issue on the first breach, with the labels, the numbers in the title and a table in the body', async () => {
    const dir = await checkout()
    await evaluate(dir, { 'eval-2026-11-02': { accuracy: 0.81, drift_score: 0.1 } })
    const { result } = await monitorOnce(dir, T0)
    expect(result.plan.action).toBe('open')
    expect(openIssues()).toHaveLength(1)
    const issue = openIssues()[0]
    expect(issue.labels.sort()).toEqual(['model-health', 'retraining'])
    expect([...twin.state.labels.keys()].sort()).toEqual(['model-health', 'retraining'])
    expect(issue.title).toBe(
      'Retraining needed: accuracy 0.8100, below 0.85 and drop > 0.03 (baseline 0.9100)'
    )
    expect(issue.body).toContain(hiddenMarker('default', 'issue'))
    const html = renderGfm(issue.body ?? '')
    expect(html).toContain('<table>')
    expect(html).toMatch(/<td align="left"><code>accuracy<\/code><\/td>\s*<td align="left">below 0.85<\/td>/)
    expect(html).toMatch(
      /<td align="left"><code>accuracy<\/code><\/td>\s*<td align="left">drop &gt; 0.03<\/td>/
    )
    expect(html).toContain('Since 2026-11-02')
    const web = `https://github.com/${twin.owner}/${twin.repo}`
    expect(html).toContain(`href="${web}/pull/41"`)
    expect(html).toContain(`href="${web}/blob/main/docs/experiments.md"`)
    expect(html).toContain(`href="${web}/actions/runs/7"`)
  })

  it('makes no write when ten more evaluations show the same state; a worse value updates and comments once', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    await monitorOnce(dir, T0)
    const number = openIssues()[0].number
    twin.clearRequests()
    for (let i = 1; i <= 10; i++) {
      await evaluate(dir, { e: { accuracy: 0.81 + (i % 2) * 0.001, drift_score: 0.1 } })
      const { result } = await monitorOnce(dir, new Date(T0.getTime() + i * DAY))
      expect(result.plan).toEqual({ action: 'nothing', why: 'unchanged' })
    }
    expect(twin.countRequests({ kind: 'write' })).toBe(0)

    await evaluate(dir, { e: { accuracy: 0.7, drift_score: 0.1 } })
    const { result } = await monitorOnce(dir, new Date(T0.getTime() + 11 * DAY))
    expect(result.plan).toMatchObject({ action: 'update', worse: ['accuracy below', 'accuracy max_drop'] })
    expect(twin.countRequests({ kind: 'write' })).toBe(2)
    const comments = [...twin.state.comments.values()].filter(c => c.issueNumber === number)
    expect(comments).toHaveLength(1)
    expect(renderGfm(comments[0].body)).toContain('Worse: <code>accuracy</code> 0.7000, below 0.85')
    expect(openIssues()[0].body).toContain('Since 2026-11-02')

    twin.clearRequests()
    await monitorOnce(dir, new Date(T0.getTime() + 12 * DAY))
    expect(twin.countRequests({ kind: 'write' })).toBe(0)

    await evaluate(dir, { e: { accuracy: 0.7, drift_score: 0.5 } })
    const newly = await monitorOnce(dir, new Date(T0.getTime() + 13 * DAY))
    expect(newly.result.plan).toMatchObject({ action: 'update', newly: ['drift_score above'] })
    expect(openIssues()).toHaveLength(1)
  })

  it('closes the issue with a comment on recovery, and reopens it on a breach within reopen_within', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    await monitorOnce(dir, T0)
    const number = openIssues()[0].number

    await evaluate(dir, { e: { accuracy: 0.9, drift_score: 0.1 } })
    const healed = await monitorOnce(dir, new Date(T0.getTime() + DAY))
    expect(healed.result.plan).toMatchObject({ action: 'close', issue: number })
    expect(twin.state.issues.get(number)?.state).toBe('closed')
    const closing = [...twin.state.comments.values()].filter(c => c.issueNumber === number).pop()
    expect(closing?.body).toContain('Recovered')
    expect(closing?.body).toContain('`accuracy` is 0.9000 again')

    twin.clearRequests()
    await monitorOnce(dir, new Date(T0.getTime() + 2 * DAY))
    expect(twin.countRequests({ kind: 'write' })).toBe(0)

    // The twin dates the closing by its own clock (now); a breach 3 days later reopens, 8 days later opens anew.
    const closedAt = Date.parse(twin.state.issues.get(number)?.closedAt ?? '')
    await evaluate(dir, { e: { accuracy: 0.8, drift_score: 0.1 } })
    const again = await monitorOnce(dir, new Date(closedAt + 3 * DAY))
    expect(again.result.plan).toMatchObject({ action: 'reopen', issue: number })
    expect(twin.state.issues.get(number)?.state).toBe('open')
    expect(openIssues()).toHaveLength(1)

    await evaluate(dir, { e: { accuracy: 0.9, drift_score: 0.1 } })
    await monitorOnce(dir, new Date(closedAt + 4 * DAY))
    const reclosedAt = Date.parse(twin.state.issues.get(number)?.closedAt ?? '')
    await evaluate(dir, { e: { accuracy: 0.8, drift_score: 0.1 } })
    const later = await monitorOnce(dir, new Date(reclosedAt + 8 * DAY))
    expect(later.result.plan.action).toBe('open')
    expect(openIssues().map(i => i.number)).not.toContain(number)
  })

  it('waits for recover_after healthy evaluations in a row before closing', async () => {
    const dir = await checkout(`${RULES}  recover_after: 2\n`)
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    await monitorOnce(dir, T0)
    const number = openIssues()[0].number
    const bodyBefore = openIssues()[0].body

    await evaluate(dir, { e: { accuracy: 0.9, drift_score: 0.1 } })
    const first = await monitorOnce(dir, new Date(T0.getTime() + DAY))
    expect(first.result.plan).toMatchObject({ action: 'record-healthy', state: { healthy: 1 } })
    expect(twin.state.issues.get(number)?.state).toBe('open')
    // Only the hidden state changed (and the marker now names who opened the issue): what it reports stays.
    const strip = (b: string | null | undefined) =>
      (b ?? '')
        .replace(/<!-- experiment-review:state:[^>]*-->/, '')
        .replace(/ by=github-actions\[bot\] -->/, ' -->')
    expect(twin.state.issues.get(number)?.body).toContain(
      '<!-- experiment-review:issue:default by=github-actions[bot] -->'
    )
    expect(strip(twin.state.issues.get(number)?.body)).toBe(strip(bodyBefore))

    // A breach between healthy runs starts the count again.
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    expect((await monitorOnce(dir, new Date(T0.getTime() + 2 * DAY))).result.plan).toMatchObject({
      action: 'record-healthy',
      state: { healthy: 0 }
    })
    await evaluate(dir, { e: { accuracy: 0.9, drift_score: 0.1 } })
    await monitorOnce(dir, new Date(T0.getTime() + 3 * DAY))
    expect(twin.state.issues.get(number)?.state).toBe('open')
    const last = await monitorOnce(dir, new Date(T0.getTime() + 4 * DAY))
    expect(last.result.plan).toMatchObject({ action: 'close', issue: number })
    expect(twin.state.issues.get(number)?.state).toBe('closed')
  })

  it('leaves one open issue when two evaluations run at once', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const assessment = await assessEvaluation(configOf(dir))
    const other = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
    const results = await Promise.all([
      runMonitor(assessment, target(client), 'default', T0),
      runMonitor(assessment, target(other), 'default', T0)
    ])
    expect(openIssues()).toHaveLength(1)
    expect(new Set(results.map(r => r.issue?.number))).toEqual(new Set([openIssues()[0].number]))
  })

  it('never takes an issue someone else wrote with the marker for its own', async () => {
    const dir = await checkout()
    twin.addIssue({
      title: 'copy',
      body: `${hiddenMarker('default', 'issue')}\npasted`,
      author: 'mallory'
    })
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const { result } = await monitorOnce(dir, T0)
    expect(result.plan.action).toBe('open')
    expect(twin.state.issues.get(1)?.body).toContain('pasted')
  })

  it('names the issues: write permission when the token is read-only', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const readOnly = await twinClient(twin, 'ghs_fork-token', { runtime: 'actions' })
    await expect(monitorOnce(dir, T0, readOnly)).rejects.toThrow(/issues: write/)
  })

  it('keeps hostile run text inert in the issue', async () => {
    const evil = '@everyone <img src=x onerror=alert(1)> #1 [x](http://evil.example) ::error::boom'
    const dir = await checkout(`retraining:\n  when:\n    ${JSON.stringify(evil)}: { below: 0.5 }\n`)
    await evaluate(dir, { e: { [evil]: 0.1, accuracy: 0.9 } })
    await monitorOnce(dir, T0)
    const issue = openIssues()[0]
    const html = renderGfm(issue.body ?? '')
    const counts = elementCounts(html)
    expect(counts.img).toBeUndefined()
    expect(counts.script).toBeUndefined()
    expect(html).not.toMatch(/(^|[^\u200c])@everyone/)
    expect(html).not.toContain('href="http://evil.example"')
    expect(issue.title).not.toMatch(/@everyone/)
    expect(issue.body).not.toMatch(/^::/m)
  })

  it('fails closed: no runs, a monitored metric not reported, no retraining section, no baseline for a drop', async () => {
    const dir = await checkout()
    await expect(assessEvaluation(configOf(dir))).rejects.toThrow(/no evaluation runs were found/)
    await evaluate(dir, { e: { accuracy: 0.9 } })
    await expect(assessEvaluation(configOf(dir))).rejects.toThrow(
      /drift_score: the evaluation does not report it/
    )
    await evaluate(dir, { e: { accuracy: 0.9, drift_score: NaN } })
    await writeFile(path.join(dir, 'experiments/e/metrics.json'), '{"accuracy": 0.9, "drift_score": NaN}')
    await expect(assessEvaluation(configOf(dir))).rejects.toThrow(/drift_score: the evaluation reports NaN/)
    const bare = await checkout('primary: accuracy\n')
    await expect(assessEvaluation(configOf(bare))).rejects.toThrow(MonitorInputError)
    await expect(assessEvaluation(configOf(bare))).rejects.toThrow(/no retraining.when conditions/)
    const noBaseline = await checkout()
    await rm(path.join(noBaseline, '.experiments'), { recursive: true })
    await evaluate(noBaseline, { e: { accuracy: 0.9, drift_score: 0.1 } })
    await expect(assessEvaluation(configOf(noBaseline))).rejects.toThrow(
      /no baseline at .experiments\/baseline.json/
    )
  })
})

describe('monitor mode in the action', () => {
  function context(dir: string, token: string, lines: string[]): ModeContext {
    const log: ActionLog = {
      info: m => lines.push(`info ${m}`),
      notice: m => lines.push(`notice ${m}`),
      warning: m => lines.push(`warning ${m}`),
      error: m => lines.push(`error ${m}`),
      summary: async md => void lines.push(`summary ${md}`)
    }
    return {
      config: {
        ...configOf(dir),
        token,
        mode: 'auto',
        comment: true,
        failOnRegression: true
      },
      eventName: 'schedule',
      payload: { schedule: '0 6 * * *' },
      env: {
        GITHUB_REPOSITORY: `${twin.owner}/${twin.repo}`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '99',
        RUNNER_TEMP: dir
      },
      log,
      now: T0,
      github: twinClientFactory(twin, { runtime: 'actions' }),
      sleep: async () => undefined
    }
  }

  it('opens the issue on a schedule, sets the outputs, and fails the step only when the evaluation cannot be judged', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const lines: string[] = []
    const outcome = await runMonitorMode(context(dir, 'ghs_workflow-token', lines))
    expect(outcome.failure).toBeUndefined()
    expect(outcome.verdict).toBe('fail')
    expect(outcome.issueUrl).toMatch(/\/issues\/1$/)
    expect(lines.join('\n')).toContain('opening a retraining issue')
    expect(openIssues()[0].body).toContain(`https://github.com/${twin.owner}/${twin.repo}/actions/runs/99`)

    await evaluate(dir, { e: { accuracy: 0.9 } })
    const broken = await runMonitorMode(context(dir, 'ghs_workflow-token', []))
    expect(broken.failure).toMatch(/drift_score: the evaluation does not report it/)
    expect(openIssues()).toHaveLength(1)
  })

  it('with a GitHub App token finds its own issue on the next runs (one issue), never a person’s with the marker', async () => {
    const marker = hiddenMarker('default', 'issue')
    // A person pastes the marker, even one naming the app: neither is the app's issue.
    twin.addIssue({ title: 'copy', body: `${marker}\npasted`, author: 'mallory' })
    twin.addIssue({
      title: 'forged',
      body: stampMarker('forged', marker, 'experiment-bot[bot]'),
      author: 'mallory'
    })
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const first = await runMonitorMode(context(dir, 'ghs_app-token', []))
    await evaluate(dir, { e: { accuracy: 0.7, drift_score: 0.1 } })
    const second = await runMonitorMode(context(dir, 'ghs_app-token', []))
    const third = await runMonitorMode(context(dir, 'ghs_app-token', []))
    const apps = openIssues().filter(i => i.user.login === 'experiment-bot[bot]')
    expect(apps).toHaveLength(1)
    for (const run of [first, second, third])
      expect(run.issueUrl).toMatch(new RegExp(`/issues/${apps[0].number}$`))
    expect(apps[0].title).toMatch(/^Retraining needed: accuracy 0\.7000/)
    expect(apps[0].body?.startsWith(stampMarker('', marker, 'experiment-bot[bot]'))).toBe(true)
    expect(
      openIssues()
        .filter(i => i.user.login === 'mallory')
        .map(i => i.body)
    ).toEqual([`${marker}\npasted`, stampMarker('forged', marker, 'experiment-bot[bot]')])
    expect(twin.countRequests({ operationId: 'issues/create' })).toBe(1)
  })
})

describe('experiment-review monitor (CLI)', () => {
  const cli = (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
    cliIn({ cwd, env, github: twinClientFactory(twin, { runtime: 'cli' }) }, ...args)

  it('prints what it would do on a local checkout and writes nothing', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const elsewhere = await newDir()
    const local = await cli(elsewhere, {}, 'monitor', '--workspace', dir)
    expect(local.code).toBe(0)
    expect(local.out).toMatch(/accuracy\s+0\.8100\s+0\.9100\s+BREACHED: below 0\.85, drop > 0\.03/)
    expect(local.out).toContain('the action would open the retraining issue')
    expect(local.out).toContain('Nothing was written')
    expect(twin.countRequests()).toBe(0)
  })

  it('with --repo opens the issue with a personal token, --dry-run only reads, and bad input exits 2', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.81, drift_score: 0.1 } })
    const env = { GITHUB_TOKEN: 'ghp_user-token' }
    const repo = `${twin.owner}/${twin.repo}`
    const dry = await cli(dir, env, 'monitor', '--repo', repo, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('opening a retraining issue')
    expect(twin.countRequests({ kind: 'write' })).toBe(0)

    const real = await cli(dir, env, 'monitor', '--repo', repo)
    expect(real.code).toBe(0)
    expect(real.out).toMatch(/issue: .*\/issues\/1/)
    expect(openIssues()).toHaveLength(1)
    expect(openIssues()[0].user.login).toBe('octocat')
    const again = await cli(dir, env, 'monitor', '--repo', repo)
    expect(again.out).toContain('nothing changed, nothing written')

    expect((await cli(dir, {}, 'monitor', '--repo', repo)).err).toContain('needs a token in GITHUB_TOKEN')
    const typo = await cli(dir, env, 'monitor', '--runs', 'experimentz')
    expect(typo.code).toBe(2)
    expect((await cli(dir, env, 'monitor', '--help')).out).toContain('Usage: experiment-review monitor')
  })
})

describe('the Production line of the living docs', () => {
  const PAGE =
    '# Experiments\n\nOurs.\n\n<!-- experiment-review:start current -->\nthe champion\n<!-- experiment-review:end current -->\n\nAlso ours.\n'

  it('is written after the current model, rewritten in place, and not committed again when nothing changed', async () => {
    const docsTwin = await startGitHubTwin({ files: { 'docs/experiments.md': PAGE } })
    try {
      const c = await twinClient(docsTwin, 'ghs_workflow-token', { runtime: 'actions' })
      const ref = { client: c, owner: docsTwin.owner, repo: docsTwin.repo }
      const dir = await checkout()
      await evaluate(dir, { 'eval-nightly': { accuracy: 0.81, drift_score: 0.1 } })
      const assessment = await assessEvaluation(configOf(dir))
      const target = {
        ...ref,
        identity: INSTALLATION,
        links: { serverUrl: 'https://github.com', docsPath: 'docs/experiments.md' }
      }
      const result = await runMonitor(assessment, target, 'default', T0)
      const options = {
        branch: await defaultBranchOf(ref),
        docsPath: 'docs/experiments.md',
        id: 'default',
        status: productionStatus(assessment, result, T0)
      }
      expect(await recordProduction(ref, options)).toMatchObject({ written: true })
      const page = (await await docsTwin.git.readFileAt('main', 'docs/experiments.md')) ?? ''
      expect(
        page.startsWith(
          '# Experiments\n\nOurs.\n\n<!-- experiment-review:start current -->\nthe champion\n<!-- experiment-review:end current -->\n\n<!-- experiment-review:start production -->'
        )
      ).toBe(true)
      expect(page.endsWith('<!-- experiment-review:end production -->\n\nAlso ours.\n')).toBe(true)
      const html = renderGfm(page)
      expect(html).toContain(
        '<strong>Production:</strong> last evaluated 2026-11-02 (<code>eval-nightly</code>): ❌ 2 retraining conditions breached'
      )
      expect(html).toMatch(/issue <a href="[^"]+\/issues\/1">#1<\/a> open/)

      docsTwin.clearRequests()
      expect(await recordProduction(ref, options)).toMatchObject({ written: false })
      expect(docsTwin.countRequests({ kind: 'write' })).toBe(0)

      await evaluate(dir, { 'eval-nightly': { accuracy: 0.9, drift_score: 0.1 } })
      const healthy = await assessEvaluation(configOf(dir))
      const closed = await runMonitor(healthy, target, 'default', new Date(T0.getTime() + DAY))
      await recordProduction(ref, {
        ...options,
        status: productionStatus(healthy, closed, new Date(T0.getTime() + DAY))
      })
      const after = (await await docsTwin.git.readFileAt('main', 'docs/experiments.md')) ?? ''
      expect(renderGfm(after)).toContain(
        'last evaluated 2026-11-03 (<code>eval-nightly</code>): ✅ healthy, issue'
      )
      expect(after.match(/experiment-review:start production/g)).toHaveLength(1)
      expect(docsTwin.violations).toEqual([])
    } finally {
      await docsTwin.stop()
    }
  })

  it('never creates the page, and says what to do when the token cannot write contents', async () => {
    const dir = await checkout()
    await evaluate(dir, { e: { accuracy: 0.9, drift_score: 0.1 } })
    const assessment = await assessEvaluation(configOf(dir))
    const ref = { client, owner: twin.owner, repo: twin.repo }
    const status = productionStatus(
      assessment,
      { plan: { action: 'nothing', why: 'healthy' }, writes: [] },
      T0
    )
    const options = { branch: 'main', docsPath: 'docs/experiments.md', id: 'default', status }
    expect(await recordProduction(ref, options)).toMatchObject({ written: false })
    expect(twin.countRequests({ kind: 'write' })).toBe(0)

    const docsTwin = await startGitHubTwin({ files: { 'docs/experiments.md': '# E\n' } })
    try {
      const readOnly = await twinClient(docsTwin, 'ghs_fork-token', { runtime: 'actions' })
      const refused = await recordProduction(
        { client: readOnly, owner: docsTwin.owner, repo: docsTwin.repo },
        options
      )
      expect(refused.written).toBe(false)
      expect(refused.message).toContain('contents: write')
    } finally {
      await docsTwin.stop()
    }
  })
})
