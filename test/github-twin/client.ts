// A client of the project's factory pointed at a twin, with retry waits and write spacing shrunk so tests
// and benchmarks stay fast (retry-after: 1 becomes 1 ms).
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientFactory,
  type GitHubClientLog,
  type GitHubRuntime
} from '../../src/github/client.js'
import type { GitHubTwin } from './server.js'

/** Log lines a test client collected. */
export interface CollectedLog extends GitHubClientLog {
  lines: string[]
}

/** A log that keeps its lines (for asserting retries were reported). */
export function collectingLog(): CollectedLog {
  const lines: string[] = []
  return {
    lines,
    debug: m => lines.push(`debug: ${m}`),
    info: m => lines.push(`info: ${m}`),
    warning: m => lines.push(`warning: ${m}`)
  }
}

/** createGitHubClient against the twin with fast retries; `token` is a key of twin.tokens. */
export function twinClient(
  twin: GitHubTwin,
  token: string,
  options: { runtime?: GitHubRuntime; log?: GitHubClientLog } = {}
): Promise<GitHubClient> {
  return createGitHubClient({
    token,
    baseUrl: twin.url,
    runtime: options.runtime ?? 'cli',
    log: options.log ?? collectingLog(),
    retry: { retryAfterBaseMs: 1, writeSpacingMs: 0 }
  })
}

/** The client factory a mode or the CLI gets in tests: twin clients of the token, with no pacing or retry waits. */
export function twinClientFactory(
  twin: GitHubTwin,
  options: { runtime?: GitHubRuntime; log?: GitHubClientLog } = {}
): GitHubClientFactory {
  return token => twinClient(twin, token, options)
}
