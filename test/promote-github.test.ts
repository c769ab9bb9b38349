// Promote mode against the GitHub twin: a merge makes one commit with the baseline and the docs, human edits
// survive, racing promotes all land, a re-run commits nothing, a protected branch gets an actionable message.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseBaseline } from '../src/core/baseline.js'
import { makeRun } from '../src/core/run.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import type { GitHubClient } from '../src/github/client.js'
import { runPromote, type PromoteConfig } from '../src/modes/promote.js'
import { planPromotion } from '../src/report/promotion.js'
import { findRegions } from '../src/report/docs.js'
import { twinClient } from './github-twin/client.js'
import { renderGfm } from './helpers/cmark.js'
import { startGitHubTwin, type GitHubTwin, type TwinMergeMethod } from './github-twin/server.js'

const BASELINE = '.experiments/baseline.json'
const DOCS = 'docs/experiments.md'
const NOW = new Date('2026-11-20T10:00:00Z')

function rules(): Rules {
  const r = defaultRules()
  r.primary = 'f1'
  return r
}

const ABOVE = '# Churn model: experiments\n\nWritten by the team. Everything outside the markers is ours.\n\n'
const BETWEEN = '\n\nNotes by the team about the data, the labels, anything.\n\n'
const BELOW = '\n\n## Appendix\n\n- kept by hand\n'

/** The page on main before any promote through the API: human text around two managed sections. */
function initialFiles(): Record<string, string> {
  const plan = planPromotion(
    {
      docs: `${ABOVE}<!-- experiment-review:start current -->\n<!-- experiment-review:end current -->${BETWEEN}<!-- experiment-review:start history -->\n<!-- experiment-review:end history -->${BELOW}`
    },
    {
      id: 'default',
      rules: rules(),
      baselinePath: BASELINE,
      docsPath: DOCS,
      runs: [
        makeRun({
          id: 'b:logreg',
          name: 'logreg',
          source: 'builtin',
          path: 'experiments/logreg',
          metrics: { f1: { value: 0.78 } }
        })
      ],
      pr: { number: 12, title: 'first model', mergedBy: 'alice' },
      commit: '1'.repeat(40),
      date: '2026-06-01T00:00:00Z'
    }
  )
  return { ...plan.files, 'README.md': '# models\n' }
}

const workspaces: string[] = []

/** A workspace with built-in runs: name → f1 (a negative f1 marks a failed run). */
async function workspace(runs: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'er-promote-'))
  workspaces.push(dir)
  for (const [name, f1] of Object.entries(runs)) {
    const folder = path.join(dir, 'experiments', name.replace(/[^A-Za-z0-9_-]/g, '_'))
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'metrics.json'), JSON.stringify({ f1: Math.abs(f1), accuracy: 0.9 }))
    await writeFile(path.join(folder, 'params.json'), JSON.stringify({ lr: 0.05, name }))
    await writeFile(
      path.join(folder, 'metadata.yaml'),
      `name: ${JSON.stringify(name)}\nstatus: ${f1 < 0 ? 'failed' : 'finished'}\n`
    )
  }
  return dir
}

let twin: GitHubTwin
let client: GitHubClient

beforeEach(async () => {
  twin = await startGitHubTwin({ files: initialFiles(), startTime: NOW.toISOString() })
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})
afterAll(async () => {
  await Promise.all(workspaces.map(w => rm(w, { recursive: true, force: true })))
})

/** Opens a PR by bob and merges it as alice with GitHub's `method` button; returns the push's `after` commit. */
async function merge(
  number: number,
  title = `PR ${number}`,
  method: TwinMergeMethod = 'squash'
): Promise<string> {
  await twin.openPullRequest({
    number,
    title,
    headRef: `feature-${number}`,
    files: { [`src/model-${number}.py`]: `# change ${number}\n` },
    author: 'bob'
  })
  return twin.mergePullRequest(number, { method, mergedBy: 'alice' })
}

function config(ws: string): PromoteConfig {
  return { workspace: ws, runs: [], baselinePath: BASELINE, docsPath: DOCS, id: 'default', rules: rules() }
}

const promoteMerge = (ws: string, after: string, extra: Partial<Parameters<typeof runPromote>[0]> = {}) =>
  runPromote({
    config: config(ws),
    after,
    ref: 'refs/heads/main',
    repository: { owner: twin.owner, repo: twin.repo },
    client,
    now: NOW,
    pusher: 'pusher-fallback',
    commit: { sleep: async () => undefined, backoffBaseMs: 1 },
    ...extra
  })

async function changedPaths(sha: string): Promise<string[]> {
  const out = (await twin.git.git(['diff-tree', '--no-commit-id', '--name-only', '-r', sha])).toString('utf8')
  return out.trim().split('\n').filter(Boolean).sort()
}

const fileOnMain = async (p: string) => (await twin.git.readFileAt('refs/heads/main', p)) as string

describe('promote mode against the GitHub twin', () => {
  it('makes exactly one commit touching exactly the baseline and the docs, with [skip ci] and no custom author', async () => {
    const after = await merge(57, 'tune xgboost for latency')
    const ws = await workspace({ 'xgb-tuned': 0.86, 'xgb-deeper': 0.855, 'mlp-small': -0.1 })
    const before = (await twin.git.log('main')).length
    const result = await promoteMerge(ws, after)
    expect(result).toMatchObject({ champion: 'xgb-tuned', pr: 57, changedPaths: [BASELINE, DOCS] })
    const log = await twin.git.log('main')
    expect(log).toHaveLength(before + 1)
    expect(log[0].sha).toBe(result.commitSha)
    expect(log[0].parents).toEqual([after])
    expect(log[0].message).toBe('Experiment Review: promote the runs of PR #57 to the baseline [skip ci]')
    expect(await changedPaths(result.commitSha as string)).toEqual([DOCS, BASELINE].sort())
    expect(twin.state.apiCommits.get(result.commitSha as string)).toEqual({
      login: 'github-actions[bot]',
      customAuthor: false
    })

    const baseline = parseBaseline(await fileOnMain(BASELINE), BASELINE)
    expect(baseline.champion).toMatchObject({
      name: 'xgb-tuned',
      pr: { number: 57, title: 'tune xgboost for latency', author: 'bob' },
      commit: after,
      date: twin.state.pulls.get(57)?.mergedAt,
      mergedBy: 'alice'
    })
    expect(baseline.champion.experiments?.map(e => [e.name, e.status, !!e.chosen])).toEqual([
      ['xgb-tuned', 'finished', true],
      ['xgb-deeper', 'finished', false],
      ['mlp-small', 'failed', false]
    ])
    expect(baseline.history).toHaveLength(1)
    expect(baseline.history[0]).toMatchObject({
      name: 'logreg',
      pr: { number: 12 },
      commit: '1'.repeat(40),
      mergedBy: 'alice'
    })
    const docs = await fileOnMain(DOCS)
    expect(docs).toContain('## Current model: `xgb-tuned` (since PR #57, 2026-11-20)')
    expect(docs).toContain('line [0.78, 0.86]')
  })

  it.each(['squash', 'rebase', 'merge'] as const)(
    'finds the PR of a %s merge from the pushed commit and records its number, title, author, merger and time',
    async method => {
      const after = await merge(58, 'calibrate the <b>scores</b> @team', method)
      const pull = twin.state.pulls.get(58)
      expect(pull?.mergeCommitSha).toBe(after)
      expect(after).not.toBe(pull?.head.sha)
      const result = await promoteMerge(await workspace({ calibrated: 0.88 }), after)
      expect(result).toMatchObject({ pr: 58, champion: 'calibrated' })
      // GET /commits/{sha}/pulls (pull-request-simple: no merged_by), then GET /pulls/58 for merged_by.
      expect(twin.countRequests({ operationId: 'repos/list-pull-requests-associated-with-commit' })).toBe(1)
      expect(twin.countRequests({ operationId: 'pulls/get' })).toBe(1)
      const baseline = parseBaseline(await fileOnMain(BASELINE), BASELINE)
      expect(baseline.champion).toMatchObject({
        pr: { number: 58, title: 'calibrate the <b>scores</b> @team', author: 'bob' },
        commit: after,
        mergedBy: 'alice',
        date: pull?.mergedAt
      })
      expect(baseline.history[0]).toMatchObject({ pr: { number: 12 }, mergedBy: 'alice' })
      const docs = await fileOnMain(DOCS)
      const html = renderGfm(docs)
      expect(html).toContain(
        'From PR #58 “calibrate the &lt;b&gt;scores&lt;/b&gt; @\u200cteam” by @\u200cbob, merged by @\u200calice on 2026-11-20.'
      )
      expect(html).not.toContain('<b>')
      expect(docs).toMatch(
        /\|\s*2026-11-20\s*\|\s*#58\s*\|\s*`calibrated`\s*\|.*\|\s*@\u200cbob\s*\|\s*@\u200calice\s*\|/
      )
      expect(docs).toContain(
        'PR #58: calibrate the &lt;b&gt;scores&lt;/b&gt; @\u200cteam by @\u200cbob (1 run)'
      )
    }
  )

  it('keeps human edits above, between and below the sections byte for byte over three promotes', async () => {
    for (const [i, number] of [60, 61, 62].entries()) {
      const after = await merge(number)
      const result = await promoteMerge(await workspace({ [`model-${number}`]: 0.8 + i / 100 }), after)
      expect(result.commitSha).toBeDefined()
      const docs = await fileOnMain(DOCS)
      const [current, history] = findRegions(docs, DOCS)
      expect(docs.slice(0, current.start.start)).toBe(ABOVE)
      expect(docs.slice(current.end.end, history.start.start)).toBe(BETWEEN)
      expect(docs.slice(history.end.end)).toBe(BELOW)
    }
    const baseline = parseBaseline(await fileOnMain(BASELINE), BASELINE)
    expect([baseline.champion, ...baseline.history].map(r => r.pr?.number)).toEqual([62, 61, 60, 12])
  })

  it('lands five promotes racing on the same branch, each in the history, none lost', async () => {
    const merges: { after: string; ws: string }[] = []
    for (let i = 0; i < 5; i++)
      merges.push({ after: await merge(70 + i), ws: await workspace({ [`race-${i}`]: 0.8 + i / 100 }) })
    const before = (await twin.git.log('main')).length
    const results = await Promise.all(merges.map(m => promoteMerge(m.ws, m.after)))
    expect(results.every(r => r.commitSha)).toBe(true)
    expect(twin.countRequests({ operationId: 'git/update-ref' })).toBeGreaterThan(5) // the race happened and was retried
    expect((await twin.git.log('main')).length).toBe(before + 5)
    const baseline = parseBaseline(await fileOnMain(BASELINE), BASELINE)
    const recorded = [baseline.champion, ...baseline.history].map(r => r.pr?.number).sort()
    expect(recorded).toEqual([12, 70, 71, 72, 73, 74])
    const docs = await fileOnMain(DOCS)
    for (let i = 0; i < 5; i++) expect(docs).toContain(`PR #${70 + i}: PR ${70 + i}`)
    // Five merges and five racing promotes through the twin's git: slow on a loaded machine.
  }, 240_000)

  it('commits nothing when the same merge is promoted again', async () => {
    const after = await merge(80)
    const ws = await workspace({ again: 0.9 })
    expect((await promoteMerge(ws, after)).commitSha).toBeDefined()
    const head = (await twin.git.log('main'))[0].sha
    twin.clearRequests()
    const again = await promoteMerge(ws, after)
    expect(again.commitSha).toBeUndefined()
    expect(again.skipped).toMatch(/^PR #80 is already recorded in the baseline \(champion\); nothing to do$/)
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
    expect((await twin.git.log('main'))[0].sha).toBe(head)
  })

  it.each([422, 403] as const)(
    'surfaces the fix when a protected branch refuses the push (%s)',
    async status => {
      const after = await merge(90)
      twin.protectBranch('main', status)
      const head = (await twin.git.log('main'))[0].sha
      const error = await promoteMerge(await workspace({ blocked: 0.9 }), after).catch((e: Error) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toMatch(/GitHub App token/)
      expect((error as Error).message).toMatch(/on the ruleset.s bypass list/)
      expect((error as Error).message).toMatch(
        /workflow token \(github-actions\[bot\]\) cannot be put on a bypass list/
      )
      expect((await twin.git.log('main'))[0].sha).toBe(head)
    }
  )

  it('writes nothing when the markers on main are broken, naming the lines', async () => {
    await twin.git.commitFiles(
      'main',
      { [DOCS]: '# Page\n\n<!-- experiment-review:start current -->\n\nhand text\n' },
      'edit docs by hand'
    )
    const after = await merge(95)
    const head = (await twin.git.log('main'))[0].sha
    const error = await promoteMerge(await workspace({ broken: 0.9 }), after).catch((e: Error) => e)
    expect((error as Error).message).toMatch(
      /docs\/experiments\.md: the experiment-review markers are broken[\s\S]*line 3: <!-- experiment-review:start current --> has no end marker/
    )
    expect((await twin.git.log('main'))[0].sha).toBe(head)
  })

  it('promotes the runs of a push that merged no PR under its commit, and a docs-only merge commits nothing', async () => {
    const sha = await twin.git.commitFiles('main', { 'x.txt': 'x' }, 'direct push')
    const ws = await workspace({ direct: 0.95 })
    const result = await promoteMerge(ws, sha)
    expect(result.pr).toBeUndefined()
    expect(result.commitSha).toBeDefined()
    const baseline = parseBaseline(await fileOnMain(BASELINE), BASELINE)
    expect(baseline.champion).toMatchObject({ name: 'direct', commit: sha })
    const docsOnly = await merge(96)
    const rerun = await promoteMerge(ws, docsOnly)
    expect(rerun.commitSha).toBeUndefined()
    expect(rerun.skipped).toMatch(/the runs of PR #96 are the ones already recorded for commit/)
  })
})

describe('promote through a pull request (promote-via: pull-request)', () => {
  const BRANCH = 'experiment-review/promote/default'
  const viaPullRequest = { via: 'pull-request' as const }

  it('on a protected main, opens one pull request from the promotion branch with auto-merge on, and leaves main alone', async () => {
    twin.state.allowAutoMerge = true
    twin.protectBranch('main', 403)
    const after = await merge(57, 'tune xgboost for latency')
    const mainBefore = (await twin.git.log('main'))[0].sha
    const result = await promoteMerge(await workspace({ 'xgb-tuned': 0.86 }), after, viaPullRequest)

    expect((await twin.git.log('main'))[0].sha).toBe(mainBefore)
    expect(result).toMatchObject({ champion: 'xgb-tuned', pr: 57, changedPaths: [BASELINE, DOCS] })
    expect(result.pullRequest).toMatchObject({ opened: true, autoMerge: { state: 'enabled' } })
    const pull = twin.state.pulls.get(result.pullRequest!.number)!
    expect(pull).toMatchObject({ state: 'open', head: { ref: BRANCH }, base: { ref: 'main' } })
    expect(pull.title).toBe('Experiment Review: record the new baseline')
    expect(pull.user.login).toBe('github-actions[bot]')
    expect(pull.autoMerge).toMatchObject({
      mergeMethod: 'squash',
      enabledBy: { login: 'github-actions[bot]' }
    })
    expect(await changedPaths(result.commitSha!)).toEqual([BASELINE, DOCS].sort())
    const [commit] = await twin.git.log(BRANCH)
    expect(commit.message).toBe('Experiment Review: promote the runs of PR #57 to the baseline')
    const body = renderGfm(pull.body ?? '')
    expect(body).toContain('<code>.experiments/baseline.json</code>')
    expect(body).toContain('auto-merge')
  })

  it('adds the next merge to the open pull request, keeps both in the baseline history, and skips its own merge', async () => {
    twin.state.allowAutoMerge = true
    twin.protectBranch('main', 422)
    const first = await promoteMerge(await workspace({ 'xgb-tuned': 0.86 }), await merge(57), viaPullRequest)
    const second = await promoteMerge(await workspace({ 'xgb-wider': 0.88 }), await merge(70), viaPullRequest)
    expect(second.pullRequest).toMatchObject({
      number: first.pullRequest!.number,
      opened: false,
      autoMerge: { state: 'already' }
    })
    expect([...twin.state.pulls.values()].filter(p => p.head.ref === BRANCH)).toHaveLength(1)
    const onBranch = parseBaseline(
      (await twin.git.readFileAt(`refs/heads/${BRANCH}`, BASELINE)) as string,
      BASELINE
    )
    expect(onBranch.champion).toMatchObject({ name: 'xgb-wider', pr: { number: 70 } })
    expect(onBranch.history[0]).toMatchObject({ name: 'xgb-tuned', pr: { number: 57 } })

    // GitHub merges it once the rules are met; the push of that merge promotes nothing.
    twin.state.protectedBranches.delete('main')
    const merged = await twin.mergePullRequest(first.pullRequest!.number, {
      method: 'squash',
      mergedBy: 'github-actions[bot]'
    })
    expect(parseBaseline(await fileOnMain(BASELINE), BASELINE).champion.name).toBe('xgb-wider')
    const own = await promoteMerge(await workspace({ whatever: 0.99 }), merged, viaPullRequest)
    expect(own).toMatchObject({ changedPaths: [], pr: first.pullRequest!.number })
    expect(own.skipped).toMatch(/own promotion pull request #\d+/)
    expect(own.commitSha).toBeUndefined()
    expect(own.pullRequest).toBeUndefined()

    // The next merge starts the branch again from main and opens a new pull request.
    twin.protectBranch('main', 422)
    const third = await promoteMerge(await workspace({ 'xgb-best': 0.9 }), await merge(80), viaPullRequest)
    expect(third.pullRequest).toMatchObject({ opened: true, autoMerge: { state: 'enabled' } })
    expect(third.pullRequest!.number).not.toBe(first.pullRequest!.number)
    const branchLog = await twin.git.log(BRANCH)
    expect(branchLog[1].sha).toBe((await twin.git.log('main'))[0].sha)
  })

  it('leaves the pull request open and says what to do when the repository does not allow auto-merge', async () => {
    twin.protectBranch('main', 403)
    const result = await promoteMerge(await workspace({ 'xgb-tuned': 0.86 }), await merge(57), viaPullRequest)
    expect(result.pullRequest?.autoMerge).toEqual({
      state: 'refused',
      reason: 'Pull request Auto merge is not allowed for this repository'
    })
    expect(twin.state.pulls.get(result.pullRequest!.number)?.state).toBe('open')
    const { promotionPullRequestLine } = await import('../src/report/summary.js')
    expect(promotionPullRequestLine(result.pullRequest!)).toMatch(
      /refused auto-merge \(Pull request Auto merge is not allowed for this repository\): turn on "Allow auto-merge"[\s\S]*or merge #\d+ by hand/
    )
  })

  it('merges the pull request at once when nothing blocks it (GitHub refuses auto-merge on a clean pull request)', async () => {
    twin.state.allowAutoMerge = true
    const result = await promoteMerge(await workspace({ 'xgb-tuned': 0.86 }), await merge(57), viaPullRequest)
    expect(result.pullRequest?.autoMerge.state).toBe('merged')
    const pull = twin.state.pulls.get(result.pullRequest!.number)!
    expect(pull.state).toBe('closed')
    expect(pull.mergedAt).not.toBeNull()
    expect(parseBaseline(await fileOnMain(BASELINE), BASELINE).champion.name).toBe('xgb-tuned')
  })

  it('commits nothing and opens nothing when the merge is already recorded', async () => {
    twin.state.allowAutoMerge = true
    const after = await merge(57)
    const ws = await workspace({ 'xgb-tuned': 0.86 })
    await promoteMerge(ws, after)
    const pullsBefore = twin.state.pulls.size
    const again = await promoteMerge(ws, after, viaPullRequest)
    expect(again.commitSha).toBeUndefined()
    expect(again.pullRequest).toBeUndefined()
    expect(twin.state.pulls.size).toBe(pullsBefore)
  })

  it('reaches GraphQL beside /api/v3 on GitHub Enterprise Server', async () => {
    const ghes = await startGitHubTwin({ files: initialFiles(), pathPrefix: '/api/v3', allowAutoMerge: true })
    try {
      ghes.protectBranch('main', 403)
      await ghes.openPullRequest({ number: 57, headRef: 'feature', files: { 'a.py': '1\n' }, author: 'bob' })
      const after = await ghes.mergePullRequest(57, { method: 'merge', mergedBy: 'alice' })
      const result = await runPromote({
        config: config(await workspace({ 'xgb-tuned': 0.86 })),
        after,
        ref: 'refs/heads/main',
        repository: { owner: ghes.owner, repo: ghes.repo },
        client: await twinClient(ghes, 'ghs_workflow-token', { runtime: 'actions' }),
        now: NOW,
        via: 'pull-request'
      })
      expect(result.pullRequest?.autoMerge).toEqual({ state: 'enabled' })
      expect(ghes.requests.some(r => r.path === '/api/graphql' && r.status === 200)).toBe(true)
      expect(ghes.violations).toEqual([])
    } finally {
      await ghes.stop()
    }
  })

  it('names promote-via: pull-request in the hint when a protected branch refuses the push', async () => {
    twin.protectBranch('main', 403)
    const error = await promoteMerge(await workspace({ blocked: 0.9 }), await merge(90)).catch(
      (e: Error) => e
    )
    expect((error as Error).message).toMatch(/promote-via: pull-request/)
  })

  it('refuses a promote-via that is neither push nor pull-request, naming the input', async () => {
    const { readActionConfig } = await import('../src/config/inputs.js')
    const inputs: Record<string, string> = { 'promote-via': 'pr' }
    expect(() => readActionConfig(name => inputs[name] ?? '', {})).toThrow(
      'input "promote-via" is "pr"; expected push or pull-request'
    )
    inputs['promote-via'] = 'pull-request'
    expect(readActionConfig(name => inputs[name] ?? '', {}).promoteVia).toBe('pull-request')
    expect(readActionConfig(() => '', {}).promoteVia).toBe('push')
  })
})
