// GitHub Actions workflow runs: re-running the failed jobs of the run whose review failed the gate.
import { explainGitHubError } from './client.js'
import type { RepositoryRef } from './pr.js'

/**
 * Re-runs the failed jobs of a workflow run (and the jobs that depend on them), as the "Re-run failed jobs" button
 * does. Needs `actions: write`. GitHub refuses a run that is still in progress or older than 30 days.
 */
export async function rerunFailedJobs(options: RepositoryRef & { runId: number }): Promise<void> {
  const { client, owner, repo, runId } = options
  try {
    await client.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: runId })
  } catch (error) {
    throw explainGitHubError(
      error,
      `re-running the failed jobs of workflow run ${runId} in ${owner}/${repo}`,
      'actions: write'
    )
  }
}
