// What every mode gets and returns; main.ts turns the outcome into outputs and the step's result.
import type { ActionConfig } from '../config/inputs.js'
import type { Verdict, Violation } from '../core/compare.js'
import type { GitHubClientFactory, GitHubClientLog } from '../github/client.js'

/** Where a log line points, for annotations. */
export interface LogPlace {
  file?: string
  line?: number
  title?: string
}

/** The log of a mode: plain lines and annotations; untrusted text is made inert before it is written. */
export interface ActionLog {
  info(message: string): void
  notice(message: string, place?: LogPlace): void
  warning(message: string, place?: LogPlace): void
  error(message: string, place?: LogPlace): void
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>
}

/** The event that started the run and everything a mode needs to act on it. */
export interface ModeContext {
  config: ActionConfig
  eventName: string
  /** The webhook payload (untrusted). */
  payload: Record<string, unknown>
  env: NodeJS.ProcessEnv
  log: ActionLog
  now: Date
  /** Creates the GitHub client (main.ts: the real factory with retry and throttling; tests: one that never waits). */
  github: GitHubClientFactory
  /** Waits between attempts of a commit that lost a race (setTimeout in the action; tests: no wait). */
  sleep: (ms: number) => Promise<void>
}

/**
 * The repository the event is about: the payload's `repository`, else GITHUB_REPOSITORY. Throws with `where`
 * (what to run it from) when neither names one.
 */
export function repositoryOf(
  ctx: Pick<ModeContext, 'payload' | 'env'>,
  where: string
): { owner: string; repo: string } {
  const payload = ctx.payload as { repository?: { name?: unknown; owner?: { login?: unknown } } }
  const [owner, repo] = (ctx.env.GITHUB_REPOSITORY ?? '').split('/')
  const result = {
    owner: typeof payload.repository?.owner?.login === 'string' ? payload.repository.owner.login : owner,
    repo: typeof payload.repository?.name === 'string' ? payload.repository.name : repo
  }
  if (!result.owner || !result.repo)
    throw new Error(`The event names no repository and GITHUB_REPOSITORY is empty; run ${where}.`)
  return result
}

/** The client's log lines (retries, waits) written to a mode's log; its debug lines are dropped. */
export function clientLogOf(log: Pick<ActionLog, 'info' | 'warning'>): GitHubClientLog {
  return { debug: () => undefined, info: m => log.info(m), warning: m => log.warning(m) }
}

/** What a mode reports back. */
export interface ModeOutcome {
  verdict?: Verdict
  /** Path of the JSON report. */
  reportPath?: string
  commentUrl?: string
  /** The retraining issue monitor mode opened, updated or closed. */
  issueUrl?: string
  regressions?: Violation[]
  champion?: string
  /** Set when the step must fail, with the message to show. */
  failure?: string
}
