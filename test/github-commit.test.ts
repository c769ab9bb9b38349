// commitFilesToBranch against the twin's real bare repository: one signed-able commit on the head, nothing
// when nothing changes, five racing writers all landing in a linear history without force, and protected
// branches explained.
import type { GitHubClient } from '../src/github/client.js'
import { commitFilesToBranch, type CommitFilesOptions } from '../src/github/commit.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const BASELINE = '.experiments/baseline.json'
const DOCS = 'docs/experiments.md'
let twin: GitHubTwin
let client: GitHubClient

beforeEach(async () => {
  twin = await startGitHubTwin({
    files: {
      'README.md': '# models\n',
      [BASELINE]: JSON.stringify({ history: [] }),
      [DOCS]: '# Experiments\n'
    }
  })
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

/** The error a promise rejects with; fails the test when it resolves. */
const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    value => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`)
    },
    (error: unknown) => error as Error
  )
const fastSleep = () => new Promise<void>(resolve => setImmediate(resolve))
const commit = (options: Partial<CommitFilesOptions> & Pick<CommitFilesOptions, 'computeFiles'>) =>
  commitFilesToBranch({
    client,
    owner: twin.owner,
    repo: twin.repo,
    branch: 'main',
    message: 'Update baseline',
    sleep: fastSleep,
    ...options
  })

/** Appends `entry` to the baseline's history, as promote does. */
const appendToBaseline =
  (entry: string): CommitFilesOptions['computeFiles'] =>
  async readFile => {
    const baseline = JSON.parse((await readFile(BASELINE)) ?? '{"history":[]}') as { history: string[] }
    return { [BASELINE]: JSON.stringify({ history: [...baseline.history, entry] }) }
  }

describe('commitFilesToBranch', () => {
  it('commits computed files, nested paths included, on the head with no custom author', async () => {
    const before = (await twin.git.log('main'))[0].sha
    const seen: string[] = []
    const result = await commit({
      computeFiles: async (readFile, headSha) => {
        seen.push(
          headSha,
          (await readFile(DOCS)) ?? '(absent)',
          (await readFile('nope/missing.md')) ?? '(absent)'
        )
        return { [DOCS]: '# Experiments\n\nchampion: run-7\n', 'docs/runs/run-7/notes.md': 'notes\n' }
      }
    })
    expect(seen).toEqual([before, '# Experiments\n', '(absent)'])
    expect(result.attempts).toBe(1)
    expect(result.changedPaths).toEqual([DOCS, 'docs/runs/run-7/notes.md'])
    const log = await twin.git.log('main')
    expect(log[0]).toMatchObject({ sha: result.commitSha, parents: [before], message: 'Update baseline' })
    expect(await twin.git.readFileAt('main', 'docs/runs/run-7/notes.md')).toBe('notes\n')
    expect(await twin.git.readFileAt('main', 'README.md')).toBe('# models\n')
    expect(twin.state.apiCommits.get(result.commitSha ?? '')).toEqual({
      login: 'github-actions[bot]',
      customAuthor: false
    })
    const { data } = await client.rest.git.getCommit({
      owner: twin.owner,
      repo: twin.repo,
      commit_sha: result.commitSha ?? ''
    })
    expect(data.verification?.verified).toBe(true)
    expect(twin.requests.filter(r => r.operationId === 'git/update-ref')).toHaveLength(1)
  })

  it('makes no commit and no write when nothing changes', async () => {
    const head = (await twin.git.log('main'))[0].sha
    const same = await commit({ computeFiles: async readFile => ({ [DOCS]: (await readFile(DOCS)) ?? '' }) })
    const nothing = await commit({ computeFiles: async () => undefined })
    expect(same).toEqual({ attempts: 1, changedPaths: [] })
    expect(nothing).toEqual({ attempts: 1, changedPaths: [] })
    expect(twin.countRequests({ kind: 'write' })).toBe(0)
    expect((await twin.git.log('main'))[0].sha).toBe(head)
  })

  it('five writers racing on one branch all land, in a linear history, without force', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(i =>
        commit({ message: `promote run-${i}`, computeFiles: appendToBaseline(`run-${i}`) })
      )
    )
    expect(results.every(r => r.commitSha)).toBe(true)
    expect(results.some(r => r.attempts > 1)).toBe(true)
    const history = (
      JSON.parse((await twin.git.readFileAt('main', BASELINE)) ?? '{}') as { history: string[] }
    ).history
    expect([...history].sort()).toEqual(['run-1', 'run-2', 'run-3', 'run-4', 'run-5'])
    const log = await twin.git.log('main')
    expect(log).toHaveLength(6)
    expect(log.every(c => c.parents.length <= 1)).toBe(true)
    for (let i = 0; i < log.length - 1; i++) expect(log[i].parents).toEqual([log[i + 1].sha])
    expect(new Set(log.slice(0, 5).map(c => c.sha))).toEqual(new Set(results.map(r => r.commitSha)))
    const refUpdates = twin.requests.filter(r => r.operationId === 'git/update-ref')
    expect(refUpdates.filter(r => r.status === 200)).toHaveLength(5)
    expect(refUpdates.filter(r => r.status === 422).length).toBeGreaterThan(0)
    // A race of five writers, each a handful of git subprocesses in the twin: slow on a loaded machine.
  }, 240_000)

  it('re-reads the files of the new head after losing a race', async () => {
    let calls = 0
    const result = await commit({
      computeFiles: async (readFile, headSha) => {
        calls++
        if (calls === 1)
          await twin.git.commitFiles('main', { 'other.txt': 'pushed meanwhile\n' }, 'someone else')
        return appendToBaseline(`seen ${headSha.slice(0, 7)}`)(readFile, headSha)
      }
    })
    expect(result.attempts).toBe(2)
    expect(calls).toBe(2)
    expect(await twin.git.readFileAt('main', 'other.txt')).toBe('pushed meanwhile\n')
  })

  it('backs off with jitter between attempts and fails clearly after the bound', async () => {
    const waits: number[] = []
    const error = await failure(
      commit({
        maxAttempts: 3,
        backoffBaseMs: 100,
        random: () => 0.5,
        sleep: async ms => {
          waits.push(ms)
        },
        computeFiles: async readFile => {
          await twin.git.commitFiles('main', { 'noise.txt': String(Math.random()) }, 'another push')
          return appendToBaseline('never lands')(readFile, '')
        }
      })
    )
    expect(waits).toEqual([100, 200])
    expect(error.message).toMatch(
      /the branch moved during each of 3 attempts \(422 "Update is not a fast forward"\).*never force-pushes/
    )
  })

  it.each([422, 403] as const)('explains a protected branch refusal (%s)', async status => {
    twin.protectBranch('main', status)
    const error = await failure(commit({ computeFiles: appendToBaseline('run-1') }))
    expect(error.message).toMatch(
      /moving octo-org\/models@main to the new commit failed: GitHub answered (422|403)/
    )
    expect(error.message).toMatch(/GitHub App token.*on the ruleset's bypass list/)
    expect(twin.requests.filter(r => r.operationId === 'git/update-ref')).toHaveLength(1)
  })

  it('explains a read-only token', async () => {
    const forkClient = await twinClient(twin, 'ghs_fork-token')
    const error = await failure(
      commitFilesToBranch({
        client: forkClient,
        owner: twin.owner,
        repo: twin.repo,
        branch: 'main',
        message: 'x',
        computeFiles: appendToBaseline('run-1')
      })
    )
    expect(error.message).toMatch(
      /writing the commit for octo-org\/models@main failed: GitHub answered 403.*permissions: contents: write/
    )
  })

  it('explains a branch that does not exist', async () => {
    const error = await failure(commit({ branch: 'nope', computeFiles: appendToBaseline('x') }))
    expect(error.message).toMatch(/reading the head of octo-org\/models@nope failed: GitHub answered 404/)
  })
})
