// Retraining issues, permissions and the pull-request helpers against the twin.
import type { GitHubClient } from '../src/github/client.js'
import { closeIssue, createIssue, listIssuesByMarker, updateIssue } from '../src/github/issues.js'
import { getRepositoryPermission, hasPermission } from '../src/github/permissions.js'
import {
  addReaction,
  findPullRequestForSha,
  getPullRequest,
  readFileAtRef,
  setCommitStatus
} from '../src/github/pr.js'
import { hiddenMarker } from '../src/core/conventions.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'

const marker = hiddenMarker('default', 'issue')
let twin: GitHubTwin
let client: GitHubClient
let repoRef: { client: GitHubClient; owner: string; repo: string }

beforeEach(async () => {
  twin = await startGitHubTwin({
    files: {
      '.experiments/baseline.json': '{"champion":"run-3"}\n',
      'docs/experiments.md': '# Experiments\n'
    },
    collaborators: { alice: 'maintain', bob: 'triage', carol: 'admin', dave: 'write' }
  })
  client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
  repoRef = { client, owner: twin.owner, repo: twin.repo }
})
afterEach(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

describe('retraining issues', () => {
  // The workflow token posts as github-actions[bot], whose login GET /user does not tell.
  const identity = { source: 'installation' } as const
  const ours = () => listIssuesByMarker({ ...repoRef, marker, identity })

  it('opens an issue with the marker and labels, rewrites it keeping labels people added, and reopens it', async () => {
    const opened = await createIssue({
      ...repoRef,
      marker,
      title: 'Retrain: accuracy below 0.85',
      body: 'accuracy 0.81',
      labels: ['retraining']
    })
    expect(twin.state.issues.get(opened.number)).toMatchObject({ state: 'open', labels: ['retraining'] })
    expect(opened.body).toContain(marker.replace(/ -->$/, ''))
    expect(opened.body).toContain('accuracy 0.81')

    twin.state.issues.get(opened.number)?.labels.push('triaged')
    const [found] = await ours()
    const worse = await updateIssue({
      ...repoRef,
      issue: found,
      marker,
      title: 'Retrain: accuracy below 0.85',
      body: 'accuracy 0.78',
      labels: ['retraining', 'urgent']
    })
    expect(worse.labels).toEqual(['retraining', 'triaged', 'urgent'])
    expect(twin.state.issues.get(opened.number)).toMatchObject({
      labels: ['retraining', 'triaged', 'urgent']
    })
    expect(worse.body).toContain('accuracy 0.78')
    expect(worse.body).not.toContain('accuracy 0.81')
    expect((await ours()).map(i => i.number)).toEqual([opened.number])

    await closeIssue({ ...repoRef, issueNumber: opened.number })
    const [closed] = await listIssuesByMarker({ ...repoRef, marker, identity, state: 'closed' })
    const reopened = await updateIssue({
      ...repoRef,
      issue: closed,
      marker,
      title: 't',
      body: 'b',
      reopen: true
    })
    expect(reopened.state).toBe('open')
    expect(twin.state.issues.get(opened.number)).toMatchObject({ state: 'open' })
  })

  it("finds only the token's own issues among many: never a pull request, never a marker pasted by a person", async () => {
    for (let i = 0; i < 120; i++) twin.addIssue({ title: `bug ${i}`, body: 'unrelated' })
    twin.addPullRequest({ headRef: 'x', headSha: 'f'.repeat(40) })
    twin.state.issues.get(121)!.body = `${marker} in a PR description`
    twin.addIssue({ title: 'copy', body: `${marker} pasted by a person`, author: 'mallory' })
    expect(await ours()).toEqual([])
    const own = await createIssue({
      ...repoRef,
      marker,
      title: 'Retrain',
      body: 'drift',
      labels: []
    })
    expect((await ours()).map(i => i.number)).toEqual([own.number])
    expect(
      await listIssuesByMarker({
        ...repoRef,
        marker,
        identity: { login: 'dave', source: 'bot-login' }
      })
    ).toEqual([])
  })

  it('closes the issue as completed with a comment on recovery', async () => {
    const { number } = await createIssue({
      ...repoRef,
      marker,
      title: 'Retrain',
      body: 'drift 0.4',
      labels: []
    })
    await closeIssue({ ...repoRef, issueNumber: number, comment: 'Recovered: drift 0.1' })
    expect(twin.state.issues.get(number)).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect([...twin.state.comments.values()].map(c => c.body)).toEqual(['Recovered: drift 0.1'])
  })

  it('explains a token without issues: write', async () => {
    const readOnly = await twinClient(twin, 'ghs_fork-token')
    await expect(
      createIssue({
        client: readOnly,
        owner: twin.owner,
        repo: twin.repo,
        marker,
        title: 't',
        body: 'b',
        labels: []
      })
    ).rejects.toThrow(
      /opening an issue in octo-org\/models failed: GitHub answered 403.*permissions: issues: write/s
    )
  })
})

describe('permissions', () => {
  it('reads the fine-grained role and compares it with the required one', async () => {
    expect(await getRepositoryPermission({ ...repoRef, user: 'alice' })).toBe('maintain')
    expect(await getRepositoryPermission({ ...repoRef, user: 'bob' })).toBe('triage')
    expect(await getRepositoryPermission({ ...repoRef, user: 'carol' })).toBe('admin')
    expect(await getRepositoryPermission({ ...repoRef, user: 'stranger' })).toBe('read')
    expect(hasPermission('maintain', 'write')).toBe(true)
    expect(hasPermission('triage', 'write')).toBe(false)
    expect(hasPermission('write', 'write')).toBe(true)
    expect(hasPermission('admin', 'maintain')).toBe(true)
    expect(hasPermission('none', 'read')).toBe(false)
  })
})

describe('pull requests', () => {
  it('reads a pull request, and explains one that does not exist', async () => {
    twin.addPullRequest({ number: 5, headRef: 'tune-lr', headSha: '1'.repeat(40), title: 'Tune LR' })
    expect(await getPullRequest({ ...repoRef, pullNumber: 5 })).toMatchObject({
      number: 5,
      title: 'Tune LR',
      headSha: '1'.repeat(40),
      headRef: 'tune-lr',
      baseRef: 'main',
      fromFork: false,
      state: 'open'
    })
    await expect(getPullRequest({ ...repoRef, pullNumber: 99 })).rejects.toThrow(
      /reading pull request octo-org\/models#99 failed: GitHub answered 404/
    )
  })

  it('finds the pull request of a head commit, falling back to the open list for forks', async () => {
    twin.addPullRequest({ number: 6, headRef: 'same-repo', headSha: '2'.repeat(40) })
    twin.addPullRequest({
      number: 7,
      headRef: 'main',
      headSha: '3'.repeat(40),
      fromFork: true,
      author: 'contributor'
    })
    expect((await findPullRequestForSha({ ...repoRef, sha: '2'.repeat(40) }))?.number).toBe(6)
    twin.clearRequests()
    const fork = await findPullRequestForSha({ ...repoRef, sha: '3'.repeat(40) })
    expect(fork).toMatchObject({ number: 7, fromFork: true, headRepository: 'contributor/models' })
    expect(twin.requests.map(r => r.operationId)).toEqual([
      'repos/list-pull-requests-associated-with-commit',
      'pulls/list'
    ])
    expect(await findPullRequestForSha({ ...repoRef, sha: '4'.repeat(40) })).toBeUndefined()
  })

  it('reads files at a ref, undefined when absent', async () => {
    const head = (await twin.git.log('main'))[0].sha
    await twin.git.commitFiles('main', { '.experiments/baseline.json': '{"champion":"run-9"}\n' }, 'newer')
    expect(await readFileAtRef({ ...repoRef, path: '.experiments/baseline.json', ref: head })).toBe(
      '{"champion":"run-3"}\n'
    )
    expect(await readFileAtRef({ ...repoRef, path: '.experiments/baseline.json', ref: 'main' })).toBe(
      '{"champion":"run-9"}\n'
    )
    expect(await readFileAtRef({ ...repoRef, path: 'nothing/here.json', ref: 'main' })).toBeUndefined()
    await expect(readFileAtRef({ ...repoRef, path: 'docs', ref: 'main' })).rejects.toThrow(
      /docs at main in octo-org\/models is a directory/
    )
  })

  it('sets a commit status, its description cut to 140 characters', async () => {
    twin.addPullRequest({ number: 8, headRef: 'x', headSha: '5'.repeat(40) })
    await setCommitStatus({
      ...repoRef,
      sha: '5'.repeat(40),
      state: 'failure',
      context: 'experiment-review',
      description: 'accuracy dropped '.repeat(20),
      targetUrl: 'https://ci.example/run/1'
    })
    expect(twin.state.statuses).toHaveLength(1)
    expect(twin.state.statuses[0]).toMatchObject({
      state: 'failure',
      context: 'experiment-review',
      targetUrl: 'https://ci.example/run/1'
    })
    expect(twin.state.statuses[0].description).toHaveLength(140)
  })

  it('reacts to a comment', async () => {
    twin.addPullRequest({ number: 9, headRef: 'x', headSha: '6'.repeat(40) })
    const command = twin.addIssueComment({
      issueNumber: 9,
      author: 'alice',
      body: '/experiments accept f1 noise'
    })
    await addReaction({ ...repoRef, commentId: command.id, content: '+1' })
    await addReaction({ ...repoRef, commentId: command.id, content: '+1' })
    expect(command.reactions.map(r => [r.content, r.user.login])).toEqual([['+1', 'github-actions[bot]']])
  })
})
