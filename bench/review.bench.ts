// The API requests of one review on a PR with 250 comments, counted from the GitHub twin's request log: at most
// 3 reads to find the sticky comment and at most 1 write; 0 writes when nothing changed.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readActionConfig } from '../src/config/inputs.js'
import { gitHubClientFactory } from '../src/github/client.js'
import { runReviewMode } from '../src/modes/review.js'
import type { ActionLog, ModeContext } from '../src/modes/types.js'
import { startGitHubTwin } from '../test/github-twin/server.js'
import { mainBranchFiles, makeReviewRepository, prRuns, pullRequestPayload } from '../test/review-fixtures.js'
import { timeMs, type Benchmark, type BenchRow } from './harness.js'

const COMMENTS = 250

const quietLog: ActionLog = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  summary: async () => undefined
}

/** The benchmarks of this file. */
export const benchmarks: Benchmark[] = [
  {
    name: `review on a PR with ${COMMENTS} comments`,
    run: async () => {
      const twin = await startGitHubTwin({ files: await mainBranchFiles() })
      const fixture = await makeReviewRepository()
      const temp = await mkdtemp(path.join(tmpdir(), 'review-bench-'))
      try {
        const number = 17
        twin.addPullRequest({ number, headRef: fixture.headRef, headSha: fixture.headSha })
        for (let i = 0; i < COMMENTS; i++) {
          twin.addIssueComment({
            issueNumber: number,
            author: i % 5 === 0 ? 'github-actions[bot]' : `reviewer-${i % 7}`,
            body: `Comment ${i}: looks good`
          })
        }
        const env: NodeJS.ProcessEnv = {
          GITHUB_WORKSPACE: fixture.workspace,
          GITHUB_API_URL: twin.url,
          GITHUB_REPOSITORY: `${twin.owner}/${twin.repo}`,
          RUNNER_TEMP: temp
        }
        const payload = pullRequestPayload({
          owner: twin.owner,
          repo: twin.repo,
          number,
          headSha: fixture.headSha,
          headRef: fixture.headRef,
          baseSha: fixture.baseSha
        })
        const ctx = (): ModeContext => ({
          config: readActionConfig(name => (name === 'github-token' ? 'ghs_workflow-token' : ''), env),
          eventName: 'pull_request',
          payload,
          env,
          log: quietLog,
          now: new Date(),
          // The action's own factory: the timings include its pacing of writes.
          github: gitHubClientFactory({ runtime: 'actions', env }),
          sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
        })
        const rows: BenchRow[] = []
        const measure = async (label: string, expectWrites: number) => {
          twin.clearRequests()
          const ms = await timeMs(() => runReviewMode(ctx()))
          const findReads = twin.countRequests({ operationId: 'issues/list-comments' })
          const reads = twin.countRequests({ kind: 'read' })
          const writes = twin.countRequests({ kind: 'write' })
          rows.push({
            name: `${label}: reads to find the sticky comment`,
            value: findReads,
            unit: 'requests',
            goal: { text: '≤ 3', met: findReads <= 3 },
            details: {
              reads,
              writes,
              ms,
              operations: twin.requests.map(r => `${r.method} ${r.operationId} ${r.status}`)
            }
          })
          rows.push({
            name: `${label}: writes`,
            value: writes,
            unit: 'requests',
            goal: { text: `≤ ${expectWrites}`, met: writes <= expectWrites }
          })
          rows.push({ name: `${label}: all reads`, value: reads, unit: 'requests' })
        }
        await measure('first review (creates)', 1)
        await measure('same data again (no change)', 0)
        await fixture.rewriteRuns(prRuns({ shift: 0.002 }))
        await measure('changed metrics (edits)', 1)
        const sticky = [...twin.state.comments.values()].filter(
          c => c.issueNumber === number && c.body.includes('experiment-review:default')
        )
        rows.push({
          name: 'sticky comments on the PR afterwards',
          value: sticky.length,
          unit: 'comments',
          goal: { text: '= 1', met: sticky.length === 1 }
        })
        rows.push({
          name: 'requests that broke the OpenAPI contract',
          value: twin.violations.length,
          unit: 'requests',
          goal: { text: '= 0', met: twin.violations.length === 0 }
        })
        return rows
      } finally {
        await twin.stop()
        await fixture.remove()
        await rm(temp, { recursive: true, force: true })
      }
    }
  }
]
