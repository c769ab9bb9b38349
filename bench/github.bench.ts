// API requests of the GitHub edge, counted on the local twin: one sticky-comment upsert on a pull request with
// 250 comments (reads to find it, writes), unchanged and changed; and one baseline commit.
import type { Benchmark, BenchRow } from './harness.js'
import { commitFilesToBranch } from '../src/github/commit.js'
import { upsertStickyComment } from '../src/github/sticky.js'
import { hiddenMarker } from '../src/core/conventions.js'
import { twinClient } from '../test/github-twin/client.js'
import { startGitHubTwin } from '../test/github-twin/server.js'

const COMMENTS = 250

async function stickyRows(): Promise<BenchRow[]> {
  const twin = await startGitHubTwin()
  try {
    const client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
    twin.addPullRequest({ number: 1, headRef: 'feature', headSha: 'a'.repeat(40) })
    for (let i = 0; i < COMMENTS; i++)
      twin.addIssueComment({ issueNumber: 1, author: i % 3 ? 'alice' : 'bob', body: `comment ${i}` })
    const marker = hiddenMarker('default')
    const upsert = (body: string) =>
      upsertStickyComment({
        client,
        owner: twin.owner,
        repo: twin.repo,
        issueNumber: 1,
        marker,
        body,
        identity: { source: 'installation' }
      })
    const measure = async (body: string) => {
      twin.clearRequests()
      const start = process.hrtime.bigint()
      const result = await upsert(body)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      return {
        action: result.action,
        reads: twin.countRequests({ kind: 'read' }),
        writes: twin.countRequests({ kind: 'write' }),
        ms
      }
    }
    const first = await measure('review v1')
    const changed = await measure('review v2')
    const unchanged = await measure('review v2')
    if (twin.violations.length) throw new Error(`OpenAPI violations: ${JSON.stringify(twin.violations)}`)
    const row = (name: string, value: number, goal: number, details: Record<string, unknown>): BenchRow => ({
      name,
      value,
      unit: 'requests',
      goal: { text: `≤ ${goal}`, met: value <= goal },
      details
    })
    return [
      row(`sticky create, ${COMMENTS} comments: reads`, first.reads, 3, first),
      row(`sticky create, ${COMMENTS} comments: writes`, first.writes, 1, first),
      row(`sticky changed, ${COMMENTS} comments: reads`, changed.reads, 3, changed),
      row(`sticky changed, ${COMMENTS} comments: writes`, changed.writes, 1, changed),
      row(`sticky unchanged, ${COMMENTS} comments: reads`, unchanged.reads, 3, unchanged),
      row(`sticky unchanged, ${COMMENTS} comments: writes`, unchanged.writes, 0, unchanged)
    ]
  } finally {
    await twin.stop()
  }
}

async function commitRows(): Promise<BenchRow[]> {
  const twin = await startGitHubTwin({
    files: { '.experiments/baseline.json': '{}', 'docs/experiments.md': '# Experiments\n' }
  })
  try {
    const client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
    const result = await commitFilesToBranch({
      client,
      owner: twin.owner,
      repo: twin.repo,
      branch: 'main',
      message: 'Promote run-1',
      computeFiles: async readFile => ({
        '.experiments/baseline.json': `${(await readFile('.experiments/baseline.json')) ?? ''}\n`,
        'docs/experiments.md': `${(await readFile('docs/experiments.md')) ?? ''}\nrun-1\n`
      })
    })
    const reads = twin.countRequests({ kind: 'read' })
    const writes = twin.countRequests({ kind: 'write' })
    return [
      {
        name: 'baseline commit of 2 files, no race: reads',
        value: reads,
        unit: 'requests',
        goal: { text: '≤ 4 (ref, commit, 2 files)', met: reads <= 4 },
        details: { ...result }
      },
      {
        name: 'baseline commit of 2 files, no race: writes',
        value: writes,
        unit: 'requests',
        goal: { text: '≤ 5 (2 blobs, tree, commit, ref)', met: writes <= 5 },
        details: { ...result }
      }
    ]
  } finally {
    await twin.stop()
  }
}

/** Request counts of the GitHub edge on the twin. */
export const benchmarks: Benchmark[] = [
  { name: 'github sticky comment', run: stickyRows },
  { name: 'github baseline commit', run: commitRows }
]
