// End to end: the action (`node dist/index.js`, as the runner runs it) with `runs:` naming an MLflow tracking
// server: the PR's runs are read from the MLflow twin (experiment from the rules file's select, commit = the PR
// head, token from MLFLOW_TRACKING_TOKEN) and reviewed against the GitHub twin.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { GitHubTwin } from './github-twin/server.js'
import { startMlflowTwin, type MlflowTwin, type TwinRun } from './mlflow-twin/server.js'
import {
  prRuns,
  pullRequestPayloadOn,
  REVIEW_RULES,
  runActionOnTwin,
  startReviewTestbed,
  type ReviewRepository,
  type ReviewTestbed
} from './review-fixtures.js'

const TOKEN = 'mlflow-token-e2e-7f3a'

let bed: ReviewTestbed
let github: GitHubTwin
let mlflow: MlflowTwin
let fixture: ReviewRepository

/** The fixture's PR runs as MLflow runs of experiment `vision`, logged from `commit`. */
function mlflowRunsOf(commit: string): TwinRun[] {
  return prRuns().map((run, i) => {
    const metrics: TwinRun['metrics'] = {}
    for (const [key, m] of Object.entries(run.metrics))
      metrics[key] =
        typeof m === 'number'
          ? [{ step: 0, value: m, timestamp: 1_700_000_000_000 }]
          : m.history.map(p => ({ step: p.step, value: p.value, timestamp: 1_700_000_000_000 + p.step }))
    const meta = run.metadata ?? {}
    return {
      run_id: (i + 1).toString(16).padStart(32, 'a'),
      experiment_id: '7',
      run_name: run.name,
      status: 'FINISHED',
      start_time: 1_700_000_000_000 + i,
      params: Object.fromEntries(Object.entries(run.params).map(([k, v]) => [k, String(v)])),
      tags: {
        'mlflow.source.git.commit': commit,
        ...(meta.group ? { group: String(meta.group) } : {}),
        ...(meta.seed !== undefined ? { seed: String(meta.seed) } : {})
      },
      metrics
    }
  })
}

beforeAll(async () => {
  bed = await startReviewTestbed('e2e-mlflow-')
  ;({ twin: github, fixture } = bed)
  mlflow = await startMlflowTwin({
    experiments: [
      { experiment_id: '0', name: 'Default' },
      { experiment_id: '7', name: 'vision' }
    ],
    runs: [
      ...mlflowRunsOf(fixture.headSha),
      // Another commit's run in the same experiment: never read.
      { ...mlflowRunsOf('0'.repeat(40))[3], run_id: 'f'.repeat(32), run_name: 'old-run' }
    ],
    auth: { token: TOKEN }
  })
  await writeFile(
    path.join(fixture.workspace, '.github', 'experiment-review-mlflow.yml'),
    `${REVIEW_RULES}select:\n  experiments: [vision]\n`
  )
})

afterAll(async () => {
  await bed?.stop()
  await mlflow?.close()
})

describe('node dist/index.js with runs: an MLflow tracking URI', () => {
  it('reviews the runs of the PR head from the tracking server, and never shows the token', async () => {
    github.addPullRequest({ number: 31, headRef: fixture.headRef, headSha: fixture.headSha })
    const result = await runActionOnTwin(bed, {
      payload: pullRequestPayloadOn(github, fixture, 31),
      inputs: {
        runs: mlflow.url,
        config: '.github/experiment-review-mlflow.yml'
      },
      env: { MLFLOW_TRACKING_TOKEN: TOKEN }
    })
    expect(result.stderr).toBe('')
    expect(result.outputs.verdict).toBe('fail')
    expect(result.outputs.champion).toBe('resnet-wide')
    expect(result.code).toBe(1)
    const comment = [...github.state.comments.values()].find(c => c.issueNumber === 31)
    expect(comment?.body).toContain('resnet-wide')
    expect(comment?.body).not.toContain('old-run')
    for (const text of [result.stdout, result.summary, comment?.body ?? '']) expect(text).not.toContain(TOKEN)
    const search = mlflow.requests.find(r => r.endpoint === 'runs/search')
    expect(search?.body).toMatchObject({
      experiment_ids: ['7'],
      filter: `tags.\`mlflow.source.git.commit\` = '${fixture.headSha}'`
    })
    expect(mlflow.requests.every(r => r.authorized)).toBe(true)
    expect(mlflow.violations).toEqual([])
  })
})
